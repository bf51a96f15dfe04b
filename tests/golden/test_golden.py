"""Golden run: the same seed gives the same report, event trace and frames.

Refactors run under this test: the day must play out exactly as before, to the event and
to the pixel. When a change is *meant* to alter what happens or what is drawn, rewrite the
record with ``GOLDEN_UPDATE=1 python -m pytest tests/golden`` and say why in the commit.
On a mismatch the frames as drawn now are saved next to the test run (see the message).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from game.app.window import Game, open_window
from game.house import House, HouseConfig
from game.house.metrics import measure as measure_house
from game.shop import CONCURRENT, MODES, PARALLEL, Shop, ShopConfig, measure
from game.shop.people import Couple

RECORD = Path(__file__).with_name("golden.json")
UPDATE = os.environ.get("GOLDEN_UPDATE") == "1"
SECONDS = 600.0


def digest(parts: list[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def shop_record(mode: str) -> dict[str, object]:
    """Metrics, the shop's event log and the kernel's hand-over trace over ten minutes."""
    shop = Shop(ShopConfig(mode=mode), keep_log=True)
    shop.kernel.record_handovers()
    timelines: list[str] = []  # couples as they leave (the shop keeps only their numbers)

    def timeline(c: Couple) -> str:
        return f"{c.index}|" + ";".join(f"{p.label}@{p.start:.6f}" for p in c.timeline.phases)

    shop.on_depart.append(lambda c: timelines.append(timeline(c)))
    shop.fast_forward(SECONDS)
    metrics = measure(shop).as_dict()
    log = [f"{t:.6f}|{who}|{what}" for t, who, what in shop.log]
    trace = [f"{h.time:.6f}|{h.name}|{h.after}|{h.resume}" for h in shop.kernel.trace]
    timelines += [timeline(c) for c in shop.couples]
    beats = [f"{b.time:.6f}|{b.code}" for b in shop.beats]
    shop.kernel.close()
    return {
        "metrics": {k: round(v, 9) if isinstance(v, float) else v for k, v in metrics.items()},
        "log": digest(log),
        "log_lines": len(log),
        "trace": digest(trace),
        "trace_lines": len(trace),
        "timelines": digest(timelines),
        "beats": beats,
    }


def house_record(mode: str) -> dict[str, object]:
    house = House(HouseConfig(mode=mode, seed=1))
    house.kernel.run(limit=SECONDS)
    metrics = measure_house(house).as_dict()
    strokes = [
        f"{room.name}|" + ";".join(f"{a:.6f}-{b:.6f}-{who}" for a, b, who in room.strokes)
        for room in house.rooms
    ]
    house.close()
    return {
        "metrics": {k: round(v, 9) if isinstance(v, float) else v for k, v in metrics.items()},
        "strokes": digest(strokes),
    }


Setup = Callable[[Game], None]


def _follow_first_flirting(game: Game) -> None:
    game.mode = CONCURRENT
    game.show_inspector = True
    game.selected = next(c for c in game.shop.couples if c.phase == "flirting")


# name: (virtual seconds, how to set the game up before drawing)
FRAMES: dict[str, tuple[float, Setup]] = {
    "concurrent-30": (30.0, lambda g: setattr(g, "mode", CONCURRENT)),
    "concurrent-47": (47.0, lambda g: setattr(g, "mode", CONCURRENT)),
    "parallel-17": (17.0, lambda g: setattr(g, "mode", PARALLEL)),
    "parallel-41": (41.0, lambda g: setattr(g, "mode", PARALLEL)),
    "split-60": (60.0, lambda g: setattr(g, "split", True)),
    "inspector-70": (70.0, _follow_first_flirting),
    "charts-200": (200.0, lambda g: setattr(g, "show_charts", True)),
    "house-concurrent-40": (40.0, lambda g: setattr(g, "scene", "house")),
    "house-parallel-12": (
        12.0,
        lambda g: (setattr(g, "scene", "house"), setattr(g, "mode", PARALLEL)),
    ),
}


def frame_records(out: Path) -> dict[str, str]:
    """Pixel hashes of chosen frames; each frame also saved to ``out`` for a look."""
    hashes = {}
    for name, (seconds, setup) in FRAMES.items():
        game = Game(ShopConfig(), open_window(headless=True))
        game.advance_to(seconds)
        game.paused = True
        setup(game)
        surface = game.draw()
        hashes[name] = hashlib.sha256(pygame.image.tobytes(surface, "RGB")).hexdigest()
        pygame.image.save(surface, str(out / f"{name}.png"))
        pygame.quit()
    return hashes


def current(out: Path) -> dict[str, object]:
    return {
        "shops": {mode: shop_record(mode) for mode in MODES},
        "houses": {mode: house_record(mode) for mode in MODES},
        "frames": frame_records(out),
    }


def test_the_default_day_is_unchanged(tmp_path: Path) -> None:
    now = current(tmp_path)
    if UPDATE or not RECORD.exists():
        RECORD.write_text(json.dumps(now, indent=1, sort_keys=True) + "\n")
        pytest.skip(f"golden record written to {RECORD}")
    want = json.loads(RECORD.read_text())
    for mode in MODES:
        assert now["shops"][mode] == want["shops"][mode], f"{mode} shop's day changed"
        assert now["houses"][mode] == want["houses"][mode], f"{mode} house changed"
    changed = [name for name in FRAMES if now["frames"][name] != want["frames"].get(name)]
    assert not changed, f"frames drawn differently: {changed}; look at them in {tmp_path}"
