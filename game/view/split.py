"""Side by side: both shops, same couples, same moment, each with its own HUD, and a bar
chart comparing what their waiting time was spent on."""

from __future__ import annotations

import pygame

from .. import i18n
from ..i18n import N_, _, ngettext
from ..shop import Metrics, Shop
from . import cues
from . import palette as P
from .hud import Hud, caption_for, caption_phase
from .shop_view import ShopView
from .story_card import wrap
from .text import fitted, label, px, text_scale

HALF_W, SHOP_H = 640, 360
SHOP_NAMES = {"concurrent": N_("concurrent shop"), "parallel": N_("parallel shop")}
SHOP_PATTERNS = {"concurrent": "solid", "parallel": "diagonal"}  # not by colour alone
TOP = 30
TITLE_W = 300  # the row titles' column at text scale 1
COMPARE_TOP = TOP + SHOP_H + 8


class SplitView:
    """Renders each shop full size off screen, then scales it into its half."""

    def __init__(self) -> None:
        self.full = pygame.Surface((1280, 720)).convert()
        self.halves = [pygame.Surface((HALF_W, SHOP_H)).convert() for _ in range(2)]
        self.shown: list[tuple[int, float, int] | None] = [None, None]  # what each half shows
        self.turn = 0
        # the comparison below the halves, drawn again only when what it says changes
        self.compare_layer = pygame.Surface((1280, 720)).convert()
        self.compare_shows: tuple | None = None

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
        bottom: int = 720,
    ) -> None:
        """Both halves, their HUDs, the comparison under them (ending above ``bottom``:
        the top of a panel over the lower edge, the timeline strip), the caption."""
        backdrop = (28, 24, 34)  # the halves cover the middle band: fill only around it
        surface.fill(backdrop, (0, 0, 1280, TOP))
        surface.fill(backdrop, (0, TOP + SHOP_H, 1280, 720 - TOP - SHOP_H))
        stale = self._stale(shops, selected, running=not paused)
        metrics = []
        for side, (shop, view) in enumerate(zip(shops, views, strict=True)):
            if side in stale:
                view.draw(self.full, shop, selected, speed=speed)
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
        self._compare_layer(surface, metrics, [len(s.staff) for s in shops], backdrop, bottom)
        protagonist_shop = next((s for s in shops if s.concurrent), shops[0])
        text = caption_for(protagonist_shop, selected)
        hud.draw_caption(surface, text, 0, 1280, caption_phase(protagonist_shop, selected))

    def _compare_layer(
        self,
        surface: pygame.Surface,
        metrics: list[Metrics],
        staff: list[int],
        backdrop: tuple[int, int, int],
        bottom: int,
    ) -> None:
        """The comparison, from a layer redrawn only when a bar's length, a figure, the
        language, the palette or the text size changes: its patterned bars cost more than
        the rest of the frame, yet most frames they say the same as the one before."""
        bar_w = 1240 - px(TITLE_W + 100)
        shows = (
            i18n.generation(),
            text_scale(),
            bottom,
            staff,
            [(m.mode, P.SHOP_COLOURS[m.mode]) for m in metrics],
            [
                (title, [(int(bar_w * (v / top if top else 0)), fmt(v)) for v in values])
                for title, values, top, fmt in self._rows(metrics, staff)
            ],
        )
        below = pygame.Rect(0, TOP + SHOP_H + 1, 1280, 720 - TOP - SHOP_H - 1)  # under the divider
        if shows != self.compare_shows:
            self.compare_layer.fill(backdrop, below)
            area = pygame.Rect(20, COMPARE_TOP, 1240, min(270, bottom - COMPARE_TOP))
            self._compare(self.compare_layer, metrics, area, staff, bottom)
            self.compare_shows = shows
        surface.blit(self.compare_layer, below, below)

    @staticmethod
    def _rows(metrics: list[Metrics], staff: list[int]) -> list[tuple]:
        """(title, the two shops' values, the bar's full length, how a value reads): where
        the waiting went, in plain words, then what the shops did with how many workers."""
        per_worker = [m.served / max(1, n) for m, n in zip(metrics, staff, strict=True)]
        return [
            (_("waiting time you were free"), [m.flirt_share for m in metrics], 1.0, percent),
            (_("waiting time standing guard"), [m.stand_share for m in metrics], 1.0, percent),
            (
                _("mean wait for burgers"),
                [m.mean_wait for m in metrics],
                max(1.0, *(m.mean_wait for m in metrics)),
                lambda v: _("{seconds} s").format(seconds=f"{v:.0f}"),
            ),
            (
                _("couples served"),
                [float(m.served) for m in metrics],
                max(1.0, *(m.served for m in metrics)),
                lambda v: f"{v:.0f}",
            ),
            (
                _("served per worker"),
                per_worker,
                max(0.1, *per_worker),
                lambda v: f"{v:.1f}",
            ),
        ]

    def _compare(
        self,
        surface: pygame.Surface,
        metrics: list[Metrics],
        area: pygame.Rect,
        staff: list[int],
        limit: int = 720,
    ) -> None:
        """The shops with their staff counted, rows of paired bars (where the waiting went,
        mean wait, couples served, served per worker) and the sentence that reads them."""
        rows = self._rows(metrics, staff)
        colours = [P.SHOP_COLOURS[m.mode] for m in metrics]
        patterns = [SHOP_PATTERNS.get(m.mode, "solid") for m in metrics]
        heading = label(_("Same couples, same moment:"), 24, P.WHITE, True)
        surface.blit(heading, (area.x, area.y))
        left = max(area.x + TITLE_W, area.x + heading.get_width() + px(24))
        for i, metric in enumerate(metrics):
            swatch = pygame.Rect(left, area.y + px(4), px(16), px(16))
            cues.fill(surface, swatch, colours[i], patterns[i])
            name = staff_words(_(SHOP_NAMES.get(metric.mode, metric.mode)), staff[i])
            img = label(name, 22, P.WHITE)
            surface.blit(img, (swatch.right + 6, area.y + 1))
            left = max(left + 190, swatch.right + img.get_width() + 30)
        y = area.y + px(32)
        why = wrap(_(WHY_LONGER_WAIT), 20, area.w)
        why_h = len(why) * px(22) + px(4)
        # big text: rows as tall as the room above the sentence and the caption strip allow
        room = area.bottom if text_scale() == 1.0 else min(limit, 720 - px(34) - 4)
        bottom = room - why_h
        row_h = min(px(38), (bottom - y) // len(rows))
        bar_h = 13 if text_scale() == 1.0 else (row_h - 6) // 2
        bar_x, bar_w = area.x + px(TITLE_W), area.w - px(TITLE_W + 100)
        for title, values, top, fmt in rows:
            title_img = fitted(title, 22, (220, 220, 220), px(TITLE_W) - 8)
            if text_scale() == 1.0:
                surface.blit(title_img, (area.x, y + px(6)))
            else:  # level with its pair of bars
                surface.blit(title_img, title_img.get_rect(midleft=(area.x, y + bar_h + 1)))
            for i, value in enumerate(values):
                width = int(bar_w * (value / top if top else 0))
                rect = pygame.Rect(bar_x, y + i * (bar_h + 2), max(2, width), bar_h)
                cues.fill(surface, rect, colours[i], patterns[i])
                value_text = label(fmt(value), 18, P.WHITE)
                if text_scale() == 1.0:
                    surface.blit(value_text, (rect.right + 6, rect.y - 2))
                else:
                    surface.blit(
                        value_text, value_text.get_rect(midleft=(rect.right + 6, rect.centery))
                    )
            y += row_h
        y = bottom + px(2)
        for line in why:
            surface.blit(label(line, 20, P.GOLD), (area.x, y))
            y += px(22)


# why the figures favour the concurrent shop although its mean wait is longer
WHY_LONGER_WAIT = N_(
    "A longer wait spent together beats a shorter one spent standing guard: while you "
    "await, you are free (your program runs its other tasks), and 2 people do the work "
    "that takes 8 in the parallel shop."
)


def staff_words(shop: str, n: int) -> str:
    """'concurrent shop: 2 people working': the staff counted, by the shop's name."""
    return ngettext("{shop}: {n} person working", "{shop}: {n} people working", n).format(
        shop=shop, n=n
    )


def percent(value: float) -> str:
    return f"{value:.0%}"
