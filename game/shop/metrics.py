"""What the shop achieved: the numbers the HUD, the charts and the headless report show."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .people import Couple, Staff, Timeline
    from .places import Line
    from .world import Shop

WAIT_PHASES_FLIRT = ("flirting",)
WAIT_PHASES_STAND = ("standing",)


@dataclass(frozen=True)
class Metrics:
    mode: str
    time: float
    arrived: int
    served: int
    departed: int
    throughput_per_min: float
    mean_wait: float  # order paid -> burgers in hand
    p95_wait: float
    mean_line_wait: float  # arrival -> reaching a counter
    flirt_share: float  # of all time waiting for burgers, the share spent flirting
    stand_share: float  # ... and the share spent standing at a counter
    staff_utilisation: float  # mean busy share of all staff
    mean_in_line: float  # time-average number of couples in line (Little's law: L)

    def as_dict(self) -> dict[str, float | int | str]:
        return asdict(self)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile; 0 for no values."""
    return percentile_of_sorted(sorted(values), q)


def percentile_of_sorted(ordered: Sequence[float], q: float) -> float:
    """Nearest-rank percentile of values already in ascending order; 0 for none."""
    if not ordered:
        return 0.0
    rank = max(1, math.ceil(q / 100.0 * len(ordered)))
    return ordered[rank - 1]


def time_average(changes: list[tuple[float, int]], end: float) -> float:
    """Mean of a step function given as (time, value) changes, over [0, end] (changes
    after ``end`` do not count)."""
    return StepArea().area(changes, end) / end if end > 0 else 0.0


class StepArea:
    """The area under a step function whose changes only ever grow at the end.

    Pieces between two recorded changes never change again, so their sum is kept and
    only the new pieces are added: a day's worth of line changes is walked once, not at
    every ``measure``. Added in the same order as a full walk, so the same float results.
    """

    def __init__(self) -> None:
        self.done = 0  # pieces [changes[i], changes[i + 1]) summed so far
        self.sum = 0.0

    def area(self, changes: Sequence[tuple[float, int]], end: float) -> float:
        if self.done and changes[self.done][0] > end:  # asked about an earlier time
            self.done, self.sum = 0, 0.0
        i, area = self.done, self.sum
        while i + 1 < len(changes) and changes[i + 1][0] <= end:
            (t0, value), (t1, _) = changes[i], changes[i + 1]
            area += value * (t1 - t0)
            i += 1
        self.done, self.sum = i, area
        if i < len(changes) and changes[i][0] <= end:  # the piece still open at ``end``
            t0, value = changes[i]
            area += value * (end - t0)
        return area


class LabelTotal:
    """Seconds a timeline spent under one label, its closed phases summed only once.

    Timelines only grow at the end and a closed phase never changes, so, like
    ``StepArea``, this keeps the sum of the closed ones and adds the open rest.
    """

    def __init__(self, label: str) -> None:
        self.label = label
        self.done = 0
        self.sum = 0.0

    def total(self, timeline: Timeline, now: float) -> float:
        phases, label = timeline.phases, self.label
        i, total = self.done, self.sum
        while i < len(phases) and phases[i].end is not None:
            if phases[i].label == label:
                total += phases[i].length(now)
            i += 1
        self.done, self.sum = i, total
        for phase in phases[i:]:
            if phase.label == label:
                total += phase.length(now)
        return total


def utilisation(staff: Staff, now: float) -> float:
    """The share of the day so far a member of staff was not idle."""
    return 1.0 - staff.timeline.idle_so_far(now) / now


def waiting_split(couple: Couple, now: float) -> tuple[float, float, float] | None:
    """Seconds from paying to burgers in hand (or to ``now``): in all, flirting, standing.

    None for a couple that has not ordered yet.
    """
    if couple.ordered_at is None:
        return None
    end = couple.served_at if couple.served_at is not None else now
    spent = couple.timeline.between(couple.ordered_at, end)
    return (
        end - couple.ordered_at,
        sum(spent.get(p, 0.0) for p in WAIT_PHASES_FLIRT),
        sum(spent.get(p, 0.0) for p in WAIT_PHASES_STAND),
    )


