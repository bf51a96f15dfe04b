"""Charts, drawn with pygame and sized for a projector: where each couple's time went, and
how many couples each shop has served over time.

Drawn in the same time at any hour of the day: the bars are the last few couples (their
numbers kept aside by the shop's ledger), the curve has at most a step per pixel column.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

import pygame

from ..i18n import N_, _
from ..shop import Shop
from . import cues, words
from . import palette as P
from .text import fit, fitted, label, px

LEGEND = ["in line", "ordering", "flirting", "standing", "fetching", "eating"]
SHOP_COLOURS = P.SHOP_COLOURS  # the palette in use (F3)
BARS = 14
EACH_COUPLE = {
    "concurrent": N_("concurrent shop: each couple"),
    "parallel": N_("parallel shop: each couple"),
}
SHOP_NAMES = {"concurrent": N_("concurrent"), "parallel": N_("parallel")}
GREY = (180, 180, 180)
MARKERS = 30  # at most about this many markers on a curve


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


def marker_points(
    points: list[tuple[float, float]], plot: pygame.Rect
) -> list[tuple[float, float]]:
    """Where a curve gets its markers: at each step while there are few, else at
    ``MARKERS`` evenly spaced places along it (the same however finely it is binned)."""
    steps = points[2:-1:2]
    if len(steps) <= MARKERS:
        return steps
    xs = [px for px, _py in points]  # left to right: the last point at or left of x, bisected
    marks = []
    for k in range(1, MARKERS + 1):
        x = plot.x + plot.w * k / (MARKERS + 1)
        at = bisect_right(xs, x)
        marks.append((x, points[at - 1][1] if at else plot.bottom))
    return marks


class Charts:
    def __init__(self, size: tuple[int, int]) -> None:
        self.size = size
        self.shade = pygame.Surface(size)  # opaque: the scene is not drawn under it
        self.shade.fill((22, 20, 30))

    def draw(self, surface: pygame.Surface, shops: list[Shop]) -> None:
        w, h = self.size
        surface.blit(self.shade, (0, 0))
        title = fitted(_("Where did the time go?"), 40, (255, 210, 120), 800, True)
        surface.blit(title, (30, 40))
        hint = label(_("G: back to the shop"), 24, (200, 200, 200))
        surface.blit(hint, hint.get_rect(topright=(w - 30, 50)))
        for i, shop in enumerate(shops):
            self._bars(surface, shop, pygame.Rect(30 + i * 420, 100, 390, 500))
        self._curves(surface, shops, pygame.Rect(880, 100, 370, 380))
        self._legend(surface, pygame.Rect(880, 510, 370, 120))

    def _bars(self, surface: pygame.Surface, shop: Shop, area: pygame.Rect) -> None:
        mode = shop.config.mode
        heading = fitted(_(EACH_COUPLE[mode]), 28, SHOP_COLOURS[mode], area.w - 10, True)
        surface.blit(heading, area.topleft)
        bars = couple_bars(shop)
        if not bars:
            surface.blit(label(_("no couple served yet"), 24, P.WHITE), (area.x, area.y + 40))
            return
        longest = max(sum(s for _, s in bar.spent) for bar in bars)
        row_h = min(px(34), (area.h - 60) // len(bars))
        scale = (area.w - 90) / max(longest, 1.0)
        for i, (index, protagonist, spent) in enumerate(bars):
            y = area.y + 44 + i * row_h
            name = _("you") if protagonist else f"#{index}"
            colour = P.GOLD if protagonist else P.WHITE
            surface.blit(fit(name, 22, colour, width=48, height=row_h), (area.x, y))
            x = area.x + 50
            for phase, seconds in spent:
                width = seconds * scale
                if width >= 1:
                    bar = pygame.Rect(round(x), y + 2, round(x + width) - round(x), row_h - 8)
                    cues.fill(surface, bar, P.PHASE_COLOURS[phase], phase)
                    x += width
            total = sum(s for _, s in spent)
            seconds = label(_("{seconds}s").format(seconds=f"{total:.0f}"), 20, (210, 210, 210))
            surface.blit(seconds, (x + 6, y + 2))
        longest_text = f"{longest:.0f}"
        axis = label(_("0 ... {seconds} s from arrival").format(seconds=longest_text), 20, GREY)
        surface.blit(axis, (area.x + 50, area.y + 44 + len(bars) * row_h + 4))

    def _curves(self, surface: pygame.Surface, shops: list[Shop], area: pygame.Rect) -> None:
        title = fitted(_("couples served over time"), 28, P.WHITE, area.w, True)
        surface.blit(title, area.topleft)
        plot = pygame.Rect(area.x + 40, area.y + 44, area.w - 50, area.h - 80)
        pygame.draw.rect(surface, (60, 60, 75), plot, 1)
        end = max(1.0, max(s.now for s in shops))
        most = max([1] + [len(s.served) for s in shops])
        surface.blit(label(str(most), 20, (200, 200, 200)), (area.x, plot.y - 6))
        surface.blit(label("0", 20, (200, 200, 200)), (area.x + 20, plot.bottom - 12))
        minutes = label(axis_end(end), 20, (200, 200, 200))
        surface.blit(minutes, minutes.get_rect(topright=(plot.right, plot.bottom + 4)))
        for shop in shops:
            points = [(plot.x, plot.bottom)]
            for t, n in served_steps(shop, end, plot.w):
                x = plot.x + t / end * plot.w
                points.append((x, points[-1][1]))
                points.append((x, plot.bottom - n / most * plot.h))
            points.append((plot.right, points[-1][1]))
            mode = shop.config.mode
            pygame.draw.lines(surface, SHOP_COLOURS[mode], False, points, 4)
            for point in marker_points(points, plot):
                self._marker(surface, mode, point)
        key_x = plot.x
        for shop in shops:  # which curve is which, by name and marker: not by colour alone
            mode = shop.config.mode
            name = label(_(SHOP_NAMES[mode]), 20, SHOP_COLOURS[mode], True)
            y = plot.bottom + 24
            pygame.draw.line(surface, SHOP_COLOURS[mode], (key_x, y + 8), (key_x + 28, y + 8), 4)
            self._marker(surface, mode, (key_x + 14, y + 8))
            surface.blit(name, (key_x + 36, y))
            key_x += 36 + name.get_width() + 24

    @staticmethod
    def _marker(surface: pygame.Surface, mode: str, at: tuple[float, float]) -> None:
        """Concurrent: a disc; parallel: a square (with the colour, a second cue)."""
        x, y = round(at[0]), round(at[1])
        if mode == "concurrent":
            pygame.draw.circle(surface, SHOP_COLOURS[mode], (x, y), 5)
            pygame.draw.circle(surface, (22, 20, 30), (x, y), 2)
        else:
            pygame.draw.rect(surface, SHOP_COLOURS[mode], (x - 4, y - 4, 9, 9))
            pygame.draw.rect(surface, (22, 20, 30), (x - 1, y - 1, 3, 3))

    def _legend(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        for i, phase in enumerate(LEGEND):
            x = area.x + (i % 2) * 185
            y = area.y + (i // 2) * 34
            cues.fill(surface, pygame.Rect(x, y + 4, 24, 20), P.PHASE_COLOURS[phase], phase)
            name = fit(words.phase(phase), 24, P.WHITE, width=185 - 36, height=32)
            surface.blit(name, (x + 32, y + 2))


def axis_end(seconds: float) -> str:
    """The time axis's end: '24 s' for a short day (never '0 min'), '3 min', '2.5 min'."""
    if seconds < 120:
        return _("{seconds} s").format(seconds=f"{seconds:.0f}")
    minutes = seconds / 60
    whole = minutes >= 10 or abs(minutes - round(minutes)) < 0.05
    shown = f"{minutes:.0f}" if whole else f"{minutes:.1f}"
    return _("{minutes} min").format(minutes=shown)
