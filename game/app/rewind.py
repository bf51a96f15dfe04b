"""Time travel: any moment already lived is drawn again from the day's records.

Coroutines cannot be copied, so the past cannot be resumed; it need not be, to be shown.
Every world of the day keeps a journal of its changes (``scheduler/journal.py``), so the
window reads a past tick through ``past_worlds``: ghosts of the live shops and houses that
answer every read as it was then, found by bisection, whatever the distance. A seek, a
held LEFT and a drag along the timeline cost a frame's drawing, not a re-run of the day.

Only the panels that show live coroutines (the inspector, the code view, the charts; or a
day where a plain blocking call held the loop) still need the real model at that tick:
``exact_worlds`` re-runs the day aside from its seed for them, and while LEFT is held the
``Rewinder`` draws their frames ahead, a window of ticks per re-run, in fresh worlds of
its own: the very painters, on the very model of that tick. While it lasts, the game's own
objects are frozen out of the garbage collector's sight (``gc.freeze``).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pygame

from ..scheduler.journal import Past
from .clock import TICK

if TYPE_CHECKING:
    from ..house import House
    from ..shop import Shop
    from .timekeeper import Time as Game

Worlds = tuple["dict[str, Shop]", "dict[str, House]"]
COROUTINE_PANELS = ("inspector", "code", "charts")  # they read the running model itself

WINDOW = 45  # ticks drawn per re-run of the day (at most two windows of frames are kept)
FIRST = 12  # the first window is short: ready within the hold delay, late in the day too
SLICE = 1800  # ticks of re-run per step of the producer (~1 ms late in a one-hour day)
BUDGET = 0.009  # seconds of a frame the producer may use (the frame's budget is 16.7 ms)


def past_worlds(live: Worlds, tick: int) -> Worlds:
    """The day's worlds as they were at ``tick`` (at most the tick they have run to)."""
    shops, houses = live
    now = tick * TICK

    def ghost(world: Shop | House) -> object:
        return Past(world.journal, tick, now).of(world)  # type: ignore[arg-type]

    return (
        {m: ghost(s) for m, s in shops.items()},  # type: ignore[misc]
        {m: ghost(h) for m, h in houses.items()},  # type: ignore[misc]
    )


def live_panels_of(window: Any) -> str:
    """The panels of live coroutines open in the window (its sections by name), in words."""
    shown = []
    for name in COROUTINE_PANELS:
        try:
            if window.panel(name).visible:
                shown.append(name)
        except KeyError:  # a window without that panel
            pass
    return ", ".join(shown)


def release(worlds: Worlds) -> None:
    """Done with these ghosts: their pasts let go of them (a ghost and its past refer to
    each other; cut, reference counting frees them at once, no collector needed)."""
    for world in [*worlds[0].values(), *worlds[1].values()]:
        past = getattr(world, "_ghost_in", None)
        if past is not None:
            past.release()


def exact_reason(game: Game) -> str:
    """Why the past cannot be drawn from records now ("" when it can): a panel that shows
    live coroutines is open (``Time.live_panels``), or a plain blocking call once held a
    loop of the day."""
    panels = game.live_panels()
    if panels:
        return f"{panels} show live coroutines"
    shops, houses = game.live
    for world in [*shops.values(), *houses.values()]:
        if world.journal is not None and world.journal.exact_only:
            return world.journal.exact_only
    return ""


def exact_worlds(game: Game, tick: int) -> Worlds:
    """Worlds of this day really run to ``tick``, kept aside from the live ones: on from
    the last ones when ``tick`` is later, else rebuilt from the seed."""
    kept: tuple[int, Worlds] | None = getattr(game, "_exact", None)
    if kept is not None and kept[0] <= tick:
        at, worlds = kept
    else:
        if kept is not None:
            close(kept[1])
            gc.unfreeze()  # the day's objects were frozen (``Time._run_to``): let these go
        at, worlds = 0, game.new_worlds()
    game.run_worlds(*worlds, at, tick)
    game._exact = (tick, worlds)  # type: ignore[attr-defined]
    return worlds


def drop_exact(game: Game) -> None:
    kept: tuple[int, Worlds] | None = getattr(game, "_exact", None)
    if kept is not None:
        close(kept[1])
        gc.unfreeze()
    game._exact = None  # type: ignore[attr-defined]


def close(worlds: Worlds) -> None:
    for world in [*worlds[0].values(), *worlds[1].values()]:
        world.kernel.close()


class Rewinder:
    """Frames of the past, drawn ahead of need: ``step`` shows the tick before the one
    shown, ``pump`` prepares the next window down within a time budget."""

    def __init__(self, game: Game) -> None:
        self.game = game
        self.shown = game.ticks  # the tick on screen
        self.image: pygame.Surface | None = None  # its frame, once one has been stepped to
        self.frames: dict[int, pygame.Surface] = {}
        self.low = max(0, self.shown - FIRST)  # the first tick of the window being made
        self.high = self.shown  # ... and the tick after its last
        self._producer: Iterator[None] | None = self._produce(self.low, self.high)
        self._cost = 0.0  # wall seconds of the producer's last step
        gc.freeze()  # the game's own objects: the collector need not scan them meanwhile

    def close(self) -> None:
        """The hold is over: the collector sees everything again."""
        gc.unfreeze()

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
