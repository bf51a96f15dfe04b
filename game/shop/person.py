"""A person in the shop: where they walk and when, what they are doing since when, what
they hold, and the awaitable verbs everyone shares (walk, do, carry).

Every verb that takes time is ``await``-ed: it records what the person is doing and since
when, then sleeps that long in virtual time. How it looks (sprite tags, facing, bubbles,
tray spots) is derived in ``game/view/poses.py``. Couples are ``couple.py``, the staff
``staff.py``; ``people.py`` gathers all three.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..scheduler import sleep
from ..scheduler.journal import Ghost, Past, RecList, Recorded

if TYPE_CHECKING:
    from .places import Counter, PickupCounter
    from .staff import Tray
    from .world import Shop

Point = tuple[float, float]
SEATED = frozenset(("sitting", "talking", "listening", "glancing", "eating"))


@dataclass(slots=True)
class Segment:
    """A straight walk from ``a`` at ``t0`` to ``b`` at ``t1``; the view interpolates it."""

    _as_is = True  # never changed in place: a new walk is a new segment

    a: Point
    b: Point
    t0: float
    t1: float

    def at(self, t: float) -> Point:
        if t >= self.t1 or self.t1 <= self.t0:
            return self.b
        if t <= self.t0:
            return self.a
        f = (t - self.t0) / (self.t1 - self.t0)
        return (self.a[0] + (self.b[0] - self.a[0]) * f, self.a[1] + (self.b[1] - self.a[1]) * f)


@dataclass(init=False)
class Phase(Recorded):
    """One stretch of a timeline: ``label`` from ``start`` to ``end`` (None while it lasts)."""

    label: str
    start: float
    end: float | None = None

    def __init__(self, label: str, start: float, end: float | None = None) -> None:
        self._begin(label=label, start=start, end=end)

    def _past_of(self, past: Past) -> Phase | Ghost:
        """As it was at the past's tick: itself once its end is set by then (a phase holds
        plain values, and only its end ever changes), else a ghost. A day's strips and
        charts read mostly closed phases."""
        if past.journal.settled(self.__dict__, "end", past.tick):
            return self
        return Ghost(self, past)

    def length(self, now: float) -> float:
        return (self.end if self.end is not None else now) - self.start


class Timeline(Recorded):
    """What someone did when: the metrics and the inspector's strips read this."""

    def __init__(self) -> None:
        self.phases: list[Phase] = RecList(grow=True)
        # seconds of the closed "idle" phases, added up as they close (in order, so the
        # same floats as a walk over them): utilisation without a walk over the day
        self.idle_done = 0.0

    def enter(self, label: str, now: float) -> None:
        if self.phases:
            last = self.phases[-1]
            if last.end is None:
                if last.label == label:
                    return
                self._end(last, now)
        self.phases.append(Phase(label, now))

    def close(self, now: float) -> None:
        if self.phases and self.phases[-1].end is None:
            self._end(self.phases[-1], now)

    def _end(self, phase: Phase, now: float) -> None:
        phase.end = now
        if phase.label == "idle":
            self.idle_done += phase.length(now)

    def idle_so_far(self, now: float) -> float:
        """Seconds idle until ``now``: the closed idle phases' sum plus the open one."""
        total = self.idle_done
        if self.phases:
            last = self.phases[-1]
            if last.end is None and last.label == "idle":
                total += last.length(now)
        return total

    @property
    def current(self) -> str:
        return self.phases[-1].label if self.phases and self.phases[-1].end is None else ""

    def total(self, label: str, now: float) -> float:
        return sum(p.length(now) for p in self.phases if p.label == label)

    def between(self, start: float, end: float) -> dict[str, float]:
        """Seconds per label inside the window [start, end]."""
        out: dict[str, float] = {}
        for p in self.phases:
            lo, hi = max(p.start, start), min(p.end if p.end is not None else end, end)
            if hi > lo:
                out[p.label] = out.get(p.label, 0.0) + hi - lo
        return out


