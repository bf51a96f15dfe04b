"""The house: rooms with dirt, the cleaners, and the scheduler they all run on.

API for the game window (same shape as the shop)::

    house = House(HouseConfig(mode="parallel", seed=1))
    house.advance(TICK)              # or house.kernel.run_until(t): virtual time only moves here
    house.now, house.done, house.finished_at
    room.clean_fraction_at(house.now)  # 0..1, smooth while a room is being mopped
    forecast(house.config).finish_times  # both modes' finish times (metrics.py, cached)
    house.close()                    # when dropping it early (restart)

Dirt is measured in seconds of mopping a room still needs. It only goes down while
somebody mops that room: cleaning has nothing to wait for, only work.
"""

from __future__ import annotations

import math
from random import Random

from ..scheduler import Kernel
from ..scheduler.journal import Journal, RecList, Recorded
from . import actors
from .cleaner import EPS, Cleaner
from .config import CONCURRENT, HouseConfig
from .layout import ROOMS, Point, RoomSpec, route

PILES = 4  # dust piles per room; each goes when its share of the work is done


class Room(Recorded):
    """One room to clean: how much work it needs, how much is done, who mops it when."""

    def __init__(self, spec: RoomSpec, work: float, piles: list[Point]) -> None:
        self.spec = spec
        self.work = work  # seconds of mopping it needs in all
        self.done = 0.0  # seconds of mopping finished before the current stroke
        self.stroke: tuple[float, float] | None = None  # (start, end) of the mopping now
        # (start, end, who): the history
        self.strokes: list[tuple[float, float, str]] = RecList(grow=True)
        self.mopper: Cleaner | None = None
        self.finished_at: float | None = None
        self.piles = piles  # dust pile spots, left to right

    def __repr__(self) -> str:
        return f"<room {self.name} {self.done:.1f}/{self.work:.1f}>"

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def index(self) -> int:
        return self.spec.index

    @property
    def remaining(self) -> float:
        return max(0.0, self.work - self.done)

    @property
    def clean(self) -> bool:
        return self.finished_at is not None

    # -- what the view reads ---------------------------------------------------------
    def worked_at(self, t: float) -> float:
        """Seconds of mopping done by time ``t`` (counts the stroke in progress)."""
        if self.stroke is None:
            return self.done
        start, end = self.stroke
        return self.done + min(max(t - start, 0.0), end - start)

    def clean_fraction_at(self, t: float) -> float:
        return min(1.0, self.worked_at(t) / self.work) if self.work > 0 else 1.0

    def mopped_at(self, t: float) -> bool:
        """Is somebody mopping this room at time ``t``?"""
        return self.stroke is not None and self.stroke[0] <= t < self.stroke[1]

    # -- dust piles ------------------------------------------------------------------
    def pile_index(self, worked: float) -> int:
        """Which pile the mop is on after ``worked`` seconds of work."""
        return min(len(self.piles) - 1, int(worked / self.work * len(self.piles)))

    def pile_end(self, pile: int) -> float:
        """Seconds of work after which pile ``pile`` is gone."""
        return self.work * (pile + 1) / len(self.piles)

    def mop_spot(self, pile: int) -> Point:
        x, y = self.piles[pile]
        return (x - 30, y + 6)  # just left of the pile, mop reaching right

    # -- what cleaners do ------------------------------------------------------------
    def start_stroke(self, cleaner: Cleaner, seconds: float) -> None:
        if self.mopper is not None:
            raise RuntimeError(f"{cleaner.name} and {self.mopper.name} both mop {self.name}")
        now = cleaner.house.now
        self.mopper = cleaner
        self.stroke = (now, now + seconds)

    def end_stroke(self, cleaner: Cleaner) -> None:
        assert self.stroke is not None
        start, end = self.stroke
        self.done = min(self.work, self.done + (end - start))
        if self.work - self.done < EPS:
            self.done = self.work
        self.strokes.append((start, cleaner.house.now, cleaner.name))
        self.stroke = None
        self.mopper = None
        if self.done >= self.work and self.finished_at is None:
            self.finished_at = cleaner.house.now
            cleaner.house.room_finished(self)


