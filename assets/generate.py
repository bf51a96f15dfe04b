#!/usr/bin/env python3
"""Draw every Async Burgers sprite sheet with pygame primitives, deterministically.

Run ``python assets/generate.py [--out DIR] [--contact PNG]``. Each sheet NAME becomes
``NAME.png`` (RGBA) plus ``NAME.json`` in the Aseprite "array" JSON convention.
Shapes are painted at ``S`` times the final size, with a dark outline and one flat shade,
then ``smoothscale``d down for anti-aliased edges. No randomness, no fonts, no images.
"""

from __future__ import annotations

import argparse
import json
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

S = 4  # supersampling factor: everything is painted at S x and scaled down
Pt = tuple[float, float]
RGB = tuple[int, int, int]
Pair = tuple[RGB, RGB]  # (fill, shade)
Shape = Callable[[pygame.Surface, tuple[int, ...]], None]

OUTLINE: RGB = (46, 30, 38)
WHITE: RGB = (255, 255, 255)
CLOTH_BASE = 215  # grey level of customer clothes on base sheets; tint = base * 255 / 215

# ---------------------------------------------------------------- palette
SKIN_TAN: Pair = ((200, 138, 96), (164, 104, 72))
SKIN_FAIR: Pair = ((255, 216, 184), (236, 172, 142))
SKIN_PEACH: Pair = ((245, 194, 152), (218, 152, 116))
SKIN_DARK: Pair = ((150, 98, 68), (118, 72, 50))
SKIN_OLIVE: Pair = ((226, 172, 124), (194, 136, 96))
HAIR_DARK: Pair = ((66, 44, 36), (42, 28, 24))
HAIR_AUBURN: Pair = ((168, 80, 44), (128, 56, 32))
HAIR_BLACK: Pair = ((44, 38, 46), (26, 22, 30))
HAIR_BLOND: Pair = ((236, 192, 92), (200, 150, 64))
CLOTH_TOP: Pair = ((215, 215, 215), (170, 170, 170))
CLOTH_BOTTOM: Pair = ((150, 150, 150), (118, 118, 118))
SHOES: Pair = ((70, 52, 48), (44, 32, 30))
SNEAKERS: Pair = ((245, 245, 240), (196, 196, 200))
RED: Pair = ((222, 52, 40), (168, 30, 28))
WHITE_CLOTH: Pair = ((252, 252, 248), (206, 210, 220))
DARK_PANTS: Pair = ((64, 62, 84), (44, 42, 60))
TEAL: Pair = ((30, 160, 170), (18, 116, 128))
NAVY: Pair = ((40, 62, 112), (26, 40, 80))
DENIM: Pair = ((70, 110, 180), (48, 80, 140))
YELLOW: Pair = ((255, 206, 60), (226, 160, 30))
BUN: Pair = ((240, 164, 70), (206, 120, 46))
PATTY: Pair = ((124, 68, 42), (90, 46, 30))
CHEESE: Pair = ((255, 204, 40), (236, 160, 20))
LETTUCE: Pair = ((120, 200, 70), (80, 150, 50))
TOMATO: Pair = ((232, 64, 52), (180, 40, 36))
ORANGE: Pair = ((240, 130, 50), (206, 96, 34))
BLUE: Pair = ((70, 150, 220), (44, 108, 176))
CHROME: Pair = ((214, 220, 228), (150, 160, 176))
STEEL: Pair = ((120, 128, 140), (84, 90, 102))
WOOD: Pair = ((176, 112, 64), (134, 80, 44))
CREAM: Pair = ((255, 246, 214), (232, 214, 170))
PINK: RGB = (255, 120, 150)
BLUSH: RGB = (255, 138, 160)
TONGUE: RGB = (236, 96, 96)
MOUTH: RGB = (120, 36, 44)


# ---------------------------------------------------------------- shapes
def _s(v: float) -> int:
    """Scale a 1x coordinate to the supersampled canvas."""
    return round(v * S)


def _sp(p: Pt) -> tuple[int, int]:
    return (_s(p[0]), _s(p[1]))


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
        left, top = _s(cx - rx), _s(cy - ry)
        pygame.draw.ellipse(surf, col, (left, top, _s(cx + rx) - left, _s(cy + ry) - top))

    return draw


def circle(cx: float, cy: float, r: float) -> Shape:
    """Filled circle."""
    return ellipse(cx, cy, r, r)


def poly(pts: Sequence[Pt]) -> Shape:
    """Filled polygon."""

    def draw(surf: pygame.Surface, col: tuple[int, ...]) -> None:
        pygame.draw.polygon(surf, col, [_sp(p) for p in pts])

    return draw


def rect(x: float, y: float, w: float, h: float, r: float = 0.0) -> Shape:
    """Filled (rounded) rectangle."""

    def draw(surf: pygame.Surface, col: tuple[int, ...]) -> None:
        left, top = _s(x), _s(y)
        box = (left, top, _s(x + w) - left, _s(y + h) - top)
        pygame.draw.rect(surf, col, box, border_radius=_s(r) if r else 0)

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


# ---------------------------------------------------------------- painter
_DISCS: dict[int, pygame.mask.Mask] = {}


def _disc(r: int) -> pygame.mask.Mask:
    """Cached solid disc mask of radius r (used to dilate shapes into outlines)."""
    if r not in _DISCS:
        m = pygame.mask.Mask((2 * r + 1, 2 * r + 1))
        for x in range(2 * r + 1):
            for y in range(2 * r + 1):
                if (x - r) ** 2 + (y - r) ** 2 <= r * r + r:
                    m.set_at((x, y))
        _DISCS[r] = m
    return _DISCS[r]


def tint_of(col: RGB) -> tuple[int, int, int, int]:
    """Tint-sheet grey for a neutral cloth grey of the base sheet."""
    v = min(255, round(col[0] * 255 / CLOTH_BASE))
    return (v, v, v, 255)


