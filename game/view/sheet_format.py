"""The Aseprite JSON of a sprite sheet, checked field by field before the game uses any of it.

An artist can point the game at their own sheets (``ASYNC_BURGERS_ASSETS``). A sheet of the
wrong shape must stop the game at once with one line naming the file and what is wrong, not
with a traceback at start-up or, worse, in the middle of a day when an animation is first drawn.
Both Aseprite layouts are read: "array" (``frames`` is a list) and "hash" (an object).
"""

from __future__ import annotations

import json
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

MAX_SIDE = 8192  # pixels: a sheet wider or taller than this is refused before it is decoded
MAX_PIXELS = 4096 * 4096  # 64 MiB once decoded to RGBA
MAX_DURATION_MS = 3_600_000  # an hour per frame
MAX_ANCHOR = 10_000  # pixels from the frame's corner, either way
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


class AssetError(RuntimeError):
    """A sprite sheet is missing or broken; the message says which file and how to fix it."""


@dataclass(frozen=True)
class FrameSpec:
    """One frame: where it is in the image, and how long it shows."""

    rect: tuple[int, int, int, int]  # x, y, w, h
    duration: float  # seconds


@dataclass(frozen=True)
class TagSpec:
    """One animation: frames ``first..last`` (inclusive) and the pixel that stands on the floor."""

    name: str
    first: int
    last: int
    anchor: tuple[int, int]


@dataclass(frozen=True)
class SheetSpec:
    """Everything the game reads from one sheet's JSON, already checked."""

    size: tuple[int, int]  # meta.size: the PNG must be exactly this big
    frames: tuple[FrameSpec, ...]
    tags: tuple[TagSpec, ...]


def read_sheet_json(path: Path) -> SheetSpec:
    """Read and check ``path``; every fault becomes an ``AssetError`` naming the file."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise AssetError(f"cannot read sprite sheet {path}: {error.strerror or error}") from None
    try:
        text = raw.decode("utf-8-sig")  # tolerate the byte-order mark some editors add
    except UnicodeDecodeError as error:
        raise AssetError(
            f"sprite sheet {path} is not UTF-8 text (byte 0x{raw[error.start]:02x} at offset "
            f"{error.start})"
        ) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise AssetError(
            f"sprite sheet {path} is not valid JSON: {error.msg} at line {error.lineno} "
            f"column {error.colno}"
        ) from None
    except RecursionError:
        raise AssetError(f"sprite sheet {path} is not valid JSON: nested too deeply") from None
    return parse_sheet(data, path)


def parse_sheet(data: object, path: Path) -> SheetSpec:
    """Check the decoded JSON of one sheet and keep only what the game uses."""
    return _Checker(path).sheet(data)


def _kind(value: object) -> str:
    """How a JSON value reads in an error message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value!r}" if len(value) <= 20 else "a text"
    if isinstance(value, list):
        return "a list"
    return "an object"


