"""The kernel: virtual time, FIFO ties, primitives, cancellation, crashes, deadlock."""

from __future__ import annotations

import pytest

from game.scheduler import (
    CANCELLED,
    DONE,
    FAILED,
    SLEEPING,
    WAITING,
    Condition,
    Deadlock,
    Event,
    Kernel,
    Lock,
    Queue,
    Semaphore,
    TaskCrashed,
    current_task,
    sleep,
)


def test_sleepers_wake_in_time_order_and_time_is_virtual() -> None:
    kernel = Kernel()
    log: list[tuple[float, str]] = []

    async def napper(name: str, seconds: float) -> None:
        await sleep(seconds)
        log.append((kernel.now, name))

    for name, seconds in [("c", 3.0), ("a", 1.0), ("b", 2.0)]:
        kernel.spawn(napper(name, seconds), name)
    kernel.advance(1.5)
    assert log == [(1.0, "a")]
    assert kernel.now == 1.5
    kernel.advance(10)
    assert log == [(1.0, "a"), (2.0, "b"), (3.0, "c")]
    assert kernel.now == 11.5


def test_equal_wake_times_resume_in_fifo_order() -> None:
    kernel = Kernel()
    log: list[str] = []

    async def napper(name: str) -> None:
        await sleep(2.0)
        log.append(name)

    names = [f"t{i}" for i in range(20)]
    for name in names:
        kernel.spawn(napper(name), name)
    kernel.advance(2.0)
    assert log == names


def test_sleep_zero_lets_others_run_round_robin() -> None:
    kernel = Kernel()
    log: list[str] = []

    async def ping(name: str) -> None:
        for _ in range(3):
            log.append(name)
            await sleep(0)

    kernel.spawn(ping("a"))
    kernel.spawn(ping("b"))
    kernel.advance(0)
    assert log == ["a", "b", "a", "b", "a", "b"]


def test_negative_sleep_and_advance_are_refused() -> None:
    with pytest.raises(ValueError, match="-1"):
        sleep(-1)
    with pytest.raises(ValueError, match="-2"):
        Kernel().advance(-2)


def test_event_wakes_all_waiters_and_stays_set() -> None:
    kernel = Kernel()
    ready = Event("burgers ready")
    woke: list[tuple[str, float]] = []

    async def waiter(name: str) -> None:
        await ready.wait()
        woke.append((name, kernel.now))

    async def setter() -> None:
        await sleep(5)
        ready.set()

    tasks = [kernel.spawn(waiter(n), n) for n in "xyz"]
    kernel.spawn(setter())
    kernel.advance(1)
    assert all(t.state == WAITING and t.waiting_on is ready for t in tasks)
    assert "waiting on event burgers ready" in tasks[0].describe()
    kernel.advance(10)
    assert woke == [("x", 5.0), ("y", 5.0), ("z", 5.0)]
    late = kernel.spawn(waiter("late"))
    kernel.advance(0)
    assert late.state == DONE


def test_queue_is_fifo_and_get_waits_when_empty() -> None:
    kernel = Kernel()
    queue: Queue[int] = Queue("kitchen")
    got: list[tuple[str, int, float]] = []

    async def consumer(name: str) -> None:
        got.append((name, await queue.get(), kernel.now))

    async def producer() -> None:
        for item in range(3):
            await sleep(1)
            await queue.put(item)

    for name in ("first", "second", "third"):
        kernel.spawn(consumer(name), name)
    kernel.spawn(producer())
    kernel.advance(5)
    assert got == [("first", 0, 1.0), ("second", 1, 2.0), ("third", 2, 3.0)]


def test_bounded_queue_blocks_putter_until_space() -> None:
    kernel = Kernel()
    queue: Queue[str] = Queue("rail", capacity=1)
    log: list[tuple[str, float]] = []

    async def putter() -> None:
        for item in "ab":
            await queue.put(item)
            log.append((f"put {item}", kernel.now))

    async def getter() -> None:
        await sleep(4)
        log.append((f"got {await queue.get()}", kernel.now))

    kernel.spawn(putter())
    kernel.spawn(getter())
    kernel.advance(10)
    assert log == [("put a", 0.0), ("got a", 4.0), ("put b", 4.0)]
    with pytest.raises(ValueError):
        Queue(capacity=-1)


def test_lock_gives_mutual_exclusion_in_arrival_order() -> None:
    kernel = Kernel()
    lock = Lock("pickup counter")
    inside: list[str] = []
    log: list[tuple[str, float]] = []

    async def user(name: str) -> None:
        async with lock:
            inside.append(name)
            assert len(inside) == 1
            log.append((name, kernel.now))
            await sleep(2)
            inside.remove(name)

    for name in "abc":
        kernel.spawn(user(name), name)
    kernel.advance(1)
    assert lock.locked()
    assert [t.name for t in lock.waiting] == ["b", "c"]
    kernel.advance(10)
    assert log == [("a", 0.0), ("b", 2.0), ("c", 4.0)]
    assert not lock.locked()


