"""The timeline strip: the day so far, where we are in it, and marks to jump to.

It draws from plain numbers (the day's length so far, now, beat and board-change times), so
it shows the same for the same moment however the player got there; a click or drag on it
is turned back into a tick by ``tick_at``.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from . import palette as P
from .hud import clock_text
from .text import label

STRIP_H = 38
MIN_SPAN = 60.0  # virtual seconds: a fresh day's strip is not all playhead
BEAT = (255, 200, 90)
BOARD = (120, 230, 160)
WOKEN = (140, 200, 255)


def strip_rect(size: tuple[int, int], bottom: int) -> pygame.Rect:
    """Across the screen, its bottom edge at ``bottom`` (over the caption strip)."""
    w, _ = size
    return pygame.Rect(8, bottom - STRIP_H, w - 16, STRIP_H)


def bar_of(rect: pygame.Rect) -> pygame.Rect:
    """The part of the strip that stands for time (the clock sits on its left)."""
    return pygame.Rect(rect.x + 78, rect.y + 18, rect.w - 90, rect.h - 22)


def span_of(day: float) -> float:
    return max(MIN_SPAN, day)


def x_of(bar: pygame.Rect, t: float, day: float) -> int:
    return bar.x + round(min(max(t / span_of(day), 0.0), 1.0) * bar.w)


def time_at(rect: pygame.Rect, x: int, day: float) -> float:
    """The virtual time under ``x`` on the strip, within the day so far."""
    bar = bar_of(rect)
    f = min(max((x - bar.x) / max(1, bar.w), 0.0), 1.0)
    return min(f * span_of(day), day)


_COLUMNS: list[object] = [None, None, []]  # the board, (its length, the day, the bar), columns


def board_columns(bar: pygame.Rect, board: Sequence[tuple[float, int]], day: float) -> list[int]:
    """The pixel columns with a board change (a busy board draws one tick per pixel).
    Kept while the board, the day and the bar stay: a seek or a held LEFT moves only the
    playhead, and a three-day board has tens of thousands of changes."""
    key = (len(board), day, tuple(bar))
    if _COLUMNS[0] is not board or _COLUMNS[1] != key:
        columns: list[int] = []
        for t, _number in board:
            x = x_of(bar, t, day)
            if not columns or x != columns[-1]:
                columns.append(x)
        _COLUMNS[:] = [board, key, columns]
    return _COLUMNS[2]  # type: ignore[return-value]


def draw_timeline(
    surface: pygame.Surface,
    rect: pygame.Rect,
    now: float,
    day: float,
    beats: Sequence[tuple[float, str]],
    board: Sequence[tuple[float, int]],
    woken: float | None = None,
) -> None:
    """The strip: the day so far (``day`` seconds) filled, the rest of the span dark, a
    gold mark and code per story beat, a green tick per board change, a blue diamond at
    ``woken`` (when the followed character was last woken: click it to watch), the
    playhead."""
    shade = pygame.Surface(rect.size, pygame.SRCALPHA)
    shade.fill((20, 16, 28, 215))
    surface.blit(shade, rect)
    surface.blit(label(clock_text(now), 22, P.WHITE, True), (rect.x + 8, rect.y + 10))
    bar = bar_of(rect)
    pygame.draw.rect(surface, (55, 50, 68), bar, border_radius=3)
    known = pygame.Rect(bar.x, bar.y, x_of(bar, day, day) - bar.x, bar.h)
    pygame.draw.rect(surface, (85, 78, 105), known, border_radius=3)
    played = pygame.Rect(bar.x, bar.y, x_of(bar, now, day) - bar.x, bar.h)
    pygame.draw.rect(surface, (120, 105, 150), played, border_radius=3)
    for x in board_columns(bar, board, day):
        pygame.draw.line(surface, BOARD, (x, bar.centery), (x, bar.bottom - 1))
    groups: list[tuple[int, list[str]]] = []  # beats too close to label apart share one
    for t, code in beats:
        x = x_of(bar, t, day)
        pygame.draw.line(surface, BEAT, (x, bar.y - 4), (x, bar.bottom), 2)
        if groups and x - groups[-1][0] < 14 * (len(groups[-1][1]) + 1):
            groups[-1][1].append(code)
        else:
            groups.append((x, [code]))
    for x, codes in groups:
        text = codes[0] + "".join("/" + code.lstrip("CP") for code in codes[1:])
        surface.blit(label(text, 16, BEAT, True), (x - 1, rect.y + 1))
    if woken is not None:
        x = x_of(bar, woken, day)
        cy = bar.centery
        diamond = [(x, cy - 6), (x + 5, cy), (x, cy + 6), (x - 5, cy)]
        pygame.draw.polygon(surface, WOKEN, diamond)
        pygame.draw.polygon(surface, P.INK, diamond, 1)
    x = x_of(bar, now, day)
    pygame.draw.polygon(surface, P.WHITE, [(x - 6, bar.y - 8), (x + 6, bar.y - 8), (x, bar.y)])
    pygame.draw.line(surface, P.WHITE, (x, bar.y - 2), (x, rect.bottom - 2), 2)
