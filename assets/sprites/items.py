"""Things a character holds or shows next to them: card, ticket, spatula, mop, sweat, hearts.

Items are drawn between the body and the near arm (``Pose.items``) or on top of everything
(``Pose.extras``); ``angle`` means what each item needs (a tilt, a mop head's x, a loudness).
"""

from __future__ import annotations

import math

from .food import draw_burger, draw_small_tray
from .painter import Painter
from .palette import BLUE, CREAM, OUTLINE, PATTY, STEEL, WOOD
from .shapes import Pt, add, circle, ellipse, heart_shape, lerp, poly, rect, stroke


def draw_item(p: Painter, kind: str, at: Pt, angle: float) -> None:
    """Hand-held items of the character sheets."""
    x, y = at
    if kind == "tray":
        draw_small_tray(p, x, y)
    elif kind == "card":
        p.part([rect(x - 3.2, y - 2.2, 6.4, 4.4, 0.8)], ((90, 200, 120), (60, 160, 90)), line=1.0,
               band=0.6)
        p.flat([rect(x - 2.4, y - 1.0, 4.8, 0.9)], (40, 90, 60))
    elif kind == "ticket":
        p.part([rect(x - 2.8, y - 3.4, 5.6, 6.8, 0.5)], CREAM, line=1.0, band=0.6)
        p.flat([rect(x - 1.8, y - 2.4, 3.6, 1.0)], (230, 80, 60))
    elif kind == "burger":
        draw_burger(p, x, y, 0.52, line=0.9)
    elif kind == "spatula":
        tip = add(at, 11 * math.cos(math.radians(angle)), 11 * math.sin(math.radians(angle)))
        p.part([stroke([at, lerp(at, tip, 0.55)], 1.6)], (60, 44, 40), line=0.9)
        blade = lerp(at, tip, 0.78)
        p.part([ellipse(blade[0], blade[1], 3.6, 1.4, angle)], STEEL, line=0.9, band=0.5)
    elif kind == "patty":
        p.part([ellipse(x, y, 3.6, 1.5, angle)], PATTY, line=0.9, band=0.5)
    elif kind == "mop":  # angle holds the x of the mop head on the floor
        top, head = (x, y), (angle, 70.0)
        p.part([stroke([top, head], 1.5)], WOOD, line=0.9)
        strands = [stroke([head, add(head, dx, 7.5 - abs(dx) * 0.3)], 1.5)
                   for dx in (-4.5, -2.2, 0, 2.2, 4.5)]
        p.part([ellipse(head[0], head[1] + 0.5, 4.2, 1.8), *strands],
               ((220, 220, 210), (170, 170, 165)), line=0.9, band=0.6)
        p.part([rect(head[0] - 3.2, head[1] - 1.4, 6.4, 2.4, 0.8)], BLUE, line=0.9)
    elif kind == "sweat":
        p.part([circle(x, y + 1, 1.4), poly([(x - 1.3, y + 0.6), (x + 1.3, y + 0.6), (x, y - 2)])],
               ((140, 200, 255), (90, 150, 230)), line=0.8, band=0.4)
    elif kind == "heart":
        p.part(heart_shape(x, y, 2.6), ((255, 90, 120), (220, 50, 90)), line=0.9, band=0.6)
    elif kind == "shout":  # loudness strokes fanning out to the left
        for k in (-1, 0, 1):
            a = math.radians(180 + k * 32)
            r0, r1 = 1.0 + angle, 4.0 + angle
            p.flat([stroke([(x + r0 * math.cos(a), y + r0 * math.sin(a)),
                            (x + r1 * math.cos(a), y + r1 * math.sin(a))], 1.1)], OUTLINE)

