"""One placer for the words that float over the scene: tags, arrow labels, slips and state
labels keep apart from each other and from the characters' heads.

A painter asks ``place`` for a label near where it wants it; the placer tries that spot,
then spots further up, down and to the sides, and takes the first one clear of every head
and every label already placed this frame (a label that finds no room is left out, never
drawn over another). It keeps the rectangles it placed, so a test can check a frame.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pygame

Point = tuple[float, float]
HEAD_W, HEAD_H = 34, 40  # a character's head and hair, above the point they stand on
HEAD_TOP = 100  # from the feet to the top of the hair
GAP = 2  # pixels kept clear around a placed label
SEARCH = 16  # steps tried in each direction before a label is left out


def head_rect(feet: Point, scale: float = 1.0, origin: Point = (0.0, 0.0)) -> pygame.Rect:
    """Where a character's head is on screen, from where they stand (in a scaled picture:
    ``origin`` + ``scale`` * the world point)."""
    x, y = feet
    rect = pygame.Rect(0, 0, round(HEAD_W * scale), round(HEAD_H * scale))
    rect.midtop = (round(origin[0] + x * scale), round(origin[1] + (y - HEAD_TOP) * scale))
    return rect


class Placer:
    """The frame's floating labels: where each went, clear of heads and of each other."""

    def __init__(self, bounds: pygame.Rect, heads: Iterable[pygame.Rect] = ()) -> None:
        self.bounds = bounds
        self.heads = list(heads)
        self.placed: list[pygame.Rect] = []  # labels, in the order they were placed
        self.fixed: list[pygame.Rect] = []  # words painted in place (a tray's number)

    def free(self, rect: pygame.Rect) -> bool:
        grown = rect.inflate(2 * GAP, 2 * GAP)
        return (
            self.bounds.contains(rect)
            and grown.collidelist(self.placed) < 0
            and grown.collidelist(self.heads) < 0
            and rect.collidelist(self.fixed) < 0
        )

    def place(
        self,
        size: tuple[int, int],
        midbottom: Point,
        *,
        step: int | None = None,
        ways: Sequence[tuple[int, int]] = ((0, -1), (1, 0), (-1, 0), (0, 1)),
    ) -> pygame.Rect | None:
        """A free rectangle of ``size`` as near ``midbottom`` as there is (tried there, then
        ``step`` pixels at a time along each of ``ways``), recorded as placed; or None."""
        want = pygame.Rect((0, 0), size)
        want.midbottom = (round(midbottom[0]), round(midbottom[1]))
        want.clamp_ip(self.bounds)  # near an edge: as close as it fits inside
        step = step or max(6, size[1] // 2)
        for k in range(SEARCH + 1):
            for dx, dy in ways if k else ((0, 0),):
                rect = want.move(dx * step * k, dy * step * k)
                if self.free(rect):
                    self.placed.append(rect)
                    return rect
        return None

    def blit(
        self, surface: pygame.Surface, image: pygame.Surface, midbottom: Point, **kw: object
    ) -> pygame.Rect | None:
        """``place`` the image and draw it there (nothing, if there is no room)."""
        rect = self.place(image.get_size(), midbottom, **kw)  # type: ignore[arg-type]
        if rect is not None:
            surface.blit(image, rect)
        return rect

    def add_fixed(self, rect: pygame.Rect) -> None:
        """Words that cannot move (painted on a thing): the others keep clear of them."""
        self.fixed.append(rect)
