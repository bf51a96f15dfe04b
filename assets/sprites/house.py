"""The house sheet (house.png): the cleaner's rooms, furniture, dust and sparkles.

Each ``prop_*`` paints frame ``i`` of one tag; ``HOUSE`` lists the tags in sheet order.
"""

from __future__ import annotations

import math

from .painter import Painter
from .palette import BLUE, CHROME, STEEL, WHITE, WOOD, YELLOW, darker
from .shapes import arc, circle, ellipse, limb, poly, rect, stroke
from .sheets import Prop


def prop_floor_wood(p: Painter, i: int) -> None:
    """Wooden planks."""
    cols = [(196, 140, 88), (184, 128, 78), (204, 150, 96), (190, 134, 84)]
    for k in range(4):
        p.flat([rect(0, k * 16, 64, 16)], cols[k])
        p.flat([rect(0, k * 16, 64, 1.2)], (130, 86, 52))
        x = (k * 23 + 10) % 64
        p.flat([rect(x, k * 16, 1.2, 16)], (130, 86, 52))
        p.flat([stroke([(x + 8, k * 16 + 6), (x + 22, k * 16 + 7)], 0.6)], (170, 116, 70))
        p.flat([ellipse((x + 40) % 60 + 2, k * 16 + 10, 1.6, 1.0)], (150, 100, 60))


def prop_floor_tile(p: Painter, i: int) -> None:
    """Kitchen tiles."""
    p.fill((236, 238, 240))
    p.flat([rect(16, 0, 16, 16), rect(48, 0, 16, 16), rect(0, 16, 16, 16), rect(32, 16, 16, 16),
            rect(16, 32, 16, 16), rect(48, 32, 16, 16), rect(0, 48, 16, 16),
            rect(32, 48, 16, 16)], (150, 196, 214))
    lines = [rect(k * 16, 0, 0.8, 64) for k in range(4)] + [rect(0, k * 16, 64, 0.8)
                                                            for k in range(4)]
    p.flat(lines, (120, 130, 140))


def prop_wall_house(p: Painter, i: int) -> None:
    """Flowered wallpaper."""
    p.fill((214, 236, 206))
    p.flat([rect(0, 0, 6, 64), rect(32, 0, 6, 64)], (200, 226, 192))
    for cx, cy in ((19, 16), (51, 48)):
        p.flat([circle(cx + 2.2 * math.cos(k * 1.2566), cy + 2.2 * math.sin(k * 1.2566), 1.6)
                for k in range(5)], (250, 180, 190))
        p.flat([circle(cx, cy, 1.2)], (255, 220, 100))


def prop_dust(p: Painter, i: int) -> None:
    """Dust bunny."""
    puffs = [(9, 15, 6), (16, 12, 7), (22, 15, 6), (14, 17, 5)]
    shapes = [circle(x + (i * 1.2 if k % 2 else -i * 0.8), y - (i if k == 1 else 0), r)
              for k, (x, y, r) in enumerate(puffs)]
    p.part(shapes, ((160, 156, 150), (120, 116, 112)), band=1.6)
    for k in range(3):
        p.flat([circle(8 + k * 7 + i, 9 + (k % 2) * 4, 1.0)], (110, 104, 100))
    p.part([ellipse(4 + i * 2, 19, 2, 1.4), ellipse(26 - i, 18.5, 1.6, 1.2)], (140, 136, 130),
           line=0.8)


def prop_sparkle(p: Painter, i: int) -> None:
    """Clean sparkle."""
    r = 9.5 if i == 0 else 7.0
    star = []
    for k in range(8):
        rr = r if k % 2 == 0 else r * 0.28
        a = math.radians(k * 45 + i * 22.5)
        star.append((11 + rr * math.sin(a), 11 - rr * math.cos(a)))
    p.part([poly(star)], ((255, 250, 200), (255, 220, 90)), line=1.0, band=0.8)
    if i:
        p.part([circle(4, 5, 1.4), circle(18.5, 18, 1.2)], (255, 250, 210), line=0.8)


