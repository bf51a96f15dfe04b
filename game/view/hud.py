"""The heads-up display: mode, clock, speed, PAUSED, live metrics and the story caption."""

from __future__ import annotations

import pygame

from ..shop import Metrics, Shop, measure
from ..shop.people import Couple, Staff
from ..shop.story import BEATS
from . import palette as P
from .text import fit, label, px, text_scale

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
        # tall enough for the largest text scale; each frame blits only the part it needs
        self.bar = pygame.Surface((width, BAR_H * 2), pygame.SRCALPHA)
        self.bar.fill((25, 20, 30, 200))
        self.caption_strip = pygame.Surface((width, CAPTION_H * 2), pygame.SRCALPHA)
        self.caption_strip.fill((25, 20, 30, 210))
        self._metrics: dict[int, tuple[float, Metrics]] = {}

    def metrics(self, shop: Shop) -> Metrics:
        """A shop's metrics, recomputed at most once per virtual second (not every frame)."""
        cached = self._metrics.get(id(shop))
        if cached is None or abs(shop.now - cached[0]) >= 1.0:
            cached = (shop.now, measure(shop))
            self._metrics[id(shop)] = cached
        return cached[1]

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
        surface.blit(self.bar, (x, 0), (0, 0, width, px(BAR_H)))
        m = self.metrics(shop)
        warm = shop.concurrent
        colour = (255, 190, 90) if warm else (120, 210, 255)
        size, gap = (20, 10) if compact else (24, 18)
        items = [
            (
                (
                    "CONCURRENT SHOP" if warm else "PARALLEL SHOP",
                    "CONCURRENT" if warm else "PARALLEL",
                ),
                colour,
            ),
            ((clock_text(shop.now),) * 2, P.WHITE),
            ((f"{speed:g}x",) * 2, P.WHITE),
            ((f"served {m.served}", f"served {m.served}"), P.WHITE),
            ((f"mean wait {m.mean_wait:.0f}s", f"wait {m.mean_wait:.0f}s"), P.WHITE),
            ((f"flirting {m.flirt_share:.0%}", f"flirt {m.flirt_share:.0%}"), (255, 150, 190)),
            ((f"standing {m.stand_share:.0%}", f"stand {m.stand_share:.0%}"), (160, 180, 255)),
        ]
        room = width - 10 - px(90)
        long = [label(text[0], size, col, True) for text, col in items]
        # big text: the short words when the long ones would not all fit
        if text_scale() > 1 and sum(i.get_width() + px(gap) for i in long) > room:
            long = [label(text[1], size, col, True) for text, col in items]
        cx = x + 10
        for img in long:
            if cx + img.get_width() > x + width - px(90):
                break
            surface.blit(img, (cx, px(8 if compact else 7)))
            cx += img.get_width() + px(gap)
        if paused:
            draw_paused_badge(surface, x + width)
        else:
            hint = label("H: help", 20, (200, 200, 200))
            surface.blit(hint, hint.get_rect(topright=(x + width - 10, px(9))))
        if caption:
            self.draw_caption(surface, caption_for(shop, selected), x, width)

    def draw_caption(self, surface: pygame.Surface, text: str, x: int, width: int) -> None:
        height = px(CAPTION_H)
        y = self.height - height
        surface.blit(self.caption_strip, (x, y), (0, 0, width, height))
        if text_scale() > 1:  # as large as fits, never past the edge
            img = fit(text, 26, P.WHITE, width=width - 20, smallest=20)
        else:
            img = label(text, 26, P.WHITE)
            if img.get_width() > width - 20:
                img = label(text, 20, P.WHITE)
        surface.blit(img, img.get_rect(midleft=(x + 12, y + height // 2)))


def draw_paused_badge(surface: pygame.Surface, right: int, top: int = 4) -> None:
    badge = label(" PAUSED ", 24, (30, 20, 20), True)
    rect = badge.get_rect(topright=(right - 8, top)).inflate(6, 2)
    rect.bottom = min(rect.bottom, surface.get_height() - 4)  # big text near the bottom edge
    pygame.draw.rect(surface, (255, 210, 60), rect, border_radius=5)
    surface.blit(badge, badge.get_rect(center=rect.center))


HELP_LINES = [
    ("TAB", "switch concurrent / parallel (same couples, same moment)"),
    ("1 / 2 / 3", "concurrent shop / parallel shop / house cleaning"),
    ("SPACE", "pause / resume"),
    ("RIGHT or .", "while paused: one frame (one tick of virtual time)"),
    ("+ / -", "faster / slower (0.25x to 16x)"),
    ("R", "restart the day"),
    ("click", "follow a character (click empty floor to stop)"),
    ("I / C", "scheduler inspector / live code view"),
    ("S / G", "side by side / charts"),
    ("T", "story mode"),
    ("F11", "fullscreen"),
    ("Z", "text size 1 / 1.25 / 1.5"),
    ("M", "sound on / off"),
    ("F9", "record a clip to recordings/ (again: stop)"),
    ("F12", "save a screenshot"),
    ("H or F1", "this help"),
    ("ESC or Q", "quit"),
]


def _wrap(text: str, size: int, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and label(trial, size, P.WHITE, fixed=True).get_width() > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line]


def help_layout(
    screen: tuple[int, int], lines: list[tuple[str, str]]
) -> tuple[int, int, int, list[list[tuple[str, list[str]]]], int]:
    """(text size, line height, key column, columns of (key, wrapped text), panel width):
    the largest text that fits the screen, in one column or two (a projector's big text
    needs both, with the longer explanations wrapped)."""
    w, h = screen
    for size in range(px(26), 15, -1):
        line_h = round(size * 34 / 26)
        keys = max(label(k, size, P.WHITE, True, fixed=True).get_width() for k, _ in lines)
        key_w = max(170, keys + size) if size <= 26 else keys + size
        head = round(size * 70 / 26)
        for count in (1, 2):
            if count == 1:  # one column: as wide as its longest line, within the screen
                longest = max(label(t, size, P.WHITE, fixed=True).get_width() for _, t in lines)
                width = min(w - 20, max(px(700), 30 + key_w + longest + 30))
            else:
                width = max(px(700), w - 20)
            text_w = (width - 10) // count - 30 - key_w - 10
            if text_w < 8 * size:
                continue
            wrapped = [(k, _wrap(t, size, text_w)) for k, t in lines]
            half = -(-len(wrapped) // count)
            columns = [wrapped[i : i + half] for i in range(0, len(wrapped), half)]
            rows = max(sum(len(t) for _, t in col) for col in columns)
            if width <= w - 20 and head + line_h * rows <= h - 20:
                return size, line_h, key_w, columns, width
    return 16, 21, 120, [[(k, [t]) for k, t in lines]], w - 20


def draw_help(surface: pygame.Surface) -> None:
    w, h = surface.get_size()
    size, line_h, key_w, columns, width = help_layout((w, h), HELP_LINES)
    rows = max(sum(len(t) for _, t in col) for col in columns)
    head = round(size * 70 / 26)
    panel = pygame.Rect(0, 0, width, head + line_h * rows)
    panel.center = (w // 2, h // 2)
    shade = pygame.Surface(panel.size, pygame.SRCALPHA)
    shade.fill((20, 15, 25, 230))
    surface.blit(shade, panel)
    pygame.draw.rect(surface, (255, 200, 90), panel, 3, border_radius=8)
    title = label(
        "Async Burgers - controls", round(size * 34 / 26), (255, 200, 90), True, fixed=True
    )
    surface.blit(title, title.get_rect(midtop=(panel.centerx, panel.top + round(size * 16 / 26))))
    column_w = (width - 10) // len(columns)
    for c, column in enumerate(columns):
        x = panel.left + c * column_w + 30
        y = panel.top + round(size * 62 / 26)
        for key, text in column:
            surface.blit(label(key, size, (255, 220, 140), True, fixed=True), (x, y))
            for line in text:
                surface.blit(label(line, size, P.WHITE, fixed=True), (x + key_w, y))
                y += line_h
