"""Who woke whom in a shop: the kernel's wake records between characters, kept briefly.

A ``WakeLog`` listens to the kernel's ``woken`` hook and keeps the recent hand-overs from
one character to another (the cashier puts a free till into the queue a couple waits on,
a cashier-cook sets the event of the couple guarding his counter). The concurrent shop's
board is the one hand-over no task waits on: the couple only notices the number at its
next glance, so the cook putting the tray down is recorded here as well, as the board's.

The view draws these as short-lived arrows; being a record with times, what is drawn at
``t`` depends only on the shop and ``t``.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..scheduler import Instrument, Task, Wake
from ..scheduler.journal import RecDeque, Recorded

if TYPE_CHECKING:
    from .world import Shop

KEEP = 64  # hand-overs kept: far more than happen in the seconds an arrow lasts


@dataclass(frozen=True)
class Handoff:
    """At ``time`` ``waker`` woke ``woken`` (a couple or staff member): ``how`` on ``what``."""

    time: float
    waker: object
    woken: object
    how: str  # the kernel's verb: "put", "set", "released", ... or "shows" for the board
    what: str  # the waitable's name ("free counters"; the board's "display shows #6")


class WakeLog(Recorded, Instrument):
    """The recent hand-overs between characters of one shop, oldest first."""

    def __init__(self, shop: Shop, keep: int = KEEP) -> None:
        self.shop = shop
        self.handoffs: deque[Handoff] = RecDeque(maxlen=keep, grow=True)

    def woken(self, task: Task, wake: Wake) -> None:
        waker = wake.by.actor if wake.by is not None else None
        if waker is None or task.actor is None or waker is task.actor:
            return  # a timer, the door, or a character waking itself
        what = wake.on.name if wake.on is not None else ""
        self.handoffs.append(Handoff(wake.time, waker, task.actor, wake.how, what))

    def board(self, number: int, couple: object) -> None:
        """The board now shows ``number``: whoever put the tray down told ``couple``."""
        current = self.shop.kernel.current
        waker = current.actor if current is not None else None
        if waker is not None:
            self.handoffs.append(
                Handoff(self.shop.now, waker, couple, "shows", f"display shows #{number}")
            )

    def since(self, start: float, end: float) -> list[Handoff]:
        """Hand-overs with ``start < time <= end``, oldest first (they come in time
        order: only the latest few are looked at)."""
        found = []
        for h in reversed(self.handoffs):
            if h.time <= start:
                break
            if h.time <= end:
                found.append(h)
        found.reverse()
        return found
