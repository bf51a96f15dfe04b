"""The window of ``run SCRIPT.py``: a learner's script replayed as the shop.

The script has already run (``game.script``): this scene only moves a playhead over its
record, so pause, step, step back, seek and held LEFT are exact and instant, and nothing
the script does can freeze the window. Playing, virtual time runs at the chosen speed;
moments that happen at the same virtual time are shown one after another, a few a
second, so the loop's hand-overs can be followed; a long idle gap is crossed quickly.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pygame

from ..script.replay import Moment, Replay
from ..view.script_view import TIMELINE, ScriptView
from ..view.sheets import Library
from .display import Display

FPS = 60
STEP_WALL = 0.3  # wall seconds each same-time moment is shown while playing
GAP_WALL = 1.5  # a quiet stretch of virtual time takes at most this long to cross
SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)
HOLD_DELAY, HOLD_EVERY = 0.35, 0.05  # held LEFT / RIGHT: wait, then a moment this often


class Playhead:
    """Where the replay is: ``index`` moments applied, at virtual time ``t``."""

    def __init__(self, replay: Replay) -> None:
        self.replay = replay
        self.index = 0
        self.t = 0.0
        self.paused = False
        self.speed = 1.0
        self.dwell = 0.0
        self.fast = False  # crossing a long quiet gap faster than ``speed``

    def update(self, wall_dt: float) -> None:
        if self.paused:
            return
        replay = self.replay
        if self.index >= len(replay):
            self.t = min(replay.end, self.t + wall_dt * self.speed)
            self.fast = False
            if self.t >= replay.end:
                self.paused = True
            return
        due = replay.time_of(self.index + 1)
        if due <= self.t:  # something happens now: one moment per STEP_WALL
            self.dwell += wall_dt
            if self.dwell >= STEP_WALL / self.speed:
                self.dwell = 0.0
                self.index += 1
            return
        gap = due - replay.time_of(self.index)
        rate = max(self.speed, gap / GAP_WALL)
        self.fast = rate > self.speed
        self.t = min(due, self.t + wall_dt * rate)
        if self.t >= due:
            self.index += 1
            self.dwell = 0.0

    def step(self, by: int) -> None:
        self.paused = True
        self.index = max(0, min(len(self.replay), self.index + by))
        self.t = self.replay.time_of(self.index)

    def seek(self, t: float) -> None:
        self.t = max(0.0, min(t, self.replay.end))
        self.index = self.replay.index_at(self.t)
        self.dwell = 0.0

    def home(self) -> None:
        self.index, self.t, self.dwell = 0, 0.0, 0.0

    def end(self) -> None:
        self.paused = True
        self.index, self.t = len(self.replay), self.replay.end

    def toggle(self) -> None:
        if self.paused and self.index >= len(self.replay) and self.t >= self.replay.end:
            self.home()
        self.paused = not self.paused

    def faster(self, by: int) -> None:
        k = min(range(len(SPEEDS)), key=lambda i: abs(SPEEDS[i] - self.speed))
        self.speed = SPEEDS[max(0, min(len(SPEEDS) - 1, k + by))]

    def moment(self) -> Moment:
        return self.replay.at(self.index, self.t)

    def status(self) -> str:
        if self.paused:
            return "END" if self.index >= len(self.replay) else "PAUSED"
        return f"{self.speed:g}x" + (" fast-forward" if self.fast else "")


Action = Callable[["ScriptScene", pygame.Event], None]


@dataclass(frozen=True)
class Row:
    """A key of this scene: the keys, what they do, and the words the HUD and help show."""

    label: str
    keys: tuple[int, ...]
    action: Action
    help: str
    repeat: bool = False


def _select_next(scene: ScriptScene, event: pygame.Event) -> None:
    back = bool(getattr(event, "mod", 0) & pygame.KMOD_SHIFT)
    scene.cycle(-1 if back else 1)


KEYS: tuple[Row, ...] = (
    Row("SPACE", (pygame.K_SPACE,), lambda s, e: s.head.toggle(), "play / pause"),
    Row(
        "RIGHT or .",
        (pygame.K_RIGHT, pygame.K_PERIOD),
        lambda s, e: s.head.step(1),
        "one moment on (held: on and on)",
        repeat=True,
    ),
    Row(
        "LEFT or ,",
        (pygame.K_LEFT, pygame.K_COMMA),
        lambda s, e: s.head.step(-1),
        "one moment back (held: rewinds)",
        repeat=True,
    ),
    Row("HOME / END", (pygame.K_HOME,), lambda s, e: s.head.home(), "to the start"),
    Row("END", (pygame.K_END,), lambda s, e: s.head.end(), "to the end"),
    Row(
        "+ / -",
        (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS),
        lambda s, e: s.head.faster(1),
        "faster",
    ),
    Row("-", (pygame.K_MINUS, pygame.K_KP_MINUS), lambda s, e: s.head.faster(-1), "slower"),
    Row("TAB", (pygame.K_TAB, pygame.K_n), _select_next, "follow the next task"),
    Row("ESC or Q", (pygame.K_ESCAPE, pygame.K_q), lambda s, e: s.quit(), "quit"),
)


class ScriptScene:
    """Input, playhead and drawing of one replayed script."""

    name = "script"

    def __init__(self, record: dict[str, Any], lib: Library) -> None:
        self.replay = Replay(record)
        self.head = Playhead(self.replay)
        self.view = ScriptView(lib, self.replay)
        self.selected: int | None = 1 if record["tasks"] else None
        self.running = True
        self.held: tuple[Row, pygame.Event] | None = None
        self.held_for = 0.0
        self.dragging = False
        self.clock = 0.0  # wall seconds shown, for the characters' idle animations

    def handle(self, event: pygame.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()
        elif event.type == pygame.KEYDOWN:
            row = next((r for r in KEYS if event.key in r.keys), None)
            if row is not None:
                row.action(self, event)
                if row.repeat:
                    self.held, self.held_for = (row, event), 0.0
        elif event.type == pygame.KEYUP:
            if self.held is not None and event.key in self.held[0].keys:
                self.held = None
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.click(event.pos)
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.dragging = False
        elif event.type == pygame.MOUSEMOTION and self.dragging:
            self.head.seek(self.view.time_at(event.pos[0]))

    def click(self, pos: tuple[int, int]) -> None:
        picked = self.view.pick(pos)
        if picked is not None:
            self.selected = picked
        if TIMELINE.collidepoint(pos) and pos[0] >= self.view.bar().x:
            self.dragging = True
            self.head.paused = True
            self.head.seek(self.view.time_at(pos[0]))

    def cycle(self, by: int) -> None:
        ids = [t.id for t in self.head.moment().tasks] or [t["id"] for t in self.replay.tasks]
        if not ids:
            return
        k = ids.index(self.selected) if self.selected in ids else -1
        self.selected = ids[(k + by) % len(ids)]

    def quit(self) -> None:
        self.running = False

    def update(self, wall_dt: float) -> None:
        self.clock += wall_dt
        if self.held is not None:
            self.held_for += wall_dt
            if self.held_for >= HOLD_DELAY:
                row, event = self.held
                row.action(self, event)
                self.held_for -= HOLD_EVERY
        self.head.update(wall_dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.view.draw(surface, self.head.moment(), self.selected, self.clock, self.head.status())


def show(record: dict[str, Any], args: argparse.Namespace) -> int:
    """The window (or one frame of it for ``--screenshot``); 0 when it closed normally."""
    from ..view.sheet_format import AssetError
    from .window import open_window

    headless = args.screenshot is not None
    try:
        window = open_window(headless)
        display = None if headless else Display(window)
        canvas = window if display is None else display.canvas
        scene = ScriptScene(record, Library())
    except AssetError as error:
        print(f"main.py run: error: {error}")
        pygame.quit()
        return 2
    try:
        if headless:
            scene.head.end()
            if args.at is not None:
                scene.head.seek(args.at)
            scene.draw(canvas)
            pygame.image.save(canvas, args.screenshot)
            return 0
        return asyncio.run(_loop(scene, canvas, display, args.frames))
    finally:
        pygame.quit()


async def _loop(
    scene: ScriptScene, canvas: pygame.Surface, display: Display | None, max_frames: int
) -> int:
    clock, frames = pygame.Clock(), 0
    while scene.running:
        wall_dt = clock.tick(FPS) / 1000.0
        for event in pygame.event.get():
            if display is not None and display.handle(event):
                continue
            mapped = display.on_canvas(event) if display is not None else event
            if mapped is not None:
                scene.handle(mapped)
        scene.update(wall_dt)
        scene.draw(canvas)
        if display is not None:
            display.present()
        frames += 1
        await asyncio.sleep(0)
        if max_frames and frames >= max_frames:
            break
    return 0