def scatter_piles(spec: RoomSpec, rng: Random) -> list[Point]:
    """Dust piles spread over the floor, one per quarter of the room, left to right."""
    x, _, w, _ = spec.rect
    top = spec.floor_top
    band = (w - 120) / PILES
    return [
        (x + 75 + band * k + rng.uniform(0, band * 0.6), top + rng.uniform(64, 124))
        for k in range(PILES)
    ]


class House(Recorded):
    """One house, cleaned concurrently (one cleaner) or in parallel (a helper per room).
    With a ``journal``, its changes are recorded by tick, like the shop's."""

    def __init__(
        self,
        config: HouseConfig | None = None,
        *,
        strict: bool = True,
        journal: Journal | None = None,
    ) -> None:
        if journal is not None:
            journal.activate()
        self.journal = journal
        self.config = config or HouseConfig()
        self.kernel = Kernel(strict=strict)
        if journal is not None:
            journal.watch(self.kernel)
        self.concurrent = self.config.mode == CONCURRENT
        rng = Random(f"dust-{self.config.seed}")
        self.rooms = [
            Room(spec, work, scatter_piles(spec, rng))
            for spec, work in zip(ROOMS, self.config.works(), strict=False)
        ]
        self.finished_at: float | None = None
        self.cleaners: list[Cleaner] = []
        if self.concurrent:
            you = self._hire("you", self.rooms[0])
            self.kernel.spawn(actors.one_cleaner(self, you), "you", group="cleaners", actor=you)
        else:
            for room in self.rooms:
                name = "you" if room.index == 0 else f"helper {room.index}"
                me = self._hire(name, room)
                self.kernel.spawn(actors.helper(self, me, room), name, group="cleaners", actor=me)
        if journal is not None:
            journal.built()

    def _hire(self, name: str, room: Room) -> Cleaner:
        me = Cleaner(self, name, room)
        self.cleaners.append(me)
        return me

    # -- running ---------------------------------------------------------------------
    @property
    def now(self) -> float:
        return self.kernel.now

    @property
    def done(self) -> bool:
        return self.finished_at is not None

    def advance(self, dt: float) -> None:
        self.kernel.advance(dt)

    def run_to_end(self, limit: float = 1e6) -> float:
        """Run until every room is clean; returns the finish time (virtual seconds)."""
        self.kernel.run(limit)
        if self.finished_at is None:
            raise RuntimeError(f"house not clean by t={limit:g}")
        return self.finished_at

    def close(self) -> None:
        """Close the cleaners' coroutines (a house dropped before the end leaves none open)."""
        self.kernel.close()

    # -- what actors call ------------------------------------------------------------
    def next_dirty_after(self, room: Room) -> Room | None:
        """Round-robin: the next room in chore order that still needs work (maybe ``room``)."""
        n = len(self.rooms)
        for k in range(1, n + 1):
            candidate = self.rooms[(room.index + k) % n]
            if not candidate.clean:
                return candidate
        return None

    def route(self, a: Room, b: Room) -> list[Point]:
        """Doors to walk through from room a to room b, ending where b's mopping resumes."""
        points = route(a.spec, b.spec)
        points[-1] = b.mop_spot(b.pile_index(b.done + EPS))
        return points

    def room_finished(self, room: Room) -> None:
        if all(r.clean for r in self.rooms):
            self.finished_at = self.now

    # -- reading ---------------------------------------------------------------------
    @property
    def total_work(self) -> float:
        return math.fsum(r.work for r in self.rooms)

    def mopping_now(self) -> list[Room]:
        return [r for r in self.rooms if r.mopped_at(self.now)]
