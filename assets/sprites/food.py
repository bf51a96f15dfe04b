"""The burger and its trays: drawn on props, posters, the icon and in people's hands.

One function per object, with a scale, so a burger in a speech bubble, on a poster and in a
customer's hand is the same burger.
"""

from __future__ import annotations

from .painter import Painter
from .palette import BUN, CHEESE, LETTUCE, PATTY, RED
from .shapes import ellipse, ellipse_pts, poly, rect, stroke


def draw_burger(p: Painter, cx: float, cy: float, s: float = 1.0, line: float = 1.1) -> None:
    """A cheeseburger about 20*s wide and 16*s tall, centred at (cx, cy)."""
    lw = line * min(1.0, 0.55 + 0.45 * s)
    p.part([rect(cx - 9 * s, cy + 2.6 * s, 18 * s, 5 * s, 2.4 * s)], BUN, line=lw, band=0.8 * s)
    p.part([rect(cx - 10 * s, cy + 0.2 * s, 20 * s, 4 * s, 2 * s)], PATTY, line=lw, band=0.8 * s)
    drip = [(cx - 10 * s, cy - 0.2 * s), (cx + 10 * s, cy - 0.2 * s), (cx + 8.5 * s, cy + 1.6 * s),
            (cx + 6 * s, cy + 3.6 * s), (cx + 4 * s, cy + 1.6 * s), (cx - 3 * s, cy + 1.6 * s),
            (cx - 5 * s, cy + 3.4 * s), (cx - 7 * s, cy + 1.6 * s), (cx - 10 * s, cy + 1.6 * s)]
    p.part([poly(drip)], CHEESE, line=lw * 0.8, band=0.5 * s)
    wave = [(cx - 11 * s + i * 2.2 * s, cy - 1.2 * s + (1.1 * s if i % 2 else 0))
            for i in range(11)]
    p.part([stroke(wave, 2.2 * s)], LETTUCE, line=lw * 0.8, band=0.6 * s)
    dome = ellipse_pts(cx, cy - 1.6 * s, 9.6 * s, 7.4 * s, 180, 360, 24)
    p.part([poly(dome)], BUN, line=lw, band=1.3 * s)
    for dx, dy in ((-4.5, -5.2), (0, -6.6), (4.5, -5.0), (-1.5, -3.6), (2.8, -3.2)):
        p.flat([ellipse(cx + dx * s, cy + dy * s, 1.0 * s, 0.6 * s)], (255, 244, 210))


def draw_tray(p: Painter, cx: float, cy: float, s: float = 1.0) -> None:
    """A red serving tray (top at cy) with two burgers, about 50*s wide."""
    draw_burger(p, cx - 11 * s, cy - 7.4 * s, 0.95 * s, line=1.1)
    draw_burger(p, cx + 11 * s, cy - 7.4 * s, 0.95 * s, line=1.1)
    pts = [(cx - 25 * s, cy - 1 * s), (cx + 25 * s, cy - 1 * s), (cx + 22 * s, cy + 4 * s),
           (cx - 22 * s, cy + 4 * s)]
    p.part([poly(pts)], RED, band=1.2 * s)
    p.flat([rect(cx - 23.5 * s, cy - 0.6 * s, 47 * s, 1.2 * s)], (255, 110, 90))


def draw_small_tray(p: Painter, cx: float, cy: float) -> None:
    """The tray as a 48x80 character carries it: smaller, thicker burgers, no rim highlight."""
    draw_burger(p, cx - 5.4, cy - 4.2, 0.5, line=0.9)
    draw_burger(p, cx + 5.4, cy - 4.2, 0.5, line=0.9)
    pts = [(cx - 11.5, cy - 0.6), (cx + 11.5, cy - 0.6), (cx + 10, cy + 2.2), (cx - 10, cy + 2.2)]
    p.part([poly(pts)], RED, line=1.0, band=0.8)

