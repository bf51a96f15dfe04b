"""The house: pure work, so concurrency gives no speed-up and parallelism gives about N."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.house import (
    CONCURRENT,
    PARALLEL,
    House,
    HouseConfig,
    HouseConfigError,
    forecast,
    measure,
)
from game.house import layout as L

ROOT = Path(__file__).resolve().parents[2]
TICK = 1 / 60


def finished(config: HouseConfig) -> House:
    house = House(config)
    house.run_to_end()
    return house


def test_parallel_finishes_at_the_biggest_room_about_n_times_sooner() -> None:
    """Speed-up over one person doing all the work = total work / max room work.

    Tolerance: each room needs work * (1 +- spread), so the speed-up lies between
    N * (1 - spread) / (1 + spread) and N; with spread 0 it is exactly N (to 1e-9).
    """
    config = HouseConfig(mode=PARALLEL)
    house = finished(config)
    n, spread = config.rooms, config.work_spread
    assert house.finished_at == pytest.approx(max(config.works()), abs=1e-9)
    speedup = house.total_work / house.finished_at
    assert n * (1 - spread) / (1 + spread) <= speedup <= n
    even = finished(HouseConfig(mode=PARALLEL, work_spread=0.0))
    assert even.total_work / even.finished_at == pytest.approx(n, abs=1e-9)


def test_concurrent_finishes_no_sooner_than_the_sum_of_the_work() -> None:
    config = HouseConfig(mode=CONCURRENT)
    house = finished(config)
    metrics = measure(house)
    you = house.cleaners[0]
    assert len(house.cleaners) == 1
    assert house.finished_at >= house.total_work + you.switches * config.switch_cost
    # the lone cleaner is always either mopping or switching: nothing else takes time
    assert metrics.mopping == pytest.approx(house.total_work, abs=1e-6)
    assert metrics.mopping + metrics.switching == pytest.approx(house.finished_at, abs=1e-6)
    # free switching (teleport, no set-up) gives exactly the sum: no loss, and no gain
    free = finished(HouseConfig(switch_cost=0.0, walk_speed=math.inf))
    assert free.finished_at == pytest.approx(free.total_work, abs=1e-6)


def test_cooperative_one_room_at_a_time_in_the_concurrent_house() -> None:
    house = House(HouseConfig(mode=CONCURRENT))
    most = 0
    while not house.done:
        house.advance(TICK)
        most = max(most, len(house.mopping_now()))
    assert most == 1
    strokes = sorted(s for room in house.rooms for s in room.strokes)
    for (_, end, _), (start, _, _) in zip(strokes, strokes[1:], strict=False):
        assert start >= end - 1e-9  # no two rooms mopped at any one instant
    # round-robin: the first visits go round the ring, your room first
    by_start = sorted((s[0], room.index) for room in house.rooms for s in room.strokes)
    assert [i for _, i in by_start[:9]] == list(range(9))


def test_parallel_helpers_all_mop_at_once() -> None:
    house = House(HouseConfig(mode=PARALLEL))
    house.advance(1.0)
    assert len(house.mopping_now()) == 9 == len(house.cleaners)
    assert all(0 < r.clean_fraction_at(house.now) < 1 for r in house.rooms)
    assert all(c.switches == 0 for c in house.cleaners)


def test_dirt_goes_down_smoothly_only_while_mopped() -> None:
    house = House(HouseConfig(mode=CONCURRENT))
    house.advance(2.0)  # in the middle of the first slice, in your room
    yours, kitchen = house.rooms[0], house.rooms[1]
    samples = [yours.clean_fraction_at(house.now + d) for d in (0.0, 0.5, 1.0, 1.5)]
    steps = [b - a for a, b in zip(samples, samples[1:], strict=False)]
    assert all(s == pytest.approx(0.5 / yours.work) for s in steps)
    assert kitchen.clean_fraction_at(house.now) == 0.0


def test_same_seed_same_house_other_seed_other_dirt() -> None:
    def history(config: HouseConfig) -> list[object]:
        house = finished(config)
        return [(r.work, r.piles, r.strokes) for r in house.rooms] + [house.finished_at]

    assert history(HouseConfig(seed=7)) == history(HouseConfig(seed=7))
    assert HouseConfig(seed=7).works() != HouseConfig(seed=8).works()
    assert HouseConfig(seed=7).works() == HouseConfig(seed=7, mode=PARALLEL).works()


def test_forecast_and_finish_times_match_real_runs() -> None:
    config = HouseConfig(seed=3)
    both = forecast(config)
    assert both.concurrent.finished_at == finished(config).finished_at
    assert both.parallel.finished_at == finished(config.with_mode(PARALLEL)).finished_at
    assert both.sooner == pytest.approx(both.concurrent.finished_at / both.parallel.finished_at)
    times = forecast(config).finish_times
    assert times == {CONCURRENT: both.concurrent.finished_at, PARALLEL: both.parallel.finished_at}
    assert both.sooner > config.rooms * (1 - config.work_spread) / (1 + config.work_spread)


def test_fewer_rooms_leave_the_rest_tidy() -> None:
    house = finished(HouseConfig(rooms=3, mode=PARALLEL))
    assert [r.name for r in house.rooms] == [spec.name for spec in L.ROOMS[:3]]
    assert len(house.cleaners) == 3


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("mode", "robot"),
        ("rooms", 0),
        ("rooms", 10),
        ("rooms", 2.5),
        ("work", 0),
        ("work", math.inf),
        ("work_spread", 1.0),
        ("work_spread", -0.1),
        ("switch_cost", -1),
        ("switch_cost", math.nan),
        ("slice", 0),
        ("walk_speed", 0),
        ("walk_speed", math.nan),
        ("seed", "x"),
    ],
)
def test_bad_settings_name_the_field(field: str, value: object) -> None:
    with pytest.raises(HouseConfigError) as info:
        HouseConfig(**{field: value})
    assert isinstance(info.value, ValueError)
    assert info.value.field == field and str(info.value).startswith(f"{field}:")


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    rooms=st.integers(1, 9),
    work=st.floats(1.0, 60.0),
    spread=st.floats(0.0, 0.9),
    switch_cost=st.floats(0.0, 3.0),
    slice_=st.floats(0.5, 30.0),
)
def test_no_settings_make_concurrency_beat_the_sum_of_work(
    seed: int, rooms: int, work: float, spread: float, switch_cost: float, slice_: float
) -> None:
    config = HouseConfig(
        seed=seed, rooms=rooms, work=work, work_spread=spread, switch_cost=switch_cost, slice=slice_
    )
    both = forecast(config)
    total = both.concurrent.total_work
    assert both.concurrent.finished_at >= total - 1e-6
    assert both.parallel.finished_at == pytest.approx(max(config.works()), abs=1e-6)
    assert both.parallel.finished_at <= both.concurrent.finished_at + 1e-9


def test_the_model_never_imports_pygame() -> None:
    code = "import sys, game.house; assert 'pygame' not in sys.modules, 'pygame imported'"
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
