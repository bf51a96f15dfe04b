"""What moves or flashes on screen only to catch the eye, and the rules it keeps.

``--reduced-motion`` stops the eye-catchers (the board's blink, bobbing hearts and tags,
twinkles, the sweat drop's blink) and keeps the same information still on screen. In any
mode nothing flashes more than ``MAX_FLASHES`` times a wall-clock second: the board's
blink is timed in wall seconds, so 16x speed does not make it strobe.
"""

from __future__ import annotations

import math

MAX_FLASHES = 3  # per wall-clock second (WCAG 2.3.1's general flash threshold)
BLINK_SECONDS = 1.5  # a new number on the board blinks for this long (wall clock) ...
BLINK_RATE = 2.0  # ... going dark this many times a second
_reduced = [False]


def set_reduced(on: bool) -> None:
    _reduced[0] = bool(on)


def reduced() -> bool:
    return _reduced[0]


def bob(t: float, amplitude: float, rate: float = 3.0) -> float:
    """An up-and-down offset for a tag over a head; nothing under reduced motion."""
    return 0.0 if _reduced[0] else amplitude * math.sin(t * rate)


def board_new(since: float, speed: float) -> bool:
    """The board shows a number that is new (its frame is lit): the first
    ``BLINK_SECONDS`` of wall time after it changed, ``since`` being virtual seconds."""
    return since / max(speed, 1e-9) < BLINK_SECONDS


def board_dark(now: float, since: float, speed: float) -> bool:
    """Whether the board's digits are dark this frame: while a number is new
    (``board_new``) they go dark ``BLINK_RATE`` times a wall second, on one clock shared by
    every number, so numbers changing fast never add up to a faster blink; never under
    reduced motion. ``now`` and ``since`` are virtual seconds."""
    if _reduced[0] or not board_new(since, speed):
        return False
    wall_now = now / max(speed, 1e-9)
    return int(wall_now * BLINK_RATE * 2) % 2 == 1


def twinkle(t: float) -> bool:
    """A cleaned spot's sparkle shows now (now and then); always, under reduced motion."""
    return _reduced[0] or int(t * 2) % 3 == 0


def blink_on(t: float, rate: float = 1.5) -> bool:
    """A slow blink (the sweat drop of a standing crush); steady under reduced motion."""
    return _reduced[0] or int(t * rate) % 2 == 0
