"""People in the shop: where they are, what they are doing, and the awaitable verbs they use.

Every verb that takes time (walking, talking, cooking, eating) is ``await``-ed: it records
what the person is doing and for how long, then sleeps that long in virtual time. The view
reads ``pose``, ``facing`` and the current walk ``segment`` to draw and interpolate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from random import Random
from typing import TYPE_CHECKING

from ..scheduler import Event, sleep

if TYPE_CHECKING:
    from .layout import Table
    from .world import Shop

Point = tuple[float, float]


@dataclass
class Segment:
    """A straight walk from ``a`` at ``t0`` to ``b`` at ``t1``; the view interpolates it."""

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


@dataclass
class Phase:
    """One stretch of a timeline: ``label`` from ``start`` to ``end`` (None while it lasts)."""

    label: str
    start: float
    end: float | None = None

    def length(self, now: float) -> float:
        return (self.end if self.end is not None else now) - self.start


class Timeline:
    """What someone did when: the metrics and the inspector's strips read this."""

    def __init__(self) -> None:
        self.phases: list[Phase] = []

    def enter(self, label: str, now: float) -> None:
        if self.phases:
            last = self.phases[-1]
            if last.end is None:
                if last.label == label:
                    return
                last.end = now
        self.phases.append(Phase(label, now))

    def close(self, now: float) -> None:
        if self.phases and self.phases[-1].end is None:
            self.phases[-1].end = now

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


class Person:
    """Anyone with a body: position, pose (what the view animates), facing, what they hold."""

    def __init__(self, shop: Shop, name: str, role: str, pos: Point) -> None:
        self.shop = shop
        self.name = name
        self.role = role  # "boy", "girl", "cashier", "cook", "cashier_cook"
        self.pos = pos
        self.segment = Segment(pos, pos, 0.0, 0.0)
        self.pose = "idle"
        self.pose_since = 0.0
        self.facing = 1  # +1 right, -1 left
        self.carrying: object | None = None
        self.bubble = ""  # speech bubble the view shows: "order", "talk", "sad", ""
        self.seated = False
        self.visible = True

    def __repr__(self) -> str:
        return f"<{self.role} {self.name}>"

    def position_at(self, t: float) -> Point:
        return self.segment.at(t)

    def set_pose(self, pose: str, bubble: str = "") -> None:
        if pose != self.pose:
            self.pose_since = self.shop.now
        self.pose = pose
        self.bubble = bubble

    def face(self, target: Point) -> None:
        dx = target[0] - self.pos[0]
        if abs(dx) > 1:
            self.facing = 1 if dx > 0 else -1

    def start_walk(self, target: Point) -> float:
        """Begin walking to ``target``; returns how long it takes. The caller sleeps."""
        now = self.shop.now
        distance = math.dist(self.pos, target)
        duration = distance / self.shop.config.walk_speed
        self.face(target)
        self.seated = False
        self.segment = Segment(self.pos, target, now, now + duration)
        self.pos = target
        if duration > 0:
            self.set_pose("carry" if self.carrying else "walk")
        return duration

    def arrive(self) -> None:
        self.set_pose("idle")

    async def walk_to(self, target: Point) -> None:
        duration = self.start_walk(target)
        if duration > 0:
            await sleep(duration)
        self.arrive()

    async def do(self, pose: str, seconds: float, bubble: str = "") -> None:
        """Hold a pose for ``seconds`` of virtual time (ordering, cooking, eating...)."""
        self.set_pose(pose, bubble)
        if seconds > 0:
            await sleep(seconds)
        self.bubble = ""


class Staff(Person):
    """Cashier, cook or cashier-cook; busy/idle timeline gives utilisation."""

    def __init__(self, shop: Shop, name: str, role: str, pos: Point) -> None:
        super().__init__(shop, name, role, pos)
        self.timeline = Timeline()
        self.timeline.enter("idle", shop.now)
        self.home = pos

    def busy(self, label: str) -> None:
        self.timeline.enter(label, self.shop.now)

    def idle(self) -> None:
        self.timeline.enter("idle", self.shop.now)
        self.set_pose("idle")


