"""A small cooperative coroutine kernel on virtual time (stdlib only).

Why our own and not asyncio: the game must pause, single-step and replay exactly, so time
is a number the app advances in fixed ticks, never the wall clock. Tasks are plain
``async def`` coroutines; they suspend only on awaitables defined here (``sleep``,
``Event``, ``Queue``, ``Lock``, ``Semaphore``, ``Condition``, ``Task.join``), each of which
yields a *trap* object to the kernel, in the spirit of curio's kernel and trio's MockClock.

Ordering is deterministic: wake-ups are sorted by (time, sequence number), so tasks due at
the same virtual time resume in the order they were scheduled (FIFO).
"""

from __future__ import annotations

import heapq
import math
import sys
import traceback
import types
from collections import deque
from collections.abc import Awaitable, Coroutine, Generator
from dataclasses import dataclass
from types import CodeType, FrameType
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# Task states, as shown by the inspector.
READY = "ready"
RUNNING = "running"
SLEEPING = "sleeping"
WAITING = "waiting"
DONE = "done"
FAILED = "failed"
CANCELLED = "cancelled"
_ENDED = frozenset((DONE, FAILED, CANCELLED))


class Cancelled(BaseException):
    """Thrown into a task that is cancelled (a BaseException so ``except Exception`` skips it)."""


class TaskCrashed(RuntimeError):
    """Raised by ``advance`` in strict mode when a task raised; names the task."""

    def __init__(self, task: Task) -> None:
        super().__init__(f"task {task.name!r} crashed: {task.error!r}")
        self.task = task


class Deadlock(RuntimeError):
    """Nothing is ready or sleeping, yet non-daemon tasks wait: nobody can ever wake them."""


# ---------------------------------------------------------------------------------------
# Traps: what an awaitable yields to the kernel. The hot one, sleep, yields the pair
# (_SLEEP, seconds): a tuple is the cheapest object to build, and a bare float could come
# from foreign code. Blocking yields a _Block; current_task yields _CURRENT.


class _Block:
    """Park the current task on a waitable's waiter list until someone wakes it."""

    __slots__ = ("waitable",)

    def __init__(self, waitable: Waitable) -> None:
        self.waitable = waitable


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


_CURRENT = _Marker("current task")
_SLEEP = _Marker("sleep")


class Waitable:
    """Anything tasks can wait on: keeps a FIFO of waiting tasks and a display name."""

    kind = "waitable"

    def __init__(self, name: str = "") -> None:
        self.name = name or self.kind
        self._waiters: deque[Task] = deque()

    def __repr__(self) -> str:
        return f"<{self.kind} {self.name!r}>"

    @types.coroutine
    def _block(self) -> Generator[Any, Any, Any]:
        return (yield _Block(self))

    @property
    def waiting(self) -> list[Task]:
        """Tasks parked here, first to be woken first."""
        return list(self._waiters)

    def _wake_one(self, value: Any = None) -> Task | None:
        if not self._waiters:
            return None
        task = self._waiters.popleft()
        task.kernel._make_ready(task, value, self)
        return task

    def _wake_all(self, value: Any = None) -> None:
        while self._waiters:
            self._wake_one(value)

    def _discard(self, task: Task) -> None:
        """A parked task was cancelled: it leaves the line."""
        self._waiters.remove(task)

    def _handback(self, value: Any) -> None:
        """A task woken with ``value`` was cancelled before it ran: pass ``value`` on."""


@types.coroutine
def _sleep_trap(seconds: float) -> Generator[tuple[_Marker, float], Any, None]:
    yield (_SLEEP, seconds)


def sleep(seconds: float) -> Awaitable[None]:
    """Suspend the current task for ``seconds`` of virtual time (0 = yield to others)."""
    if not seconds >= 0:  # also refuses NaN, which would break the heap's order
        raise ValueError(f"sleep needs seconds >= 0, got {seconds}")
    return _sleep_trap(float(seconds))


@types.coroutine
def _current_trap() -> Generator[Any, Any, Task]:
    return (yield _CURRENT)


async def current_task() -> Task:
    """The task that is running this code."""
    return await _current_trap()


# ---------------------------------------------------------------------------------------
# Synchronisation primitives. Whatever they hand to a woken task (a lock's unit, a queue's
# item, a notification) is passed on if that task is cancelled before it runs.


