"""Who woke whom, drawn: a short-lived arrow from the waker to the one it woke.

The arrows come from the shop's ``WakeLog`` (the kernel's wake records between characters);
each grows from the waker to the woken, stays a moment and goes, all as a function of the
virtual time ``t``, so a frame drawn after a seek shows exactly the arrows of that moment.
"""

from __future__ import annotations

import math

import pygame

from ..i18n import N_, _
from ..shop import Shop
from ..shop.people import Couple, Person, Point, Staff
from ..shop.wakes import Handoff
from . import palette as P
from . import words
from .hud import BAR_H
from .placer import Placer
from .text import label, outlined, px
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


PLAIN = {  # (what the waker did, the model's waitable) -> the arrow's words
    ("put", "free counters"): N_("next, please!"),
    ("put", "kitchen order slips"): N_("an order to cook"),
    ("set", "burgers at counter"): N_("your burgers!"),
}
REPLY = {  # the server's reply at the till: a turn number, or "wait here"
    "cashier": N_("here is your number"),
    "cashier_cook": N_("wait here, I cook it"),
}


def arrow_words(handoff: Handoff) -> str:
    """The arrow's label in plain words: what the waker did for the one it woke ("next,
    please!", "here is your number"); the board says what it shows ("board shows #6").
    What the kernel calls it ("set: reply to couple #1") is in the inspector."""
    if handoff.how == "shows":
        return words.name(handoff.what)
    what = handoff.what.rstrip("0123456789 #")
    if (handoff.how, what) in PLAIN:
        return _(PLAIN[handoff.how, what])
    if what.startswith("reply to") and getattr(handoff.waker, "role", None) in REPLY:
        return _(REPLY[handoff.waker.role])  # type: ignore[union-attr]
    return _("{how}: {what}").format(how=how(handoff.how), what=words.name(handoff.what))


LEGEND = N_("gold arrow: who woke whom, ending the await they waited on")


def live_handoffs(shop: Shop, t: float) -> list[Handoff]:
    """The hand-overs whose arrows are up at ``t``: those the staff make (the cashier's
    "next, please", the cook's slip taken, the board, the burgers put down), not the
    couples' own shuffling forward in line."""
    if shop.wakes is None:
        return []
    return [h for h in shop.wakes.since(t - ARROW_SECONDS, t) if isinstance(h.waker, Staff)]


def draw_handoffs(
    surface: pygame.Surface,
    shop: Shop,
    t: float,
    placer: Placer | None = None,
    legend: bool = True,
) -> None:
    """The arrows up at ``t``, each labelled where the placer finds room (a crowded moment
    drops a label, never piles them up); with a legend while any arrow is up."""
    placer = placer or Placer(surface.get_rect())
    shown = False
    for handoff in live_handoffs(shop, t):
        start, end = anchor(handoff.waker, t), anchor(handoff.woken, t)
        if start is None or end is None or math.dist(start, end) < 12:
            continue
        grown = min(1.0, (t - handoff.time) / GROW_SECONDS)
        tip = draw_arrow(surface, start, end, grown)
        shown = True
        if grown >= 1.0:
            tag = outlined(arrow_words(handoff), 18, P.GOLD, P.INK)
            mid = ((start[0] + tip[0]) / 2, (start[1] + tip[1]) / 2 - 6)
            placer.blit(surface, tag, mid, step=8)
    if shown and legend:
        draw_legend(surface, placer)


def draw_legend(surface: pygame.Surface, placer: Placer) -> None:
    """What the gold arrows mean, in the top left corner, under the HUD (over the wall)."""
    text = label(_(LEGEND), 16, P.WHITE, True)
    box = pygame.Rect(0, 0, text.get_width() + 44, text.get_height() + 10)
    box.topleft = (8, px(BAR_H) + 6)
    rect = placer.place(box.size, box.midbottom, ways=((0, 1), (1, 0)))
    if rect is None:
        return
    shade = pygame.Surface(rect.size, pygame.SRCALPHA)
    shade.fill((20, 16, 24, 190))
    surface.blit(shade, rect)
    y = rect.centery
    pygame.draw.line(surface, P.INK, (rect.x + 6, y), (rect.x + 30, y), 6)
    pygame.draw.line(surface, P.GOLD, (rect.x + 6, y), (rect.x + 30, y), 3)
    head = [(rect.x + 36, y), (rect.x + 28, y - 5), (rect.x + 28, y + 5)]
    pygame.draw.polygon(surface, P.GOLD, head)
    surface.blit(text, (rect.x + 40, rect.y + 5))


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
