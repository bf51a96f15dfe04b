"""What the coroutine panels read, recorded as the kernel runs: every task's await points.

The inspector, the code view and "why am I waiting?" read live tasks: their state, what
they are parked on and who else waits there, their wake-up time, who last woke them, the
chain of calls down to the suspended ``await`` (function, line), the hand-over log, the
sleepers in wake-up order. None of that is an attribute of the model, so the journal does
not see it; ``AwaitsRecord`` (a kernel ``Instrument``) keeps it instead, a row per resume:
its tick and time, the task, the state it handed over in, its wake-up time, the wait queue
it parked on, the chain of calls, who woke it. Chains, wakes and queues are interned, so a
resume costs a few typed-array appends, not a copy of a stack.

At a tick boundary no task is ready or running (``run_until`` drains the ready queue), so
a task's state then is the one its latest resume by that tick left it in; before its
first resume it is ready. The one exception is a step that makes a plain blocking call
(``blocking.block``): the loop is held until the call's end, and whoever was ready then
stays ready, overdue. Such a step is recorded as of when it began, with a row "ready, not
run" for each task left in the ready queue, and the block itself (``busy``, ``blocked``).

``RecordedKernel`` answers the panels' reads of the kernel at a past tick from these rows
(``kernel.tasks``, ``ready``, ``trace``, ``busy``...), with ``PastTask`` for each task: the
same questions a ``Task`` answers, as they were answered then.

Stdlib only, like the rest of the scheduler.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from struct import pack
from types import CoroutineType, GeneratorType
from typing import Any, NamedTuple

from .instruments import Handover, HandoverLog, Instrument
from .journal import Past
from .task import FrameInfo, Wake, await_frames
from .traps import CANCELLED, DONE, ENDED, FAILED, READY, RUNNING, SLEEPING, WAITING
from .waitqueue import WaitQueue

STATES = (READY, RUNNING, SLEEPING, WAITING, DONE, FAILED, CANCELLED)
_CODE = {state: code for code, state in enumerate(STATES)}
_NAN = float("nan")
HANDOVERS = 64  # the hand-over log the inspector reads keeps this many (``record_handovers``)
PENDING = 1024  # rows kept as tuples before they are put in the columns
ALIVE_EVERY = 32  # births between two notes of who is alive (a past lists its tasks from one)


class _TaskInfo:
    """What stays the same over a task's life, and its rows."""

    __slots__ = (
        "name", "group", "daemon", "actor", "born", "ended", "error", "traceback", "rows",
        "first_stack", "first_woke", "first_woke_time",
    )  # fmt: skip

    def __init__(self, task: Any, born: int, stack: int, woke: int, woke_time: float) -> None:
        self.name = task.name
        self.group = task.group
        self.daemon = task.daemon
        self.actor = task.actor
        self.born = born
        self.ended: int | None = None
        self.error: BaseException | None = None
        self.traceback = ""
        self.rows = array("I")  # (unsigned: an unsigned array appends faster)
        self.first_stack, self.first_woke, self.first_woke_time = stack, woke, woke_time


