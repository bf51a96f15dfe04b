"""Second cues, so no state is told by colour alone: each phase has a fill pattern (bars,
timelines, legend swatches) and an icon (HUD), each task state a marker shape (inspector).

A learner who cannot tell the flirting bar from the standing one by hue still sees a
plain bar against a cross-hatched one, a heart against a standing figure.
"""

from __future__ import annotations

import pygame

Colour = tuple[int, int, int]

PATTERNS: dict[str, str] = {  # timeline phase -> how its bars are filled
    "in line": "dots",
    "ordering": "vertical",
    "flirting": "solid",
    "fetching": "diagonal",
    "standing": "cross",
    "eating": "horizontal",
    "leaving": "solid",
    "idle": "solid",
    "taking order": "vertical",
    "passing order": "diagonal",
    "cooking": "back",
}
PATTERN_NAMES = ("solid", "dots", "vertical", "horizontal", "diagonal", "back", "cross")
MARKERS: dict[str, str] = {  # task state -> the inspector's marker
    "running": "triangle",
    "ready": "disc",
    "sleeping": "ring",
    "waiting": "square",
    "failed": "cross",
}
ICONS = ("in line", "ordering", "flirting", "fetching", "standing", "eating")
SPACING = 6


def ink(colour: Colour) -> Colour:
    """The pattern's lines: the fill colour much darker, so they read at any hue."""
    return (colour[0] * 2 // 5, colour[1] * 2 // 5, colour[2] * 2 // 5)


def fill(surface: pygame.Surface, rect: pygame.Rect | tuple, colour: Colour, phase: str) -> None:
    """A bar of ``phase`` (or of a pattern named outright): its colour, under its pattern."""
    rect = pygame.Rect(rect)
    pygame.draw.rect(surface, colour, rect)
    pattern = phase if phase in PATTERN_NAMES else PATTERNS.get(phase, "solid")
    if pattern == "solid" or rect.w < 2 or rect.h < 2:
        return
    line = ink(colour)
    old_clip = surface.get_clip()
    surface.set_clip(rect.clip(old_clip))
    x0, y0, x1, y1 = rect.left, rect.top, rect.right, rect.bottom
    paint = surface.fill  # a 1-pixel line along an axis is a thin rect: filled, not drawn
    if pattern in ("vertical", "cross"):
        h = y1 - y0
        for x in range(x0 + 2, x1, SPACING):
            paint(line, (x, y0, 1, h))
    if pattern in ("horizontal", "cross"):
        w = x1 - x0
        for y in range(y0 + 2, y1, max(3, SPACING - 2)):
            paint(line, (x0, y, w, 1))
    if pattern in ("diagonal", "back"):
        h = y1 - y0
        for x in range(x0 - h, x1, SPACING):
            if pattern == "diagonal":
                pygame.draw.line(surface, line, (x, y1 - 1), (x + h, y0 - 1), 2)
            else:
                pygame.draw.line(surface, line, (x, y0), (x + h, y1), 2)
    if pattern == "dots":
        for y in range(y0 + 2, y1 - 1, 5):
            for x in range(x0 + 2 + (y // 5 % 2) * 2, x1 - 1, 5):
                pygame.draw.rect(surface, line, (x, y, 2, 2))
    surface.set_clip(old_clip)


def marker(surface: pygame.Surface, state: str, centre: tuple[int, int], colour: Colour) -> None:
    """The inspector's dot for a task state, as a shape: running a triangle, ready a disc,
    sleeping a ring, waiting a square, failed a cross."""
    x, y = centre
    shape = MARKERS.get(state, "disc")
    if shape == "triangle":
        pygame.draw.polygon(surface, colour, [(x - 4, y - 6), (x + 6, y), (x - 4, y + 6)])
    elif shape == "ring":
        pygame.draw.circle(surface, colour, (x, y), 5, 2)
    elif shape == "square":
        pygame.draw.rect(surface, colour, (x - 5, y - 5, 10, 10))
    elif shape == "cross":
        pygame.draw.line(surface, colour, (x - 5, y - 5), (x + 5, y + 5), 3)
        pygame.draw.line(surface, colour, (x - 5, y + 5), (x + 5, y - 5), 3)
    else:
        pygame.draw.circle(surface, colour, (x, y), 5)


def icon(surface: pygame.Surface, phase: str, centre: tuple[int, int], colour: Colour) -> None:
    """A small picture of a phase for the HUD: a heart for flirting, a figure standing
    guard, people in a row for the line, a plate for eating, a tray for fetching, a speech
    bubble for ordering."""
    x, y = centre
    if phase == "flirting":
        pygame.draw.circle(surface, colour, (x - 4, y - 2), 5)
        pygame.draw.circle(surface, colour, (x + 4, y - 2), 5)
        pygame.draw.polygon(surface, colour, [(x - 9, y), (x + 9, y), (x, y + 9)])
    elif phase == "standing":
        pygame.draw.circle(surface, colour, (x, y - 6), 4)
        pygame.draw.rect(surface, colour, (x - 4, y - 2, 8, 12), border_radius=2)
        pygame.draw.line(surface, colour, (x - 8, y + 10), (x + 8, y + 10), 2)
    elif phase == "in line":
        for dx in (-7, 0, 7):
            pygame.draw.circle(surface, colour, (x + dx, y - 3), 3)
            pygame.draw.rect(surface, colour, (x + dx - 2, y + 1, 5, 7))
    elif phase == "eating":
        pygame.draw.circle(surface, colour, (x, y), 9, 2)
        pygame.draw.circle(surface, colour, (x, y), 4)
    elif phase == "fetching":
        pygame.draw.rect(surface, colour, (x - 9, y + 2, 18, 4))
        pygame.draw.polygon(surface, colour, [(x - 4, y - 8), (x + 4, y - 8), (x, y - 1)])
    elif phase == "ordering":
        pygame.draw.rect(surface, colour, (x - 9, y - 7, 18, 11), 2, border_radius=4)
        pygame.draw.polygon(surface, colour, [(x - 5, y + 3), (x + 1, y + 3), (x - 6, y + 9)])
    else:
        pygame.draw.line(surface, colour, (x - 7, y), (x + 7, y), 3)
