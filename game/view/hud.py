"""The heads-up display: mode, clock, speed, PAUSED, live metrics and the story caption."""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from ..i18n import _
from ..shop import Metrics, Shop, measure
from ..shop.people import Couple, Staff
from ..shop.story import BEATS
from . import cues, words
from . import palette as P
from .text import fitted, font, label

BAR_H = 30
CAPTION_H = 34


def clock_text(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


def caption_for(shop: Shop, selected: object = None) -> str:
    """One plain sentence: the followed character's doing, else the protagonist's beat."""
    if isinstance(selected, Couple):
        return _("{who}: {doing}").format(
            who=words.couple_name(selected), doing=words.caption(selected)
        )
    if isinstance(selected, Staff):
        doing = words.phase(selected.timeline.current or "idle")
        return _("{who}: {doing}").format(who=words.name(selected.name), doing=doing)
    couple = shop.protagonist
    if couple is None:
        return _("Waiting for you and your crush to come in...")
    if couple.left_at is not None:
        return _("You and your crush have left, full and happy. The shop goes on.")
    if shop.beats:
        return _(BEATS[shop.beats[-1].code])
    return _("You and your crush walk in.")


def caption_phase(shop: Shop, selected: object = None) -> str | None:
    """The phase the caption speaks of, for its icon: the followed couple's, or yours."""
    couple = selected if isinstance(selected, Couple) else None
    if couple is None and selected is None:
        couple = shop.protagonist
        if couple is not None and couple.left_at is not None:
            couple = None
    return couple.phase if couple is not None else None


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
        title = _("CONCURRENT SHOP") if warm else _("PARALLEL SHOP")
        colour = (255, 190, 90) if warm else (120, 210, 255)
        cx = x + 10
        for text, col, phase in [
            (title, colour, None),
            (clock_text(shop.now), P.WHITE, None),
            (_("{speed}x").format(speed=f"{speed:g}"), P.WHITE, None),
            (_("served {n}").format(n=m.served), P.WHITE, None),
            (_("mean wait {seconds}s").format(seconds=f"{m.mean_wait:.0f}"), P.WHITE, None),
            (_("flirting {share}").format(share=f"{m.flirt_share:.0%}"), None, "flirting"),
            (_("standing {share}").format(share=f"{m.stand_share:.0%}"), None, "standing"),
        ]:
            col = col or P.HUD_COLOURS[phase or ""]
            img = label(text, 20 if compact else 24, col, True)
            room = 22 if phase else 0  # an icon before the words: not by colour alone
            if cx + room + img.get_width() > x + width - 90:
                break
            if phase:
                cues.icon(surface, phase, (cx + 9, BAR_H // 2), col)
            surface.blit(img, (cx + room, 8 if compact else 7))
            cx += room + img.get_width() + (10 if compact else 18)
        if paused:
            draw_paused_badge(surface, x + width)
        else:
            hint = label(_("H: help"), 20, (200, 200, 200))
            surface.blit(hint, hint.get_rect(topright=(x + width - 10, 9)))
        if caption:
            phase = caption_phase(shop, selected)
            self.draw_caption(surface, caption_for(shop, selected), x, width, phase)

    def draw_caption(
        self, surface: pygame.Surface, text: str, x: int, width: int, phase: str | None = None
    ) -> None:
        """The story's sentence; with an icon of the phase it speaks of, when there is one."""
        y = self.height - CAPTION_H
        surface.blit(self.caption_strip, (x, y), (0, 0, width, CAPTION_H))
        left = x + 12
        if phase in cues.ICONS:
            cues.icon(surface, phase, (x + 22, y + CAPTION_H // 2), P.PHASE_COLOURS[phase])
            left = x + 40
        img = label(text, 26, P.WHITE)
        if img.get_width() > x + width - left - 8:
            img = label(text, 20, P.WHITE)
        surface.blit(img, img.get_rect(midleft=(left, y + CAPTION_H // 2)))


def draw_paused_badge(surface: pygame.Surface, right: int, top: int = 4) -> None:
    badge = label(" {} ".format(_("PAUSED")), 24, (30, 20, 20), True)
    rect = badge.get_rect(topright=(right - 8, top)).inflate(6, 2)
    pygame.draw.rect(surface, (255, 210, 60), rect, border_radius=5)
    surface.blit(badge, badge.get_rect(center=rect.center))


GREY = (120, 115, 125)  # a help line for a key that does nothing in this scene
HELP_ROW = 34  # line height of the help overlay, smaller only when the table outgrows it
HELP_W = 760  # the help overlay's width, wider only when a line needs it


def help_panel(size: tuple[int, int], rows: Sequence[tuple[str, str, bool]]) -> pygame.Rect:
    """Where the help overlay sits for a table of ``rows``: centred, as tall as it needs
    and as wide as its longest line needs (a translation may be longer), within the screen."""
    w, h = size
    step = help_step(h, len(rows))
    key_x, text_w = help_columns(rows, help_size(step))
    width = min(w - 20, max(HELP_W, key_x + text_w + 30))
    panel = pygame.Rect(0, 0, width, 70 + step * len(rows))
    panel.center = (w // 2, h // 2)
    return panel


def help_step(height: int, rows: int) -> int:
    return min(HELP_ROW, (height - 90) // max(1, rows))


def help_size(step: int) -> int:
    return 26 if step >= 30 else 22


def help_columns(rows: Sequence[tuple[str, str, bool]], size: int) -> tuple[int, int]:
    """(where the text column starts in the panel, the widest text's width)."""
    keys_w = max((font(size, True).size(keys)[0] for keys, _t, _a in rows), default=0)
    text_w = max((font(size).size(text)[0] for _k, text, _a in rows), default=0)
    return max(200, 30 + keys_w + 30), text_w


def draw_help(surface: pygame.Surface, rows: Sequence[tuple[str, str, bool]]) -> None:
    """The controls, one line per key of the app's key table: (keys, what, works here).
    Keys that do nothing in the scene on screen are greyed, not hidden."""
    panel = help_panel(surface.get_size(), rows)
    step = help_step(surface.get_height(), len(rows))
    size = help_size(step)
    key_x, _text_w = help_columns(rows, size)
    shade = pygame.Surface(panel.size, pygame.SRCALPHA)
    shade.fill((20, 15, 25, 230))
    surface.blit(shade, panel)
    pygame.draw.rect(surface, (255, 200, 90), panel, 3, border_radius=8)
    title = label(_("Async Burgers - controls"), 34, (255, 200, 90), True)
    surface.blit(title, title.get_rect(midtop=(panel.centerx, panel.top + 16)))
    room = panel.w - key_x - 20
    for i, (keys, text, active) in enumerate(rows):
        y = panel.top + 62 + step * i
        key_colour, text_colour = ((255, 220, 140), P.WHITE) if active else (GREY, GREY)
        surface.blit(label(keys, size, key_colour, True), (panel.left + 30, y))
        fits = font(size).size(text)[0] <= room
        line = label(text, size, text_colour) if fits else fitted(text, size, text_colour, room)
        surface.blit(line, (panel.left + key_x, y))
