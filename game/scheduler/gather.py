"""``gather``: run awaitables side by side as tasks and wait for all their results.

Semantics follow ``asyncio.gather`` as documented: each coroutine runs as a task of its
own (they overlap, so the wait is about the longest, not the sum); results come back in
argument order, whatever order the children end in. With ``return_exceptions=False`` the
first exception raised (in time) propagates to the awaiting task, and the other children
are *not* cancelled: they run on. A cancelled child counts as raising ``Cancelled`` (its
siblings run on too). With ``return_exceptions=True`` exceptions, ``Cancelled`` included,
are returned in the result list like results.

If the task awaiting ``gather`` is cancelled, every child still running is cancelled at
that moment (a ready child does not run another step first), and the awaiter gets its
``Cancelled`` when gather would have had its answer, as asyncio's gathering future:
without ``return_exceptions``, as soon as a child ends cancelled (or with an error: that
error is raised instead, as asyncio does); with it, once every child has ended, its
clean-up done. A gather awaited with a cancellation pending starts its children and
cancels them at once; a child cancelled before its first step never runs, and its
coroutine is closed (no "never awaited" warning).

Children are kernel tasks, so an ``Exception`` in one is delivered to the gatherer, never
reported as a crash of its own (as asyncio's futures hold it for the awaiter).
"""

from __future__ import annotations

import contextlib
from collections.abc import Coroutine
from typing import Any

from .task import Task
from .traps import Cancelled, current_task
from .waitqueue import Waitable, WaitQueue


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


async def gather(*coros: Coroutine[Any, Any, Any], return_exceptions: bool = False) -> list[Any]:
    """Run ``coros`` as tasks side by side; return their results in argument order."""
    if not coros:
        return []
    me = await current_task()
    kernel = me.kernel
    outcomes: list[_Outcome | None] = [None] * len(coros)
    failures: list[BaseException] = []
    children: list[Task] = []

    def complete() -> bool:
        """Gather has its answer: every outcome, or (without ``return_exceptions``) the
        first failure. Only then is the awaiter woken, as asyncio's gathering future."""
        return bool(failures and not return_exceptions) or all(o is not None for o in outcomes)

    def ended(index: int, child: Task) -> None:
        """A child's end, as a future's done callback: heard even from a child cancelled
        before its first step, which never ran ``_child`` (its coroutine is closed)."""
        if outcomes[index] is None:
            coros[index].close()
            outcomes[index] = _Outcome(False, Cancelled())
            failures.append(outcomes[index].value)  # type: ignore[union-attr]
        if complete():
            changed.wake_all()

    abandoned = []  # the awaiter was cancelled while it waited here

    def cancel_children(_: Task | None = None) -> None:
        abandoned.append(True)
        for child in children:
            child.cancel()

    on = Waitable(f"{me.name} gathers", kind="gather")
    changed = WaitQueue(on, "ended", None, cancel_children)
    for i, coro in enumerate(coros):
        child = kernel.spawn(
            _child(coro, i, outcomes, failures),
            f"{me.name}: {getattr(coro, '__name__', 'child')}",
            group=me.group,
            daemon=me.daemon,
            actor=me.actor,
        )
        child.on_end(lambda task, i=i: ended(i, task))
        children.append(child)
    try:
        while not complete():
            await changed.park()
    except Cancelled as cancelled:
        if not abandoned:  # gather had its answer already: only the awaiter is cancelled
            raise
        while not complete():  # cancelled again meanwhile: so are the children, again
            with contextlib.suppress(Cancelled):
                await changed.park()
        if failures and not return_exceptions and not isinstance(failures[0], Cancelled):
            raise failures[0] from None  # asyncio hands on a child's error even so
        raise cancelled
    if failures and not return_exceptions:
        raise failures[0]  # the siblings run on
    return [o.value for o in outcomes if o is not None]
