"""Every knob of the shop in one validated dataclass, shared by the CLI, the game and tests.

The ranges in ``LIMITS`` are the one place a setting is judged: outside them the shop would
hang (a couple every 1e-300 s is admitted forever at t=0), crash (``inf`` seconds between
couples) or stop being a burger shop anyone could watch. The CLI shows them in ``--help``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

CONCURRENT = "concurrent"
PARALLEL = "parallel"
MODES = (CONCURRENT, PARALLEL)
SPREADS = ("gamma", "exponential", "fixed")
MAX_DAY = 1_000_000  # couples in a finite day, and the highest protagonist number


class ConfigError(ValueError):
    """A bad setting; the message names the setting (the CLI shows it as ``--flag``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Range:
    """The values a setting accepts, both ends included; ``inf_ok`` also lets infinity in."""

    low: float
    high: float
    whole: bool = False  # a count: ints only
    inf_ok: bool = False

    def __str__(self) -> str:
        return f"{_plain(self.low)}-{_plain(self.high)}{self._or_inf}"

    @property
    def _or_inf(self) -> str:
        return " or inf" if self.inf_ok else ""

    def problem(self, value: object) -> str | None:
        """Why ``value`` is refused, phrased for the user; None when it is fine."""
        if isinstance(value, bool) or not isinstance(value, int if self.whole else int | float):
            kind = "a whole number" if self.whole else "a number"
            return f"must be {kind}, got {value!r}"
        if self.inf_ok and value == math.inf:
            return None
        if not self.low <= value <= self.high:  # also refuses nan
            span = f"{_plain(self.low)} to {_plain(self.high)}{self._or_inf}"
            return f"must be from {span}, got {value:g}"
        return None


def _plain(value: float) -> str:
    """1000000 as 1,000,000, not 1e+06; 0.5 as 0.5."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


LIMITS: dict[str, Range] = {
    "cashiers": Range(1, 4, whole=True),
    "cooks": Range(1, 4, whole=True),
    "stations": Range(1, 8, whole=True),
    "tables": Range(1, 12, whole=True),
    "couples": Range(0, MAX_DAY, whole=True),
    "arrival_mean": Range(0.5, 3600),
    "first_couples": Range(0, 100, whole=True),
    "order_time": Range(0, 600),
    "pay_time": Range(0, 600),
    "cook_time": Range(0, 3600),
    "eat_time": Range(0, 3600),
    "talk_bit": Range(0.1, 600),  # shorter bits would spin the talk loop at one instant
    "glance_time": Range(0, 60),
    "walk_speed": Range(10, 10_000, inf_ok=True),
    "protagonist": Range(0, MAX_DAY, whole=True),
}


@dataclass(frozen=True)
class ShopConfig:
    """Times are virtual seconds, distances world pixels (the scene is 1280x720)."""

    _as_is = True  # fixed for the day

    mode: str = CONCURRENT
    seed: int = 1
    cashiers: int = 1  # concurrent shop: order takers
    cooks: int = 1  # concurrent shop: kitchen staff
    stations: int = 8  # parallel shop: cashier-cooks, one per numbered counter
    tables: int = 9
    couples: int = 0  # 0 = couples keep arriving for as long as the shop runs
    arrival_mean: float = 14.0  # mean seconds between couples (exponential)
    first_couples: int = 3  # that many arrive in a burst at opening: a line to stand in
    order_time: float = 3.0  # saying what they want
    pay_time: float = 2.0
    cook_time: float = 8.0  # mean seconds to cook one order of two burgers
    cook_spread: str = "gamma"  # "gamma" (realistic), "exponential" (queueing theory), "fixed"
    eat_time: float = 22.0
    talk_bit: float = 3.5  # mean length of one bit of conversation
    glance_time: float = 0.8
    walk_speed: float = 150.0  # pixels per second; inf = teleport (for theory checks)
    protagonist: int = 3  # the arrival number of "you and your crush"; 0 = nobody

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError("mode", f"unknown mode {self.mode!r} (choose concurrent or parallel)")
        if isinstance(self.seed, bool) or not isinstance(self.seed, int):
            raise ConfigError("seed", f"must be a whole number, got {self.seed!r}")
        for name, allowed in LIMITS.items():
            problem = allowed.problem(getattr(self, name))
            if problem is not None:
                raise ConfigError(name, problem)
        if self.cook_spread not in SPREADS:
            raise ConfigError(
                "cook_spread", f"unknown spread {self.cook_spread!r} (gamma, exponential, fixed)"
            )

    def with_mode(self, mode: str) -> ShopConfig:
        """Same shop, same arrivals, other mode: what TAB and side-by-side compare."""
        return replace(self, mode=mode)

    def expected_couples(self, seconds: float) -> float:
        """About how many couples arrive in ``seconds``: what a run of that length costs."""
        coming = self.first_couples + seconds / self.arrival_mean
        return min(coming, self.couples) if self.couples else coming