class _Checker:
    """Walks one sheet's JSON; ``fail`` raises with the file name and the field's JSON path."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, problem: str) -> AssetError:
        return AssetError(f"sprite sheet {self.path}: {problem}")

    def obj(self, value: object, where: str) -> dict[str, object]:
        if not isinstance(value, dict):
            raise self.fail(f"{where} must be an object, not {_kind(value)}")
        return value

    def field(self, parent: dict[str, object], key: str, where: str) -> object:
        if key not in parent:
            raise self.fail(f"{where}.{key} is missing" if where else f'"{key}" is missing')
        return parent[key]

    def integer(self, value: object, where: str, minimum: int, maximum: int | None = None) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{where} must be a whole number, not {_kind(value)}")
        if value < minimum or (maximum is not None and value > maximum):
            shown = (
                str(value) if len(str(value)) <= 12 else f"a {len(str(abs(value)))}-digit number"
            )
            if maximum is None:
                raise self.fail(f"{where} must be at least {minimum}, not {shown}")
            raise self.fail(f"{where} must be from {minimum} to {maximum}, not {shown}")
        return value

    def point(self, value: object, where: str) -> tuple[int, int]:
        box = self.obj(value, where)
        return (
            self.integer(self.field(box, "x", where), f"{where}.x", -MAX_ANCHOR, MAX_ANCHOR),
            self.integer(self.field(box, "y", where), f"{where}.y", -MAX_ANCHOR, MAX_ANCHOR),
        )

    def sheet(self, data: object) -> SheetSpec:
        if not isinstance(data, dict):
            raise self.fail(
                f'the JSON is {_kind(data)}; a sheet is an object with "frames" and "meta" '
                "(Aseprite's JSON export)"
            )
        meta = self.obj(self.field(data, "meta", ""), "meta")
        size_box = self.obj(self.field(meta, "size", "meta"), "meta.size")
        size = (
            self.integer(self.field(size_box, "w", "meta.size"), "meta.size.w", 1, MAX_SIDE),
            self.integer(self.field(size_box, "h", "meta.size"), "meta.size.h", 1, MAX_SIDE),
        )
        if size[0] * size[1] > MAX_PIXELS:
            raise self.fail(f"meta.size {size[0]}x{size[1]} is more than {MAX_PIXELS:,} pixels")
        frames = self.frames(self.field(data, "frames", ""), size)
        sheet_anchor = self.point(meta["anchor"], "meta.anchor") if "anchor" in meta else None
        tags = self.tags(self.field(meta, "frameTags", "meta"), frames, sheet_anchor)
        return SheetSpec(size, frames, tags)

    def frames(self, value: object, size: tuple[int, int]) -> tuple[FrameSpec, ...]:
        if isinstance(value, dict):  # Aseprite "hash" layout: {filename: entry}
            entries = [(f"frames[{key!r}]", entry) for key, entry in value.items()]
        elif isinstance(value, list):  # "array" layout
            entries = [(f"frames[{i}]", entry) for i, entry in enumerate(value)]
        else:
            raise self.fail(f"frames must be a list or an object, not {_kind(value)}")
        if not entries:
            raise self.fail("frames is empty: the sheet has no pictures")
        return tuple(self.frame(entry, where, size) for where, entry in entries)

    def frame(self, value: object, where: str, size: tuple[int, int]) -> FrameSpec:
        entry = self.obj(value, where)
        box = self.obj(self.field(entry, "frame", where), f"{where}.frame")
        x, y, w, h = (
            self.integer(self.field(box, key, f"{where}.frame"), f"{where}.frame.{key}", low)
            for key, low in (("x", 0), ("y", 0), ("w", 1), ("h", 1))
        )
        if x + w > size[0] or y + h > size[1]:
            raise self.fail(
                f"{where}.frame (x={x}, y={y}, w={w}, h={h}) reaches outside the "
                f"{size[0]}x{size[1]} image (meta.size)"
            )
        duration = entry.get("duration", 100)
        if (
            isinstance(duration, bool)
            or not isinstance(duration, (int, float))
            or not 0 < duration <= MAX_DURATION_MS  # also NaN, inf and 400-digit numbers
        ):
            shown = _kind(duration)
            if isinstance(duration, int) and len(str(duration)) > 12:
                shown = f"a {len(str(abs(duration)))}-digit number"
            raise self.fail(
                f"{where}.duration must be a positive number of milliseconds up to "
                f"{MAX_DURATION_MS:,}, not {shown}"
            )
        return FrameSpec((x, y, w, h), duration / 1000.0)

    def tags(
        self,
        value: object,
        frames: tuple[FrameSpec, ...],
        sheet_anchor: tuple[int, int] | None,
    ) -> tuple[TagSpec, ...]:
        if not isinstance(value, list):
            raise self.fail(f"meta.frameTags must be a list, not {_kind(value)}")
        if not value:
            raise self.fail("meta.frameTags is empty: the sheet has no animations")
        tags: dict[str, TagSpec] = {}
        last_frame = len(frames) - 1
        for i, item in enumerate(value):
            where = f"meta.frameTags[{i}]"
            tag = self.obj(item, where)
            name = self.field(tag, "name", where)
            if not isinstance(name, str) or not name:
                raise self.fail(f"{where}.name must be a non-empty text, not {_kind(name)}")
            if name in tags:
                raise self.fail(f"{where}: a second animation named {name!r}")
            first = self.integer(self.field(tag, "from", where), f"{where}.from", 0)
            last = self.integer(self.field(tag, "to", where), f"{where}.to", 0)
            if last < first:
                raise self.fail(f"{where} ({name!r}) runs backwards, from {first} to {last}")
            if last > last_frame:
                raise self.fail(
                    f"{where} ({name!r}) runs to frame {last} but the sheet has frames "
                    f"0..{last_frame} only"
                )
            if "anchor" in tag:
                anchor = self.point(tag["anchor"], f"{where}.anchor")
            elif sheet_anchor is not None:
                anchor = sheet_anchor
            else:  # bottom centre of the first frame: props stand on the floor
                _, _, w, h = frames[first].rect
                anchor = (w // 2, h)
            tags[name] = TagSpec(name, first, last, anchor)
        return tuple(tags.values())


def check_png(path: Path, size: tuple[int, int], described_by: str = "its JSON") -> None:
    """Before decoding: the PNG is whole (every chunk there, its checksum right, up to
    IEND) and its header says ``size``. A cut-off or damaged file, or one that would
    decode to far more pixels than the sheet says (a gigabyte from a few kilobytes), is
    refused here with one line, never handed to the image library."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AssetError(f"cannot read sprite sheet {path}: {error.strerror or error}") from None

    def unreadable(why: str) -> AssetError:
        return AssetError(f"sprite sheet {path} is not a readable image: {why}")

    if not data.startswith(PNG_SIGNATURE):
        raise unreadable("not a PNG (its first bytes are wrong)")
    at = len(PNG_SIGNATURE)
    first = True
    while True:
        if at + 8 > len(data):
            raise unreadable(f"cut off after {len(data):,} bytes")
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        end = at + 8 + length + 4
        if end > len(data):
            raise unreadable(f"cut off after {len(data):,} bytes, inside a chunk at byte {at:,}")
        body = data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if zlib.crc32(kind + body) != crc:
            raise unreadable(f"damaged (the checksum of the chunk at byte {at:,} is wrong)")
        if first:
            if kind != b"IHDR" or length < 8:
                raise unreadable("no IHDR header first")
            width, height = struct.unpack(">II", body[:8])
            if (width, height) != size:
                raise AssetError(
                    f"sprite sheet {path} is {width}x{height} pixels but {described_by} says "
                    f"{size[0]}x{size[1]} (meta.size)"
                )
            first = False
        if kind == b"IEND":
            return
        at = end
