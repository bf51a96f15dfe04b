"""Issue 14, the kernel: each path the kernel advertises is right, each repro stays fixed."""

from __future__ import annotations

import math
import types
from collections.abc import Generator
from typing import Any

import pytest

from game.scheduler import (
    CANCELLED,
    DONE,
    FAILED,
    SLEEPING,
    Cancelled,
    Condition,
    Event,
    Kernel,
    Lock,
    Queue,
    Semaphore,
    Task,
    TaskCrashed,
    current_task,
    sleep,
)

# -- 1. a resource handed to a cancelled task is passed on ------------------------------


@pytest.mark.parametrize("make", [lambda: Lock("counter"), lambda: Semaphore(1, "station")])
def test_unit_handed_to_a_cancelled_waiter_goes_to_the_next(make) -> None:  # noqa: ANN001
    kernel = Kernel()
    lock = make()
    got: list[tuple[str, float]] = []
    tasks: dict[str, Task] = {}

    async def holder() -> None:
        async with lock:
            await sleep(1)
        tasks["b"].cancel()  # b was just handed the unit and has not run yet

    async def user(name: str) -> None:
        async with lock:
            got.append((name, kernel.now))
            await sleep(1)

    kernel.spawn(holder(), "a")
    tasks["b"] = kernel.spawn(user("b"), "b")
    kernel.spawn(user("c"), "c")
    kernel.run()  # before the fix: Deadlock, c waits for a unit that vanished with b
    assert got == [("c", 1.0)]
    assert tasks["b"].state == CANCELLED
    assert not lock.locked() and lock.waiting == []


def test_unit_handed_to_a_cancelled_waiter_returns_when_nobody_else_waits() -> None:
    kernel = Kernel()
    lock = Lock("counter")
    tasks: dict[str, Task] = {}

    async def holder() -> None:
        async with lock:
            await sleep(1)
        tasks["b"].cancel()

    async def waiter() -> None:
        async with lock:
            await sleep(1)

    kernel.spawn(holder(), "a")
    tasks["b"] = kernel.spawn(waiter(), "b")
    kernel.run()
    assert not lock.locked()


def test_item_handed_to_a_cancelled_getter_goes_to_the_next_getter() -> None:
    kernel = Kernel()
    queue: Queue[str] = Queue("kitchen")
    got: list[tuple[str, str]] = []
    tasks: dict[str, Task] = {}

    async def getter(name: str) -> None:
        got.append((name, await queue.get()))

    async def producer() -> None:
        await sleep(1)
        queue.put_nowait("burger")  # handed straight to g1 ...
        tasks["g1"].cancel()  # ... who is cancelled before it runs
        queue.put_nowait("fries")

    tasks["g1"] = kernel.spawn(getter("g1"), "g1")
    kernel.spawn(getter("g2"), "g2")
    kernel.spawn(getter("g3"), "g3")
    kernel.spawn(producer(), "producer")
    kernel.run()
    assert got == [("g2", "burger"), ("g3", "fries")]  # order kept, nothing lost


def test_item_handed_to_a_cancelled_getter_goes_back_to_the_front() -> None:
    kernel = Kernel()
    queue: Queue[str] = Queue("kitchen")
    tasks: dict[str, Task] = {}

    async def getter() -> None:
        await queue.get()

    async def producer() -> None:
        await sleep(1)
        queue.put_nowait("first")
        queue.put_nowait("second")
        tasks["g"].cancel()

    tasks["g"] = kernel.spawn(getter(), "g")
    kernel.spawn(producer(), "producer")
    kernel.run()
    assert list(queue.items) == ["first", "second"]


def test_notification_of_a_cancelled_waiter_goes_to_the_next() -> None:
    kernel = Kernel()
    moved = Condition("line moved")
    woke: list[str] = []
    tasks: dict[str, Task] = {}

    async def waiter(name: str) -> None:
        await moved.wait()
        woke.append(name)

    async def notifier() -> None:
        await sleep(1)
        moved.notify()
        tasks["a"].cancel()

    tasks["a"] = kernel.spawn(waiter("a"), "a")
    kernel.spawn(waiter("b"), "b", daemon=True)
    kernel.spawn(notifier(), "notifier")
    kernel.run()
    assert woke == ["b"]


# -- 2. a bounded queue never loses a wake-up ---------------------------------------------


def test_bounded_queue_wakes_every_putter_while_there_is_space() -> None:
    kernel = Kernel()
    queue: Queue[str] = Queue("rail", capacity=1)
    got: list[str] = []

    async def putter(item: str) -> None:
        await queue.put(item)

    async def getter() -> None:
        await sleep(1)
        got.append(await queue.get())  # frees a place ...
        got.append(await queue.get())  # ... and asks again before the woken putter ran
        await sleep(1)
        got.append(await queue.get())

    for item in "abc":
        kernel.spawn(putter(item), f"put {item}")
    kernel.spawn(getter(), "getter")
    kernel.run()  # before the fix: Deadlock, 'put c' waits with free space
    assert got == ["a", "b", "c"]
    assert len(queue) == 0


