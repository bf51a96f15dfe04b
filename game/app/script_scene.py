"""The scene of ``run SCRIPT.py``: a learner's script replayed as the shop.

The script has already run (``game.script``): this scene only moves a playhead over its
record, so pause, step, step back, seek and held LEFT are exact and instant, and nothing
the script does can freeze the window. Playing, virtual time runs at the chosen speed;
moments that happen at the same virtual time are shown one after another, a few a
second, so the loop's hand-overs can be followed; a long idle gap is crossed quickly.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import pygame

from ..i18n import N_, _
from ..script.replay import Moment, Replay
from ..view.script_view import TIMELINE, ScriptView, draw_no_script
from .keys import ANYWHERE, Binding
from .scenes import Scene

# game/script/runner.py runs a script in a child process; a web page's Python starts none
CAN_RUN = sys.platform not in ("emscripten", "wasi")

if TYPE_CHECKING:
    from .window import Game

SCRIPT = "script"
STEP_WALL = 0.3  # wall seconds each same-time moment is shown while playing
CPU_WALL = 3.0  # a CPU-bound step is shown as long as it computed, up to this
GAP_WALL = 1.5  # a quiet stretch of virtual time takes at most this long to cross
SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0)


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
            if self.dwell >= self.stay() / self.speed:
                self.dwell = 0.0
                self.index += 1
            return
        gap = due - replay.time_of(self.index)
        held = self.index > 0 and replay.moments[self.index - 1]["state"] == "blocked"
        rate = self.speed if held else max(self.speed, gap / GAP_WALL)  # a block runs in full
        self.fast = rate > self.speed
        self.t = min(due, self.t + wall_dt * rate)
        if self.t >= due:
            self.index += 1
            self.dwell = 0.0

    def stay(self) -> float:
        """Wall seconds the moment on screen is shown: a CPU-bound step as long as it took
        (up to CPU_WALL), as a blocking call's seconds are; any other, STEP_WALL."""
        if self.index == 0:
            return STEP_WALL
        cpu = self.replay.cpu.get(self.replay.moments[self.index - 1]["seq"])
        return STEP_WALL if cpu is None else max(STEP_WALL, min(cpu["seconds"], CPU_WALL))

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
            return _("END") if self.index >= len(self.replay) else _("PAUSED")
        speed = f"{self.speed:g}x"
        return _("{speed} fast-forward").format(speed=speed) if self.fast else speed


def _pos(event: pygame.Event) -> tuple[int, int]:
    return event.pos


def _back(event: pygame.Event) -> int:
    return -1 if event.key in (pygame.K_MINUS, pygame.K_KP_MINUS) else 1


