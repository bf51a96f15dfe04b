"""What the shop achieved: the numbers the HUD, the charts and the headless report show."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100.0 * len(ordered)))
    return ordered[rank - 1]


def time_average(changes: list[tuple[float, int]], end: float) -> float:
    """Mean of a step function given as (time, value) changes, over [0, end]."""
    if end <= 0:
        return 0.0
    area = 0.0
    for (t0, value), (t1, _) in zip(changes, [*changes[1:], (end, 0)], strict=True):
        area += value * (min(t1, end) - t0)
    return area / end


def measure(shop: Shop) -> Metrics:
    now = shop.now
    couples = [*shop.departed, *shop.couples]
    waits = [c.served_at - c.ordered_at for c in shop.served if c.ordered_at is not None]
    line_waits = [c.turn_at - c.arrived for c in couples if c.turn_at is not None]
    waiting = flirting = standing = 0.0
    for couple in couples:
        if couple.ordered_at is None:
            continue
        end = couple.served_at if couple.served_at is not None else now
        spent = couple.timeline.between(couple.ordered_at, end)
        waiting += end - couple.ordered_at
        flirting += sum(spent.get(p, 0.0) for p in WAIT_PHASES_FLIRT)
        standing += sum(spent.get(p, 0.0) for p in WAIT_PHASES_STAND)
    busy = [1.0 - s.timeline.total("idle", now) / now for s in shop.staff] if now > 0 else []
    return Metrics(
        mode=shop.config.mode,
        time=now,
        arrived=len(couples),
        served=len(shop.served),
        departed=len(shop.departed),
        throughput_per_min=len(shop.served) / now * 60.0 if now > 0 else 0.0,
        mean_wait=sum(waits) / len(waits) if waits else 0.0,
        p95_wait=percentile(waits, 95),
        mean_line_wait=sum(line_waits) / len(line_waits) if line_waits else 0.0,
        flirt_share=flirting / waiting if waiting > 0 else 0.0,
        stand_share=standing / waiting if waiting > 0 else 0.0,
        staff_utilisation=sum(busy) / len(busy) if busy else 0.0,
        mean_in_line=time_average(shop.line.changes, now),
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


def outcome(shop: Shop) -> Outcome:
    couples = [*shop.departed, *shop.couples]
    waits, visits = [], []
    for c in shop.served:
        if c.ordered_at is None or c.served_at is None:
            continue
        end = max(c.served_at, c.drinks_at) if c.drinks_at is not None else c.served_at
        waits.append(end - c.ordered_at)
        visits.append(end - c.arrived)
    blocks = shop.kernel.blocks
    return Outcome(
        time=shop.now,
        arrived=len(couples),
        served=len(shop.served),
        never_served=len(couples) - len(shop.served),
        mean_wait=sum(waits) / len(waits) if waits else 0.0,
        mean_visit=sum(visits) / len(visits) if visits else 0.0,
        blocked_seconds=shop.kernel.blocked,
        longest_block=max((b.seconds for b in blocks), default=0.0),
    )