def test_bounded_queue_putters_are_not_overtaken() -> None:
    kernel = Kernel()
    queue: Queue[str] = Queue("rail", capacity=1)
    order: list[str] = []

    async def putter(item: str) -> None:
        await queue.put(item)

    async def getter() -> None:
        await sleep(1)
        kernel.spawn(putter("late"), "late")  # ready before the putter the get wakes
        for _ in range(4):
            order.append(await queue.get())
            await sleep(0)

    for item in "abc":
        kernel.spawn(putter(item), item)  # a fills the rail, b and c wait in turn
    kernel.spawn(getter(), "getter")
    kernel.run()
    assert order == ["a", "b", "c", "late"]


# -- 3. only Exception is a task's crash ----------------------------------------------------


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize("interrupt", [KeyboardInterrupt, SystemExit])
def test_interrupts_propagate_untouched(strict: bool, interrupt: type[BaseException]) -> None:
    kernel = Kernel(strict=strict)
    raised = interrupt()
    log: list[float] = []

    async def cook() -> None:
        await sleep(1)
        raise raised

    async def cashier() -> None:
        while True:
            await sleep(1)
            log.append(kernel.now)

    task = kernel.spawn(cook(), "cook")
    kernel.spawn(cashier(), "cashier")
    with pytest.raises(interrupt) as info:
        kernel.advance(5)
    assert info.value is raised
    assert kernel.crashes == []  # not blamed on the actor
    assert not task.alive and kernel.current is None
    assert task not in kernel.tasks
    kernel.advance(2)  # the kernel is still consistent: the others go on
    assert log[-1] == 3.0


def test_an_interrupt_in_the_kernels_own_code_leaves_it_consistent() -> None:
    kernel = Kernel()
    lock = Lock("counter")

    class Untouchable:
        """A foreign trap whose repr (taken by the kernel, mid-step) is hit by Ctrl-C."""

        def __repr__(self) -> str:
            raise KeyboardInterrupt

        def __await__(self) -> Generator[Any, Any, None]:
            yield self

    async def victim() -> None:
        async with lock:
            await Untouchable()

    async def other() -> None:
        await sleep(1)
        async with lock:
            pass

    task = kernel.spawn(victim(), "victim")
    kernel.spawn(other(), "other")
    with pytest.raises(KeyboardInterrupt):
        kernel.advance(0)
    assert kernel.current is None and task.state == FAILED
    assert not lock.locked()  # its coroutine was closed: the lock came back
    kernel.run()  # and the kernel goes on


# -- 4. awaiting something foreign throws into the coroutine ------------------------------


