"""The shop sheet (props.png): food, bubbles, counters, kitchen, furniture, floors and walls.

Each ``prop_*`` paints frame ``i`` of one tag; ``PROPS`` lists the tags in sheet order.
"""

from __future__ import annotations

import math

from .food import draw_burger, draw_tray
from .painter import Painter
from .palette import (
    BLUE,
    CHROME,
    CREAM,
    HEART_PINK,
    LETTUCE,
    ORANGE,
    OUTLINE,
    PATTY,
    RED,
    STEEL,
    WHITE,
    WOOD,
    YELLOW,
    Pair,
    darker,
    lighter,
)
from .shapes import arc, circle, cut, ellipse, ellipse_pts, heart_shape, limb, poly, rect, stroke
from .sheets import Prop


def prop_burger(p: Painter, i: int) -> None:
    """Cheeseburger."""
    draw_burger(p, 12, 10.4, 1.0)


def prop_tray(p: Painter, i: int) -> None:
    """Red tray with two burgers."""
    draw_tray(p, 28, 19.6)


def prop_ticket(p: Painter, i: int) -> None:
    """Blank cream turn-number ticket (the game writes the number)."""
    body = [(2, 2), (20, 2), (20, 20), (15, 24), (2, 24)]
    p.part([poly(body)], CREAM, band=1.0)
    p.part([poly([(20, 20), (15, 24), (15.6, 19.6)])], CREAM[1], line=0.9)
    p.flat([rect(2.2, 2.2, 17.6, 3.2)], (236, 84, 60))
    p.flat([circle(5 + k * 4, 21.6, 0.7) for k in range(2)], (200, 180, 140))


def prop_heart(p: Painter, i: int) -> None:
    """Pink heart; frame 1 is bigger (a beat)."""
    p.part(heart_shape(8, 7.2, 4.4 + i * 1.1), HEART_PINK, line=1.1, band=1.0)
    p.flat([ellipse(5.8 - i * 0.6, 4.6 - i * 0.4, 1.3, 0.9)], (255, 200, 210))


def prop_steam(p: Painter, i: int) -> None:
    """Three rising wisps."""
    for k, x0 in enumerate((7.0, 13.5, 19.0)):
        ph = i * math.pi / 2 + k * 2.1
        ys = [34.0 - k * 3 - j * 2.0 - i * 0.8 for j in range(12 - k * 2)]
        pts = [(x0 + 2.4 * math.sin(ph + y / 4.6), y) for y in ys]
        n = len(pts) - 1
        halo = [limb(pts[j], pts[j + 1], 1.9 - 1.2 * j / n) for j in range(n)]
        core = [limb(pts[j], pts[j + 1], 1.1 - 0.8 * j / n) for j in range(n)]
        p.part(halo, (196, 204, 218, 200), line=0)
        p.part(core, (255, 255, 255, 235), line=0)


def prop_sweat(p: Painter, i: int) -> None:
    """Blue sweat drop."""
    p.part([circle(5, 9, 3.6), poly([(1.7, 7.6), (8.3, 7.6), (5, 1.2)])],
           ((150, 210, 255), (90, 150, 230)), line=1.0, band=1.0)
    p.flat([ellipse(6.2, 8.6, 0.9, 1.4)], WHITE)


def prop_clock(p: Painter, i: int) -> None:
    """Wall clock; the minute hand moves."""
    p.part([circle(13, 13, 11.4)], RED, band=1.2)
    p.part([circle(13, 13, 9.0)], (252, 250, 240), line=0.8)
    for h in range(12):
        a = math.radians(h * 30)
        r0 = 6.8 if h % 3 else 6.0
        p.flat([stroke([(13 + r0 * math.sin(a), 13 - r0 * math.cos(a)),
                        (13 + 7.8 * math.sin(a), 13 - 7.8 * math.cos(a))], 0.8)], OUTLINE)
    m = math.radians(i * 90 + 30)
    p.flat([stroke([(13, 13), (13 + 3.6, 13 - 3.0)], 1.4)], OUTLINE)
    p.flat([stroke([(13, 13), (13 + 6.6 * math.sin(m), 13 - 6.6 * math.cos(m))], 1.0)], OUTLINE)
    p.flat([circle(13, 13, 1.1)], RED[1])