class AwaitsRecord(Instrument):
    """A kernel's resumes, a row each, by tick (``journal.tick()`` gives the tick)."""

    def __init__(self, journal: Any, kernel: Any) -> None:
        self.journal = journal
        self.kernel = kernel
        # a row per resume
        self.ticks = array("i")
        self.times = array("d")
        self.task = array("i")
        self.state = array("b")
        self.wake_at = array("d")
        self.park = array("i")
        self.stack = array("i")
        self.woke = array("i")
        self.woke_time = array("d")
        self.resume = array("i")
        self._columns = (
            self.ticks, self.times, self.task, self.state, self.wake_at, self.park,
            self.stack, self.woke, self.woke_time, self.resume,
        )  # fmt: skip
        # rows not yet in the columns, a tuple each (one append a resume, not ten; put in
        # the columns, ten at a time, by ``flush``, which every read of the rows calls)
        self._pending: list[tuple[Any, ...]] = []
        self.count = 0  # rows in all
        self.not_run: set[int] = set()  # rows of tasks left ready by a blocking step
        # each step that held the loop: (tick, blocks so far, seconds blocked so far,
        # the hold: (task index, what, start, end))
        self.holds: list[tuple[int, int, float, tuple[int, str, float, float]]] = []
        self._hold_ticks = array("i")
        # interned
        self.infos: list[_TaskInfo] = []
        self.queues: list[tuple[Any, str]] = []  # a wait queue's (waitable, verb)
        self._queue_ids: dict[tuple[int, str], int] = {}
        self.stacks: list[list[FrameInfo]] = []
        self._stack_ids: dict[tuple[Any, ...], int] = {}
        self.wakes: list[tuple[str, int, int]] = [("timer", -1, -1)]  # (how, by, queue)
        self._wake_ids: dict[tuple[str, int, int], int] = {self.wakes[0]: 0}
        self._index: dict[Any, int] = {}  # live task -> its index
        # every ``ALIVE_EVERY`` births: (tasks born so far, those of them alive), by tick
        self._alive_ticks = array("i")
        self._alive: list[tuple[int, tuple[int, ...]]] = []
        self._crashed: list[int] = []  # tasks that failed (listed until a prune)
        self._gone: dict[Any, int] = {}  # tasks ended at ``_gone_time`` (still wakers then)
        self._gone_time = -1.0
        self.prunes = array("i")  # ticks at which crashed tasks left ``kernel.tasks``
        self._pruned_seen = getattr(kernel, "pruned_at", -1.0)
        self._failed_listed = False
        for task in kernel.tasks:  # the world as built: tasks spawned before we watched
            self._register(task, 0)

    @classmethod
    def watch(cls, journal: Any, kernel: Any) -> AwaitsRecord:
        """Record ``kernel``'s resumes. A hand-over log it keeps (still empty) is read from
        the records from now on (``RecordedHandovers``): a row per resume holds the same."""
        record = cls(journal, kernel)
        kernel.add_instrument(record)
        log = kernel.trace
        if type(log) is HandoverLog and not len(log):
            kernel.remove_instrument(log)
            kernel.add_instrument(RecordedHandovers(record, log.maxlen))
        return record

    # -- interning ------------------------------------------------------------------------
    def _stack_of(self, coro: Any) -> int:
        """The interned chain of calls a coroutine is suspended in (as ``Task.stack``).
        Keyed by each frame's code (by id: a code object's own hash walks its contents;
        the interned chain keeps it alive) and instruction offset: a line is a function
        of the two, and reading it walks the code's line table, so lines are read only
        for a chain not seen before."""
        key: list[int] = []
        append = key.append
        for frame in await_frames(coro):
            append(id(frame.f_code))
            append(frame.f_lasti)
        chain = tuple(key)
        found = self._stack_ids.get(chain)
        if found is None:
            found = self._stack_ids[chain] = len(self.stacks)
            self.stacks.append(
                [
                    FrameInfo(f.f_code.co_name, f.f_code.co_filename, f.f_lineno, f.f_code)
                    for f in await_frames(coro)
                ]
            )
        return found

    def _queue_of(self, queue: WaitQueue | None) -> int:
        if queue is None:
            return -1
        waitable, verb = queue.waitable, queue.verb
        key = (id(waitable), verb)
        found = self._queue_ids.get(key)
        if found is None:
            found = self._queue_ids[key] = len(self.queues)
            self.queues.append((waitable, verb))  # kept: its id is not reused meanwhile
        return found

    def _task_id(self, task: Any) -> int:
        if task is None:
            return -1
        found = self._index.get(task)
        if found is None:
            found = self._gone.get(task, -1)
        return found

    def _wake_of(self, woken: Any) -> tuple[int, float]:
        """A task's latest wake (``Task._woken``) as (interned kind, time)."""
        if type(woken) is float:
            return 0, woken
        time, by, how = woken
        if isinstance(how, WaitQueue):
            key = (how.verb, self._task_id(by), self._queue_of(how))
        else:
            key = (how, self._task_id(by), -1)
        found = self._wake_ids.get(key)
        if found is None:
            found = self._wake_ids[key] = len(self.wakes)
            self.wakes.append(key)
        return found, time

    # -- the hooks --------------------------------------------------------------------------
    def spawned(self, task: Any) -> None:
        self._register(task, self.journal.tick())

    def _register(self, task: Any, born: int) -> None:
        woke, woke_time = self._wake_of(task._woken)
        info = _TaskInfo(task, born, self._stack_of(task.coro), woke, woke_time)
        count = len(self.infos)
        if count % ALIVE_EVERY == 0:  # who is alive now: a past's tasks start from here
            self._alive_ticks.append(born)
            self._alive.append((count, tuple(sorted(self._index.values()))))
        self._index[task] = count
        self.infos.append(info)

    def listed_from(self, tick: int) -> list[int]:
        """The tasks that may be listed at ``tick``, in spawn order: those alive at the
        latest ``_alive`` mark by then, those born after it, the crashed (each then
        judged by ``RecordedKernel.tasks``): a day's few dozen, not all it ever ran."""
        at = bisect_right(self._alive_ticks, tick)
        count, alive = self._alive[at - 1] if at else (0, ())
        infos = self.infos
        later = []
        for index in range(count, len(infos)):
            if infos[index].born > tick:
                break
            later.append(index)
        crashed = [i for i in self._crashed if i < count and infos[i].born <= tick]
        return sorted({*alive, *crashed}) + later

    def after_run(self, task: Any) -> None:
        index = self._index.get(task)
        if index is None:
            found = self._gone.get(task)
            if found is None:
                return
            index = found
        kernel = self.kernel
        if kernel.holding:
            self._held(task, index)
            return
        journal = self.journal  # ``journal.tick()``, inlined: this runs after every step
        tick = journal._tick if journal._clock.now == journal._time else journal.tick()
        self._row(task, index, tick)
        if self._failed_listed:
            self._note_prune()

    def _row(self, task: Any, index: int, tick: int) -> None:
        wake_at = task.wake_at
        parked = task.parked_on
        woken = task._woken
        woke, woke_time = (0, woken) if type(woken) is float else self._wake_of(woken)
        # the chain of calls (``_stack_of``), its usual case inlined: coroutines down to
        # the kernel's trap, a generator (the code read from it: a frame's ``f_code``
        # raises an audit event each time)
        key: list[int] = []
        obj = task.coro
        while obj is not None:
            kind = type(obj)
            if kind is CoroutineType:
                frame = obj.cr_frame
                if frame is not None:
                    key += (id(obj.cr_code), frame.f_lasti)
                obj = obj.cr_await
            elif kind is GeneratorType:
                frame = obj.gi_frame
                if frame is not None:
                    key += (id(obj.gi_code), frame.f_lasti)
                obj = obj.gi_yieldfrom
            else:
                key = None  # type: ignore[assignment]
                break
        stack = self._stack_ids.get(tuple(key)) if key is not None else None
        if stack is None:
            stack = self._stack_of(task.coro)
        pending = self._pending
        pending.append(
            (
                tick,
                self.kernel.now,
                index,
                _CODE[task.state],
                _NAN if wake_at is None else wake_at,
                -1 if parked is None else self._queue_of(parked),
                stack,
                woke,
                woke_time,
                task.resumes,
            )
        )
        self.infos[index].rows.append(self.count)
        self.count += 1
        if len(pending) >= PENDING:
            self.flush()

    def flush(self) -> None:
        """Put the pending rows in the columns."""
        pending = self._pending
        if not pending:
            return
        count = len(pending)
        for column, values in zip(self._columns, zip(*pending, strict=True), strict=True):
            # packed in one go: a signed or float array converts each item it is given
            # through ``PyArg_Parse``, several times the cost of ``struct``'s own
            column.frombytes(pack(f"{count}{column.typecode}", *values))
        pending.clear()

    def _held(self, task: Any, index: int) -> None:
        """A step that held the loop in a plain call: it shows from the tick the hold began
        (what it did after the call shows at the call's end, its time); whoever is ready
        stays so, not run, until the loop is released."""
        kernel = self.kernel
        start = kernel.held_from
        tick = max(1, self.journal.key(start))
        self._row(task, index, tick)
        for waiting in kernel.ready:
            other = self._index.get(waiting)
            if other is not None:
                self.not_run.add(self.count)
                self._row(waiting, other, tick)
        block = kernel.blocks[-1]
        hold = (index, block.what, start, block.end)
        self.holds.append((tick, len(kernel.blocks), kernel.blocked, hold))
        self._hold_ticks.append(tick)

    def ended(self, task: Any) -> None:
        index = self._index.pop(task, None)
        if index is None:
            return
        now = self.kernel.now
        if now != self._gone_time:  # a waker that ended is named only by wakes of its time
            self._gone.clear()
            self._gone_time = now
        self._gone[task] = index
        info = self.infos[index]
        info.ended = self.journal.tick()
        if task.state == FAILED:
            info.error, info.traceback = task.error, task.traceback
            self._failed_listed = True
            self._crashed.append(index)

    def _note_prune(self) -> None:
        """A prune since we last looked (``Kernel.pruned_at``): at the tick it was made."""
        at = getattr(self.kernel, "pruned_at", -1.0)
        if at != self._pruned_seen:
            self._pruned_seen = at
            self.prunes.append(self.journal.key(at))

    # -- reading ---------------------------------------------------------------------------
    def last_row(self, index: int, tick: int) -> int:
        """The task's latest row by ``tick`` (-1: it has not run yet)."""
        self.flush()
        rows = self.infos[index].rows
        if not rows:
            return -1
        ticks = self.ticks
        if ticks[rows[-1]] <= tick:
            return rows[-1]
        at = bisect_right(rows, tick, key=ticks.__getitem__)
        return rows[at - 1] if at else -1

    def hold_at(self, tick: int) -> tuple[int, int, float, tuple[int, str, float, float]] | None:
        """The latest step by ``tick`` that held the loop, if any."""
        at = bisect_right(self._hold_ticks, tick)
        return self.holds[at - 1] if at else None

    def pruned_between(self, start: int, end: int) -> bool:
        """Was ``kernel.prune`` called at a tick in [start, end]?"""
        self._note_prune()
        prunes = self.prunes
        at = bisect_right(prunes, end)
        return at > 0 and prunes[at - 1] >= start