def test_semaphore_counts_free_places() -> None:
    kernel = Kernel()
    tables = Semaphore(2, "tables")
    seated: list[tuple[str, float]] = []

    async def couple(name: str) -> None:
        async with tables:
            seated.append((name, kernel.now))
            await sleep(3)

    for name in "abcd":
        kernel.spawn(couple(name), name)
    kernel.advance(10)
    assert seated == [("a", 0.0), ("b", 0.0), ("c", 3.0), ("d", 3.0)]
    assert tables.value == 2


def test_condition_broadcasts() -> None:
    kernel = Kernel()
    moved = Condition("line moved")
    woke: list[str] = []

    async def waiter(name: str) -> None:
        await moved.wait()
        woke.append(name)

    for name in "ab":
        kernel.spawn(waiter(name), name)
    kernel.advance(1)
    moved.notify_all()
    kernel.advance(0)
    assert woke == ["a", "b"]


def test_join_returns_result_and_child_tasks() -> None:
    kernel = Kernel()
    out: list[object] = []

    async def child() -> int:
        await sleep(2)
        return 42

    async def parent() -> None:
        task = kernel.spawn(child(), "child")
        out.append(await task.join())
        out.append(kernel.now)
        out.append((await current_task()).name)

    kernel.spawn(parent(), "parent")
    kernel.advance(5)
    assert out == [42, 2.0, "parent"]


def test_cancel_sleeping_and_waiting_tasks() -> None:
    kernel = Kernel()
    queue: Queue[int] = Queue("q")
    cleaned: list[str] = []

    async def sleeper() -> None:
        try:
            await sleep(100)
        finally:
            cleaned.append("sleeper")

    async def waiter() -> None:
        await queue.get()

    a = kernel.spawn(sleeper(), "sleeper")
    b = kernel.spawn(waiter(), "waiter")
    kernel.advance(1)
    assert a.state == SLEEPING and b.state == WAITING
    a.cancel()
    b.cancel()
    kernel.advance(0)
    assert a.state == CANCELLED and b.state == CANCELLED
    assert cleaned == ["sleeper"]
    assert queue.waiting == []
    kernel.advance(200)  # the stale heap entry of the sleeper does not resurrect it
    assert a.state == CANCELLED


def test_raising_task_is_reported_with_its_name() -> None:
    kernel = Kernel()

    async def clumsy_cook() -> None:
        await sleep(1)
        raise ZeroDivisionError("burnt the burgers")

    kernel.spawn(clumsy_cook(), "cook")
    with pytest.raises(TaskCrashed, match="'cook'") as info:
        kernel.advance(5)
    task = info.value.task
    assert task.state == FAILED
    assert "ZeroDivisionError: burnt the burgers" in task.traceback
    assert "clumsy_cook" in task.traceback
    assert kernel.crashes == [task]


def test_lenient_kernel_records_crash_and_keeps_running() -> None:
    kernel = Kernel(strict=False)
    log: list[float] = []

    async def bad() -> None:
        raise RuntimeError("oops")

    async def good() -> None:
        await sleep(1)
        log.append(kernel.now)

    kernel.spawn(bad(), "bad")
    kernel.spawn(good(), "good")
    kernel.advance(2)
    assert [t.name for t in kernel.crashes] == ["bad"]
    assert log == [1.0]


def test_deadlock_is_detected_but_idle_daemons_are_fine() -> None:
    kernel = Kernel()
    never = Event("never")
    queue: Queue[int] = Queue("orders")

    async def staff() -> None:
        while True:
            await queue.get()

    kernel.spawn(staff(), "cashier", daemon=True)
    kernel.run()  # an idle cashier is not a deadlock
    assert kernel.deadlocked() == []

    async def stuck() -> None:
        await never.wait()

    kernel.spawn(stuck(), "stuck couple")
    with pytest.raises(Deadlock, match="stuck couple"):
        kernel.run()


def test_stack_reports_the_suspended_line() -> None:
    kernel = Kernel()
    ready = Event("ready")

    async def actor() -> None:
        await sleep(1)
        await ready.wait()  # marker line

    task = kernel.spawn(actor(), "actor")
    kernel.advance(2)
    top = task.stack()[0]
    assert top.function == "actor"
    import inspect

    lines, start = inspect.getsourcelines(actor)
    marker = start + next(i for i, line in enumerate(lines) if "marker line" in line)
    assert top.lineno == marker


def test_same_program_same_log() -> None:
    def run() -> list[tuple[float, str]]:
        import random

        kernel = Kernel()
        rng = random.Random(7)
        log: list[tuple[float, str]] = []

        async def worker(name: str) -> None:
            for _ in range(5):
                await sleep(rng.choice([0.5, 1.0, 1.5]))
                log.append((kernel.now, name))

        for i in range(10):
            kernel.spawn(worker(f"w{i}"))
        kernel.advance(100)
        return log

    assert run() == run()
