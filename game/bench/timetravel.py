"""Time travel: seeks, a held LEFT and a timeline drag in a long day, and what records cost.

Every world of the day keeps a journal of its changes; a moment already lived is drawn
from ghosts of the live worlds read back at that tick (``game/app/rewind.py``), so none of
these re-runs the day. Timed on the real ``Game`` under the dummy driver, in a day run
three virtual days far (``--quick``: two hours).
"""

from __future__ import annotations

import gc
import os
import time
import tracemalloc
from pathlib import Path
from random import Random

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402 - the SDL drivers must be chosen before pygame loads

from ..app.clock import FPS  # noqa: E402
from ..app.keys import HOLD_DELAY  # noqa: E402
from ..app.timekeeper import build_worlds, run_worlds  # noqa: E402
from ..app.window import Game, open_window  # noqa: E402
from ..shop import ShopConfig  # noqa: E402
from ..view.sheets import Library  # noqa: E402
from .report import Section  # noqa: E402

MINUTE, HOUR = 60 * FPS, 3600 * FPS  # ticks
SEEK_MS = 5.0  # a seek anywhere already lived, + its frame: median
BUDGET_MS = 1000.0 / 60.0  # a frame at 60 fps
HELD_MB = 30.0  # held LEFT: memory above playing
FORWARD_RATIO = 1.25  # a run past the horizon, recording, against one that does not


def close_panels(game: Game) -> None:
    game.show_inspector = game.show_code = game.show_charts = False
    game.shop_scene.follow = None


def _inspect_cook(game: Game) -> None:
    close_panels(game)
    game.shop_scene.follow = ("staff", "cook")
    game.show_inspector = game.show_code = True


def _charts(game: Game) -> None:
    close_panels(game)
    game.show_charts = True


PANELS = {  # the panels that read the most of a past: the coroutine panels, the charts
    "the inspector and the code view, following the cook": _inspect_cook,
    "the charts": _charts,
}


class Held:
    """``pygame.key.get_pressed()`` with LEFT down (the bench cannot press keys)."""

    def __getitem__(self, key: int) -> bool:
        return key == pygame.K_LEFT


def rss_mb() -> float:
    """This process's resident memory now (Linux; NaN elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def seek_ms(game: Game, tick: int, start: int) -> float:
    """One seek from ``start`` to ``tick``, and the frame drawn there."""
    game.seek(start)
    t0 = time.perf_counter()
    game.seek(tick)
    game.draw()
    pygame.display.flip()
    return (time.perf_counter() - t0) * 1e3


def held_left(game: Game, tick: int, frames: int) -> tuple[list[float], float]:
    """Frame times (events, update, draw, flip) while LEFT is held from ``tick``, after
    the hold delay, as the real loop runs them; and the memory it added at most (MB)."""
    game.seek(tick)
    base = rss_mb()
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=pygame.K_LEFT, unicode=""))
    real = pygame.key.get_pressed
    pygame.key.get_pressed = Held  # type: ignore[assignment]
    times: list[float] = []
    peak = base
    try:
        for i in range(int(HOLD_DELAY * 60) + 1 + frames):
            t0 = time.perf_counter()
            game.frame(1 / 60)
            pygame.display.flip()
            if game.held_for > HOLD_DELAY and i > HOLD_DELAY * 60:
                times.append((time.perf_counter() - t0) * 1e3)
            if i % 10 == 0:
                peak = max(peak, rss_mb())
    finally:
        pygame.key.get_pressed = real  # type: ignore[assignment]
    game.frame(1 / 60)  # let go
    return times, peak - base


def drag(game: Game, frames: int) -> list[float]:
    """Frame times while the mouse drags along the timeline strip from its right end to
    its left, one motion a frame (each lands on another moment of the whole day)."""
    strip = game.panel("timeline").rect
    y = strip.centery
    xs = [strip.right - 2 - (strip.w - 4) * i // max(1, frames - 1) for i in range(frames)]
    pygame.event.post(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(xs[0], y)))
    game.frame(1 / 60)
    times = []
    for x in xs:
        motion = pygame.Event(pygame.MOUSEMOTION, pos=(x, y), rel=(-1, 0), buttons=(1, 0, 0))
        pygame.event.post(motion)
        t0 = time.perf_counter()
        game.frame(1 / 60)
        pygame.display.flip()
        times.append((time.perf_counter() - t0) * 1e3)
    pygame.event.post(pygame.Event(pygame.MOUSEBUTTONUP, button=1, pos=(xs[-1], y)))
    game.frame(1 / 60)
    return times


def forward_s(record: bool, ticks: int) -> float:
    """CPU seconds of this process to run a fresh day's four worlds ``ticks`` on,
    recording or not (CPU, not wall: the ratio of the two is what is judged, and the
    other processes of a shared machine would swamp it). Both run as the game runs its
    day: what is made is frozen out of the cyclic collector's sight as it goes."""
    shops, houses = build_worlds(ShopConfig(), record=record)
    gc.collect()
    t0 = time.process_time()
    run_worlds(shops, houses, 0, ticks, freeze=True)
    spent = time.process_time() - t0
    gc.unfreeze()
    return spent