def describe_row(record: AwaitsRecord, row: int) -> str:
    """``Task.describe()`` as it read right after the resume of ``row``."""
    state = STATES[record.state[row]]
    wake_at = record.wake_at[row]
    if state == SLEEPING and wake_at == wake_at:
        return f"sleeping until {wake_at:.2f}"
    queue = record.park[row]
    if state == WAITING and queue >= 0:
        on = record.queues[queue][0]
        return f"waiting on {on.kind} {on.name}"
    if state == FAILED:
        return f"failed: {record.infos[record.task[row]].error!r}"
    return state


def handover(record: AwaitsRecord, row: int) -> Handover:
    """The hand-over of ``row``, as ``HandoverLog`` wrote it right after that resume."""
    name = record.infos[record.task[row]].name
    return Handover(record.times[row], name, describe_row(record, row), record.resume[row])


def handovers(record: AwaitsRecord, start: int, end: int, count: int) -> list[Handover]:
    """The last ``count`` hand-overs of rows ``start`` to ``end``, oldest first (a row of
    a task a held step left ready is none: it did not run)."""
    not_run = record.not_run
    if not not_run:
        return [handover(record, row) for row in range(max(start, end - count), end)]
    rows: list[int] = []
    row = end - 1
    while row >= start and len(rows) < count:
        if row not in not_run:
            rows.append(row)
        row -= 1
    return [handover(record, row) for row in reversed(rows)]


