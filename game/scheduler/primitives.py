"""Synchronisation primitives, built only on ``WaitQueue``.

Each hands over directly (FIFO, no barging): a released unit, a put item or a notification
goes to the first waiter as it wakes it. If that waiter is cancelled before it runs, the
wait queue hands the value back here and it goes to the next waiter (or back in place).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .journal import RecDeque, Recorded
from .traps import Marker
from .waitqueue import Waitable, WaitQueue

if TYPE_CHECKING:
    from .task import Task

T = TypeVar("T")


class Event(Recorded, Waitable):
    """A flag tasks can wait for; once set, waiting returns at once until cleared (in a
    recorded world, when it was set is recorded: "why am I waiting?" reads it back)."""

    kind = "event"

    def __init__(self, name: str = "") -> None:
        super().__init__(name)
        self._set = False
        self._waiters = WaitQueue(self, "set")

    @property
    def waiting(self) -> list[Task]:
        return self._waiters.waiting

    def is_set(self) -> bool:
        return self._set

    def set(self) -> None:
        self._set = True
        self._waiters.wake_all()

    def clear(self) -> None:
        self._set = False

    async def wait(self) -> None:
        if not self._set:
            await self._waiters.park()


_ONE = Marker("notify one")  # what notify hands over, so a cancelled waiter passes it on


class Condition(Waitable):
    """Tasks wait until notified; ``notify_all`` wakes every waiter (a broadcast pulse)."""

    kind = "condition"

    def __init__(self, name: str = "") -> None:
        super().__init__(name)
        self._waiters = WaitQueue(self, "notified", self._handback)

    @property
    def waiting(self) -> list[Task]:
        return self._waiters.waiting

    async def wait(self) -> None:
        await self._waiters.park()

    def notify_all(self) -> None:
        self._waiters.wake_all()

    def notify(self, n: int = 1) -> None:
        for _ in range(n):
            if self._waiters.wake_one(_ONE) is None:
                break

    def _handback(self, value: Any) -> None:
        if value is _ONE:  # a notify meant for one waiter goes to the next one
            self.notify()


class Queue(Waitable, Generic[T]):
    """FIFO queue; ``get`` waits when empty, ``put`` waits when full (capacity > 0).

    Both sides hand over directly: a put with getters waiting gives the item to the first
    getter; a get that frees a place hands that place to the first waiting putter, which
    puts its item when it runs. So waiting putters keep their turn and no free place goes
    unnoticed. As in asyncio, a put that is cancelled has put nothing, and an item or a
    place handed to a task that has not run yet still counts: ``full()`` counts them, so
    a bounded queue never holds more than its capacity, even when one is handed back."""

    kind = "queue"

    def __init__(self, name: str = "", capacity: int = 0) -> None:
        super().__init__(name)
        if capacity < 0:
            raise ValueError(f"queue capacity must be >= 0, got {capacity}")
        self.capacity = capacity
        self.items: deque[T] = RecDeque()  # the view shows a queue's items at any tick
        self._handed = 0  # items handed to getters that have not run yet
        self._reserved = 0  # places handed to putters that have not run yet
        self._getters = WaitQueue(self, "put", self._handback)
        self._putters = WaitQueue(_PutSide(f"{self.name} (full)"), "got", self._place_back)

    @property
    def waiting(self) -> list[Task]:
        """Tasks waiting to get, first first."""
        return self._getters.waiting

    @property
    def waiting_to_put(self) -> list[Task]:
        return self._putters.waiting

    def __len__(self) -> int:
        return len(self.items)

    def full(self) -> bool:
        return self.capacity > 0 and (
            len(self.items) + self._handed + self._reserved >= self.capacity
        )

    def put_nowait(self, item: T) -> None:
        if self.full():
            raise OverflowError(f"queue {self.name!r} is full")
        self._deliver(item)

    def _deliver(self, item: T) -> None:
        if self._getters:  # hand straight to the first getter: FIFO fairness
            self._handed += 1
            self._getters.wake_one(item)
        else:
            self.items.append(item)

    async def put(self, item: T) -> None:
        if self.full():  # wait in line; a getter hands us a free place
            await self._putters.park()
            self._reserved -= 1
        self._deliver(item)

    async def get(self) -> T:
        if self.items:
            item = self.items.popleft()
        else:
            item = await self._getters.park()
            self._handed -= 1
        self._free_place()
        return item

    def _free_place(self) -> None:
        if self._putters and not self.full():
            self._reserved += 1
            self._putters.wake_one()

    def _handback(self, item: Any) -> None:
        self._handed -= 1
        if self._getters:
            self._handed += 1
            self._getters.wake_one(item)
        else:  # it was first in line: back to the front
            self.items.appendleft(item)

    def _place_back(self, _: Any) -> None:
        self._reserved -= 1
        self._free_place()


class _PutSide(Waitable):
    """What a waiting putter waits on: room in a full queue ("queue X (full)")."""

    kind = "queue"


class Semaphore(Waitable):
    """Counts free places (tables, stations); ``acquire`` waits when none is free."""

    kind = "semaphore"

    def __init__(self, value: int = 1, name: str = "") -> None:
        super().__init__(name)
        if value < 0:
            raise ValueError(f"semaphore value must be >= 0, got {value}")
        self.value = value
        self._waiters = WaitQueue(self, "released", self._handback)

    @property
    def waiting(self) -> list[Task]:
        return self._waiters.waiting

    def locked(self) -> bool:
        return self.value == 0

    async def acquire(self) -> None:
        if self.value > 0 and not self._waiters:
            self.value -= 1
            return
        await self._waiters.park()  # release hands the unit straight to us

    def release(self) -> None:
        if self._waiters:
            self._waiters.wake_one()
        else:
            self.value += 1

    def _handback(self, value: Any) -> None:
        self.release()

    async def __aenter__(self) -> Semaphore:
        await self.acquire()
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.release()


class Lock(Semaphore):
    """Mutual exclusion for one shared place, e.g. the pickup counter."""

    kind = "lock"

    def __init__(self, name: str = "") -> None:
        super().__init__(1, name)

    def release(self) -> None:
        """Hand the lock on; releasing a lock nobody holds is a bug (as in asyncio)."""
        if self.value > 0:
            raise RuntimeError(f"lock {self.name!r} released but not acquired")
        super().release()

    def _handback(self, value: Any) -> None:
        Semaphore.release(self)
