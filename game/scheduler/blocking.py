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

The GIL, explicitly: a worker is a thread or a process. A thread shares the interpreter
with the loop, so a call that *holds the GIL* the whole time (one long C call such as
``sum(range(10**9))``, marked by ``holding_gil()``) still holds the loop from a thread:
the loop's thread cannot run a line of Python until it returns. A process has its own
interpreter and its own GIL, so nothing it does holds the loop. (Pure-Python work in a
thread lets go of the GIL every switch interval, 5 ms: the loop mostly goes on, modelled
here as fully free.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
    """Where ``block`` charges its time inside ``run_in_worker``: the worker's own clock.
    ``process``: a worker process (its own GIL), else a thread (the loop's GIL)."""

    def __init__(self, name: str, *, process: bool = False) -> None:
        self.name = name
        self.spent = 0.0
        self.process = process


ACTIVE_KERNELS: list[Kernel] = []  # the kernels in run_until right now, innermost last (kernel.py)
_WORKERS: list[Worker] = []  # workers running a plain call for a task, innermost last
_GIL: list[str] = []  # the calls holding the GIL right now, innermost last


@contextmanager
def holding_gil(what: str) -> Iterator[None]:
    """The plain calls inside hold the GIL the whole time (one long C call): on a thread
    they hold the loop as if called on it; only a process's time is its own."""
    _GIL.append(what)
    try:
        yield
    finally:
        _GIL.pop()


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
    worker = _WORKERS[-1] if _WORKERS else None
    if worker is not None and (worker.process or not _GIL):
        worker.spent += seconds
    elif seconds > 0:  # a call that takes no time holds nothing up
        if worker is not None:  # a thread holding the GIL: the loop's thread waits for it
            what = f"{_GIL[-1]}, holding the GIL in a thread"
        elif _GIL:
            what = _GIL[-1]
        running_kernel().block_current(float(seconds), what)
    else:
        running_kernel()  # still only from a task


async def run_in_worker(
    fn: Callable[..., R], *args: Any, name: str = "worker", process: bool = False
) -> R:
    """Run the plain function ``fn(*args)`` on a worker and await its result: the task
    waits (the loop runs the others) for as long as the work takes the worker."""
    worker = Worker(name, process=process)
    _WORKERS.append(worker)
    try:
        result = fn(*args)
    finally:
        _WORKERS.pop()
    await sleep(worker.spent)
    return result
