"""The first screen: what this game is, in three sentences, and the path through it.

A newcomer who never read the comic meets the lesson in the order it lands: the story
told beat by beat, the house (where parallel does win), the levels (async code breaking),
then writing their own. Each step is a row with its key; a click on a row does the same.
The last is the learner's own code: their asyncio script, run as the shop.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from ..i18n import N_, _
from . import palette as P
from .story_card import wrap
from .text import label, outlined, px

PAPER = (255, 250, 235)
EDGE = (235, 120, 30)
MUTED = (110, 100, 95)
# (key, what the step is, why it comes now): the path, in the order to take it
STEPS: tuple[tuple[str, str, str], ...] = (
    (
        "T",
        N_("The story, beat by beat"),
        N_("Two minutes: the concurrent shop, then the parallel one. SPACE moves on."),
    ),
    (
        "3",
        N_("The house"),
        N_("Cleaning a house is work, not waiting: there parallel wins. TAB: the other house."),
    ),
    (
        "4",
        N_("The levels"),
        N_("Classic mistakes: predict, watch the async code break, write the fix yourself."),
    ),
    (
        "C",
        N_("Then the code"),
        N_("Click anyone: their real async def, paused at the await they wait on."),
    ),
    (
        "5",
        N_("Your own code"),
        N_("Run your own asyncio script as the shop: async-burgers run SCRIPT.py"),
    ),
)
INTRO = N_(
    "Two burger shops serve the same couples. In the concurrent one, 2 people do all the "
    "work: you get a number, sit with your crush and talk until it shows. That is await: "
    "while you wait, you are free. In the parallel one, 8 people do the same work and you "
    "stand guard at the counter the whole time."
)


def layout(size: tuple[int, int]) -> tuple[pygame.Rect, list[pygame.Rect]]:
    """The card and each step's row (for clicks), at the current text size: the rows
    share what the title, the three sentences and the hint leave."""
    w, h = size
    card = pygame.Rect(0, 0, min(w - 40, px(1040)), 0)
    wanted = px(100) + len(intro_lines(card)) * px(26) + px(14) + len(STEPS) * px(74) + px(50)
    card.h = min(h - 20, wanted)
    card.center = (w // 2, h // 2)
    top = card.y + px(100) + len(intro_lines(card)) * px(26) + px(14)
    row_h = min(px(74), (card.bottom - px(50) - top) // len(STEPS))
    rows = [
        pygame.Rect(card.x + px(30), top + i * row_h, card.w - px(60), row_h - px(8))
        for i in range(len(STEPS))
    ]
    return card, rows


def intro_lines(card: pygame.Rect) -> list[str]:
    return wrap(_(INTRO), 22, card.w - px(60))


_shades: dict[tuple[int, int], pygame.Surface] = {}


def _shade(size: tuple[int, int]) -> pygame.Surface:
    """The dimming over the shop, made once per screen size (in the page, making and
    filling a screen-sized surface every frame was half the card's cost)."""
    if size not in _shades:
        _shades.clear()
        shade = pygame.Surface(size, pygame.SRCALPHA)
        shade.fill((0, 0, 0, 150))
        _shades[size] = shade
    return _shades[size]


def draw_welcome(surface: pygame.Surface) -> list[pygame.Rect]:
    """The first screen over a dimmed shop; returns the steps' rows (for clicks)."""
    card, rows = layout(surface.get_size())
    surface.blit(_shade(surface.get_size()), (0, 0))
    pygame.draw.rect(surface, PAPER, card, border_radius=14)
    pygame.draw.rect(surface, EDGE, card, 4, border_radius=14)
    title = outlined(_("ASYNC BURGERS"), 44, P.GOLD, P.INK)
    surface.blit(title, title.get_rect(midtop=(card.centerx, card.y + px(14))))
    what = _("what async / await really means, in a burger shop")
    sub = label(what, 24, EDGE, True)
    surface.blit(sub, sub.get_rect(midtop=(card.centerx, card.y + px(62))))
    y = card.y + px(100)
    for line in intro_lines(card):
        surface.blit(label(line, 22, P.INK), (card.x + px(30), y))
        y += px(26)
    for (key, name, why), rect in zip(STEPS, rows, strict=True):
        _draw_step(surface, rect, key, _(name), _(why))
    hint = _("SPACE: just watch the shop    W: this screen again    H: every key")
    img = label(hint, 20, MUTED)
    surface.blit(img, img.get_rect(midbottom=(card.centerx, card.bottom - px(14))))
    return rows


def _draw_step(surface: pygame.Surface, rect: pygame.Rect, key: str, name: str, why: str) -> None:
    pygame.draw.rect(surface, (245, 232, 205), rect, border_radius=10)
    pygame.draw.rect(surface, (200, 170, 120), rect, 2, border_radius=10)
    side = min(px(48), rect.h - 8)
    cap = pygame.Rect(0, 0, side, side)
    cap.midleft = (rect.x + px(12), rect.centery)
    pygame.draw.rect(surface, P.INK, cap, border_radius=8)
    letter = label(key, 30, P.GOLD, True)
    surface.blit(letter, letter.get_rect(center=cap.center))
    x = cap.right + px(16)
    title = label(name, 26, P.INK, True)
    lines: Sequence[str] = wrap(why, 20, rect.right - x - px(10))
    detail = label(lines[0] if lines else "", 20, MUTED)
    gap = max(0, (rect.h - title.get_height() - detail.get_height()) // 3)
    surface.blit(title, (x, rect.y + gap))
    surface.blit(detail, (x, rect.y + 2 * gap + title.get_height()))
