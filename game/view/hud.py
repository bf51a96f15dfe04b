"""The heads-up display: mode, clock, speed, PAUSED, live metrics and the story caption."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from ..shop import Metrics, Shop, measure
from ..shop.people import Couple, Staff
from ..shop.story import BEATS
from . import palette as P
from .text import label

BAR_H = 30
CAPTION_H = 34


def clock_text(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


def caption_for(shop: Shop, selected: object = None) -> str:
    """One plain sentence: the followed character's doing, else the protagonist's beat."""
    if isinstance(selected, Couple):
        who = "you & crush" if selected.protagonist else selected.name
        return f"{who}: {selected.caption or selected.phase}"
    if isinstance(selected, Staff):
        doing = selected.timeline.current or "idle"
        return f"{selected.name}: {doing}"
    couple = shop.protagonist
    if couple is None:
        return "Waiting for you and your crush to come in..."
    if couple.left_at is not None:
        return "You and your crush have left, full and happy. The shop goes on."
    if shop.beats:
        return BEATS[shop.beats[-1].code]
    return "You and your crush walk in."


class Hud:
    """Draws over the scene; keeps its own translucent strips so they are built once."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.bar = pygame.Surface((width, BAR_H), pygame.SRCALPHA)
        self.bar.fill((25, 20, 30, 200))
        self.caption_strip = pygame.Surface((width, CAPTION_H), pygame.SRCALPHA)
        self.caption_strip.fill((25, 20, 30, 210))

    @staticmethod
    def metrics(shop: Shop) -> Metrics:
        """A shop's metrics now. Measured every frame, never kept from an earlier frame: the
        bar must show the figures of the moment drawn, however the player got there."""
        return measure(shop)

    def draw(
        self,
        surface: pygame.Surface,
        shop: Shop,
        *,
        speed: float,
        paused: bool,
        selected: object = None,
        x: int = 0,
        width: int | None = None,
        caption: bool = True,
        compact: bool = False,
    ) -> None:
        width = width or self.width
        surface.blit(self.bar, (x, 0), (0, 0, width, BAR_H))
        m = self.metrics(shop)
        warm = shop.concurrent
        title = "CONCURRENT SHOP" if warm else "PARALLEL SHOP"
        colour = (255, 190, 90) if warm else (120, 210, 255)
        cx = x + 10
        for text, col in [
            (title, colour),
            (clock_text(shop.now), P.WHITE),
            (f"{speed:g}x", P.WHITE),
            (f"served {m.served}", P.WHITE),
            (f"mean wait {m.mean_wait:.0f}s", P.WHITE),
            (f"flirting {m.flirt_share:.0%}", (255, 150, 190)),
            (f"standing {m.stand_share:.0%}", (160, 180, 255)),
        ]:
            img = label(text, 20 if compact else 24, col, True)
            if cx + img.get_width() > x + width - 90:
                break
            surface.blit(img, (cx, 8 if compact else 7))
            cx += img.get_width() + (10 if compact else 18)
        if paused:
            draw_paused_badge(surface, x + width)
        else:
            hint = label("H: help", 20, (200, 200, 200))
            surface.blit(hint, hint.get_rect(topright=(x + width - 10, 9)))
        if caption:
            self.draw_caption(surface, caption_for(shop, selected), x, width)

    def draw_caption(self, surface: pygame.Surface, text: str, x: int, width: int) -> None:
        y = self.height - CAPTION_H
        surface.blit(self.caption_strip, (x, y), (0, 0, width, CAPTION_H))
        img = label(text, 26, P.WHITE)
        if img.get_width() > width - 20:
            img = label(text, 20, P.WHITE)
        surface.blit(img, img.get_rect(midleft=(x + 12, y + CAPTION_H // 2)))


def draw_paused_badge(surface: pygame.Surface, right: int, top: int = 4) -> None:
    badge = label(" PAUSED ", 24, (30, 20, 20), True)
    rect = badge.get_rect(topright=(right - 8, top)).inflate(6, 2)
    pygame.draw.rect(surface, (255, 210, 60), rect, border_radius=5)
    surface.blit(badge, badge.get_rect(center=rect.center))


GREY = (120, 115, 125)  # a help line for a key that does nothing in this scene
HELP_ROW = 34  # line height of the help overlay, smaller only when the table outgrows it


def help_panel(size: tuple[int, int], rows: int) -> pygame.Rect:
    """Where the help overlay sits for a table of ``rows`` keys: centred, as tall as it needs."""
    w, h = size
    step = help_step(h, rows)
    panel = pygame.Rect(0, 0, 760, 70 + step * rows)
    panel.center = (w // 2, h // 2)
    return panel


def help_step(height: int, rows: int) -> int:
    return min(HELP_ROW, (height - 90) // max(1, rows))


def draw_help(surface: pygame.Surface, rows: Sequence[tuple[str, str, bool]]) -> None:
    """The controls, one line per key of the app's key table: (keys, what, works here).
    Keys that do nothing in the scene on screen are greyed, not hidden."""
    panel = help_panel(surface.get_size(), len(rows))
    step = help_step(surface.get_height(), len(rows))
    size = 26 if step >= 30 else 22
    shade = pygame.Surface(panel.size, pygame.SRCALPHA)
    shade.fill((20, 15, 25, 230))
    surface.blit(shade, panel)
    pygame.draw.rect(surface, (255, 200, 90), panel, 3, border_radius=8)
    title = label("Async Burgers - controls", 34, (255, 200, 90), True)
    surface.blit(title, title.get_rect(midtop=(panel.centerx, panel.top + 16)))
    for i, (keys, text, active) in enumerate(rows):
        y = panel.top + 62 + step * i
        key_colour, text_colour = ((255, 220, 140), P.WHITE) if active else (GREY, GREY)
        surface.blit(label(keys, size, key_colour, True), (panel.left + 30, y))
        surface.blit(label(text, size, text_colour), (panel.left + 200, y))
