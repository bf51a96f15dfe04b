""""Why am I waiting?": what a followed task waits on, who else, who wakes it, who did."""

from __future__ import annotations

from game.app.clock import TICK
from game.scheduler import SLEEPING, WAITING, Queue
from game.shop import CONCURRENT, PARALLEL, Shop, ShopConfig
from game.view.inspector import followed_task
from game.view.why import why_waiting


def shop_at(mode: str, seconds: float) -> Shop:
    shop = Shop(ShopConfig(mode=mode))
    shop.record_wakes()
    shop.kernel.run_until(seconds)
    return shop


def test_a_couple_guarding_a_counter_waits_for_its_cashier_cook() -> None:
    shop = shop_at(PARALLEL, 70.0)
    couple = next(c for c in shop.couples if c.phase == "standing")
    task = followed_task(shop, couple)
    assert task is not None and task.state == WAITING
    counter = next(c for c in shop.counters if c.customer is couple)
    assert counter.server is not None
    lines = why_waiting(task, shop)
    assert lines[0] == f"blocked on event 'burgers at counter {counter.number}'"
    assert lines[1] == "nobody else waits there"
    assert lines[2].startswith(f"who wakes it: {counter.server.name},")
    assert lines[3].startswith("last woken at") and counter.server.name in lines[3]
    # once the burgers are down, the answer names who woke them, and when
    while couple.served_at is None:
        shop.kernel.run_until(shop.now + TICK)
    last = why_waiting(task, shop)[-1]
    wake = task.woken_by
    assert wake.by is not None and wake.by.actor is counter.server
    assert last == (
        f"last woken at {wake.time:.2f} s by {counter.server.name} "
        f"(set on event 'burgers at counter {counter.number}')"
    )


def test_a_flirting_couple_is_not_blocked_and_says_what_it_glances_for() -> None:
    shop = shop_at(CONCURRENT, 70.0)
    couple = next(c for c in shop.couples if c.phase == "flirting")
    task = followed_task(shop, couple)
    assert task is not None and task.state == SLEEPING
    lines = why_waiting(task, shop)
    assert lines[0].startswith("not blocked: flirting") and f"#{couple.number}" in lines[0]
    assert lines[1] == f"its timer wakes it at {task.wake_at:.2f} s; nobody else is needed"


def test_reading_the_answer_changes_nothing_in_the_shop() -> None:
    shop = shop_at(CONCURRENT, 70.0)
    before = (dict(shop.display._ready), [t.describe() for t in shop.kernel.tasks])
    for task in shop.kernel.tasks:
        why_waiting(task, shop)
    assert (dict(shop.display._ready), [t.describe() for t in shop.kernel.tasks]) == before


def test_tasks_queued_on_one_waitable_are_listed_first_woken_first() -> None:
    shop = Shop(ShopConfig(mode=CONCURRENT))
    slips: Queue[str] = Queue("test slips")

    async def wants_a_slip() -> None:
        await slips.get()

    tasks = [shop.kernel.spawn(wants_a_slip(), f"eater {i}") for i in range(1, 4)]
    shop.kernel.run_until(0.0)
    lines = why_waiting(tasks[2], shop)
    assert lines[0] == "blocked on queue 'test slips'"
    assert lines[1] == "waiting there, first woken first: 1. eater 1, 2. eater 2, 3. eater 3 (me)"
    assert lines[2] == "who wakes it: whoever puts something in"
    slips.put_nowait("one")  # from outside any task: the first in line gets it
    shop.kernel.run_until(0.0)
    assert why_waiting(tasks[2], shop)[1] == (
        "waiting there, first woken first: 1. eater 2, 2. eater 3 (me)"
    )
    shop.kernel.close()
