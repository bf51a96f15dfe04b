"""The bakery next door: a supplier that serves a few requests at a time (level 9).

The cook asks it for the day's buns over the web, one request per batch. Like a real web
service it has a limit: ``CAPACITY`` requests in service at once. A request beyond it is
refused at once with 429 Too Many Requests, and the client raises what httpx raises for
that answer (``HTTPStatusError``, its message word for word, first line). So 200 requests
sent at once with ``gather`` swamp it; a ``Semaphore(3)`` around each call keeps it busy
but never over its limit.

The bakery is kept per shop (``bakery_of``), outside the shop's recorded state: the view
reads only what the cook does (his activity), never the bakery itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..scheduler import sleep

if TYPE_CHECKING:
    from .world import Shop

CAPACITY = 3  # requests the bakery serves at once
BATCHES = 200  # the day's buns: one request per batch
BAKE_SECONDS = 0.45  # one batch: the answer comes this long after the request
REFUSE_SECONDS = 0.05  # a refusal comes back at once
URL = "http://bakery.example/buns/{batch}"


class HTTPStatusError(Exception):
    """What httpx's ``raise_for_status()`` raises for a 4xx/5xx answer (same name, same
    first line of message), so the learner sees the words a real client prints."""

    def __init__(self, status: int, reason: str, url: str) -> None:
        kind = "Client error" if status < 500 else "Server error"
        super().__init__(f"{kind} '{status} {reason}' for url '{url}'")
        self.status = status
        self.url = url


@dataclass(eq=False)
class Buns:
    """One batch of buns, from the bakery."""

    batch: int


@dataclass(eq=False)
class Bakery:
    """Serves ``capacity`` requests at once; refuses the rest with 429."""

    capacity: int = CAPACITY
    in_service: int = 0
    most_at_once: int = 0  # the most requests that ever reached it at the same moment
    delivered: set[int] = field(default_factory=set)  # the batches it has handed over
    refused: int = 0
    asked: int = 0
    all_in_at: float | None = None  # when the last of the day's batches was handed over

    async def buns(self, batch: int, now: Any) -> Buns:
        """One request: the batch's buns after ``BAKE_SECONDS``, or a 429 at once."""
        self.asked += 1
        self.most_at_once = max(self.most_at_once, self.in_service + 1)
        if self.in_service >= self.capacity:
            self.refused += 1
            await sleep(REFUSE_SECONDS)
            raise HTTPStatusError(429, "Too Many Requests", URL.format(batch=batch))
        self.in_service += 1
        try:
            await sleep(BAKE_SECONDS)
        finally:
            self.in_service -= 1
        self.delivered.add(batch)
        if self.all_in_at is None and len(self.delivered) >= BATCHES:
            self.all_in_at = now()
        return Buns(batch)


_BAKERIES: WeakKeyDictionary[Shop, Bakery] = WeakKeyDictionary()


def bakery_of(shop: Shop) -> Bakery:
    """The shop's bakery next door (made on first asking)."""
    bakery = _BAKERIES.get(shop)
    if bakery is None:
        bakery = _BAKERIES[shop] = Bakery()
    return bakery


def figures(shop: Shop) -> dict[str, Any]:
    """What the goals read of the bakery's day; the buns never all in: the day's length."""
    bakery = _BAKERIES.get(shop) or Bakery()
    done = bakery.all_in_at
    return {
        "refused": bakery.refused,
        "buns_in": done if done is not None else shop.now,  # never all in: the whole day
        "delivered": len(bakery.delivered),
        "most_at_once": bakery.most_at_once,
    }
