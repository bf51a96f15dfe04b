"""The code view's chain: from the actor's own line down to the await actually suspended."""

from __future__ import annotations

import linecache
from collections.abc import Callable

from game.scheduler import Task
from game.shop import PARALLEL, Shop, ShopConfig
from game.shop.people import Couple
from game.view.code_view import await_chain, paused_at
from game.view.inspector import followed_task


def followed(shop: Shop, test: Callable[[Couple], bool]) -> tuple[Couple, Task]:
    for _ in range(2400):
        shop.advance(0.25)
        for couple in shop.couples:
            if test(couple):
                task = followed_task(shop, couple)
                assert task is not None
                return couple, task
    raise AssertionError("no such couple in ten minutes")


def test_a_flirting_couple_is_asleep_inside_talk_until() -> None:
    shop = Shop(ShopConfig())
    _, task = followed(shop, lambda c: c.phase == "flirting" and c.crush.activity == "listening")
    chain = await_chain(task)
    assert [link.name for link in chain] == ["concurrent_couple", "talk_until", "sleep"]
    frames = task.stack()
    for link, frame in zip(chain[:2], frames, strict=False):  # numbered from the real source
        assert link.where.endswith(f" {frame.lineno}")
        assert link.text == linecache.getline(frame.filename, frame.lineno).strip()
        assert "await" in link.text
    assert chain[0].where.startswith("actors.py") and chain[1].where.startswith("couple.py")
    assert chain[-1].where == "scheduler" and chain[-1].text.startswith("asleep until")
    assert paused_at(task)[2] == ["talk_until", "sleep"]
    shop.kernel.close()


def test_a_parallel_couple_is_blocked_on_the_counters_event() -> None:
    shop = Shop(ShopConfig(mode=PARALLEL))
    _, task = followed(shop, lambda c: c.phase == "standing")
    chain = await_chain(task)
    assert [link.name for link in chain] == ["parallel_couple", "wait_at", "Event.wait"]
    assert chain[-1].text.startswith("blocked on event 'burgers at counter")
    shop.kernel.close()


def test_staff_waiting_for_a_couple_wait_on_their_tills_queue() -> None:
    shop = Shop(ShopConfig())
    shop.advance(1)
    cashier = next(t for t in shop.kernel.tasks if t.name == "cashier")
    assert [link.name for link in await_chain(cashier)][-2:] == ["next_please", "Queue.get"]
    shop.kernel.close()
