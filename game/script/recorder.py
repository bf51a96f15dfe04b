"""What a script's tasks do, written down as it happens: the record the view replays.

The recorder holds the virtual clock and sees the loop from two places only: every handle
the loop schedules (``scheduled``: a task woken or created, and by whom) and every task step
it runs (``begin`` / ``end``). It holds no task alive (weak keys), so Python's own messages
about dropped tasks ("Task exception was never retrieved") come when they would anyway.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import sys
import time
import traceback
import weakref
from dataclasses import dataclass, field
from types import FrameType
from typing import Any

REAL_PERF = time.perf_counter  # the wall clock, kept before the sandbox replaces it
CPU_MARK = 0.05  # a step holding the loop this long (wall seconds) is written down as CPU-bound
MAX_STEPS = 20_000
MAX_OUTPUT = 5_000
MAX_VIRTUAL = 7 * 86_400.0  # a week of virtual time, then the run is stopped
LOOP_OWN = ("BaseEventLoop.", "Runner.")
NO_NETWORK = "this view has no network; let `await asyncio.sleep(seconds)` stand for the I/O"
NO_PROGRAMS = "this view runs no other programs; let `await asyncio.sleep(seconds)` stand for it"
HERE = os.path.dirname(os.path.abspath(__file__))


class Stopped(SystemExit):
    """The run is stopped by us (refused call, watchdog, limit, deadlock), never by the
    script. A ``SystemExit`` so a script's ``except Exception`` cannot swallow it and asyncio
    lets it out of the loop."""

    kind = "stopped"

    def __init__(self, message: str, code: int = 1, line: int | None = None) -> None:
        super().__init__(code)
        self.message = message
        self.line = line


class Refused(Stopped):
    kind = "refused"

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message, 2, line)


class Watchdog(Stopped):
    kind = "watchdog"


class Deadlock(Stopped):
    kind = "deadlock"


class Limit(Stopped):
    kind = "limit"


def stamp(t: float) -> float:
    """Virtual times as the record keeps them: microseconds, no float noise."""
    return round(t, 6) + 0.0


@dataclass
class TaskRecord:
    id: int
    name: str
    coro: str
    events: list[dict[str, Any]] = field(default_factory=list)
    line: int | None = None  # where it is now (or was last) in the script
    first: int | None = None  # its coroutine's def line, where its first step starts

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "coro": self.coro, "events": self.events}


class Recorder:
    """The virtual clock and the record of one script run."""

    def __init__(self, script: str) -> None:
        self.script = os.path.abspath(script)
        self.folder = os.path.dirname(self.script)
        self.clock = 0.0
        self.seq = 0
        self.tasks: list[TaskRecord] = []
        self.by_task: weakref.WeakKeyDictionary[asyncio.Task, TaskRecord] = (
            weakref.WeakKeyDictionary()
        )
        self.output: list[dict[str, Any]] = []
        self.blocked: list[dict[str, Any]] = []
        self.cpu: list[dict[str, Any]] = []
        self.wakes: list[dict[str, Any]] = []
        self.current: TaskRecord | None = None  # the task whose step runs now
        self.waker: int | str | None = None  # who runs now outside a step ("clock", a task)
        self.step_start: float | None = None  # wall time the running step began
        self.hot: int | None = None  # the script line a long step was seen computing at
        self.thread: float | None = None  # virtual seconds spent inside a to_thread call
        self.loops = 0
        self.steps = 0
        self.stop: dict[str, Any] | None = None
        self.error: str | None = None
        self.parked: weakref.WeakKeyDictionary[Any, weakref.ref] = weakref.WeakKeyDictionary()
        self.hidden: weakref.WeakSet[asyncio.Task] = weakref.WeakSet()
        self.threads: dict[int, str] = {}  # id(future) -> what a to_thread call stands for

    # -- time ------------------------------------------------------------------------------
    def now(self) -> float:
        """Virtual time, seen from inside a ``to_thread`` call too."""
        return self.clock + (self.thread or 0.0)

    def advance(self, seconds: float) -> None:
        if self.clock + seconds > MAX_VIRTUAL:
            self.clock = MAX_VIRTUAL
            raise self.stopped(Limit(f"stopped at {MAX_VIRTUAL / 86400:g} days of virtual time"))
        self.clock += seconds

    def block(self, seconds: float, frame: FrameType | None) -> None:
        """``time.sleep`` in the script: the loop (or a to_thread call) is held ``seconds``."""
        if self.thread is not None:
            self.thread += seconds
            return
        line = self.line_of(frame)
        self.blocked.append(
            {
                "seq": self.next(),
                "t": stamp(self.clock),
                "seconds": stamp(seconds),
                "line": line,
                "task": self.current.id if self.current else None,
            }
        )
        self.advance(seconds)

    # -- where in the script ---------------------------------------------------------------
    def mine(self, filename: str) -> bool:
        return os.path.abspath(filename) == self.script

    def line_of(self, frame: FrameType | None) -> int | None:
        """The innermost line of the script on the stack from ``frame`` outwards."""
        while frame is not None:
            if self.mine(frame.f_code.co_filename):
                return frame.f_lineno
            frame = frame.f_back
        return None

    def next(self) -> int:
        self.seq += 1
        return self.seq

    # -- tasks -----------------------------------------------------------------------------
    def scheduled(self, task: asyncio.Task, step: bool) -> None:
        """The loop was asked to run ``task``'s next step (``step``) or to wake it (a future
        it awaited is done): it is created, or ready, woken by whoever runs now."""
        rec = self.by_task.get(task)
        if rec is None:
            if task not in self.hidden:
                self.new_task(task)
            return
        rec.name = task.get_name()
        if rec is self.current:
            return  # a bare yield (sleep(0)): ``end`` writes it down as ready
        by = self.current.id if self.current is not None else self.waker
        what = rec.events[-1].get("what") if rec.events else None
        self.event(rec, "ready", rec.line, by=by)
        if by is not None:
            self.wakes.append(
                {"seq": self.seq, "t": stamp(self.clock), "from": by, "to": rec.id, "what": what}
            )

    def new_task(self, task: asyncio.Task) -> TaskRecord | None:
        coro = task.get_coro()
        if getattr(coro, "__qualname__", "").startswith(LOOP_OWN):
            self.hidden.add(task)  # asyncio.run's own clean-up, not the script's
            return None
        code = getattr(coro, "cr_code", None) or getattr(coro, "gi_code", None)
        rec = TaskRecord(
            id=len(self.tasks) + 1,
            name=task.get_name(),
            coro=getattr(coro, "__qualname__", type(coro).__name__),
            first=code.co_firstlineno if code and self.mine(code.co_filename) else None,
        )
        self.tasks.append(rec)
        self.by_task[task] = rec
        by = self.current.id if self.current is not None else None
        self.event(rec, "created", self.line_of(sys._getframe(1)), by=by)
        rec.line = rec.first
        return rec

    def event(self, rec: TaskRecord, state: str, line: int | None, **extra: Any) -> None:
        entry: dict[str, Any] = {"seq": self.next(), "t": stamp(self.clock), "state": state}
        entry["line"] = line
        entry.update((k, v) for k, v in extra.items() if v is not None)
        rec.events.append(entry)

    def begin(self, task: asyncio.Task) -> TaskRecord | None:
        rec = self.by_task.get(task)
        if rec is None:
            return None
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise self.stopped(Limit(f"stopped after {MAX_STEPS:,} task steps"))
        rec.name = task.get_name()  # set_name may have renamed it
        self.event(rec, "running", rec.line)
        self.current = rec
        self.step_start = REAL_PERF()
        return rec

    def end(self, rec: TaskRecord, task: asyncio.Task) -> None:
        wall = REAL_PERF() - (self.step_start or REAL_PERF())
        hot, self.hot = self.hot, None
        self.current, self.step_start = None, None
        if wall >= CPU_MARK:
            self.cpu.append(
                {
                    "seq": self.seq,
                    "t": stamp(self.clock),
                    "seconds": round(wall, 3),
                    "line": hot if hot is not None else rec.line,
                    "task": rec.id,
                }
            )
        if task.done():
            self.finished(rec, task)
            return
        waiter = getattr(task, "_fut_waiter", None)
        frames = chain(task.get_coro())
        line = self.deepest(frames)
        rec.line = line if line is not None else rec.line
        calls = [
            [f.f_code.co_name, os.path.basename(f.f_code.co_filename), f.f_lineno] for f in frames
        ]
        if waiter is None:
            self.event(rec, "ready", rec.line, chain=calls)
            return
        with contextlib.suppress(TypeError):  # a future without weak references: see __self__
            self.parked[waiter] = weakref.ref(task)
        kind, what = self.describe(frames, waiter)
        self.event(rec, "awaiting", rec.line, kind=kind, what=what, chain=calls)

    def finished(self, rec: TaskRecord, task: asyncio.Task) -> None:
        if task.cancelled():
            self.event(rec, "cancelled", rec.line)
            return
        error = getattr(task, "_exception", None)
        if error is None:
            self.event(rec, "done", rec.line)
            return
        if isinstance(error, Stopped):
            task.exception()  # ours, not the script's: Python need not log it as lost
            self.event(rec, "stopped", rec.line, error=error.message)
            return
        text = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        line = self.traceback_line(error.__traceback__)
        self.event(
            rec,
            "failed",
            line if line is not None else rec.line,
            error=f"{type(error).__name__}: {error}",
            traceback=text,
        )

    def traceback_line(self, tb: Any) -> int | None:
        line = None
        while tb is not None:
            if self.mine(tb.tb_frame.f_code.co_filename):
                line = tb.tb_lineno
            tb = tb.tb_next
        return line

    def deepest(self, frames: list[FrameType]) -> int | None:
        lines = [f.f_lineno for f in frames if self.mine(f.f_code.co_filename)]
        return lines[-1] if lines else None

    def parked_on(self, future: Any) -> asyncio.Task | None:
        """The task that awaits ``future`` (what a wake-up callback without ``__self__``,
        as on Python 3.10, is for)."""
        try:
            ref = self.parked.get(future)
        except TypeError:
            return None
        return ref() if ref is not None else None

    # -- what a task awaits ----------------------------------------------------------------
    def describe(self, frames: list[FrameType], waiter: Any) -> tuple[str, str]:
        """(kind, words) for what a suspended task awaits, read from its frames: the first
        library call under the script's own lines, and the future it is parked on."""
        mine = [i for i, f in enumerate(frames) if self.mine(f.f_code.co_filename)]
        below = frames[mine[-1] + 1 :] if mine else frames
        user = [frames[i] for i in mine]
        if id(waiter) in self.threads:
            return "thread", self.threads[id(waiter)]
        for frame in below:
            name, owner = frame.f_code.co_name, frame.f_locals.get("self")
            if name == "sleep" and "delay" in frame.f_locals:
                handle = frame.f_locals.get("h")
                until = handle.when() if handle is not None else self.clock
                return "sleep", f"sleep until {stamp(until):g} s"
            if isinstance(owner, asyncio.Queue):
                return "queue", f"{self.named(owner, user, 'Queue')}.{name}()"
            if isinstance(owner, asyncio.Event):
                return "event", f"{self.named(owner, user, 'Event')}.wait()"
            if isinstance(owner, asyncio.Condition):
                return "lock", f"{self.named(owner, user, 'Condition')}.{name}()"
            if isinstance(owner, (asyncio.Lock, asyncio.Semaphore)):
                kind = type(owner).__name__
                return "lock", f"{self.named(owner, user, kind)}.{name}()"
            if name == "__aexit__" and type(owner).__name__ == "TaskGroup":
                return "taskgroup", "TaskGroup: its children"
            if name == "wait_for":
                return "wait_for", "wait_for(" + self.waiter_words(waiter, user) + ", timeout)"
        kind = "task" if isinstance(waiter, asyncio.Task) else "future"
        if type(waiter).__name__ == "_GatheringFuture":
            kind = "gather"
        return kind, self.waiter_words(waiter, user)

    def waiter_words(self, waiter: Any, user: list[FrameType]) -> str:
        if isinstance(waiter, asyncio.Task):
            rec = self.by_task.get(waiter)
            if rec is not None:
                rec.name = waiter.get_name()  # named after its first call_soon, by create_task
            return f"task {waiter.get_name()}"
        children = getattr(waiter, "_children", None)
        if children is not None:
            names = [c.get_name() for c in children if isinstance(c, asyncio.Task)]
            return "gather(" + ", ".join(names) + ")"
        return self.named(waiter, user, "a future")

    def named(self, obj: Any, user: list[FrameType], kind: str) -> str:
        """``kind`` with the script's own name for ``obj`` when a variable holds it."""
        for frame in reversed(user):
            for scope in (frame.f_locals, frame.f_globals):
                for name, value in scope.items():
                    if value is obj and not name.startswith("_"):
                        return f"{kind} {name!r}" if kind[0].isupper() else name
        return kind

    # -- output ----------------------------------------------------------------------------
    def write(self, stream: str, text: str) -> None:
        if len(self.output) >= MAX_OUTPUT:
            return
        self.output.append(
            {
                "seq": self.next(),
                "t": stamp(self.now()),
                "text": text,
                "stream": stream,
                "task": self.current.id if self.current else None,
            }
        )

    def stopped(self, stop: Stopped) -> Stopped:
        if self.stop is None:
            self.stop = {
                "kind": stop.kind,
                "message": stop.message,
                "line": stop.line,
                "t": stamp(self.clock),
                "seq": self.next(),
            }
        return stop

    def as_json(self, code: int) -> dict[str, Any]:
        output = sorted(self.output, key=lambda o: o["t"])  # to_thread prints, in time order
        with open(self.script, encoding="utf-8", errors="replace") as source:
            text = source.read()
        return {
            "script": os.path.basename(self.script),
            "source": text,
            "python": sys.version.split()[0],
            "exit": code,
            "end": stamp(self.clock),
            "steps": self.steps,
            "stop": self.stop,
            "error": self.error,
            "tasks": [t.as_json() for t in self.tasks],
            "output": output,
            "blocked": self.blocked,
            "cpu": self.cpu,
            "wakes": self.wakes,
        }


def chain(coro: Any) -> list[FrameType]:
    """The frames of a suspended coroutine down its ``cr_await`` chain, outermost first."""
    frames = []
    while coro is not None and len(frames) < 50:
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
        if frame is None:
            break
        frames.append(frame)
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
    return frames
