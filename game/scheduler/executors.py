"""``concurrent.futures``' two pools as the game serves them: where a plain call runs.

``loop.run_in_executor(pool, fn, *args)`` in the learner's code (``aio._Loop``) runs ``fn``
on a worker of the pool's kind: a thread of a ``ThreadPoolExecutor`` (or of the default
pool, ``None``, as ``asyncio.to_thread``) shares the loop's GIL; a process of a
``ProcessPoolExecutor`` has its own (``blocking.holding_gil``). No thread or process is
started: the work is charged to the worker's virtual clock. ``submit`` is not served, so
no code waits on a pool's future with a plain ``.result()`` that the game cannot see.
"""

from __future__ import annotations

from typing import Any


class NotServed(Exception):
    """A part of ``concurrent.futures`` the game does not serve."""


class Executor:
    """A pool: its kind and size, usable as a context manager like the real one."""

    process = False
    kind = "Executor"

    def __init__(self, max_workers: int | None = None, *args: Any, **kwargs: Any) -> None:
        if max_workers is not None and max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        self.max_workers = max_workers
        self.closed = False

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        raise NotServed(
            f"{self.kind}.submit is not in this kitchen: "
            "await loop.run_in_executor(pool, fn, *args) instead"
        )

    def map(self, fn: Any, *iterables: Any, **kwargs: Any) -> Any:
        raise NotServed(
            f"{self.kind}.map is not in this kitchen: "
            "await loop.run_in_executor(pool, fn, *args) instead"
        )

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.closed = True

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()

    def __repr__(self) -> str:
        return f"<{self.kind} max_workers={self.max_workers}>"


class ThreadPoolExecutor(Executor):
    """Threads: they share the loop's GIL."""

    kind = "ThreadPoolExecutor"


class ProcessPoolExecutor(Executor):
    """Processes: each has its own interpreter and GIL."""

    process = True
    kind = "ProcessPoolExecutor"
