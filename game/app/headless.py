"""Run a shop without a window, as fast as it can, and report its metrics."""

from __future__ import annotations

import json
import time
from dataclasses import replace

from ..shop import Metrics, Shop, ShopConfig, measure
from ..shop.levels import LEVEL_CONFIG, level_named, play

ROWS: list[tuple[str, str, str]] = [
    ("arrived", "couples arrived", "{:d}"),
    ("served", "couples served", "{:d}"),
    ("departed", "couples left", "{:d}"),
    ("throughput_per_min", "throughput (couples/min)", "{:.2f}"),
    ("mean_wait", "mean wait, order -> burgers (s)", "{:.1f}"),
    ("p95_wait", "95th percentile wait (s)", "{:.1f}"),
    ("mean_line_wait", "mean time in line (s)", "{:.1f}"),
    ("flirt_share", "waiting spent flirting", "{:.0%}"),
    ("stand_share", "waiting spent standing", "{:.0%}"),
    ("staff_utilisation", "staff utilisation", "{:.0%}"),
    ("mean_in_line", "mean couples in line", "{:.2f}"),
]


def run(config: ShopConfig, seconds: float) -> tuple[Metrics, float]:
    """Simulate ``seconds`` of virtual time; returns the metrics and the wall time taken."""
    shop = Shop(config)
    start = time.perf_counter()
    try:
        shop.fast_forward(seconds)
    finally:
        shop.kernel.close()
    return measure(shop), time.perf_counter() - start


def format_table(results: list[Metrics], wall: list[float]) -> str:
    header = f"{'':34}" + "".join(f"{m.mode:>14}" for m in results)
    lines = [f"Async Burgers - {results[0].time:.0f} virtual seconds", header]
    for key, label, fmt in ROWS:
        cells = "".join(f"{fmt.format(getattr(m, key)):>14}" for m in results)
        lines.append(f"{label:34}{cells}")
    lines.append(f"{'wall time (s)':34}" + "".join(f"{w:>14.3f}" for w in wall))
    return "\n".join(lines)


def report(configs: list[ShopConfig], seconds: float, as_json: bool) -> str:
    results, wall = [], []
    for config in configs:
        metrics, elapsed = run(config, seconds)
        results.append(metrics)
        wall.append(elapsed)
    if as_json:
        payload = [
            dict(m.as_dict(), wall_seconds=round(w, 4)) for m, w in zip(results, wall, strict=True)
        ]
        return json.dumps(payload[0] if len(payload) == 1 else payload, indent=2)
    return format_table(results, wall)


LEVEL_ROWS: list[tuple[str, str, str]] = [
    ("arrived", "couples arrived", "{:d}"),
    ("served", "couples served", "{:d}"),
    ("never_served", "couples who never got burgers", "{:d}"),
    ("mean_wait", "mean wait, paid -> all in hand (s)", "{:.1f}"),
    ("mean_visit", "mean time, door -> all in hand (s)", "{:.1f}"),
    ("blocked_seconds", "seconds the loop was blocked", "{:.1f}"),
    ("longest_block", "longest block (s)", "{:.1f}"),
    ("time", "day ended at (s)", "{:.0f}"),
]


def level_report(name: str, fixed: bool, config: ShopConfig, as_json: bool) -> str:
    """A level's day, broken or fixed, played to its end: the result card's numbers.
    The level's own day (its number of couples) unless the command line set one."""
    if config.couples == 0:
        config = replace(config, couples=LEVEL_CONFIG.couples)
    result = play(name, fixed, config)
    if as_json:
        return json.dumps(result.as_dict(), indent=2)
    level = level_named(name)
    which = "fixed" if fixed else "broken"
    lines = [f"Level {level.number}, {level.name} ({which}): {level.title}"]
    values = result.outcome.as_dict()
    lines += [f"{label:38}{fmt.format(values[key]):>10}" for key, label, fmt in LEVEL_ROWS]
    lines += [f"Python said: {text}" for text in result.python_said]
    return "\n".join(lines)
