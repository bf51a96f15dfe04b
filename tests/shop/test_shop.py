"""The shop: every couple served once with its own burgers, story beats in order."""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.scheduler import TaskCrashed
from game.shop import CONCURRENT, PARALLEL, ConfigError, Shop, ShopConfig, measure
from game.shop import couple as couple_module
from game.shop.config import LIMITS
from game.shop.people import Couple, Tray
from game.shop.story import story_order

SMALL = ShopConfig(couples=12, first_couples=3)


def finished_shop(config: ShopConfig) -> Shop:
    return finished_with_couples(config)[0]


def finished_with_couples(
    config: ShopConfig, on_depart: Callable[[Couple], None] | None = None
) -> tuple[Shop, list[Couple]]:
    """The shop run to its end, and every couple as it left (the shop keeps only their
    numbers, and lets go of their order: look at that in ``on_depart``)."""
    shop = Shop(config, keep_log=True)
    gone: list[Couple] = []
    shop.on_depart.append(gone.append)
    if on_depart is not None:
        shop.on_depart.append(on_depart)
    shop.run_until_empty(limit=100_000)
    return shop, gone


@pytest.mark.parametrize("mode", [CONCURRENT, PARALLEL])
def test_every_couple_is_served_once_with_its_own_two_burgers(mode: str) -> None:
    def leaves_with_their_own_eaten_tray(couple: Couple) -> None:
        assert couple.order is not None and couple.order.couple is couple
        assert couple.order.tray is not None and couple.order.tray.holder == "eaten"
        trays.append(couple.order.tray)

    trays: list[Tray] = []
    shop, gone = finished_with_couples(SMALL.with_mode(mode), leaves_with_their_own_eaten_tray)
    assert len(shop.departed) == len(gone) == len(trays) == 12
    assert sorted(shop.served.indices) == list(range(1, 13))
    for couple in gone:
        assert couple.burgers_eaten == 2
        assert couple.arrived <= couple.turn_at <= couple.ordered_at <= couple.served_at
        assert couple.served_at <= couple.left_at
    assert not shop.couples and not shop.pickup.trays


def test_concurrent_couples_flirt_while_they_wait_and_get_turn_numbers() -> None:
    shop, gone = finished_with_couples(SMALL)
    numbers = [c.number for c in sorted(shop.departed, key=lambda c: c.index)]
    assert numbers == list(range(1, 13))  # first come, first numbered
    metrics = measure(shop)
    assert metrics.flirt_share > 0.5
    assert metrics.stand_share == 0.0
    for couple in gone:
        phases = [p.label for p in couple.timeline.phases]
        assert "flirting" in phases and "standing" not in phases


def test_parallel_couples_stand_guarding_the_counter_and_never_flirt() -> None:
    shop, gone = finished_with_couples(SMALL.with_mode(PARALLEL))
    metrics = measure(shop)
    assert metrics.flirt_share == 0.0
    assert metrics.stand_share > 0.5
    for couple in gone:
        assert couple.number is None
        phases = [p.label for p in couple.timeline.phases]
        assert "standing" in phases and "flirting" not in phases


@pytest.mark.parametrize("mode", [CONCURRENT, PARALLEL])
def test_protagonist_beats_happen_in_story_order(mode: str) -> None:
    shop = finished_shop(SMALL.with_mode(mode))
    codes = [beat.code for beat in shop.beats]
    assert codes == story_order(mode)
    times = [beat.time for beat in shop.beats]
    assert times == sorted(times)
    protagonist = shop.protagonist
    assert protagonist is not None and protagonist.index == 3
    if mode == CONCURRENT:
        assert protagonist.number == 3  # as in the comic