@dataclass(eq=False)
class Order:
    """Two burgers for one couple; ``number`` is the turn number (concurrent shop only)."""

    id: int
    couple: Couple
    burgers: int
    number: int | None = None
    ready_at: float | None = None
    cook_time: float = 0.0
    tray: Tray | None = None


@dataclass(eq=False)
class Tray:
    """The burgers, moving from grill to pickup counter (or station) to table."""

    order: Order
    holder: str = "grill"  # "grill", "pickup", "station", a person's name, "table", "eaten"
    spot: Point = (0.0, 0.0)
    bites: int = 0

    @property
    def number(self) -> int | None:
        return self.order.number


@dataclass
class CouplePlan:
    """What is decided at the door (from the arrival RNG), so both shops get the same couple."""

    index: int  # arrival number, from 1
    arrive_at: float
    cook_time: float
    eat_time: float
    palette: int
    seed: int


@dataclass(eq=False)
class Couple:
    """'You and your crush': two people who arrive, order, wait, eat and leave together."""

    plan: CouplePlan
    you: Person
    crush: Person
    protagonist: bool
    rng: Random
    timeline: Timeline = field(default_factory=Timeline)
    order: Order | None = None
    number: int | None = None
    table: Table | None = None
    arrived: float = 0.0
    turn_at: float | None = None  # reached a cashier (end of the line)
    ordered_at: float | None = None  # paid: the wait for burgers starts
    served_at: float | None = None  # burgers in hand
    left_at: float | None = None
    burgers_eaten: int = 0
    caption: str = ""  # what the story says they are doing now

    @property
    def index(self) -> int:
        return self.plan.index

    @property
    def name(self) -> str:
        return f"couple #{self.index}"

    @property
    def people(self) -> tuple[Person, Person]:
        return (self.you, self.crush)

    @property
    def phase(self) -> str:
        return self.timeline.current

    def enter(self, phase: str, caption: str) -> None:
        self.timeline.enter(phase, self.you.shop.now)
        self.caption = caption

    async def walk_to(self, spot: Point, gap: float = 17.0) -> None:
        """Walk side by side (you on the left) to ``spot``; arrive together."""
        you, crush = self.you, self.crush
        duration = max(
            you.start_walk((spot[0] - gap, spot[1])), crush.start_walk((spot[0] + gap, spot[1]))
        )
        if duration > 0:
            await sleep(duration)
        you.arrive()
        crush.arrive()

    async def sit_at(self, seats: tuple[Point, Point]) -> None:
        you, crush = self.you, self.crush
        duration = max(you.start_walk(seats[0]), crush.start_walk(seats[1]))
        if duration > 0:
            await sleep(duration)
        for person, facing in ((you, 1), (crush, -1)):
            person.seated = True
            person.facing = facing
            person.set_pose("sit_talk")

    async def talk_until(self, ready: Event) -> None:
        """Flirt at the table until, at a glance, they see that ``ready`` has happened."""
        await talk_until(self, ready)

    def both(self, pose: str) -> None:
        self.you.set_pose(pose)
        self.crush.set_pose(pose)


async def talk_until(couple: Couple, ready: Event) -> None:
    """C5: talk bit by bit, glancing at the board now and then; stop only between bits.

    The number showing does not interrupt a sentence: they notice it at a glance, at a
    pause point, like a coroutine that only switches at an ``await``.
    """
    config = couple.you.shop.config
    speaker, listener = couple.you, couple.crush
    while True:
        speaker.set_pose("sit_talk", bubble="talk")
        listener.set_pose("sit_flirt")
        await sleep(couple.rng.uniform(0.6, 1.4) * config.talk_bit)
        speaker.bubble = ""
        speaker, listener = listener, speaker
        if couple.rng.random() < 0.55:  # now and then, a glance at the display
            glancer = couple.rng.choice(couple.people)
            glancer.set_pose("sit_glance")
            await sleep(config.glance_time)
            if ready.is_set():
                return
