"""Plain blocking calls inside a task, and workers that run them off the loop.

A plain call (``time.sleep``, a synchronous database driver, a long computation) cannot
hand control back: it has no ``await``. So ``block(seconds)`` is a plain function too. It
charges its seconds to the loop's clock while the calling task keeps the loop: timers
expire and waits complete meanwhile, but no other task resumes until the loop is free
again (``Kernel.busy`` says until when), and then every overdue wake-up runs, in the order
it fell due. What the caller does after the call carries the time it happens at.

``run_in_worker(fn, ...)`` is the fix for pure work: ``fn`` runs on a worker (a thread in
asyncio's ``run_in_executor``), so its ``block`` charges the worker's clock, and the task
awaits the worker's result while the loop goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .traps import sleep

if TYPE_CHECKING:
    from .kernel import Kernel
    from .task import Task

R = TypeVar("R")


@dataclass(frozen=True)
class Block:
    """The loop was held by ``task`` in a plain call ``what`` from ``start`` to ``end``."""

    task: Task
    what: str
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


class Worker:
    """Where ``block`` charges its time inside ``run_in_worker``: the worker's own clock."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.spent = 0.0


ACTIVE_KERNELS: list[Kernel] = []  # the kernels in run_until right now, innermost last (kernel.py)
_WORKERS: list[Worker] = []  # workers running a plain call for a task, innermost last


def running_kernel() -> Kernel:
    """The kernel whose task is running this code (RuntimeError outside any task)."""
    if not ACTIVE_KERNELS or ACTIVE_KERNELS[-1].current is None:
        raise RuntimeError("a blocking call needs a running task: call it from a task")
    return ACTIVE_KERNELS[-1]


def block(seconds: float, what: str = "a blocking call") -> None:
    """A plain call that takes ``seconds`` (no ``await``: that is the point). On the loop
    it holds every other task up; inside ``run_in_worker`` it only takes the worker's time."""
    if not 0 <= seconds < float("inf"):
        raise ValueError(f"block needs a finite number of seconds >= 0, got {seconds}")
    if _WORKERS:
        _WORKERS[-1].spent += seconds
    elif seconds > 0:  # a call that takes no time holds nothing up
        running_kernel().block_current(float(seconds), what)
    else:
        running_kernel()  # still only from a task


async def run_in_worker(fn: Callable[..., R], *args: Any, name: str = "worker") -> R:
    """Run the plain function ``fn(*args)`` on a worker and await its result: the task
    waits (the loop runs the others) for as long as the work takes the worker."""
    worker = Worker(name)
    _WORKERS.append(worker)
    try:
        result = fn(*args)
    finally:
        _WORKERS.pop()
    await sleep(worker.spent)
    return result
