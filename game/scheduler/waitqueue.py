"""The one interface between synchronisation primitives and the kernel.

A primitive keeps its waiting tasks in a ``WaitQueue`` (trio's ``ParkingLot``, curio's
kernel queues): ``park()`` suspends the current task here, ``wake_one`` / ``wake_all`` make
parked tasks ready through ``Kernel.reschedule``, which records who woke whom. The kernel
in turn only calls ``admit`` (a task parks), ``discard`` (a parked task is cancelled) and
``handback`` (a woken task was cancelled before it could take what it was handed). No
primitive touches a task's or the kernel's private state, and the kernel never touches a
primitive's deque.
"""

from __future__ import annotations

import types
from collections import deque
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any

from .traps import Park

if TYPE_CHECKING:
    from .task import Task


class Waitable:
    """Anything tasks can be said to wait on: a kind and a name, for the inspector."""

    kind = "waitable"

    def __init__(self, name: str = "", *, kind: str = "") -> None:
        if kind:
            self.kind = kind
        self.name = name or self.kind

    def __repr__(self) -> str:
        return f"<{self.kind} {self.name!r}>"


class WaitQueue:
    """A FIFO of tasks parked on ``waitable``; each may leave a note (a putter's item).

    ``verb`` names what a waker does here ("set", "put", "released", ...) in wake records.
    ``handback(value)`` is called when a task woken with ``value`` is cancelled before it
    ran, so the primitive can pass the unit, item or notification on; ``on_discard(task)``
    when a parked task is cancelled, at that moment (``gather`` cancels its children then,
    as asyncio's gathering future does)."""

    __slots__ = ("waitable", "verb", "_tasks", "_notes", "_handback", "_on_discard", "_trap")

    def __init__(
        self,
        waitable: Waitable,
        verb: str,
        handback: Callable[[Any], None] | None = None,
        on_discard: Callable[[Task], None] | None = None,
    ) -> None:
        self.waitable = waitable
        self.verb = verb
        self._tasks: deque[Task] = deque()
        self._notes: dict[Task, Any] = {}
        self._handback = handback
        self._on_discard = on_discard
        self._trap = Park(self)  # made once: most parks leave no note

    def __repr__(self) -> str:
        return f"<WaitQueue {self.waitable!r}: {len(self._tasks)} parked>"

    def __len__(self) -> int:
        return len(self._tasks)

    def __bool__(self) -> bool:
        return bool(self._tasks)

    @property
    def waiting(self) -> list[Task]:
        """Parked tasks, first to be woken first."""
        return list(self._tasks)

    # -- what primitives call -------------------------------------------------------------
    @types.coroutine
    def park(self, note: Any = None) -> Generator[Any, Any, Any]:
        """Suspend the current task here until woken; returns what the waker handed over."""
        return (yield self._trap if note is None else Park(self, note))

    def first_note(self) -> Any:
        """The note the first parked task left (None if it left none)."""
        return self._notes.get(self._tasks[0])

    def wake_one(self, value: Any = None) -> Task | None:
        """Make the first parked task ready, handing it ``value``; None if nobody waits."""
        if not self._tasks:
            return None
        task = self._tasks.popleft()
        if self._notes:
            self._notes.pop(task, None)
        task.kernel.reschedule(task, value, self)
        return task

    def wake_all(self, value: Any = None) -> int:
        """Make every parked task ready, in order; returns how many."""
        woken = 0
        while self._tasks:
            self.wake_one(value)
            woken += 1
        return woken

    # -- what the kernel calls ------------------------------------------------------------
    def admit(self, task: Task, note: Any) -> None:
        """The kernel parks ``task`` here (it yielded our ``Park`` trap)."""
        self._tasks.append(task)
        if note is not None:
            self._notes[task] = note

    def discard(self, task: Task) -> None:
        """A parked task was cancelled: it leaves the line, note and all."""
        self._tasks.remove(task)
        self._notes.pop(task, None)
        if self._on_discard is not None:
            self._on_discard(task)

    def handback(self, value: Any) -> None:
        """A task woken here with ``value`` was cancelled before it ran: pass it on."""
        if self._handback is not None:
            self._handback(value)
