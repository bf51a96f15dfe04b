"""The staff (cashier, cook, cashier-cook) and what they make: orders and trays of burgers.

Each verb of the staff's story is one call (``next_please``, ``take_order``, ``call_out``,
``cook_burgers``...), so the actors in ``actors.py`` read as the story alone; level 1's and
level 3's mistakes have their verbs here too (the blocking cook, the recipe worked out).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..scheduler import Queue, block, run_in_worker
from ..scheduler.blocking import holding_gil
from ..scheduler.journal import Recorded
from .person import Person, Point, Timeline

if TYPE_CHECKING:
    from .couple import Couple
    from .layout import Station
    from .places import Counter, OrderRequest
    from .world import Shop

RECIPE_SECONDS = 6.0  # level 3: working out the day's recipe for one order, pure work


class Staff(Person):
    """Cashier, cook or cashier-cook; busy/idle timeline gives utilisation."""

    def __init__(self, shop: Shop, name: str, role: str, pos: Point) -> None:
        super().__init__(shop, name, role, pos)
        self.timeline = Timeline()
        self.timeline.enter("idle", shop.now)
        self.at_grill: Order | None = None  # one person cooks one order at a time (level 7)
        self.cleaned_at: float | None = None  # level 10: when the grill was last cleaned

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

    def count_recipe(self, order: Order) -> str:
        """The recipe counted in one long C call that holds the GIL the whole time (like
        ``sum(range(10**9))``): on the loop or on a thread it holds the loop; only a
        process pool's worker, with a GIL of its own, leaves the loop free (level 5)."""
        self.busy("working out a recipe")
        self.doing("working out a recipe")
        with holding_gil("count_recipe"):
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
        """Walk to the grill and cook the order's burgers; they come off on a tray. One
        cook has two hands: sent to cook a second order while one is on the grill (a task
        nobody waits for), he refuses with a RuntimeError, as a real resource would."""
        if self.at_grill is not None:
            raise RuntimeError(
                f"{self.name} is already cooking order {self.at_grill.id}, not order {order.id}"
            )
        self.at_grill = order
        try:
            tray = await self._cook(order, station)
        finally:
            self.at_grill = None
        return tray

    def clean_grill(self, station: Station) -> None:
        """Scrape the grill clean: whatever is still on it goes in the bin (level 10's
        clean-up, the thing to do however the cooking ends)."""
        cooking = self.shop.cooking
        for order in [o for o in cooking if o.tray is not None and o.tray.holder == "grill"]:
            cooking.remove(order)
            order.tray.holder = "bin"
        self.at_grill = None
        self.cleaned_at = self.shop.now
        self.busy("cleaning the grill")
        self.doing("cleaning the grill")

    async def _cook(self, order: Order, station: Station) -> Tray:
        self.busy("cooking")
        cooking = self.shop.cooking
        cooking.append(order)
        await self.walk_to(station.grill_spot)
        tray = order.tray = Tray(order)  # kept here: a couple who leaves lets go of theirs
        await self.do("cooking", order.cook_time)
        cooking.remove(order)
        return tray


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
