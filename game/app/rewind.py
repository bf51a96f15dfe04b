"""Holding LEFT: the day played backwards at the full frame rate, exactly.

Coroutines cannot be copied, so a moment of the past is reached only by re-running the day
from its seed. Doing that every frame is too slow late in the day (a one-hour day takes
~85 ms to re-run), so while LEFT is held the ``Rewinder`` re-runs the day *once per window*
of ``WINDOW`` ticks, in fresh worlds of its own, and has the scene draw each tick of that
window from them: the very painters, on the very model of that tick, so the frames are the
ones an exact seek would draw. Playing backwards then shows those frames one a tick, while
the next window down is prepared a slice at a time within each frame's spare budget.
While it lasts, the game's own objects are frozen out of the garbage collector's sight
(``gc.freeze``): its full collections over a late day's heap would cost a frame or two.

When LEFT is let go (or any other input comes), the window seeks exactly to the tick shown,
so the code view and the inspector have the real coroutine frames again.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from .timekeeper import Time as Game

WINDOW = 45  # ticks drawn per re-run of the day (at most two windows of frames are kept)
FIRST = 12  # the first window is short: ready within the hold delay, late in the day too
SLICE = 1800  # ticks of re-run per step of the producer (~1 ms late in a one-hour day)
BUDGET = 0.009  # seconds of a frame the producer may use (the frame's budget is 16.7 ms)


class Rewinder:
    """Frames of the past, drawn ahead of need: ``step`` shows the tick before the one
    shown, ``pump`` prepares the next window down within a time budget."""

    def __init__(self, game: Game, frames: dict[int, pygame.Surface] | None = None) -> None:
        self.game = game
        self.shown = game.ticks  # the tick on screen
        self.image: pygame.Surface | None = None  # its frame, once one has been stepped to
        self.frames = frames or {}
        self.low = max(0, self.shown - FIRST)  # the first tick of the window being made
        self.high = self.shown  # ... and the tick after its last
        self._producer: Iterator[None] | None = (
            None if frames is not None else self._produce(self.low, self.high)
        )
        self._cost = 0.0  # wall seconds of the producer's last step
        gc.freeze()  # the game's own objects: the collector need not scan them meanwhile

    def close(self) -> None:
        """The hold is over: the collector sees everything again."""
        gc.unfreeze()

    @classmethod
    def primed(cls, game: Game, target: int) -> Rewinder:
        """LEFT pressed: the exact seek to ``target`` re-runs the day from the seed anyway,
        so on its way it draws the ``FIRST`` ticks below ``target``: a hold then starts
        with frames ready, and a tap costs only those few draws more than the seek."""
        shops, houses = game.new_worlds()
        low = max(0, target - FIRST)
        game.run_worlds(shops, houses, 0, low)
        frames, ticks = {}, low
        for tick in range(low, target):
            game.run_worlds(shops, houses, ticks, tick)
            ticks = tick
            frames[tick] = game.render_with(shops, houses, tick)
        game.run_worlds(shops, houses, ticks, target)
        game.seek(target, (shops, houses))
        return cls(game, frames)

    def step(self) -> bool:
        """One tick back (False at the start of the day). A frame not yet drawn is drawn
        now, whatever it costs (only when the hold outruns the producer)."""
        target = self.shown - 1
        if target < 0:
            return False
        while target not in self.frames:
            if not self._advance():
                raise RuntimeError(f"rewind: no frame for tick {target}")  # never: a bug
        self.image = self.frames.pop(target)
        self.shown = target
        return True

    def pump(self, budget: float = BUDGET) -> None:
        """Prepare frames for up to ``budget`` seconds of wall time: at least one step a
        frame, more while one like the last still fits."""
        clock = time.perf_counter
        deadline = clock() + budget
        while True:
            began = clock()
            if not self._advance():
                break
            self._cost = clock() - began
            if clock() + self._cost >= deadline:
                break

    def _advance(self) -> bool:
        """One step of the producer; when a window is done, start the one below it (once
        playing has reached the window just made, so at most two are kept)."""
        if self._producer is not None:
            try:
                next(self._producer)
                return True
            except StopIteration:
                self._producer = None
        if self.low <= 0 or self.shown > self.high:
            return False  # the start of the day, or far enough ahead for now
        size = min(WINDOW, 2 * (self.high - self.low))  # growing: 12, 24, 45, 45 ...
        self.low, self.high = max(0, self.low - size), self.low
        self._producer = self._produce(self.low, self.high)
        return True

    def _produce(self, start: int, end: int) -> Iterator[None]:
        """Re-run the day from the seed to tick ``start``, a slice at a time, then draw
        each tick up to ``end`` into a frame of its own."""
        game = self.game
        shops, houses = game.new_worlds()
        ticks = 0
        while ticks < start:
            stop = min(start, ticks + SLICE)
            game.run_worlds(shops, houses, ticks, stop)
            ticks = stop
            yield
        for tick in range(start, end):
            game.run_worlds(shops, houses, ticks, tick)
            ticks = tick
            self.frames[tick] = game.render_with(shops, houses, tick)
            yield
        for world in [*shops.values(), *houses.values()]:
            world.kernel.close()