class RecordedHandovers(HandoverLog):
    """The hand-over log of a recorded kernel, read from its await records: they keep
    what the log keeps, a row per resume, so writing both would pay twice for each resume
    (the log's ``Task.describe()`` is the dearer half). Reads like ``HandoverLog``."""

    after_run = Instrument.after_run  # nothing to hear: the record's rows are the log

    def __init__(self, record: AwaitsRecord, maxlen: int | None) -> None:
        self.record = record
        self.maxlen = maxlen
        self._start = 0  # rows before this were cleared
        self._read: tuple[int, int, list[Handover]] = (-1, -1, [])

    @property
    def _log(self) -> list[Handover]:  # type: ignore[override]
        """The latest ``maxlen`` hand-overs (kept until the record grows or is cleared)."""
        record = self.record
        record.flush()
        end = len(record.ticks)
        seen_end, seen_start, log = self._read
        if (end, self._start) != (seen_end, seen_start):
            room = self.maxlen if self.maxlen is not None else end
            log = handovers(record, self._start, end, room)
            self._read = (end, self._start, log)
        return log

    def clear(self) -> None:
        self._start = self.record.count


def watching(kernel: Any) -> AwaitsRecord | None:
    """The kernel's awaits record, if one watches it."""
    for instrument in kernel.instruments:
        if isinstance(instrument, AwaitsRecord):
            return instrument
    return None