class Foreign:
    """Something from another event loop, like an asyncio future."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __await__(self) -> Generator[Any, Any, None]:
        yield self.value


def test_foreign_awaitable_is_thrown_into_the_task_so_its_cleanup_runs() -> None:
    kernel = Kernel(strict=False)
    lock = Lock("counter")
    cleaned: list[str] = []

    async def confused() -> None:
        try:
            async with lock:
                await Foreign("an asyncio future")
        finally:
            cleaned.append("finally")

    task = kernel.spawn(confused(), "confused")
    kernel.advance(1)
    assert cleaned == ["finally"]
    assert not lock.locked()
    assert task.state == FAILED and isinstance(task.error, TypeError)
    assert "confused" in str(task.error) and "an asyncio future" in str(task.error)
    assert "confused" in task.traceback  # thrown at the await, so the traceback shows it


def test_foreign_float_is_not_a_sleep() -> None:
    kernel = Kernel(strict=False)
    caught: list[str] = []

    async def foreign_sleep() -> None:
        try:
            await Foreign(1.5)
        except TypeError as exc:
            caught.append(str(exc))
        await sleep(2)

    task = kernel.spawn(foreign_sleep(), "foreign")
    kernel.advance(0)
    assert len(caught) == 1 and "1.5" in caught[0]
    assert task.state == SLEEPING and task.wake_at == 2.0


def test_asyncio_sleep_is_refused_with_a_clear_error() -> None:
    import asyncio

    kernel = Kernel()

    async def wrong() -> None:
        await asyncio.sleep(0)

    kernel.spawn(wrong(), "wrong")
    with pytest.raises(TaskCrashed, match="wrong") as info:
        kernel.advance(1)
    assert isinstance(info.value.task.error, TypeError)


# -- 5. the smaller paths -------------------------------------------------------------------


def test_a_task_that_cancels_itself_and_then_blocks_is_cancelled() -> None:
    kernel = Kernel()
    never = Event("never")
    cleaned: list[float] = []

    async def quitter(block: types.FunctionType) -> None:
        try:
            (await current_task()).cancel()
            await block()
        finally:
            cleaned.append(kernel.now)

    a = kernel.spawn(quitter(never.wait), "waits")
    b = kernel.spawn(quitter(lambda: sleep(10)), "sleeps")
    kernel.advance(0)
    assert a.state == CANCELLED and b.state == CANCELLED
    assert cleaned == [0.0, 0.0]
    assert never.waiting == []


def test_join_on_a_cancelled_task_raises_cancelled() -> None:
    kernel = Kernel()
    out: list[str] = []

    async def child() -> int:
        await sleep(10)
        return 1

    async def parent() -> None:
        task = kernel.spawn(child(), "child")
        await sleep(1)
        task.cancel()
        try:
            await task.join()
        except Cancelled:
            out.append("cancelled")
        else:
            out.append("returned")

    kernel.spawn(parent(), "parent")
    kernel.run()
    assert out == ["cancelled"]


def test_join_re_raises_the_childs_error() -> None:
    kernel = Kernel(strict=False)
    boom = ValueError("burnt")
    out: list[BaseException] = []

    async def child() -> None:
        await sleep(1)
        raise boom

    async def parent() -> None:
        task = kernel.spawn(child(), "child")
        try:
            await task.join()
        except ValueError as exc:
            out.append(exc)

    kernel.spawn(parent(), "parent")
    kernel.run()
    assert out == [boom]


@pytest.mark.parametrize("bad", [math.nan, -math.inf, math.inf, -1.0])
def test_advance_refuses_bad_steps(bad: float) -> None:
    kernel = Kernel()
    log: list[float] = []

    async def later() -> None:
        await sleep(100)
        log.append(kernel.now)

    kernel.spawn(later())
    kernel.advance(0)
    with pytest.raises(ValueError, match=str(bad)):
        kernel.advance(bad)
    with pytest.raises(ValueError, match="nan"):
        kernel.run_until(math.nan)
    assert log == [] and kernel.now == 0.0


def test_advance_after_close_is_refused_and_resumes_nothing() -> None:
    kernel = Kernel()
    cleaned: list[str] = []

    async def worker() -> None:
        try:
            while True:
                await sleep(1)
        finally:
            cleaned.append("closed")

    task = kernel.spawn(worker(), "worker")
    kernel.spawn(worker(), "ready one")  # never ran: still in the ready queue
    kernel.advance(0.5)
    kernel.close()
    assert task.state == CANCELLED and task.finished.is_set()
    assert kernel.tasks == []
    with pytest.raises(RuntimeError, match="closed"):
        kernel.advance(5)
    assert cleaned == ["closed", "closed"]
    assert kernel.crashes == []


def test_run_never_sets_the_clock_to_infinity() -> None:
    kernel = Kernel()

    async def forever() -> None:
        await sleep(math.inf)

    async def brief() -> None:
        await sleep(3)

    task = kernel.spawn(forever(), "forever")
    kernel.spawn(brief(), "brief")
    kernel.run()
    assert kernel.now == 3.0
    assert task.state == SLEEPING


def test_advance_from_inside_a_task_is_refused() -> None:
    kernel = Kernel()

    async def impatient() -> None:
        kernel.advance(10)

    kernel.spawn(impatient(), "impatient")
    with pytest.raises(TaskCrashed, match="impatient") as info:
        kernel.advance(1)
    assert "inside" in str(info.value.task.error)
    assert kernel.now == 0.0  # the task did not move time


# -- 6. behaviours whose mutants used to survive -------------------------------------------


def test_semaphore_acquire_never_jumps_the_queue() -> None:
    kernel = Kernel()
    station = Semaphore(1, "grill")
    order: list[str] = []

    async def greedy() -> None:
        await station.acquire()
        order.append("greedy")
        await sleep(1)
        station.release()
        await station.acquire()  # back at once: must queue behind the patient one
        order.append("greedy again")
        station.release()

    async def patient() -> None:
        await station.acquire()
        order.append("patient")
        await sleep(1)
        station.release()

    async def newcomer() -> None:
        await sleep(1)  # arrives in the very tick the grill is handed on
        await station.acquire()
        order.append("newcomer")
        station.release()

    kernel.spawn(greedy(), "greedy")
    kernel.spawn(patient(), "patient")
    kernel.spawn(newcomer(), "newcomer")
    kernel.run()
    assert order == ["greedy", "patient", "greedy again", "newcomer"]
    assert station.value == 1


# -- forgetting finished tasks -------------------------------------------------------------


def test_finished_tasks_are_forgotten_as_they_end_and_order_is_kept() -> None:
    kernel = Kernel(strict=False)

    async def nap(seconds: float) -> None:
        await sleep(seconds)

    async def crash() -> None:
        await sleep(1)
        raise RuntimeError("oops")

    naps = [kernel.spawn(nap(s), f"n{s}") for s in (3, 1, 2, 5)]
    bad = kernel.spawn(crash(), "bad")
    kernel.advance(2.5)
    assert kernel.tasks == [naps[0], naps[3], bad]  # spawn order; a crash stays in view
    kernel.prune()
    assert kernel.tasks == [naps[0], naps[3]]
    kernel.run()
    assert kernel.tasks == [] and all(t.state == DONE for t in naps)
    assert kernel.spawn(nap(1)).name == "task-5"  # default names never repeat
