"""The cleaners, each an ``async def`` that reads like the story.

Every ``await`` is a pause point where the scheduler may run someone else. Nothing here
ever *waits* for anything: mopping is all work. So one cleaner switching between rooms
(concurrency) cannot finish sooner than the sum of the work, while helpers mopping at the
same time (parallelism) finish when the biggest room is done.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cleaner import Cleaner

if TYPE_CHECKING:
    from .world import House, Room

REST = 3.0  # seconds a cleaner wipes their brow when their chores are done


async def one_cleaner(house: House, me: Cleaner) -> None:
    """Concurrent: you alone, a slice of each dirty room in turn (round-robin).

    While you mop one room, no other room gets any cleaner: one pair of hands, like one
    CPU running many tasks that never wait. Switching rooms only adds walking.
    """
    room: Room | None = me.room
    while room is not None:
        if room is not me.room:
            await me.switch_to(room)  # walk over and get going: nobody mops meanwhile
        await me.mop(room, house.config.slice)  # a slice of this room, then move on
        room = house.next_dirty_after(room)
    await me.rest()  # all of it was your work: worn out


async def helper(house: House, me: Cleaner, room: Room) -> None:
    """Parallel: one helper per room, all mopping at the same time; never a switch."""
    await me.mop(room, room.remaining)
    await me.rest(REST)  # one room each: a quick breather
