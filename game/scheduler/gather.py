"""``gather``: run awaitables side by side as tasks and wait for all their results.

Semantics follow ``asyncio.gather`` as documented: each coroutine runs as a task of its
own (they overlap, so the wait is about the longest, not the sum); results come back in
argument order, whatever order the children end in. With ``return_exceptions=False`` the
first exception raised (in time) propagates to the awaiting task, and the other children
are *not* cancelled: they run on. With ``return_exceptions=True`` exceptions are returned
in the result list like results. A cancelled child counts as raising ``Cancelled``. If the
task awaiting ``gather`` is cancelled, every child still running is cancelled too.

Children are kernel tasks, so an ``Exception`` in one is delivered to the gatherer, never
reported as a crash of its own (as asyncio's futures hold it for the awaiter).
"""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any

from .primitives import Event
from .traps import Cancelled, current_task


class _Outcome:
    __slots__ = ("ok", "value")

    def __init__(self, ok: bool, value: Any) -> None:
        self.ok = ok
        self.value = value


async def _child(
    coro: Coroutine[Any, Any, Any],
    index: int,
    outcomes: list[_Outcome | None],
    failures: list[BaseException],
    changed: Event,
) -> None:
    try:
        outcomes[index] = _Outcome(True, await coro)
    except Exception as exc:  # for the gatherer: held, like a future's exception
        outcomes[index] = _Outcome(False, exc)
        failures.append(exc)
    except Cancelled as exc:
        outcomes[index] = _Outcome(False, exc)
        failures.append(exc)
        raise
    finally:
        changed.set()


async def gather(*coros: Coroutine[Any, Any, Any], return_exceptions: bool = False) -> list[Any]:
    """Run ``coros`` as tasks side by side; return their results in argument order."""
    me = await current_task()
    kernel = me.kernel
    outcomes: list[_Outcome | None] = [None] * len(coros)
    failures: list[BaseException] = []
    changed = Event(f"{me.name} gathers")
    children = [
        kernel.spawn(
            _child(coro, i, outcomes, failures, changed),
            f"{me.name}: {getattr(coro, '__name__', 'child')}",
            group=me.group,
            daemon=me.daemon,
            actor=me.actor,
        )
        for i, coro in enumerate(coros)
    ]
    try:
        while True:
            if failures and not return_exceptions:
                raise failures[0]
            if all(o is not None for o in outcomes):
                return [o.value for o in outcomes if o is not None]
            changed.clear()
            await changed.wait()
    except Cancelled:
        for child in children:
            child.cancel()
        raise
