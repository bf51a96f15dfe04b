"""Shared places of the shop, each built on one scheduler primitive.

- ``Line``: couples stand in order; each waits on its own ``Event`` to step forward.
- ``Counter``: a serving station; the couple's request goes into its ``Queue``.
- ``Display``: the "ORDER # .. READY" board; one ``Event`` per turn number.
- ``PickupCounter``: trays wait here; a ``Lock`` lets one person at a time take theirs.
- ``Tables``: a ``Semaphore`` counts free tables.
- ``DrinksFountain``: level 4's self-service drinks; a ``Lock`` lets one pour at a time.
"""

from __future__ import annotations

import heapq
from collections import deque
from itertools import islice
from typing import TYPE_CHECKING

from ..scheduler import Event, Lock, Queue, Semaphore
from ..scheduler.journal import RecDeque, RecDict, RecList, Recorded
from .layout import Layout, Station, Table

if TYPE_CHECKING:
    from .people import Couple, Staff, Tray
    from .person import Person
    from .world import Shop


class Line(Recorded):
    """The line to the counter(s). Only the first few spots are visible; the rest crowd in.

    Only the head of the line ever leaves it, so a couple's place in line is its join
    number minus how many have left since: no search, whatever the length of the line.
    """

    def __init__(self, shop: Shop, layout: Layout) -> None:
        self.shop = shop
        self.layout = layout
        self.couples: deque[Couple] = RecDeque()
        self._joined: dict[int, int] = {}  # couple index -> join number
        self._moved: dict[int, Event] = {}
        self.joins = 0
        self.leaves = 0
        # (time, length) for Little's law
        self.changes: list[tuple[float, int]] = RecList([(0.0, 0)], grow=True)
        self.area = 0.0  # couple-seconds in line up to the latest change

    def __len__(self) -> int:
        return len(self.couples)

    def _record(self) -> None:
        now, (t0, before) = self.shop.now, self.changes[-1]
        self.area += before * (now - t0)  # the piece just closed, in order: same floats
        self.changes.append((now, len(self.couples)))

    def place_of(self, couple: Couple) -> int:
        """0 for the head of the line, 1 for the couple behind it, ..."""
        return self._joined[couple.index] - self.leaves

    async def stand_in(self, couple: Couple) -> None:
        """Join at the back and step forward whenever someone ahead leaves, until first."""
        self.couples.append(couple)
        self._joined[couple.index] = self.joins
        self.joins += 1
        self._record()
        moved = self._moved[couple.index] = Event(f"line moves for {couple.name}")
        while True:
            index = self.place_of(couple)
            await couple.walk_to(self.layout.line_spot(index))
            if index == 0:
                return
            moved.clear()
            if self.place_of(couple) == index:
                await moved.wait()

    def leave(self, couple: Couple) -> None:
        """The first couple steps out to a counter; the visible ones behind step forward."""
        if not self.couples or self.couples[0] is not couple:
            raise RuntimeError(f"{couple.name} left the line from behind its head")
        self.couples.popleft()
        self.leaves += 1
        couple.turn_at = self.shop.now
        del self._joined[couple.index]
        self._moved.pop(couple.index, None)
        self._record()
        for behind in islice(self.couples, len(self.layout.line) + 1):
            self._moved[behind.index].set()


class Counter(Recorded):
    """A till with someone behind it. ``requests`` is how couples reach the server."""

    def __init__(self, station: Station, kind: str) -> None:
        self.station = station
        self.number = station.index + 1
        self.requests: Queue[OrderRequest] = Queue(f"{kind} {self.number} orders")
        self.server: Staff | None = None
        self.customer: Couple | None = None  # the couple at the till, or the last one served
        self.tray: Tray | None = None  # parallel shop: burgers put down for the couple here
        self.ready = Event(f"burgers at counter {self.number}")

    def put(self, tray: Tray) -> None:
        """Parallel shop: the burgers are put down on the counter for the couple guarding it."""
        tray.holder = "station"
        self.tray = tray
        self.ready.set()


class OrderRequest(Recorded):
    """A couple at the till: what they want, and the reply they wait for."""

    def __init__(self, couple: Couple, burgers: int) -> None:
        self.couple = couple
        self.burgers = burgers
        self.reply = Event(f"reply to {couple.name}")
        self.answer: object = None

    def respond(self, answer: object) -> None:
        """The server's answer (a turn number, or the order to wait for) ends the ordering."""
        self.couple.reach("answered")
        self.answer = answer
        self.reply.set()


