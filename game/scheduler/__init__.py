"""A small cooperative coroutine kernel on virtual time (stdlib only).

Why our own and not asyncio: the game must pause, single-step and replay exactly, so time
is a number the app advances in fixed ticks, never the wall clock.

The rules
- **Virtual time only.** ``Kernel.now`` moves only when the kernel's owner calls
  ``advance(dt)`` / ``run_until(t)`` / ``run()``; a task can never move it (it sleeps).
- **FIFO for equal times.** Wake-ups are ordered by (time, sequence number): tasks due at
  the same virtual time resume in the order they were scheduled, ready tasks in the order
  they became ready. Every timer due at one time is made ready before any task they wake
  runs, and ``sleep(0)`` goes to the back of the ready line (both as in asyncio). Same
  program, same seed: same run, to the resume.
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

Against asyncio (``tests/scheduler/test_like_asyncio.py`` runs random programs over this
subset on both, asyncio on a virtual clock, and compares every task's times and outcomes):
cancellation, ``gather`` (siblings of a failed or cancelled child run on; a cancelled
awaiter cancels the children at once and gets its ``Cancelled`` when gather would have
had its answer: the first child ended cancelled or failed, or with ``return_exceptions``
every child's clean-up done), ``join`` (a cancelled joiner cancels the task it joins, as
``await task`` does; joining itself raises ``RuntimeError``), a task that cancels itself
ending cancelled even if it returns, ``Lock.release`` of an unlocked lock raising
``RuntimeError``, and queues (a cancelled ``put`` puts nothing; ``full()`` counts what is
handed over but not yet taken) agree. With
every task pausing a moment of its own after each step, 20,000 such programs agree
entirely. Where the kernel differs, on purpose (the same programs without the pauses: about
one in 45 differs, each time in who goes first within one instant):
- **Direct hand-over, no barging.** A released unit, a put item or a notification goes to
  the first waiter as it is woken; asyncio leaves it in place until the waiter runs, so a
  newcomer in the same instant may take it first (a second getter gets the item). Only
  the order *within one virtual instant* differs; a learner's program cannot tell
  otherwise without racing two tasks at the same instant.
- **Hops.** asyncio takes extra loop turns for future callbacks (a gather's result
  reaches its awaiter two turns after the last child ends); the kernel wakes at once. Again
  only the order within an instant, e.g. whether an ``Event.clear`` made in that instant
  comes before the awaiter looks.
- ``Queue.put_nowait`` on a full queue raises ``OverflowError`` (asyncio ``QueueFull``);
  ``Condition`` has no lock of its own; a ``Semaphore`` may be released above its start.
- ``len(queue)`` counts the items in it, not those handed to a getter that has not run.

Hooks: attach an ``Instrument`` (like curio's ``Activation``, trio's ``Instrument``) with
``Kernel.add_instrument``; it hears ``spawned``, ``woken`` (with a ``Wake`` record: the
timer, or the task that set / put / released / notified, on what, when), ``before_run``,
``after_run`` (the task now awaits something, or has ended) and ``ended``. With none
attached the hooks cost one falsy check. ``HandoverLog`` (the inspector's hand-over list,
``Kernel.record_handovers``) is one such observer; ``Task.woken_by`` keeps the latest wake.

Plain blocking calls (``block``) hold the loop: time runs on, nobody else resumes until
the call is over (``Kernel.busy``); ``run_in_worker`` runs such a call off the loop.
``gather`` runs coroutines side by side with ``asyncio.gather``'s semantics.

Modules: ``traps`` (states, errors, what awaitables yield), ``waitqueue`` (the interface),
``primitives`` (Event, Condition, Queue, Semaphore, Lock), ``task``, ``instruments``,
``blocking``, ``gather``, ``kernel``.
"""

from __future__ import annotations

from .blocking import Block, block, run_in_worker
from .gather import gather
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
    "Block",
    "block",
    "gather",
    "run_in_worker",
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
