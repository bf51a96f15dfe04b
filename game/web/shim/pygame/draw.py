"""pygame.draw on the canvas. Rects and straight lines are filled boxes, pixel for pixel as
pygame sets them (colour and alpha written as they are); slanted lines, circles, ellipses
and polygons are canvas paths, whose edges are smoothed where pygame's are stepped."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import _backend as B
from .rect import Rect, _half, _make
from .surface import Surface, colour

_c = B.canvas


def _css(surface: Surface, color: Any) -> str:
    css, opaque, _a = colour(color)
    return css if surface._alpha else opaque


def _box(surface: Surface, css: str, x: int, y: int, w: int, h: int) -> None:
    c = surface._clip
    x0, y0 = max(x, c.x), max(y, c.y)
    x1, y1 = min(x + w, c.x + c.w), min(y + h, c.y + c.h)
    if x1 > x0 and y1 > y0:
        _c.fill(surface._s, css, x0, y0, x1 - x0, y1 - y0)


def rect(
    surface: Surface, color: Any, rect: Any, width: int = 0, border_radius: int = 0,
    border_top_left_radius: int = -1, border_top_right_radius: int = -1,
    border_bottom_left_radius: int = -1, border_bottom_right_radius: int = -1,
) -> Rect:
    r = rect.copy() if isinstance(rect, Rect) else Rect(rect)
    r.normalize()
    css = _css(surface, color)
    width = int(width)
    if width < 0:
        return Rect(r.x, r.y, 0, 0)
    radius = int(border_radius)
    if radius > 0:
        _c.rect(surface._s, css, r.x, r.y, r.w, r.h, width, radius)
    elif width == 0 or width * 2 >= min(r.w, r.h):
        _box(surface, css, r.x, r.y, r.w, r.h)
    else:
        _box(surface, css, r.x, r.y, r.w, width)
        _box(surface, css, r.x, r.bottom - width, r.w, width)
        _box(surface, css, r.x, r.y + width, width, r.h - 2 * width)
        _box(surface, css, r.right - width, r.y + width, width, r.h - 2 * width)
    return r.clip(surface._clip)


def line(surface: Surface, color: Any, start_pos: Sequence[float], end_pos: Sequence[float],
         width: int = 1) -> Rect:
    x0, y0 = int(start_pos[0]), int(start_pos[1])
    x1, y1 = int(end_pos[0]), int(end_pos[1])
    width = int(width)
    if width < 1:
        return _make(x0, y0, 0, 0)
    bx, by = min(x0, x1), min(y0, y1)  # the line's box (whole numbers: no Rect until the end)
    bw, bh = abs(x1 - x0) + 1, abs(y1 - y0) + 1
    css = _css(surface, color)
    if x0 == x1:  # a straight line is a box, widened as pygame widens it (a dot: sideways)
        _box(surface, css, x0 - (width - 1) // 2, by, width, bh)
    elif y0 == y1:
        _box(surface, css, bx, y0 - (width - 1) // 2, bw, width)
    else:
        _c.line(surface._s, css, x0, y0, x1, y1, width)
    grow = width - 1  # the box inflated by the width, as Rect.inflate does it
    return _make(bx - _half(grow), by - _half(grow), bw + grow, bh + grow)


def _flat(points: Sequence[Sequence[float]]) -> list[int]:
    return [int(v) for p in points for v in (p[0], p[1])]


def _bounds(points: Sequence[Sequence[float]]) -> Rect:
    xs, ys = [int(p[0]) for p in points], [int(p[1]) for p in points]
    return Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def lines(surface: Surface, color: Any, closed: bool, points: Sequence[Sequence[float]],
          width: int = 1) -> Rect:
    if len(points) < 2:
        raise ValueError("points argument must contain 2 or more points")
    _c.polyline(surface._s, _css(surface, color), B.to_js(_flat(points)), bool(closed), int(width))
    return _bounds(points)


def aalines(surface: Surface, color: Any, closed: bool, points: Sequence[Sequence[float]]) -> Rect:
    return lines(surface, color, closed, points, 1)


def aaline(surface: Surface, color: Any, start_pos: Sequence[float], end_pos: Sequence[float],
           width: int = 1) -> Rect:
    return line(surface, color, start_pos, end_pos, width)


def polygon(surface: Surface, color: Any, points: Sequence[Sequence[float]],
            width: int = 0) -> Rect:
    if len(points) < 3:
        raise ValueError("points argument must contain more than 2 points")
    _c.polygon(surface._s, _css(surface, color), B.to_js(_flat(points)), int(width))
    return _bounds(points)


def circle(surface: Surface, color: Any, center: Sequence[float], radius: float,
           width: int = 0, **corners: bool) -> Rect:
    x, y, r = int(center[0]), int(center[1]), int(radius)
    if r < 1 or width < 0:
        return Rect(x, y, 0, 0)
    _c.circle(surface._s, _css(surface, color), x, y, r, int(width))
    return Rect(x - r, y - r, 2 * r, 2 * r)


def ellipse(surface: Surface, color: Any, rect: Any, width: int = 0) -> Rect:
    r = Rect(rect)
    r.normalize()
    _c.ellipse(surface._s, _css(surface, color), r.x, r.y, r.w, r.h, int(width))
    return r