def past_at(journal: Any, tick: int, now: float) -> Past:
    """The journal's world at ``tick``; its kernel, if an awaits record watches it, read
    back as a ``RecordedKernel`` (else as the journal's own ``PastKernel``)."""
    record = watching(journal.kernel) if journal.kernel is not None else None
    if record is None:
        return Past(journal, tick, now)
    kernel = RecordedKernel(record, tick, now)
    past = Past(journal, tick, now, kernel=kernel)
    kernel.past = past
    return past


class RecordedKernel:
    """A recorded kernel as the panels see it at a past tick: its clock, its tasks (as
    ``PastTask``), nobody ready (but at tick 0), the hand-over log, its crashes.
    ``past`` (set once the ``Past`` that reads the world is made) gives the ghosts."""

    def __init__(self, record: AwaitsRecord, tick: int, now: float) -> None:
        record.flush()
        self.record = record
        self.tick = tick
        self.now = now
        self.past: Any = None
        self.current = None
        self.holding = False
        self.closed = False
        self._tasks: dict[int, PastTask] = {}
        self._listed: list[PastTask] | None = None
        live = record.kernel
        hold = record.hold_at(tick)
        self.blocks = live.blocks[: hold[1]] if hold is not None else []
        self.blocked = hold[2] if hold is not None else 0.0
        self._hold = hold[3] if hold is not None and now < hold[3][3] else None
        self.strict = live.strict
        crashes = record.journal.crashes
        self.crashes = [task for at, task in crashes if at <= tick]
        self._has_trace = live.trace is not None

    def release(self) -> None:
        """Done with this tick: let go of its tasks (they and this kernel refer to each
        other; cut, reference counting frees them at once)."""
        self._tasks = {}
        self._listed = None
        self.past = None

    def task(self, index: int) -> PastTask:
        found = self._tasks.get(index)
        if found is None:
            found = self._tasks[index] = PastTask(self, index)
        return found

    @property
    def busy(self) -> PastBlock | None:
        """The plain call that held the loop then (until its end), if one did."""
        if self._hold is None:
            return None
        index, what, start, end = self._hold
        return PastBlock(self.task(index), what, start, end)

    def overdue(self, task: PastTask) -> float:
        """While the loop was held: how long ``task`` had been due to run (``Kernel``'s)."""
        if self._hold is None or task.index == self._hold[0]:
            return 0.0
        if task.state == READY:
            return self.now - self._hold[2]
        if task.state == SLEEPING and task.wake_at is not None and task.wake_at <= self.now:
            return self.now - task.wake_at
        return 0.0

    @property
    def tasks(self) -> list[PastTask]:
        """Listed then, in spawn order: alive, or crashed and not pruned since (worked out
        once: the past does not change; a frame's panels ask several times)."""
        if self._listed is None:
            self._listed = self._list()
        return list(self._listed)

    def _list(self) -> list[PastTask]:
        record, tick = self.record, self.tick
        infos = record.infos
        shown = []
        for index in record.listed_from(tick):
            info = infos[index]
            ended = info.ended
            if ended is not None and ended <= tick:
                if info.error is None or record.pruned_between(ended, tick):
                    continue
                if self.task(index).state != FAILED:
                    continue
            shown.append(self.task(index))
        return shown

    @property
    def ready(self) -> tuple[PastTask, ...]:
        """After a tick's run nobody is ready, but while the loop is held (in the order
        they were left) and at tick 0 (the world as built, in spawn order)."""
        tasks = [t for t in self.tasks if t.state == READY]
        return tuple(sorted(tasks, key=lambda t: (t.row < 0, t.row)))

    @property
    def trace(self) -> list[Handover] | None:
        """The last ``HANDOVERS`` hand-overs by then (None if the kernel kept none)."""
        if not self._has_trace:
            return None
        record = self.record
        return handovers(record, 0, bisect_right(record.ticks, self.tick), HANDOVERS)

    def waiting_on_queue(self, queue: int) -> list[PastTask]:
        """Tasks parked on the interned queue then, first to be woken first."""
        parked = []
        for task in self.tasks:
            row = task.row
            if row >= 0 and self.record.park[row] == queue and task.state == WAITING:
                parked.append((row, task))
        parked.sort(key=lambda pair: pair[0])
        return [task for _row, task in parked]


