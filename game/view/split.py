"""Side by side: both shops, same couples, same moment, each with its own HUD, and a bar
chart comparing what their waiting time was spent on."""

from __future__ import annotations

import pygame

from ..shop import Metrics, Shop
from . import palette as P
from .hud import Hud, caption_for
from .shop_view import ShopView
from .text import label, px, text_scale

HALF_W, SHOP_H = 640, 360
TOP = 30
COMPARE_TOP = TOP + SHOP_H + 8


class SplitView:
    """Renders each shop full size off screen, then scales it into its half."""

    def __init__(self) -> None:
        self.full = pygame.Surface((1280, 720)).convert()
        self.halves = [pygame.Surface((HALF_W, SHOP_H)).convert() for _ in range(2)]
        self.shown: list[tuple[int, float, int] | None] = [None, None]  # what each half shows
        self.turn = 0

    def _stale(self, shops: list[Shop], selected: object, running: bool) -> list[int]:
        """Halves to repaint this frame. Scaling a shop down costs as much as drawing it, so
        while the game runs the halves take turns (each shop repaints at 30 Hz); a paused,
        stepped or fresh screen repaints every half that is out of date."""
        wanted = [(id(shop), shop.now, id(selected)) for shop in shops]
        stale = [i for i in (0, 1) if self.shown[i] != wanted[i]]
        if len(stale) == 2 and None not in self.shown and running:
            stale = [self.turn]
            self.turn = 1 - self.turn
        for i in stale:
            self.shown[i] = wanted[i]
        return stale

    @staticmethod
    def to_world(pos: tuple[int, int]) -> tuple[int, tuple[float, float]] | None:
        """Which half was clicked (0 left, 1 right) and the point in that shop's world."""
        x, y = pos
        if not TOP <= y < TOP + SHOP_H:
            return None
        side = 0 if x < HALF_W else 1
        return side, ((x - side * HALF_W) * 2.0, (y - TOP) * 2.0)

    def draw(
        self,
        surface: pygame.Surface,
        shops: list[Shop],
        views: list[ShopView],
        hud: Hud,
        *,
        speed: float,
        paused: bool,
        selected: object,
    ) -> None:
        backdrop = (28, 24, 34)  # the halves cover the middle band: fill only around it
        surface.fill(backdrop, (0, 0, 1280, TOP))
        surface.fill(backdrop, (0, TOP + SHOP_H, 1280, 720 - TOP - SHOP_H))
        stale = self._stale(shops, selected, running=not paused)
        metrics = []
        for side, (shop, view) in enumerate(zip(shops, views, strict=True)):
            if side in stale:
                view.draw(self.full, shop, selected)
                pygame.transform.smoothscale(self.full, (HALF_W, SHOP_H), self.halves[side])
            surface.blit(self.halves[side], (side * HALF_W, TOP))
            hud.draw(
                surface,
                shop,
                speed=speed,
                paused=paused,
                x=side * HALF_W,
                width=HALF_W,
                caption=False,
                compact=True,
            )
            metrics.append(hud.metrics(shop))
        pygame.draw.line(surface, (255, 255, 255), (HALF_W, TOP), (HALF_W, TOP + SHOP_H), 3)
        self._compare(
            surface, metrics, pygame.Rect(20, COMPARE_TOP, 1240, 270), [len(s.staff) for s in shops]
        )
        protagonist_shop = next((s for s in shops if s.concurrent), shops[0])
        hud.draw_caption(surface, caption_for(protagonist_shop, selected), 0, 1280)

    def _compare(
        self, surface: pygame.Surface, metrics: list[Metrics], area: pygame.Rect, staff: list[int]
    ) -> None:
        """Three rows of paired bars: flirting share, mean wait, couples served."""
        rows = [
            ("waiting spent flirting", [m.flirt_share for m in metrics], 1.0, lambda v: f"{v:.0%}"),
            ("waiting spent standing", [m.stand_share for m in metrics], 1.0, lambda v: f"{v:.0%}"),
            (
                "mean wait for burgers",
                [m.mean_wait for m in metrics],
                max(1.0, *(m.mean_wait for m in metrics)),
                lambda v: f"{v:.0f} s",
            ),
            (
                "couples served",
                [float(m.served) for m in metrics],
                max(1.0, *(m.served for m in metrics)),
                lambda v: f"{v:.0f}",
            ),
            (
                f"staff busy ({staff[0]} vs {staff[1]})",
                [m.staff_utilisation for m in metrics],
                1.0,
                lambda v: f"{v:.0%}",
            ),
        ]
        colours = [(255, 170, 70), (90, 180, 240)]
        names = [m.mode for m in metrics]
        head = label("Same couples, same moment:", 24, P.WHITE, True)
        surface.blit(head, (area.x, area.y))
        key_x = area.x + 330 if text_scale() == 1.0 else area.x + head.get_width() + 30
        for name, colour in zip(names, colours, strict=True):
            text = label(f"{name} shop", 22, P.WHITE)
            swatch = pygame.Rect(key_x, area.y + px(4), px(16), px(16))
            pygame.draw.rect(surface, colour, swatch)
            surface.blit(text, (swatch.right + 6, area.y + 1))
            key_x += 190 if text_scale() == 1.0 else swatch.w + text.get_width() + 30
        y = area.y + px(32)
        # big text: rows as tall as the room above the caption strip allows
        bottom = area.bottom if text_scale() == 1.0 else 720 - px(34) - 4
        row_h = min(px(40), (bottom - y) // len(rows))
        bar_h = 13 if text_scale() == 1.0 else (row_h - 6) // 2
        bar_x, bar_w = area.x + px(260), area.w - px(360)
        for title, values, top, fmt in rows:
            surface.blit(label(title, 22, (220, 220, 220)), (area.x, y + px(6)))
            for i, value in enumerate(values):
                width = int(bar_w * (value / top if top else 0))
                rect = pygame.Rect(bar_x, y + i * (bar_h + 2), max(2, width), bar_h)
                pygame.draw.rect(surface, colours[i], rect, border_radius=3)
                value_text = label(fmt(value), 18, P.WHITE)
                if text_scale() == 1.0:
                    surface.blit(value_text, (rect.right + 6, rect.y - 2))
                else:
                    surface.blit(
                        value_text, value_text.get_rect(midleft=(rect.right + 6, rect.centery))
                    )
            y += row_h
