"""What departed couples leave behind: their numbers, not themselves; metrics unchanged."""

from __future__ import annotations

import gc
import math
import weakref

import pytest

from game.shop import CONCURRENT, PARALLEL, Shop, ShopConfig, measure
from game.shop.ledger import LATEST, Departures
from game.shop.metrics import (
    WAIT_PHASES_FLIRT,
    WAIT_PHASES_STAND,
    Metrics,
    StepArea,
    percentile,
    time_average,
)
from game.shop.people import Couple

BUSY = ShopConfig(arrival_mean=6.0, seed=4)


def run_keeping_couples(config: ShopConfig, seconds: float) -> tuple[Shop, list[Couple]]:
    shop = Shop(config)
    gone: list[Couple] = []
    shop.on_depart.append(gone.append)
    shop.fast_forward(seconds)
    return shop, gone


def measure_by_walking(shop: Shop, gone: list[Couple], served: list[Couple]) -> Metrics:
    """The metrics as they were computed before the ledger: a walk over whole couples."""
    now = shop.now
    couples = [*gone, *shop.couples]
    waits = [c.served_at - c.ordered_at for c in served if c.ordered_at is not None]
    line_waits = [c.turn_at - c.arrived for c in couples if c.turn_at is not None]
    waiting = flirting = standing = 0.0
    for couple in couples:
        if couple.ordered_at is None:
            continue
        end = couple.served_at if couple.served_at is not None else now
        spent = couple.timeline.between(couple.ordered_at, end)
        waiting += end - couple.ordered_at
        flirting += sum(spent.get(p, 0.0) for p in WAIT_PHASES_FLIRT)
        standing += sum(spent.get(p, 0.0) for p in WAIT_PHASES_STAND)
    busy = [1.0 - s.timeline.total("idle", now) / now for s in shop.staff]
    return Metrics(
        mode=shop.config.mode,
        time=now,
        arrived=len(couples),
        served=len(served),
        departed=len(gone),
        throughput_per_min=len(served) / now * 60.0,
        mean_wait=sum(waits) / len(waits),
        p95_wait=percentile(waits, 95),
        mean_line_wait=sum(line_waits) / len(line_waits),
        flirt_share=flirting / waiting,
        stand_share=standing / waiting,
        staff_utilisation=sum(busy) / len(busy),
        mean_in_line=time_average(shop.line.changes, now),
    )


@pytest.mark.parametrize("mode", [CONCURRENT, PARALLEL])
def test_metrics_are_the_very_floats_a_walk_over_every_couple_gives(mode: str) -> None:
    shop = Shop(BUSY.with_mode(mode))
    gone: list[Couple] = []
    served: list[Couple] = []
    shop.on_depart.append(gone.append)
    serve = shop.serve
    shop.serve = lambda couple, tray: (serve(couple, tray), served.append(couple))  # type: ignore[method-assign]
    for _ in range(6):  # measured now and then, as the HUD does: the running sums carry on
        shop.fast_forward(450.0)
        assert measure(shop) == measure_by_walking(shop, gone, served)
    assert len(gone) > 100


def test_each_record_holds_what_the_couple_was() -> None:
    shop, gone = run_keeping_couples(BUSY, 1800.0)
    assert len(shop.departed) == len(gone) > 100
    for record, couple in zip(shop.departed, gone, strict=True):
        assert record.index == couple.index and record.name == couple.name
        assert record.protagonist == couple.protagonist
        assert (record.arrived, record.turn_at, record.ordered_at) == (
            couple.arrived,
            couple.turn_at,
            couple.ordered_at,
        )
        assert (record.served_at, record.left_at) == (couple.served_at, couple.left_at)
        assert (record.number, record.burgers_eaten) == (couple.number, couple.burgers_eaten)
        assert record.spent == couple.timeline.between(couple.arrived, shop.now)
    assert shop.departed[-1] == shop.departed[len(gone) - 1]
    with pytest.raises(IndexError):
        shop.departed[len(gone)]