def bubble(p: Painter, w: float, h: float) -> None:
    """White speech bubble filling a w x h frame, tail at the bottom-left."""
    body_h = h - 10
    shapes = [rect(2, 2, w - 4, body_h, min(10, body_h / 2.2)),
              poly([(10, body_h - 2), (6, h - 2), (20, body_h - 2)])]
    p.part(shapes, ((255, 255, 255), (222, 228, 236)), band=1.2)


def prop_bubble_order(p: Painter, i: int) -> None:
    """Speech bubble ordering two burgers."""
    bubble(p, 70, 50)
    draw_burger(p, 22, 20.5, 0.8)
    draw_burger(p, 48, 20.5, 0.8)


def prop_bubble_talk(p: Painter, i: int) -> None:
    """Chatty bubble: dots, then a heart."""
    bubble(p, 44, 34)
    if i == 0:
        p.flat([circle(13 + k * 9, 13, 2.2) for k in range(3)], (90, 80, 96))
    else:
        p.part(heart_shape(22, 13, 5.0), HEART_PINK, line=1.0, band=0.8)


def prop_bubble_sad(p: Painter, i: int) -> None:
    """Bubble with a frowning rain cloud."""
    bubble(p, 44, 34)
    for x in (16, 23, 30):
        p.part([stroke([(x, 17.5), (x - 1.2, 21.5)], 1.2)], (90, 150, 230), line=0)
    p.part([circle(15, 12, 4.2), circle(21.5, 9.6, 5.2), circle(28.5, 12, 4.4),
            rect(12, 11, 20, 5.4, 2.6)], ((120, 124, 140), (92, 96, 112)), line=1.0, band=0.8)
    p.flat([arc(22, 14.6, 2.4, 1.6, 200, 340, 8, 0.9)], (40, 36, 50))
    p.flat([circle(19.4, 11.4, 0.7), circle(24.6, 11.4, 0.7)], (40, 36, 50))


def prop_register(p: Painter, i: int) -> None:
    """Cash register."""
    p.part([poly([(8, 4), (40, 4), (44, 18), (12, 18)])], ((60, 66, 78), (40, 44, 54)))
    p.flat([rect(12, 7, 26, 7, 1)], (120, 220, 140))
    p.part([rect(4, 18, 52, 24, 3)], ((232, 228, 214), (196, 190, 172)), band=1.6)
    for r in range(3):
        for k in range(5):
            p.flat([rect(8 + k * 6.4, 21 + r * 4.6, 4.6, 3.2, 0.8)],
                   (120, 120, 130) if k < 4 else (230, 80, 60))
    p.part([rect(2, 36, 56, 8, 2)], ((96, 100, 112), (66, 70, 80)), band=1.0)
    p.flat([rect(24, 39, 12, 1.6)], (200, 200, 210))


WARM_FRONT: Pair = ((232, 96, 44), (196, 66, 30))  # the concurrent shop's counters


def counter_front(painter: Painter, w: float, h: float, top: Pair, face: Pair) -> None:
    """Shared counter body: slab top, laminate front with panels, dark kick plate."""
    painter.part([rect(2, 14, w - 4, h - 16)], face, band=2.0)
    painter.part([rect(2, h - 12, w - 4, 10)], ((70, 50, 50), (50, 36, 36)), band=1.0)
    painter.part([rect(1, 3, w - 2, 12, 2)], top, band=1.6)
    painter.flat([rect(3, 4.2, w - 6, 2.0)], (255, 255, 255, 255))


