"""Shapes in 1x sprite coordinates, painted on an ``S``-times supersampled canvas.

A shape is a function that paints itself in one colour; a part of a sprite is a list of
shapes, so a painter can outline and shade their union in one go.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import pygame

S = 4  # supersampling factor: everything is painted at S x and scaled down
Pt = tuple[float, float]
Shape = Callable[[pygame.Surface, tuple[int, ...]], None]


def scaled(v: float) -> int:
    """Scale a 1x coordinate to the supersampled canvas."""
    return round(v * S)


def scaled_pt(p: Pt) -> tuple[int, int]:
    return (scaled(p[0]), scaled(p[1]))


def lerp(a: Pt, b: Pt, t: float) -> Pt:
    """Point at fraction ``t`` from ``a`` to ``b``."""
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def add(a: Pt, dx: float, dy: float) -> Pt:
    """Point ``a`` moved by (dx, dy)."""
    return (a[0] + dx, a[1] + dy)


def ellipse_pts(
    cx: float, cy: float, rx: float, ry: float, a0: float = 0, a1: float = 360, n: int = 48,
    angle: float = 0.0,
) -> list[Pt]:
    """Points on an (optionally rotated) ellipse arc, angles in degrees, y down."""
    ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    pts = []
    for i in range(n + 1):
        t = math.radians(a0 + (a1 - a0) * i / n)
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


def ellipse(cx: float, cy: float, rx: float, ry: float, angle: float = 0.0) -> Shape:
    """Filled ellipse centred at (cx, cy)."""
    if angle:
        return poly(ellipse_pts(cx, cy, rx, ry, angle=angle))

    def draw(surf: pygame.Surface, col: tuple[int, ...]) -> None:
        left, top = scaled(cx - rx), scaled(cy - ry)
        pygame.draw.ellipse(surf, col, (left, top, scaled(cx + rx) - left, scaled(cy + ry) - top))

    return draw


def circle(cx: float, cy: float, r: float) -> Shape:
    """Filled circle."""
    return ellipse(cx, cy, r, r)


def poly(pts: Sequence[Pt]) -> Shape:
    """Filled polygon."""

    def draw(surf: pygame.Surface, col: tuple[int, ...]) -> None:
        pygame.draw.polygon(surf, col, [scaled_pt(p) for p in pts])

    return draw


def rect(x: float, y: float, w: float, h: float, r: float = 0.0) -> Shape:
    """Filled (rounded) rectangle."""

    def draw(surf: pygame.Surface, col: tuple[int, ...]) -> None:
        left, top = scaled(x), scaled(y)
        box = (left, top, scaled(x + w) - left, scaled(y + h) - top)
        pygame.draw.rect(surf, col, box, border_radius=scaled(r) if r else 0)

    return draw


def limb(a: Pt, b: Pt, ra: float, rb: float | None = None) -> Shape:
    """Tapered capsule from ``a`` (radius ra) to ``b`` (radius rb)."""
    rb = ra if rb is None else rb
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / d, dx / d
    quad = [(a[0] + nx * ra, a[1] + ny * ra), (b[0] + nx * rb, b[1] + ny * rb),
            (b[0] - nx * rb, b[1] - ny * rb), (a[0] - nx * ra, a[1] - ny * ra)]
    parts = [circle(a[0], a[1], ra), circle(b[0], b[1], rb), poly(quad)]

    def draw(surf: pygame.Surface, col: tuple[int, ...]) -> None:
        for part in parts:
            part(surf, col)

    return draw


def stroke(pts: Sequence[Pt], width: float) -> Shape:
    """Polyline with round joins and caps."""
    segs = [limb(a, b, width / 2) for a, b in zip(pts, pts[1:], strict=False)]

    def draw(surf: pygame.Surface, col: tuple[int, ...]) -> None:
        for seg in segs:
            seg(surf, col)

    return draw


def cut(shape: Shape) -> Shape:
    """Erase ``shape`` from the shapes drawn before it (in the same list)."""
    return lambda surf, col: shape(surf, (0, 0, 0, 0))


def heart_shape(cx: float, cy: float, r: float) -> list[Shape]:
    """A heart of half-width ~2r, centred at (cx, cy)."""
    return [circle(cx - r * 0.52, cy - r * 0.25, r * 0.58),
            circle(cx + r * 0.52, cy - r * 0.25, r * 0.58),
            poly([(cx - r * 1.06, cy - r * 0.1), (cx + r * 1.06, cy - r * 0.1),
                  (cx, cy + r * 0.95)])]


def arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int,
        width: float) -> Shape:
    """A stroked elliptic arc: smiles, frowns, closed eyes, curls and handles."""
    return stroke(ellipse_pts(cx, cy, rx, ry, a0, a1, n), width)