class Event(Waitable):
    """A flag tasks can wait for; once set, waiting returns at once until cleared."""

    kind = "event"

    def __init__(self, name: str = "") -> None:
        super().__init__(name)
        self._set = False

    def is_set(self) -> bool:
        return self._set

    def set(self) -> None:
        self._set = True
        self._wake_all()

    def clear(self) -> None:
        self._set = False

    async def wait(self) -> None:
        if not self._set:
            await self._block()


_ONE = _Marker("notify one")


class Condition(Waitable):
    """Tasks wait until notified; ``notify_all`` wakes every waiter (a broadcast pulse)."""

    kind = "condition"

    async def wait(self) -> None:
        await self._block()

    def notify_all(self) -> None:
        self._wake_all()

    def notify(self, n: int = 1) -> None:
        for _ in range(n):
            if self._wake_one(_ONE) is None:
                break

    def _handback(self, value: Any) -> None:
        if value is _ONE:  # a notify meant for one waiter goes to the next one
            self.notify()


class Queue(Waitable, Generic[T]):
    """FIFO queue; ``get`` waits when empty, ``put`` waits when full (capacity > 0).

    Both sides hand over directly: a put with getters waiting gives the item to the first
    getter, a get with putters waiting moves the first putter's item in. So waiting putters
    keep their turn and no free place goes unnoticed."""

    kind = "queue"

    def __init__(self, name: str = "", capacity: int = 0) -> None:
        super().__init__(name)
        if capacity < 0:
            raise ValueError(f"queue capacity must be >= 0, got {capacity}")
        self.capacity = capacity
        self.items: deque[T] = deque()
        self._putters = _PutSide(f"{self.name} (full)")

    def __len__(self) -> int:
        return len(self.items)

    def full(self) -> bool:
        return self.capacity > 0 and len(self.items) >= self.capacity

    def put_nowait(self, item: T) -> None:
        if self.full():
            raise OverflowError(f"queue {self.name!r} is full")
        if self._waiters:  # hand straight to the first getter: FIFO fairness
            self._wake_one(item)
        else:
            self.items.append(item)

    async def put(self, item: T) -> None:
        if self.full():  # wait in line; a getter moves our item in when there is room
            await self._putters._park_with(item)
        else:
            self.put_nowait(item)

    async def get(self) -> T:
        if self.items:
            item = self.items.popleft()
            if self._putters._waiters:
                self.items.append(self._putters._wake_first())
            return item
        return await self._block()

    def _handback(self, value: Any) -> None:
        if self._waiters:
            self._wake_one(value)
        else:  # it was first in line: back to the front
            self.items.appendleft(value)


class _PutSide(Waitable):
    """Putters waiting for room, each with the item it brings."""

    kind = "queue"

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self._items: dict[Task, Any] = {}

    async def _park_with(self, item: Any) -> None:
        task = await current_task()
        self._items[task] = item
        await self._block()

    def _wake_first(self) -> Any:
        task = self._waiters[0]
        item = self._items.pop(task)
        self._wake_one()
        return item

    def _discard(self, task: Task) -> None:
        super()._discard(task)
        del self._items[task]


class Semaphore(Waitable):
    """Counts free places (tables, stations); ``acquire`` waits when none is free."""

    kind = "semaphore"

    def __init__(self, value: int = 1, name: str = "") -> None:
        super().__init__(name)
        if value < 0:
            raise ValueError(f"semaphore value must be >= 0, got {value}")
        self.value = value

    def locked(self) -> bool:
        return self.value == 0

    async def acquire(self) -> None:
        if self.value > 0 and not self._waiters:
            self.value -= 1
            return
        await self._block()  # release hands the unit straight to us

    def release(self) -> None:
        if self._waiters:
            self._wake_one()
        else:
            self.value += 1

    def _handback(self, value: Any) -> None:
        self.release()

    async def __aenter__(self) -> Semaphore:
        await self.acquire()
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.release()


class Lock(Semaphore):
    """Mutual exclusion for one shared place, e.g. the pickup counter."""

    kind = "lock"

    def __init__(self, name: str = "") -> None:
        super().__init__(1, name)


# ---------------------------------------------------------------------------------------
# Tasks.


@dataclass(frozen=True)
class FrameInfo:
    """Where a coroutine is suspended: function, file and line (for the code view)."""

    function: str
    filename: str
    lineno: int
    code: CodeType


