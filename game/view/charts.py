"""Charts, drawn with pygame and sized for a projector: where each couple's time went, and
how many couples each shop has served over time.

Drawn in the same time at any hour of the day: the bars are the last few couples (their
numbers kept aside by the shop's ledger), the curve has at most a step per pixel column.
"""

from __future__ import annotations

from typing import NamedTuple

import pygame

from ..shop import Shop
from . import palette as P
from .text import fit, label, px

LEGEND = ["in line", "ordering", "flirting", "standing", "fetching", "eating"]
SHOP_COLOURS = {"concurrent": (255, 170, 70), "parallel": (90, 180, 240)}
BARS = 14


class Bar(NamedTuple):
    """One couple's row: who, and seconds per phase of the legend since they arrived."""

    index: int
    protagonist: bool
    spent: list[tuple[str, float]]


def couple_bars(shop: Shop, count: int = BARS) -> list[Bar]:
    """The last ``count`` couples (by arrival number) that got their burgers.

    Those gone come from the shop's records, those still inside from their timelines,
    so the cost is the same at any hour."""
    rows: list[tuple[int, bool, dict[str, float]]] = [
        (r.index, r.protagonist, r.spent) for r in shop.departed.latest(count)
    ]
    rows += [
        (c.index, c.protagonist, c.timeline.between(c.arrived, shop.now))
        for c in shop.served.latest_inside(count)
    ]
    rows.sort(key=lambda row: row[0])
    return [
        Bar(index, protagonist, [(phase, spent.get(phase, 0.0)) for phase in LEGEND])
        for index, protagonist, spent in rows[-count:]
    ]


def served_steps(shop: Shop, end: float, columns: int) -> list[tuple[float, int]]:
    """(time, couples served by then) at which to draw a step of the curve over [0, end].

    Every couple while there are at most ``columns`` of them (the exact curve); beyond
    that one step per column, at its right edge: the same picture once a column holds
    several couples, and at most ``columns`` steps however long the day."""
    served = shop.served
    if len(served) <= columns:
        return [(t, i + 1) for i, t in enumerate(served.times)]
    steps = []
    last = 0
    for k in range(1, columns + 1):
        t = end * k / columns
        n = served.count_until(t)
        if n != last:
            steps.append((t, n))
            last = n
    return steps


class Charts:
    def __init__(self, size: tuple[int, int]) -> None:
        self.size = size
        self.shade = pygame.Surface(size, pygame.SRCALPHA)
        self.shade.fill((22, 20, 30, 245))

    def draw(self, surface: pygame.Surface, shops: list[Shop]) -> None:
        w, h = self.size
        surface.blit(self.shade, (0, 0))
        title = label("Where did the time go?", 40, (255, 210, 120), True)
        surface.blit(title, (30, 40))
        hint = label("G: back to the shop", 24, (200, 200, 200))
        surface.blit(hint, hint.get_rect(topright=(w - 30, 50)))
        for i, shop in enumerate(shops):
            self._bars(surface, shop, pygame.Rect(30 + i * 420, 100, 390, 500))
        self._curves(surface, shops, pygame.Rect(880, 100, 370, 380))
        self._legend(surface, pygame.Rect(880, 510, 370, 120))

    def _bars(self, surface: pygame.Surface, shop: Shop, area: pygame.Rect) -> None:
        mode = shop.config.mode
        title = fit(f"{mode} shop: each couple", 28, SHOP_COLOURS[mode], True, width=area.w)
        surface.blit(title, area.topleft)
        bars = couple_bars(shop)
        if not bars:
            surface.blit(label("no couple served yet", 24, P.WHITE), (area.x, area.y + 40))
            return
        longest = max(sum(s for _, s in bar.spent) for bar in bars)
        row_h = min(px(34), (area.h - 60) // len(bars))
        scale = (area.w - 90) / max(longest, 1.0)
        for i, (index, protagonist, spent) in enumerate(bars):
            y = area.y + 44 + i * row_h
            name = "you" if protagonist else f"#{index}"
            colour = P.GOLD if protagonist else P.WHITE
            surface.blit(fit(name, 22, colour, width=48, height=row_h), (area.x, y))
            x = area.x + 50
            for phase, seconds in spent:
                width = seconds * scale
                if width >= 1:
                    pygame.draw.rect(surface, P.PHASE_COLOURS[phase], (x, y + 2, width, row_h - 8))
                    x += width
            total = sum(s for _, s in spent)
            surface.blit(label(f"{total:.0f}s", 20, (210, 210, 210)), (x + 6, y + 2))
        axis = label(f"0 ... {longest:.0f} s from arrival", 20, (180, 180, 180))
        surface.blit(axis, (area.x + 50, area.y + 44 + len(bars) * row_h + 4))

    def _curves(self, surface: pygame.Surface, shops: list[Shop], area: pygame.Rect) -> None:
        title = fit("couples served over time", 28, P.WHITE, True, width=area.w)
        surface.blit(title, area.topleft)
        plot = pygame.Rect(area.x + 40, area.y + 44, area.w - 50, area.h - 80)
        pygame.draw.rect(surface, (60, 60, 75), plot, 1)
        end = max(1.0, max(s.now for s in shops))
        most = max([1] + [len(s.served) for s in shops])
        surface.blit(label(str(most), 20, (200, 200, 200)), (area.x, plot.y - 6))
        surface.blit(label("0", 20, (200, 200, 200)), (area.x + 20, plot.bottom - 12))
        minutes = label(f"{end / 60:.0f} min", 20, (200, 200, 200))
        surface.blit(minutes, minutes.get_rect(topright=(plot.right, plot.bottom + 4)))
        for shop in shops:
            points = [(plot.x, plot.bottom)]
            for t, n in served_steps(shop, end, plot.w):
                x = plot.x + t / end * plot.w
                points.append((x, points[-1][1]))
                points.append((x, plot.bottom - n / most * plot.h))
            points.append((plot.right, points[-1][1]))
            pygame.draw.lines(surface, SHOP_COLOURS[shop.config.mode], False, points, 4)

    def _legend(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        for i, phase in enumerate(LEGEND):
            x = area.x + (i % 2) * 185
            y = area.y + (i // 2) * 34
            pygame.draw.rect(surface, P.PHASE_COLOURS[phase], (x, y + 4, 24, 20))
            surface.blit(label(phase, 24, P.WHITE), (x + 32, y + 2))