def prop_bucket(p: Painter, i: int) -> None:
    """Water bucket."""
    p.flat([arc(15, 11, 11, 9, 180, 360, 16, 1.4)], (90, 90, 100))
    p.part([poly([(3, 11), (27, 11), (24, 30), (6, 30)])], BLUE, band=2.0)
    p.part([ellipse(15, 11, 12, 3)], BLUE, line=1.1)
    p.flat([ellipse(15, 11.4, 10, 2)], (150, 210, 240))
    p.flat([circle(11, 10.5, 1.2), circle(17, 10.8, 0.8)], (240, 250, 255))
    p.flat([rect(5, 15, 20, 2)], BLUE[1])


def prop_bed(p: Painter, i: int) -> None:
    """Bed."""
    p.part([rect(4, 6, 14, 66, 3)], WOOD, band=1.4)
    p.part([rect(104, 34, 12, 38, 3)], WOOD, band=1.4)
    p.part([rect(12, 44, 98, 18, 2)], WOOD, band=1.4)
    p.part([rect(14, 36, 96, 14, 5)], ((250, 250, 252), (214, 220, 230)), band=1.2)
    p.part([ellipse(28, 34, 12, 6)], ((255, 255, 255), (220, 226, 236)), band=1.2)
    p.part([poly([(40, 32), (108, 32), (112, 52), (42, 52)])], ((110, 170, 230), (80, 132, 196)),
           band=1.6)
    p.flat([stroke([(42, 38), (110, 38)], 1.2)], (180, 220, 250))


def prop_sofa(p: Painter, i: int) -> None:
    """Sofa."""
    body = ((200, 80, 90), (160, 56, 68))
    p.part([rect(10, 8, 110, 34, 8)], body, band=2.0)
    p.part([rect(4, 30, 122, 28, 6)], body, band=2.0)
    p.part([rect(16, 34, 48, 14, 5), rect(66, 34, 48, 14, 5)], ((226, 106, 116), (188, 78, 90)),
           band=1.2)
    p.part([rect(2, 24, 18, 32, 8), rect(110, 24, 18, 32, 8)], body, band=1.4)
    p.part([rect(10, 56, 6, 12, 1), rect(114, 56, 6, 12, 1)], WOOD, line=1.0)


def prop_bookshelf(p: Painter, i: int) -> None:
    """Bookshelf."""
    p.part([rect(2, 2, 68, 106, 2)], WOOD, band=1.4)
    books = [(214, 70, 60), (60, 130, 200), (240, 190, 60), (90, 170, 100), (160, 90, 180),
             (236, 120, 60)]
    for s in range(3):
        y0 = 8 + s * 33
        p.part([rect(7, y0, 58, 28)], ((96, 60, 38), (80, 48, 30)), line=0.8, band=0.1)
        x = 9.0
        for k in range(7):
            w = 5 + (k * 7 + s * 3) % 4
            h = 20 + (k * 5 + s) % 7
            if x + w > 63:
                break
            col = books[(k + s * 2) % len(books)]
            p.part([rect(x, y0 + 28 - h, w, h, 0.6)], (col, darker(col, 0.78)),
                   line=0.8, band=0.8)
            x += w + 1.0


def prop_bath(p: Painter, i: int) -> None:
    """Bathtub with foam."""
    for x in (18, 98):
        p.part([limb((x, 52), (x + (-3 if x < 60 else 3), 61), 2.6, 2.2)], YELLOW, line=1.0)
    p.part([poly([(6, 22), (114, 22), (106, 50), (96, 56), (24, 56), (14, 50)])],
           ((250, 252, 255), (204, 214, 228)), band=2.4)
    p.part([rect(2, 18, 116, 7, 3.5)], ((255, 255, 255), (214, 222, 234)), band=1.0)
    p.part([circle(30, 15, 6), circle(40, 12, 7), circle(52, 15, 5.5), circle(84, 15, 6),
            circle(94, 13, 5)], ((255, 255, 255), (206, 228, 244)), line=1.0, band=1.2)
    p.part([rect(104, 4, 4, 16, 1), rect(100, 4, 12, 4, 2)], CHROME, line=1.0)


