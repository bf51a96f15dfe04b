"""The scenes of "When async goes wrong" (issue 10): the level menu and a level.

A level goes in three steps. *Predict*: a question card over the shop at its opening.
*Watch*: the broken day runs on the kernel; the code view shows the mistake's own source,
the cause marked, the inspector what the scheduler knows, a caption what is happening.
*Fix* (``F``): the watched shop is let go (what Python says as its objects die is shown),
the day replays from the same seed with the fixed code, the code view shows the diff and a
result card compares both days played to their end, every number from the metrics.
*Write it yourself* (``E``, issue 18): the actor in the editor (``level_editor.py``); ``F5``
plays the day from its seed with the learner's code ("your code"), its goals checked.
The kitchen (``K`` in the menu) is a level with no question: every actor is the learner's.

A level runs on its own clock, in whole ticks like the window's shops (which wait). Its
shop records as it runs: LEFT (held: backwards) and HOME go back over the day already
lived, drawn from the records (``level_past.py``); RIGHT goes on, through the records up to
the furthest tick, then running.
"""

from __future__ import annotations

import inspect
import os
import sys
from typing import TYPE_CHECKING

import pygame

from ..i18n import N_, _
from ..shop import Shop, learner
from ..shop.layout import HEIGHT as WORLD_H
from ..shop.layout import WIDTH as WORLD_W
from ..shop.levels import KITCHEN, LEVEL_LIMIT, LEVELS, Level, Result, build, finish, play
from ..view import palette as P
from ..view import words
from ..view.code_view import CodeView
from ..view.goals_view import draw_goals, goals_height
from ..view.hud import clock_text, draw_paused_badge
from ..view.inspector import Inspector
from ..view.level_view import (
    GREEN,
    RED,
    draw_block_banner,
    draw_closing,
    draw_code,
    draw_for_nobody,
    draw_frozen_marks,
    draw_menu,
    draw_question,
    draw_result,
    draw_slip,
    draw_thinking,
    draw_verdict,
    menu_rows,
)
from ..view.placer import Placer, head_rect
from ..view.shop_view import ShopView
from ..view.text import fitted, label
from . import code_store
from .clock import TICK
from .keys import LEVEL, LEVELS_MENU, Binding
from .level_editor import LevelEditor, default_runner
from .level_past import LevelPast, journal, recorded
from .scenes import Scene

if TYPE_CHECKING:
    from .window import Game

PREDICT, WATCH, FIXED, YOURS = "predict", "watch", "fixed", "yours"
PHASE_WORDS = {
    PREDICT: N_("predict"),
    WATCH: N_("the mistake"),
    FIXED: N_("fixed"),
    YOURS: N_("your code"),
}
CRASH = "level crash"  # the reason of the notice that names an actor that crashed
WATCH_EVERY = 0.5  # seconds of wall time between looks at a --code FILE
VERDICT_KEYS = (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER)  # off the verdict card
SCALE = 0.6  # the shop, drawn at 60 % beside the inspector and above the code


