"""The shop: builds places and staff, admits couples, and owns the scheduler it runs on."""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from random import Random
from typing import Any

from ..scheduler import Kernel, Queue
from ..scheduler.journal import Journal, RecDeque, RecList, Recorded
from . import actors
from .config import CONCURRENT, ShopConfig
from .layout import layout_for
from .ledger import Departures, Served
from .metrics import Visits
from .people import Couple, CouplePlan, Order, Person, Staff, Tray
from .places import Counter, Display, DrinksFountain, Line, PickupCounter, Tables
from .story import Beat
from .wakes import WakeLog

PALETTES = 12  # how many clothing colours couples are drawn from (the view owns the colours)
Actor = Callable[..., Coroutine[Any, Any, None]]


@dataclass(frozen=True)
class Cast:
    """Which ``async def`` plays each part: the story's by default; a level swaps one for
    its mistake (or its fix); None is the story's own. ``protagonist`` plays "you & crush"
    only (None: the same as ``couple``). ``sous_chef``: a second cook who works on a worker."""

    couple: Actor | None = None
    protagonist: Actor | None = None
    cashier: Actor | None = None
    cook: Actor | None = None
    sous_chef: bool = False
    fountain: bool = False
    arrivals: Actor | None = None  # who lets the couples in (the kitchen's, else the story's)


def plan_arrivals(config: ShopConfig) -> Iterator[CouplePlan]:
    """The couples of the day, from the seed alone: same seed, same couples, either shop."""
    rng = Random(config.seed)
    t = 0.0
    index = 0
    while config.couples == 0 or index < config.couples:
        index += 1
        if index <= config.first_couples:
            t = (index - 1) * 2.5
        else:
            t += rng.expovariate(1.0 / config.arrival_mean)
        mean = config.cook_time
        if config.cook_spread == "exponential":
            cook = rng.expovariate(1.0 / mean) if mean > 0 else 0.0
        elif config.cook_spread == "gamma":
            cook = rng.gammavariate(6.0, mean / 6.0) if mean > 0 else 0.0
        else:
            cook = mean
        eat = config.eat_time * rng.uniform(0.8, 1.2)
        palette = rng.randrange(PALETTES)
        yield CouplePlan(index, t, cook, eat, palette, rng.getrandbits(32))


