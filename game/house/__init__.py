"""The house-cleaning scene: all work, no waiting. Model only: no pygame here.

One cleaner switching rooms (concurrent) vs one helper per room (parallel), on the same
virtual-time scheduler as the shop. Build with ``House(HouseConfig(mode=..., seed=...))``,
move time with ``house.advance(dt)``, read ``house.rooms`` and ``house.cleaners``.
"""

from .config import CONCURRENT, MODES, PARALLEL, HouseConfig, HouseConfigError
from .metrics import Forecast, HouseMetrics, forecast, measure
from .world import House, Room

__all__ = [
    "CONCURRENT",
    "MODES",
    "PARALLEL",
    "Forecast",
    "House",
    "HouseConfig",
    "HouseConfigError",
    "HouseMetrics",
    "Room",
    "forecast",
    "measure",
]
