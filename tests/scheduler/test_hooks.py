"""Issue 9, the kernel: wait queues as the one interface, observers, who woke whom."""

from __future__ import annotations

import ast
import math
import weakref
from pathlib import Path
from typing import Any

import pytest

import game.scheduler as scheduler_package
from game.scheduler import (
    CANCELLED,
    DONE,
    Cancelled,
    Condition,
    Event,
    Handover,
    Instrument,
    Kernel,
    Lock,
    Queue,
    Semaphore,
    Task,
    Waitable,
    WaitQueue,
    Wake,
    sleep,
)

PACKAGE = Path(scheduler_package.__file__).parent


class Recorder(Instrument):
    """Hears every hook, in order."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def spawned(self, task: Task) -> None:
        self.calls.append(("spawned", task.name))

    def woken(self, task: Task, wake: Wake) -> None:
        self.calls.append(("woken", task.name, wake))

    def before_run(self, task: Task) -> None:
        self.calls.append(("before", task.name))

    def after_run(self, task: Task) -> None:
        self.calls.append(("after", task.name, task.describe()))

    def ended(self, task: Task) -> None:
        self.calls.append(("ended", task.name, task.state))

    def wakes(self) -> dict[str, list[Wake]]:
        out: dict[str, list[Wake]] = {}
        for call in self.calls:
            if call[0] == "woken":
                out.setdefault(call[1], []).append(call[2])
        return out


def test_each_woken_task_names_its_waker() -> None:
    kernel = Kernel()
    recorder = Recorder()
    kernel.add_instrument(recorder)
    bell, moved = Event("burgers ready"), Condition("line moved")
    orders: Queue[str] = Queue("kitchen")
    rail: Queue[str] = Queue("rail", capacity=1)
    counter, tables = Lock("counter"), Semaphore(1, "tables")
    seen: dict[str, Wake] = {}

    async def wait_then_note(name: str, awaitable: Any) -> None:
        await awaitable
        me = next(t for t in kernel.tasks if t.name == name)
        seen[name] = me.woken_by

    async def use(name: str, place: Semaphore) -> None:
        await sleep(0.5)
        async with place:
            seen[name] = next(t for t in kernel.tasks if t.name == name).woken_by

    async def hold(place: Semaphore) -> None:
        async with place:
            await sleep(1)

    async def waker() -> None:
        await sleep(2)
        bell.set()
        orders.put_nowait("burger")
        moved.notify()
        await rail.get()  # frees the rail: the waiting putter's item goes in

    async def filler() -> None:
        await rail.put("first")
        await rail.put("second")
        seen["filler"] = next(t for t in kernel.tasks if t.name == "filler").woken_by

    kernel.spawn(wait_then_note("on bell", bell.wait()), "on bell")
    kernel.spawn(wait_then_note("on orders", orders.get()), "on orders")
    kernel.spawn(wait_then_note("on moved", moved.wait()), "on moved")
    kernel.spawn(wait_then_note("sleeper", sleep(1.5)), "sleeper")
    kernel.spawn(hold(counter), "counter holder")
    kernel.spawn(hold(tables), "table holder")
    kernel.spawn(use("on counter", counter), "on counter")
    kernel.spawn(use("on tables", tables), "on tables")
    kernel.spawn(filler(), "filler")
    kernel.spawn(waker(), "waker")
    kernel.run()

    assert seen["on bell"] == Wake(2.0, "set", next_by(recorder, "on bell"), bell)
    assert seen["on bell"].by is not None and seen["on bell"].by.name == "waker"
    for name, how, on in [
        ("on orders", "put", orders),
        ("on moved", "notified", moved),
        ("on counter", "released", counter),
        ("on tables", "released", tables),
    ]:
        wake = seen[name]
        assert (wake.how, wake.on) == (how, on), name
        assert wake.by is not None
    assert seen["on orders"].by.name == "waker"  # type: ignore[union-attr]
    assert seen["on counter"].by.name == "counter holder"  # type: ignore[union-attr]
    assert seen["on counter"].time == 1.0
    assert seen["on tables"].by.name == "table holder"  # type: ignore[union-attr]
    assert seen["sleeper"] == Wake(1.5, "timer")
    filler_wake = seen["filler"]
    assert (filler_wake.how, filler_wake.time) == ("got", 2.0)
    assert filler_wake.by is not None and filler_wake.by.name == "waker"
    assert filler_wake.on is not None and filler_wake.on.name == "rail (full)"
    # the observer heard the very records the tasks keep
    for name in ("on bell", "on orders", "on moved", "sleeper", "on counter", "on tables"):
        assert recorder.wakes()[name][-1] == seen[name], name


def next_by(recorder: Recorder, name: str) -> Task | None:
    return recorder.wakes()[name][-1].by


def test_wakes_by_spawn_cancel_join_and_from_outside() -> None:
    kernel = Kernel()
    flag = Event("flag")
    out: dict[str, Wake] = {}

    async def child() -> None:
        await sleep(1)

    async def parent() -> None:
        kid = kernel.spawn(child(), "child")
        out["child spawned"] = kid.woken_by
        await kid.join()
        out["parent after join"] = me.woken_by

    async def waits(event: Event) -> None:
        try:
            await event.wait()
        except Cancelled:
            out["cancelled"] = victim.woken_by
            raise
        out["flag"] = outsider.woken_by

    async def canceller() -> None:
        await sleep(3)
        victim.cancel()

    me = kernel.spawn(parent(), "parent")
    outsider = kernel.spawn(waits(flag), "outsider")
    kernel.advance(2)
    flag.set()  # from outside any task: the app, a test
    kernel.advance(0)
    victim = kernel.spawn(waits(Event("never")), "victim")
    kernel.spawn(canceller(), "canceller")
    kernel.run()
    assert out["child spawned"].how == "spawned"
    assert out["child spawned"].by is me
    assert out["parent after join"].how == "set"
    assert out["parent after join"].by is not None
    assert out["parent after join"].by.name == "child"  # the ending task set its 'finished'
    assert out["flag"] == Wake(2.0, "set", None, flag)
    assert str(out["flag"]) == "outside the tasks set event flag at 2.00"
    assert out["cancelled"].how == "cancelled" and out["cancelled"].time == 5.0
    assert out["cancelled"].by is not None and out["cancelled"].by.name == "canceller"
    assert str(Wake(1.5, "timer")) == "its timer at 1.50"
    assert victim.state == CANCELLED and me.state == DONE


def test_hooks_fire_in_order_and_only_while_attached() -> None:
    kernel = Kernel()
    recorder = Recorder()
    kernel.add_instrument(recorder)
    ready = Event("ready")

    async def waiter() -> None:
        await ready.wait()

    async def setter() -> None:
        await sleep(1)
        ready.set()

    kernel.spawn(waiter(), "w")
    kernel.spawn(setter(), "s")
    kernel.run()
    names = [c[0] for c in recorder.calls]
    assert names[:4] == ["spawned", "woken", "spawned", "woken"]
    assert recorder.calls[4:] == [
        ("before", "w"),
        ("after", "w", "waiting on event ready"),
        ("before", "s"),
        ("after", "s", "sleeping until 1.00"),
        ("woken", "s", Wake(1.0, "timer")),
        ("before", "s"),
        ("woken", "w", Wake(1.0, "set", recorder.wakes()["w"][-1].by, ready)),
        ("ended", "s", DONE),
        ("after", "s", "done"),
        ("before", "w"),
        ("ended", "w", DONE),
        ("after", "w", "done"),
    ]
    kernel.remove_instrument(recorder)
    before = len(recorder.calls)
    kernel.spawn(setter(), "again")
    kernel.run()
    assert len(recorder.calls) == before
    assert kernel.instruments == ()


def test_an_instrument_hears_only_the_hooks_it_overrides() -> None:
    kernel = Kernel()

    class Ends(Instrument):
        def __init__(self) -> None:
            self.ended_names: list[str] = []

        def ended(self, task: Task) -> None:
            self.ended_names.append(task.name)

    ends = Ends()
    kernel.add_instrument(ends)

    async def nap(seconds: float) -> None:
        await sleep(seconds)

    kernel.spawn(nap(2), "b")
    kernel.spawn(nap(1), "a")
    kernel.run()
    assert ends.ended_names == ["a", "b"]


def test_handover_log_is_an_observer_with_a_limit() -> None:
    kernel = Kernel()
    log = kernel.record_handovers(maxlen=3)
    assert kernel.record_handovers() is log and kernel.trace is log

    async def worker(name: str) -> None:
        for _ in range(2):
            await sleep(1)

    kernel.spawn(worker("a"), "a")
    kernel.spawn(worker("b"), "b")
    kernel.run()
    assert list(log) == [
        Handover(1.0, "b", "sleeping until 2.00", 2),
        Handover(2.0, "a", "done", 3),
        Handover(2.0, "b", "done", 3),
    ]
    assert log[-1].name == "b" and len(log[-2:]) == 2
    with pytest.raises(AttributeError, match="record_handovers"):
        kernel.trace = []  # type: ignore[assignment]


def test_a_new_primitive_needs_only_the_wait_queue_interface() -> None:
    """A one-slot mailbox written as a user would: park, wake one, hand back on cancel."""

    class Mailbox(Waitable):
        kind = "mailbox"

        def __init__(self, name: str) -> None:
            super().__init__(name)
            self.letters: list[str] = []
            self._readers = WaitQueue(self, "posted", self.letters.append)

        def post(self, letter: str) -> None:
            if self._readers.wake_one(letter) is None:
                self.letters.append(letter)

        async def read(self) -> str:
            if self.letters:
                return self.letters.pop(0)
            return await self._readers.park()

    kernel = Kernel()
    box = Mailbox("front door")
    got: list[str] = []
    readers: list[Task] = []

    async def reader() -> None:
        got.append(await box.read())

    async def postman() -> None:
        await sleep(1)
        box.post("bill")
        readers[0].cancel()  # handed the bill, cancelled before reading it
        readers[1].cancel()  # still parked: it just leaves the line

    readers += [kernel.spawn(reader(), "r1"), kernel.spawn(reader(), "r2")]
    kernel.spawn(postman(), "postman")
    kernel.run()
    assert got == [] and box.letters == ["bill"]
    assert box._readers.waiting == []
    assert readers[1].describe() == "cancelled"


def test_ended_tasks_do_not_keep_their_wakers_alive() -> None:
    kernel = Kernel()
    lock = Lock("counter")
    ran: list[str] = []

    async def user(name: str) -> None:
        async with lock:  # handed down the line, nobody sleeps in between
            ran.append(name)

    async def holder() -> None:
        async with lock:
            await sleep(1)

    kernel.spawn(holder(), "holder")
    refs = [weakref.ref(kernel.spawn(user(f"u{i}"), f"u{i}")) for i in range(5)]
    survivor = Event("never")

    async def last() -> None:
        await lock.acquire()  # woken by u4, stays alive holding its record
        await survivor.wait()

    head = kernel.spawn(last(), "head", daemon=True)
    kernel.run()
    assert ran == [f"u{i}" for i in range(5)]
    assert head.woken_by.by is not None and head.woken_by.by.name == "u4"
    assert [r() is None for r in refs[:4]] == [True] * 4  # freed at once, no GC needed


def test_a_parked_task_describes_what_it_waits_on() -> None:
    kernel = Kernel()
    rail: Queue[int] = Queue("rail", capacity=1)

    async def putter() -> None:
        for n in range(3):
            await rail.put(n)

    task = kernel.spawn(putter(), "putter")
    kernel.advance(0)
    assert task.describe() == "waiting on queue rail (full)"
    assert rail.waiting_to_put == [task] and rail.waiting == []
    stack = task.stack()
    assert stack[0].function == "putter" and not stack[0].in_kernel
    assert all(frame.in_kernel for frame in stack[1:]) and len(stack) > 1


def test_sleep_forever_counts_as_scheduled_not_deadlocked() -> None:
    kernel = Kernel()

    async def forever() -> None:
        await sleep(math.inf)

    kernel.spawn(forever(), "forever")
    kernel.run()
    assert kernel.deadlocked() == [] and kernel.next_wakeup() == math.inf


# -- the layering: no primitive reaches into the kernel's or a task's privates ------------


def private_accesses(path: Path) -> set[str]:
    """``x._name`` where ``x`` is not ``self`` (or ``cls``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
        ):
            found.add(ast.unparse(node))
    return found


def test_primitives_and_wait_queues_touch_no_private_state() -> None:
    assert private_accesses(PACKAGE / "primitives.py") == set()
    assert private_accesses(PACKAGE / "waitqueue.py") == set()


def test_the_kernel_never_reaches_into_a_wait_queue() -> None:
    # the kernel and its Task are one layer; a wait queue it only calls through its methods
    touched = private_accesses(PACKAGE / "kernel.py") | private_accesses(PACKAGE / "task.py")
    fields = {name.rsplit(".", 1)[1] for name in touched}
    assert fields <= set(Task.__slots__), fields - set(Task.__slots__)