def test_number_shows_before_the_couple_fetches_and_they_finish_talking_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The number showing never cuts a sentence: a bit of talk in progress when it showed
    ends before they get up (they only notice at a pause, like a coroutine at an await)."""
    bits: dict[int, list[tuple[float, float]]] = defaultdict(list)
    real_sleep = couple_module.sleep

    def noting_talk(seconds: float):  # noqa: ANN202 - returns the kernel's awaitable
        caller = sys._getframe(1)
        if caller.f_code is Couple.talk_until.__code__:
            couple, speaker = caller.f_locals["self"], caller.f_locals["speaker"]
            if speaker.speaking:  # a bit of talk, not a glance at the board
                now = couple.you.shop.now
                bits[couple.index].append((now, now + seconds))
        return real_sleep(seconds)

    cut_in: list[Couple] = []

    def fetched_after_ready(couple: Couple) -> None:  # as they leave, order still in hand
        ready = couple.order.ready_at
        fetch = next(p for p in couple.timeline.phases if p.label == "fetching")
        assert fetch.start >= ready  # they only go once the board shows it
        talking = [end for start, end in bits[couple.index] if start <= ready < end]
        if talking:
            cut_in.append(couple)
            assert fetch.start >= talking[0], f"{couple.name} got up mid-sentence"
        checked.append(couple)

    checked: list[Couple] = []
    monkeypatch.setattr(couple_module, "sleep", noting_talk)
    finished_with_couples(SMALL, fetched_after_ready)
    assert len(checked) == 12
    assert len(cut_in) >= 3, "the number should show mid-sentence for several couples"


def test_same_seed_same_day_different_seed_different_day() -> None:
    def log(seed: int) -> list[tuple[float, str, str]]:
        return list(finished_shop(replace(SMALL, seed=seed)).log)

    assert log(5) == log(5)
    assert log(5) != log(6)


def test_both_shops_see_the_same_arrivals() -> None:
    a = finished_shop(SMALL)
    b = finished_shop(SMALL.with_mode(PARALLEL))
    arrivals = {c.index: c.arrived for c in a.departed}
    assert arrivals == {c.index: c.arrived for c in b.departed}


def test_actor_that_raises_is_reported_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    from game.shop import actors

    async def broken_cook(shop, me, index):  # noqa: ANN001 - test double
        await shop.kitchen.get()
        raise RuntimeError("grill on fire")

    monkeypatch.setattr(actors, "cook", broken_cook)
    shop = Shop(SMALL)
    with pytest.raises(TaskCrashed, match="'cook' crashed.*grill on fire"):
        shop.advance(120)


def test_bad_settings_name_the_setting() -> None:
    with pytest.raises(ConfigError, match="stations"):
        ShopConfig(stations=0)
    with pytest.raises(ConfigError, match="mode"):
        ShopConfig(mode="drive-through")
    with pytest.raises(ConfigError, match="walk_speed"):
        ShopConfig(walk_speed=-1)


@pytest.mark.parametrize("name", sorted(LIMITS))
def test_every_setting_is_judged_by_its_range(name: str) -> None:
    """Both ends are fine; just outside, nan and (unless allowed) inf name the setting."""
    allowed = LIMITS[name]
    kind = int if allowed.whole else float
    for fine in (allowed.low, allowed.high):
        ShopConfig(**{name: kind(fine)})
    step = 1 if allowed.whole else allowed.high * 1e-9
    bad: list[object] = [kind(allowed.low - step), kind(allowed.high + step)]
    bad += [1.5] if allowed.whole else [math.nan, -math.inf, True]
    if not allowed.inf_ok:
        bad.append(math.inf)
    for value in bad:
        with pytest.raises(ConfigError) as info:
            ShopConfig(**{name: value})
        assert info.value.field == name


def test_infinite_walk_speed_still_means_teleport() -> None:
    assert ShopConfig(walk_speed=math.inf).walk_speed == math.inf


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    mode=st.sampled_from([CONCURRENT, PARALLEL]),
    cashiers=st.integers(1, 4),
    cooks=st.integers(1, 4),
    stations=st.integers(1, 8),
    tables=st.integers(1, 12),
    arrival_mean=st.floats(1.0, 40.0),
    seed=st.integers(0, 2**32),
    couples=st.integers(1, 25),
)
def test_invariants_hold_for_any_staffing(
    mode: str,
    cashiers: int,
    cooks: int,
    stations: int,
    tables: int,
    arrival_mean: float,
    seed: int,
    couples: int,
) -> None:
    config = ShopConfig(
        mode=mode,
        cashiers=cashiers,
        cooks=cooks,
        stations=stations,
        tables=tables,
        arrival_mean=arrival_mean,
        seed=seed,
        couples=couples,
    )
    shop = Shop(config, keep_log=True)
    last = -1.0
    while len(shop.departed) < couples:
        shop.advance(30.0)
        assert shop.now > last  # time never runs backwards
        last = shop.now
        assert shop.now < 50_000, "a couple was left waiting forever"
    times = [t for t, _, _ in shop.log]
    assert times == sorted(times)
    assert len(shop.served) == couples == len(set(shop.served.indices))
    eaten = sum(c.burgers_eaten for c in shop.departed)
    assert eaten == 2 * couples  # no burger lost, none eaten twice
    assert not shop.pickup.trays and not shop.kitchen.items