def prop_counter(p: Painter, i: int) -> None:
    """Warm order-counter segment."""
    counter_front(p, 200, 96, CREAM, WARM_FRONT)
    for k in range(4):
        x = 10 + k * 46
        p.part([rect(x, 24, 38, 56, 3)], ((244, 130, 60), (220, 104, 44)), line=1.0, band=1.4)
    p.flat([rect(2, 17, 196, 3)], (255, 200, 80))


def prop_pickup(p: Painter, i: int) -> None:
    """Warm pickup counter: hazard stripe and a big down arrow."""
    counter_front(p, 170, 96, CREAM, WARM_FRONT)
    p.part([rect(8, 22, 154, 20, 2)], YELLOW, line=1.2, band=1.0)
    stripes = []
    for k in range(-2, 14):
        x = 8 + k * 12
        stripes.append(poly([(x, 42), (x + 6, 42), (x + 26, 22), (x + 20, 22)]))
    stripes.append(cut(rect(0, 0, 8, 96)))
    stripes.append(cut(rect(162, 0, 8, 96)))
    stripes.append(cut(rect(0, 0, 170, 22)))
    stripes.append(cut(rect(0, 42, 170, 60)))
    p.flat(stripes, (40, 36, 40))
    p.part([poly([(70, 50), (100, 50), (100, 62), (110, 62), (85, 80), (60, 62), (70, 62)])],
           ((255, 240, 200), (236, 206, 150)), band=1.2)


def prop_station(p: Painter, i: int) -> None:
    """Cool counter; dark panel (44,26)-(96,66) for the station number."""
    counter_front(p, 140, 100, ((236, 244, 250), (190, 206, 222)), ((70, 150, 214), (46, 112, 176)))
    p.part([rect(44, 26, 52, 40, 4)], (20, 34, 52), line=1.4)
    p.flat([rect(2, 17, 136, 3)], (150, 220, 240))
    for x in (14, 116):
        p.part([rect(x, 26, 10, 58, 3)], ((96, 176, 232), (70, 140, 200)), line=1.0)


def prop_kitchen_window(p: Painter, i: int) -> None:
    """Service-window frame, see-through opening, ticket rail on top."""
    frame = [rect(0, 0, 400, 210, 6), cut(rect(20, 20, 360, 166))]
    p.part(frame, WOOD, band=2.4)
    grain = [stroke([(40 + k * 70, 7 + (k % 2) * 4), (78 + k * 70, 8 + (k % 2) * 4)], 0.8)
             for k in range(5)]
    grain += [stroke([(6 + (k % 2) * 6, 40 + k * 36), (7 + (k % 2) * 6, 66 + k * 36)], 0.8)
              for k in range(4)]
    grain += [stroke([(388 - (k % 2) * 6, 50 + k * 34), (389 - (k % 2) * 6, 74 + k * 34)], 0.8)
              for k in range(4)]
    p.flat(grain, WOOD[1])
    p.part([rect(20, 18, 360, 4), rect(20, 184, 360, 4)], STEEL, line=0.8)
    p.part([rect(-2, 184, 404, 24, 3)], CHROME, band=2.0)
    p.flat([rect(4, 188, 392, 2)], WHITE)
    p.part([rect(24, 34, 352, 5, 2)], CHROME, line=1.0, band=1.2)
    for x in (22, 374):
        p.part([rect(x, 31, 5, 11, 1)], STEEL, line=1.0)
    for k in range(9):
        p.part([rect(54 + k * 38, 33, 6, 7, 1)], STEEL, line=0.8)


