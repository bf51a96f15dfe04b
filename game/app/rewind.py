"""Time travel: any moment already lived is drawn again from the day's records.

Coroutines cannot be copied, so the past cannot be resumed; it need not be, to be shown.
Every world of the day keeps a journal of its changes (``scheduler/journal.py``) and a
record of its tasks' await points (``scheduler/awaits_record.py``), so the window reads a
past tick through ``past_worlds``: ghosts of the live shops and houses that answer every
read as it was then, found by bisection, whatever the distance; their kernels answer the
coroutine panels (inspector, code view, why-am-I-waiting) from the await records. A seek,
a held LEFT and a drag along the timeline cost a frame's drawing, not a re-run of the day.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scheduler.awaits_record import RecordedKernel, past_at
from .clock import TICK

if TYPE_CHECKING:
    from ..house import House
    from ..shop import Shop

Worlds = tuple["dict[str, Shop]", "dict[str, House]"]


def past_worlds(live: Worlds, tick: int) -> Worlds:
    """The day's worlds as they were at ``tick`` (at most the tick they have run to)."""
    shops, houses = live
    now = tick * TICK

    def ghost(world: Shop | House) -> object:
        return past_at(world.journal, tick, now).of(world)  # type: ignore[arg-type]

    return (
        {m: ghost(s) for m, s in shops.items()},  # type: ignore[misc]
        {m: ghost(h) for m, h in houses.items()},  # type: ignore[misc]
    )


def release(worlds: Worlds) -> None:
    """Done with these ghosts: their pasts let go of them (a ghost and its past refer to
    each other; cut, reference counting frees them at once, no collector needed)."""
    for world in [*worlds[0].values(), *worlds[1].values()]:
        past = getattr(world, "_ghost_in", None)
        if past is not None:
            kernel = world.kernel
            if isinstance(kernel, RecordedKernel):
                kernel.release()
            past.release()
