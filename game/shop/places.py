"""Shared places of the shop, each built on one scheduler primitive.

- ``Line``: couples stand in order; each waits on its own ``Event`` to step forward.
- ``Counter``: a serving station; the couple's request goes into its ``Queue``.
- ``Display``: the "ORDER # .. READY" board; one ``Event`` per turn number.
- ``PickupCounter``: trays wait here; a ``Lock`` lets one person at a time take theirs.
- ``Tables``: a ``Semaphore`` counts free tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scheduler import Event, Lock, Queue, Semaphore
from .layout import Layout, Station, Table

if TYPE_CHECKING:
    from .people import Couple, Staff, Tray
    from .world import Shop


class Line:
    """The line to the counter(s). Only the first few spots are visible; the rest crowd in."""

    def __init__(self, shop: Shop, layout: Layout) -> None:
        self.shop = shop
        self.layout = layout
        self.couples: list[Couple] = []
        self._moved: dict[int, Event] = {}
        self.changes: list[tuple[float, int]] = [(0.0, 0)]  # (time, length) for Little's law

    def __len__(self) -> int:
        return len(self.couples)

    def _record(self) -> None:
        self.changes.append((self.shop.now, len(self.couples)))

    async def stand_in(self, couple: Couple) -> None:
        """Join at the back and step forward whenever someone ahead leaves, until first."""
        self.couples.append(couple)
        self._record()
        moved = self._moved[couple.index] = Event(f"line moves for {couple.name}")
        while True:
            index = self.couples.index(couple)
            await couple.walk_to(self.layout.line_spot(index))
            if index == 0:
                return
            moved.clear()
            if self.couples.index(couple) == index:
                await moved.wait()

    def leave(self, couple: Couple) -> None:
        """The first couple steps out to a counter; the visible ones behind step forward."""
        self.couples.remove(couple)
        couple.turn_at = self.shop.now
        self._moved.pop(couple.index, None)
        self._record()
        for behind in self.couples[: len(self.layout.line) + 1]:
            self._moved[behind.index].set()


class Counter:
    """A till with someone behind it. ``requests`` is how couples reach the server."""

    def __init__(self, station: Station, kind: str) -> None:
        self.station = station
        self.number = station.index + 1
        self.requests: Queue[OrderRequest] = Queue(f"{kind} {self.number} orders")
        self.server: Staff | None = None
        self.customer: Couple | None = None
        self.tray: Tray | None = None  # parallel shop: burgers put down for the couple here
        self.ready = Event(f"burgers at counter {self.number}")

    async def take_order(self, couple: Couple, burgers: int) -> object:
        """The couple's side of ordering: ask, then wait for the server's answer."""
        request = OrderRequest(couple, burgers)
        self.customer = couple
        await self.requests.put(request)
        await request.reply.wait()
        return request.answer

    async def burgers_for(self, couple: Couple) -> Tray:
        """Parallel shop: stand here until the server puts the tray down, then take it."""
        await self.ready.wait()
        self.ready.clear()
        tray, self.tray = self.tray, None
        self.customer = None
        assert tray is not None and tray.order.couple is couple, "someone else's burgers"
        return tray

    def hand_over(self, tray: Tray) -> None:
        x, _ = self.station.staff_spot
        tray.holder = "station"
        tray.spot = (x, 252.0)
        self.tray = tray
        self.ready.set()


class OrderRequest:
    """A couple at the till: what they want, and the reply they wait for."""

    def __init__(self, couple: Couple, burgers: int) -> None:
        self.couple = couple
        self.burgers = burgers
        self.reply = Event(f"reply to {couple.name}")
        self.answer: object = None

    def respond(self, answer: object) -> None:
        self.answer = answer
        self.reply.set()


class Display:
    """The wall board "ORDER # nn READY": shows the latest ready number."""

    def __init__(self) -> None:
        self.number: int | None = None
        self.changed_at = 0.0
        self._ready: dict[int, Event] = {}

    def shows(self, number: int) -> Event:
        """An event that is set once ``number`` has been on the board."""
        if number not in self._ready:
            self._ready[number] = Event(f"display shows #{number}")
        return self._ready[number]

    def show(self, number: int, now: float) -> None:
        self.number = number
        self.changed_at = now
        self.shows(number).set()

    def forget(self, number: int) -> None:
        self._ready.pop(number, None)


class PickupCounter:
    """Where the cook puts trays down; each tray can only be taken by its number's holder."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.trays: list[Tray] = []
        self.lock = Lock("pickup counter")

    def put(self, tray: Tray) -> None:
        used = {t.spot for t in self.trays}
        free = [s for s in self.layout.tray_spots if s not in used]
        tray.spot = free[0] if free else self.layout.tray_spots[-1]
        tray.holder = "pickup"
        self.trays.append(tray)

    def take(self, number: int) -> Tray:
        for tray in self.trays:
            if tray.number == number:
                self.trays.remove(tray)
                return tray
        raise LookupError(f"no tray with number {number} on the pickup counter")


class Tables:
    """Free tables, counted by a semaphore; the nearest free one is handed out."""

    def __init__(self, layout: Layout) -> None:
        self.all = layout.tables
        self.free = Semaphore(len(self.all), "free tables")
        self.taken: dict[int, Couple] = {}

    async def take(self, couple: Couple) -> Table:
        await self.free.acquire()
        table = next(t for t in self.all if t.index not in self.taken)
        self.taken[table.index] = couple
        return table

    def leave(self, table: Table) -> None:
        del self.taken[table.index]
        self.free.release()
