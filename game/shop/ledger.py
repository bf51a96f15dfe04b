"""What couples leave behind: a few numbers each, in typed arrays, not the couples themselves.

A couple inside the shop is a whole object graph (two people, a timeline, an order, a
random generator, a task). Once served, and once gone, the metrics and the charts need only
a handful of numbers from it, so the shop keeps those here and lets the couple go: memory
per departed couple is about a hundred bytes, whatever the length of the day. The running
sums ``measure`` needs are kept as they come (in the order it used to add them up, so its
figures are the very same floats), and the few latest couples the charts show are kept
aside, so no reader ever walks the whole day.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_right, insort
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from ..scheduler.journal import RecArray, RecDict, RecList, Recorded, SortedRecArray
from .metrics import waiting_split

if TYPE_CHECKING:
    from .people import Couple

NONE = math.nan  # a time that never happened (``None`` on the couple) in a float column
LATEST = 32  # how many of the highest-numbered departed couples are kept aside for charts


def _opt(x: float) -> float | None:
    return None if math.isnan(x) else x


class Departed(NamedTuple):
    """One departed couple, as read back from the columns (built on demand)."""

    index: int
    protagonist: bool
    arrived: float
    turn_at: float | None
    ordered_at: float | None
    served_at: float | None
    left_at: float
    number: int | None
    burgers_eaten: int
    spent: dict[str, float]  # seconds per timeline phase over the whole visit

    @property
    def name(self) -> str:
        return f"couple #{self.index}"


class Departures(Recorded):
    """Every departed couple, one row each, in the order they left.

    ``len``, indexing and iteration give ``Departed`` records. ``latest(n)`` gives the
    ``n`` highest-numbered ones (n <= ``LATEST``) without a scan. The running totals
    (``line_wait_sum`` ...) are what ``measure`` used to add up over every departed couple.
    """

    def __init__(self) -> None:
        self.index = RecArray("q")  # its length: how many had left, at any tick
        self.arrived = array("d")
        self.turn_at = array("d")
        self.ordered_at = array("d")
        self.served_at = array("d")
        self.left_at = array("d")
        self.number = array("q")  # 0: no turn number (the parallel shop)
        self.burgers_eaten = array("q")
        self.spent: dict[str, array[float]] = {}  # phase label -> seconds, one per row
        self.protagonist_row = -1
        # (index, row) of the LATEST highest-numbered, ascending: a new tuple at each change,
        # so the journal keeps what it was at any tick (the charts of the past read it)
        self._latest: tuple[tuple[int, int], ...] = ()
        # running sums, in departure order: arrival -> counter, and paid -> burgers split
        self.line_wait_sum = 0.0
        self.line_waits = 0
        self.waiting = 0.0
        self.flirting = 0.0
        self.standing = 0.0

    def __len__(self) -> int:
        return len(self.index)

    def add(self, couple: Couple, now: float) -> None:
        """Note what is left of ``couple`` leaving at ``now`` (its timeline is closed)."""
        row = len(self.index)
        self.index.append(couple.index)
        self.arrived.append(couple.arrived)
        for column, value in (
            (self.turn_at, couple.turn_at),
            (self.ordered_at, couple.ordered_at),
            (self.served_at, couple.served_at),
        ):
            column.append(NONE if value is None else value)
        self.left_at.append(now)
        self.number.append(couple.number or 0)
        self.burgers_eaten.append(couple.burgers_eaten)
        spent = couple.timeline.between(couple.arrived, now)
        for label in spent.keys() - self.spent.keys():
            self.spent[label] = array("d", bytes(8 * row))  # a new phase: zeros so far
        for label, column in self.spent.items():
            column.append(spent.get(label, 0.0))
        if couple.protagonist:
            self.protagonist_row = row
        latest = self._latest
        if len(latest) < LATEST or couple.index > latest[0][0]:
            kept = list(latest if len(latest) < LATEST else latest[1:])
            insort(kept, (couple.index, row))
            self._latest = tuple(kept)
        if couple.turn_at is not None:
            self.line_wait_sum += couple.turn_at - couple.arrived
            self.line_waits += 1
        split = waiting_split(couple, now)
        if split is not None:
            self.waiting += split[0]
            self.flirting += split[1]
            self.standing += split[2]

    def __getitem__(self, row: int) -> Departed:
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(f"no departed couple at row {row}")
        return Departed(
            index=self.index[row],
            protagonist=row == self.protagonist_row,
            arrived=self.arrived[row],
            turn_at=_opt(self.turn_at[row]),
            ordered_at=_opt(self.ordered_at[row]),
            served_at=_opt(self.served_at[row]),
            left_at=self.left_at[row],
            number=self.number[row] or None,
            burgers_eaten=self.burgers_eaten[row],
            spent={label: c[row] for label, c in self.spent.items() if c[row] > 0.0},
        )

    def __iter__(self) -> Iterator[Departed]:
        return (self[row] for row in range(len(self)))

    def latest(self, count: int) -> list[Departed]:
        """The ``count`` highest-numbered departed couples, lowest number first."""
        if count > LATEST:
            raise ValueError(f"only the latest {LATEST} departed couples are kept, not {count}")
        return [self[row] for _, row in sorted(self._latest)[-count:]] if count > 0 else []


class Served(Recorded):
    """Every couple that got their burgers: when, and how long after paying.

    ``times`` only grows at its end (virtual time never goes back), so "how many by t" is a
    bisection. ``waits`` are kept sorted for percentiles; ``wait_sum`` adds them in serve
    order, as ``measure`` used to. Couples served but still inside are kept by number, so
    the charts find the latest ones without a scan.
    """

    def __init__(self) -> None:
        self.times = RecArray("d")
        self.indices = array("q")
        self.waits = SortedRecArray("d")  # order paid -> burgers, ascending
        self.wait_count = 0  # how many waits (read without the column)
        self.wait_sum = 0.0
        self._inside: dict[int, Couple] = RecDict()  # (recorded: the charts of the past)
        self._inside_order: list[int] = RecList()  # their numbers, ascending

    def __len__(self) -> int:
        return len(self.times)

    def add(self, couple: Couple, now: float) -> None:
        self.times.append(now)
        self.indices.append(couple.index)
        if couple.ordered_at is not None:
            wait = now - couple.ordered_at
            insort(self.waits, wait)
            self.wait_count += 1
            self.wait_sum += wait
        self._inside[couple.index] = couple
        insort(self._inside_order, couple.index)

    def gone(self, couple: Couple) -> None:
        """``couple`` left the shop: forget the object, the numbers above stay."""
        if self._inside.pop(couple.index, None) is not None:
            self._inside_order.pop(bisect_right(self._inside_order, couple.index) - 1)

    def count_until(self, t: float) -> int:
        """How many couples had their burgers at or before ``t``."""
        return bisect_right(self.times, t)

    def latest_inside(self, count: int) -> list[Couple]:
        """The ``count`` highest-numbered couples served and still inside, lowest first."""
        return [self._inside[i] for i in self._inside_order[-count:]] if count > 0 else []
