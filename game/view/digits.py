"""Seven-segment digits for the ORDER # READY board and the counter numbers."""

from __future__ import annotations

import pygame

SEGMENTS = {  # which of a..g are lit
    "0": "abcdef",
    "1": "bc",
    "2": "abged",
    "3": "abgcd",
    "4": "fgbc",
    "5": "afgcd",
    "6": "afgedc",
    "7": "abc",
    "8": "abcdefg",
    "9": "abcdfg",
    "-": "g",
    " ": "",
}
Point = tuple[float, float]


def _bar(a: Point, b: Point, t: float) -> list[Point]:
    """A hexagonal segment from ``a`` to ``b`` (horizontal or vertical), ``t`` thick."""
    h = t / 2
    if a[1] == b[1]:
        (xa, y), (xb, _) = a, b
        return [
            (xa, y),
            (xa + h, y - h),
            (xb - h, y - h),
            (xb, y),
            (xb - h, y + h),
            (xa + h, y + h),
        ]
    (x, ya), (_, yb) = a, b
    return [(x, ya), (x + h, ya + h), (x + h, yb - h), (x, yb), (x - h, yb - h), (x - h, ya + h)]


def segment_polygons(x: float, y: float, w: float, h: float) -> dict[str, list[Point]]:
    t = max(2.0, w * 0.2)
    g = max(1.0, t * 0.15)  # the small gap between segments
    x0, x1 = x + t / 2, x + w - t / 2
    y0, ym, y1 = y + t / 2, y + h / 2, y + h - t / 2
    return {
        "a": _bar((x0 + g, y0), (x1 - g, y0), t),
        "g": _bar((x0 + g, ym), (x1 - g, ym), t),
        "d": _bar((x0 + g, y1), (x1 - g, y1), t),
        "f": _bar((x0, y0 + g), (x0, ym - g), t),
        "b": _bar((x1, y0 + g), (x1, ym - g), t),
        "e": _bar((x0, ym + g), (x0, y1 - g), t),
        "c": _bar((x1, ym + g), (x1, y1 - g), t),
    }


def draw_digits(
    surface: pygame.Surface,
    text: str,
    rect: pygame.Rect,
    on: tuple[int, int, int],
    off: tuple[int, int, int] | None = None,
) -> None:
    """Draw ``text`` as lit segments centred in ``rect`` (unlit segments dimly, if ``off``)."""
    n = max(1, len(text))
    w = min(rect.h * 0.55, rect.w / (n + 0.25 * (n - 1)))
    gap = w * 0.25
    left = rect.centerx - (n * w + (n - 1) * gap) / 2
    for i, ch in enumerate(text):
        lit = SEGMENTS.get(ch, "")
        for name, poly in segment_polygons(left + i * (w + gap), rect.y, w, rect.h).items():
            if name in lit:
                pygame.draw.polygon(surface, on, poly)
            elif off is not None:
                pygame.draw.polygon(surface, off, poly)
