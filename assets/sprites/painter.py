"""The painter: outlined, flat-shaded parts on a supersampled canvas, scaled down at the end.

Painting at ``S`` times the size and ``smoothscale``-ing down gives anti-aliased edges without
any randomness, so the same code always writes the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygame

from .palette import CLOTH_BASE, OUTLINE, RGB, Pair
from .shapes import S, Shape, rect, scaled

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

    def fill(self, col: RGB) -> None:
        """Cover the whole canvas in one colour (the ground of a floor or wall tile)."""
        self.flat([rect(0, 0, self.w, self.h)], col)


def checks(size: tuple[int, int], cell: float, a: RGB, b: RGB | None) -> pygame.Surface:
    """Checkerboard pattern surface (``b`` None = transparent)."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    c = scaled(cell)
    for y in range(0, size[1], c):
        for x in range(0, size[0], c):
            col = a if (x // c + y // c) % 2 == 0 else b
            if col is not None:
                surf.fill(col, (x, y, c, c))
    return surf


def dots(size: tuple[int, int], step: float, r: float, col: RGB) -> pygame.Surface:
    """Polka-dot pattern surface."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    st = scaled(step)
    for j, y in enumerate(range(0, size[1] + st, st)):
        for x in range(0, size[0] + st, st):
            pygame.draw.circle(surf, col, (x + (st // 2 if j % 2 else 0), y), scaled(r))
    return surf
