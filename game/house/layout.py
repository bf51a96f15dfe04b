"""Where the rooms are, in world pixels of the 1280x720 scene.

A house cut into a 3x3 grid of rooms (seen from the front and a little above, like the
shop) between a 40px top bar and a 40px caption strip. Each room has a back wall strip at
its top and a floor below; doors join neighbouring rooms. The model walks cleaners along
these points and the view draws furniture at the same points, so they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

Point = tuple[float, float]
Rect = tuple[int, int, int, int]  # x, y, w, h

WIDTH, HEIGHT = 1280, 720
TOP_BAR = 40  # the comparison panel
CAPTION = 40  # the caption strip at the bottom
COLUMNS, ROWS = 3, 3
WALL = 58  # height of a room's back wall strip
FEET = 112  # how far below the back wall the cleaner stands while switching in
DOOR_WIDTH = 56


@dataclass(frozen=True)
class RoomSpec:
    """One room: its rectangle, floor kind, furniture and where a cleaner stands."""

    _as_is = True  # fixed for the day

    index: int  # chore order: 0 is your room, then the round-robin ring
    name: str
    cell: tuple[int, int]  # (column, row)
    rect: Rect
    floor: str  # "floor_wood" or "floor_tile" (sheet tags of ``house``)
    furniture: tuple[tuple[str, Point], ...]  # (house tag, midbottom point)

    @property
    def floor_top(self) -> int:
        return self.rect[1] + WALL

    @property
    def spot(self) -> Point:
        """Where a cleaner stands on arriving: the middle of the floor."""
        x, _, w, _ = self.rect
        return (x + w / 2, self.floor_top + FEET)


def cell_rect(col: int, row: int) -> Rect:
    """The rectangle of the room in grid cell (col, row)."""
    xs = [round(WIDTH * c / COLUMNS) for c in range(COLUMNS + 1)]
    height = HEIGHT - TOP_BAR - CAPTION
    ys = [TOP_BAR + round(height * r / ROWS) for r in range(ROWS + 1)]
    return (xs[col], ys[row], xs[col + 1] - xs[col], ys[row + 1] - ys[row])


# name, cell, floor, furniture as (tag, offset of its midbottom from the floor's top-left)
_PLAN: tuple[tuple[str, tuple[int, int], str, tuple[tuple[str, Point], ...]], ...] = (
    ("your room", (2, 2), "floor_wood", (("bed", (86, 36)), ("desk", (330, 34)))),
    ("kitchen", (1, 2), "floor_tile", (("stove", (90, 34)), ("bookshelf", (340, 30)))),
    ("laundry", (0, 2), "floor_tile", (("bath", (96, 30)), ("bookshelf", (330, 30)))),
    ("study", (0, 1), "floor_wood", (("desk", (96, 34)), ("bookshelf", (320, 30)))),
    ("bedroom", (0, 0), "floor_wood", (("bed", (90, 36)), ("bookshelf", (330, 30)))),
    ("bathroom", (1, 0), "floor_tile", (("bath", (110, 30)),)),
    ("kids' room", (2, 0), "floor_wood", (("bed", (92, 36)), ("desk", (330, 34)))),
    ("living room", (2, 1), "floor_wood", (("sofa", (100, 36)), ("bookshelf", (340, 30)))),
    ("hall", (1, 1), "floor_wood", (("bookshelf", (80, 30)), ("sofa", (320, 36)))),
)


def _room(index: int) -> RoomSpec:
    name, (col, row), floor, furniture = _PLAN[index]
    rect = cell_rect(col, row)
    top = rect[1] + WALL
    placed = tuple((tag, (rect[0] + dx, top + dy)) for tag, (dx, dy) in furniture)
    return RoomSpec(index, name, (col, row), rect, floor, placed)


ROOMS: tuple[RoomSpec, ...] = tuple(_room(i) for i in range(len(_PLAN)))


def door_between(a: tuple[int, int], b: tuple[int, int]) -> tuple[Point, Point]:
    """The two floor points either side of the door joining neighbouring cells a and b."""
    (ca, ra), (cb, rb) = a, b
    if abs(ca - cb) + abs(ra - rb) != 1:
        raise ValueError(f"cells {a} and {b} are not neighbours")
    if ra == rb:  # a door in the side wall, at the height of a standing cleaner
        x = cell_rect(max(ca, cb), ra)[0]
        y = cell_rect(ca, ra)[1] + WALL + FEET - 30
        step = 1 if cb > ca else -1
        return ((x - 24 * step, y), (x + 24 * step, y))
    # a door in the back wall of the lower room leads to the front of the room above
    lower = cell_rect(ca, max(ra, rb))
    x = lower[0] + lower[2] / 2  # furniture stands left and right, never in the middle
    inside_lower = (x, lower[1] + WALL + 6)
    front_upper = (x, lower[1] - 6)
    return (inside_lower, front_upper) if ra > rb else (front_upper, inside_lower)


def doors() -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Every pair of neighbouring cells (each has a door): the view draws these."""
    out = []
    for col in range(COLUMNS):
        for row in range(ROWS):
            if col + 1 < COLUMNS:
                out.append(((col, row), (col + 1, row)))
            if row + 1 < ROWS:
                out.append(((col, row), (col, row + 1)))
    return out


def route(a: RoomSpec, b: RoomSpec) -> list[Point]:
    """Walking points from room a's spot to room b's spot: along the row, then the column."""
    points: list[Point] = []
    col, row = a.cell
    while (col, row) != b.cell:
        if col != b.cell[0]:
            nxt = (col + (1 if b.cell[0] > col else -1), row)
        else:
            nxt = (col, row + (1 if b.cell[1] > row else -1))
        points.extend(door_between((col, row), nxt))
        col, row = nxt
    points.append(b.spot)
    return points
