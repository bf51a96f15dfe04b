"""The kernel against real asyncio: random programs on both, and the differences once found.

Each targeted test is a difference a differential run found (the kernel did otherwise);
asyncio's behaviour is what the test asserts, and where a program can say it, the same
program is run on asyncio too.
"""

from __future__ import annotations

import warnings

import pytest
from differential import Program, differences, survey  # tests/scheduler/differential.py

from game.scheduler import (
    CANCELLED,
    DONE,
    Cancelled,
    Kernel,
    Lock,
    Queue,
    Semaphore,
    gather,
    sleep,
)


def test_random_programs_agree_with_asyncio() -> None:
    """Five hundred programs (``python -m tests.scheduler.differential 20000`` for more),
    each task spaced a moment of its own after every step: who goes first *within* one
    instant is where the rules let the kernel differ (direct hand-over, fewer hops)."""
    found = survey(range(500))
    shown = [f"seed {s}: {Program.random(s)}\n" + "\n".join(d) for s, d in found.items()]
    assert not found, "\n".join(shown)


def test_hand_made_programs_agree_with_asyncio() -> None:
    programs = [
        # a joiner cancelled while it waits cancels the task it joins, and takes its end
        Program([[("sleep", 1), ("cancel", 1)], [("join", 2), ("sleep", 1)], [("sleep", 5)]], 0, 1),
        # a task that cancels itself and never awaits again still ends cancelled
        Program([[("cancel", 0), ("set",)], [("join", 0)]], 0, 1),
        # cancelling a gatherer: its children are cancelled then and there
        Program(
            [[("gather", [[("sleep", 3)], [("sem", 2)]], False)], [("sleep", 1), ("cancel", 0)]],
            0,
            1,
        ),
        Program(
            [[("gather", [[("sleep", 3)], [("sem", 2)]], True)], [("sleep", 1), ("cancel", 0)]],
            0,
            1,
        ),
        # a child raising, the awaiter cancelled meanwhile: asyncio hands on the error
        Program(
            [[("gather", [[("sleep", 2), ("raise",)], [("sleep", 5)]], False)], [("cancel", 0)]],
            0,
            1,
        ),
        # joining itself raises at once
        Program([[("join", 0), ("set",)], [("wait",)]], 0, 1),
        # a bounded queue: putters wait their turn, getters take in order
        Program(
            [[("put",), ("put",), ("put",)], [("sleep", 1), ("get",), ("get",), ("get",)]], 1, 1
        ),
    ]
    for program in programs:
        assert differences(program, spaced=False) == [], program


def run(kernel: Kernel) -> None:
    kernel.run()


# -- gather ---------------------------------------------------------------------------------
def test_a_cancelled_child_leaves_its_siblings_running() -> None:
    kernel = Kernel(strict=False)
    seen: list[str] = []

    async def quits() -> None:
        me = kernel.current
        assert me is not None
        me.cancel()
        await sleep(1)

    async def works() -> str:
        await sleep(2)
        seen.append("sibling finished")
        return "ok"

    async def main() -> None:
        try:
            await gather(quits(), works())
        except Cancelled:
            seen.append(f"gather raised Cancelled at {kernel.now}")

    kernel.spawn(main(), "main")
    run(kernel)
    assert seen == ["gather raised Cancelled at 0.0", "sibling finished"]


