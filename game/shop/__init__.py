"""The shop room: places, orders, metrics and the actors, as coroutines. No pygame here."""

from .config import CONCURRENT, MODES, PARALLEL, ConfigError, ShopConfig
from .metrics import Metrics, Outcome, measure, outcome
from .world import Shop

__all__ = [
    "CONCURRENT",
    "MODES",
    "PARALLEL",
    "ConfigError",
    "Metrics",
    "Outcome",
    "Shop",
    "ShopConfig",
    "measure",
    "outcome",
]