class PastBlock(NamedTuple):
    """A plain call that held the loop, as ``blocking.Block`` (its task as it was then)."""

    task: PastTask
    what: str
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


class PastPark:
    """A wait queue as it was: what it is for, its verb, who waited there in order."""

    __slots__ = ("waitable", "verb", "_kernel", "_queue")

    def __init__(self, kernel: RecordedKernel, queue: int) -> None:
        waitable, self.verb = kernel.record.queues[queue]
        self.waitable = kernel.past.of(waitable)
        self._kernel, self._queue = kernel, queue

    @property
    def waiting(self) -> list[PastTask]:
        return self._kernel.waiting_on_queue(self._queue)

    def __len__(self) -> int:
        return len(self.waiting)


class PastTask:
    """A task as it was at the kernel's tick: the reads a ``Task`` answers, from its rows.
    Its coroutine is not kept (``coro`` is None): its chain of calls then is ``stack()``."""

    coro = None

    def __init__(self, kernel: RecordedKernel, index: int) -> None:
        record = kernel.record
        info = record.infos[index]
        self.kernel = kernel
        self.index = index
        self.name = info.name
        self.group = info.group
        self.daemon = info.daemon
        self.actor = kernel.past.of(info.actor)
        self.row = row = record.last_row(index, kernel.tick)
        self._info = info
        if row < 0:
            self.state = READY
            self.wake_at: float | None = None
            self.resumes = 0
            self._sleep_seq = -1
        else:
            self.state = STATES[record.state[row]]
            wake_at = record.wake_at[row]
            self.wake_at = None if wake_at != wake_at else wake_at
            self.resumes = record.resume[row]
            self._sleep_seq = row  # sleepers pushed in row order: wake-up ties go so
        ended = self.state in ENDED
        self.error = info.error if ended else None
        self.traceback = info.traceback if ended else ""

    def __repr__(self) -> str:
        return f"<past Task {self.name} {self.describe()} at tick {self.kernel.tick}>"

    @property
    def alive(self) -> bool:
        return self.state not in ENDED

    @property
    def parked_on(self) -> PastPark | None:
        if self.row < 0 or self.state != WAITING:
            return None
        queue = self.kernel.record.park[self.row]
        return PastPark(self.kernel, queue) if queue >= 0 else None

    @property
    def waiting_on(self) -> object:
        parked = self.parked_on
        return parked.waitable if parked is not None else None

    @property
    def woken_by(self) -> Wake:
        record, info = self.kernel.record, self._info
        if self.row < 0:
            woke, time = info.first_woke, info.first_woke_time
        else:
            woke, time = record.woke[self.row], record.woke_time[self.row]
        if woke == 0:
            return Wake(time, "timer")
        how, by, queue = record.wakes[woke]
        waker = self.kernel.task(by) if by >= 0 else None
        on = self.kernel.past.of(record.queues[queue][0]) if queue >= 0 else None
        return Wake(time, how, waker, on)  # type: ignore[arg-type]

    def describe(self) -> str:
        return self.describe_row(self.row)

    def describe_row(self, row: int) -> str:
        """``Task.describe()`` as it read right after the resume of ``row``."""
        return READY if row < 0 else describe_row(self.kernel.record, row)

    def stack(self) -> list[FrameInfo]:
        record = self.kernel.record
        at = self._info.first_stack if self.row < 0 else record.stack[self.row]
        return list(record.stacks[at])