def test_latest_are_the_highest_numbers_whatever_the_order_they_left() -> None:
    shop, gone = run_keeping_couples(BUSY.with_mode(PARALLEL), 1800.0)
    order = [c.index for c in gone]
    assert order != sorted(order)  # some overtake others: the test means something
    want = sorted(order)[-LATEST:]
    assert [r.index for r in shop.departed.latest(LATEST)] == want
    assert [r.index for r in shop.departed.latest(3)] == want[-3:]
    assert shop.departed.latest(0) == []
    with pytest.raises(ValueError, match="latest"):
        shop.departed.latest(LATEST + 1)


def test_served_inside_are_the_latest_served_still_in_the_shop() -> None:
    shop = Shop(BUSY)
    shop.fast_forward(1000.0)
    inside = sorted((c for c in shop.couples if c.served_at is not None), key=lambda c: c.index)
    assert inside, "someone should be eating at t=1000"
    assert shop.served.latest_inside(100) == inside
    assert shop.served.latest_inside(1) == inside[-1:]
    times = list(shop.served.times)
    assert times == sorted(times) and len(times) == len(shop.served)
    assert shop.served.count_until(times[9]) >= 10
    assert shop.served.count_until(-1.0) == 0


def test_a_departed_couple_is_freed_without_the_cyclic_collector() -> None:
    """Reference counting alone frees them (``fast_forward`` freezes the collector out);
    the protagonist is kept whole, order and all, for the story."""
    shop = Shop(BUSY)
    refs: list[weakref.ref[Couple]] = []
    shop.on_depart.append(lambda c: refs.append(weakref.ref(c)))
    gc.disable()
    try:
        shop.fast_forward(900.0)
        shop.kernel.prune()
        alive = [c for c in (r() for r in refs) if c is not None]
    finally:
        gc.enable()
    assert len(refs) > 50
    assert [c.index for c in alive] == [shop.config.protagonist]
    protagonist = shop.protagonist
    assert protagonist is alive[0] and protagonist.left_at is not None
    assert protagonist.order is not None and protagonist.order.tray is not None


def test_memory_per_departed_couple_is_a_few_numbers() -> None:
    shop = Shop(BUSY)
    shop.fast_forward(3600.0)
    ledger = shop.departed
    columns = [ledger.index, ledger.arrived, ledger.turn_at, ledger.ordered_at]
    columns += [ledger.served_at, ledger.left_at, ledger.number, ledger.burgers_eaten]
    columns += list(ledger.spent.values())
    per_couple = sum(c.itemsize * len(c) for c in columns) / len(ledger)
    assert per_couple <= 8 * 16  # bytes: one machine number per column


def test_a_new_phase_label_gets_a_column_padded_with_zeros() -> None:
    shop, gone = run_keeping_couples(BUSY, 300.0)
    ledger = Departures()
    first, second = gone[0], gone[1]
    ledger.add(first, first.left_at)
    second.timeline.enter("dancing", second.left_at - 1.0)
    second.timeline.close(second.left_at)
    ledger.add(second, second.left_at)
    assert "dancing" not in ledger[0].spent
    assert ledger[1].spent["dancing"] == pytest.approx(1.0)
    assert len(ledger.spent["dancing"]) == 2


def test_step_area_adds_only_new_pieces_and_starts_over_for_an_earlier_end() -> None:
    changes = [(0.0, 0), (1.0, 2), (3.0, 1)]
    area = StepArea()
    assert area.area(changes, 4.0) == 2 * 2 + 1 * 1 == time_average(changes, 4.0) * 4
    changes.append((5.0, 3))
    assert area.area(changes, 6.0) == 4 + 2 + 3 == time_average(changes, 6.0) * 6
    assert area.area(changes, 2.0) == 2  # asked about the past: summed afresh
    assert time_average(changes, 0.0) == 0.0
    assert not math.isnan(time_average([(0.0, 0)], 1.0))
