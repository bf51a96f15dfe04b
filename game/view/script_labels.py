"""Words on the script scene kept apart: each label takes the first free spot near where
it belongs, shortened if it must be, or is left out (the inspector says it in full).

Neighbouring tables, a long line of tasks and big text (Z) would otherwise print names and
bubbles over each other. Labels are placed in order of importance (the followed task
first), so the one a learner is reading is the one that keeps its words.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pygame

from .text import label

ELLIPSIS = "\u2026"


class Placer:
    """The labels placed so far inside ``bounds``; a new one goes where none of them is."""

    def __init__(self, bounds: pygame.Rect, gap: int = 6) -> None:
        self.bounds = bounds
        self.gap = gap  # two labels side by side must not read as one
        self.taken: list[tuple[str, pygame.Rect]] = []

    def free(self, rect: pygame.Rect) -> bool:
        near = rect.inflate(self.gap, 2)
        return self.bounds.contains(rect) and near.collidelist([r for _, r in self.taken]) < 0

    def reserve(self, words: str, rect: pygame.Rect) -> None:
        """A label drawn where it must be (the clock, the banner): others keep off it."""
        self.taken.append((words, pygame.Rect(rect)))

    def place(
        self,
        words: str,
        size: tuple[int, int],
        anchor: tuple[int, int],
        where: str = "midbottom",
        steps: Iterable[tuple[int, int]] = ((0, 0),),
    ) -> pygame.Rect | None:
        """The first of ``anchor`` + each step (kept inside the bounds) that is free, now
        taken; None when every one is."""
        for dx, dy in steps:
            rect = pygame.Rect((0, 0), size)
            setattr(rect, where, (anchor[0] + dx, anchor[1] + dy))
            rect.clamp_ip(self.bounds)
            if self.free(rect):
                self.taken.append((words, rect))
                return rect
        return None


def shortened(text: str, width: int, size: int, bold: bool = False) -> str:
    """``text``, or its start with an ellipsis, as wide as ``width`` at most ("" if not
    even one letter fits)."""
    if label(text, size, (0, 0, 0), bold).get_width() <= width:
        return text
    lo, hi = 0, len(text)  # the longest start that fits, by bisection
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if label(text[:mid].rstrip() + ELLIPSIS, size, (0, 0, 0), bold).get_width() <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS if lo else ""


def overlaps(rects: Sequence[tuple[str, pygame.Rect]]) -> list[tuple[str, str]]:
    """Every pair of labels that overlap (what the tests look for: none)."""
    found = []
    for i, (a, ra) in enumerate(rects):
        for b, rb in rects[i + 1 :]:
            if ra.colliderect(rb):
                found.append((a, b))
    return found
