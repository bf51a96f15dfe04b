"""Every knob of the house-cleaning scene in one validated dataclass.

The work per room is drawn from ``random.Random(seed)``, so the same seed gives the same
dirty house in either mode: that is what makes the two houses comparable side by side.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from random import Random

from ..shop.config import ConfigError

CONCURRENT = "concurrent"
PARALLEL = "parallel"
MODES = (CONCURRENT, PARALLEL)
MAX_ROOMS = 9


class HouseConfigError(ConfigError):
    """A bad house setting; ``field`` names it, as for the shop's settings."""

    _as_is = True  # fixed for the day


@dataclass(frozen=True)
class HouseConfig:
    """Times are virtual seconds, distances world pixels (the scene is 1280x720).

    ``concurrent``: one cleaner does every room, a ``slice`` at a time, round-robin, paying
    a walk plus ``switch_cost`` at every change of room. ``parallel``: one helper per room.
    """

    mode: str = CONCURRENT
    seed: int = 1
    rooms: int = MAX_ROOMS  # rooms to clean: 8 rooms plus yours
    work: float = 20.0  # mean seconds of mopping one room needs
    work_spread: float = 0.25  # each room needs work * uniform(1 - spread, 1 + spread)
    switch_cost: float = 1.0  # getting into the next room: bucket down, find where you were
    slice: float = 5.0  # how long the one cleaner mops a room before moving on
    walk_speed: float = 400.0  # pixels per second; inf = teleport (for theory checks)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise HouseConfigError(
                "mode", f"unknown mode {self.mode!r} (choose concurrent or parallel)"
            )
        if isinstance(self.seed, bool) or not isinstance(self.seed, int):
            raise HouseConfigError("seed", f"must be a whole number, got {self.seed!r}")
        if isinstance(self.rooms, bool) or not isinstance(self.rooms, int):
            raise HouseConfigError("rooms", f"must be a whole number, got {self.rooms!r}")
        if not 1 <= self.rooms <= MAX_ROOMS:
            raise HouseConfigError("rooms", f"must be from 1 to {MAX_ROOMS}, got {self.rooms}")
        for name in ("work", "slice"):
            value = getattr(self, name)
            if not (value > 0 and math.isfinite(value)):
                raise HouseConfigError(name, f"must be a finite number > 0, got {value}")
        if not (0 <= self.work_spread < 1):
            raise HouseConfigError(
                "work_spread", f"must be from 0 up to (not including) 1, got {self.work_spread}"
            )
        if not (self.switch_cost >= 0 and math.isfinite(self.switch_cost)):
            raise HouseConfigError(
                "switch_cost", f"must be a finite number >= 0, got {self.switch_cost}"
            )
        if not self.walk_speed > 0:  # also rejects nan
            raise HouseConfigError("walk_speed", f"must be > 0, got {self.walk_speed}")

    def works(self) -> tuple[float, ...]:
        """Seconds of mopping each room needs, in chore order (your room first)."""
        rng = Random(self.seed)
        low, high = 1 - self.work_spread, 1 + self.work_spread
        return tuple(round(self.work * rng.uniform(low, high), 2) for _ in range(self.rooms))

    def with_mode(self, mode: str) -> HouseConfig:
        """Same dirty house, other way of cleaning it."""
        return replace(self, mode=mode)