@dataclass(frozen=True)
class Handover:
    """One resume, for the inspector: at ``time`` task ``name`` ran until it was ``after``."""

    time: float
    name: str
    after: str
    resume: int


class Task:
    """A coroutine the kernel runs, plus what the inspector shows about it."""

    def __init__(
        self,
        kernel: Kernel,
        coro: Coroutine[Any, Any, Any],
        name: str,
        group: str,
        daemon: bool,
        actor: object,
    ) -> None:
        self.kernel = kernel
        self.coro = coro
        self.name = name
        self.group = group
        self.daemon = daemon
        self.actor = actor
        self.state = READY
        self.wake_at: float | None = None
        self.waiting_on: Waitable | None = None
        self.result: Any = None
        self.error: BaseException | None = None
        self.traceback = ""
        self.resumes = 0
        self._send: Any = None
        self._throw: BaseException | None = None
        self._sleep_seq = -1  # identifies the live heap entry; stale ones are skipped
        self._handed_by: Waitable | None = None  # woke us with ``_send``, not yet delivered
        self._finished: Event | None = None  # made on demand: most tasks are never joined

    def __repr__(self) -> str:
        return f"<Task {self.name} {self.describe()}>"

    @property
    def alive(self) -> bool:
        return self.state not in _ENDED

    def describe(self) -> str:
        """State in words: 'sleeping until 12.50', 'waiting on queue kitchen'."""
        if self.state == SLEEPING and self.wake_at is not None:
            return f"sleeping until {self.wake_at:.2f}"
        if self.state == WAITING and self.waiting_on is not None:
            return f"waiting on {self.waiting_on.kind} {self.waiting_on.name}"
        if self.state == FAILED:
            return f"failed: {self.error!r}"
        return self.state

    def stack(self) -> list[FrameInfo]:
        """Frames from the task's own coroutine down to the innermost suspended one."""
        frames: list[FrameInfo] = []
        obj: Any = self.coro
        while obj is not None:
            frame: FrameType | None = getattr(obj, "cr_frame", None) or getattr(
                obj, "gi_frame", None
            )
            if frame is not None:
                code = frame.f_code
                frames.append(FrameInfo(code.co_name, code.co_filename, frame.f_lineno, code))
            obj = getattr(obj, "cr_await", None) or getattr(obj, "gi_yieldfrom", None)
        return frames

    def cancel(self) -> None:
        """Throw ``Cancelled`` into the task at its current await (at its next resume); a
        running task that cancels itself gets it at its next await."""
        if not self.alive or self._throw is not None:
            return
        self._throw = Cancelled()
        if self.state == WAITING and self.waiting_on is not None:
            self.waiting_on._discard(self)
        elif self.state == READY and self._handed_by is not None:
            handed_by, value = self._handed_by, self._send
            self._handed_by = self._send = None
            handed_by._handback(value)
        if self.state in (SLEEPING, WAITING):
            self.kernel._make_ready(self, None)
        elif self.state == RUNNING:
            self.kernel._attention = True  # it cancelled itself: taken at its next await

    @property
    def finished(self) -> Event:
        """Set when the task ends, however it ends."""
        if self._finished is None:
            self._finished = Event(f"{self.name} finished")
            if not self.alive:
                self._finished.set()
        return self._finished

    async def join(self) -> Any:
        """Wait until the task ends; returns its result, re-raises its error, and raises
        ``Cancelled`` if it was cancelled (as asyncio raises ``CancelledError``)."""
        await self.finished.wait()
        if self.error is not None:
            raise self.error
        if self.state == CANCELLED:
            raise Cancelled(f"task {self.name!r} was cancelled")
        return self.result