class Painter:
    """Supersampled canvas that paints outlined, shaded parts (and an optional tint layer).

    The tint layer receives the pixels of parts flagged ``cloth`` in white/grey and
    has every other part (and all outlines) erased, so it exactly covers visible clothes.
    """

    def __init__(self, w: int, h: int, *, tint: bool = False, clear: RGB = OUTLINE,
                 line: float = 1.4) -> None:
        self.w, self.h = w, h
        self.size = (w * S, h * S)
        self.base = pygame.Surface(self.size, pygame.SRCALPHA)
        self.base.fill((*clear, 0))
        self.tint: pygame.Surface | None = None
        if tint:
            self.tint = pygame.Surface(self.size, pygame.SRCALPHA)
            self.tint.fill((255, 255, 255, 0))
        self._scratch = pygame.Surface(self.size, pygame.SRCALPHA)
        self.line = line

    def mask(self, shapes: Sequence[Shape]) -> pygame.mask.Mask:
        """Union of ``shapes`` (minus any ``cut`` ones) as a mask."""
        self._scratch.fill((0, 0, 0, 0))
        for shape in shapes:
            shape(self._scratch, (255, 255, 255, 255))
        return pygame.mask.from_surface(self._scratch, 127)

    def _put(self, m: pygame.mask.Mask, col: RGB | tuple[int, int, int, int],
             cloth: bool = False) -> None:
        rgba = col if len(col) == 4 else (*col, 255)
        m.to_surface(self.base, setcolor=rgba, unsetcolor=None)
        if self.tint is not None:
            t = tint_of(col[:3]) if cloth else (255, 255, 255, 0)
            m.to_surface(self.tint, setcolor=t, unsetcolor=None)

    def part(self, shapes: Sequence[Shape], fill: Pair | RGB, *, line: float | None = None,
             cloth: bool = False, band: float = 1.8, pattern: pygame.Surface | None = None,
             ) -> pygame.mask.Mask:
        """Paint a dark-outlined part; ``fill`` is a colour or (fill, shade) pair."""
        m = self.mask(shapes)
        width = self.line if line is None else line
        if width > 0:
            r = max(1, round(width * S))
            outline = m.convolve(_disc(r), output=pygame.mask.Mask(self.size), offset=(-r, -r))
            self._put(outline, OUTLINE)
        if isinstance(fill[0], tuple):
            lit, shade = fill  # type: ignore[misc]
            self._put(m, shade, cloth)
            b = max(1, round(band * S))
            self._put(m.overlap_mask(m, (b, -b)), lit, cloth)
        else:
            self._put(m, fill, cloth)  # type: ignore[arg-type]
        if pattern is not None:
            pm = m.overlap_mask(pygame.mask.from_surface(pattern, 127), (0, 0))
            pm.to_surface(self.base, setsurface=pattern, unsetcolor=None)
            if self.tint is not None and not cloth:
                pm.to_surface(self.tint, setcolor=(255, 255, 255, 0), unsetcolor=None)
        return m

    def flat(self, shapes: Sequence[Shape], col: RGB | tuple[int, int, int, int], *,
             cloth: bool = False) -> None:
        """Paint a detail without outline or shade."""
        self._put(self.mask(shapes), col, cloth)

    def finish(self) -> tuple[pygame.Surface, pygame.Surface | None]:
        """Scale down to 1x; the tint layer is clipped to the base's opaque pixels."""
        base = pygame.transform.smoothscale(self.base, (self.w, self.h))
        if self.tint is None:
            return base, None
        tint = pygame.transform.smoothscale(self.tint, (self.w, self.h))
        hole = pygame.mask.from_surface(base, 0)
        hole.invert()
        hole.to_surface(tint, setcolor=(255, 255, 255, 0), unsetcolor=None)
        return base, tint


