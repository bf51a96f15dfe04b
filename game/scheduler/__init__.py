"""A small cooperative coroutine kernel on virtual time (stdlib only).

Why our own and not asyncio: the game must pause, single-step and replay exactly, so time
is a number the app advances in fixed ticks, never the wall clock.

The rules
- **Virtual time only.** ``Kernel.now`` moves only when the kernel's owner calls
  ``advance(dt)`` / ``run_until(t)`` / ``run()``; a task can never move it (it sleeps).
- **FIFO for equal times.** Wake-ups are ordered by (time, sequence number): tasks due at
  the same virtual time resume in the order they were scheduled, ready tasks in the order
  they became ready. Same program, same seed: same run, to the resume.
- **A task switches only at an ``await`` of one of our traps**, never in between, so the
  code between two awaits runs as one piece. A *trap* is the small object an awaitable
  yields to the kernel: ``(_SLEEP, seconds)`` for ``sleep``, ``Park`` for "suspend me on
  this wait queue", ``CURRENT`` for ``current_task()``. Anything else (an asyncio future,
  a bare number) is thrown back into the task as a ``TypeError``, so its ``finally`` runs.
- **Primitives talk to the kernel through one interface**, ``WaitQueue`` (like trio's
  ``ParkingLot`` and curio's scheduler queues): park the current task here, wake one, wake
  all. The kernel cancels a parked task through the same interface, and a unit or item
  handed to a task that is cancelled before it runs is handed back to pass on.
- **Crashes**: only an ``Exception`` is a task's crash (reported with its name);
  ``Cancelled`` ends a task as cancelled; ``KeyboardInterrupt``, ``SystemExit`` propagate.

Hooks: attach an ``Instrument`` (like curio's ``Activation``, trio's ``Instrument``) with
``Kernel.add_instrument``; it hears ``spawned``, ``woken`` (with a ``Wake`` record: the
timer, or the task that set / put / released / notified, on what, when), ``before_run``,
``after_run`` (the task now awaits something, or has ended) and ``ended``. With none
attached the hooks cost one falsy check. ``HandoverLog`` (the inspector's hand-over list,
``Kernel.record_handovers``) is one such observer; ``Task.woken_by`` keeps the latest wake.

Modules: ``traps`` (states, errors, what awaitables yield), ``waitqueue`` (the interface),
``primitives`` (Event, Condition, Queue, Semaphore, Lock), ``task``, ``instruments``,
``kernel``.
"""

from __future__ import annotations

from .instruments import Handover, HandoverLog, Instrument
from .kernel import Kernel
from .primitives import Condition, Event, Lock, Queue, Semaphore
from .task import FrameInfo, Task, Wake
from .traps import (
    CANCELLED,
    DONE,
    FAILED,
    READY,
    RUNNING,
    SLEEPING,
    WAITING,
    Cancelled,
    Deadlock,
    TaskCrashed,
    current_task,
    sleep,
)
from .waitqueue import Waitable, WaitQueue

__all__ = [
    "CANCELLED",
    "DONE",
    "FAILED",
    "READY",
    "RUNNING",
    "SLEEPING",
    "WAITING",
    "Cancelled",
    "Condition",
    "Deadlock",
    "Event",
    "FrameInfo",
    "Handover",
    "HandoverLog",
    "Instrument",
    "Kernel",
    "Lock",
    "Queue",
    "Semaphore",
    "Task",
    "TaskCrashed",
    "Wake",
    "WaitQueue",
    "Waitable",
    "current_task",
    "sleep",
]