class Person(Recorded):
    """Anyone with a body: where they walk and when, what they are doing since when, and
    what they hold. How that looks (sprite, facing, bubbles) is the view's business."""

    shop: Shop
    name: str
    role: str
    segment: Segment
    acting: tuple[str, float, bool]
    carrying: Tray | None
    visible: bool
    earlier: list[tuple[str, float, bool]] | None

    def __init__(self, shop: Shop, name: str, role: str, pos: Point) -> None:
        self._begin(
            shop=shop,
            name=name,
            role=role,  # "boy", "girl", "cashier", "cook", "cashier_cook"
            segment=Segment(pos, pos, 0.0, 0.0),
            # (a word from ACTIVITIES, when it began, saying something right now: ordering,
            # chatting, calling out): one value, as the three change together
            acting=("standing", shop.now, False),
            carrying=None,  # the Tray they hold
            visible=True,
            # (activity, since, speaking) before each change made while a plain blocking
            # call holds the loop: such changes lie ahead of the drawn time (made on demand)
            earlier=None,
        )

    def __repr__(self) -> str:
        return f"<{self.role} {self.name}>"

    @property
    def pos(self) -> Point:
        """Where they are, or where their walk ends (kept once: in the walk itself)."""
        return self.segment.b

    def position_at(self, t: float) -> Point:
        return self.segment.at(t)

    @property
    def activity(self) -> str:
        """What they are doing: a word from ACTIVITIES."""
        return self.acting[0]

    @property
    def since(self) -> float:
        """When the activity began."""
        return self.acting[1]

    @property
    def speaking(self) -> bool:
        """Saying something right now (ordering, chatting, calling out)."""
        return self.acting[2]

    @property
    def seated(self) -> bool:
        return self.acting[0] in SEATED

    def doing(self, activity: str, *, speaking: bool = False) -> None:
        """Start ``activity`` (its clock restarts only if it is a new one)."""
        acting = self.acting
        if activity != acting[0]:
            if self.shop.kernel.holding:
                self._remember()
            self.acting = (activity, self.shop.now, speaking)
        elif speaking is not acting[2]:  # (most calls leave it as it is: no change to keep)
            self.acting = (activity, acting[1], speaking)

    def hush(self) -> None:
        """Stop speaking; the activity goes on."""
        acting = self.acting
        if acting[2]:
            self.acting = (acting[0], acting[1], False)

    def _remember(self) -> None:
        earlier = self.earlier
        if earlier is None:
            earlier = self.earlier = RecList()
        earlier.append(self.acting)
        if len(earlier) > 4:
            del earlier[0]

    def shown_at(self, t: float) -> tuple[str, float, bool]:
        """(activity, since, speaking) as they were at virtual time ``t``: the same as now
        unless a change was stamped later than ``t`` (what a blocking call did)."""
        acting = self.acting
        if acting[1] <= t or not self.earlier:
            return acting
        for activity, since, speaking in reversed(self.earlier):
            if since <= t:
                return activity, since, speaking
        return self.earlier[0]

    def start_walk(self, target: Point) -> float:
        """Begin walking to ``target``; returns how long it takes. The caller sleeps."""
        now = self.shop.now
        distance = math.dist(self.pos, target)
        duration = distance / self.shop.config.walk_speed
        self.segment = Segment(self.pos, target, now, now + duration)
        if duration > 0:
            self.doing("walking")
        return duration

    def arrive(self) -> None:
        self.doing("standing")

    async def walk_to(self, target: Point) -> None:
        duration = self.start_walk(target)
        if duration > 0:
            await sleep(duration)
        self.arrive()

    async def do(self, activity: str, seconds: float, *, speaking: bool = False) -> None:
        """Spend ``seconds`` of virtual time on ``activity`` (ordering, cooking, eating...)."""
        self.doing(activity, speaking=speaking)
        if seconds > 0:
            await sleep(seconds)
        self.hush()

    def take(self, tray: Tray) -> None:
        """Pick the tray up: from now on it is in this person's hands."""
        self.carrying = tray
        tray.holder = self.name

    async def carry(self, tray: Tray, to: Point) -> None:
        self.take(tray)
        await self.walk_to(to)

    def put_down(self, tray: Tray, place: PickupCounter | Counter) -> None:
        """Put the cooked burgers down where their couple will find them."""
        self.carrying = None
        tray.order.ready_at = self.shop.now
        place.put(tray)