def prop_grill(p: Painter, i: int) -> None:
    """Flat-top grill; frame 1 sizzles."""
    p.part([rect(4, 28, 112, 34, 3)], STEEL, band=2.0)
    p.part([poly([(10, 12), (110, 12), (118, 28), (2, 28)])], ((70, 72, 80), (50, 52, 58)),
           band=1.6)
    p.part([rect(0, 26, 120, 6, 2)], CHROME, band=1.2)
    for k in range(4):
        p.part([circle(22 + k * 25, 46, 4.2)], ((40, 40, 46), (20, 20, 24)), line=1.0)
        p.flat([rect(21.2 + k * 25, 42, 1.6, 4)], (220, 220, 230))
    for cx in (38, 80):
        p.part([ellipse(cx, 19, 13, 5)], PATTY, band=1.0)
        if i:
            for d in (-5, 0, 5):
                p.flat([stroke([(cx + d - 2, 17), (cx + d + 2, 21)], 1.0)], (70, 36, 24))
    if i:
        for x in (30, 46, 72, 88):
            p.flat([stroke([(x, 11), (x + 2, 8), (x, 5), (x + 2, 2)], 1.0)], (255, 255, 255))


def prop_order_slip(p: Painter, i: int) -> None:
    """Clipped order slip with scribbles."""
    p.part([rect(3, 5, 14, 23, 1)], CREAM, band=0.8)
    for k in range(4):
        y = 12 + k * 4
        p.flat([stroke([(5.5, y), (8, y - 0.8), (10, y + 0.4), (12.5 - (k % 2) * 2, y - 0.4)],
                       0.8)], (90, 80, 90))
    p.part([rect(6, 1, 8, 6, 1)], CHROME, line=1.0, band=0.6)


def prop_display(p: Painter, i: int) -> None:
    """Wall display: bezel around a solid (20,22,20) screen at (12,12)-(218,128)."""
    p.part([rect(2, 2, 226, 136, 8)], ((60, 64, 72), (36, 38, 44)), band=2.4)
    p.part([rect(12, 12, 206, 116, 3)], (20, 22, 20), line=1.4)
    p.flat([rect(6, 5, 218, 2)], (110, 116, 128))
    p.flat([circle(215, 133, 1.4)], (120, 230, 120))


def prop_table(p: Painter, i: int, cool: bool = False) -> None:
    """Round table: top ellipse, chrome pedestal and base."""
    top = BLUE if cool else ORANGE
    p.part([ellipse(52, 74, 24, 5.4)], CHROME, band=1.2)
    p.part([rect(47, 24, 10, 52, 2)], CHROME, band=1.8)
    p.part([rect(2, 12, 100, 12, 6)], (top[1], darker(top[1], 0.8)), band=1.6)
    p.part([ellipse(52, 13, 50, 11)], top, band=1.8)
    p.flat([ellipse(38, 9, 20, 3)], lighter(top[0], 30))


def prop_stool(p: Painter, i: int, cool: bool = False) -> None:
    """Round stool on a chrome pole."""
    seat = BLUE if cool else ORANGE
    p.part([ellipse(20, 40.5, 14, 3.2)], CHROME, band=1.0)
    p.part([rect(17.5, 10, 5, 32, 1)], CHROME, band=1.2)
    p.part([rect(6, 20, 28, 3, 1.5)], CHROME, line=1.0)
    p.part([rect(2, 5, 36, 7, 3.5)], (seat[1], darker(seat[1], 0.8)), band=1.0)
    p.part([ellipse(20, 5.6, 18, 4.4)], seat, band=1.2)


def poster_frame(p: Painter, bg: Pair) -> None:
    """Framed poster with sunburst background."""
    p.part([rect(2, 2, 116, 156, 3)], ((70, 44, 36), (50, 30, 26)), band=1.2)
    p.part([rect(9, 9, 102, 142)], bg, line=0.8, band=0.1)
    rays = []
    for k in range(12):
        a0, a1 = math.radians(k * 30), math.radians(k * 30 + 14)
        rays.append(poly([(60, 72), (60 + 150 * math.cos(a0), 72 + 150 * math.sin(a0)),
                          (60 + 150 * math.cos(a1), 72 + 150 * math.sin(a1))]))
    rays += [cut(rect(0, 0, 120, 9)), cut(rect(0, 151, 120, 9)), cut(rect(0, 0, 9, 160)),
             cut(rect(111, 0, 9, 160))]
    p.flat(rays, lighter(bg[0], 16))
    p.part([rect(16, 128, 88, 16, 4)], RED, line=1.2, band=1.0)
    p.flat([rect(26, 134, 68, 3, 1.5)], (255, 230, 200))


