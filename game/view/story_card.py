"""The card story mode shows over the scene: the beat's code and caption, in large type."""

from __future__ import annotations

import pygame

from ..i18n import N_, _
from ..shop.story import BEATS, LESSONS
from . import palette as P
from .text import font, label, px

HEADINGS = {  # (kind, mode) -> the card's heading; whole phrases, so they translate
    ("beat", "concurrent"): N_("CONCURRENT SHOP - BEAT {code}"),
    ("beat", "parallel"): N_("PARALLEL SHOP - BEAT {code}"),
    ("lesson", "concurrent"): N_("THE LESSON OF THE CONCURRENT SHOP"),
    ("lesson", "parallel"): N_("THE LESSON OF THE PARALLEL SHOP"),
    ("end", "concurrent"): N_("THE TWO LESSONS"),
    ("end", "parallel"): N_("THE TWO LESSONS"),
}


def wrap(text: str, size: int, width: int) -> list[str]:
    words, lines, line = text.split(), [], ""
    f = font(size)
    for word in words:
        trial = f"{line} {word}".strip()
        if f.size(trial)[0] > width and line:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines


def _card_lines(width: int, text: str) -> list[str]:
    return wrap(text, 34, width - 80)


def card_rect(
    size: tuple[int, int], text: str, lift: int = 0, top: int | None = None
) -> pygame.Rect:
    """Where the card sits: across the bottom (``lift`` higher, clear of the timeline
    strip), or from ``top`` down when given; as tall as its wrapped text (big text: wider)."""
    w, h = size
    width = min(px(980), w - 40)  # still inside the screen
    card = pygame.Rect(0, 0, width, px(90) + px(40) * len(_card_lines(width, text)))
    if top is None:
        card.midbottom = (w // 2, h - 16 - lift)
    else:
        card.midtop = (w // 2, top)
    return card


def draw_card(
    surface: pygame.Surface,
    kind: str,
    mode: str,
    code: str,
    text: str,
    lift: int = 0,
    top: int | None = None,
) -> None:
    card = card_rect(surface.get_size(), text, lift, top)
    lines = _card_lines(card.width, text)
    shade = pygame.Surface(card.size, pygame.SRCALPHA)
    shade.fill((255, 250, 235, 240))
    surface.blit(shade, card)
    accent = P.WARM_LABEL if mode == "concurrent" else P.COOL_LABEL
    pygame.draw.rect(surface, accent, card, 4, border_radius=10)
    surface.blit(label(heading(kind, mode, code), 26, accent, True), (card.x + 24, card.y + px(16)))
    for i, line in enumerate(lines):
        surface.blit(label(line, 34, P.INK), (card.x + 24, card.y + px(52) + px(40) * i))
    hint = label(_("SPACE: continue"), 22, (120, 110, 100))
    surface.blit(hint, hint.get_rect(bottomright=(card.right - 18, card.bottom - 10)))


def heading(kind: str, mode: str, code: str) -> str:
    """The card's heading, in capitals (as the language writes them)."""
    return _(HEADINGS[kind, mode]).format(code=code)


def card_text(kind: str, mode: str, code: str) -> str:
    """What a story card says, in the player's language: a beat, a lesson, or both."""
    if kind == "beat":
        return _(BEATS[code])
    if kind == "lesson":
        return _(LESSONS[mode])
    both = "  ".join(_(LESSONS[m]) for m in ("concurrent", "parallel"))
    return f"{both}  {_(NEXT_STEP)}"


# the last card: where a newcomer goes from here
NEXT_STEP = N_("Next: SPACE both shops side by side, 3 the house, 4 the levels.")
