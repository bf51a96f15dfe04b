"""Task states, the kernel's errors, and the traps: what our awaitables yield to the kernel.

A task can switch only where one of these is yielded, so this file is the complete list of
places where another task may run in between.
"""

from __future__ import annotations

import types
from collections.abc import Awaitable, Generator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .task import Task
    from .waitqueue import WaitQueue

# Task states, as shown by the inspector.
READY = "ready"
RUNNING = "running"
SLEEPING = "sleeping"
WAITING = "waiting"
DONE = "done"
FAILED = "failed"
CANCELLED = "cancelled"
ENDED = frozenset((DONE, FAILED, CANCELLED))


class Cancelled(BaseException):
    """Thrown into a task that is cancelled (a BaseException so ``except Exception`` skips it)."""


class TaskCrashed(RuntimeError):
    """Raised by ``advance`` in strict mode when a task raised; names the task."""

    def __init__(self, task: Task) -> None:
        super().__init__(f"task {task.name!r} crashed: {task.error!r}")
        self.task = task


class Deadlock(RuntimeError):
    """Nothing is ready or sleeping, yet non-daemon tasks wait: nobody can ever wake them."""


class Marker:
    """A named singleton trap (or part of one)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<{self.name}>"


CURRENT = Marker("current task")  # yields the running task back
SLEEP = Marker("sleep")  # (SLEEP, seconds): a tuple, the cheapest object to build per sleep


class Park:
    """Suspend the current task on ``queue`` (leaving ``note`` with it) until woken."""

    __slots__ = ("queue", "note")

    def __init__(self, queue: WaitQueue, note: Any = None) -> None:
        self.queue = queue
        self.note = note


@types.coroutine
def _sleep_trap(seconds: float) -> Generator[tuple[Marker, float], Any, None]:
    yield (SLEEP, seconds)


def sleep(seconds: float) -> Awaitable[None]:
    """Suspend the current task for ``seconds`` of virtual time (0 = yield to others;
    ``inf`` = for ever: such a task never wakes and the clock never reads infinity)."""
    if not seconds >= 0:  # also refuses NaN, which would break the heap's order
        raise ValueError(f"sleep needs seconds >= 0, got {seconds}")
    return _sleep_trap(float(seconds))


@types.coroutine
def _current_trap() -> Generator[Any, Any, Task]:
    return (yield CURRENT)


async def current_task() -> Task:
    """The task that is running this code."""
    return await _current_trap()
