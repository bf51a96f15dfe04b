"""Tasks: a coroutine the kernel runs, what the inspector shows about it, who woke it."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from types import CodeType, CoroutineType, FrameType, GeneratorType
from typing import TYPE_CHECKING, Any, NamedTuple

from .primitives import Event
from .traps import (
    CANCELLED,
    ENDED,
    FAILED,
    READY,
    RUNNING,
    SLEEPING,
    WAITING,
    Cancelled,
)
from .waitqueue import Waitable, WaitQueue

if TYPE_CHECKING:
    from .kernel import Kernel

_HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


@dataclass(frozen=True)
class FrameInfo:
    """Where a coroutine is suspended: function, file and line (for the code view)."""

    function: str
    filename: str
    lineno: int
    code: CodeType

    @property
    def in_kernel(self) -> bool:
        """A frame of this package (a trap or a primitive), not of the story's code."""
        return os.path.abspath(self.filename).startswith(_HERE)


class Wake(NamedTuple):
    """Why a task became ready: at ``time``, ``how``, by which task, on what. (A named
    tuple, not a frozen dataclass: one is made at every wake the kernel reports, and a
    frozen dataclass sets each field through ``object.__setattr__``.)

    ``how`` is "timer" (its sleep ended), "spawned", "cancelled", or what the waker did on
    the waitable: "set" (an event), "put" (into a queue), "got" (from a full queue),
    "released" (a lock or semaphore), "notified" (a condition). ``by`` is None for a timer
    and for code outside any task (the app, a test)."""

    time: float
    how: str
    by: Task | None = None
    on: Waitable | None = None

    def __str__(self) -> str:
        if self.how == "timer":
            return f"its timer at {self.time:.2f}"
        who = self.by.name if self.by is not None else "outside the tasks"
        what = f" {self.on.kind} {self.on.name}" if self.on is not None else ""
        return f"{who} {self.how}{what} at {self.time:.2f}"


def await_frames(coro: Any) -> Iterator[FrameType]:
    """The frames of the chain of awaits a coroutine is suspended in, outermost first
    (``Task.stack``, and the await records' chains: the one walk, so the two agree)."""
    obj = coro
    while obj is not None:
        kind = type(obj)  # by type first: a failed attribute read raises, which is slow
        if kind is CoroutineType:  # the usual case
            frame, obj = obj.cr_frame, obj.cr_await
        elif kind is GeneratorType:  # the kernel's traps
            frame, obj = obj.gi_frame, obj.gi_yieldfrom
        else:
            try:  # anything else that looks like one
                frame, obj = obj.cr_frame, obj.cr_await
            except AttributeError:
                frame = getattr(obj, "gi_frame", None)
                obj = getattr(obj, "gi_yieldfrom", None)
        if frame is not None:
            yield frame


