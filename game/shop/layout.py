"""Where things stand in each shop, in world pixels of the 1280x720 scene.

The model walks people between these points; the view draws furniture at the same
points, so both read one layout and can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .config import CONCURRENT, ShopConfig

Point = tuple[float, float]

WIDTH, HEIGHT = 1280, 720
WALL_BOTTOM = 250  # the back wall ends and the floor begins here
DOOR = (67.0, 268.0)  # just inside the door on the back wall, left
KITCHEN_WINDOW = (140, 30, 400, 210)  # x, y, w, h of the concurrent kitchen's service window
PICKUP_COUNTER = (350, 238, 170, 96)
REGISTER_COUNTER = (580, 238, 200, 96)
DISPLAY = (812, 38, 230, 140)


@dataclass(frozen=True)
class Table:
    """A round table with two stools; ``seats`` are where each of the couple sits."""

    _as_is = True  # fixed for the day

    index: int
    center: Point
    seats: tuple[Point, Point]


@dataclass(frozen=True)
class Station:
    """Where one member of staff serves: behind the counter, and the customer's spot."""

    _as_is = True  # fixed for the day

    index: int
    staff_spot: Point  # feet of the server behind the counter
    customer_spot: Point  # feet of the couple (their middle) in front of it
    grill_spot: Point  # where the server cooks
    pass_spot: Point  # where cooked trays are put down (concurrent: the pickup counter)


@dataclass(frozen=True)
class Layout:
    _as_is = True  # fixed for the day

    mode: str
    line: list[Point]
    stations: list[Station]
    tables: list[Table]
    pickup_spot: Point = (0.0, 0.0)  # where a couple member stands to take a tray
    aisle: Point = (0.0, 0.0)  # between the pickup and the tables, behind the till's queue
    tray_spots: list[Point] = field(default_factory=list)  # trays on the pickup counter
    kitchen: list[Station] = field(default_factory=list)  # concurrent: one grill per cook
    door: Point = DOOR

    def line_spot(self, index: int) -> Point:
        """Spot of the ``index``-th couple in line; the overflow piles up at the door."""
        return self.line[min(index, len(self.line) - 1)]


def _tables(count: int, columns: list[float], rows: list[float]) -> list[Table]:
    spots = [(x, y) for y in rows for x in columns][:count]
    return [
        Table(i, (x, y), ((x - 50.0, y + 4.0), (x + 50.0, y + 4.0)))
        for i, (x, y) in enumerate(spots)
    ]


def concurrent_layout(config: ShopConfig) -> Layout:
    line = [(680.0, 495.0), (680.0, 575.0), (630.0, 655.0)]
    line += [(540.0 - 90.0 * i, 655.0) for i in range(6)]
    line += [(70.0, 590.0 - 70.0 * i) for i in range(5)]
    stations = []
    for i in range(config.cashiers):
        x = 680.0 + (i - (config.cashiers - 1) / 2) * 70.0
        stations.append(Station(i, (x, 268.0), (x, 392.0), (x, 268.0), (x, 268.0)))
    kitchen = []
    for i in range(config.cooks):
        x = 215.0 + i * 75.0
        kitchen.append(Station(i, (x + 50, 250.0), (0.0, 0.0), (x + 40.0, 250.0), (420.0, 250.0)))
    tables = _tables(config.tables, [880.0, 1035.0, 1190.0], [405.0, 525.0, 640.0, 290.0])
    trays = [(365.0 + 52.0 * (i % 3), 232.0 - 14.0 * (i // 3)) for i in range(12)]
    return Layout(
        CONCURRENT, line, stations, tables, (430.0, 372.0), (790.0, 352.0), trays, kitchen
    )


def parallel_layout(config: ShopConfig) -> Layout:
    line = [(640.0 - 85.0 * i, 492.0) for i in range(7)] + [(70.0, 430.0), (70.0, 360.0)]
    line += [(70.0, 300.0)]
    stations = []
    for i in range(config.stations):
        x = 218.0 + 136.0 * i
        stations.append(Station(i, (x, 268.0), (x, 408.0), (x, 192.0), (x, 268.0)))
    tables = _tables(config.tables, [230.0, 405.0, 580.0, 755.0, 930.0, 1105.0], [640.0])
    return Layout("parallel", line, stations, tables)


def layout_for(config: ShopConfig) -> Layout:
    return concurrent_layout(config) if config.mode == CONCURRENT else parallel_layout(config)
