"""The shop that overflows: does the cost per couple stay flat as the line grows?

- cost: the concurrent shop, default staff, a couple every 4 s (the line grows without
  bound), seed 1, run headless for 1 h and for 4 h, repeats taking turns: wall time per
  arriving couple. Flat means the 4 h figure is at most 1.5x the 1 h one.
- memory: the same shop under ``tracemalloc``: Python heap at 1 h, and its peak from
  1 h to 4 h. The couples still in line are whole objects (they are still playing); what
  the departed ones leave behind must stay small.
- charts: the charts frame (one tick, ``game.draw()`` with the charts panel up, a flip)
  of a game at default settings, after 1 h and after 24 h of play, frames taking turns.
- stress: the 200-couple stress scene of section 1, built afresh three times per shop;
  the worst frame of each run must stay under the 16.7 ms budget.
"""

from __future__ import annotations

import cProfile
import gc
import pstats
import time
import tracemalloc
from typing import TYPE_CHECKING

from ..shop import CONCURRENT, MODES, Shop, ShopConfig
from .report import Section

if TYPE_CHECKING:
    from ..app.window import Game

OVERLOAD = ShopConfig(mode=CONCURRENT, arrival_mean=4.0, seed=1)
COST_RATIO_TARGET = 1.5
MEMORY_TARGET_MB = 20.0
CHARTS_RATIO_TARGET = 2.0


def cost_per_couple(seconds: float) -> tuple[float, Shop]:
    """Wall microseconds per arriving couple over ``seconds`` of the overflowing shop."""
    shop = Shop(OVERLOAD)
    start = time.perf_counter()
    shop.fast_forward(seconds)
    wall = time.perf_counter() - start
    shop.kernel.close()
    return wall / arrived(shop) * 1e6, shop


def arrived(shop: Shop) -> int:
    return len(shop.departed) + len(shop.couples)


def memory_growth(short: float, long: float) -> tuple[float, float, Shop, tuple[int, int]]:
    """(traced MB at ``short``, peak traced MB from ``short`` to ``long``, the shop, and
    (inside, departed) at ``short``)."""
    gc.collect()
    tracemalloc.start()
    try:
        shop = Shop(OVERLOAD)
        shop.fast_forward(short)
        gc.collect()
        at_short = tracemalloc.get_traced_memory()[0]
        early = (len(shop.couples), len(shop.departed))
        tracemalloc.reset_peak()
        shop.fast_forward(long - short)
        peak = tracemalloc.get_traced_memory()[1]
        shop.kernel.close()
    finally:
        tracemalloc.stop()
    return at_short / 1e6, peak / 1e6, shop, early