def prop_table_cool(p: Painter, i: int) -> None:
    """The parallel shop's blue table."""
    prop_table(p, i, cool=True)


def prop_stool_cool(p: Painter, i: int) -> None:
    """The parallel shop's blue stool."""
    prop_stool(p, i, cool=True)


def prop_poster_burger(p: Painter, i: int) -> None:
    """Framed burger poster."""
    poster_frame(p, ((255, 190, 70), (240, 160, 50)))
    draw_burger(p, 60, 76, 3.9, line=1.5)


def prop_poster_fries(p: Painter, i: int) -> None:
    """Framed fries poster."""
    poster_frame(p, ((255, 214, 90), (240, 180, 60)))
    fries = []
    for k in range(9):
        x = 36 + k * 6
        top = 40 + (k * 37 % 5) * 4
        fries.append((x, top, (k * 23 % 7 - 3) * 2.0))
    for x, top, tilt in fries:
        p.part([poly([(x - 2.6, 96), (x + 2.6, 96), (x + 2.6 + tilt * 0.3, top),
                      (x - 2.6 + tilt * 0.3, top)])], ((255, 214, 80), (232, 170, 40)), line=1.2,
               band=1.0)
    p.part([poly([(30, 74), (90, 74), (82, 122), (38, 122)])], RED, band=2.0)
    p.part([poly(ellipse_pts(60, 74, 30, 7, 0, 180, 16))], RED, line=1.2)
    star = [(60 + (9 if k % 2 == 0 else 4) * math.sin(math.radians(k * 36)),
             98 - (9 if k % 2 == 0 else 4) * math.cos(math.radians(k * 36))) for k in range(10)]
    p.part([poly(star)], YELLOW, line=1.0, band=0.8)


def prop_door(p: Painter, i: int) -> None:
    """Glass door with push bar."""
    metal = ((150, 158, 170), (110, 118, 130))
    p.part([rect(2, 2, 106, 168, 3), cut(rect(12, 12, 86, 150))], metal, band=1.6)
    p.part([rect(12, 12, 86, 150)], ((200, 232, 244), (170, 210, 228)), line=1.0, band=2.4)
    p.flat([poly([(24, 20), (38, 20), (20, 60), (16, 60)]),
            poly([(46, 20), (52, 20), (28, 74), (24, 74)])], (236, 250, 255))
    p.part([rect(8, 92, 94, 7, 3.5)], CHROME, band=1.2)
    p.part([rect(12, 96, 4, 8), rect(94, 96, 4, 8)], STEEL, line=1.0)


def prop_plant(p: Painter, i: int) -> None:
    """Potted plant."""
    leaves = [(23, 38, 6, 20, 0), (14, 42, 5, 16, -35), (32, 42, 5, 16, 35),
              (8, 50, 4.5, 12, -60), (38, 50, 4.5, 12, 60), (18, 30, 4.5, 14, -15),
              (29, 30, 4.5, 14, 15)]
    for x, y, rx, ry, a in leaves:
        p.part([ellipse(x, y, rx, ry, a)], LETTUCE, line=1.1, band=1.2)
        p.flat([stroke([(x, y + ry * 0.6), (x, y - ry * 0.5)], 0.6)], LETTUCE[1])
    p.part([poly([(8, 56), (38, 56), (34, 78), (12, 78)])], ((212, 110, 70), (172, 80, 50)),
           band=1.6)
    p.part([rect(6, 54, 34, 6, 1.5)], ((226, 124, 80), (186, 92, 58)), line=1.1)


def prop_floor_warm(p: Painter, i: int) -> None:
    """Orange checker floor tile."""
    a, b = (240, 140, 60), (250, 190, 120)
    p.fill(a)
    p.flat([rect(32, 0, 32, 32), rect(0, 32, 32, 32)], b)


