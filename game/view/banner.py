"""Banners over whatever scene is on screen: an actor's crash, and short-lived notices
(a screenshot saved, or why it could not be), so the player learns of it without a console."""

from __future__ import annotations

import pygame

from . import palette as P
from .text import label, px

CRASH_RED = (200, 30, 30)
NOTICE_BOTTOM = 40  # above the caption strip and the story card's hint


def crash_rect(text: str, width: int) -> pygame.Rect:
    image = label(text, 24, P.WHITE, True)
    return image.get_rect(midtop=(width // 2, px(40))).inflate(16, 8)  # under the HUD bar


def draw_crash(surface: pygame.Surface, text: str) -> None:
    """A red pill under the HUD naming the actor that raised: a crash is never silent."""
    image = label(text, 24, P.WHITE, True)
    rect = crash_rect(text, surface.get_width())
    pygame.draw.rect(surface, CRASH_RED, rect, border_radius=6)
    surface.blit(image, image.get_rect(center=rect.center))


def notice_image(text: str, width: int) -> pygame.Surface:
    """The notice's text, shortened in the middle if it would not fit (a long path)."""
    image, room, cut = label(text, 24, P.WHITE, True), width - 60, len(text)
    while image.get_width() > room and cut > 8:
        cut = min(cut - 1, cut * room // image.get_width())
        half = cut // 2
        image = label(f"{text[:half]}...{text[len(text) - half :]}", 24, P.WHITE, True)
    return image


def notice_rect(text: str, size: tuple[int, int], row: int = 0) -> pygame.Rect:
    """Where a notice goes: the newest (row 0) near the bottom, each older one a row above,
    so notices shown one after another never cover each other."""
    w, h = size
    image = notice_image(text, w)
    bottom = h - px(NOTICE_BOTTOM) - row * (image.get_height() + 12 + px(6))
    return image.get_rect(midbottom=(w // 2, bottom)).inflate(24, 12)


def draw_notice(surface: pygame.Surface, text: str, error: bool, row: int = 0) -> None:
    """A pill near the bottom: red for a failure, dark for news."""
    rect = notice_rect(text, surface.get_size(), row)
    pygame.draw.rect(surface, CRASH_RED if error else (30, 26, 40), rect, border_radius=8)
    pygame.draw.rect(surface, (255, 200, 90) if not error else P.WHITE, rect, 2, border_radius=8)
    image = notice_image(text, surface.get_width())
    surface.blit(image, image.get_rect(center=rect.center))
