"""What the house-cleaning achieved, and the forecast of both modes the view compares."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache

from .config import CONCURRENT, PARALLEL, HouseConfig
from .world import House


@dataclass(frozen=True)
class HouseMetrics:
    mode: str
    rooms: int
    cleaners: int
    total_work: float  # seconds of mopping the house needs, whoever does it
    finished_at: float  # virtual seconds until the last room is clean
    mopping: float  # seconds cleaners spent mopping (equals total_work)
    switching: float  # seconds spent walking between rooms and getting going
    switches: int

    @property
    def speedup(self) -> float:
        """How many times sooner than one person doing all the work without a break."""
        return self.total_work / self.finished_at if self.finished_at > 0 else 1.0

    def as_dict(self) -> dict[str, float | int | str]:
        return dict(asdict(self), speedup=round(self.speedup, 3))


def measure(house: House) -> HouseMetrics:
    """Metrics of a finished house (raises if rooms are still dirty)."""
    if house.finished_at is None:
        raise ValueError("measure needs a finished house: run it to the end first")
    now = house.now
    return HouseMetrics(
        mode=house.config.mode,
        rooms=len(house.rooms),
        cleaners=len(house.cleaners),
        total_work=house.total_work,
        finished_at=house.finished_at,
        mopping=sum(c.timeline.total("mopping", now) for c in house.cleaners),
        switching=sum(c.timeline.total("switching", now) for c in house.cleaners),
        switches=sum(c.switches for c in house.cleaners),
    )


@dataclass(frozen=True)
class Forecast:
    """Both ways of cleaning the same house, run headless to the end."""

    concurrent: HouseMetrics
    parallel: HouseMetrics

    @property
    def sooner(self) -> float:
        """How many times sooner the helpers finish than the one switching cleaner."""
        return self.concurrent.finished_at / self.parallel.finished_at

    @property
    def finish_times(self) -> dict[str, float]:
        """Each mode's finish time, by mode."""
        return {m.mode: m.finished_at for m in (self.concurrent, self.parallel)}


@lru_cache(maxsize=32)
def forecast(config: HouseConfig) -> Forecast:
    """Run both modes of ``config`` to the end (a few ms); cached per config."""
    results = {}
    for mode in (CONCURRENT, PARALLEL):
        house = House(config.with_mode(mode))
        house.run_to_end()
        results[mode] = measure(house)
    return Forecast(results[CONCURRENT], results[PARALLEL])
