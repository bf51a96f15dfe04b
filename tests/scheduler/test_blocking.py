"""Issue 10, level 1 and 3 in the kernel: a plain blocking call holds the loop."""

from __future__ import annotations

import pytest

from game.scheduler import (
    READY,
    SLEEPING,
    Event,
    Instrument,
    Kernel,
    Task,
    block,
    run_in_worker,
    sleep,
)


class Resumes(Instrument):
    def __init__(self) -> None:
        self.log: list[tuple[float, str]] = []

    def before_run(self, task: Task) -> None:
        self.log.append((task.kernel.now, task.name))


async def ticker(name: str, period: float, out: list[tuple[str, float]]) -> None:
    while True:
        await sleep(period)
        out.append((name, 0.0))


def blocker_at(when: float, seconds: float, after: list[float]) -> object:
    async def blocker() -> None:
        await sleep(when)
        block(seconds, "time.sleep")
        after.append(-1.0)  # what it does after the call: at the call's end

    return blocker()


def test_no_other_task_resumes_during_the_block() -> None:
    kernel = Kernel()
    seen = Resumes()
    kernel.add_instrument(seen)
    out: list[tuple[str, float]] = []
    kernel.spawn(blocker_at(2.0, 8.0, []), "cook")
    for i in range(3):
        kernel.spawn(ticker(f"t{i}", 0.5 + i * 0.25, out), f"t{i}", daemon=True)
    for tick in range(1, 15 * 60):  # the app's fixed ticks
        kernel.run_until(tick / 60)
        if 2.0 < tick / 60 < 10.0:
            assert kernel.busy is not None and kernel.busy.task.name == "cook"
    inside = [(t, n) for t, n in seen.log if 2.0 < t < 10.0]
    assert inside == []  # nobody ran between the call's start and its end
    assert any(t == pytest.approx(10.0) for t, _ in seen.log)
    assert kernel.busy is None
    kernel.close()


def test_overdue_wakeups_run_at_the_end_in_the_order_they_fell_due() -> None:
    kernel = Kernel()
    seen = Resumes()
    kernel.add_instrument(seen)
    order: list[str] = []

    async def sleeper(name: str, seconds: float) -> None:
        await sleep(seconds)
        order.append(name)

    kernel.spawn(blocker_at(1.0, 5.0, []), "cook")
    # due inside the block: c at 2, a and b both at 3 (a first: FIFO), d at 5.5
    for name, when in (("a", 3.0), ("b", 3.0), ("c", 2.0), ("d", 5.5), ("late", 7.0)):
        kernel.spawn(sleeper(name, when), name)
    kernel.run_until(6.5)
    assert order == ["c", "a", "b", "d"]
    times = {name: t for t, name in seen.log if name in "abcd" and t > 0}
    assert all(t == pytest.approx(6.0) for t in times.values())  # at the block's end
    kernel.run_until(8.0)
    assert order[-1] == "late"
    assert [t for t, n in seen.log if n == "late"][-1] == pytest.approx(7.0)  # on time


def test_blocked_seconds_are_reported_exactly_and_the_caller_goes_on_at_the_end() -> None:
    kernel = Kernel()
    stamps: list[float] = []

    async def cook() -> None:
        await sleep(1.25)
        block(8.0)
        stamps.append(kernel.now)
        block(0.5)
        await sleep(0)
        stamps.append(kernel.now)

    kernel.spawn(cook(), "cook")
    kernel.run_until(3.0)
    assert kernel.busy is not None
    assert (kernel.busy.start, kernel.busy.end) == (1.25, 9.75)  # two calls, one hold
    assert kernel.now == 3.0  # the owner's clock runs on meanwhile
    kernel.run_until(20.0)
    assert stamps == [9.25, 9.75]
    assert kernel.blocked == 8.5
    assert [(b.start, b.end) for b in kernel.blocks] == [(1.25, 9.25), (9.25, 9.75)]


def test_overdue_shows_who_waits_for_the_loop() -> None:
    kernel = Kernel()
    flag = Event("flag")

    async def setter() -> None:
        await sleep(0.5)
        flag.set()

    async def waiter() -> None:
        await flag.wait()

    cook = kernel.spawn(blocker_at(0.25, 4.0, []), "cook")
    nap = kernel.spawn(sleep_for(1.0), "nap")
    kernel.spawn(setter(), "setter")
    kernel.run_until(3.0)
    assert kernel.overdue(nap) == pytest.approx(2.0)
    assert nap.state == SLEEPING  # its timer fell due, but it cannot run
    assert kernel.overdue(cook) == 0.0
    kernel.spawn(waiter(), "waiter")
    assert kernel.overdue(kernel.tasks[-1]) == pytest.approx(2.75)
    assert kernel.tasks[-1].state == READY


async def sleep_for(seconds: float) -> None:
    await sleep(seconds)


def test_a_worker_takes_the_time_off_the_loop() -> None:
    kernel = Kernel()
    seen = Resumes()
    kernel.add_instrument(seen)
    got: list[tuple[float, int]] = []

    def recipe(n: int) -> int:
        block(6.0, "working out the recipe")  # charged to the worker, not the loop
        return n * 2

    async def cook() -> None:
        result = await run_in_worker(recipe, 21)
        got.append((kernel.now, result))

    kernel.spawn(cook(), "cook")
    kernel.spawn(ticker("t", 0.5, []), "t", daemon=True)
    kernel.run_until(10.0)
    assert got == [(6.0, 42)]
    assert kernel.blocked == 0.0 and kernel.busy is None
    ticks = [t for t, n in seen.log if n == "t"]
    assert max(b - a for a, b in zip(ticks, ticks[1:], strict=False)) == pytest.approx(0.5)


def test_block_outside_a_task_and_bad_seconds_are_refused() -> None:
    with pytest.raises(RuntimeError, match="running task"):
        block(1.0)
    kernel = Kernel()

    async def bad() -> None:
        block(float("nan"))

    kernel.spawn(bad(), "bad")
    with pytest.raises(Exception, match="finite number"):
        kernel.run_until(1.0)


def test_run_goes_through_a_block() -> None:
    kernel = Kernel()
    kernel.spawn(blocker_at(1.0, 3.0, []), "cook")
    kernel.spawn(sleep_for(2.0), "nap")
    kernel.run()
    assert kernel.now == 4.0 and not kernel.tasks
