"""Every knob of the shop in one validated dataclass, shared by the CLI, the game and tests."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace

CONCURRENT = "concurrent"
PARALLEL = "parallel"
MODES = (CONCURRENT, PARALLEL)


class ConfigError(ValueError):
    """A bad setting; the message names the setting (the CLI shows it as ``--flag``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


@dataclass(frozen=True)
class ShopConfig:
    """Times are virtual seconds, distances world pixels (the scene is 1280x720)."""

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
    protagonist: int = 3  # the arrival number of "you and your crush"

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError("mode", f"unknown mode {self.mode!r} (choose concurrent or parallel)")
        limits = {"cashiers": (1, 4), "cooks": (1, 4), "stations": (1, 8), "tables": (1, 12)}
        for name, (low, high) in limits.items():
            value = getattr(self, name)
            if not low <= value <= high:
                raise ConfigError(name, f"must be from {low} to {high}, got {value}")
        for name in ("couples", "first_couples", "protagonist"):
            if getattr(self, name) < 0:
                raise ConfigError(name, f"must be >= 0, got {getattr(self, name)}")
        for name in ("arrival_mean", "walk_speed", "talk_bit"):
            value = getattr(self, name)
            if not value > 0 or math.isnan(value):
                raise ConfigError(name, f"must be > 0, got {value}")
        for name in ("order_time", "pay_time", "cook_time", "eat_time", "glance_time"):
            value = getattr(self, name)
            if not value >= 0 or math.isinf(value):
                raise ConfigError(name, f"must be a finite number >= 0, got {value}")
        if self.cook_spread not in ("gamma", "exponential", "fixed"):
            raise ConfigError(
                "cook_spread", f"unknown spread {self.cook_spread!r} (gamma, exponential, fixed)"
            )

    def with_mode(self, mode: str) -> ShopConfig:
        """Same shop, same arrivals, other mode: what TAB and side-by-side compare."""
        return replace(self, mode=mode)

    @classmethod
    def field_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]
