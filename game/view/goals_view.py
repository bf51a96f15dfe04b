"""A level's goals as a checklist: each goal in words, ticked or crossed once the learner's
day was played, with why it was not met (the figure in the sentence).

It draws what it is given, ``(text, met, why)`` per goal (``met`` None: not run yet), so it
knows nothing of how the goals are checked (``game/shop/goals.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from ..i18n import _
from . import palette as P
from .editor_view import cut
from .text import px

GREEN = (120, 220, 130)
RED = (240, 110, 100)
GREY = (150, 150, 170)
Line = tuple[str, "bool | None", str]


def goals_height(lines: Sequence[Line]) -> int:
    """How tall the checklist is drawn (a line per goal, one more for each reason)."""
    reasons = sum(1 for _text, met, why in lines if met is False and why)
    return px(34) + len(lines) * px(22) + reasons * px(18) + px(8)


def draw_goals(
    surface: pygame.Surface, rect: pygame.Rect, lines: Sequence[Line], solved: bool | None
) -> None:
    """The checklist in ``rect`` (its top part, ``goals_height`` tall)."""
    box = pygame.Rect(rect.x, rect.y, rect.w, min(rect.h, goals_height(lines)))
    pygame.draw.rect(surface, (16, 18, 24), box, border_radius=6)
    edge = GREEN if solved else (RED if solved is False else (90, 90, 110))
    pygame.draw.rect(surface, edge, box, 2, border_radius=6)
    x, y = box.x + px(10), box.y + px(6)
    if solved is None:
        title, colour = _("Goals (F5 plays the day and checks them)"), (255, 200, 90)
    elif solved:
        title, colour = _("Solved: every goal met"), GREEN
    else:
        title, colour = _("Not solved yet"), RED
    surface.blit(cut(title, 22, colour, box.w - px(20)), (x, y))
    y += px(28)
    width = box.w - px(40)
    for text, met, why in lines:
        if y + px(20) > box.bottom:
            break
        _mark(surface, met, x, y + px(2), px(14))
        shown = P.WHITE if met is not False else (255, 200, 190)
        surface.blit(cut(text, 19, shown, width), (x + px(22), y + 1))
        y += px(22)
        if met is False and why:
            surface.blit(cut(why, 17, (230, 160, 150), width - px(8)), (x + px(30), y - 1))
            y += px(18)


def _mark(surface: pygame.Surface, met: bool | None, x: int, y: int, size: int) -> None:
    """A tick, a cross or a dash, drawn (no font has to have the glyph)."""
    w = max(2, size // 5)
    if met is True:
        points = [(x, y + size // 2), (x + size // 3, y + size), (x + size, y)]
        pygame.draw.lines(surface, GREEN, False, points, w)
    elif met is False:
        pygame.draw.line(surface, RED, (x, y), (x + size, y + size), w)
        pygame.draw.line(surface, RED, (x, y + size), (x + size, y), w)
    else:
        pygame.draw.line(surface, GREY, (x, y + size // 2), (x + size, y + size // 2), w)
