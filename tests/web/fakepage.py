"""A stand-in for the page's JavaScript, so the browser pygame runs in CPython: every
canvas call of game/web/page/pgcanvas.js is done here with real pygame-ce surfaces. The
shim's own rules (clip rects, blit areas, subsurfaces, fills, events) can then be compared
with pygame-ce's, pixel for pixel; what the canvas itself draws is tested in the browser."""

from __future__ import annotations

import importlib.util
import re
import sys
import types
from pathlib import Path
from typing import Any

import pygame

SHIM = Path(__file__).resolve().parents[2] / "game" / "web" / "shim" / "pygame"


def parse(css: str) -> tuple[int, int, int, int]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    r, g, b = (int(n) for n in numbers[:3])
    a = round(numbers[3] * 255) if len(numbers) > 3 else 255
    return r, g, b, a


class Canvas:
    """pgcanvas: surfaces are pygame surfaces (a subsurface is pygame's subsurface)."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def surface(self, w: int, h: int, alpha: bool) -> pygame.Surface:
        self.calls.append("surface")
        return pygame.Surface((w, h), pygame.SRCALPHA if alpha else 0)

    def subsurface(self, s: pygame.Surface, x: int, y: int, w: int, h: int) -> pygame.Surface:
        return s.subsurface((x, y, w, h))

    def setClip(self, s: pygame.Surface, x: int, y: int, w: int, h: int) -> None:  # noqa: N802
        self.calls.append("setClip")

    def fill(self, s: pygame.Surface, css: str, x: int, y: int, w: int, h: int) -> None:
        self.calls.append("fill")
        clip = s.get_clip()
        s.set_clip(None)
        s.fill(parse(css), (x, y, w, h))
        s.set_clip(clip)

    def blit(self, d: pygame.Surface, s: pygame.Surface, sx: int, sy: int, w: int, h: int,
             dx: int, dy: int) -> None:
        self.calls.append("blit")
        assert sx >= 0 and sy >= 0 and sx + w <= s.get_width() and sy + h <= s.get_height()
        clip = d.get_clip()
        d.set_clip(None)
        d.blit(s, (dx, dy), (sx, sy, w, h))
        d.set_clip(clip)

    def copy(self, s: pygame.Surface, alpha: bool) -> pygame.Surface:
        out = pygame.Surface(s.get_size(), pygame.SRCALPHA if alpha else 0)
        out.blit(s, (0, 0))
        return out

    def multiply(self, s: pygame.Surface, r: int, g: int, b: int, a: int, x: int, y: int,
                 w: int, h: int) -> None:
        s.fill((r, g, b, a), (x, y, w, h), special_flags=pygame.BLEND_RGBA_MULT)

    def bounds(self, s: pygame.Surface, least: int) -> list[int]:
        return list(s.get_bounding_rect(least))

    def pixels(self, s: pygame.Surface) -> bytes:
        return pygame.image.tobytes(s, "RGBA")

    def pixel(self, s: pygame.Surface, x: int, y: int) -> list[int]:
        return list(s.get_at((x, y)))

    def textWidth(self, font: str, text: str, spacing: int) -> float:  # noqa: N802
        return 7.5 * len(text) + spacing * len(text)

    def text(self, font: str, text: str, w: int, h: int, ascent: int, css: str,
             embolden: float, bg: Any, spacing: int, pens: Any = None) -> pygame.Surface:
        self.calls.append("text")
        return pygame.Surface((w, h), pygame.SRCALPHA if bg is None else 0)

    def __getattr__(self, name: str) -> Any:  # paths: drawn by the browser, counted here
        def call(*args: Any) -> None:
            self.calls.append(name)

        return call


class Decoded(pygame.Surface):
    """A decoded image as the page hands it over: a surface that knows its w and h."""

    w = property(lambda self: self.get_width())
    h = property(lambda self: self.get_height())


class Page:
    """pgpage: a queue of DOM events, decoded images, downloads, the clipboard."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.queue: list[list[Any]] = []
        self.images: dict[str, pygame.Surface] = {}
        self.downloads: list[tuple[str, bytes, str]] = []
        self.clipped: list[str] = []
        self.frames = 0
        self.full = False
        self.title_text = ""
        self.text_rects: list[tuple[int, int, int, int]] = []

    def screen(self, w: int, h: int) -> pygame.Surface:
        return pygame.Surface((w, h))

    def presented(self) -> None:
        self.frames += 1

    def nextFrame(self, callback: Any) -> None:  # noqa: N802
        callback(0)

    def drain(self) -> list[list[Any]]:
        out, self.queue = self.queue, []
        return out

    def textRect(self, x: int, y: int, w: int, h: int) -> None:  # noqa: N802
        self.text_rects.append((x, y, w, h))

    def image(self, path: str) -> Any:
        found = self.images.get(path)
        if found is None:
            return None
        handle = Decoded(found.get_size(), pygame.SRCALPHA)
        handle.blit(found, (0, 0))
        return handle

    def download(self, name: str, data: bytes, kind: str) -> None:
        self.downloads.append((name, bytes(data), kind))

    def clipboard(self, text: str) -> bool:
        self.clipped.append(text)
        return True

    def isFullscreen(self) -> bool:  # noqa: N802
        return self.full

    def fullscreen(self, on: bool) -> None:
        self.full = on

    def caption(self, text: str) -> None:
        self.title_text = text

    def title(self) -> str:
        return self.title_text

    def audioAvailable(self) -> bool:  # noqa: N802
        return True

    def __getattr__(self, name: str) -> Any:
        if name.startswith("audio"):
            return lambda *args: False
        raise AttributeError(name)


def load(name: str = "webpygame") -> tuple[types.ModuleType, Canvas, Page]:
    """The browser pygame imported as ``name`` over a fresh fake page."""
    for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
        del sys.modules[key]
    canvas = Canvas()
    page = Page(canvas)
    sys.modules["js"] = types.SimpleNamespace(pgcanvas=canvas, pgpage=page)  # type: ignore[assignment]
    spec = importlib.util.spec_from_file_location(
        name, SHIM / "__init__.py", submodule_search_locations=[str(SHIM)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["js"]
    return module, canvas, page
