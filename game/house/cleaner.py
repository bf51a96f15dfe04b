"""A cleaner: a body the view draws, and the awaitable verbs the actors use.

Like the shop's ``Person``: every verb that takes time (walking, mopping) records what the
cleaner is doing and for how long, then sleeps that long in virtual time. The view reads
``pose``, ``facing`` and the walk ``segment`` to draw and interpolate.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..scheduler import sleep
from ..scheduler.journal import Recorded
from ..shop.people import Point, Segment, Timeline

if TYPE_CHECKING:
    from .world import House, Room

EPS = 1e-9
GLIDE = 0.7  # seconds to slide to the next dust pile while mopping (no extra time)


class Cleaner(Recorded):
    """You, or one of the helpers: position, pose, facing and a timeline of what they did."""

    role = "cleaner"

    def __init__(self, house: House, name: str, room: Room) -> None:
        self.house = house
        self.name = name
        self.room = room  # the room they are in
        self.going_to: Room | None = None  # the room they are walking to, while switching
        spot = room.spec.spot
        self.segment = Segment(spot, spot, 0.0, 0.0)
        self.pose = "idle"
        self.pose_since = 0.0
        self.facing = 1  # +1 right, -1 left
        self.timeline = Timeline()
        self.timeline.enter("idle", house.now)
        self.switches = 0

    def __repr__(self) -> str:
        return f"<cleaner {self.name} in {self.room.name}>"

    # -- what the view reads ---------------------------------------------------------
    @property
    def pos(self) -> Point:
        """Where they are, or where their walk ends (kept once: in the walk itself)."""
        return self.segment.b

    def position_at(self, t: float) -> Point:
        return self.segment.at(t)

    # -- small state changes ---------------------------------------------------------
    def set_pose(self, pose: str) -> None:
        if pose != self.pose:
            self.pose_since = self.house.now
        self.pose = pose

    def busy(self, label: str) -> None:
        self.timeline.enter(label, self.house.now)

    def face(self, target: Point) -> None:
        dx = target[0] - self.pos[0]
        if abs(dx) > 1:
            self.facing = 1 if dx > 0 else -1

    def glide_to(self, target: Point, seconds: float) -> None:
        """Slide to ``target`` over ``seconds`` without changing pose (mopping along)."""
        now = self.house.now
        self.face(target)
        self.segment = Segment(self.pos, target, now, now + seconds)

    # -- verbs that take time --------------------------------------------------------
    async def walk_to(self, target: Point) -> None:
        now = self.house.now
        duration = math.dist(self.pos, target) / self.house.config.walk_speed
        self.face(target)
        self.segment = Segment(self.pos, target, now, now + duration)
        if duration > 0:
            self.set_pose("walk")
            await sleep(duration)

    async def switch_to(self, room: Room) -> None:
        """Walk to ``room`` and get going there: time in which no room gets cleaner."""
        self.busy("switching")
        self.switches += 1
        self.going_to = room
        for point in self.house.route(self.room, room):
            await self.walk_to(point)
        self.room, self.going_to = room, None
        self.facing = 1  # turn to the dust
        self.set_pose("idle")  # bucket down, wring the mop, find where you stopped
        if self.house.config.switch_cost > 0:
            await sleep(self.house.config.switch_cost)

    async def mop(self, room: Room, seconds: float) -> None:
        """Mop ``room`` for ``seconds``: its dirt goes down steadily; nothing else happens here.

        The cleaner slides from dust pile to dust pile as the work passes each one, which
        costs no extra time: it is all part of the mopping.
        """
        seconds = min(seconds, room.remaining)
        self.busy("mopping")
        self.set_pose("mop")
        room.start_stroke(self, seconds)
        worked, end = room.done, room.done + seconds
        while worked < end - EPS:
            pile = room.pile_index(worked + EPS)
            self.glide_to(room.mop_spot(pile), min(GLIDE, room.pile_end(pile) - worked))
            self.facing = 1  # the mop reaches right, to the pile
            step = min(room.pile_end(pile), end) - worked
            await sleep(step)
            worked += step
        room.end_stroke(self)

    async def rest(self, seconds: float | None = None) -> None:
        """Done: wipe the brow for ``seconds`` (for good if None), then stand by."""
        self.busy("done")
        self.set_pose("tired")
        if seconds is not None:
            await sleep(seconds)
            self.set_pose("idle")