@pytest.mark.parametrize(
    ("return_exceptions", "expected"),
    [  # as asyncio: without return_exceptions the first cancelled child ends the wait
        (False, ["gatherer cancelled at 1.0", "clean-up done at 3.0"]),
        (True, ["clean-up done at 3.0", "gatherer cancelled at 3.0"]),
    ],
)
def test_a_cancelled_gatherer_cancels_its_children_at_once(
    return_exceptions: bool, expected: list[str]
) -> None:
    kernel = Kernel(strict=False)
    places = Semaphore(1, "place")
    seen: list[str] = []

    async def holder() -> None:
        async with places:
            await sleep(1)

    async def would_take() -> None:
        await places.acquire()  # parked: the holder has it
        seen.append("child took the place")

    async def slow_clean_up() -> None:
        try:
            await sleep(10)
        finally:
            await sleep(2)
            seen.append(f"clean-up done at {kernel.now}")

    async def main() -> None:
        try:
            await gather(would_take(), slow_clean_up(), return_exceptions=return_exceptions)
        except Cancelled:
            seen.append(f"gatherer cancelled at {kernel.now}")
            raise

    async def canceller(target: object) -> None:
        await sleep(1)  # the holder releases now: the place is handed to the child...
        target.cancel()  # type: ignore[attr-defined]  # ...which must not take it

    kernel.spawn(holder(), "holder")
    gatherer = kernel.spawn(main(), "main")
    kernel.spawn(canceller(gatherer), "canceller")
    run(kernel)
    assert seen == expected
    assert gatherer.state == CANCELLED
    assert places.value == 1, "the place handed to the cancelled child went back"


def test_a_gather_awaited_with_a_cancellation_pending_leaves_no_coroutine_unawaited() -> None:
    kernel = Kernel(strict=False)
    ran: list[str] = []

    async def child() -> None:
        ran.append("child")

    async def main() -> None:
        me = kernel.current
        assert me is not None
        me.cancel()
        await gather(child(), child())

    task = kernel.spawn(main(), "main")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run(kernel)
        import gc

        gc.collect()
    assert task.state == CANCELLED and ran == []


# -- queues ---------------------------------------------------------------------------------
def test_a_cancelled_put_puts_nothing_and_the_place_goes_to_the_next_putter() -> None:
    kernel = Kernel(strict=False)
    queue: Queue[str] = Queue("q", capacity=1)
    queue.put_nowait("first")
    got: list[str] = []

    async def put(item: str) -> None:
        await queue.put(item)

    async def getter() -> None:
        got.append(await queue.get())  # frees the place for the waiting putter "a"...

    a = kernel.spawn(put("a"), "a")
    kernel.spawn(put("b"), "b")
    kernel.advance(0)

    async def get_then_cancel() -> None:
        got.append(await queue.get())
        a.cancel()  # ...which is cancelled before it runs: its item is not put

    kernel.spawn(get_then_cancel(), "getter")
    kernel.advance(0)
    assert a.state == CANCELLED
    assert list(queue.items) == ["b"] and got == ["first"]
    assert len(queue.items) <= queue.capacity


def test_an_item_handed_back_never_overfills_a_bounded_queue() -> None:
    kernel = Kernel(strict=False)
    queue: Queue[str] = Queue("q", capacity=1)

    async def getter() -> str:
        return await queue.get()

    g = kernel.spawn(getter(), "g")
    kernel.advance(0)  # parked
    queue.put_nowait("x")  # handed to g, which has not run yet
    assert queue.full(), "the item in flight to the getter takes the only place"
    with pytest.raises(OverflowError):
        queue.put_nowait("y")
    g.cancel()  # x comes back into the queue
    kernel.advance(0)
    assert list(queue.items) == ["x"] and queue.full()


# -- locks and joins ------------------------------------------------------------------------
def test_releasing_an_unlocked_lock_is_an_error() -> None:
    lock = Lock("l")
    with pytest.raises(RuntimeError, match="not acquired"):
        lock.release()
    assert lock.value == 1


def test_a_task_joining_itself_raises_at_once() -> None:
    kernel = Kernel(strict=False)
    seen: list[str] = []

    async def selfish() -> None:
        me = kernel.current
        assert me is not None
        try:
            await me.join()
        except RuntimeError as exc:
            seen.append(str(exc))

    task = kernel.spawn(selfish(), "selfish")
    kernel.advance(0)
    assert task.state == DONE and seen == ["task 'selfish' cannot join itself"]
