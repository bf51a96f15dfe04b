"""Time travel: how long a seek takes, and the frame time while LEFT is held.

A seek back rebuilds the day's four worlds from the seed and re-runs them to the target
(coroutines cannot be copied), then draws; a held LEFT shows frames the rewinder drew ahead
(``game/app/rewind.py``). Both are timed on the real ``Game`` under the dummy driver.
"""

from __future__ import annotations

import os
import time
from random import Random

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402 - the SDL drivers must be chosen before pygame loads

from ..app.clock import FPS  # noqa: E402
from ..app.keys import HOLD_DELAY  # noqa: E402
from ..app.window import Game, open_window  # noqa: E402
from ..shop import ShopConfig  # noqa: E402
from ..view.sheets import Library  # noqa: E402
from .report import Section  # noqa: E402

HOUR = 3600 * FPS  # ticks
SEEK_ANY_MS, SEEK_MINUTE_10_MS = 100.0, 20.0
BUDGET_MS = 1000.0 / 60.0
HELD_AT = (10, 30, 60)  # minutes into the day where LEFT is held


class Held:
    """``pygame.key.get_pressed()`` with LEFT down (the bench cannot press keys)."""

    def __getitem__(self, key: int) -> bool:
        return key == pygame.K_LEFT


def seek_ms(game: Game, tick: int) -> float:
    """One seek back to ``tick`` from a little after it, and the frame drawn there."""
    game.seek(tick + 30)
    t0 = time.perf_counter()
    game.seek(tick)
    game.draw()
    pygame.display.flip()
    return (time.perf_counter() - t0) * 1e3


def held_left_ms(game: Game, tick: int, frames: int) -> list[float]:
    """Frame times (events, update, draw, flip) while LEFT is held from ``tick``, after the
    hold delay, as the real loop runs them (the press itself is an exact seek back)."""
    game.seek(tick)
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=pygame.K_LEFT, unicode=""))
    real = pygame.key.get_pressed
    pygame.key.get_pressed = Held  # type: ignore[assignment]
    times: list[float] = []
    try:
        dt = 1 / 60
        for i in range(int(HOLD_DELAY * 60) + 1 + frames):
            t0 = time.perf_counter()
            game.frame(dt)
            pygame.display.flip()
            if game.held_for > HOLD_DELAY and i > HOLD_DELAY * 60:
                times.append((time.perf_counter() - t0) * 1e3)
    finally:
        pygame.key.get_pressed = real  # type: ignore[assignment]
    game.frame(1 / 60)  # let go: the exact seek to the tick shown
    return times


def run(quick: bool) -> Section:
    section = Section("6. Time travel: seeking and holding LEFT (ms)")
    screen = open_window(headless=True)
    game = Game(ShopConfig(), screen, lib=Library())
    game.paused = True
    game.show_timeline = True
    rng = Random(11)
    repeats = 5 if quick else 25
    anywhere = [rng.randrange(0, HOUR) for _ in range(repeats)]
    game.seek(HOUR)  # the whole hour is known to the timeline
    any_ms = [seek_ms(game, tick) for tick in anywhere]
    ten_ms = [seek_ms(game, 600 * FPS) for _ in range(repeats)]
    any_s = section.add("seek to a random moment of a 1 h day, + draw", "ms", any_ms)
    ten_s = section.add("seek to minute 10, + draw", "ms", ten_ms)
    section.check(
        f"seek anywhere in a 1 h day: median <= {SEEK_ANY_MS:g} ms",
        f"{any_s.median:.1f} ms",
        any_s.median <= SEEK_ANY_MS,
    )
    section.check(
        f"seek to minute 10: median <= {SEEK_MINUTE_10_MS:g} ms",
        f"{ten_s.median:.1f} ms",
        ten_s.median <= SEEK_MINUTE_10_MS,
    )
    frames = 40 if quick else 240
    for minute in HELD_AT[:1] if quick else HELD_AT:
        held = held_left_ms(game, minute * 60 * FPS, frames)
        stats = section.add(
            f"held LEFT from minute {minute}: a frame",
            "ms",
            held,
            f"{frames} frames after the hold delay, one tick back each",
        )
        over = sum(x > BUDGET_MS for x in held)
        section.check(
            f"held LEFT from minute {minute}: frames within {BUDGET_MS:.1f} ms",
            f"median {stats.median:.1f} ms, max {stats.high:.1f} ms ({over} of {stats.n} over)",
            stats.p99 <= BUDGET_MS,
        )
    section.notes.append(
        "a seek back re-runs both shops and both houses from the seed to the tick (in "
        "chunks cut only at the prune ticks); held LEFT shows frames drawn ahead by the "
        "rewinder, one re-run per 30 ticks, slices of it each frame within a 9 ms budget; "
        "frames are wall time on a shared machine (other processes take the core at times)"
    )
    pygame.quit()
    return section
