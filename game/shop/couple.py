"""'You and your crush': the couple, the plan made for them at the door, and the verbs
of their story (``line_up``, ``order_at``, ``sit_at``, ``talk_until``, ``fetch``, ``eat``...).

Each verb is one call and carries the plumbing (timelines, captions and beats through
``Couple.reach``, who holds which tray), so the actors in ``actors.py`` read as the story.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from random import Random
from typing import TYPE_CHECKING

from ..scheduler import Event, sleep
from ..scheduler.journal import RecList, Recorded
from .person import Person, Point, Timeline
from .places import OrderRequest
from .story import STEPS, Beat

if TYPE_CHECKING:
    from .layout import Table
    from .places import Counter, DrinksFountain, Line, PickupCounter
    from .staff import Order, Tray
    from .world import Shop

SIDE_BY_SIDE = 17.0  # a couple stands this far either side of its spot: you left, crush right


@dataclass
class CouplePlan:
    """What is decided at the door (from the arrival RNG), so both shops get the same couple."""

    _as_is = True  # decided at the door, never changed

    index: int  # arrival number, from 1
    arrive_at: float
    cook_time: float
    eat_time: float
    palette: int
    seed: int


@dataclass(eq=False)
class Couple(Recorded):
    """'You and your crush': two people who arrive, order, wait, eat and leave together."""

    plan: CouplePlan
    you: Person
    crush: Person
    protagonist: bool
    timeline: Timeline = field(default_factory=Timeline)
    order: Order | None = None
    number: int | None = None
    table: Table | None = None
    arrived: float = 0.0
    turn_at: float | None = None  # reached a cashier (end of the line)
    ordered_at: float | None = None  # paid: the wait for burgers starts
    served_at: float | None = None  # burgers in hand
    left_at: float | None = None
    till: Counter | None = None  # the till they walked up to
    drinks_at: float | None = None  # level 4: drinks in hand
    burgers_eaten: int = 0
    # what the story says they are doing now, as ``story.STEPS`` writes it (the view
    # translates it; ``caption`` fills it in)
    caption_template: str = ""
    # their own story's beats, as they came
    beats: list[Beat] = field(default_factory=lambda: RecList(grow=True))

    @cached_property
    def rng(self) -> Random:
        """Their own dice for the talk, from the plan's seed: made only once they sit down
        (a long line of couples who never got that far carries none)."""
        return Random(self.plan.seed)

    @property
    def index(self) -> int:
        return self.plan.index

    @property
    def name(self) -> str:
        return f"couple #{self.index}"

    @property
    def shop(self) -> Shop:
        return self.you.shop

    @property
    def people(self) -> tuple[Person, Person]:
        return (self.you, self.crush)

    @property
    def phase(self) -> str:
        return self.timeline.current

    @property
    def caption(self) -> str:
        """What the story says they are doing now (one recorded value: the template)."""
        return self.caption_template.format(number=self.number)

    def reach(self, moment: str) -> None:
        """Live one step of the story: the phase, caption and beat ``story.STEPS`` gives it."""
        shop = self.shop
        step = STEPS[shop.config.mode][moment]
        if step.phase is not None:
            self.timeline.enter(step.phase, shop.now)
        if step.caption is not None:
            self.caption_template = step.caption
        if step.beat is not None:
            self.beats.append(Beat(shop.now, step.beat))  # the timeline marks the followed
            shop.beat(self, step.beat)  # ... and the shop keeps the protagonist's story

    def both(self, activity: str) -> None:
        self.you.doing(activity)
        self.crush.doing(activity)

    async def walk_to(self, spot: Point, gap: float = SIDE_BY_SIDE) -> None:
        """Walk side by side (you on the left) to ``spot``; arrive together."""
        you, crush = self.you, self.crush
        duration = max(
            you.start_walk((spot[0] - gap, spot[1])), crush.start_walk((spot[0] + gap, spot[1]))
        )
        if duration > 0:
            await sleep(duration)
        you.arrive()
        crush.arrive()

    # -- the steps of the story -------------------------------------------------------
    async def line_up(self, line: Line) -> Counter:
        """Stand in line, step forward as it moves, then walk up to the first free counter."""
        self.reach("line")
        await line.stand_in(self)
        counter = await self.shop.free_counters.get()
        line.leave(self)
        self.till = counter
        await self.walk_to(counter.station.customer_spot)
        return counter

    async def order_at(self, counter: Counter, burgers: int = 2) -> object:
        """Ask for the burgers, then wait for the server's answer (a number, or 'wait')."""
        request = OrderRequest(self, burgers)
        counter.customer = self
        await counter.requests.put(request)
        await request.reply.wait()
        return request.answer

    async def sit_at(self, table: Table) -> None:
        """Walk to the table's two stools and sit down, face to face."""
        if self.order is None and self.till is not None:  # off without ordering: next!
            self.till.requests.put_nowait(None)
            self.till = None
        self.reach("sit")
        you, crush = self.you, self.crush
        duration = max(you.start_walk(table.seats[0]), crush.start_walk(table.seats[1]))
        if duration > 0:
            await sleep(duration)
        you.doing("sitting")
        crush.doing("sitting")
        self.reach("seated")

    async def talk_until(self, ready: Event) -> None:
        """Talk bit by bit, glancing at the board now and then; stop only between bits.

        The number showing does not interrupt a sentence: they notice it at a glance, at
        a pause point, like a coroutine that only switches at an ``await``.
        """
        config = self.shop.config
        speaker, listener = self.you, self.crush
        while True:
            speaker.doing("talking", speaking=True)
            listener.doing("listening")
            await sleep(self.rng.uniform(0.6, 1.4) * config.talk_bit)
            speaker.hush()
            speaker, listener = listener, speaker
            if self.rng.random() < 0.55:  # now and then, a glance at the display
                self.rng.choice(self.people).doing("glancing")
                await sleep(config.glance_time)
                if ready.is_set():
                    return

    async def fetch(self, number: int, pickup: PickupCounter) -> Tray:
        """One of them walks to the pickup counter, takes *their* tray, comes back."""
        self.reach("number up")
        you, layout = self.you, pickup.layout
        seat = you.pos
        if self.crush.seated:  # (level 4: she may be off fetching the drinks)
            self.crush.doing("listening")
        await you.walk_to(layout.aisle)  # behind whoever is ordering at the till
        await you.walk_to(layout.pickup_spot)
        async with pickup.lock:  # one at a time at the counter
            await you.do("standing", 0.4)  # which tray is ours?
            tray = pickup.take(number)  # the number guarantees nobody takes ours
        self.shop.display.forget(number)
        self.shop.serve(self, tray)
        you.take(tray)
        await you.walk_to(layout.aisle)
        await you.walk_to(seat)
        return tray

    async def watch_board(self, ready: Event) -> None:
        """Level 4: glance at the board now and then until the number shows."""
        config = self.shop.config
        while not ready.is_set():
            self.you.doing("sitting")
            await sleep(self.rng.uniform(0.6, 1.4) * config.talk_bit)
            self.you.doing("glancing")
            await sleep(config.glance_time)

    async def burgers(self, number: int, pickup: PickupCounter) -> Tray:
        """Level 4: wait for the number, then fetch the tray (one of the two errands)."""
        await self.watch_board(self.shop.display.shows(number))
        return await self.fetch(number, pickup)

    async def drinks(self, fountain: DrinksFountain) -> int:
        """Level 4: the crush fetches two drinks from the fountain (the other errand)."""
        crush, seat = self.crush, self.crush.pos
        await crush.walk_to(fountain.spot)
        async with fountain.tap:  # one at a time at the tap
            await fountain.pour(crush)  # (level 11: it may break down meanwhile)
        await crush.walk_to(seat)
        crush.doing("sitting")
        self.drinks_at = self.shop.now
        self.shop.record(self.name, "has the drinks")
        return 2

    async def wait_at(self, counter: Counter) -> Tray:
        """No number: stand at the counter, guarding it, until the burgers are put down."""
        self.reach("guard")
        self.both("waiting")
        await counter.ready.wait()  # blocked: nothing else to do meanwhile
        counter.ready.clear()
        tray, counter.tray = counter.tray, None
        if tray is None or tray.order.couple is not self:
            raise RuntimeError(f"{self.name} found someone else's burgers at the counter")
        self.reach("served")
        self.shop.serve(self, tray)
        self.you.take(tray)
        return tray

    async def eat(self, tray: Tray) -> None:
        """Put the tray on the table and eat, both of them."""
        self.reach("eat")
        self.you.carrying = None
        tray.holder = "table"
        self.both("eating")
        await sleep(self.plan.eat_time)
        tray.holder = "eaten"
        self.burgers_eaten += tray.order.burgers

    async def leave(self, shop: Shop) -> None:
        """Free the table and walk out of the door."""
        if self.table is not None:
            shop.tables.leave(self.table)
        self.reach("leave")
        await self.walk_to(shop.layout.door)
        shop.depart(self)