def records_mb_per_hour(minutes: int) -> float:
    """Python heap the journals add to a day (tracemalloc: the same on any machine)."""
    sizes = []
    for record in (True, False):
        tracemalloc.start()
        shops, houses = build_worlds(ShopConfig(), record=record)
        run_worlds(shops, houses, 0, minutes * MINUTE)
        sizes.append(tracemalloc.get_traced_memory()[0])
        tracemalloc.stop()
        del shops, houses
    return (sizes[0] - sizes[1]) / 1e6 * 60 / minutes


def run(quick: bool) -> Section:
    section = Section("6. Time travel: seeks, held LEFT, timeline drag in a long day (ms)")
    day = 2 * HOUR if quick else 72 * HOUR
    marks = (10 * MINUTE, 60 * MINUTE, 110 * MINUTE) if quick else (
        10 * MINUTE, 60 * MINUTE, 24 * HOUR,
    )  # fmt: skip
    names = {10 * MINUTE: "minute 10", 60 * MINUTE: "minute 60", 110 * MINUTE: "minute 110"}
    names[24 * HOUR] = "hour 24"

    # going forward: recording against a run that does not record, taking turns
    ticks = 10 * MINUTE if quick else HOUR
    rec, plain = [], []
    for _ in range(1 if quick else 3):
        plain.append(forward_s(False, ticks))
        rec.append(forward_s(True, ticks))
    rec_s = section.add(
        "run 1 virtual hour on, recording", "s", [x * HOUR / ticks for x in rec], "CPU time"
    )
    plain_s = section.add(
        "... the same, not recording", "s", [x * HOUR / ticks for x in plain], "CPU time"
    )
    ratio = rec_s.median / plain_s.median
    section.check(
        f"forward past the horizon: within {FORWARD_RATIO:g}x of a run without records",
        f"{ratio:.2f}x ({plain_s.median:.2f} -> {rec_s.median:.2f} s a virtual hour)",
        ratio <= FORWARD_RATIO,
    )
    per_hour = records_mb_per_hour(5 if quick else 20)
    section.add("records kept per virtual hour", "MB", [per_hour], "both shops and both houses")

    screen = open_window(headless=True)
    game = Game(ShopConfig(), screen, lib=Library())
    game.paused = True
    game.show_timeline = True
    playing = rss_mb()
    t0 = time.perf_counter()
    game.seek(day)  # the whole day is lived: it runs once, recording
    reach = time.perf_counter() - t0
    section.notes.append(
        f"the day was run {day // HOUR} virtual hours on in {reach:.0f} s; its process grew "
        f"{rss_mb() - playing:.0f} MB meanwhile (RSS {rss_mb():.0f} MB)"
    )
    rng = Random(11)
    repeats = 7 if quick else 25
    for mark in marks:
        samples = [seek_ms(game, mark, rng.randrange(0, day)) for _ in range(repeats)]
        stats = section.add(f"seek to {names[mark]} from anywhere, + draw", "ms", samples)
        section.check(
            f"seek to {names[mark]} of a {day // HOUR} h day: median <= {SEEK_MS:g} ms",
            f"{stats.median:.1f} ms",
            stats.median <= SEEK_MS,
        )
    anywhere = [seek_ms(game, rng.randrange(0, day), rng.randrange(0, day)) for _ in range(repeats)]
    any_s = section.add("seek from anywhere to anywhere, + draw", "ms", anywhere)
    section.check(
        f"seek anywhere in a {day // HOUR} h day: median <= {SEEK_MS:g} ms",
        f"{any_s.median:.1f} ms",
        any_s.median <= SEEK_MS,
    )

    frames = 40 if quick else 240
    for mark in marks:
        held, grew = held_left(game, mark, frames)
        stats = section.add(
            f"held LEFT from {names[mark]}: a frame",
            "ms",
            held,
            f"{frames} frames after the hold delay, one tick back each",
        )
        over = sum(x > BUDGET_MS for x in held)
        section.check(
            f"held LEFT from {names[mark]}: frames within {BUDGET_MS:.1f} ms (p99)",
            f"p99 {stats.p99:.1f} ms, max {stats.high:.1f} ms ({over} of {stats.n} over)",
            stats.p99 <= BUDGET_MS,
        )
        section.check(
            f"held LEFT from {names[mark]}: memory within {HELD_MB:g} MB above playing",
            f"+{grew:.1f} MB",
            grew <= HELD_MB,
        )

    dragged = drag(game, 60 if quick else 240)
    stats = section.add("timeline drag across the whole day: a frame", "ms", dragged)
    section.check(
        "timeline drag: 60 fps anywhere (frame p99 within 16.7 ms)",
        f"{1000 / stats.median:.0f} fps median, p99 frame {stats.p99:.1f} ms",
        stats.p99 <= BUDGET_MS,
    )
    for name, open_panels in PANELS.items():
        open_panels(game)
        game.seek(day)
        game.draw()
        live = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            game.draw()
            pygame.display.flip()
            live.append((time.perf_counter() - t0) * 1e3)
        live_s = section.add(f"{name}: a frame of the moment being lived", "ms", live)
        seeks = [seek_ms(game, rng.randrange(0, day), rng.randrange(0, day)) for _ in live]
        stats = section.add(f"{name}: seek anywhere, + draw", "ms", seeks)
        section.check(
            f"seek anywhere with {name} open: median <= {SEEK_MS:g} ms",
            f"{stats.median:.1f} ms (the same panels drawn live: {live_s.median:.1f} ms)",
            stats.median <= SEEK_MS,
        )
        held, grew = held_left(game, marks[1], frames // 2)
        stats = section.add(f"{name}: held LEFT from {names[marks[1]]}, a frame", "ms", held)
        section.check(
            f"held LEFT with {name} open: frames within {BUDGET_MS:.1f} ms (p99), "
            f"memory within {HELD_MB:g} MB",
            f"p99 {stats.p99:.1f} ms, max {stats.high:.1f} ms, +{grew:.1f} MB",
            stats.p99 <= BUDGET_MS and grew <= HELD_MB,
        )
        close_panels(game)
    section.notes.append(
        "nothing here re-runs the day: a moment already lived is read back from the "
        "records (a ghost of each world at that tick, attributes found by bisection and "
        "kept by the ghost; the coroutine panels read the await records); a frame of the "
        "moment being lived reads the live model, for comparison; frames are wall time on "
        "a shared machine"
    )
    pygame.quit()
    return section