def in_line(line: Line, now: float) -> float:
    """Couple-seconds spent in line until ``now`` (the area under its length)."""
    t0, value = line.changes[-1]
    return line.area + value * (now - t0)


def measure(shop: Shop, *, p95: bool = True) -> Metrics:
    """The shop's figures now: the departed couples' running sums plus those inside.

    Cost grows with the couples inside, not with the length of the day. ``p95=False``:
    no 95th percentile (NaN), for a reader that does not show it (the HUD, every frame).
    """
    now = shop.now
    gone, served = shop.departed, shop.served
    line_wait_sum, line_waits = gone.line_wait_sum, gone.line_waits
    waiting, flirting, standing = gone.waiting, gone.flirting, gone.standing
    for couple in shop.couples:
        if couple.turn_at is not None:
            line_wait_sum += couple.turn_at - couple.arrived
            line_waits += 1
        split = waiting_split(couple, now)
        if split is not None:
            waiting += split[0]
            flirting += split[1]
            standing += split[2]
    busy = [utilisation(s, now) for s in shop.staff] if now > 0 else []
    waits = served.wait_count
    return Metrics(
        mode=shop.config.mode,
        time=now,
        arrived=len(gone) + len(shop.couples),
        served=len(served),
        departed=len(gone),
        throughput_per_min=len(served) / now * 60.0 if now > 0 else 0.0,
        mean_wait=served.wait_sum / waits if waits else 0.0,
        p95_wait=percentile_of_sorted(served.waits, 95) if p95 else math.nan,
        mean_line_wait=line_wait_sum / line_waits if line_waits else 0.0,
        flirt_share=flirting / waiting if waiting > 0 else 0.0,
        stand_share=standing / waiting if waiting > 0 else 0.0,
        staff_utilisation=sum(busy) / len(busy) if busy else 0.0,
        mean_in_line=in_line(shop.line, now) / now if now > 0 else 0.0,
    )


@dataclass(frozen=True)
class Outcome:
    """What a level's result card compares, broken against fixed (issue 10)."""

    time: float
    arrived: int
    served: int
    never_served: int  # arrived, and had no burgers when the day ended
    mean_wait: float  # order paid -> everything in hand (the burgers, and drinks if wanted)
    mean_visit: float  # through the door -> everything in hand
    blocked_seconds: float  # the loop held by plain blocking calls
    longest_block: float

    def as_dict(self) -> dict[str, float | int]:
        return asdict(self)


Visit = tuple[float, float | None, float | None]  # arrived, paid, everything in hand


def visit(couple: Couple) -> Visit:
    """A couple's arrival, payment and the time they had everything they came for."""
    end = couple.served_at
    if end is not None and couple.drinks_at is not None:
        end = max(end, couple.drinks_at)
    return (couple.arrived, couple.ordered_at, end)


class Visits:
    """A level's day: each departed couple's ``visit``, heard from ``Shop.on_depart``
    (a level day has a dozen couples: a plain list)."""

    def __init__(self, shop: Shop) -> None:
        self.rows: list[Visit] = []
        shop.on_depart.append(self.add)

    def add(self, couple: Couple) -> None:
        self.rows.append(visit(couple))


def outcome(shop: Shop) -> Outcome:
    """The result card's figures: the level's visits (departed and inside) and the kernel's
    blocking calls."""
    rows = [*(shop.visits.rows if shop.visits is not None else []), *map(visit, shop.couples)]
    waits = [end - paid for _, paid, end in rows if end is not None and paid is not None]
    visits = [end - arrived for arrived, _, end in rows if end is not None]
    blocks = shop.kernel.blocks
    served = len(shop.served)
    return Outcome(
        time=shop.now,
        arrived=len(rows),
        served=served,
        never_served=len(rows) - served,
        mean_wait=sum(waits) / len(waits) if waits else 0.0,
        mean_visit=sum(visits) / len(visits) if visits else 0.0,
        blocked_seconds=shop.kernel.blocked,
        longest_block=max((b.seconds for b in blocks), default=0.0),
    )