class ScriptScene(Scene):
    """A replayed script: its playhead, the task followed, and the rows of its keys."""

    name = SCRIPT
    words = "your script"
    BINDINGS = (
        Binding(
            "5",
            ANYWHERE,
            f"show('{SCRIPT}')",
            N_("your own asyncio script (run SCRIPT.py)"),
            "your own asyncio script, as the shop (`async-burgers run SCRIPT.py`; without one, "
            "how to bring it)",
            keys=(pygame.K_5,),
        ),
        Binding(
            N_("SPACE"),
            (),
            "play_pause",
            N_("play / pause the script"),
            "play / pause the script's record (at the end: from the start again)",
            keys=(pygame.K_SPACE,),
        ),
        Binding(
            N_("RIGHT or ."),
            (),
            "moment(1)",
            N_("one moment on: a task step, a wake-up; hold to repeat"),
            "one moment on (a task runs, is woken, awaits, ends; the loop blocks); hold to repeat",
            keys=(pygame.K_RIGHT, pygame.K_PERIOD),
            repeat=True,
        ),
        Binding(
            N_("LEFT or ,"),
            (),
            "moment(-1)",
            N_("one moment back; hold to rewind"),
            "one moment back, exactly as it was; hold to rewind",
            keys=(pygame.K_LEFT, pygame.K_COMMA),
            repeat=True,
        ),
        Binding(
            "HOME / END",
            (),
            "ends",
            N_("to the start / the end of the run"),
            "to the start / the end of the script's run",
            keys=(pygame.K_HOME, pygame.K_END),
            arg=lambda event: event.key == pygame.K_END,
        ),
        Binding(
            "+ / -",
            (),
            "script_speed",
            N_("faster / slower (0.25x to 8x of virtual time)"),
            "faster / slower, 0.25x to 8x of virtual time (a long quiet stretch is crossed "
            "quickly anyway)",
            keys=(
                pygame.K_PLUS,
                pygame.K_EQUALS,
                pygame.K_KP_PLUS,
                pygame.K_MINUS,
                pygame.K_KP_MINUS,
            ),
            arg=_back,
        ),
        Binding(
            "TAB",
            (),
            "next_task",
            N_("follow the next task (or click one, or its lane)"),
            "follow the next task in the inspector and code view (or click a character or "
            "its lane; a click on the timeline seeks)",
            keys=(pygame.K_TAB, pygame.K_n),
        ),
    )

    def __init__(self, game: Game) -> None:
        super().__init__(game)
        self.replay: Replay | None = None
        self.head: Playhead | None = None
        self.view: ScriptView | None = None
        self.selected: int | None = None
        self.dragging = False
        self.clock = 0.0  # wall seconds shown, for the characters' idle animations

    def load(self, record: dict[str, Any]) -> None:
        """Show this record from its start (it plays at once)."""
        self.replay = Replay(record)
        self.head = Playhead(self.replay)
        self.view = ScriptView(self.game.lib, self.replay)
        self.selected = 1 if record["tasks"] else None

    def world(self) -> None:
        return None  # no shop here: nothing for the sound player

    # -- input --------------------------------------------------------------------------
    def handle(self, event: pygame.Event) -> bool:
        if self.view is None:
            return False
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self.click(event.pos)
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.dragging = False
        elif event.type == pygame.MOUSEMOTION and self.dragging and self.head is not None:
            self.head.seek(self.view.time_at(event.pos[0]))
            return True
        return False

    def click(self, pos: tuple[int, int]) -> None:
        assert self.view is not None and self.head is not None
        picked = self.view.pick(pos)
        if picked is not None:
            self.selected = picked
        if TIMELINE.collidepoint(pos) and pos[0] >= self.view.bar().x:
            self.dragging = True
            self.head.paused = True
            self.head.seek(self.view.time_at(pos[0]))

    def action_play_pause(self) -> None:
        if self.head is not None:
            self.head.toggle()

    def action_moment(self, by: int) -> None:
        if self.head is not None:
            self.head.step(by)

    def action_ends(self, to_end: bool) -> None:
        if self.head is not None:
            self.head.end() if to_end else self.head.home()

    def action_script_speed(self, by: int) -> None:
        if self.head is not None:
            self.head.faster(by)

    def action_next_task(self) -> None:
        if self.head is None:
            return
        ids = [t.id for t in self.head.moment().tasks] or [t["id"] for t in self.replay.tasks]
        if ids:
            k = ids.index(self.selected) if self.selected in ids else -1
            self.selected = ids[(k + 1) % len(ids)]

    # -- the frame ----------------------------------------------------------------------
    def update(self, wall_dt: float) -> None:
        """The record plays on (the shops' day waits); held RIGHT / LEFT repeat."""
        self.clock += wall_dt
        self.game.repeat_held(wall_dt)
        if self.head is not None:
            self.head.update(wall_dt)

    def draw_scene(self, surface: pygame.Surface) -> None:
        if self.view is None or self.head is None:
            draw_no_script(surface, can_run=CAN_RUN)
            return
        self.view.draw(surface, self.head.moment(), self.selected, self.clock, self.head.status())