class MenuScene(Scene):
    """The level list (key 4): each level with its tick once solved, and the score."""

    name = LEVELS_MENU
    BINDINGS = (
        Binding(
            "UP / DOWN",
            (),
            "choose",
            N_("menu: choose a level"),
            "in the level menu, choose a level (A - D play the first four at once)",
            keys=(pygame.K_UP, pygame.K_DOWN),
            arg=lambda event: -1 if event.key == pygame.K_UP else 1,
        ),
        Binding(
            "ENTER",
            (),
            "play_chosen",
            N_("menu: play the chosen level"),
            "in the level menu, play the level chosen with UP / DOWN",
            keys=(pygame.K_RETURN, pygame.K_KP_ENTER),
        ),
    )
    chosen = 0

    def update(self, wall_dt: float) -> None:
        """Nothing moves in a menu."""

    def action_choose(self, step: int) -> None:
        """UP / DOWN: the row ENTER plays."""
        self.chosen = (self.chosen + step) % len(LEVELS)

    def action_play_chosen(self) -> None:
        self.game.stage.start_level(LEVELS[self.chosen].name)

    def world(self) -> None:
        """No shop on screen: nothing to hear."""
        return None

    def handle(self, event: pygame.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for level, rect in zip(
                LEVELS, menu_rows(self.game.screen.get_size(), len(LEVELS)), strict=True
            ):
                if rect.collidepoint(event.pos):
                    self.game.stage.start_level(level.name)
                    return True
            if kitchen_row(self.game.screen.get_size()).collidepoint(event.pos):
                self.action_kitchen()
                return True
        return super().handle(event)

    def action_letter(self, index: int) -> None:
        """A / B / C / D: play that level."""
        if 0 <= index < len(LEVELS):
            self.game.stage.start_level(LEVELS[index].name)

    def action_kitchen(self) -> None:
        """K: the kitchen, every actor of the normal shop to write yourself."""
        self.game.stage.level_scene.start(KITCHEN)
        self.game.stage.show(LEVEL)

    def draw_scene(self, surface: pygame.Surface) -> None:
        score = self.game.score
        draw_menu(surface, LEVELS, score.predicted, score.solved, self.chosen)
        row = kitchen_row(surface.get_size())
        pygame.draw.rect(surface, (40, 48, 62), row, border_radius=10)
        pygame.draw.rect(surface, (120, 200, 255), row, 2, border_radius=10)
        key = label("K", 30, (120, 200, 255), True)
        surface.blit(key, key.get_rect(center=(row.x + 40, row.centery)))
        text = fitted(_(KITCHEN.title), 24, P.WHITE, row.w - 100, True)
        surface.blit(text, text.get_rect(midleft=(row.x + 80, row.centery)))


def kitchen_row(size: tuple[int, int]) -> pygame.Rect:
    """The kitchen's row, under the levels."""
    w, _h = size
    return pygame.Rect(w // 2 - 470, 636, 940, 42)


class LearnerCodeView(CodeView):
    """The live code view where a level draws its code: the learner's own lines, read from
    the running frames; its box stays put with big text (the level lays its panels out)."""

    def area(self) -> pygame.Rect:
        return self.rect


class LevelScene(Scene):
    """One level: predict, watch, fix."""

    name = LEVEL
    BINDINGS = (
        Binding(
            "V",
            (),
            "big_shop",
            N_("level: the shop full size (again: the panels)"),
            "in a level: the shop as large as the screen allows, for the back row of a "
            "classroom, the inspector and code put away; `V` again brings them back",
            keys=(pygame.K_v,),
        ),
    )

    def __init__(self, game: Game) -> None:
        super().__init__(game)
        w, h = game.screen.get_size()
        self.stage = pygame.Surface((WORLD_W, WORLD_H))  # the shop at full size, then scaled
        self.big = False  # V: the shop as big as the screen allows, the panels away
        self._lay_out_shop()
        size = self.shop_at.size
        self.left = pygame.Rect(4, 34, self.shop_at.x - 8, h - 34 - 36)
        self.code_at = pygame.Rect(
            self.shop_at.x, self.shop_at.bottom + 4, size[0], h - 36 - self.shop_at.bottom - 8
        )
        self.inspector = Inspector(self.left, grow=False)  # the shop is right beside it
        self.level: Level = LEVELS[0]
        self.phase = PREDICT
        self.answer: int | None = None
        self.verdict = False  # right or wrong is on screen; the day waits for SPACE
        self.shop: Shop | None = None  # the day's live shop, at the furthest tick (horizon)
        self.past: LevelPast | None = None  # the day already lived, from its records
        self.horizon = 0
        self.view: ShopView | None = None
        self.results: tuple[Result, Result] | None = None
        self.python_said: list[str] = []
        self.ticks = 0
        self.accumulator = 0.0
        self.crashes = 0  # how many of the level shop's crashes were reported
        self.answer_rects: list[pygame.Rect] = []
        self.fix_rect = pygame.Rect(0, 0, 0, 0)
        self.placer = Placer(self.shop_at)  # the last frame's labels over the shop
        self.edit_rect = pygame.Rect(0, 0, 0, 0)
        self.editor = LevelEditor((w, h), default_runner(), store=code_store)
        self.editor.on_run_code = self.run_code  # F5 in the editor: the one way code runs
        self.editor.say = lambda text, error: self.game.overlay.say(text, error)
        self.learner_view = LearnerCodeView(self.code_at)  # the learner's lines, as they run
        # the learner's own code (issue 18): compiled, its checked day, its problems
        self.compiled: learner.Compiled | None = None
        self.day: learner.Day | None = None
        self.problems: list[learner.Problem] = []
        self.code_file: str | None = None  # --code FILE: replayed when it is saved
        self._file_stamp: float | None = None
        self._file_wait = 0.0

    def world(self) -> Shop | None:
        """The level's own shop (broken or fixed) at the tick shown: what the sound player
        listens to."""
        return self.shown()

    def shown(self) -> Shop | None:
        """The shop at the tick on screen: the live one at the furthest tick, else the day
        as it was then, read back from its records."""
        if self.shop is None or self.past is None or self.ticks >= self.horizon:
            return self.shop
        return self.past.at(self.ticks)

    # -- the three steps ------------------------------------------------------------------
    def start(self, level: Level) -> None:
        """Predict: a fresh broken day at its opening, the question over it."""
        self.level, self.phase, self.answer, self.results = level, PREDICT, None, None
        self.verdict = False
        self.python_said = []
        self.compiled, self.day, self.problems = None, None, []
        self.editor.close()
        self.game.overlay.unsay(CRASH)  # the last level's crash is not this one's
        self._new_day(fixed=False)
        if not level.answers:  # the kitchen: no question, the normal day runs at once
            self.phase = WATCH
            self.game.time.paused = False

    def choose(self, index: int) -> None:
        """The player's prediction; then watch the mistake run."""
        if self.phase != PREDICT or not 0 <= index < len(self.level.answers):
            return
        self.answer = index
        self.game.overlay.unsay(PREDICT)  # answered: "first your prediction" is no longer so
        self.game.score.predict(self.level.name, index == self.level.right)
        self._show_score_problem()
        self.phase = WATCH
        self.verdict = True  # right or wrong at once; SPACE (or a click) and the day runs
        self.game.time.paused = True

    def close_verdict(self) -> None:
        """Off the verdict card: the broken day runs."""
        if self.verdict:
            self.verdict = False
            self.game.time.paused = False

    def say_predict_first(self) -> None:
        self.game.overlay.say(_("First your prediction: A, B, C or D."), reason=PREDICT)

    def watch(self, fixed: bool = False) -> None:
        """Straight to watching (``--level NAME --screenshot``): no question, no score."""
        self.phase = WATCH
        if fixed:
            self.fix(record=False)

    def fix(self, record: bool = True) -> None:
        """Replay the day with the fixed code, and compare both days played to the end."""
        if self.phase == PREDICT:
            self.say_predict_first()
            return
        if self.phase == FIXED:
            return
        if not self.level.answers:
            self.game.overlay.say(_("Nothing to fix in the kitchen: E, and write it yourself."))
            return
        self.verdict = False
        name = self.level.name
        self.results = (play(name), play(name, fixed=True))
        self._new_day(fixed=True)
        self.phase = FIXED
        if record:
            self.game.score.solve(name)
            self._show_score_problem()
        self.game.time.paused = False
        if self.python_said:
            self.game.overlay.say(_("Python said: {text}").format(text=self.python_said[0]))

    def replay(self) -> None:
        """R: the day on screen from its opening, with the same code (broken, or fixed once
        fixed, or yours); the prediction and the score stay as they are."""
        if self.phase != PREDICT:
            self._new_day(fixed=self.phase == FIXED)

    # -- write it yourself ------------------------------------------------------------------
    def open_editor(self, key: str = "") -> None:
        """E: the level's actor in the editor, in place of the shop and the code view (the
        day waits meanwhile); ``key``: the character that opened it."""
        if self.phase == PREDICT:
            self.say_predict_first()
            return
        self.close_verdict()  # the verdict was read: on to writing
        self.editor.open(self.level, self.shop, key)

    def run_editor_code(self) -> None:
        """F5 outside the editor: the learner's text as the editor has it, run again (on
        an error the editor opens, marked where it is)."""
        if self.phase == PREDICT:
            self.say_predict_first()
            return
        self.close_verdict()
        if self.editor.level is not self.level:
            self.editor.open(self.level, self.shop)
        if not self.editor.run():
            self.editor.open(self.level, self.shop)

    # -- the learner's own code ---------------------------------------------------------------
    def code_text(self) -> str:
        """What the editor opens: the learner's saved code for this level, else the start."""
        return code_store.code_for(self.level.name)

    def reset_code(self) -> str:
        """Back to the level's starting code (the saved one is forgotten)."""
        return code_store.reset(self.level.name)

    def run_code(self, text: str, filename: str | None = None) -> learner.Compiled:
        """F5 / Ctrl+Enter, or FILE saved: compile; if it compiles, check its day (the
        goals) and replay the day on screen with it from the seed. The text is kept."""
        level = self.level
        if filename is None:
            problem = code_store.save(level.name, text)
            if problem:
                self.game.overlay.warn(problem)
        compiled = learner.compile_level_code(level, text, filename)
        if not compiled.ok:
            error = compiled.errors[0]
            self.game.overlay.say(
                _("line {line}, column {col}: {message}").format(
                    line=error.line, col=error.col, message=error.message
                ),
                error=True,
            )
            return compiled
        self.compiled, self.problems = compiled, []
        self.day = learner.play(level, compiled)
        self.editor.day = self.day  # the checklist under the verbs too
        if self.day.solved and level.answers:
            self.game.score.solve(level.name)
            self._show_score_problem()
        if self.day.solved:
            self.game.overlay.say(_("Solved with your code: every goal met."))
        self.phase = YOURS
        self._new_day(fixed=False)
        self.game.time.paused = False
        return compiled

    def watch_file(self, path: str) -> None:
        """``--code FILE``: play FILE's actors now, and again whenever it is saved."""
        self.code_file = path
        self._file_stamp = None
        self._look_at_file()

    def _look_at_file(self) -> None:
        from .learner_cli import CodeFileError, read_code

        path = self.code_file
        if path is None:
            return
        try:
            stamp = os.stat(path).st_mtime
            if stamp == self._file_stamp:
                return
            self._file_stamp = stamp
            text = read_code(path)
        except (OSError, CodeFileError) as error:
            if self._file_stamp is not None:
                self.game.overlay.say(str(error), True)
            self._file_stamp = -1.0
            return
        if self.phase == PREDICT:
            self.phase = WATCH  # a file to play: no question first
        self.run_code(text, os.path.abspath(path))

    def _new_day(self, fixed: bool) -> None:
        self._close_past()
        if self.shop is not None:
            said = finish(self.shop)  # what Python says as the watched day's objects die
            self.python_said = said or self.python_said
        level, compiled = self.level, self.compiled
        if self.phase == YOURS and compiled is not None:
            shop = learner.build_shop(level, compiled, journal=journal())
            self.problems = []
        else:
            shop = build(level, fixed, strict=False, journal=journal())
        shop.kernel.record_handovers(64)
        self.shop = recorded(shop)
        self.past = LevelPast(self.shop)
        self.view = ShopView(self.game.lib, self.shop)
        self.ticks, self.horizon, self.accumulator, self.crashes = 0, 0, 0.0, 0

    def _close_past(self) -> None:
        if self.past is not None:
            self.past.close()
            self.past = None

    def _show_score_problem(self) -> None:
        problem = self.game.score.problem
        if problem:
            self.game.overlay.warn(problem)

    def on_show(self) -> None:
        if self.shop is None:
            self.start(self.level)

    def on_hide(self) -> None:
        """Leaving the level: let its day go now (and hear what Python says then)."""
        self.editor.close()
        self._close_past()
        if self.shop is not None:
            said = finish(self.shop)
            self.shop = None
            if said:
                self.python_said = said
                self.game.overlay.say(_("Python said: {text}").format(text=said[0]))

    # -- time -------------------------------------------------------------------------------
    def update(self, wall_dt: float) -> None:
        game = self.game
        if self.code_file is not None:
            self._file_wait += wall_dt
            if self._file_wait >= WATCH_EVERY:
                self._file_wait = 0.0
                self._look_at_file()
        self.editor.update(wall_dt)
        if self.editor.visible:
            return  # the day waits while the learner writes (held keys are theirs too)
        if game.time.paused:
            game.repeat_held(wall_dt)  # RIGHT held: a tick a frame, as in the shops
            return
        if self.shop is None or self.phase == PREDICT or self.verdict:
            return
        self.accumulator += min(wall_dt, 0.25) * game.time.speed
        ticks = int(self.accumulator / TICK + 1e-9)
        self.accumulator -= ticks * TICK
        for _tick in range(ticks):
            self.step()

    def step_paused(self) -> None:
        """RIGHT while paused: one tick, once the day is running (not over the question)."""
        if self.phase == PREDICT:
            self.say_predict_first()
        elif not self.verdict:
            self.step()

    def step(self) -> None:
        """One tick of the level's day (it stops at the level's end)."""
        if self.shop is None or self.ticks * TICK >= LEVEL_LIMIT:
            return
        self.ticks += 1
        if self.ticks <= self.horizon:
            return  # a tick already lived: read back from the records
        self.horizon = self.ticks
        kernel = self.shop.kernel
        if self.phase == YOURS:
            self._step_yours()
            self._note_held()
            return
        kernel.run_until(self.ticks * TICK)
        self._note_held()
        if len(kernel.crashes) > self.crashes:  # reported with its name, never swallowed
            for task in kernel.crashes[self.crashes :]:
                print(task.traceback, file=sys.stderr, end="")
                print(f"actor {task.name!r} crashed: {task.error!r}", file=sys.stderr)
                text = _("actor '{name}' crashed: {error}")
                said = text.format(name=task.name, error=repr(task.error))
                self.game.overlay.say(said, True, reason=CRASH)
            self.crashes = len(kernel.crashes)
            self.game.time.paused = True

    def _note_held(self) -> None:
        """Level 2: what you and your crush hold now, kept for the past (not an attribute)."""
        if self.level.name == "forgotten-await" and self.past is not None:
            self.past.note_held(self.ticks, self._held_live())

    def step_back(self) -> None:
        """LEFT while paused: one tick back over the day already lived (held: the day
        plays backwards), drawn from its records."""
        if self.phase == PREDICT:
            self.say_predict_first()
        elif not self.game.time.paused:
            self.game.time.say_pause_first()
        elif self.ticks > 0:
            self.ticks -= 1
            self.accumulator = 0.0

    def seek(self, ticks: int) -> None:
        """To tick ``ticks`` of the level's day: one already lived from the records, further
        on by running the day on (up to the level's end)."""
        ticks = max(0, ticks)
        if ticks <= self.horizon:
            self.ticks, self.accumulator = ticks, 0.0
        else:
            self.advance_to(ticks * TICK)

    def seek_home(self) -> None:
        """HOME: back to the opening of the level's day (RIGHT goes on through the records)."""
        if self.phase == PREDICT:
            self.say_predict_first()
            return
        self.ticks, self.accumulator = 0, 0.0

    def _step_yours(self) -> None:
        """A tick of the learner's day, the watchdog armed; a new problem in their code
        pauses the day, named with its actor and line, in the player's language."""
        assert self.shop is not None
        learner.run_until(self.shop, self.ticks * TICK)
        found = learner.problems(self.shop)
        if len(found) > len(self.problems):
            for problem in found[len(self.problems) :]:
                self.editor.mark_trouble(problem)  # at its line, when the editor opens
            self.problems = found
            self.game.overlay.say(str(found[-1]), True)
            self.game.time.paused = True

    def advance_to(self, seconds: float) -> None:
        while self.ticks * TICK + 1e-9 < seconds and self.ticks * TICK < LEVEL_LIMIT:
            self.step()

    # -- the key table's commands ---------------------------------------------------------
    def action_letter(self, index: int) -> None:
        """A / B / C / D: the player's prediction."""
        self.choose(index)

    def action_fix(self) -> None:
        self.fix()

    def action_open_editor(self, key: str = "") -> None:
        """E: write the actor's code yourself."""
        self.open_editor(key)

    def action_run_code(self) -> None:
        """F5: the day with the learner's code (as the editor has it)."""
        self.run_editor_code()

    def action_restart_day(self) -> None:
        """R: the level's own day again (not the shops')."""
        self.replay()

    def action_step_back(self) -> None:
        self.step_back()

    def action_seek_home(self) -> None:
        self.seek_home()

    def action_step_paused(self) -> None:
        """RIGHT while paused: one tick of the level's own day (before the answer, or while
        the day runs, it says what comes first)."""
        if self.phase == PREDICT:
            self.say_predict_first()
        elif self.game.time.paused:
            self.step_paused()
        else:
            self.game.time.say_pause_first()

    # -- input ------------------------------------------------------------------------------
    def handle(self, event: pygame.Event) -> bool:
        if self.editor.handle(event):
            return True
        clicked = event.type == pygame.MOUSEBUTTONDOWN and event.button == 1
        if self.verdict and clicked and self.edit_rect.collidepoint(event.pos):
            self.open_editor()  # straight from the verdict to writing it yourself
            return True
        if self.verdict and (
            (event.type == pygame.KEYDOWN and event.key in VERDICT_KEYS) or clicked
        ):
            self.close_verdict()
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            if self.phase != PREDICT and self.edit_rect.collidepoint(event.pos):
                self.open_editor()
                return True
            if self.phase == PREDICT:
                for i, rect in enumerate(self.answer_rects):
                    if rect.collidepoint(event.pos):
                        self.choose(i)
                        return True
            elif self.phase == WATCH and self.fix_rect.collidepoint(event.pos):
                self.fix()
                return True
        return super().handle(event)

    # -- drawing ----------------------------------------------------------------------------
    def _lay_out_shop(self) -> None:
        """Where the shop goes: at 60 % beside the inspector and above the code, or (``big``,
        for a projector's back row) as large as the screen allows under the bar."""
        w, h = self.game.screen.get_size()
        if self.big:
            self.scale = min((w - 8) / WORLD_W, (h - 34 - 36) / WORLD_H)
        else:
            self.scale = SCALE
        size = (round(WORLD_W * self.scale), round(WORLD_H * self.scale))
        self.scaled = pygame.Surface(size)
        x = (w - size[0]) // 2 if self.big else w - size[0] - 4
        self.shop_at = pygame.Rect((x, 34), size)

    def action_big_shop(self) -> None:
        """V: the level's shop full size, the panels put away (V again brings them back)."""
        self.big = not self.big
        self._lay_out_shop()
        if self.big:
            self.game.overlay.say(_("the shop full size: V again for the panels"))

    def to_screen(self, point: tuple[float, float]) -> tuple[int, int]:
        x, y = self.shop_at.x + point[0] * self.scale, self.shop_at.y + point[1] * self.scale
        return (round(x), round(y))

    def followed(self, shop: Shop | None = None) -> object:
        """The task whose code the level is about: the cook, or you and your crush; on the
        web server, the request being handled (the one holding the loop, if one does); in
        the shop on screen, or in ``shop``."""
        shop = shop or self.shown()
        if shop is None:
            return None
        if self.level.part == "server":
            busy = shop.kernel.busy
            if busy is not None and busy.task.group == "requests":
                return busy.task
            handling = [t for t in shop.kernel.tasks if t.group == "requests" and t.alive]
            return handling[-1] if handling else None
        wanted = "cook" if self.level.part == "cook" else "you & crush"
        return next((t for t in shop.kernel.tasks if t.name == wanted), None)

    def held_coroutine(self) -> object:
        """Level 2: what you and your crush hold as 'number' (read from their own frame;
        at a tick already lived, as it was kept then: only level 2 keeps it)."""
        if self.past is not None and self.ticks < self.horizon:
            return self.past.held_at(self.ticks)
        return self._held_live()

    def _held_live(self) -> object:
        task = self.followed(self.shop)
        coro = getattr(task, "coro", None)
        frame = getattr(coro, "cr_frame", None)
        return frame.f_locals.get("number") if frame is not None else None

    def draw_scene(self, surface: pygame.Surface) -> None:
        if self.shop is None or self.view is None:
            self.start(self.level)
        shop, view = self.shown(), self.view
        assert shop is not None and view is not None
        surface.fill((24, 22, 30))
        if self.editor.visible:
            self._draw_bar(surface, shop)
            self.editor.draw(surface)
            self._draw_caption(surface)
            return
        view.draw(self.stage, shop)
        pygame.transform.smoothscale(self.stage, self.shop_at.size, self.scaled)
        surface.blit(self.scaled, self.shop_at)
        pygame.draw.rect(surface, (90, 80, 100), self.shop_at, 2)
        self._draw_bar(surface, shop)
        if self.phase == PREDICT:
            self.answer_rects = draw_question(surface, self.level)
            return
        placer = self.placer = self._placer(shop, view)
        at = (self.shop_at.centerx, self.shop_at.y + 8)
        draw_block_banner(surface, shop, at, self.shop_at.w - 8, placer)
        draw_frozen_marks(surface, shop, self.to_screen, placer)
        draw_thinking(surface, shop, self.to_screen, placer)
        draw_closing(surface, shop, self.to_screen, placer)
        draw_for_nobody(surface, shop, self.to_screen, placer)
        held = self.held_coroutine() if self.level.name == "forgotten-await" else None
        you = shop.protagonist
        if held is not None and you is not None and inspect.iscoroutine(held):
            draw_slip(surface, you, held, self.to_screen, self.shop_at, placer)
        task = self.followed()
        if self.big:  # the shop alone: the panels wait for V
            self._draw_caption(surface)
            if self.verdict and self.answer is not None:
                draw_verdict(surface, self.level, self.answer)
            return
        if self.phase == FIXED and self.results is not None:
            draw_result(surface, self.left, self.level, *self.results, self.answer)
        else:
            self.inspector.draw(surface, shop, getattr(task, "actor", None))
            if held is not None and inspect.iscoroutine(held):
                self._draw_no_task_note(surface, shop, held)
        if self.phase == YOURS:  # the checklist over the inspector's strips
            lines, solved = self.editor.checklist()
            if lines:
                tall = goals_height(lines)
                at = pygame.Rect(
                    self.left.x + 4, self.left.bottom - tall - 4, self.left.w - 8, tall
                )
                draw_goals(surface, at, lines, solved)
        if self.phase == YOURS or not self.level.answers:  # the running code, whoever's
            self.learner_view.draw(surface, task)  # type: ignore[arg-type]
        else:
            draw_code(surface, self.code_at, self.level, task, self.phase == FIXED, shop)  # type: ignore[arg-type]
        self._draw_caption(surface)
        if self.verdict and self.answer is not None:
            draw_verdict(surface, self.level, self.answer)

    def _placer(self, shop: Shop, view: ShopView) -> Placer:
        """The level's labels, on screen over the scaled shop: clear of every head there and
        of the labels the shop's painter placed (scaled with the picture)."""
        origin = (float(self.shop_at.x), float(self.shop_at.y))
        t = shop.now
        people = [*shop.staff, *shop.helpers]
        people += [p for c in shop.couples for p in c.people if p.visible]
        heads = [head_rect(p.position_at(t), self.scale, origin) for p in people]
        placer = Placer(self.shop_at, heads)

        def scaled(r: pygame.Rect) -> pygame.Rect:
            x, y = self.to_screen((r.x, r.y))
            return pygame.Rect(x, y, round(r.w * self.scale), round(r.h * self.scale))

        placer.placed += [scaled(r) for r in view.placer.placed]
        for rect in view.placer.fixed:
            placer.add_fixed(scaled(rect))
        return placer

    def _draw_bar(self, surface: pygame.Surface, shop: Shop) -> None:
        w = surface.get_width()
        pygame.draw.rect(surface, (25, 20, 30), (0, 0, w, 30))
        kitchen = self.phase == WATCH and not self.level.answers
        which = _("the story's code") if kitchen else _(PHASE_WORDS[self.phase])
        colour = {FIXED: GREEN, WATCH: RED, YOURS: (120, 200, 255)}.get(self.phase, (255, 200, 90))
        if kitchen:
            colour = GREEN  # the story's own code: nothing wrong with it
        x = 10
        for text, col in (
            (
                _("LEVEL {number}: {name}").format(number=self.level.number, name=self.level.name),
                (255, 190, 90),
            ),
            (which, colour),
            (clock_text(shop.now), P.WHITE),
            (f"{self.game.time.speed:g}x", P.WHITE),
            (_("served {n}").format(n=len(shop.served)), P.WHITE),
            (
                _("blocked {seconds}s").format(seconds=f"{shop.kernel.blocked:.0f}"),
                RED if shop.kernel.blocked else P.WHITE,
            ),
        ):
            img = label(text, 22, col, True)
            surface.blit(img, (x, 5))
            x += img.get_width() + 18
        if self.game.time.paused and self.phase != PREDICT:
            draw_paused_badge(surface, w)

    def _draw_no_task_note(self, surface: pygame.Surface, shop: Shop, held: object) -> None:
        """Level 2: the inspector's own words on the coroutine nobody runs."""
        runs = [words.name(t.name) for t in shop.kernel.tasks if t.coro is held]
        state = inspect.getcoroutinestate(held)  # type: ignore[arg-type]
        text = _("{coroutine}: run by {tasks}, state {state}").format(
            coroutine=getattr(held, "__qualname__", "coroutine"),
            tasks=", ".join(runs) or _("no task"),
            state=state,
        )
        img = label(text, 17, (255, 140, 120), True)
        rect = pygame.Rect(self.left.x + 6, self.left.bottom - 178, self.left.w - 12, 24)
        pygame.draw.rect(surface, (60, 20, 20), rect, border_radius=4)
        surface.blit(img, (rect.x + 6, rect.y + 3))

    def _draw_caption(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        strip = pygame.Rect(0, h - 32, w, 32)
        pygame.draw.rect(surface, (25, 20, 30), strip)
        self.fix_rect = pygame.Rect(0, 0, 0, 0)
        self.edit_rect = pygame.Rect(0, 0, 0, 0)
        right = w - 10
        if self.editor.visible:
            text = _("Write it yourself: F5 plays the day again with your code; ESC: the shop.")
        elif self.phase == WATCH and not self.level.answers:
            text = _(self.level.lesson)  # the kitchen: the figures to beat
        elif self.phase == WATCH:
            text = _(self.level.caption)
            self.fix_rect = self._button(surface, _("F: fix it"), GREEN, right, strip.centery)
            right = self.fix_rect.x - 10
        elif self.phase == YOURS and self.day is not None and self.day.solved:
            text = _("Your code's day: solved!")
        elif self.phase == YOURS:
            text = _("Your code plays the day: E to change it, R to play it again.")
        else:
            text = _(self.level.lesson)
        if self.phase != PREDICT and not self.editor.visible:
            colour = (120, 200, 255)
            self.edit_rect = self._button(
                surface, _("E: write it yourself"), colour, right, strip.centery
            )
            right = self.edit_rect.x - 10
        elif self.phase == PREDICT or self.editor.visible:
            hint = label(_("4: levels"), 20, (200, 200, 200))
            surface.blit(hint, hint.get_rect(midright=(right - 2, strip.centery)))
            right -= hint.get_width() + 12
        surface.blit(fitted(text, 22, P.WHITE, right - 22), (12, strip.y + 5))

    def _button(
        self, surface: pygame.Surface, text: str, colour: tuple[int, int, int], right: int, y: int
    ) -> pygame.Rect:
        image = label(" " + text + " ", 22, P.INK, True)
        rect = image.get_rect(midright=(right, y)).inflate(8, 4)
        pygame.draw.rect(surface, colour, rect, border_radius=6)
        surface.blit(image, image.get_rect(center=rect.center))
        return rect