def prop_floor_cool(p: Painter, i: int) -> None:
    """Light cyan floor tile, white grout."""
    p.fill((188, 232, 240))
    p.flat([rect(2, 2, 28, 4), rect(34, 34, 28, 4)], (206, 242, 248))
    p.flat([rect(0, 0, 64, 2), rect(0, 32, 64, 2), rect(0, 0, 2, 64), rect(32, 0, 2, 64)],
           (250, 255, 255))


def prop_wall_warm(p: Painter, i: int) -> None:
    """Warm yellow wall tile."""
    p.fill((250, 225, 130))
    diamonds = []
    for cx, cy in ((16, 16), (48, 48), (48, 16), (16, 48)):
        r = 3 if (cx + cy) % 64 == 32 else 1.6
        diamonds.append(poly([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]))
    p.flat(diamonds, (244, 212, 112))


def prop_wall_cool(p: Painter, i: int) -> None:
    """Pale blue wall tile."""
    p.fill((206, 228, 246))
    p.flat([rect(0, 0, 3, 64), rect(32, 0, 3, 64)], (198, 222, 242))
    p.flat([circle(17.5, 16, 1.4), circle(49.5, 48, 1.4)], (192, 216, 238))


def prop_icon(p: Painter, i: int) -> None:
    """Window icon."""
    draw_burger(p, 16, 17.2, 1.38, line=1.4)


PROPS: list[Prop] = [
    # tag, (w, h), frames, frame duration ms, painter
    Prop("burger", (24, 18), 1, 100, prop_burger),
    Prop("tray", (56, 26), 1, 100, prop_tray),
    Prop("ticket", (22, 26), 1, 100, prop_ticket),
    Prop("heart", (16, 14), 2, 250, prop_heart),
    Prop("steam", (24, 36), 4, 160, prop_steam, clear=WHITE),
    Prop("sweat", (10, 14), 1, 100, prop_sweat),
    Prop("clock", (26, 26), 2, 500, prop_clock),
    Prop("bubble_order", (70, 50), 1, 100, prop_bubble_order, clear=WHITE),
    Prop("bubble_talk", (44, 34), 2, 400, prop_bubble_talk, clear=WHITE),
    Prop("bubble_sad", (44, 34), 1, 100, prop_bubble_sad, clear=WHITE),
    Prop("register", (60, 46), 1, 100, prop_register),
    Prop("counter", (200, 96), 1, 100, prop_counter),
    Prop("pickup", (170, 96), 1, 100, prop_pickup),
    Prop("station", (140, 100), 1, 100, prop_station),
    Prop("kitchen_window", (400, 210), 1, 100, prop_kitchen_window),
    Prop("grill", (120, 64), 2, 200, prop_grill),
    Prop("order_slip", (20, 30), 1, 100, prop_order_slip),
    Prop("display", (230, 140), 1, 100, prop_display),
    Prop("table", (104, 80), 1, 100, prop_table),
    Prop("stool", (40, 44), 1, 100, prop_stool),
    Prop("table_cool", (104, 80), 1, 100, prop_table_cool),
    Prop("stool_cool", (40, 44), 1, 100, prop_stool_cool),
    Prop("poster_burger", (120, 160), 1, 100, prop_poster_burger),
    Prop("poster_fries", (120, 160), 1, 100, prop_poster_fries),
    Prop("door", (110, 170), 1, 100, prop_door),
    Prop("plant", (46, 80), 1, 100, prop_plant),
    Prop("floor_warm", (64, 64), 1, 100, prop_floor_warm),
    Prop("floor_cool", (64, 64), 1, 100, prop_floor_cool),
    Prop("wall_warm", (64, 64), 1, 100, prop_wall_warm),
    Prop("wall_cool", (64, 64), 1, 100, prop_wall_cool),
    Prop("icon", (32, 32), 1, 100, prop_icon),
]