def prop_desk(p: Painter, i: int) -> None:
    """Desk with lamp and books."""
    p.part([rect(8, 20, 10, 48, 1), rect(82, 20, 10, 48, 1)], WOOD, band=1.2)
    p.part([rect(58, 22, 32, 26, 2)], WOOD, band=1.4)
    p.flat([rect(70, 33, 8, 2.4, 1)], (70, 50, 40))
    p.part([rect(2, 14, 96, 8, 2)], ((204, 140, 84), (164, 104, 60)), band=1.2)
    p.part([ellipse(20, 12.6, 6, 1.6)], STEEL, line=0.9)
    p.part([stroke([(20, 12), (15, 6), (22, 2.6)], 1.4)], STEEL, line=0.8)
    p.part([poly([(20, 1.4), (28, 1.2), (31, 7.6), (21, 7.8)])], ((120, 190, 110), (80, 150, 80)),
           line=1.0, band=0.8)
    p.flat([ellipse(26, 8.4, 3.4, 1.0)], (255, 236, 150))
    p.part([rect(58, 8.6, 20, 4.4, 0.6)], ((90, 140, 210), (60, 100, 170)), line=0.9)
    p.part([rect(60, 4.6, 16, 4.2, 0.6)], ((230, 90, 80), (190, 60, 56)), line=0.9)


def prop_stove(p: Painter, i: int) -> None:
    """Stove with a pot."""
    p.part([rect(4, 18, 72, 60, 3)], ((246, 246, 248), (206, 210, 220)), band=2.0)
    p.part([rect(2, 14, 76, 8, 2)], ((70, 72, 80), (50, 52, 58)), band=1.0)
    p.part([rect(12, 38, 56, 32, 3)], ((60, 62, 70), (40, 42, 48)), line=1.2)
    p.flat([rect(16, 42, 48, 20, 2)], (255, 160, 70))
    p.flat([rect(18, 44, 44, 6, 2)], (255, 200, 120))
    p.part([rect(18, 33, 44, 3, 1.5)], CHROME, line=1.0)
    for k in range(4):
        p.part([circle(14 + k * 17.3, 26.5, 2.6)], ((50, 52, 60), (30, 32, 36)), line=0.8)
    p.part([rect(40, 2, 26, 12, 3)], ((220, 80, 70), (176, 50, 46)), band=1.2)
    p.part([rect(36, 2, 34, 3, 1.5)], ((236, 100, 90), (196, 66, 58)), line=1.0)


HOUSE: list[Prop] = [
    # tag, (w, h), frames, frame duration ms, painter
    Prop("floor_wood", (64, 64), 1, 100, prop_floor_wood),
    Prop("floor_tile", (64, 64), 1, 100, prop_floor_tile),
    Prop("wall_house", (64, 64), 1, 100, prop_wall_house),
    Prop("dust", (30, 22), 2, 300, prop_dust),
    Prop("sparkle", (22, 22), 2, 200, prop_sparkle, clear=WHITE),
    Prop("bucket", (30, 32), 1, 100, prop_bucket),
    Prop("bed", (120, 76), 1, 100, prop_bed),
    Prop("sofa", (130, 70), 1, 100, prop_sofa),
    Prop("bookshelf", (72, 110), 1, 100, prop_bookshelf),
    Prop("bath", (120, 64), 1, 100, prop_bath),
    Prop("desk", (100, 70), 1, 100, prop_desk),
    Prop("stove", (80, 80), 1, 100, prop_stove),
]