class Task:
    """A coroutine the kernel runs, plus what the inspector shows about it."""

    __slots__ = (
        "kernel",
        "coro",
        "name",
        "group",
        "daemon",
        "actor",
        "state",
        "wake_at",
        "parked_on",
        "result",
        "error",
        "traceback",
        "resumes",
        "_send",
        "_throw",
        "_sleep_seq",
        "_woken",
        "_finished",
        "_on_end",
        "__weakref__",
    )

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
        self.parked_on: WaitQueue | None = None
        self.result: Any = None
        self.error: BaseException | None = None
        self.traceback = ""
        self.resumes = 0
        self._send: Any = None
        self._throw: BaseException | None = None
        self._sleep_seq = -1  # identifies the live heap entry; stale ones are skipped
        # the latest wake: a float (its timer, at that time) or (time, by, how-or-queue)
        self._woken: float | tuple[float, Task | None, str | WaitQueue] = (
            kernel.now,
            kernel.current,
            "spawned",
        )
        self._finished: Event | None = None  # made on demand: most tasks are never joined
        self._on_end: list[Callable[[Task], None]] | None = None  # see ``on_end``

    def __repr__(self) -> str:
        return f"<Task {self.name} {self.describe()}>"

    @property
    def alive(self) -> bool:
        return self.state not in ENDED

    @property
    def waiting_on(self) -> Waitable | None:
        """What the task is parked on (an event, a queue, ...), or None."""
        return self.parked_on.waitable if self.parked_on is not None else None

    @property
    def woken_by(self) -> Wake:
        """The latest time the task was made ready, and who or what did it (once the task
        has ended, only when and how: ``by`` is then None)."""
        woken = self._woken
        if type(woken) is float:
            return Wake(woken, "timer")
        time, by, how = woken  # type: ignore[misc]
        if isinstance(how, WaitQueue):
            return Wake(time, how.verb, by, how.waitable)
        return Wake(time, how, by)

    def describe(self) -> str:
        """State in words: 'sleeping until 12.50', 'waiting on queue kitchen'."""
        if self.state == SLEEPING and self.wake_at is not None:
            return f"sleeping until {self.wake_at:.2f}"
        if self.state == WAITING and self.parked_on is not None:
            on = self.parked_on.waitable
            return f"waiting on {on.kind} {on.name}"
        if self.state == FAILED:
            return f"failed: {self.error!r}"
        return self.state

    def stack(self) -> list[FrameInfo]:
        """Frames from the task's own coroutine down to the innermost suspended one."""
        return [
            FrameInfo(frame.f_code.co_name, frame.f_code.co_filename, frame.f_lineno, frame.f_code)
            for frame in await_frames(self.coro)
        ]

    def cancel(self) -> None:
        """Throw ``Cancelled`` into the task at its current await (at its next resume); a
        running task that cancels itself gets it at its next await. Whatever a wait queue
        handed it and it has not taken yet goes back to be passed on."""
        if not self.alive or self._throw is not None:
            return
        self._throw = Cancelled()
        state, kernel = self.state, self.kernel
        if state == WAITING and self.parked_on is not None:
            self.parked_on.discard(self)
            kernel.wake_cancelled(self)
        elif state == SLEEPING:
            kernel.wake_cancelled(self)
        elif state == READY:
            woken = self._woken
            if type(woken) is tuple and isinstance(woken[2], WaitQueue):
                value, self._send = self._send, None
                self._woken = (woken[0], woken[1], woken[2].verb)  # handed back: only once
                woken[2].handback(value)
        elif state == RUNNING:
            kernel.cancel_current_at_next_await()

    def on_end(self, call: Callable[[Task], None]) -> None:
        """Call ``call(task)`` when the task ends, however it ends, even if it is cancelled
        before its first step and so never runs a line (at once if it has ended); like a
        future's done callback. For ``gather``, which must hear of every child's end."""
        if not self.alive:
            call(self)
        elif self._on_end is None:
            self._on_end = [call]
        else:
            self._on_end.append(call)

    @property
    def finished(self) -> Event:
        """Set when the task ends, however it ends."""
        if self._finished is None:
            self._finished = _Finished(self)
            if not self.alive:
                self._finished.set()
        return self._finished

    async def join(self) -> Any:
        """Wait until the task ends; returns its result, re-raises its error, and raises
        ``Cancelled`` if it was cancelled (as asyncio raises ``CancelledError``). A task
        joining itself would wait for ever: it raises ``RuntimeError`` at once, as asyncio's
        "Task cannot await on itself"."""
        if self.kernel.current is self:
            raise RuntimeError(f"task {self.name!r} cannot join itself")
        try:
            await self.finished.wait()
        except Cancelled:
            if not self.alive:
                raise  # it had ended already: only the joiner is cancelled
            # the joiner's cancellation cancelled this task too (as asyncio's ``await
            # task`` does); the joiner waits for its clean-up and takes how it ends
            while self.alive:
                with contextlib.suppress(Cancelled):  # cancelled again: so is this task
                    await self.finished.wait()
        if self.error is not None:
            raise self.error
        if self.state == CANCELLED:
            raise Cancelled(f"task {self.name!r} was cancelled")
        return self.result


class _Finished(Event):
    """A task's end, as an event; a joiner cancelled while it waits here cancels the task
    at that moment, as cancelling ``await task`` cancels the task in asyncio."""

    def __init__(self, task: Task) -> None:
        super().__init__(f"{task.name} finished")
        self._waiters = WaitQueue(self, "set", None, lambda joiner: task.cancel())