def checks(size: tuple[int, int], cell: float, a: RGB, b: RGB | None) -> pygame.Surface:
    """Checkerboard pattern surface (``b`` None = transparent)."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    c = _s(cell)
    for y in range(0, size[1], c):
        for x in range(0, size[0], c):
            col = a if (x // c + y // c) % 2 == 0 else b
            if col is not None:
                surf.fill(col, (x, y, c, c))
    return surf


def dots(size: tuple[int, int], step: float, r: float, col: RGB) -> pygame.Surface:
    """Polka-dot pattern surface."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    st = _s(step)
    for j, y in enumerate(range(0, size[1] + st, st)):
        for x in range(0, size[0] + st, st):
            pygame.draw.circle(surf, col, (x + (st // 2 if j % 2 else 0), y), _s(r))
    return surf


# ---------------------------------------------------------------- shared objects
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


def draw_tray(p: Painter, cx: float, cy: float, s: float = 1.0, burgers: bool = True) -> None:
    """A red serving tray (top at cy) with two burgers, about 50*s wide."""
    if burgers:
        draw_burger(p, cx - 11 * s, cy - 7.4 * s, 0.95 * s, line=1.1)
        draw_burger(p, cx + 11 * s, cy - 7.4 * s, 0.95 * s, line=1.1)
    pts = [(cx - 25 * s, cy - 1 * s), (cx + 25 * s, cy - 1 * s), (cx + 22 * s, cy + 4 * s),
           (cx - 22 * s, cy + 4 * s)]
    p.part([poly(pts)], RED, band=1.2 * s)
    p.flat([rect(cx - 23.5 * s, cy - 0.6 * s, 47 * s, 1.2 * s)], (255, 110, 90))


def draw_small_tray(p: Painter, cx: float, cy: float) -> None:
    """Tray with two burgers sized to be carried by a 48x80 character."""
    draw_burger(p, cx - 5.4, cy - 4.2, 0.5, line=0.9)
    draw_burger(p, cx + 5.4, cy - 4.2, 0.5, line=0.9)
    pts = [(cx - 11.5, cy - 0.6), (cx + 11.5, cy - 0.6), (cx + 10, cy + 2.2), (cx - 10, cy + 2.2)]
    p.part([poly(pts)], RED, line=1.0, band=0.8)


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


# ---------------------------------------------------------------- characters
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
            c.flat([stroke(ellipse_pts(ex, ey + 0.8, 1.7, 1.7, 200, 340, 8), 0.9)], ink)
        elif eyes == "half":
            c.flat([ellipse(ex + 0.2 * f, ey + 0.5, rx, 1.4)], ink)
            c.flat([stroke([(ex - 1.8, ey - 0.3), (ex + 1.8, ey - 0.3)], 0.9)], ink)
        elif eyes == "down":
            c.flat([ellipse(ex, ey + 0.9, rx, 1.3)], ink)
            c.flat([stroke([(ex - 1.7, ey - 0.1), (ex + 1.7, ey - 0.1)], 0.8)], ink)
        elif eyes == "closed":
            c.flat([stroke(ellipse_pts(ex, ey - 0.4, 1.6, 1.2, 20, 160, 8), 0.9)], ink)
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
        c.flat([stroke(ellipse_pts(mx, my - 1.2, 2.4, 1.8, 25, 155, 8), 0.9)], ink)
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
        c.flat([stroke(ellipse_pts(mx, my + 1.8, 2.6, 2.0, 200, 340, 10), 1.0)], ink)
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
            c.flat([stroke(ellipse_pts(hx + f * dx, hy + dy, 1.5, 1.1, 200, 340, 6), 0.7)],
                   hair[1])
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
        for dx in (-3.2, 3.2):
            c.flat([stroke([(hx + dx, hy - 16.4), (hx + dx * 1.1, hy - 11)], 0.7)], col[1])
        c.part([rect(hx - 10.6, hy - 11.6, 21.2, 5.8, 1.6)], col, band=1.0)
    elif look.hat == "paper":  # short pleated cook's cap with a teal band
        top = [ellipse(hx - 4.6, hy - 11.6, 5.2, 3.8), ellipse(hx + 4.6, hy - 11.6, 5.2, 3.8),
               ellipse(hx, hy - 12.6, 5.6, 4.2), rect(hx - 9.6, hy - 12, 19.2, 4)]
        c.part(top, col, band=1.0)
        for dx in (-3.0, 3.0):
            c.flat([stroke([(hx + dx, hy - 13.6), (hx + dx * 1.1, hy - 9)], 0.7)], col[1])
        c.part([rect(hx - 10.6, hy - 9.4, 21.2, 4.0, 1.2)], TEAL, band=0.8)
    elif look.hat == "scarf":
        dome = ellipse_pts(hx - f * 0.8, hy - 2.6, 11.8, 9.8, 180, 360, 24)
        knot = [ellipse(hx - f * 11.6, hy - 1.2, 3.2, 2.2, -30 * f),
                ellipse(hx - f * 11.4, hy + 2.6, 1.8, 3.2, 20 * f)]
        pat = dots(c.size, 3.4, 0.6, (255, 250, 240))
        c.part([*knot, poly(dome)], col, band=1.2, pattern=pat)


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
    trousers = look.bottom in ("trousers", "checked", "overalls")
    shapes = [limb(leg.hip, leg.knee, 3.1 if trousers else 2.5, 2.9 if trousers else 2.3),
              limb(leg.knee, leg.ankle, 2.8 if trousers else 2.2, 2.6 if trousers else 2.0)]
    a = math.radians(leg.foot)
    ox, oy = 1.8 * math.cos(a) - 1.6 * math.sin(a), 1.8 * math.sin(a) + 1.6 * math.cos(a)
    shoe = ellipse(leg.ankle[0] + ox, leg.ankle[1] + oy, 4.3, 2.5, leg.foot)
    c.part([shoe, ellipse(leg.ankle[0], leg.ankle[1], 2.4, 2.2)], look.shoes, band=0.9)
    if look.bottom == "checked":
        pat = checks(c.size, 1.6, (40, 40, 50), None)
        c.part(shapes, WHITE_CLOTH, band=0.9, pattern=pat)
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
    if look.bottom in ("trousers", "checked", "overalls"):
        col = WHITE_CLOTH if look.bottom == "checked" else look.bottom_col
        pat = checks(c.size, 1.6, (40, 40, 50), None) if look.bottom == "checked" else None
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
        c.flat([stroke(ellipse_pts(nx + 1.6, ny - 5.4, 3.6, 2.4, 20, 160, 8), 0.9)],
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


# ---------------------------------------------------------------- poses
GROUND = 73.5  # ankle height of a planted foot (shoe bottom lands on y=77)


def stand(bob: float = 0.0, **kw: object) -> Pose:
    """Neutral standing pose facing right; keyword args override any Pose field."""
    y = bob
    base = Pose(
        head=(25.0, 19.0 + y), neck=(24.0, 37.0 + y), hip=(24.0, 52.0 + y * 0.4),
        near_arm=Arm((25.2, 36.5 + y), (25.6, 44.5 + y), (26.4, 51.5 + y)),
        far_arm=Arm((22.4, 36.5 + y), (21.6, 44.5 + y), (22.2, 51.5 + y)),
        near_leg=Leg((25.4, 54), (25.6, 64), (25.6, GROUND)),
        far_leg=Leg((22.6, 54), (22.4, 64), (22.2, GROUND)),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


WALK_LEGS: list[tuple[Leg, Leg, float]] = [
    # near leg, far leg, body bob
    (Leg((25, 54), (27.6, 63.6), (29.6, GROUND - 0.4), -12),
     Leg((23, 54), (20.6, 63.8), (17.4, GROUND - 1.2), 24), 0.8),
    (Leg((24.6, 54), (24.8, 63.8), (24.4, GROUND)),
     Leg((23, 54), (26.4, 62), (22, 70.4), 30), -0.6),
    (Leg((25, 54), (22.6, 63.8), (19.4, GROUND - 1.2), 24),
     Leg((23, 54), (25.6, 63.6), (27.6, GROUND - 0.4), -12), 0.8),
    (Leg((25, 54), (28.2, 62), (24, 70.4), 30),
     Leg((23, 54), (23.2, 63.8), (23.0, GROUND)), -0.6),
]


def walk(i: int, **kw: object) -> Pose:
    """Frame ``i`` of the 4-frame walk cycle; arms swing opposite to legs."""
    near, far, bob = WALK_LEGS[i]
    swing = (-4.5, 0, 4.5, 0)[i]
    y = bob
    pose = stand(
        bob, near_leg=near, far_leg=far, hip=(24.0, 52.0 + y * 0.5),
        near_arm=Arm((25.2, 36.5 + y), (25.2 + swing * 0.5, 44.4 + y), (25.8 + swing, 51 + y)),
        far_arm=Arm((22.4, 36.5 + y), (22.4 - swing * 0.5, 44.4 + y), (22.6 - swing, 51 + y)),
    )
    return replace(pose, **kw)  # type: ignore[arg-type]


def carry(i: int, **kw: object) -> Pose:
    """Walk frame ``i`` holding a tray with two burgers in front of the chest."""
    bob = WALK_LEGS[i][2]
    y = bob
    return walk(
        i, near_arm=Arm((25.2, 36.5 + y), (27.4, 44.6 + y), (32.4, 44.2 + y)),
        far_arm=Arm((22.4, 36.5 + y), (27, 45.2 + y), (41.6, 44.4 + y)),
        items=(("tray", (35.4, 43.6 + y), 0.0),), **kw)


def sit(**kw: object) -> Pose:
    """Seated on a stool (not drawn): hips ~y58, shins dangling, hands forward on a table."""
    base = Pose(
        head=(25.4, 24.0), neck=(23.6, 41.5), hip=(22.0, 56.0), seated=True,
        near_arm=Arm((24.4, 41.5), (27.6, 49.6), (34.4, 49.4)),
        far_arm=Arm((22.0, 41.5), (25.6, 49.8), (32.0, 49.8)),
        near_leg=Leg((23.0, 58.0), (33.4, 58.6), (33.8, 72.2)),
        far_leg=Leg((21.0, 58.0), (31.0, 58.8), (30.6, 72.8), 6),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


def customer_tags() -> list[tuple[str, int, list[Pose]]]:
    """Tag name, frame duration (ms) and poses of the boy and girl sheets."""
    crossed_far = Arm((26.0, 37.0), (29.4, 45.6), (20.4, 43.6), front=True)
    crossed_near = Arm((22.6, 37.0), (19.6, 45.4), (29.6, 42.0))

    def wait(i: int) -> Pose:
        tap = -26.0 if i % 2 else 0.0
        lift_y = 1.0 if i % 2 else 0.0
        return stand(
            0.0, near_arm=crossed_near, far_arm=crossed_far,
            face="grumpy" if i < 2 else "grumpy2", turn=1,
            near_leg=Leg((25.4, 54), (27, 64), (28.4, GROUND - lift_y), tap),
            far_leg=Leg((22.6, 54), (21.8, 64), (20.6, GROUND)),
            extras=(("sweat", (32.4, 10.8 + (1.2 if i in (1, 2) else 0)), 0.0),) if i >= 2 else (),
        )

    def talk(i: int) -> Pose:
        hands = [(35.4, 43.6), (33.6, 46.4), (36.0, 40.6), (33.0, 47.6)]
        elbows = [(29.6, 48.8), (29.2, 49.8), (30.0, 47.4), (29.0, 50.0)]
        return sit(face="talk" if i % 2 == 0 else "grin", head=(25.4, 24.0 - (i % 2) * 0.6),
                   near_arm=Arm((24.4, 41.5), elbows[i], hands[i],
                                point=((0.5, -0.9),) if i == 2 else ()))

    def flirt(i: int) -> Pose:
        return sit(
            face="flirt" if i == 0 else "flirt2", neck=(26.2, 42.5),
            head=(28.6 + i * 0.4, 26.0 - i * 0.4),
            near_arm=Arm((26.8, 42.5), (35.4, 51.0), (34.8, 40.6 - i * 0.4)),
            far_arm=Arm((24.4, 42.5), (32.0, 51.4), (31.0, 41.0 - i * 0.4)),
            extras=(("heart", (40.2, 17.0 - i * 2.0), 0.0),))

    def glance(i: int) -> Pose:
        return sit(face="curious" if i == 0 else "curious2", turn=-1, head=(23.2, 23.4 - i * 0.4),
                   neck=(23.0, 41.5), chin=-1.8 - i * 0.4, gaze=(0.0, -0.6))

    def eat(i: int) -> Pose:
        at = [(34.6, 31.4), (36.0, 38.4), (34.4, 31.0), (36.2, 39.2)][i]
        return sit(
            face="eat" if i % 2 == 0 else "chew", head=(25.4, 24.0 + (0.4 if i == 2 else 0)),
            near_arm=Arm((24.4, 41.5), (28.4, 48.6), (at[0] - 1.0, at[1] + 3.4)),
            far_arm=Arm((22.0, 41.5), (27.0, 48.8), (at[0] - 4.4, at[1] + 2.4)),
            items=(("burger", at, 0.0),))

    def sad(i: int) -> Pose:
        return sit(
            face="sad" if i == 0 else "sad2", neck=(21.6, 43.0), head=(23.4, 28.0 + i * 0.6),
            near_arm=Arm((22.6, 43.0), (25.2, 51.2), (31.2, 55.4 + i * 0.3)),
            far_arm=Arm((20.4, 43.0), (23.0, 51.2), (29.0, 55.8)))

    point = Arm((25.2, 36.5), (31.4, 39.4), (38.6, 35.4), point=((0.9, -0.45),))
    point2 = Arm((25.2, 36.5), (31.6, 38.4), (37.4, 32.6), point=((0.1, -1.0), (0.55, -0.85)))
    return [
        ("idle", 500, [stand(0.0), stand(0.7, face="smile")]),
        ("walk", 120, [walk(i) for i in range(4)]),
        ("order", 260, [stand(0.0, face="talk", near_arm=point),
                        stand(0.3, face="talk2", near_arm=point2)]),
        ("pay", 300, [stand(0.0, near_arm=Arm((25.2, 36.5), (30.2, 42.6), (35.8, 40.2)),
                            items=(("card", (37.6, 38.4), 0.0),)),
                      stand(0.4, near_arm=Arm((25.2, 36.5), (30.8, 42.0), (37.2, 40.4)),
                            items=(("card", (39.0, 38.6), 0.0),), face="shy")]),
        ("wait", 180, [wait(i) for i in range(4)]),
        ("carry", 120, [carry(i) for i in range(4)]),
        ("sit_talk", 220, [talk(i) for i in range(4)]),
        ("sit_flirt", 420, [flirt(i) for i in range(2)]),
        ("sit_glance", 500, [glance(i) for i in range(2)]),
        ("sit_eat", 200, [eat(i) for i in range(4)]),
        ("sit_sad", 600, [sad(i) for i in range(2)]),
    ]


def worker_idle() -> list[Pose]:
    """Two breathing frames, hands relaxed."""
    return [stand(0.0), stand(0.7)]


def worker_talk() -> list[Pose]:
    """Open-palm gesture while talking."""
    return [stand(0.0, face="talk", near_arm=Arm((25.2, 36.5), (29.4, 43.4), (34.0, 40.4))),
            stand(0.4, face="grin", near_arm=Arm((25.2, 36.5), (29.8, 43.8), (35.0, 42.2)))]


def cook_frames() -> list[Pose]:
    """Flipping a patty with a spatula held forward."""
    frames = []
    spat = [(4.0, None), (-14.0, (43.0, 40.0)), (-24.0, (42.0, 33.0)), (2.0, (43.4, 42.6))]
    for i, (ang, patty) in enumerate(spat):
        hand = (33.6, 47.0 - (1.5 if i in (1, 2) else 0))
        items: list[tuple[str, Pt, float]] = [("spatula", hand, ang)]
        if patty is not None:
            items.append(("patty", patty, (0.0, -30.0, 35.0, 10.0)[i]))
        frames.append(stand(
            0.3 * (i % 2), face="focus", gaze=(0.6, 0.8),
            near_arm=Arm((25.2, 36.5), (28.4, 45.0), hand),
            far_arm=Arm((22.4, 36.5), (22.6, 44.6), (25.4, 50.0)),
            extras=tuple((k, a, g) for k, a, g in items)))
    return frames


def cashier_tags() -> list[tuple[str, int, list[Pose]]]:
    """Cashier: takes orders, payment, hands out tickets, shouts to the kitchen."""
    give = [Arm((25.2, 36.5), (30.6, 42.0), (36.4, 41.0)),
            Arm((25.2, 36.5), (31.0, 41.4), (37.8, 40.0))]
    return [
        ("idle", 500, worker_idle()),
        ("talk", 240, worker_talk()),
        ("pay", 300, [stand(0.0, face="smile", near_arm=Arm((25.2, 36.5), (30.0, 43.8),
                                                            (36.0, 44.0))),
                      stand(0.3, face="grin", near_arm=Arm((25.2, 36.5), (29.6, 43.6),
                                                           (35.2, 42.8)),
                            items=(("card", (36.4, 40.8), 0.0),))]),
        ("give", 320, [stand(0.0, face="grin", near_arm=give[0],
                             extras=(("ticket", (37.4, 38.4), 0.0),)),
                       stand(0.3, face="smile", near_arm=give[1],
                             extras=(("ticket", (38.8, 37.4), 0.0),))]),
        ("shout", 260, [stand(0.0, face="shout", turn=-1, head=(23.6, 19.2),
                              near_arm=Arm((24.0, 36.5), (17.0, 35.4), (13.6, 28.6)),
                              extras=(("shout", (9.0, 25.2), 0.0),)),
                        stand(-0.5, face="shout", turn=-1, head=(23.0, 18.6),
                              near_arm=Arm((24.0, 36.0), (16.6, 34.8), (13.0, 28.0)),
                              extras=(("shout", (7.6, 24.4), 1.0),))]),
        ("walk", 120, [walk(i) for i in range(4)]),
    ]


def cook_tags() -> list[tuple[str, int, list[Pose]]]:
    """Kitchen cook."""
    return [
        ("idle", 500, worker_idle()),
        ("cook", 150, cook_frames()),
        ("walk", 120, [walk(i) for i in range(4)]),
        ("carry", 120, [carry(i, face="grin") for i in range(4)]),
    ]


def cashier_cook_tags() -> list[tuple[str, int, list[Pose]]]:
    """Parallel-shop cashier who also cooks."""
    return [
        ("idle", 500, worker_idle()),
        ("talk", 240, worker_talk()),
        ("walk", 120, [walk(i) for i in range(4)]),
        ("cook", 150, cook_frames()),
        ("carry", 120, [carry(i) for i in range(4)]),
    ]


def cleaner_tags() -> list[tuple[str, int, list[Pose]]]:
    """House cleaner with a mop."""
    mops = []
    for i in range(4):
        dx = (0.0, 2.6, 5.0, 2.2)[i]
        top = (28.0 + dx * 0.4, 34.0)
        head_x = 34.0 + dx * 1.1
        grip = lerp(top, (head_x, 70.0), 0.36)
        mops.append(stand(
            0.4 * (i % 2), face="grin" if i % 2 else "smile",
            near_arm=Arm((25.2, 36.5), (26.4, 44.0), grip),
            far_arm=Arm((22.4, 36.5), (25.4, 41.0), lerp(top, (head_x, 70.0), 0.1)),
            items=(("mop", top, head_x),)))
    tired = [stand(1.0, face="tired", near_arm=Arm((25.2, 37.5), (38.4, 28.0), (34.0, 14.6)),
                   extras=(("sweat", (16.6, 12.4), 0.0),)),
             stand(1.4, face="tired", near_arm=Arm((25.2, 37.9), (37.6, 27.6), (31.0, 13.2)),
                   extras=(("sweat", (15.8, 15.4), 0.0),))]
    return [
        ("idle", 500, worker_idle()),
        ("walk", 120, [walk(i) for i in range(4)]),
        ("mop", 180, mops),
        ("tired", 400, tired),
    ]


BOY = Look(skin=SKIN_TAN, hair="curly", hair_col=HAIR_DARK, top=CLOTH_TOP, bottom="trousers",
           bottom_col=CLOTH_BOTTOM, cloth=True, shoes=SNEAKERS)
GIRL = Look(skin=SKIN_FAIR, hair="long", hair_col=HAIR_AUBURN, top=CLOTH_TOP, bottom="skirt",
            bottom_col=CLOTH_BOTTOM, cloth=True, shoes=((200, 60, 90), (150, 40, 66)))
CASHIER = Look(skin=SKIN_PEACH, hair="short", hair_col=HAIR_BLACK, top=RED, bottom="trousers",
               bottom_col=DARK_PANTS, hat="cap", hat_col=RED, apron=WHITE_CLOTH,
               extras=frozenset({"bib", "badge"}))
COOK = Look(skin=SKIN_DARK, hair="short", hair_col=HAIR_BLACK, top=WHITE_CLOTH, bottom="checked",
            bottom_col=WHITE_CLOTH, hat="toque", sleeves="long", extras=frozenset({"buttons"}),
            drop=5.0)
CASHIER_COOK = Look(skin=SKIN_OLIVE, hair="short", hair_col=HAIR_DARK, top=TEAL,
                    bottom="trousers", bottom_col=NAVY, hat="paper", apron=NAVY,
                    extras=frozenset({"bib", "badge"}))
CLEANER = Look(skin=SKIN_PEACH, hair="short", hair_col=HAIR_BLOND, top=YELLOW, bottom="overalls",
               bottom_col=DENIM, hat="scarf", hat_col=RED, shoes=SHOES)


# ---------------------------------------------------------------- props
PropFn = Callable[[Painter, int], None]


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
    p.part(heart_shape(8, 7.2, 4.4 + i * 1.1), ((255, 90, 124), (220, 44, 86)), line=1.1, band=1.0)
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


def bubble(p: Painter, w: float, h: float, tail: str = "left") -> None:
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
        p.part(heart_shape(22, 13, 5.0), ((255, 90, 124), (220, 44, 86)), line=1.0, band=0.8)


def prop_bubble_sad(p: Painter, i: int) -> None:
    """Bubble with a frowning rain cloud."""
    bubble(p, 44, 34)
    for x in (16, 23, 30):
        p.part([stroke([(x, 17.5), (x - 1.2, 21.5)], 1.2)], (90, 150, 230), line=0)
    p.part([circle(15, 12, 4.2), circle(21.5, 9.6, 5.2), circle(28.5, 12, 4.4),
            rect(12, 11, 20, 5.4, 2.6)], ((120, 124, 140), (92, 96, 112)), line=1.0, band=0.8)
    p.flat([stroke(ellipse_pts(22, 14.6, 2.4, 1.6, 200, 340, 8), 0.9)], (40, 36, 50))
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


def counter_front(painter: Painter, w: float, h: float, top: Pair, face: Pair) -> None:
    """Shared counter body: slab top, laminate front with panels, dark kick plate."""
    painter.part([rect(2, 14, w - 4, h - 16)], face, band=2.0)
    painter.part([rect(2, h - 12, w - 4, 10)], ((70, 50, 50), (50, 36, 36)), band=1.0)
    painter.part([rect(1, 3, w - 2, 12, 2)], top, band=1.6)
    painter.flat([rect(3, 4.2, w - 6, 2.0)], (255, 255, 255, 255))


def prop_counter(p: Painter, i: int) -> None:
    """Warm order-counter segment."""
    counter_front(p, 200, 96, CREAM, ((232, 96, 44), (196, 66, 30)))
    for k in range(4):
        x = 10 + k * 46
        p.part([rect(x, 24, 38, 56, 3)], ((244, 130, 60), (220, 104, 44)), line=1.0, band=1.4)
    p.flat([rect(2, 17, 196, 3)], (255, 200, 80))


def prop_pickup(p: Painter, i: int) -> None:
    """Warm pickup counter: hazard stripe and a big down arrow."""
    counter_front(p, 170, 96, CREAM, ((232, 96, 44), (196, 66, 30)))
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
    p.part([rect(2, 12, 100, 12, 6)], (top[1], tuple(int(v * 0.8) for v in top[1])), band=1.6)
    p.part([ellipse(52, 13, 50, 11)], top, band=1.8)
    p.flat([ellipse(38, 9, 20, 3)], tuple(min(255, v + 30) for v in top[0]))


def prop_stool(p: Painter, i: int, cool: bool = False) -> None:
    """Round stool on a chrome pole."""
    seat = BLUE if cool else ORANGE
    p.part([ellipse(20, 40.5, 14, 3.2)], CHROME, band=1.0)
    p.part([rect(17.5, 10, 5, 32, 1)], CHROME, band=1.2)
    p.part([rect(6, 20, 28, 3, 1.5)], CHROME, line=1.0)
    p.part([rect(2, 5, 36, 7, 3.5)], (seat[1], tuple(int(v * 0.8) for v in seat[1])), band=1.0)
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
    p.flat(rays, tuple(min(255, v + 16) for v in bg[0]))
    p.part([rect(16, 128, 88, 16, 4)], RED, line=1.2, band=1.0)
    p.flat([rect(26, 134, 68, 3, 1.5)], (255, 230, 200))


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
    p.flat([rect(0, 0, 64, 64)], a)
    p.flat([rect(32, 0, 32, 32), rect(0, 32, 32, 32)], b)


def prop_floor_cool(p: Painter, i: int) -> None:
    """Light cyan floor tile, white grout."""
    p.flat([rect(0, 0, 64, 64)], (188, 232, 240))
    p.flat([rect(2, 2, 28, 4), rect(34, 34, 28, 4)], (206, 242, 248))
    p.flat([rect(0, 0, 64, 2), rect(0, 32, 64, 2), rect(0, 0, 2, 64), rect(32, 0, 2, 64)],
           (250, 255, 255))


def prop_wall_warm(p: Painter, i: int) -> None:
    """Warm yellow wall tile."""
    p.flat([rect(0, 0, 64, 64)], (250, 225, 130))
    diamonds = []
    for cx, cy in ((16, 16), (48, 48), (48, 16), (16, 48)):
        r = 3 if (cx + cy) % 64 == 32 else 1.6
        diamonds.append(poly([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]))
    p.flat(diamonds, (244, 212, 112))


def prop_wall_cool(p: Painter, i: int) -> None:
    """Pale blue wall tile."""
    p.flat([rect(0, 0, 64, 64)], (206, 228, 246))
    p.flat([rect(0, 0, 3, 64), rect(32, 0, 3, 64)], (198, 222, 242))
    p.flat([circle(17.5, 16, 1.4), circle(49.5, 48, 1.4)], (192, 216, 238))


def prop_icon(p: Painter, i: int) -> None:
    """Window icon."""
    draw_burger(p, 16, 17.2, 1.38, line=1.4)


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
    p.flat([rect(0, 0, 64, 64)], (236, 238, 240))
    p.flat([rect(16, 0, 16, 16), rect(48, 0, 16, 16), rect(0, 16, 16, 16), rect(32, 16, 16, 16),
            rect(16, 32, 16, 16), rect(48, 32, 16, 16), rect(0, 48, 16, 16),
            rect(32, 48, 16, 16)], (150, 196, 214))
    lines = [rect(k * 16, 0, 0.8, 64) for k in range(4)] + [rect(0, k * 16, 64, 0.8)
                                                            for k in range(4)]
    p.flat(lines, (120, 130, 140))


def prop_wall_house(p: Painter, i: int) -> None:
    """Flowered wallpaper."""
    p.flat([rect(0, 0, 64, 64)], (214, 236, 206))
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
    p.flat([stroke(ellipse_pts(15, 11, 11, 9, 180, 360, 16), 1.4)], (90, 90, 100))
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
            p.part([rect(x, y0 + 28 - h, w, h, 0.6)], (col, tuple(int(v * 0.78) for v in col)),
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


PROPS: list[tuple[str, tuple[int, int], int, int, PropFn]] = [
    # tag, (w, h), frames, duration ms, painter
    ("burger", (24, 18), 1, 100, prop_burger),
    ("tray", (56, 26), 1, 100, prop_tray),
    ("ticket", (22, 26), 1, 100, prop_ticket),
    ("heart", (16, 14), 2, 250, prop_heart),
    ("steam", (24, 36), 4, 160, prop_steam),
    ("sweat", (10, 14), 1, 100, prop_sweat),
    ("clock", (26, 26), 2, 500, prop_clock),
    ("bubble_order", (70, 50), 1, 100, prop_bubble_order),
    ("bubble_talk", (44, 34), 2, 400, prop_bubble_talk),
    ("bubble_sad", (44, 34), 1, 100, prop_bubble_sad),
    ("register", (60, 46), 1, 100, prop_register),
    ("counter", (200, 96), 1, 100, prop_counter),
    ("pickup", (170, 96), 1, 100, prop_pickup),
    ("station", (140, 100), 1, 100, prop_station),
    ("kitchen_window", (400, 210), 1, 100, prop_kitchen_window),
    ("grill", (120, 64), 2, 200, prop_grill),
    ("order_slip", (20, 30), 1, 100, prop_order_slip),
    ("display", (230, 140), 1, 100, prop_display),
    ("table", (104, 80), 1, 100, prop_table),
    ("stool", (40, 44), 1, 100, prop_stool),
    ("table_cool", (104, 80), 1, 100, lambda p, i: prop_table(p, i, cool=True)),
    ("stool_cool", (40, 44), 1, 100, lambda p, i: prop_stool(p, i, cool=True)),
    ("poster_burger", (120, 160), 1, 100, prop_poster_burger),
    ("poster_fries", (120, 160), 1, 100, prop_poster_fries),
    ("door", (110, 170), 1, 100, prop_door),
    ("plant", (46, 80), 1, 100, prop_plant),
    ("floor_warm", (64, 64), 1, 100, prop_floor_warm),
    ("floor_cool", (64, 64), 1, 100, prop_floor_cool),
    ("wall_warm", (64, 64), 1, 100, prop_wall_warm),
    ("wall_cool", (64, 64), 1, 100, prop_wall_cool),
    ("icon", (32, 32), 1, 100, prop_icon),
]

HOUSE: list[tuple[str, tuple[int, int], int, int, PropFn]] = [
    ("floor_wood", (64, 64), 1, 100, prop_floor_wood),
    ("floor_tile", (64, 64), 1, 100, prop_floor_tile),
    ("wall_house", (64, 64), 1, 100, prop_wall_house),
    ("dust", (30, 22), 2, 300, prop_dust),
    ("sparkle", (22, 22), 2, 200, prop_sparkle),
    ("bucket", (30, 32), 1, 100, prop_bucket),
    ("bed", (120, 76), 1, 100, prop_bed),
    ("sofa", (130, 70), 1, 100, prop_sofa),
    ("bookshelf", (72, 110), 1, 100, prop_bookshelf),
    ("bath", (120, 64), 1, 100, prop_bath),
    ("desk", (100, 70), 1, 100, prop_desk),
    ("stove", (80, 80), 1, 100, prop_stove),
]

CLEAR_WHITE = {"steam", "sparkle", "bubble_order", "bubble_talk", "bubble_sad"}

# ---------------------------------------------------------------- sheets
FRAME_W, FRAME_H = 48, 80
ANCHOR = {"x": 24, "y": 77}

CHARACTERS: list[tuple[str, Look, Callable[[], list[tuple[str, int, list[Pose]]]], bool]] = [
    ("boy", BOY, customer_tags, True),
    ("girl", GIRL, customer_tags, True),
    ("cashier", CASHIER, cashier_tags, False),
    ("cook", COOK, cook_tags, False),
    ("cashier_cook", CASHIER_COOK, cashier_cook_tags, False),
    ("cleaner", CLEANER, cleaner_tags, False),
]


@dataclass
class Sheet:
    """Frames of one sheet before packing: (tag, duration, surface) in order."""

    name: str
    frames: list[tuple[str, int, pygame.Surface]] = field(default_factory=list)
    anchor: dict[str, int] | None = None

    def tags(self) -> list[tuple[str, int, int]]:
        """(tag, first index, last index) in order."""
        out: list[tuple[str, int, int]] = []
        for i, (tag, _, _) in enumerate(self.frames):
            if out and out[-1][0] == tag:
                out[-1] = (tag, out[-1][1], i)
            else:
                out.append((tag, i, i))
        return out


def character_sheets(name: str, look: Look,
                     tags: Callable[[], list[tuple[str, int, list[Pose]]]],
                     tinted: bool) -> list[Sheet]:
    """Render a character (and its tint sheet) frame by frame."""
    base = Sheet(name, anchor=dict(ANCHOR))
    tint = Sheet(name + "_tint", anchor=dict(ANCHOR))
    for tag, ms, poses in tags():
        for pose in poses:
            c = Painter(FRAME_W, FRAME_H, tint=tinted)
            draw_person(c, look, pose)
            b, t = c.finish()
            base.frames.append((tag, ms, b))
            if t is not None:
                tint.frames.append((tag, ms, t))
    return [base, tint] if tinted else [base]


def prop_sheet(name: str, spec: list[tuple[str, tuple[int, int], int, int, PropFn]]) -> Sheet:
    """Render a props-style sheet (varied frame sizes, no sheet anchor)."""
    sheet = Sheet(name)
    for tag, (w, h), count, ms, fn in spec:
        for i in range(count):
            c = Painter(w, h, clear=(255, 255, 255) if tag in CLEAR_WHITE else OUTLINE)
            fn(c, i)
            sheet.frames.append((tag, ms, c.finish()[0]))
    return sheet


def pack(sheet: Sheet, max_w: int = 512) -> tuple[pygame.Surface, dict]:
    """Shelf-pack frames (one row per tag, wrapped at max_w) and build the Aseprite JSON."""
    places: list[tuple[int, int]] = []
    x = y = row_h = width = 0
    prev_tag = None
    for tag, _, surf in sheet.frames:
        w, h = surf.get_size()
        if places and (tag != prev_tag or x + w > max_w):
            x, y, row_h = 0, y + row_h, 0
        places.append((x, y))
        x += w
        row_h = max(row_h, h)
        width = max(width, x)
        prev_tag = tag
    height = y + row_h
    image = pygame.Surface((width, height), pygame.SRCALPHA)
    image.fill((0, 0, 0, 0))
    frames = []
    counters: dict[str, int] = {}
    for (tag, ms, surf), (fx, fy) in zip(sheet.frames, places, strict=True):
        image.blit(surf, (fx, fy), special_flags=pygame.BLEND_RGBA_MAX)
        w, h = surf.get_size()
        k = counters.get(tag, 0)
        counters[tag] = k + 1
        frames.append({
            "filename": f"{tag} {k}", "frame": {"x": fx, "y": fy, "w": w, "h": h},
            "rotated": False, "trimmed": False,
            "spriteSourceSize": {"x": 0, "y": 0, "w": w, "h": h},
            "sourceSize": {"w": w, "h": h}, "duration": ms,
        })
    frame_tags = []
    for tag, a, b in sheet.tags():
        entry: dict = {"name": tag, "from": a, "to": b, "direction": "forward"}
        if sheet.anchor is None:
            w, h = sheet.frames[a][2].get_size()
            entry["anchor"] = {"x": w // 2, "y": h}
        frame_tags.append(entry)
    meta: dict = {"app": "assets/generate.py", "version": "1", "image": f"{sheet.name}.png",
                  "format": "RGBA8888", "size": {"w": width, "h": height}, "scale": "1",
                  "frameTags": frame_tags}
    if sheet.anchor is not None:
        meta["anchor"] = sheet.anchor
    return image, {"frames": frames, "meta": meta}


def build_all() -> list[Sheet]:
    """Every sheet of the game, in a fixed order."""
    sheets: list[Sheet] = []
    for name, look, tags, tinted in CHARACTERS:
        sheets += character_sheets(name, look, tags, tinted)
    sheets.append(prop_sheet("props", PROPS))
    sheets.append(prop_sheet("house", HOUSE))
    return sheets


def write(sheets: list[Sheet], out: Path) -> None:
    """Write NAME.png + NAME.json for each sheet."""
    out.mkdir(parents=True, exist_ok=True)
    for sheet in sheets:
        image, data = pack(sheet)
        pygame.image.save(image, str(out / f"{sheet.name}.png"))
        text = json.dumps(data, indent=1, sort_keys=True) + "\n"
        (out / f"{sheet.name}.json").write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- contact sheet
CONTACT_TINTS: list[RGB] = [(230, 70, 90), (70, 170, 90), (90, 110, 230)]


def tinted(base: pygame.Surface, tint: pygame.Surface, col: RGB) -> pygame.Surface:
    """How the game should colour a customer: multiply the tint layer, blit it over the base."""
    layer = tint.copy()
    layer.fill((*col, 255), special_flags=pygame.BLEND_RGBA_MULT)
    out = base.copy()
    out.blit(layer, (0, 0))
    return out


def _contact_row(frames: list[pygame.Surface], zoom: int) -> pygame.Surface:
    """Frames side by side at ``zoom`` x, once on a warm and once on a cool background."""
    w = sum(f.get_width() * zoom + 4 for f in frames) + 4
    h = max(f.get_height() for f in frames) * zoom + 8
    row = pygame.Surface((w * 2, h))
    for bi, bg in enumerate(((250, 225, 130), (200, 228, 246))):
        row.fill(bg, (bi * w, 0, w, h))
        x = bi * w + 4
        for f in frames:
            big = pygame.transform.scale(f, (f.get_width() * zoom, f.get_height() * zoom))
            row.blit(big, (x, h - 4 - big.get_height()))
            x += big.get_width() + 4
    return row


def _flow(rows: list[pygame.Surface], max_h: int) -> pygame.Surface:
    """Stack rows into columns no taller than ``max_h``."""
    columns: list[list[pygame.Surface]] = [[]]
    for row in rows:
        if columns[-1] and sum(r.get_height() + 4 for r in columns[-1]) + row.get_height() > max_h:
            columns.append([])
        columns[-1].append(row)
    widths = [max(r.get_width() for r in col) for col in columns]
    height = max(sum(r.get_height() + 4 for r in col) for col in columns)
    img = pygame.Surface((sum(widths) + 8 * len(widths), height))
    img.fill((60, 60, 60))
    x = 0
    for col, w in zip(columns, widths, strict=True):
        y = 0
        for r in col:
            img.blit(r, (x, y))
            y += r.get_height() + 4
        x += w + 8
    return img


def contact_sheet(sheets: list[Sheet], path: Path, zoom: int = 2) -> None:
    """Write ``path`` (everything) and ``<stem>_props.png`` (props and house alone)."""
    by_name = {s.name: s for s in sheets}
    chars: list[pygame.Surface] = []
    props: list[pygame.Surface] = []
    for sheet in sheets:
        if sheet.name.endswith("_tint"):
            continue
        tint = by_name.get(sheet.name + "_tint")
        for _tag, a, b in sheet.tags():
            frames = [sheet.frames[i][2] for i in range(a, b + 1)]
            if tint is not None:
                frames += [tinted(sheet.frames[i][2], tint.frames[i][2], col)
                           for col in CONTACT_TINTS for i in range(a, b + 1)]
            (chars if sheet.anchor else props).append(_contact_row(frames, zoom))
    top, bottom = _flow(chars, 1700), _flow(props, 1700)
    img = pygame.Surface((max(top.get_width(), bottom.get_width()),
                          top.get_height() + bottom.get_height() + 8))
    img.fill((60, 60, 60))
    img.blit(top, (0, 0))
    img.blit(bottom, (0, top.get_height() + 8))
    pygame.image.save(img, str(path))
    pygame.image.save(bottom, str(path.with_name(path.stem + "_props.png")))


def main(argv: Sequence[str] | None = None) -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent,
                        help="output folder (default: the assets/ folder of this script)")
    parser.add_argument("--contact", type=Path, default=None,
                        help="also write a contact sheet PNG here (for eyeballing)")
    args = parser.parse_args(argv)
    sheets = build_all()
    write(sheets, args.out)
    if args.contact is not None:
        contact_sheet(sheets, args.contact)


if __name__ == "__main__":
    main()
