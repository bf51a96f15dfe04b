"""pygame.image in the page: PNGs were decoded by the browser when the game's files were
unpacked (a page cannot decode an image while Python waits), ``save`` writes a real PNG and
offers it as a download (F12), ``tobytes`` reads the canvas back."""

from __future__ import annotations

import os
import struct
import zlib
from typing import Any

from . import _backend as B
from .constants import SRCALPHA
from .surface import Surface, error


def load(path: Any, namehint: str = "") -> Surface:
    full = os.path.abspath(os.fspath(path))
    handle = B.page.image(full)
    if not handle:
        if not os.path.exists(full):
            raise FileNotFoundError(f"No file '{path}' found in working directory")
        raise error(f"{path}: only PNGs unpacked with the game are decoded in the page")
    return Surface((handle.w, handle.h), SRCALPHA, _handle=handle)


def tobytes(surface: Surface, format: str, flipped: bool = False) -> bytes:  # noqa: A002
    rgba = surface._rgba()
    w, h = surface.get_size()
    if format == "RGBA":
        data = rgba
    elif format == "RGB":
        out = bytearray(w * h * 3)
        out[0::3], out[1::3], out[2::3] = rgba[0::4], rgba[1::4], rgba[2::4]
        data = bytes(out)
    else:
        raise ValueError(f"format {format!r} is not read back in the page")
    if flipped:
        row = len(data) // max(1, h)
        data = b"".join(data[i : i + row] for i in range(len(data) - row, -1, -row))
    return data


tostring = tobytes


def png_bytes(surface: Surface) -> bytes:
    """The surface as a PNG file (RGB, or RGBA with alpha), standard library only."""
    w, h = surface.get_size()
    alpha = bool(surface.get_flags() & SRCALPHA)
    raw = tobytes(surface, "RGBA" if alpha else "RGB")
    row = w * (4 if alpha else 3)
    body = b"".join(b"\0" + raw[y * row : (y + 1) * row] for y in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", w, h, 8, 6 if alpha else 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(body, 6)) + chunk(b"IEND", b"")
    )


def save(surface: Surface, path: Any, namehint: str = "") -> None:
    data = png_bytes(surface)
    with open(os.fspath(path), "wb") as file:
        file.write(data)
    B.page.download(os.path.basename(os.fspath(path)), B.to_js(data), "image/png")


def get_extended() -> bool:
    return False