class Kernel:
    """Runs tasks on virtual time. The owner calls ``advance(dt)``; nothing else moves time.

    ``strict``: a crashing task makes ``advance`` raise ``TaskCrashed`` (tests, headless);
    otherwise the crash is only recorded in ``crashes`` for the game to show. Only an
    ``Exception`` is a crash: ``KeyboardInterrupt``, ``SystemExit`` and the like leave
    ``advance`` as they are, the task marked ended.

    ``tasks`` lists the live tasks in spawn order, plus crashed ones until ``prune()``: a
    task leaves the index as it ends (O(1)), so no step walks every task.
    """

    def __init__(self, *, strict: bool = True) -> None:
        self.now = 0.0
        self.strict = strict
        self.ready: deque[Task] = deque()
        self.current: Task | None = None
        self.crashes: list[Task] = []
        self.resumes = 0
        self.spawned = 0
        self.closed = False
        self._tasks: dict[Task, None] = {}  # insertion-ordered: spawn order
        self._crashed_listed: list[Task] = []  # ended by a crash, still in ``tasks``
        self._sleepers: list[tuple[float, int, Task]] = []
        self._seq = 0
        self._pending_crash: Task | None = None
        self._attention = False  # a crash or a self-cancel to handle after the step
        self.trace: deque[Handover] | None = None  # set to a deque to record hand-overs

    @property
    def tasks(self) -> list[Task]:
        """Live tasks in spawn order (and crashed ones until the next ``prune``)."""
        return list(self._tasks)

    # -- spawning ---------------------------------------------------------------------
    def spawn(
        self,
        coro: Coroutine[Any, Any, Any],
        name: str = "",
        *,
        group: str = "task",
        daemon: bool = False,
        actor: object = None,
    ) -> Task:
        """Start a coroutine as a task; it first runs at the current virtual time."""
        if self.closed:
            coro.close()
            raise RuntimeError("spawn on a closed kernel")
        task = Task(self, coro, name or f"task-{self.spawned}", group, daemon, actor)
        self.spawned += 1
        self._tasks[task] = None
        self.ready.append(task)
        return task

    def _make_ready(self, task: Task, value: Any, by: Waitable | None = None) -> None:
        task.state = READY
        task.wake_at = None
        task.waiting_on = None
        task._sleep_seq = -1
        task._send = value
        task._handed_by = by
        self.ready.append(task)

    # -- running ----------------------------------------------------------------------
    def advance(self, dt: float) -> None:
        """Run everything due up to ``now + dt`` in time order; then ``now = now + dt``."""
        if not 0 <= dt < math.inf:
            raise ValueError(f"advance needs a finite dt >= 0, got {dt}")
        self.run_until(self.now + dt)

    def run_until(self, target: float, *, settle: bool = True) -> None:
        """Run everything due up to ``target``; with ``settle`` the clock then reads
        ``target`` (the app's fixed ticks), else it stays at the last event (``run``).
        A task asleep for ever (``sleep(inf)``) never wakes: the clock stays finite."""
        if target != target or (settle and target == math.inf):
            raise ValueError(f"run_until needs a finite target time, got {target}")
        if self.closed:
            raise RuntimeError("the kernel is closed: it runs nothing more")
        if self.current is not None:
            raise RuntimeError(
                f"time moved from inside task {self.current.name!r}: only the kernel's "
                "owner advances it (a task awaits sleep instead)"
            )
        bound = min(target, sys.float_info.max)  # an entry at infinity is never due
        sleepers, ready, pop = self._sleepers, self.ready, heapq.heappop
        while True:
            if ready:
                self._run_ready()
            if not sleepers or sleepers[0][0] > bound:
                break
            when, seq, task = pop(sleepers)
            if task._sleep_seq != seq:
                continue  # cancelled while asleep; entry is stale
            self.now = when
            task.state = READY  # _make_ready, inlined: this is the hot path
            task.wake_at = None
            task._handed_by = None
            ready.append(task)
        if settle and target > self.now:
            self.now = target

    def run(self, limit: float = math.inf) -> None:
        """Run until nothing is scheduled (or ``limit``); raise ``Deadlock`` if stuck."""
        self.run_until(limit, settle=False)
        if self.deadlocked():
            names = ", ".join(t.name for t in self.deadlocked())
            raise Deadlock(f"deadlock at t={self.now:.2f}: {names} wait forever")

    def next_wakeup(self) -> float | None:
        """Virtual time of the next scheduled resume, or None when nothing is scheduled."""
        if self.ready:
            return self.now
        while self._sleepers and self._sleepers[0][2]._sleep_seq != self._sleepers[0][1]:
            heapq.heappop(self._sleepers)
        return self._sleepers[0][0] if self._sleepers else None

    def deadlocked(self) -> list[Task]:
        """Non-daemon tasks that wait while nothing is ready or asleep to wake them."""
        if self.ready or self.next_wakeup() is not None:
            return []
        return [t for t in self._tasks if t.state == WAITING and not t.daemon]

    def _run_ready(self) -> None:
        ready, step, ended = self.ready, self._step, _ENDED
        while ready:
            task = ready.popleft()
            if task.state in ended:
                continue
            step(task)
            if self.trace is not None:
                self.trace.append(Handover(self.now, task.name, task.describe(), task.resumes))
            if self._attention:
                self._after_step(task)

    def _after_step(self, task: Task) -> None:
        """The rare cases, checked by one flag: a pending crash, or a task that cancelled
        itself and then went to sleep or blocked (it is woken at once to take it)."""
        self._attention = False
        if task._throw is not None and task.state in (SLEEPING, WAITING):
            if task.state == WAITING and task.waiting_on is not None:
                task.waiting_on._discard(task)
            self._make_ready(task, None)
        if self._pending_crash is not None:
            crashed, self._pending_crash = self._pending_crash, None
            raise TaskCrashed(crashed) from crashed.error

    def _step(self, task: Task) -> None:
        self.current = task
        task.state = RUNNING
        task.resumes += 1
        self.resumes += 1
        while True:
            try:
                if task._throw is not None:
                    exc, task._throw = task._throw, None
                    trap = task.coro.throw(exc)
                else:
                    value, task._send = task._send, None
                    trap = task.coro.send(value)
            except StopIteration as stop:
                self._finish(task, DONE, result=stop.value)
                break
            except Cancelled:
                self._finish(task, CANCELLED)
                break
            except Exception as exc:  # reported with the task's name, never swallowed
                task.error = exc
                task.traceback = traceback.format_exc()
                self.crashes.append(task)
                self._crashed_listed.append(task)
                self._finish(task, FAILED, keep_listed=True)
                if self.strict:
                    self._pending_crash = task
                    self._attention = True
                break
            except BaseException as exc:  # KeyboardInterrupt, SystemExit: not the task's fault
                task.error = exc
                self._finish(task, FAILED)
                self.current = None
                raise
            if type(trap) is tuple and trap[0] is _SLEEP:
                # even sleep(0) goes through the heap: equal times then wake in FIFO order
                task.state = SLEEPING
                task.wake_at = when = self.now + trap[1]
                self._seq = seq = self._seq + 1
                task._sleep_seq = seq
                heapq.heappush(self._sleepers, (when, seq, task))
                break
            if type(trap) is _Block:
                task.state = WAITING
                task.waiting_on = trap.waitable
                trap.waitable._waiters.append(task)
                break
            if trap is _CURRENT:
                task._send = task
                continue
            # not ours (an asyncio future, a bare number): thrown in, so clean-up runs
            task._throw = TypeError(
                f"task {task.name!r} awaited {trap!r}, which this kernel does not know: "
                "await only sleep, events, queues, locks, semaphores, conditions, join"
            )
        self.current = None

    def _finish(
        self, task: Task, state: str, result: Any = None, keep_listed: bool = False
    ) -> None:
        task.state = state
        task.result = result
        task.wake_at = None
        task.waiting_on = None
        task._throw = None
        if not keep_listed:
            self._tasks.pop(task, None)
        if task._finished is not None:
            task._finished.set()

    # -- introspection ----------------------------------------------------------------
    def close(self) -> None:
        """Close every unfinished coroutine (a run that stops early leaves none dangling);
        the kernel then refuses to run."""
        if self.current is not None:
            raise RuntimeError(f"close() from inside task {self.current.name!r}")
        self.closed = True
        self.ready.clear()
        self._sleepers.clear()
        for task in list(self._tasks):
            if not task.alive:
                continue
            if task.state == WAITING and task.waiting_on is not None:
                task.waiting_on._discard(task)
            self._finish(task, CANCELLED)
            try:
                task.coro.close()
            except Exception as exc:  # a ``finally`` that fails: reported, not swallowed
                task.state = FAILED
                task.error = exc
                task.traceback = traceback.format_exc()
                self.crashes.append(task)

    def __del__(self) -> None:
        # a dropped kernel closes its coroutines, so none is reported "never awaited"
        if not getattr(self, "closed", True):
            self.close()

    def prune(self) -> None:
        """Forget crashed tasks too (the others leave ``tasks`` as they end)."""
        for task in self._crashed_listed:
            self._tasks.pop(task, None)
        self._crashed_listed.clear()