def hot_spots(seconds: float, top: int = 3) -> str:
    """The functions that took the most own time in one run: what a miss is made of."""
    profiler = cProfile.Profile()
    shop = Shop(OVERLOAD)
    profiler.enable()
    shop.fast_forward(seconds)
    profiler.disable()
    shop.kernel.close()
    stats = pstats.Stats(profiler)
    table = stats.stats  # type: ignore[attr-defined]
    total = sum(row[2] for row in table.values())
    rows = sorted(table.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    return ", ".join(
        f"{_where(func)} {row[2] / total:.0%}" + (_called_from(row[4]) if func[0] == "~" else "")
        for func, row in rows
    )


def _where(func: tuple[str, int, str]) -> str:
    path, line, name = func
    return name if path == "~" else f"{name} ({path.rsplit('/', 1)[-1]}:{line})"


def _called_from(callers: dict[tuple[str, int, str], tuple[float, ...]]) -> str:
    """For a built-in (list.index...), the caller that spent the most time in it."""
    if not callers:
        return ""
    caller = max(callers, key=lambda c: callers[c][2])
    return f" (from {_where(caller)})"


def run(quick: bool) -> Section:
    short, long = (300.0, 1200.0) if quick else (3600.0, 14400.0)
    repeats = 1 if quick else 3
    section = Section("5. Overload: cost that stays flat")
    label = f"{short / 3600:g} h" if short >= 3600 else f"{short / 60:g} min"
    label_long = f"{long / 3600:g} h" if long >= 3600 else f"{long / 60:g} min"

    # -- cost per couple, short and long runs taking turns ---------------------------
    costs: dict[float, list[float]] = {short: [], long: []}
    shops: dict[float, Shop] = {}
    for _ in range(repeats):
        for seconds in (short, long):
            cost, shops[seconds] = cost_per_couple(seconds)
            costs[seconds].append(cost)
    medians = {}
    for seconds, name in ((short, label), (long, label_long)):
        shop = shops[seconds]
        medians[seconds] = section.add(
            f"cost per arriving couple, {name}",
            "us",
            costs[seconds],
            f"{arrived(shop):,} arrived, {len(shop.departed):,} left, "
            f"{len(shop.line):,} in line at the end",
        ).median
        section.count(f"overload {name}: couples arrived", arrived(shop))
        section.count(f"overload {name}: couples left", len(shop.departed))
        section.count(f"overload {name}: resumes", shop.kernel.resumes)
    ratio = medians[long] / medians[short]
    hint = "" if ratio <= COST_RATIO_TARGET or quick else f"own time: {hot_spots(long)}"
    section.check(
        f"cost per couple over {label_long} <= {COST_RATIO_TARGET:g}x that over {label}",
        f"{ratio:.2f}x ({medians[short]:.0f} -> {medians[long]:.0f} us)",
        ratio <= COST_RATIO_TARGET,
        hint,
    )

    # -- memory ------------------------------------------------------------------------
    at_short, peak, shop, (inside0, gone0) = memory_growth(short, long)
    growth = peak - at_short
    section.add(
        f"traced memory at {label}",
        "MB",
        [at_short],
        f"tracemalloc (Python heap); {inside0:,} couples inside, {gone0:,} gone",
    )
    section.add(
        f"peak memory growth, {label} -> {label_long}",
        "MB",
        [growth],
        f"{len(shop.couples):,} inside (whole: still playing), {len(shop.departed):,} gone; "
        f"departed records {departed_bytes(shop) / max(1, len(shop.departed)):.0f} B each",
    )
    section.check(
        f"peak memory growth {label} -> {label_long} < {MEMORY_TARGET_MB:g} MB",
        f"{growth:.1f} MB",
        growth < MEMORY_TARGET_MB,
    )

    charts_and_stress(section, quick)
    return section


def charts_and_stress(section: Section, quick: bool) -> None:
    """The frame figures: pygame is imported (dummy drivers) only from here on."""
    from . import frames

    pygame = frames.pygame
    screen = frames.open_window(headless=True)
    lib = frames.Library()
    try:
        charts_frames(section, quick, screen, lib)
        stress_runs(section, quick, screen, lib)
    finally:
        pygame.quit()


def game_at(seconds: float, screen: object, lib: object) -> Game:
    """A game at default settings, its shops run headless to ``seconds``, charts up."""
    from ..app.window import TICK, Game

    game = Game(ShopConfig(), screen, lib=lib)  # type: ignore[arg-type]
    for shop in game.shops.values():
        shop.fast_forward(seconds)
    game.ticks = round(seconds / TICK)  # the game's clock is its tick count
    game.show_charts = True
    return game


def charts_frames(section: Section, quick: bool, screen: object, lib: object) -> None:
    from . import frames

    count, warmup = (10, 3) if quick else (300, 30)
    hours = (0.25, 1.0) if quick else (1.0, 24.0)
    games = [game_at(h * 3600.0, screen, lib) for h in hours]
    times: list[list[float]] = [[] for _ in games]
    for i in range(warmup + count):
        for game, samples in zip(games, times, strict=True):  # taking turns, frame by frame
            t = frames.timed_frames(game, 1, 0)["frame"][0]
            if i >= warmup:
                samples.append(t)
    medians = []
    for h, game, samples in zip(hours, games, times, strict=True):
        served = sum(len(s.served) for s in game.shops.values())
        medians.append(
            section.add(
                f"charts frame, default game at {h:g} h",
                "ms",
                samples,
                f"tick + game.draw() with charts + flip; {served:,} couples served in both shops",
            ).median
        )
        section.count(f"default game at {h:g} h: couples served (both shops)", served)
        for shop in game.shops.values():
            shop.kernel.close()
    ratio = medians[1] / medians[0]
    section.check(
        f"charts frame at {hours[1]:g} h within {CHARTS_RATIO_TARGET:g}x that at {hours[0]:g} h",
        f"{ratio:.2f}x ({medians[0]:.2f} -> {medians[1]:.2f} ms)",
        ratio <= CHARTS_RATIO_TARGET,
    )


def stress_runs(section: Section, quick: bool, screen: object, lib: object) -> None:
    from . import frames

    count, warmup = (20, 5) if quick else (600, 60)
    runs = 1 if quick else 3
    worst: dict[str, list[float]] = {m: [] for m in MODES}
    its_cpu: dict[str, list[float]] = {m: [] for m in MODES}  # CPU time of that worst frame
    worst_cpu: dict[str, list[float]] = {m: [] for m in MODES}
    for _ in range(runs):
        for mode in MODES:
            game = frames._stress(mode)(screen, lib)  # type: ignore[arg-type]
            t = frames.timed_frames(game, count, warmup)
            i = max(range(len(t["frame"])), key=t["frame"].__getitem__)
            worst[mode].append(t["frame"][i])
            its_cpu[mode].append(t["cpu"][i])
            worst_cpu[mode].append(max(t["cpu"]))
            for shop in game.shops.values():
                shop.kernel.close()
    for mode in MODES:
        stats = section.add(
            f"stress {mode}: worst frame of a run",
            "ms",
            worst[mode],
            f"wall; {runs} runs, each a fresh scene: {warmup} warm-up + {count} frames",
        )
        section.add(
            f"stress {mode}: worst CPU time of a frame",
            "ms",
            worst_cpu[mode],
            "this thread's CPU time (time.thread_time): the frame less other processes",
        )
        over = [
            (w, c) for w, c in zip(worst[mode], its_cpu[mode], strict=True) if w >= frames.BUDGET_MS
        ]
        hint = "; ".join(
            f"the {w:.1f} ms frame had {c:.1f} ms of CPU: "
            + ("the rest was waiting for the core" if c < frames.BUDGET_MS else "ours")
            for w, c in over
        )
        section.check(
            f"stress {mode}: worst frame < {frames.BUDGET_MS:.1f} ms in every run",
            ", ".join(f"{w:.1f}" for w in worst[mode]) + " ms",
            stats.high < frames.BUDGET_MS,
            hint,
        )


def departed_bytes(shop: Shop) -> int:
    ledger = shop.departed
    columns = [ledger.index, ledger.arrived, ledger.turn_at, ledger.ordered_at]
    columns += [ledger.served_at, ledger.left_at, ledger.number, ledger.burgers_eaten]
    columns += list(ledger.spent.values())
    return sum(c.itemsize * len(c) for c in columns)
