"""People in the shop: where they are, what they are doing, and the awaitable verbs they use.

Every verb that takes time (walking, talking, cooking, eating) is ``await``-ed: it records
what the person is doing and since when, then sleeps that long in virtual time. The verbs
carry the plumbing (timelines, captions and beats through ``Couple.reach``, who holds which
tray), so the actors in ``actors.py`` read as the story alone.

The model keeps what the story needs: activities, walks (``segment``), trays and places.
How it looks (sprite tags, facing, bubbles, tray spots) is derived in ``game/view/poses.py``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from random import Random
from typing import TYPE_CHECKING

from ..scheduler import Event, Queue, block, run_in_worker, sleep
from ..scheduler.journal import RecList, Recorded
from .places import OrderRequest
from .story import STEPS, Beat

if TYPE_CHECKING:
    from .layout import Station, Table
    from .places import Counter, DrinksFountain, Line, PickupCounter
    from .world import Shop

Point = tuple[float, float]
SIDE_BY_SIDE = 17.0  # a couple stands this far either side of its spot: you left, crush right
SEATED = frozenset(("sitting", "talking", "listening", "glancing", "eating"))
RECIPE_SECONDS = 6.0  # level 3: working out the day's recipe for one order, pure work


@dataclass
class Segment:
    _as_is = True  # never changed in place: a new walk is a new segment

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
class Phase(Recorded):
    """One stretch of a timeline: ``label`` from ``start`` to ``end`` (None while it lasts)."""

    label: str
    start: float
    end: float | None = None

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

    def __init__(self, shop: Shop, name: str, role: str, pos: Point) -> None:
        self.shop = shop
        self.name = name
        self.role = role  # "boy", "girl", "cashier", "cook", "cashier_cook"
        self.segment = Segment(pos, pos, 0.0, 0.0)
        self.activity = "standing"  # a word from ACTIVITIES
        self.since = shop.now  # when the activity began
        self.speaking = False  # saying something right now (ordering, chatting, calling out)
        self.carrying: Tray | None = None
        self.visible = True
        # (activity, since, speaking) before each change made while a plain blocking call
        # holds the loop: such changes lie ahead of the drawn time (made on demand)
        self.earlier: list[tuple[str, float, bool]] | None = None

    def __repr__(self) -> str:
        return f"<{self.role} {self.name}>"

    @property
    def pos(self) -> Point:
        """Where they are, or where their walk ends (kept once: in the walk itself)."""
        return self.segment.b

    def position_at(self, t: float) -> Point:
        return self.segment.at(t)

    @property
    def seated(self) -> bool:
        return self.activity in SEATED

    def doing(self, activity: str, *, speaking: bool = False) -> None:
        """Start ``activity`` (its clock restarts only if it is a new one)."""
        if activity != self.activity:
            if self.shop.kernel.holding:
                self._remember()
            self.since = self.shop.now
            self.activity = activity
        self.speaking = speaking

    def _remember(self) -> None:
        earlier = self.earlier
        if earlier is None:
            earlier = self.earlier = RecList()
        earlier.append((self.activity, self.since, self.speaking))
        if len(earlier) > 4:
            del earlier[0]

    def shown_at(self, t: float) -> tuple[str, float, bool]:
        """(activity, since, speaking) as they were at virtual time ``t``: the same as now
        unless a change was stamped later than ``t`` (what a blocking call did)."""
        if self.since <= t or not self.earlier:
            return self.activity, self.since, self.speaking
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
        self.speaking = False

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


class Staff(Person):
    """Cashier, cook or cashier-cook; busy/idle timeline gives utilisation."""

    def __init__(self, shop: Shop, name: str, role: str, pos: Point) -> None:
        super().__init__(shop, name, role, pos)
        self.timeline = Timeline()
        self.timeline.enter("idle", shop.now)

    def busy(self, label: str) -> None:
        self.timeline.enter(label, self.shop.now)

    def idle(self) -> None:
        self.timeline.enter("idle", self.shop.now)
        self.doing("standing")

    async def next_please(self, counter: Counter) -> OrderRequest:
        """ "Next, please!": offer the till to the line, then wait for a couple's order
        (a couple that walks off without ordering leaves ``None``: next, please, again)."""
        while True:
            self.idle()
            await self.shop.free_counters.put(counter)
            request = await counter.requests.get()
            if request is not None:
                return request

    async def take_order(self, request: OrderRequest) -> Order:
        """Listen to the order, then take the money (the couple's poses follow the talk)."""
        couple, shop = request.couple, self.shop
        couple.reach("order")
        self.busy("taking order")
        couple.you.doing("ordering", speaking=True)
        couple.crush.doing("standing")
        await self.do("taking the order", shop.config.order_time)
        order = shop.new_order(couple, request.burgers)
        couple.you.doing("paying")
        await self.do("taking the money", shop.config.pay_time)
        couple.both("standing")
        return order

    async def call_out(self, order: Order, kitchen: Queue[Order]) -> None:
        """Call the order through the window and pin its slip on the cook's rail."""
        self.busy("passing order")
        await self.do("calling the order", 0.8, speaking=True)
        await kitchen.put(order)
        order.couple.reach("passed")

    async def give_ticket(self, request: OrderRequest, order: Order) -> None:
        """Hand over the ticket with the turn number: the couple is free to go and sit."""
        await self.do("giving the ticket", 0.6)
        request.couple.number = order.number
        request.respond(order.number)

    def tell_to_wait(self, request: OrderRequest, order: Order) -> None:
        """No number to give: the couple must wait right here for this very order."""
        request.respond(order)

    async def next_order(self, kitchen: Queue[Order]) -> Order:
        """Wait for the next order slip on the rail."""
        self.idle()
        return await kitchen.get()

    def cook_burgers_sync(self, order: Order, station: Station) -> Tray:
        """``cook_burgers`` as a plain blocking function (like ``time.sleep(8)`` or a
        synchronous driver inside ``async def``): the same steps, but every wait is a plain
        call, so the whole loop waits with the cook. Level 1's mistake."""
        self.busy("cooking")
        cooking = self.shop.cooking
        cooking.append(order)
        block(self.start_walk(station.grill_spot), "time.sleep")  # walks, holding the loop
        self.arrive()
        order.tray = Tray(order)
        self.doing("cooking")
        block(order.cook_time, "time.sleep")
        cooking.remove(order)
        return order.tray

    def work_out_recipe(self, order: Order) -> str:
        """Work out the order's recipe: pure work, nothing to await (level 3). Run as a
        plain call it holds the loop; handed to ``run_in_worker`` it takes a worker's time."""
        self.busy("working out a recipe")
        self.doing("working out a recipe")
        recipe = recipe_for(order)
        self.idle()
        return recipe

    async def work_out_recipe_in_parallel(self, order: Order) -> str:
        """A second cook works the recipe out on a worker while the loop goes on (level 3's
        fix, like ``await loop.run_in_executor(None, work_out_recipe, order)``)."""
        self.busy("working out a recipe")
        self.doing("working out a recipe")
        recipe = await run_in_worker(recipe_for, order, name=self.name)
        self.idle()
        return recipe

    async def cook_burgers(self, order: Order, station: Station) -> Tray:
        """Walk to the grill and cook the order's burgers; they come off on a tray."""
        self.busy("cooking")
        cooking = self.shop.cooking
        cooking.append(order)
        await self.walk_to(station.grill_spot)
        order.tray = Tray(order)
        await self.do("cooking", order.cook_time)
        cooking.remove(order)
        return order.tray


def recipe_for(order: Order) -> str:
    """The order's recipe, worked out step by step: real work (a few thousand rounds of
    arithmetic), charged ``RECIPE_SECONDS`` of virtual time wherever it runs."""
    seed = order.id * 7919 + order.burgers
    for _ in range(2000):
        seed = (seed * 1103515245 + 12345) % 2**31
    block(RECIPE_SECONDS, "working out a recipe")
    sauces = ("ketchup", "mustard", "mayo", "relish", "chili")
    return f"{order.burgers} burgers, {sauces[seed % len(sauces)]}"


@dataclass(eq=False)
class Order(Recorded):
    """Two burgers for one couple; ``number`` is the turn number (concurrent shop only)."""

    id: int
    couple: Couple
    burgers: int
    number: int | None = None
    ready_at: float | None = None
    cook_time: float = 0.0
    tray: Tray | None = None
    recipe: str = ""  # level 3: worked out before cooking


@dataclass(eq=False)
class Tray(Recorded):
    """The burgers, moving from grill to pickup counter (or station) to table."""

    order: Order
    holder: str = "grill"  # "grill", "pickup", "station", a person's name, "table", "eaten"

    @property
    def number(self) -> int | None:
        return self.order.number


@dataclass
class CouplePlan:
    _as_is = True  # decided at the door, never changed

    """What is decided at the door (from the arrival RNG), so both shops get the same couple."""

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
    caption: str = ""  # what the story says they are doing now
    caption_template: str = ""  # the same as ``story.STEPS`` writes it: the view translates it
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

    def reach(self, moment: str) -> None:
        """Live one step of the story: the phase, caption and beat ``story.STEPS`` gives it."""
        shop = self.shop
        step = STEPS[shop.config.mode][moment]
        if step.phase is not None:
            self.timeline.enter(step.phase, shop.now)
        if step.caption is not None:
            self.caption_template = step.caption
            self.caption = step.caption.format(number=self.number)
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
            speaker.speaking = False
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
            await crush.do("pouring drinks", fountain.pour_time)
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
