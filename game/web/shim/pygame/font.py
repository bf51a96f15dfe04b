"""pygame.font with pygame's own default font (freesansbold.ttf, shipped with the page as a
web font): the same pixel size per em and line metrics as pygame-ce (``_metrics``), widths
measured by the browser. ``bold`` widens each letter by ppem // 10 pixels and thickens the
strokes, as SDL_ttf's synthetic bold does."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from . import _backend as B
from ._metrics import FIRST, LINES, SCALE
from .constants import SRCALPHA
from .surface import Surface, colour

FAMILY = "AsyncBurgersSans"  # the @font-face of the page (game/web/page/index.html)
ADVANCES = Path(__file__).with_name("_advances.json")  # written by the build (fonttable.py)
_init = False
_tables: dict[int, dict[str, float]] | None = None
_MISSING = object()
_KEPT = 4096  # texts whose width a font keeps (then it starts again)


def advances(ppem: int) -> dict[str, float]:
    """pygame-ce's advance of each letter at ``ppem`` (pixels); empty if not in the table."""
    global _tables
    if _tables is None:
        _tables = {}
        if ADVANCES.exists():
            data = json.loads(ADVANCES.read_text(encoding="utf-8"))
            chars = data["chars"]
            for size, widths in data["sizes"].items():
                _tables[int(size)] = {c: w / 64 for c, w in zip(chars, widths, strict=True)}
    return _tables.get(ppem, {})


def init() -> None:
    global _init
    _init = True


def quit() -> None:  # noqa: A001 - pygame's name
    global _init
    _init = False


def get_init() -> bool:
    return _init


def get_default_font() -> str:
    return "freesansbold.ttf"


def match_font(name: Any, bold: bool = False, italic: bool = False) -> None:
    """No system fonts in the page, only pygame's default one: None, as pygame says when
    none of the names is found (the editor then writes code in the default font)."""
    return None


def lines(ppem: int) -> tuple[int, int]:
    """(line height, ascent) in pixels for ``ppem`` pixels per em."""
    if ppem - FIRST < len(LINES):
        return LINES[max(0, ppem - FIRST)]
    return math.ceil(ppem * 1.09), math.ceil(ppem * 0.8)


class Font:
    def __init__(self, path: Any = None, size: int = 12) -> None:
        if path is not None and "freesansbold" not in str(path):
            raise FileNotFoundError(f"only pygame's default font is in the page, not {path!r}")
        self.ppem = max(1, int(max(1, int(size)) * SCALE))
        self.height, self.ascent = lines(self.ppem)
        self._advances: dict[str, float | None] = {}
        self._bold = False
        self.italic = False
        self.underline = False
        self.strikethrough = False

    @property
    def bold(self) -> bool:
        return self._bold

    @bold.setter
    def bold(self, value: bool) -> None:
        self._bold = bool(value)
        self._advances.clear()  # bold letters are wider (``spacing``)

    @property
    def css(self) -> str:
        return f"{'italic ' if self.italic else ''}{self.ppem}px {FAMILY}"

    @property
    def spacing(self) -> int:
        """SDL_ttf's bold: each glyph's advance grows by ppem // 10."""
        return self.ppem // 10 if self.bold else 0

    def advance(self, text: str) -> float | None:
        """Where the pen ends after ``text``: the sum of pygame's advances, or None when a
        letter is not in the table (then the browser lays the text out). Kept per text:
        layout code asks the width of the same words every frame (wrapping a card)."""
        found = self._advances.get(text, _MISSING)
        if found is _MISSING:
            table = advances(self.ppem)
            try:
                found = sum(map(table.__getitem__, text)) + self.spacing * len(text)
            except KeyError:
                found = None
            if len(self._advances) >= _KEPT:
                self._advances.clear()
            self._advances[text] = found
        return found  # type: ignore[return-value]

    def size(self, text: str) -> tuple[int, int]:
        text = str(text)
        if not text:
            return 0, self.ppem
        pen = self.advance(text)
        if pen is not None:
            return max(1, round(pen)), self.ppem
        width = B.canvas.textWidth(self.css, text, self.spacing)
        return max(1, round(width)), self.ppem

    def render(
        self, text: str, antialias: bool, color: Any, background: Any = None
    ) -> Surface:
        text = str(text).split("\n")[0]
        width = self.size(text)[0] if text else 0
        css = colour(color)[0]
        bg = None if background is None else colour(background)[1]
        embolden = self.ppem / 24 if self.bold else 0.0
        handle = B.canvas.text(
            self.css, text, max(1, width), self.height, self.ascent, css, embolden, bg,
            self.spacing, self.advance(text) if text else None,
        )
        return Surface(
            (max(1, width) if text else 0, self.height),
            SRCALPHA if background is None else 0,
            _handle=handle,
        )

    def get_height(self) -> int:
        return self.ppem

    def get_linesize(self) -> int:
        return self.height

    def get_ascent(self) -> int:
        return self.ascent

    def get_descent(self) -> int:
        return self.ascent - self.height

    def set_bold(self, value: bool) -> None:
        self.bold = value

    def get_bold(self) -> bool:
        return self.bold


def SysFont(name: Any, size: int, bold: bool = False, italic: bool = False) -> Font:  # noqa: N802
    font = Font(None, size)
    font.bold, font.italic = bold, italic
    return font
