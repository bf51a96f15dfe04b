"""The learner's editor drawn: line numbers, Python colours, the cursor and the selection,
errors marked where they are, and the shop's verbs beside it.

It reads the ``Buffer`` (game/editor) and never edits it; what it keeps is only how the
text is laid out: which line is at the top, how far it is scrolled sideways, and so which
character is under a pixel. Code is drawn in a monospaced font when the system has one
(the game's own font otherwise: every position is measured, never assumed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pygame

from ..editor import syntax
from ..editor.buffer import Buffer, Pos
from ..editor.verbs import Verb
from ..i18n import _
from . import palette as P
from .text import fitted, label, px
from .text import font as ui_font

MONO_FONTS = "dejavusansmono,menlo,consolas,liberationmono,ubuntumono,couriernew,monospace"
# where the usual monospaced fonts live: looked at first, since asking the system's font
# list (fc-list on Linux) can take seconds on a busy machine, a frozen frame in the game
MONO_FILES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/dejavu/DejaVuSansMono.ttf",
    "/usr/share/fonts/TTF/DejaVuSansMono.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationMono-Regular.ttf",
    "/System/Library/Fonts/Menlo.ttc",
    "/System/Library/Fonts/Monaco.ttf",
    "C:/Windows/Fonts/consola.ttf",
    "C:/Windows/Fonts/cour.ttf",
)
CODE_SIZE = 15  # at text scale 1 (79 characters fit, as PEP 8 writes); larger with big text
GOLD = (255, 200, 90)
RED = (235, 90, 80)
BACK = (14, 16, 22)
GUTTER = (24, 26, 34)
SELECTION = (52, 84, 140)
CURRENT_LINE = (26, 30, 42)
ERROR_LINE = (80, 24, 26)
NUMBERS = (110, 112, 132)
COLOURS: dict[str, tuple[int, int, int]] = {
    syntax.PLAIN: (222, 222, 228),
    syntax.KEYWORD: (255, 130, 170),
    syntax.ASYNC: GOLD,
    syntax.BUILTIN: (120, 210, 250),
    syntax.STRING: (176, 228, 132),
    syntax.COMMENT: (128, 132, 152),
    syntax.NUMBER: (240, 168, 110),
    syntax.DEFINED: (110, 200, 255),
    syntax.CALL: (160, 196, 255),
    syntax.OP: (190, 190, 204),
}
LINE_CACHE = 400

_mono: dict[int, pygame.font.Font] = {}


def mono(size: int) -> pygame.font.Font:
    """The code font at ``size`` pixels (already scaled)."""
    font = _mono.get(size)
    if font is None:
        if not pygame.font.get_init():
            pygame.font.init()
        if not _mono:
            pygame.register_quit(_mono.clear)  # fonts die with pygame.quit
        path = mono_file()
        font = pygame.font.Font(path, size) if path else pygame.font.Font(None, size)
        _mono[size] = font
    return font


@lru_cache(maxsize=1)
def mono_file() -> str | None:
    """A monospaced font file: a known place first, else the system's list, else None
    (the game's own font: positions are measured, so it works, less neatly)."""
    for path in MONO_FILES:
        if Path(path).is_file():
            return path
    return pygame.font.match_font(MONO_FONTS)


@dataclass(frozen=True)
class Mark:
    """An error shown in the text: a ``syntax`` error at a column (and maybe to an end
    column), or an ``error`` raised at run time on a whole line. ``line`` is 1-based."""

    kind: str  # "syntax" or "error"
    line: int
    message: str
    col: int = 0
    end_col: int | None = None


class EditorView:
    """Lays the buffer out in ``rect`` and draws it; knows which character is where."""

    def __init__(self, rect: pygame.Rect) -> None:
        self.rect = pygame.Rect(rect)
        self.top = 0  # the first line shown
        self.left = 0  # pixels scrolled sideways
        self._lines: dict[tuple[str, tuple[syntax.Span, ...], int], pygame.Surface] = {}
        self._spans: tuple[int, list[list[syntax.Span]]] = (-1, [])

    # -- layout -----------------------------------------------------------------------------
    @property
    def font(self) -> pygame.font.Font:
        return mono(px(CODE_SIZE))

    @property
    def line_h(self) -> int:
        return self.font.get_linesize() + px(2)

    @property
    def header_h(self) -> int:
        return px(34)

    @property
    def footer_h(self) -> int:
        return px(48)

    def gutter_w(self, buffer: Buffer) -> int:
        digits = max(2, len(str(len(buffer.lines))))
        return self.font.size("9" * digits)[0] + px(22)

    def text_rect(self, buffer: Buffer) -> pygame.Rect:
        """Where the text itself is drawn (right of the numbers, between header and footer)."""
        r = self.rect
        gutter = self.gutter_w(buffer)
        return pygame.Rect(
            r.x + gutter, r.y + self.header_h, r.w - gutter - 4, r.h - self.header_h - self.footer_h
        )

    def _run_label(self) -> pygame.Surface:
        return label(" " + _("Run (F5)") + " ", 20, P.INK, True)

    @property
    def run_rect(self) -> pygame.Rect:
        """The Run button, in the header's right end."""
        r = self.rect
        centre_y = r.y + self.header_h // 2
        button = self._run_label().get_rect(midright=(r.right - px(8), centre_y))
        return button.inflate(px(8), px(4))

    def _reset_label(self) -> pygame.Surface:
        return label(" " + _("Start again") + " ", 18, P.WHITE, True)

    @property
    def reset_rect(self) -> pygame.Rect:
        """The button that puts the level's starting code back (undoable), left of Run."""
        run = self.run_rect
        button = self._reset_label().get_rect(midright=(run.x - px(10), run.centery))
        return button.inflate(px(8), px(4))

    def rows(self, buffer: Buffer) -> int:
        """How many lines fit (a page)."""
        return max(1, self.text_rect(buffer).h // self.line_h)

    def x_of(self, buffer: Buffer, pos: Pos) -> int:
        """The screen x of the gap before ``pos``'s character."""
        text = buffer.lines[pos.line][: pos.col]
        return self.text_rect(buffer).x + px(6) + self.font.size(text)[0] - self.left

    def y_of(self, buffer: Buffer, line: int) -> int:
        return self.text_rect(buffer).y + (line - self.top) * self.line_h

    def pos_at(self, buffer: Buffer, point: tuple[int, int]) -> Pos:
        """The gap between characters nearest to ``point`` (above the text: the first line,
        below it: the last; left of it: the line's start)."""
        area = self.text_rect(buffer)
        line = self.top + (point[1] - area.y) // self.line_h
        line = min(max(line, 0), len(buffer.lines) - 1)
        text = buffer.lines[line]
        x = point[0] - (area.x + px(6)) + self.left
        if x <= 0:
            return Pos(line, 0)
        font = self.font
        lo, hi = 0, len(text)
        while lo < hi:  # the first gap at or right of x
            mid = (lo + hi) // 2
            if font.size(text[:mid])[0] < x:
                lo = mid + 1
            else:
                hi = mid
        if lo > 0:
            before, after = font.size(text[: lo - 1])[0], font.size(text[:lo])[0]
            if x - before < after - x:
                lo -= 1
        return Pos(line, lo)

    def show(self, buffer: Buffer, pos: Pos | None = None) -> None:
        """Scroll so that ``pos`` (the cursor) is on screen with a little room around it."""
        pos = pos or buffer.cursor
        rows = self.rows(buffer)
        margin = 1 if rows > 4 else 0
        if pos.line < self.top + margin:
            self.top = max(0, pos.line - margin)
        elif pos.line >= self.top + rows - margin:
            self.top = pos.line - rows + 1 + margin
        self.top = min(self.top, max(0, len(buffer.lines) - rows + margin))
        self.top = max(0, self.top)
        area = self.text_rect(buffer)
        x = self.font.size(buffer.lines[pos.line][: pos.col])[0]
        room = area.w - px(12)
        char = self.font.size("m")[0]
        if x + char <= room:
            self.left = 0  # the cursor fits without scrolling: the line starts at the edge
        elif x - self.left > room - char:  # just far enough, with a few characters to spare
            self.left = x - room + 4 * char
        elif x - self.left < char:
            self.left = max(0, x - 4 * char)

    def scroll(self, buffer: Buffer, lines: int) -> None:
        """The mouse wheel: ``lines`` down (negative: up), within the text."""
        most = max(0, len(buffer.lines) - self.rows(buffer) + 1)
        self.top = min(max(0, self.top + lines), most)

    def scroll_sideways(self, buffer: Buffer, pixels: int) -> None:
        widest = max(self.font.size(line)[0] for line in buffer.lines)
        self.left = min(max(0, self.left + pixels), max(0, widest - self.text_rect(buffer).w // 2))

    # -- drawing ----------------------------------------------------------------------------
    def spans(self, buffer: Buffer) -> list[list[syntax.Span]]:
        """The colours, worked out again only when the text changed."""
        if self._spans[0] != buffer.version:
            self._spans = (buffer.version, syntax.spans(buffer.lines))
        return self._spans[1]

    def draw(
        self,
        surface: pygame.Surface,
        buffer: Buffer,
        *,
        title: str,
        focused: bool,
        marks: Sequence[Mark] = (),
        cursor_on: bool = True,
        composing: str = "",
        status: str = "",
    ) -> None:
        r = self.rect
        pygame.draw.rect(surface, BACK, r, border_radius=6)
        self._header(surface, title, focused)
        area = self.text_rect(buffer)
        gutter = pygame.Rect(r.x + 2, area.y, area.x - r.x - 2, area.h)
        pygame.draw.rect(surface, GUTTER, gutter)
        rows = self.rows(buffer)
        by_line = {m.line - 1: m for m in sorted(marks, key=lambda m: m.kind == "syntax")}
        squiggles = {m.line - 1: m for m in marks if m.kind == "syntax"}
        spans = self.spans(buffer)
        sel = buffer.selection()
        old_clip = surface.get_clip()
        for row in range(rows + 1):
            n = self.top + row
            if n >= len(buffer.lines):
                break
            y = area.y + row * self.line_h
            band = pygame.Rect(area.x, y, area.w, self.line_h)
            mark = by_line.get(n)
            if mark is not None:
                pygame.draw.rect(surface, ERROR_LINE, band.clip(area))
            elif focused and n == buffer.cursor.line and sel is None:
                pygame.draw.rect(surface, CURRENT_LINE, band.clip(area))
            number = self.font.render(str(n + 1), True, RED if mark is not None else NUMBERS)
            if y + number.get_height() <= area.bottom + px(4):
                surface.blit(number, number.get_rect(topright=(area.x - px(10), y + 1)))
            if mark is not None:
                self._gutter_sign(surface, area.x - px(6), y + self.line_h // 2)
            surface.set_clip(area.clip(old_clip) if old_clip else area)
            if sel is not None:
                self._selection(surface, buffer, n, sel, y)
            surface.blit(self._line(buffer.lines[n], spans[n]), (area.x + px(6) - self.left, y + 1))
            if n in squiggles:
                self._squiggle(surface, buffer, squiggles[n], y)
            if mark is not None:
                self._inline(surface, buffer, mark, n, y, area)
            surface.set_clip(old_clip)
        if focused:
            self._cursor(surface, buffer, cursor_on, composing)
        self._footer(surface, buffer, marks, status, focused)
        border = GOLD if focused else (90, 90, 110)
        pygame.draw.rect(surface, border, r, 2, border_radius=6)

    def _header(self, surface: pygame.Surface, title: str, focused: bool) -> None:
        r = self.rect
        bar = pygame.Rect(r.x, r.y, r.w, self.header_h)
        pygame.draw.rect(
            surface, (30, 26, 40), bar, border_top_left_radius=6, border_top_right_radius=6
        )
        button = self._run_label()
        run = self.run_rect
        pygame.draw.rect(surface, (120, 220, 130), run, border_radius=6)
        surface.blit(button, button.get_rect(center=run.center))
        reset = self.reset_rect
        pygame.draw.rect(surface, (70, 66, 96), reset, border_radius=6)
        image = self._reset_label()
        surface.blit(image, image.get_rect(center=reset.center))
        room = reset.x - r.x - px(20)
        surface.blit(fitted(title, 22, GOLD, room), (r.x + px(10), bar.y + px(6)))

    def _footer(
        self,
        surface: pygame.Surface,
        buffer: Buffer,
        marks: Sequence[Mark],
        status: str,
        focused: bool,
    ) -> None:
        r = self.rect
        y = r.bottom - self.footer_h + px(4)
        pygame.draw.line(surface, (70, 70, 90), (r.x + 6, y - px(3)), (r.right - 6, y - px(3)))
        width = r.w - px(20)
        shown = sorted(marks, key=lambda m: m.line)[:1]
        if shown:
            mark = shown[0]
            if mark.kind == "syntax":
                text = _("line {line}, column {col}: {message}").format(
                    line=mark.line, col=mark.col + 1, message=mark.message
                )
            else:
                text = _("line {line}: {message}").format(line=mark.line, message=mark.message)
            surface.blit(cut(text, 20, (255, 150, 140), width), (r.x + px(10), y))
        elif status:
            surface.blit(cut(status, 20, (170, 230, 170), width), (r.x + px(10), y))
        c = buffer.cursor
        where = _("line {line}, column {col}").format(line=c.line + 1, col=c.col + 1)
        keys = (
            _("ESC: back to the shop   Ctrl+Z: undo   Ctrl+Enter: run")
            if focused
            else _("E or a click: edit")
        )
        hint = cut(f"{where}    {keys}", 17, (150, 150, 170), width)
        surface.blit(hint, (r.x + px(10), y + px(22)))

    def _line(self, text: str, spans: list[syntax.Span]) -> pygame.Surface:
        """One line in its colours, drawn once and kept while it stays the same."""
        font = self.font
        key = (text, tuple(spans), font.get_height())
        image = self._lines.get(key)
        if image is not None:
            return image
        if len(self._lines) >= LINE_CACHE:
            del self._lines[next(iter(self._lines))]
        width = max(1, font.size(text)[0])
        image = pygame.Surface((width, font.get_linesize() + 2), pygame.SRCALPHA)
        col = 0
        for span in [*spans, syntax.Span(len(text), len(text), syntax.PLAIN)]:
            start, end = min(span.start, len(text)), min(span.end, len(text))
            if start > col:
                self._piece(image, text, col, start, COLOURS[syntax.PLAIN])
            if end > start:
                self._piece(image, text, start, end, COLOURS.get(span.kind, COLOURS["plain"]))
            col = max(col, end)
        self._lines[key] = image
        return image

    def _piece(
        self, image: pygame.Surface, text: str, start: int, end: int, colour: tuple[int, ...]
    ) -> None:
        font = self.font
        image.blit(font.render(text[start:end], True, colour), (font.size(text[:start])[0], 0))

    def _selection(
        self, surface: pygame.Surface, buffer: Buffer, n: int, sel: tuple[Pos, Pos], y: int
    ) -> None:
        start, end = sel
        if not start.line <= n <= end.line:
            return
        a = self.x_of(buffer, Pos(n, start.col if n == start.line else 0))
        if n == end.line:
            b = self.x_of(buffer, Pos(n, end.col))
        else:
            b = self.x_of(buffer, Pos(n, len(buffer.lines[n]))) + self.font.size(" ")[0]
        pygame.draw.rect(surface, SELECTION, (a, y, max(b - a, 2), self.line_h))

    def _squiggle(self, surface: pygame.Surface, buffer: Buffer, mark: Mark, y: int) -> None:
        """A red wave under the column Python points at (at least one character wide)."""
        n = mark.line - 1
        text = buffer.lines[n]
        col = min(mark.col, len(text))
        end = min(mark.end_col if mark.end_col is not None else col + 1, len(text))
        a = self.x_of(buffer, Pos(n, col))
        b = max(self.x_of(buffer, Pos(n, end)), a + self.font.size("m")[0])
        base = y + self.line_h - px(3)
        points = [
            (x, base + (px(2) if (x - a) // px(3) % 2 else 0)) for x in range(a, b + 1, px(3))
        ]
        if len(points) > 1:
            pygame.draw.lines(surface, RED, False, points, max(1, px(2)))
        caret = [(a, base + px(3)), (a + px(5), base - px(3)), (a + px(10), base + px(3))]
        pygame.draw.polygon(surface, RED, caret)

    def _inline(
        self,
        surface: pygame.Surface,
        buffer: Buffer,
        mark: Mark,
        n: int,
        y: int,
        area: pygame.Rect,
    ) -> None:
        """The message right after the marked line's end, when there is room for it."""
        x = self.x_of(buffer, Pos(n, len(buffer.lines[n]))) + self.font.size("  ")[0]
        room = area.right - x - px(6)
        if room < px(120):
            return
        image = cut("<- " + mark.message, 17, (255, 160, 150), room)
        surface.blit(image, (x, y + (self.line_h - image.get_height()) // 2))

    def _gutter_sign(self, surface: pygame.Surface, x: int, y: int) -> None:
        pygame.draw.circle(surface, RED, (x - px(3), y), px(3))

    def _cursor(self, surface: pygame.Surface, buffer: Buffer, on: bool, composing: str) -> None:
        c = buffer.cursor
        area = self.text_rect(buffer)
        if not self.top <= c.line < self.top + self.rows(buffer):
            return
        x, y = self.x_of(buffer, c), self.y_of(buffer, c.line)
        if composing:  # the input method's word being composed, underlined at the cursor
            image = self.font.render(composing, True, GOLD)
            surface.blit(image, (x, y + 1))
            pygame.draw.line(
                surface,
                GOLD,
                (x, y + self.line_h - 2),
                (x + image.get_width(), y + self.line_h - 2),
            )
            x += image.get_width()
        if on and area.left <= x <= area.right:
            pygame.draw.rect(
                surface, (255, 240, 200), (x - 1, y + 1, max(2, px(2)), self.line_h - 2)
            )

    def cursor_rect(self, buffer: Buffer) -> pygame.Rect:
        """Where the input method's candidate window should appear."""
        c = buffer.cursor
        return pygame.Rect(self.x_of(buffer, c), self.y_of(buffer, c.line), 2, self.line_h)


def cut(text: str, size: int, colour: tuple[int, ...], width: int) -> pygame.Surface:
    """One line of the game's font, cut short with an ellipsis where ``width`` ends."""
    image = label(text, size, colour)
    if image.get_width() <= width:
        return image
    measure = ui_font(size)
    lo, hi = 0, len(text)
    while lo < hi:  # the longest start that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if measure.size(text[:mid].rstrip() + "\u2026")[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return label(text[:lo].rstrip() + "\u2026", size, colour)


def draw_verbs(
    surface: pygame.Surface, rect: pygame.Rect, verbs: Sequence[Verb], first: int = 0
) -> list[pygame.Rect]:
    """The shop's verbs, each its call as written in code and its docstring's first line;
    from ``first`` on, as many as fit. Where each drawn verb is (for clicks)."""
    pygame.draw.rect(surface, (16, 18, 24), rect, border_radius=6)
    pygame.draw.rect(surface, (90, 90, 110), rect, 2, border_radius=6)
    x, y = rect.x + px(10), rect.y + px(8)
    surface.blit(label(_("The shop's verbs"), 22, GOLD, True), (x, y))
    y += px(28)
    hint = _("a click writes one at the cursor; a plain call holds the loop until it returns")
    surface.blit(cut(hint, 17, (170, 170, 190), rect.w - px(20)), (x, y))
    y += px(24)
    font = mono(px(15))
    width = rect.w - px(20)
    drawn: list[pygame.Rect] = []
    for verb in verbs[first:]:
        doc = verb.doc or (_("plain call: holds the loop") if not verb.awaited else "")
        h = font.get_linesize() + (px(21) if doc else px(6))
        if y + h > rect.bottom - px(6):
            break
        cx = x
        if verb.awaited:
            word = font.render("await ", True, GOLD)
            surface.blit(word, (cx, y))
            cx += word.get_width()
        call = font.render(verb.call, True, COLOURS[syntax.CALL])
        surface.blit(call, (cx, y))
        cx += call.get_width()
        params = verb.params
        if font.size(params)[0] > x + width - cx:
            params = verb.short  # the names alone, when the types do not fit
        while params and font.size(params)[0] > x + width - cx:
            params = params[:-2].rstrip() + "\u2026" if len(params) > 2 else ""
        surface.blit(font.render(params, True, COLOURS[syntax.PLAIN]), (cx, y))
        y += font.get_linesize()
        if doc:
            surface.blit(cut(doc, 18, (165, 165, 182), width - px(12)), (x + px(12), y))
        y += h - font.get_linesize()
        drawn.append(pygame.Rect(rect.x + 4, y - h, rect.w - 8, h))
    left = len(verbs) - first - len(drawn)
    if left > 0:
        more = label(_("... {n} more (mouse wheel)").format(n=left), 15, (150, 150, 170))
        surface.blit(more, more.get_rect(bottomright=(rect.right - px(10), rect.bottom - px(4))))
    return drawn
