"""The game's tick: which tick first shows a moment."""

from __future__ import annotations

import math
from random import Random

from game.app.clock import FPS, TICK, tick_of


def test_tick_of_is_the_first_tick_whose_run_includes_the_moment() -> None:
    """By its definition, the smallest k >= 0 with seconds <= k * TICK, on moments the
    kernel makes: random ones, whole ticks, k / 60 and their floating-point neighbours."""
    rng = Random(7)
    moments = [rng.uniform(0, 3 * 86400) for _ in range(20000)]
    for k in range(0, 3 * 86400 * FPS, 997):
        for t in (k * TICK, k / FPS):
            moments += [t, math.nextafter(t, 0), math.nextafter(t, math.inf)]
    for t in moments:
        k = tick_of(t)
        assert t <= k * TICK and (k == 0 or (k - 1) * TICK < t), t
    assert tick_of(0.0) == 0 and tick_of(-1.0) == 0 and tick_of(TICK) == 1
