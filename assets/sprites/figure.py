"""A character's rig and how it is painted: skeleton (Pose), looks (Look), face, hair, hats.

People and staff share this one body; a sheet differs only by its ``Look`` and its poses.
Everything is in 1x coordinates of a 48x80 frame, facing right, feet on y=77.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import pygame

from .items import draw_item
from .painter import Painter, checks, dots
from .palette import (
    BLUSH,
    MOUTH,
    RED,
    RGB,
    SHOES,
    TEAL,
    TONGUE,
    WHITE,
    WHITE_CLOTH,
    YELLOW,
    Pair,
)
from .shapes import (
    Pt,
    add,
    arc,
    circle,
    cut,
    ellipse,
    ellipse_pts,
    heart_shape,
    lerp,
    limb,
    poly,
    rect,
    stroke,
)


@dataclass(frozen=True)
class Arm:
    """Shoulder, elbow, hand of one arm; ``front`` draws a far arm over the torso."""

    shoulder: Pt
    elbow: Pt
    hand: Pt
    front: bool = False
    point: tuple[Pt, ...] = ()  # finger directions (unit-ish vectors) for pointing hands


@dataclass(frozen=True)
class Leg:
    """Hip, knee and ankle of one leg; ``foot`` tilts the shoe (degrees, + = toe down)."""

    hip: Pt
    knee: Pt
    ankle: Pt
    foot: float = 0.0


@dataclass(frozen=True)
class Pose:
    """One frame of a character: skeleton, expression and held items (1x coords)."""

    head: Pt
    neck: Pt
    hip: Pt
    near_arm: Arm
    far_arm: Arm
    near_leg: Leg
    far_leg: Leg
    face: str = "smile"
    turn: int = 1  # +1 face right, -1 head turned back over the shoulder
    gaze: Pt = (0.0, 0.0)
    chin: float = 0.0  # face features shift: negative = looking up
    seated: bool = False
    items: tuple[tuple[str, Pt, float], ...] = ()  # (kind, at, angle), drawn under near arm
    extras: tuple[tuple[str, Pt, float], ...] = ()  # drawn last (sweat, hearts)


@dataclass(frozen=True)
class Look:
    """Everything that makes one character look like themselves."""

    skin: Pair
    hair: str  # curly | long | short | none
    hair_col: Pair
    top: Pair
    bottom: str  # trousers | skirt | checked | overalls
    bottom_col: Pair
    hat: str | None = None  # cap | toque | paper | scarf
    hat_col: Pair = WHITE_CLOTH
    sleeves: str = "short"  # short | long
    cloth: bool = False  # clothes go to the tint sheet
    apron: Pair | None = None
    shoes: Pair = SHOES
    extras: frozenset[str] = field(default_factory=frozenset)
    drop: float = 0.0  # lowers head and torso (room for a tall hat)

    @property
    def trousers(self) -> bool:
        """Legs in cloth (trousers, the cook's checks, overalls) rather than bare under a skirt."""
        return self.bottom in ("trousers", "checked", "overalls")


def cook_checks(c: Painter) -> pygame.Surface:
    """The cook's black-and-white checked trousers, as a pattern the size of the canvas."""
    return checks(c.size, 1.6, (40, 40, 50), None)


EXPRESSIONS: dict[str, tuple[str, str, str, bool]] = {
    # name: (eyes, brows, mouth, blush)
    "smile": ("open", "calm", "smile", False),
    "talk": ("open", "up", "open", False),
    "talk2": ("open", "up", "grin", False),
    "grin": ("open", "up", "grin", False),
    "flirt": ("happy", "up", "grin", True),
    "flirt2": ("half", "up", "smile", True),
    "shy": ("open", "up", "smile", True),
    "curious": ("up", "up", "o", False),
    "curious2": ("up", "calm", "smile", False),
    "eat": ("happy", "up", "chew", True),
    "chew": ("happy", "calm", "chew", False),
    "grumpy": ("open", "angry", "frown", False),
    "grumpy2": ("side", "angry", "frown", False),
    "sad": ("down", "sad", "frown", False),
    "sad2": ("closed", "sad", "frown", False),
    "shout": ("closed", "angry", "shout", False),
    "focus": ("down", "angry", "flat", False),
    "tired": ("closed", "sad", "open", False),
}


def draw_face(p: Pose, c: Painter, look: Look, hx: float, hy: float) -> None:
    """Eyes, brows, mouth and blush for a 3/4 head facing ``p.turn``."""
    eyes, brows, mouth, blush = EXPRESSIONS[p.face]
    f = p.turn
    ink = (40, 26, 30)
    gx, gy = p.gaze
    for i, ex in enumerate((hx + f * 1.2, hx + f * 7.2)):
        ey = hy + 1.4
        rx = 1.45 if i == 0 else 1.3
        if eyes in ("open", "up", "side"):
            ox, oy = (gx * f, gy) if eyes == "open" else ((0.3 * f, -0.9) if eyes == "up"
                                                          else (-0.6 * f, -0.3))
            c.flat([ellipse(ex + ox, ey + oy, rx, 2.3)], ink)
            c.flat([circle(ex + ox + 0.45, ey + oy - 0.8, 0.6)], WHITE)
        elif eyes == "happy":
            c.flat([arc(ex, ey + 0.8, 1.7, 1.7, 200, 340, 8, 0.9)], ink)
        elif eyes == "half":
            c.flat([ellipse(ex + 0.2 * f, ey + 0.5, rx, 1.4)], ink)
            c.flat([stroke([(ex - 1.8, ey - 0.3), (ex + 1.8, ey - 0.3)], 0.9)], ink)
        elif eyes == "down":
            c.flat([ellipse(ex, ey + 0.9, rx, 1.3)], ink)
            c.flat([stroke([(ex - 1.7, ey - 0.1), (ex + 1.7, ey - 0.1)], 0.8)], ink)
        elif eyes == "closed":
            c.flat([arc(ex, ey - 0.4, 1.6, 1.2, 20, 160, 8, 0.9)], ink)
        by = hy - 2.0
        inner = 1 if (i == 0) == (f == 1) else -1  # +1 if the brow's inner end is to the right
        if brows == "calm":
            pts = [(ex - 1.5, by - 0.4), (ex, by - 0.9), (ex + 1.5, by - 0.4)]
        elif brows == "up":
            pts = [(ex - 1.5, by - 0.9), (ex, by - 1.6), (ex + 1.5, by - 0.9)]
        elif brows == "angry":
            pts = [(ex - 1.7, by - 1.2 - inner * 1.0), (ex + 1.7, by - 1.2 + inner * 1.0)]
        else:  # sad: inner end raised
            pts = [(ex - 1.6, by - 0.6 + inner * 0.9), (ex + 1.6, by - 0.6 - inner * 0.9)]
        c.flat([stroke(pts, 1.1 if brows == "angry" else 0.9)], look.hair_col[1])
    mx, my = hx + f * 4.6, hy + 6.6
    if blush:
        for bx in (hx + f * 0.6, hx + f * 8.0):
            c.flat([ellipse(bx, hy + 4.6, 2.0, 1.1)], BLUSH)
    if mouth == "smile":
        c.flat([arc(mx, my - 1.2, 2.4, 1.8, 25, 155, 8, 0.9)], ink)
    elif mouth == "grin":
        c.part([poly(ellipse_pts(mx, my - 0.8, 2.9, 2.8, 0, 180, 12))], MOUTH, line=0.7)
        c.flat([ellipse(mx, my + 1.2, 1.5, 0.8)], TONGUE)
    elif mouth == "open":
        c.part([ellipse(mx, my, 1.8, 2.0)], MOUTH, line=0.7)
        c.flat([ellipse(mx, my + 1.0, 1.2, 0.7)], TONGUE)
    elif mouth == "shout":
        c.part([ellipse(mx, my, 2.2, 2.6)], MOUTH, line=0.7)
        c.flat([ellipse(mx, my + 1.2, 1.4, 0.9)], TONGUE)
    elif mouth == "o":
        c.part([ellipse(mx, my, 1.0, 1.2)], MOUTH, line=0.6)
    elif mouth == "frown":
        c.flat([arc(mx, my + 1.8, 2.6, 2.0, 200, 340, 10, 1.0)], ink)
    elif mouth == "flat":
        c.flat([stroke([(mx - 1.8, my), (mx + 1.6, my + 0.3)], 0.9)], ink)
    elif mouth == "chew":
        c.flat([stroke([(mx - 1.8, my), (mx - 0.6, my + 0.6), (mx + 0.6, my),
                        (mx + 1.8, my + 0.6)], 0.9)], ink)


def draw_head(p: Pose, c: Painter, look: Look) -> None:
    """Head, ear, hair, face and hat."""
    hx, hy = p.head
    f = p.turn
    c.part([ellipse(hx, hy, 11, 10.6), circle(hx + f * 10.4, hy + 2.6, 1.7)], look.skin, band=1.6)
    c.part([ellipse(hx - f * 5.6, hy + 2.0, 2.1, 2.6)], look.skin, line=1.0, band=0.8)
    c.flat([ellipse(hx - f * 5.5, hy + 2.1, 0.8, 1.2)], look.skin[1])
    hair = look.hair_col
    # everything of the hair cap lies above a slanted hairline (low at the back)
    below = cut(poly([(hx - f * 16, hy + 2.4), (hx + f * 16, hy - 8.2), (hx + f * 16, hy + 30),
                      (hx - f * 16, hy + 30)]))
    if look.hair == "curly":
        blobs = [(-10.6, 0.2, 3.0), (-10.4, -3.8, 3.4), (-8.4, -7.8, 3.6), (-4.6, -10.6, 3.8),
                 (-0.2, -11.6, 3.8), (4.2, -11, 3.6), (8, -9, 3.2), (10.4, -6.2, 2.6)]
        shapes = [ellipse(hx - f * 0.4, hy - 1.0, 11.8, 11.4), below]
        shapes += [circle(hx + f * dx, hy + dy, r) for dx, dy, r in blobs]
        shapes += [limb((hx - f * 9.6, hy - 2), (hx - f * 8.6, hy + 3.4), 2.6, 1.8)]
        c.part(shapes, hair, band=1.4)
        for dx, dy in ((-7, -6), (-3, -8.6), (1.5, -9), (5.5, -8), (-8.6, -1.6)):
            c.flat([arc(hx + f * dx, hy + dy, 1.5, 1.1, 200, 340, 6, 0.7)], hair[1])
    elif look.hair == "long":
        fringe = [ellipse(hx - f * 0.6, hy - 1.6, 12.0, 11.4), below,
                  limb((hx - f * 9.4, hy - 4), (hx - f * 8.8, hy + 9), 3.4, 2.4),
                  poly([(hx + f * 3, hy - 7), (hx + f * 11.4, hy - 6.5), (hx + f * 11, hy - 1.5)])]
        c.part(fringe, hair, band=1.2)
        c.flat([stroke([(hx + f * 0.5, hy - 9.5), (hx + f * 4.5, hy - 5.5)], 0.7)], hair[1])
        c.part(heart_shape(hx - f * 3.4, hy - 10.6, 2.1), ((255, 96, 140), (214, 60, 100)),
               line=0.9, band=0.5)
    elif look.hair == "short":
        c.part([ellipse(hx - f * 0.6, hy - 1.2, 11.6, 11.0), below,
                limb((hx - f * 9.4, hy - 3), (hx - f * 8.8, hy + 2.5), 2.4, 1.6)], hair,
               band=1.0)
    draw_face(p, c, look, hx - f * abs(p.chin) * 0.4, hy + p.chin)
    draw_hat(p, c, look, hx, hy)


def draw_hat(p: Pose, c: Painter, look: Look, hx: float, hy: float) -> None:
    """Headwear that marks the job: cap, chef toque, paper hat or headscarf."""
    f = p.turn
    col = look.hat_col
    if look.hat == "cap":
        dome = ellipse_pts(hx - f * 0.3, hy - 4.2, 11.6, 8.4, 180, 360, 24)
        c.part([ellipse(hx + f * 9.8, hy - 4.2, 7.2, 2.0)], (col[1], (120, 20, 20)), band=0.6)
        c.part([poly(dome)], col, band=1.4)
        c.flat([stroke([(hx - 10.5, hy - 4.6), (hx + 10.5, hy - 4.6)], 1.0)], col[1])
        c.part([circle(hx + f * 3.6, hy - 8.4, 2.2)], YELLOW, line=0.8, band=0.5)
    elif look.hat == "toque":
        top = [circle(hx - 6.2, hy - 15.8, 4.8), circle(hx, hy - 17.6, 5.0),
               circle(hx + 6.2, hy - 15.8, 4.8), rect(hx - 9.4, hy - 16.4, 18.8, 7.4)]
        c.part(top, col, band=1.2)
        pleats(c, hx, hy - 16.4, hy - 11, 3.2, col[1])
        c.part([rect(hx - 10.6, hy - 11.6, 21.2, 5.8, 1.6)], col, band=1.0)
    elif look.hat == "paper":  # short pleated cook's cap with a teal band
        top = [ellipse(hx - 4.6, hy - 11.6, 5.2, 3.8), ellipse(hx + 4.6, hy - 11.6, 5.2, 3.8),
               ellipse(hx, hy - 12.6, 5.6, 4.2), rect(hx - 9.6, hy - 12, 19.2, 4)]
        c.part(top, col, band=1.0)
        pleats(c, hx, hy - 13.6, hy - 9, 3.0, col[1])
        c.part([rect(hx - 10.6, hy - 9.4, 21.2, 4.0, 1.2)], TEAL, band=0.8)
    elif look.hat == "scarf":
        dome = ellipse_pts(hx - f * 0.8, hy - 2.6, 11.8, 9.8, 180, 360, 24)
        knot = [ellipse(hx - f * 11.6, hy - 1.2, 3.2, 2.2, -30 * f),
                ellipse(hx - f * 11.4, hy + 2.6, 1.8, 3.2, 20 * f)]
        pat = dots(c.size, 3.4, 0.6, (255, 250, 240))
        c.part([*knot, poly(dome)], col, band=1.2, pattern=pat)


def pleats(c: Painter, hx: float, top: float, bottom: float, dx: float, col: RGB) -> None:
    """Two pleat lines down a white cook's hat, fanning out a little towards the brim."""
    for x in (-dx, dx):
        c.flat([stroke([(hx + x, top), (hx + x * 1.1, bottom)], 0.7)], col)


def draw_arm(p: Pose, c: Painter, look: Look, arm: Arm) -> None:
    """One arm with sleeve and hand."""
    sleeve_col = look.top
    limbs = [limb(arm.shoulder, arm.elbow, 2.5, 2.3), limb(arm.elbow, arm.hand, 2.3, 2.1)]
    if look.sleeves == "long":
        c.part(limbs, sleeve_col, cloth=look.cloth, band=1.0)
    else:
        c.part(limbs, look.skin, band=1.0)
        c.part([limb(arm.shoulder, lerp(arm.shoulder, arm.elbow, 0.62), 3.3, 3.0)], sleeve_col,
               cloth=look.cloth, band=1.0)
    hand = [circle(arm.hand[0], arm.hand[1], 2.5)]
    for d in arm.point:
        tip = add(arm.hand, d[0] * 4.0, d[1] * 4.0)
        hand.append(limb(arm.hand, tip, 1.2, 1.0))
    c.part(hand, look.skin, band=0.8)


def draw_leg(c: Painter, look: Look, leg: Leg, seated: bool) -> None:
    """One leg (trouser or bare) with its shoe."""
    trousers = look.trousers
    shapes = [limb(leg.hip, leg.knee, 3.1 if trousers else 2.5, 2.9 if trousers else 2.3),
              limb(leg.knee, leg.ankle, 2.8 if trousers else 2.2, 2.6 if trousers else 2.0)]
    a = math.radians(leg.foot)
    ox, oy = 1.8 * math.cos(a) - 1.6 * math.sin(a), 1.8 * math.sin(a) + 1.6 * math.cos(a)
    shoe = ellipse(leg.ankle[0] + ox, leg.ankle[1] + oy, 4.3, 2.5, leg.foot)
    c.part([shoe, ellipse(leg.ankle[0], leg.ankle[1], 2.4, 2.2)], look.shoes, band=0.9)
    if look.bottom == "checked":
        c.part(shapes, WHITE_CLOTH, band=0.9, pattern=cook_checks(c))
    elif trousers:
        c.part(shapes, look.bottom_col, cloth=look.cloth, band=1.0)
    else:
        c.part(shapes, look.skin, band=0.8)
    if seated and look.bottom == "skirt":
        return
    if not trousers:  # socks line
        c.flat([limb(add(leg.ankle, 0, -1.2), leg.ankle, 2.1)], (250, 250, 250))


def draw_body(p: Pose, c: Painter, look: Look) -> None:
    """Torso with trousers/skirt top, apron and uniform details."""
    hx, hy = p.hip
    nx, ny = p.neck
    if look.trousers:
        col = WHITE_CLOTH if look.bottom == "checked" else look.bottom_col
        pat = cook_checks(c) if look.bottom == "checked" else None
        c.part([ellipse(hx, hy + 1.5, 6.6, 4.6)], col, cloth=look.cloth, pattern=pat)
    elif not p.seated:
        skirt = [(hx - 6.5, hy - 3.5), (hx + 6.5, hy - 3.5), (hx + 10.5, hy + 10.5),
                 (hx - 9.5, hy + 10.5)]
        c.part([poly(skirt)], look.bottom_col, cloth=look.cloth)
        for dx in (-3, 2):
            c.flat([stroke([(hx + dx, hy + 1), (hx + dx * 1.6, hy + 10)], 0.8)],
                   look.bottom_col[1], cloth=look.cloth)
    torso = [circle(nx - 3.4, ny - 2.2, 4.8), circle(nx + 3.4, ny - 2.2, 4.8),
             poly([(nx - 7.2, ny - 1.5), (nx + 7.2, ny - 1.5), (hx + 6.6, hy + 2.6),
                   (hx - 6.6, hy + 2.6)])]
    c.part(torso, look.top, cloth=look.cloth, band=2.2)
    fx = 1.0  # the front of the body is on the right
    if look.cloth:  # collar
        c.flat([arc(nx + 1.6, ny - 5.4, 3.6, 2.4, 20, 160, 8, 0.9)],
               look.top[1], cloth=True)
    if "buttons" in look.extras:  # double-breasted chef jacket
        for i in range(4):
            for dx in (1.2, 4.4):
                c.flat([circle(nx + dx * fx + (hx - nx) * i / 4, ny - 1.5 + i * 3.6, 0.75)],
                       (120, 124, 140))
        c.part([poly([(nx - 3, ny - 6.6), (nx + 5, ny - 6.6), (nx + 1.2, ny - 2.4)])], RED,
               line=0.9, band=0.5)
    if look.apron is not None and "bib" in look.extras:
        bib = [(nx - 1.8, ny - 3.2), (nx + 6.6, ny - 3.4), (hx + 7.4, hy + 1), (hx - 1, hy + 1)]
        c.part([poly(bib)], look.apron, band=1.2)
        if "badge" in look.extras:
            c.part([rect(nx + 1.4, ny + 0.4, 4.2, 2.4, 0.5)], YELLOW, line=0.8, band=0.4)
    if look.apron is not None and not p.seated:
        front = [(hx - 6.4, hy - 1.5), (hx + 7.2, hy - 1.5), (hx + 8.4, hy + 13),
                 (hx - 2.8, hy + 13)]
        c.part([poly(front)], look.apron, band=1.2)
        c.flat([stroke([(hx - 6.8, hy - 1.2), (hx + 7.6, hy - 1.2)], 1.2)], look.apron[1])
    if look.bottom == "overalls":
        bib = [(nx - 1.8, ny - 0.4), (nx + 6.2, ny - 0.6), (hx + 6.8, hy + 1), (hx - 2.4, hy + 1)]
        c.part([poly(bib)], look.bottom_col, band=1.0)
        c.flat([rect(nx + 1.0, ny + 2.0, 3.4, 2.6, 0.4)], look.bottom_col[1])
        c.part([circle(nx + 5.2, ny + 0.4, 0.9)], YELLOW, line=0.6)


def draw_person(c: Painter, look: Look, pose: Pose) -> None:
    """Paint one character frame (at 1x coordinates) in back-to-front order."""
    p = lift(pose, look.drop)
    hx, hy = p.head
    f = p.turn
    if look.hair == "long":
        back = [ellipse(hx - f * 1.2, hy - 0.6, 12.2, 11.6),
                poly([(hx - f * 12.4, hy), (hx + f * 3.5, hy), (hx + f * 3, hy + 19),
                      (hx - f * 11.5, hy + 20.5)]),
                ellipse(hx - f * 4.2, hy + 19.4, 7.4, 3.0)]
        c.part(back, look.hair_col, band=1.6)
    if not p.far_arm.front:
        draw_arm(p, c, look, p.far_arm)
    draw_leg(c, look, p.far_leg, p.seated)
    if not p.seated:
        draw_leg(c, look, p.near_leg, p.seated)
    draw_body(p, c, look)
    if p.seated:
        draw_leg(c, look, p.near_leg, p.seated)
        if look.bottom == "skirt":
            k = p.near_leg.knee
            hip_x, hip_y = p.hip
            skirt = [(hip_x - 7, hip_y - 3.6), (hip_x + 4, hip_y - 4), (k[0] + 2.6, k[1] - 3.4),
                     (k[0] + 3.2, k[1] + 4.6), (hip_x - 7.6, hip_y + 5)]
            c.part([poly(skirt)], look.bottom_col, cloth=look.cloth, band=1.4)
        if look.apron is not None:
            k = p.near_leg.knee
            hip_x, hip_y = p.hip
            c.part([poly([(hip_x - 4, hip_y - 3), (k[0] + 1, k[1] - 3.4), (k[0] + 1.5, k[1] + 4),
                          (hip_x - 4, hip_y + 3)])], look.apron)
    draw_head(p, c, look)
    for kind, at, angle in p.items:
        draw_item(c, kind, at, angle)
    if p.far_arm.front:
        draw_arm(p, c, look, p.far_arm)
    draw_arm(p, c, look, p.near_arm)
    for kind, at, angle in p.extras:
        draw_item(c, kind, at, angle)


def lift(p: Pose, drop: float) -> Pose:
    """Lower the upper body by ``drop`` px (hips and legs stay)."""
    if not drop:
        return p

    def mv(q: Pt) -> Pt:
        return (q[0], q[1] + drop)

    def arm(a: Arm) -> Arm:
        return replace(a, shoulder=mv(a.shoulder), elbow=mv(a.elbow), hand=mv(a.hand))

    return replace(p, head=mv(p.head), neck=mv(p.neck), near_arm=arm(p.near_arm),
                   far_arm=arm(p.far_arm),
                   items=tuple((k, mv(a), ang) for k, a, ang in p.items),
                   extras=tuple((k, mv(a), ang) for k, a, ang in p.extras))