class Shop(Recorded):
    """One shop, concurrent or parallel, driven by its own virtual-time kernel.

    With a ``journal`` every change it makes is recorded by tick, so any moment already
    lived can be drawn again from the records (``scheduler/journal.py``)."""

    def __init__(
        self,
        config: ShopConfig,
        *,
        strict: bool = True,
        keep_log: bool = False,
        cast: Cast | None = None,
        journal: Journal | None = None,
    ):
        if journal is not None:
            journal.activate()  # what the shop is built with is recorded as it changes
        self.journal = journal
        self.config = config
        self.cast = cast  # None: the story's own actors
        self.kernel = Kernel(strict=strict)
        if journal is not None:
            journal.watch(self.kernel)
        self.layout = layout_for(config)
        self.concurrent = config.mode == CONCURRENT
        self.line = Line(self, self.layout)
        self.display = Display()
        self.pickup = PickupCounter(self)
        self.tables = Tables(self.layout)
        self.kitchen: Queue[Order] = Queue("kitchen order slips")
        self.free_counters: Queue[Counter] = Queue("free counters")
        self.cooking: list[Order] = RecList()
        self.couples: list[Couple] = RecList()  # in the shop now
        self.departed = Departures()  # a few numbers per couple gone, not the couples
        self.served = Served()
        self.on_depart: list[Callable[[Couple], None]] = []  # see the whole couple go
        self.visits = Visits(self) if cast is not None else None  # a level's day
        self._protagonist: Couple | None = None  # kept whole: the story follows them
        self.beats: list[Beat] = RecList(grow=True)
        self.log: deque[tuple[float, str, str]] = RecDeque(
            maxlen=None if keep_log else 400, grow=True
        )
        self.next_number = 0
        self.next_order = 0
        self.counters: list[Counter] = []
        self.staff: list[Staff] = []
        self.helpers: list[Staff] = []  # level 3's sous-chef: works on a worker, off the loop
        self.fountain = DrinksFountain() if cast is not None and cast.fountain else None
        self.closing = False  # a level's closer is waiting for the staff to stop (level 10)
        self.closing_at: float | None = None  # level 10: when the staff were cancelled
        self.closed_at: float | None = None  # ... and when the last of them had stopped
        self.closing_staff: list[Any] = []  # ... the staff's tasks it cancelled
        self.for_nobody = 0  # trays fetched by an errand whose couple had already gone
        self.wakes: WakeLog | None = None  # who woke whom, once ``record_wakes`` is called
        self._hire_staff()
        door = (cast.arrivals if cast is not None else None) or actors.arrivals
        self.kernel.spawn(door(self), "arrivals", group="door", daemon=True)
        if journal is not None:
            journal.built()

    # -- set-up -----------------------------------------------------------------------
    def _hire_staff(self) -> None:
        cast = self.cast or Cast()
        cashier, cook = cast.cashier or actors.cashier, cast.cook or actors.cook
        if self.concurrent:
            for station in self.layout.stations:
                counter = Counter(station, "till")
                name = "cashier" if len(self.layout.stations) == 1 else f"cashier {counter.number}"
                me = self._hire(name, "cashier", station.staff_spot, counter)
                self.kernel.spawn(
                    cashier(self, me, counter), name, group="staff", daemon=True, actor=me
                )
            for i, grill in enumerate(self.layout.kitchen):
                name = "cook" if len(self.layout.kitchen) == 1 else f"cook {i + 1}"
                me = self._hire(name, "cook", grill.grill_spot, None)
                self.kernel.spawn(
                    cook(self, me, grill), name, group="staff", daemon=True, actor=me
                )
            if cast.sous_chef:
                x, y = self.layout.kitchen[0].grill_spot
                self.helpers.append(Staff(self, "sous-chef", "cook", (x + 150.0, y)))
        else:
            for station in self.layout.stations:
                counter = Counter(station, "counter")
                name = f"cashier-cook {counter.number}"
                me = self._hire(name, "cashier_cook", station.staff_spot, counter)
                self.kernel.spawn(
                    actors.cashier_cook(self, me, counter),
                    name,
                    group="staff",
                    daemon=True,
                    actor=me,
                )

    def _hire(self, name: str, role: str, spot: tuple[float, float], counter: Counter | None):
        me = Staff(self, name, role, spot)
        self.staff.append(me)
        if counter is not None:
            counter.server = me
            self.counters.append(counter)
        return me

    def record_wakes(self) -> WakeLog:
        """Keep the recent hand-overs between characters (the game's arrows); off by
        default so a headless run pays nothing for them."""
        if self.wakes is None:
            self.wakes = WakeLog(self)
            self.kernel.add_instrument(self.wakes)
        return self.wakes

    def plans(self) -> Iterator[CouplePlan]:
        return plan_arrivals(self.config)

    # -- running ----------------------------------------------------------------------
    @property
    def now(self) -> float:
        return self.kernel.now

    def advance(self, dt: float) -> None:
        self.kernel.advance(dt)

    def fast_forward(
        self,
        seconds: float | None = None,
        *,
        step: float = 60.0,
        limit: float = 1e9,
        on_step: Callable[[Shop], None] | None = None,
    ) -> None:
        """Run headless as fast as it goes: ``seconds`` more virtual seconds, or (None) until
        every planned couple has left. Between steps finished tasks are forgotten, and the
        long-lived objects (the couples inside, the staff) are frozen out of the garbage
        collector's sight (``gc.freeze``): left in, its full collections dominate a long day."""
        if seconds is None and self.config.couples == 0:
            raise ValueError("fast_forward without seconds needs a finite number of couples")
        end = limit if seconds is None else min(limit, self.now + seconds)
        try:
            while self.now + 1e-9 < end:
                if seconds is None and self.day_over:
                    break
                self.kernel.advance(min(step, end - self.now))
                self.kernel.prune()
                gc.freeze()
                if on_step is not None:
                    on_step(self)
        finally:
            gc.unfreeze()

    @property
    def day_over(self) -> bool:
        """Every planned couple has left, and no closer is still waiting for the staff."""
        return len(self.departed) >= self.config.couples and not self.closing

    def run_until_empty(self, limit: float = 1e9) -> None:
        """Run until every planned couple has left (needs a finite ``couples``)."""
        self.fast_forward(None, limit=limit)

    # -- what actors call -------------------------------------------------------------
    def admit(self, plan: CouplePlan) -> Couple:
        door = self.layout.door
        protagonist = plan.index == self.config.protagonist
        couple = Couple(
            plan,
            Person(self, f"you #{plan.index}", "boy", (door[0] - 17, door[1])),
            Person(self, f"crush #{plan.index}", "girl", (door[0] + 17, door[1])),
            protagonist,
        )
        couple.arrived = self.now
        self.couples.append(couple)
        if protagonist:
            self._protagonist = couple
        story = actors.concurrent_couple if self.concurrent else actors.parallel_couple
        if self.cast is not None:
            chosen = self.cast.protagonist if protagonist else None
            story = chosen or self.cast.couple or story
        name = "you & crush" if protagonist else couple.name
        self.kernel.spawn(story(self, couple), name, group="couples", actor=couple)
        self.record(couple.name, "arrives")
        return couple

    def new_order(self, couple: Couple, burgers: int) -> Order:
        self.next_order += 1
        order = Order(self.next_order, couple, burgers, cook_time=couple.plan.cook_time)
        if self.concurrent:
            self.next_number += 1
            order.number = self.next_number
        couple.order = order
        couple.ordered_at = self.now
        self.record(
            couple.name,
            f"orders {burgers} burgers" + (f", ticket #{order.number}" if order.number else ""),
        )
        return order

    def serve(self, couple: Couple, tray: Tray) -> None:
        if tray.order.couple is not couple:
            raise RuntimeError(f"{couple.name} got the burgers of {tray.order.couple.name}")
        if couple.left_at is not None:  # an errand ran on after they left (level 11)
            self.for_nobody += 1
            self.record(couple.name, "burgers fetched for nobody: they had gone")
            return
        couple.served_at = self.now
        self.served.add(couple, self.now)
        self.record(couple.name, "has the burgers")

    def depart(self, couple: Couple) -> None:
        """The couple is gone: keep its numbers (``departed``), drop the object itself.

        Listeners in ``on_depart`` see the whole couple first (tests, recorders)."""
        couple.timeline.close(self.now)
        couple.left_at = self.now
        for person in couple.people:
            person.visible = False
        for i, inside in enumerate(self.couples):  # by identity, oldest first: found early
            if inside is couple:
                del self.couples[i]
                break
        else:
            raise RuntimeError(f"{couple.name} left but was not inside")
        self.served.gone(couple)
        self.departed.add(couple, self.now)
        for listener in self.on_depart:
            listener(couple)
        if not couple.protagonist:  # the story may still look at them
            self._let_go(couple)
        self.record(couple.name, "leaves")

    @staticmethod
    def _let_go(couple: Couple) -> None:
        """Cut the couple -> order -> tray -> order -> couple cycles, so reference counting
        frees a departed couple as soon as its task is pruned: the cyclic collector may
        not look for a long while (and ``fast_forward`` freezes it out), and until it
        does every departed couple would stay in memory."""
        order, couple.order = couple.order, None
        if order is not None:
            order.tray = None
        couple.__dict__.pop("rng", None)  # their dice: done with (the past keeps couples)

    def beat(self, couple: Couple, code: str) -> None:
        if couple.protagonist:
            self.beats.append(Beat(self.now, code))
            self.record(couple.name, f"beat {code}")

    def record(self, who: str, what: str) -> None:
        self.log.append((round(self.now, 6), who, what))

    # -- reading ----------------------------------------------------------------------
    @property
    def protagonist(self) -> Couple | None:
        """'You and your crush', inside or gone (None before they arrive)."""
        return self._protagonist
