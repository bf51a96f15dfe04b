"""The kernel: a heap of sleepers, a FIFO of ready tasks, and one loop that runs them."""

from __future__ import annotations

import heapq
import math
import sys
import traceback
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from . import blocking
from .blocking import Block
from .instruments import HOOKS, HandoverLog, Instrument
from .task import Task
from .traps import (
    CANCELLED,
    CURRENT,
    DONE,
    FAILED,
    READY,
    RUNNING,
    SLEEP,
    SLEEPING,
    WAITING,
    Cancelled,
    Deadlock,
    Park,
    TaskCrashed,
)
from .waitqueue import WaitQueue

_LATEST = sys.float_info.max  # a sleeper due later than this (at infinity) is never due


class _LoopBusy(Exception):
    """Leaves the run loop after a task's plain blocking call: nobody else runs now."""


class Kernel:
    """Runs tasks on virtual time. The owner calls ``advance(dt)``; nothing else moves time.

    ``strict``: a crashing task makes ``advance`` raise ``TaskCrashed`` (tests, headless);
    otherwise the crash is only recorded in ``crashes`` for the game to show. Only an
    ``Exception`` is a crash: ``KeyboardInterrupt``, ``SystemExit`` and the like leave
    ``advance`` as they are, the task marked ended.

    ``tasks`` lists the live tasks in spawn order, plus crashed ones until ``prune()``: a
    task leaves the index as it ends (O(1)), so nothing walks every task per step.

    A plain blocking call in a task (``blocking.block``) holds the loop: ``busy`` is then the
    span it holds it for, ``now`` follows the owner's clock but no task resumes until
    ``busy.end``; then the overdue wake-ups run in the order they fell due. ``blocks``
    lists every such call, ``blocked`` adds up their seconds.
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
        self._instruments: list[Instrument] = []
        # per hook, the bound methods that listen: lists changed only in place, so the
        # running loop's local names for them stay right; empty lists cost one check
        self._hooks: dict[str, list[Callable[..., None]]] = {name: [] for name in HOOKS}
        self.busy: Block | None = None  # the loop is held by a plain call until busy.end
        self.blocks: list[Block] = []
        self.blocked = 0.0
        self.pruned_at = -1.0  # virtual time of the latest ``prune`` (for the records)
        self._holding: Block | None = None  # a plain call made in the step now running
        self.holding = False  # True from a plain call to the end of its task's step: what
        # the task changes meanwhile happens later than the owner's clock will read

    @property
    def tasks(self) -> list[Task]:
        """Live tasks in spawn order (and crashed ones until the next ``prune``)."""
        return list(self._tasks)

    # -- observers ----------------------------------------------------------------------
    @property
    def instruments(self) -> tuple[Instrument, ...]:
        return tuple(self._instruments)

    def add_instrument(self, instrument: Instrument) -> None:
        """Attach an observer; it hears every hook it overrides from now on."""
        self._instruments.append(instrument)
        self._rebuild_hooks()

    def remove_instrument(self, instrument: Instrument) -> None:
        self._instruments.remove(instrument)
        self._rebuild_hooks()

    def _rebuild_hooks(self) -> None:
        for name, calls in self._hooks.items():
            base = getattr(Instrument, name)
            calls[:] = [
                getattr(i, name) for i in self._instruments if getattr(type(i), name) is not base
            ]

    def record_handovers(self, maxlen: int | None = None) -> HandoverLog:
        """Attach the inspector's hand-over log (or return the one attached already)."""
        log = self.trace
        if log is None:
            log = HandoverLog(maxlen)
            self.add_instrument(log)
        return log

    @property
    def trace(self) -> HandoverLog | None:
        """The attached hand-over log, if any (see ``record_handovers``)."""
        return next((i for i in self._instruments if isinstance(i, HandoverLog)), None)

    @trace.setter
    def trace(self, value: object) -> None:
        raise AttributeError(
            "kernel.trace is an observer now: attach it with kernel.record_handovers(maxlen)"
        )

    def _emit_woken(self, task: Task) -> None:
        wake = task.woken_by
        for call in self._hooks["woken"]:
            call(task, wake)

    # -- spawning and waking --------------------------------------------------------------
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
        for call in self._hooks["spawned"]:
            call(task)
        if self._hooks["woken"]:
            self._emit_woken(task)
        return task

    def reschedule(self, task: Task, value: Any, queue: WaitQueue) -> None:
        """For wait queues: make a task parked on ``queue`` ready, handing it ``value``.
        The running task (if any) is recorded as the one who woke it."""
        task.state = READY
        task.parked_on = None
        task._send = value
        task._woken = (self.now, self.current, queue)
        self.ready.append(task)
        if self._hooks["woken"]:
            self._emit_woken(task)

    def wake_cancelled(self, task: Task) -> None:
        """For ``Task.cancel``: a sleeping or parked task is made ready to take its
        ``Cancelled`` (its heap entry, if any, goes stale)."""
        task.state = READY
        task.wake_at = None
        task.parked_on = None
        task._sleep_seq = -1
        task._send = None
        task._woken = (self.now, self.current, "cancelled")
        self.ready.append(task)
        if self._hooks["woken"]:
            self._emit_woken(task)

    def cancel_current_at_next_await(self) -> None:
        """For ``Task.cancel`` on the running task: checked once its step is over."""
        self._attention = True

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
        while self.busy is None or target >= self.busy.end:
            if self.busy is not None:
                self._release_loop()
            if not self._run(min(target, _LATEST)):
                break  # nothing more is due by ``target``
        if settle and target > self.now:
            self.now = target  # while the loop is held too: the owner's clock goes on

    def _run(self, bound: float) -> bool:
        """Run everything due up to ``bound``; True if a plain blocking call stopped it."""
        sleepers, ready, pop, step = self._sleepers, self.ready, heapq.heappop, self._step
        hooks = self._hooks
        before, after, woken = hooks["before_run"], hooks["after_run"], hooks["woken"]
        blocking.ACTIVE_KERNELS.append(self)
        try:
            while True:
                while ready:  # the ready drain, inlined: this is the hot path
                    task = ready.popleft()
                    if before:
                        for call in before:
                            call(task)
                    step(task)
                    if after:
                        for call in after:
                            call(task)
                    if self._attention:
                        self._after_step(task)
                if not sleepers or sleepers[0][0] > bound:
                    return False
                # every timer due at this time is ready before any task they wake, as
                # asyncio moves all due timers to its ready queue at once
                due = sleepers[0][0]
                while sleepers and sleepers[0][0] == due:
                    when, seq, task = pop(sleepers)
                    if task._sleep_seq != seq:
                        continue  # cancelled while asleep; entry is stale
                    self.now = when
                    task.state = READY
                    task.wake_at = None
                    task._woken = when  # a float: woken by its timer
                    ready.append(task)
                    if woken:
                        self._emit_woken(task)
        except _LoopBusy:
            return True  # the rest waits for busy.end
        except BaseException as exc:
            self._unwind(exc)
            raise
        finally:
            blocking.ACTIVE_KERNELS.pop()

    def run(self, limit: float = math.inf) -> None:
        """Run until nothing is scheduled (or ``limit``); raise ``Deadlock`` if stuck."""
        self.run_until(limit, settle=False)
        if self.deadlocked():
            names = ", ".join(t.name for t in self.deadlocked())
            raise Deadlock(f"deadlock at t={self.now:.2f}: {names} wait forever")

    def next_wakeup(self) -> float | None:
        """Virtual time of the next scheduled resume, or None when nothing is scheduled."""
        if self.busy is not None:
            return self.busy.end
        if self.ready:
            return self.now
        while self._sleepers and self._sleepers[0][2]._sleep_seq != self._sleepers[0][1]:
            heapq.heappop(self._sleepers)
        return self._sleepers[0][0] if self._sleepers else None

    def deadlocked(self) -> list[Task]:
        """Non-daemon tasks that wait while nothing is ready or asleep to wake them."""
        if self.busy is not None or self.ready or self.next_wakeup() is not None:
            return []
        return [t for t in self._tasks if t.state == WAITING and not t.daemon]

    def _unwind(self, exc: BaseException) -> None:
        """Something left the loop (a strict crash, Ctrl-C, an observer's bug). If it struck
        in the kernel's own bookkeeping, mid-step, that task is ended and closed, so no
        task stays RUNNING and the kernel can go on."""
        task, self.current = self.current, None
        if task is None or task.state != RUNNING:
            return
        task.error = exc
        self._finish(task, FAILED)
        try:
            task.coro.close()  # its ``finally`` blocks run: a held lock is released
        except Exception:  # noqa: BLE001 - kept with the task, which failed already
            task.traceback = traceback.format_exc()

    def _after_step(self, task: Task) -> None:
        """The rare cases, behind one flag: a pending crash, a task that cancelled itself
        and then slept or parked (it is made ready at once to take it), or a plain blocking
        call in the step (the loop stays held: leave the run loop)."""
        self._attention = False
        if task._throw is not None and task.state in (SLEEPING, WAITING):
            if task.parked_on is not None:
                task.parked_on.discard(task)
            self.wake_cancelled(task)
        holding, self._holding = self._holding, None
        self.holding = False
        if holding is not None:
            self.busy = holding
            self.now = holding.start  # the owner's clock; no task sees it before the end
        if self._pending_crash is not None:
            crashed, self._pending_crash = self._pending_crash, None
            raise TaskCrashed(crashed) from crashed.error
        if holding is not None:
            raise _LoopBusy

    # -- plain blocking calls ---------------------------------------------------------------
    @property
    def held_from(self) -> float | None:
        """While the step now running holds the loop in plain calls: since when (the
        owner's clock then); else None. For observers, which run before it is released."""
        return self._holding.start if self._holding is not None else None

    def block_current(self, seconds: float, what: str) -> None:
        """For ``blocking.block``: the running task holds the loop for ``seconds``. The
        clock is charged at once, so what the task does next happens at the call's end."""
        task = self.current
        if task is None:
            raise RuntimeError("a blocking call needs a running task")
        start = self.now
        self.now = end = start + seconds
        self.blocks.append(Block(task, what, start, end))
        self.blocked += seconds
        held = self._holding
        self._holding = Block(task, what, held.start if held else start, end)
        self.holding = True
        self._attention = True

    def _release_loop(self) -> None:
        """The plain call is over: every wake-up that fell due meanwhile runs now, at its
        end, after those ready before it, in the order they fell due (time, then FIFO)."""
        busy, self.busy = self.busy, None
        assert busy is not None
        self.now = end = busy.end
        sleepers, pop, woken = self._sleepers, heapq.heappop, self._hooks["woken"]
        while sleepers and sleepers[0][0] <= end:
            when, seq, task = pop(sleepers)
            if task._sleep_seq != seq:
                continue
            task.state = READY
            task.wake_at = None
            task._woken = when  # its timer fired at ``when``; it runs only now
            self.ready.append(task)
            if woken:
                self._emit_woken(task)

    def overdue(self, task: Task) -> float:
        """While the loop is held: how long ``task`` has been due to run (0 if it is not)."""
        busy = self.busy
        if busy is None or task is busy.task:
            return 0.0
        if task.state == READY:
            return self.now - busy.start
        if task.state == SLEEPING and task.wake_at is not None and task.wake_at <= self.now:
            return self.now - task.wake_at
        return 0.0

    def _step(self, task: Task) -> None:
        """Resume ``task`` until it yields a trap it must wait on, or ends."""
        self.current = task
        task.state = RUNNING
        task.resumes += 1
        self.resumes += 1
        asked = False  # the task asked who it is: no suspension, so no cancellation point
        while True:
            try:
                if task._throw is not None and not asked:
                    exc, task._throw = task._throw, None
                    trap = task.coro.throw(exc)
                else:
                    value, task._send = task._send, None
                    trap = task.coro.send(value)
            except StopIteration as stop:
                if type(task._throw) is Cancelled:  # it cancelled itself, then returned:
                    self._finish(task, CANCELLED)  # cancelled all the same, as in asyncio
                else:
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
                self.current = None
                self._finish(task, FAILED)
                raise
            if type(trap) is tuple and trap[0] is SLEEP:
                if not trap[1]:  # sleep(0): to the back of the ready line, as in asyncio
                    task.state = READY
                    task._woken = self.now
                    self.ready.append(task)
                    if self._hooks["woken"]:
                        self._emit_woken(task)
                    break
                task.state = SLEEPING
                task.wake_at = when = self.now + trap[1]
                self._seq = seq = self._seq + 1
                task._sleep_seq = seq
                heapq.heappush(self._sleepers, (when, seq, task))
                break
            if type(trap) is Park:
                task.state = WAITING
                task.parked_on = trap.queue
                trap.queue.admit(task, trap.note)
                break
            if trap is CURRENT:
                task._send = task
                asked = True
                continue
            asked = False
            # not ours (an asyncio future, a bare number): thrown in, so its clean-up runs
            if task._throw is None:  # (a pending Cancelled goes first)
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
        task.parked_on = None
        task._throw = None
        woken = task._woken
        if type(woken) is tuple and woken[1] is not None:
            # an ended task forgets *who* last woke it, so ended tasks never hold one
            # another in memory along a chain of hand-overs
            task._woken = (woken[0], None, woken[2])
        if not keep_listed:
            self._tasks.pop(task, None)
        if task._finished is not None:
            task._finished.set()
        if task._on_end is not None:
            calls, task._on_end = task._on_end, None
            for call in calls:
                call(task)
        for call in self._hooks["ended"]:
            call(task)

    # -- ending -------------------------------------------------------------------------
    def close(self) -> None:
        """Close every unfinished coroutine (a run that stops early leaves none dangling);
        the kernel then refuses to run."""
        if self.current is not None:
            raise RuntimeError(f"close() from inside task {self.current.name!r}")
        self.closed = True
        self.busy = self._holding = None
        self.holding = False
        self.ready.clear()
        self._sleepers.clear()
        for task in list(self._tasks):
            if not task.alive:
                continue
            if task.parked_on is not None:
                task.parked_on.discard(task)
            self._finish(task, CANCELLED)
            try:
                task.coro.close()
            except Exception as exc:  # a ``finally`` that fails: reported, not swallowed
                task.state = FAILED
                task.error = exc
                task.traceback = traceback.format_exc()
                self.crashes.append(task)
        self.ready.clear()  # a ``finally`` may have woken someone: nothing runs any more

    def __del__(self) -> None:
        # a dropped kernel closes its coroutines, so none is reported "never awaited"
        if not getattr(self, "closed", True):
            self.close()

    def prune(self) -> None:
        """Forget crashed tasks too (the others leave ``tasks`` as they end): O(crashes)."""
        self.pruned_at = self.now
        for task in self._crashed_listed:
            self._tasks.pop(task, None)
        self._crashed_listed.clear()
