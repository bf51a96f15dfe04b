"""Real asyncio on a virtual clock: the reference the game's ``asyncio`` is compared with.

An ordinary selector event loop whose ``time()`` is a number, and whose selector, instead
of blocking for ``timeout`` seconds, moves that number on by ``timeout`` and polls at once.
So ``asyncio.sleep(8)`` takes no wall time, timers fire in the order of their virtual
times, and a program that would wait for ever is reported instead of hanging.
``to_thread`` runs its function at once in the loop's thread (an executor that finishes
every job as it is submitted): the function's outcome comes back through asyncio's usual
path (``call_soon_threadsafe``), without any wall time passing.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import selectors
from collections.abc import Callable, Coroutine
from typing import Any


class Stuck(RuntimeError):
    """Nothing is ready and no timer is due: the program would wait for ever."""


class _VirtualSelector(selectors.DefaultSelector):
    def __init__(self, loop: VirtualLoop) -> None:
        super().__init__()
        self._loop = loop

    def select(self, timeout: float | None = None):  # type: ignore[override]
        events = super().select(0)
        if events:
            return events
        if timeout is None:
            raise Stuck(f"nothing ready and no timer at t={self._loop.time():.3f}")
        if timeout > 0:
            self._loop.now += timeout
        return []


class _AtOnce(concurrent.futures.ThreadPoolExecutor):
    """Runs each job in the calling thread as it is submitted (never starts a thread)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any):  # type: ignore[override]
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to the awaiting task
            future.set_exception(exc)
        return future


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self) -> None:
        self.now = 0.0
        super().__init__(_VirtualSelector(self))
        self.set_default_executor(_AtOnce())

    def time(self) -> float:
        return self.now


def run(main: Coroutine[Any, Any, Any]) -> Any:
    """``asyncio.run`` on a virtual clock."""
    with asyncio.Runner(loop_factory=VirtualLoop) as runner:
        return runner.run(main)