class Display(Recorded):
    """The wall board "ORDER # nn READY": shows the latest ready number."""

    def __init__(self) -> None:
        self.number: int | None = None
        self.changed_at = 0.0
        # (when, number): the timeline's marks
        self.history: list[tuple[float, int]] = RecList(grow=True)
        self._ready: dict[int, Event] = RecDict()  # "why am I waiting?" reads its past

    def shows(self, number: int) -> Event:
        """An event that is set once ``number`` has been on the board."""
        if number not in self._ready:
            self._ready[number] = Event(f"display shows #{number}")
        return self._ready[number]

    def show(self, number: int, now: float) -> None:
        self.number = number
        self.changed_at = now
        self.history.append((now, number))
        self.shows(number).set()

    def has_shown(self, number: int) -> bool:
        """Has ``number`` been on the board (and not yet been fetched)? Reads only."""
        ready = self._ready.get(number)
        return ready is not None and ready.is_set()

    def forget(self, number: int) -> None:
        self._ready.pop(number, None)


class PickupCounter(Recorded):
    """Where the cook puts trays down; each tray can only be taken by its number's holder.

    The counter has room for a few trays side by side (``slots``); a tray goes to the
    first free place, and when all are taken the rest pile up on the last one. Trays are
    found by their number and free places kept in a heap, so putting and taking cost the
    same however many trays wait.
    """

    def __init__(self, shop: Shop) -> None:
        self.shop = shop
        self.layout = layout = shop.layout
        self.display = shop.display
        self.slots = max(1, len(layout.tray_spots))
        self.trays: dict[int, Tray] = RecDict()  # by number, in the order they were put down
        self.slot_of: dict[int, int] = RecDict()  # number -> place on the counter
        self._on_slot = [0] * self.slots  # how many trays lie on each place
        self._free = list(range(self.slots))  # a heap: the first free place comes first
        self.lock = Lock("pickup counter")

    def put(self, tray: Tray) -> None:
        number = tray.number
        if number is None or number in self.trays:
            raise ValueError(f"a tray needs a number of its own on the pickup counter: {number}")
        slot = heapq.heappop(self._free) if self._free else self.slots - 1
        self._on_slot[slot] += 1
        self.slot_of[number] = slot
        self.trays[number] = tray
        tray.holder = "pickup"
        self.display.show(number, self.shop.now)  # whoever holds this number may come
        if self.shop.wakes is not None:
            self.shop.wakes.board(number, tray.order.couple)
        self.shop.record("display", f"shows #{number}")

    def take(self, number: int) -> Tray:
        tray = self.trays.pop(number, None)
        if tray is None:
            raise LookupError(f"no tray with number {number} on the pickup counter")
        slot = self.slot_of.pop(number)
        self._on_slot[slot] -= 1
        if self._on_slot[slot] == 0:
            heapq.heappush(self._free, slot)
        return tray


class Tables(Recorded):
    """Free tables, counted by a semaphore; the nearest free one is handed out."""

    def __init__(self, layout: Layout) -> None:
        self.all = layout.tables
        self.free = Semaphore(len(self.all), "free tables")
        self.taken: dict[int, Couple] = RecDict()

    async def take(self, couple: Couple) -> Table:
        """Wait for a free table; the couple then has it (``couple.table``)."""
        await self.free.acquire()
        table = next(t for t in self.all if t.index not in self.taken)
        self.taken[table.index] = couple
        couple.table = table
        return table

    def leave(self, table: Table) -> None:
        del self.taken[table.index]
        self.free.release()


class DrinksFountain:
    """Level 4: self-service drinks on the floor; one person pours at a time."""

    def __init__(self, spot: tuple[float, float] = (300.0, 470.0), pour_time: float = 9.0):
        self.spot = spot  # where the one pouring stands (the machine is just behind)
        self.pour_time = pour_time
        self.tap = Lock("drinks fountain")
        self.breaks_at: float | None = None  # level 11: it breaks down then, mid-pour
        self.broken = False

    async def pour(self, person: Person) -> None:
        """Pour two drinks; a fountain that breaks down meanwhile (level 11) raises
        ``RuntimeError`` then, and at once to whoever comes after."""
        now, breaks = person.shop.now, self.breaks_at
        if breaks is None or now + self.pour_time < breaks:
            await person.do("pouring drinks", self.pour_time)
            return
        if now < breaks:
            await person.do("pouring drinks", breaks - now)
        self.broken = True
        person.doing("standing")
        raise RuntimeError(OUT_OF_ORDER)


OUT_OF_ORDER = "the drinks fountain is out of order"  # level 11: what the broken one says
