"""Who woke whom, drawn: a short-lived arrow from the waker to the one it woke.

The arrows come from the shop's ``WakeLog`` (the kernel's wake records between characters);
each grows from the waker to the woken, stays a moment and goes, all as a function of the
virtual time ``t``, so a frame drawn after a seek shows exactly the arrows of that moment.
"""

from __future__ import annotations

import math

import pygame

from ..i18n import _
from ..shop import Shop
from ..shop.people import Couple, Person, Point, Staff
from ..shop.wakes import Handoff
from . import palette as P
from . import words
from .text import outlined
from .why import how

ARROW_SECONDS = 2.0  # how long an arrow stays after the wake-up
GROW_SECONDS = 0.35  # it grows from the waker to the woken over this long
CHEST = 50  # arrows join bodies at chest height, above their feet


def anchor(actor: object, t: float) -> Point | None:
    """Where an arrow meets a character: a couple between the two of them."""
    if isinstance(actor, Couple):
        if not actor.you.visible:
            return None  # gone through the door
        (x1, y1), (x2, y2) = (p.position_at(t) for p in actor.people)
        return ((x1 + x2) / 2, min(y1, y2) - CHEST)
    if isinstance(actor, Person):
        x, y = actor.position_at(t)
        return (x, y - CHEST)
    return None


def arrow_words(handoff: Handoff) -> str:
    """The arrow's label: what the waker did, in the kernel's words ("put: free counters");
    the board's own name says it ("board shows #6")."""
    if handoff.how == "shows":
        return words.name(handoff.what)
    return _("{how}: {what}").format(how=how(handoff.how), what=words.name(handoff.what))


def live_handoffs(shop: Shop, t: float) -> list[Handoff]:
    """The hand-overs whose arrows are up at ``t``: those the staff make (the cashier's
    "next, please", the cook's slip taken, the board, the burgers put down), not the
    couples' own shuffling forward in line."""
    if shop.wakes is None:
        return []
    return [h for h in shop.wakes.since(t - ARROW_SECONDS, t) if isinstance(h.waker, Staff)]


def draw_handoffs(surface: pygame.Surface, shop: Shop, t: float) -> None:
    taken: list[pygame.Rect] = []  # labels already placed: a crowded moment drops some
    for handoff in live_handoffs(shop, t):
        start, end = anchor(handoff.waker, t), anchor(handoff.woken, t)
        if start is None or end is None or math.dist(start, end) < 12:
            continue
        grown = min(1.0, (t - handoff.time) / GROW_SECONDS)
        tip = draw_arrow(surface, start, end, grown)
        if grown >= 1.0:
            tag = outlined(arrow_words(handoff), 18, P.GOLD, P.INK)
            mid = ((start[0] + tip[0]) / 2, (start[1] + tip[1]) / 2)
            rect = tag.get_rect(midbottom=(round(mid[0]), round(mid[1]) - 6))
            if rect.collidelist(taken) < 0:
                surface.blit(tag, rect)
                taken.append(rect)


def draw_arrow(surface: pygame.Surface, a: Point, b: Point, grown: float) -> Point:
    """A gold arrow from ``a`` towards ``b``, ``grown`` (0..1) of the way, head at its tip;
    returns the tip."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    start = (a[0] + ux * 14, a[1] + uy * 14)  # clear of the bodies at both ends
    full = max(0.0, length - 28)
    tip = (start[0] + ux * full * grown, start[1] + uy * full * grown)
    for colour, width in ((P.INK, 7), (P.GOLD, 3)):
        pygame.draw.line(surface, colour, start, tip, width)
    side = (-uy, ux)
    head = [
        (tip[0] + ux * 6, tip[1] + uy * 6),
        (tip[0] - ux * 12 + side[0] * 8, tip[1] - uy * 12 + side[1] * 8),
        (tip[0] - ux * 12 - side[0] * 8, tip[1] - uy * 12 - side[1] * 8),
    ]
    pygame.draw.polygon(surface, P.GOLD, head)
    pygame.draw.polygon(surface, P.INK, head, 2)
    return tip
