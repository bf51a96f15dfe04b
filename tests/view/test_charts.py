"""The charts panel: the same bars and curve as a walk over every couple, at bounded cost."""

from __future__ import annotations

import pygame
import pytest

from game.app.window import open_window
from game.shop import MODES, PARALLEL, Shop, ShopConfig
from game.shop.people import Couple
from game.view import charts
from game.view.charts import BARS, LEGEND, Charts, couple_bars, served_steps


def long_day(mode: str, seconds: float) -> tuple[Shop, list[Couple]]:
    shop = Shop(ShopConfig(mode=mode))
    gone: list[Couple] = []
    shop.on_depart.append(gone.append)
    shop.fast_forward(seconds)
    return shop, gone


@pytest.mark.parametrize("mode", MODES)
def test_bars_are_the_last_served_couples_as_their_timelines_tell(mode: str) -> None:
    shop, gone = long_day(mode, 3000.0)
    served = [c for c in [*gone, *shop.couples] if c.served_at is not None]
    assert any(c.served_at is not None for c in shop.couples), "someone inside was served"
    want = []
    for couple in sorted(served, key=lambda c: c.index)[-BARS:]:
        spent = couple.timeline.between(couple.arrived, shop.now)
        want.append((couple.index, couple.protagonist, [(p, spent.get(p, 0.0)) for p in LEGEND]))
    assert [tuple(bar) for bar in couple_bars(shop)] == want


def test_the_protagonists_bar_is_marked_after_they_left() -> None:
    shop, _ = long_day(PARALLEL, 200.0)
    bars = couple_bars(shop, count=BARS)
    assert [b.index for b in bars if b.protagonist] == [shop.config.protagonist]


def test_served_curve_is_exact_for_few_couples_and_one_step_a_column_for_many() -> None:
    shop, _ = long_day(PARALLEL, 3600.0)
    times = list(shop.served.times)
    assert served_steps(shop, shop.now, len(times)) == [(t, i + 1) for i, t in enumerate(times)]
    steps = served_steps(shop, shop.now, 40)
    assert len(steps) <= 40
    assert steps[-1][1] == len(times)  # the curve ends at everyone served so far
    for t, n in steps:
        assert n == sum(x <= t for x in times)
    assert [n for _, n in steps] == sorted({n for _, n in steps})


def test_a_long_day_looks_like_its_exact_curve(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past one couple per pixel column the curve is binned; a player sees no difference."""
    shops = [long_day(mode, 7200.0)[0] for mode in MODES]
    assert all(len(s.served) > 400 for s in shops)  # more couples than the plot has columns
    open_window(headless=True)
    try:
        panel = Charts((1280, 720))
        plot = pygame.Rect(880, 100, 370, 380)

        def drawn() -> bytes:
            surface = pygame.Surface((1280, 720))
            panel.draw(surface, shops)
            return pygame.image.tobytes(surface.subsurface(plot), "RGB")

        binned = drawn()
        exact = charts.served_steps
        monkeypatch.setattr(charts, "served_steps", lambda shop, end, _: exact(shop, end, 10**9))
        every = drawn()
    finally:
        pygame.quit()
    differ = sum(a != b for a, b in zip(binned[::3], every[::3], strict=True))
    assert differ < 0.01 * plot.w * plot.h  # a pixel here and there along the steps


def test_the_time_axis_never_says_0_min() -> None:
    from game.view.charts import axis_end

    assert axis_end(24.0) == "24 s"
    assert axis_end(150.0) == "2.5 min" and axis_end(180.0) == "3 min"
    assert axis_end(900.0) == "15 min"
