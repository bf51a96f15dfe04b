"""Simulation speed headless: how much virtual time one wall second buys, and a long day.

The shops run exactly as ``main.py --headless`` runs them, through ``Shop.fast_forward``
(60 s steps, finished tasks pruned, departed couples frozen out of the GC), no pygame.
Only the model and the kernel are timed.
"""

from __future__ import annotations

import gc
import time
from typing import Any

from ..shop import MODES, Shop, ShopConfig
from .report import Section

DAY_COUPLES = 10_000
# A shop that keeps up with 10,000 couples: every till, cook and table there is, and one
# couple every 6 s on average (the slowest resource, the parallel shop's 6 tables, each
# free again after ~30 s: at most one couple every ~5 s).
BUSY_DAY = {"cashiers": 4, "cooks": 4, "stations": 8, "tables": 12, "arrival_mean": 6.0}
DAY_TARGET_S = 3.0


def virtual_per_wall(config: ShopConfig, seconds: float) -> float:
    """Virtual seconds simulated per wall second, for ``seconds`` of one shop's day."""
    shop = Shop(config)
    start = time.perf_counter()
    shop.fast_forward(seconds)
    wall = time.perf_counter() - start
    shop.kernel.close()
    return seconds / wall


class GcClock:
    """Wall time spent in the cyclic garbage collector (a cost cProfile pins on bystanders)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._start = 0.0

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
        else:
            self.seconds += time.perf_counter() - self._start

    def __enter__(self) -> GcClock:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self)


def busy_day(config: ShopConfig) -> tuple[float, float, Shop, int, int]:
    """Wall and GC seconds to run every couple of the day out of the door; the peak crowd."""
    shop = Shop(config)
    peaks = [0, 0]

    def note_peaks(shop: Shop) -> None:
        peaks[0] = max(peaks[0], len(shop.couples))
        peaks[1] = max(peaks[1], len(shop.line))

    with GcClock() as collector:
        start = time.perf_counter()
        shop.fast_forward(None, on_step=note_peaks)
        wall = time.perf_counter() - start
    peak_inside, peak_line = peaks
    shop.kernel.close()
    return wall, collector.seconds, shop, peak_inside, peak_line


def run(quick: bool) -> Section:
    seconds, repeats = (600.0, 1) if quick else (3600.0, 5)
    couples, day_repeats = (500, 1) if quick else (DAY_COUPLES, 3)
    section = Section("2. Simulation speed, headless")
    for mode in MODES:
        rates = [virtual_per_wall(ShopConfig(mode=mode), seconds) for _ in range(repeats)]
        section.add(
            f"{mode}, default settings",
            "virtual s / wall s",
            rates,
            f"{seconds:.0f} virtual s per repeat",
        )
    for mode in MODES:
        config = ShopConfig(mode=mode, couples=couples, **BUSY_DAY)  # type: ignore[arg-type]
        walls, in_gc = [], []
        for _ in range(day_repeats):
            wall, gc_seconds, shop, peak_inside, peak_line = busy_day(config)
            walls.append(wall)
            in_gc.append(gc_seconds / wall)
        stats = section.add(
            f"{mode}, day of {couples:,} couples",
            "wall s",
            walls,
            f"{shop.now / 3600:.1f} virtual h; peak {peak_inside} inside, "
            f"{peak_line} in line; {shop.kernel.resumes:,} resumes; "
            f"{sorted(in_gc)[len(in_gc) // 2]:.0%} of it in the GC",
        )
        section.count(f"{mode}, day of {couples:,} couples: resumes", shop.kernel.resumes)
        section.count(f"{mode}, day of {couples:,} couples: virtual s", f"{shop.now:.3f}")
        section.check(
            f"{mode}: a day of {couples:,} couples in <= {DAY_TARGET_S:g} s",
            f"median {stats.median:.2f} s",
            stats.median <= DAY_TARGET_S,
        )
    section.notes.append(
        "busy day: "
        + ", ".join(f"{k}={v}" for k, v in BUSY_DAY.items())
        + " (all staff and tables at their maximum; the parallel layout has 6 tables);"
        " peak crowd and line show the shop keeps up"
    )
    return section
