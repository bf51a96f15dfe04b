"""A level's day already lived, drawn again from its records (LEFT, HOME in a level).

The level's shop records as it runs, like the window's shops (a ``Journal`` of its model's
changes, an ``AwaitsRecord`` of its tasks' await points), so a tick already lived is a
ghost of the live shop read back then (``past_at``): the shop, the inspector and the code
view as they were, whatever the distance, nothing re-run. The one thing the records leave
out is handled here: level 2's coroutine that you and your crush hold (a local of their
frame, not an attribute: kept by tick as the day runs, ``note_held``). A step that held
the loop in a plain blocking call is in the await records like any other
(``AwaitsRecord._held``).
"""

from __future__ import annotations

from bisect import bisect_right

from ..scheduler.awaits_record import AwaitsRecord, RecordedKernel, past_at
from ..scheduler.journal import Journal
from ..shop import Shop
from .clock import TICK, tick_of


def journal() -> Journal:
    return Journal(tick_of)


def recorded(shop: Shop) -> Shop:
    """``shop`` (built with a journal) also keeps its tasks' await points."""
    assert shop.journal is not None, "a level's shop is built with a journal to record"
    AwaitsRecord.watch(shop.journal, shop.kernel)
    return shop


class LevelPast:
    """The past of one level day: ``at(tick)`` is the shop as it was at that tick."""

    def __init__(self, live: Shop) -> None:
        self.live = live
        self._past: tuple[int, Shop] | None = None
        self._held_ticks: list[int] = []
        self._held: list[object] = []

    def at(self, tick: int) -> Shop:
        """The day at ``tick`` (one it has lived): a ghost read back from the records."""
        assert self.live.journal is not None
        if self._past is not None and self._past[0] == tick:
            return self._past[1]
        self._release_past()
        ghost: Shop = past_at(self.live.journal, tick, tick * TICK).of(self.live)
        self._past = (tick, ghost)
        return ghost

    def note_held(self, tick: int, value: object) -> None:
        """What you and your crush hold as ``number`` at ``tick`` (level 2), if it changed."""
        if not self._held or self._held[-1] is not value:
            self._held_ticks.append(tick)
            self._held.append(value)

    def held_at(self, tick: int) -> object:
        at = bisect_right(self._held_ticks, tick)
        return self._held[at - 1] if at else None

    def _release_past(self) -> None:
        if self._past is not None:
            ghost = self._past[1]
            past = getattr(ghost, "_ghost_in", None)
            kernel = ghost.kernel
            if isinstance(kernel, RecordedKernel):
                kernel.release()
            if past is not None:
                past.release()
            self._past = None

    def close(self) -> None:
        self._release_past()
        self._held_ticks, self._held = [], []
