"""The editor in a level: E opens it on the level's actor, keys type instead of commanding
the game, F5 runs the learner's text through the runner, errors are marked where they are.

The runner here is a test double standing for the engine (``game/shop/learner.py``): it
compiles the text, takes its ``async def`` and casts it as the level's part.
"""

from __future__ import annotations

import dataclasses
import linecache
from dataclasses import dataclass, field

import pygame
import pytest

from game.app.level_editor import LevelEditor
from game.app.level_scenes import WATCH, YOURS, kitchen_row
from game.app.window import Game
from game.editor.buffer import Pos
from game.shop import Shop
from game.shop.levels import LEVEL_CONFIG, Level, level_named
from game.shop.world import Cast
from game.view import text


@dataclass
class Error:
    line: int
    col: int
    message: str


@dataclass
class Compiled:
    ok: bool
    errors: list[Error] = field(default_factory=list)
    actor: object = None


@dataclass
class Goal:
    text: str
    met: bool
    why: str


@dataclass
class Day:
    solved: bool
    goals: list[Goal]


@dataclass
class Trouble:
    actor: str
    line: int | None
    message: str


class Runner:
    """Compiles the learner's file and casts its one ``async def`` as the level's cook."""

    def __init__(self) -> None:
        self.compiled: list[str] = []
        self.steps = 0  # the learner's day moved on through the runner

    def starting_code(self, level: Level) -> str:
        return f"import asyncio\n\n\nasync def {level.broken_actor.__name__}(shop, me, grill):\n"

    def compile(self, level: Level, source: str) -> Compiled:
        self.compiled.append(source)
        filename = f"<level {level.name}>"
        linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
        space: dict[str, object] = {}
        try:
            exec(compile(source, filename, "exec"), space)  # noqa: S102 - the learner's file
        except Exception as error:  # noqa: BLE001 - reported to the learner
            return Compiled(False, [Error(1, 1, f"{type(error).__name__}: {error}")])
        actor = space.get(level.broken_actor.__name__)
        if actor is None:
            return Compiled(False, [Error(1, 1, f"no {level.broken_actor.__name__} in the file")])
        return Compiled(True, actor=actor)

    def build(self, level: Level, compiled: Compiled) -> Shop:
        cast = dataclasses.replace(Cast(), cook=compiled.actor)
        return Shop(dataclasses.replace(LEVEL_CONFIG, mode="concurrent"), cast=cast, strict=False)

    def run_until(self, shop: Shop, t: float) -> None:
        self.steps += 1
        shop.kernel.run_until(t)

    def goal_texts(self, level: Level) -> list[str]:
        return ["the loop is never held", "someone is served"]

    def play(self, level: Level, compiled: Compiled) -> Day:
        """Two goals judged on the day played to 300 s (the engine plays it to its end)."""
        shop = self.build(level, compiled)
        shop.kernel.run_until(300.0)
        held = shop.kernel.blocked
        goals = [
            Goal("the loop is never held", held == 0, f"held {held:.0f} s"),
            Goal("someone is served", len(shop.served) > 0, "nobody served"),
        ]
        return Day(all(g.met for g in goals), goals)

    def actors(self, level: Level) -> list[object]:
        return [level.broken_actor]

    def problems(self, shop: Shop) -> list[Trouble]:
        found = []
        for task in shop.kernel.crashes:
            tb = task.error.__traceback__ if task.error is not None else None
            line = None
            while tb is not None:
                if tb.tb_frame.f_code.co_filename.startswith("<level"):
                    line = tb.tb_lineno
                tb = tb.tb_next
            found.append(Trouble(task.name, line, repr(task.error)))
        return found


FIXED_COOK = """import asyncio


async def blocking_cook(shop, me, grill):
    while True:
        order = await me.next_order(shop.kitchen)
        tray = await me.cook_burgers(order, grill)
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)
"""


@pytest.fixture
def level(game: Game) -> Game:
    """Level 1, its prediction made, watching the broken day, with the test runner."""
    scene = game.stage.level_scene
    scene.editor.runner = Runner()
    game.stage.start_level("blocking-cook")
    game.stage.level_scene.choose(1)
    assert scene.phase == WATCH
    return game


def press(game: Game, key: int, mod: int = 0, unicode: str = "") -> None:
    game.handle(pygame.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode))


def type_text(game: Game, text_: str) -> None:
    for ch in text_:
        if ch == "\n":
            press(game, pygame.K_RETURN)
        else:
            press(game, pygame.K_a, unicode=ch)
            game.handle(pygame.Event(pygame.TEXTINPUT, text=ch))


def test_e_opens_the_editor_on_the_levels_code_and_the_day_waits(level: Game) -> None:
    scene = level.stage.level_scene
    press(level, pygame.K_e, unicode="e")
    level.handle(pygame.Event(pygame.TEXTINPUT, text="e"))  # the E itself is not typed
    assert scene.editor.visible and scene.editor.focused
    assert scene.editor.panel.text == Runner().starting_code(scene.level)
    ticks = scene.ticks
    level.update(1.0)
    assert scene.ticks == ticks  # the day waits while the learner writes
    level.draw()


def test_while_editing_the_games_keys_type_and_escape_leaves(level: Game) -> None:
    scene = level.stage.level_scene
    press(level, pygame.K_e, unicode="e")
    speed = level.time.speed
    press(level, pygame.K_4, unicode="4")  # would go to the level menu
    press(level, pygame.K_PLUS, unicode="+")  # would speed up
    press(level, pygame.K_q, unicode="q")  # would quit
    assert level.stage.name == "level" and level.time.speed == speed and level.running
    press(level, pygame.K_ESCAPE)
    assert not scene.editor.visible and level.running  # ESC left the editor, not the game
    press(level, pygame.K_e, unicode="e")
    assert scene.editor.visible


def test_the_button_opens_the_editor(level: Game) -> None:
    scene = level.stage.level_scene
    level.draw()
    assert scene.edit_rect.w > 0
    level.click(scene.edit_rect.center)
    assert scene.editor.visible


def test_not_before_the_prediction(game: Game) -> None:
    game.stage.start_level("blocking-cook")
    game.stage.level_scene.open_editor()
    assert not game.stage.level_scene.editor.visible


def test_f5_plays_the_day_with_the_learners_code(level: Game) -> None:
    scene = level.stage.level_scene
    runner = scene.editor.runner
    press(level, pygame.K_e, unicode="e")
    scene.editor.panel.load(FIXED_COOK)
    press(level, pygame.K_F5)
    assert runner.compiled == [FIXED_COOK]
    assert scene.phase == YOURS and scene.ticks == 0 and not scene.editor.visible
    scene.advance_to(120)
    assert runner.steps == scene.ticks  # every tick through the runner (its watchdog)
    assert scene.shop.kernel.blocked == 0  # their cook awaits: the loop is never held
    assert len(scene.shop.served) > 0
    level.draw()  # the code view shows their lines, from the running frames
    press(level, pygame.K_r)  # R plays their day again
    assert scene.ticks == 0 and runner.compiled == [FIXED_COOK, FIXED_COOK]


def test_ctrl_enter_runs_too(level: Game) -> None:
    scene = level.stage.level_scene
    press(level, pygame.K_e, unicode="e")
    scene.editor.panel.load(FIXED_COOK)
    press(level, pygame.K_RETURN, mod=pygame.KMOD_LCTRL)
    assert scene.phase == YOURS


def test_a_syntax_error_is_marked_and_nothing_runs(level: Game) -> None:
    scene = level.stage.level_scene
    press(level, pygame.K_e, unicode="e")
    scene.editor.panel.load(FIXED_COOK.replace("(order, grill)", "(order, grill"))
    press(level, pygame.K_F5)
    assert scene.editor.runner.compiled == []  # never handed on
    assert scene.phase == WATCH and scene.editor.visible
    (mark,) = scene.editor.panel.marks
    assert (mark.kind, mark.line) == ("syntax", 7)
    level.draw()


def test_a_runtime_error_pauses_and_marks_its_line(level: Game) -> None:
    scene = level.stage.level_scene
    press(level, pygame.K_e, unicode="e")
    crashing = FIXED_COOK.replace("        tray = await", "        1 / 0\n        tray = await")
    scene.editor.panel.load(crashing)
    press(level, pygame.K_F5)
    scene.advance_to(60)
    assert level.time.paused
    (mark,) = scene.editor.panel.marks
    assert mark.kind == "error" and mark.line == 7
    assert "ZeroDivisionError" in mark.message and mark.message.startswith("cook: ")
    assert "cook" in level.overlay.notice.text  # the actor named, in the engine's words
    assert "crashed" not in level.overlay.notice.text  # not a second, generic notice
    press(level, pygame.K_e, unicode="e")  # the editor opens on the marked line
    assert scene.editor.visible and scene.editor.panel.marks
    assert scene.editor.panel.buffer.cursor == Pos(6, 8)


def test_the_learners_text_is_kept_when_leaving_and_coming_back(level: Game) -> None:
    scene = level.stage.level_scene
    press(level, pygame.K_e, unicode="e")
    press(level, pygame.K_END, mod=pygame.KMOD_LCTRL)
    type_text(level, "    pass  # mine")
    press(level, pygame.K_ESCAPE)
    press(level, pygame.K_e, unicode="e")
    assert scene.editor.panel.text.endswith("    pass  # mine")


def test_the_verbs_panel_lists_the_cooks_verbs(level: Game) -> None:
    scene = level.stage.level_scene
    press(level, pygame.K_e, unicode="e")
    calls = [verb.call for verb in scene.editor.verbs]
    assert "me.next_order" in calls and "me.cook_burgers_sync" in calls


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_the_editor_in_a_level_draws_at_every_text_scale(level: Game, scale: float) -> None:
    text.set_scale(scale)
    scene = level.stage.level_scene
    press(level, pygame.K_e, unicode="e")
    scene.editor.panel.mark_error(4, "ZeroDivisionError: division by zero")
    level.draw()
    editor = scene.editor.panel.rect
    assert level.screen.get_rect().contains(editor)
    assert level.screen.get_at(editor.center)[:3] != (24, 22, 30)


def test_without_an_engine_f5_says_so_and_keeps_the_text(game: Game) -> None:
    editor = LevelEditor((1280, 720), None)
    said: list[str] = []
    editor.say = lambda message, error: said.append(message)
    editor.open(level_named("blocking-cook"))
    assert editor.panel.text.startswith("async def blocking_cook")
    assert not editor.run()
    assert said and editor.visible


def test_a_click_on_a_verb_writes_its_call_at_the_cursor(level: Game) -> None:
    scene = level.stage.level_scene
    press(level, pygame.K_e, unicode="e")
    press(level, pygame.K_END, mod=pygame.KMOD_LCTRL)
    level.draw()
    verb = scene.editor.verbs[0]
    level.click(scene.editor.verb_rects[0].center)
    assert scene.editor.panel.text.endswith(verb.call_text)
    assert scene.editor.focused  # typing goes on in the editor
    press(level, pygame.K_z, mod=pygame.KMOD_LCTRL)
    assert not scene.editor.panel.text.endswith(verb.call_text)


def test_the_wheel_over_the_verbs_scrolls_them(level: Game) -> None:
    scene = level.stage.level_scene
    press(level, pygame.K_e, unicode="e")
    level.handle(
        pygame.Event(pygame.MOUSEMOTION, pos=scene.editor.verbs_at.center, buttons=(0, 0, 0))
    )
    level.handle(pygame.Event(pygame.MOUSEWHEEL, x=0, y=-2))
    assert scene.editor.first_verb == 2
    assert scene.editor.panel.view.top == 0  # the code stayed where it was


def test_the_checklist_before_and_after_a_run_and_solving_with_ones_own_code(
    level: Game,
) -> None:
    scene = level.stage.level_scene
    press(level, pygame.K_e, unicode="e")
    lines, solved = scene.editor.checklist()
    assert [met for _text, met, _why in lines] == [None, None] and solved is None
    level.draw()
    scene.editor.panel.load(FIXED_COOK.replace("await me.cook_burgers", "me.cook_burgers_sync"))
    press(level, pygame.K_F5)
    lines, solved = scene.editor.checklist()
    assert solved is False and lines[0][1] is False and lines[0][2].startswith("held")
    assert "blocking-cook" not in level.score.solved
    level.draw()
    press(level, pygame.K_e, unicode="e")
    scene.editor.panel.load(FIXED_COOK)
    press(level, pygame.K_F5)
    assert scene.editor.checklist()[1] is True
    assert "blocking-cook" in level.score.solved  # the menu shows it solved
    level.draw()


def test_a_file_given_to_play_runs_as_if_typed(game: Game) -> None:
    scene = game.stage.level_scene
    scene.editor.runner = Runner()
    game.stage.start_level("blocking-cook")
    assert scene.play_text(FIXED_COOK)
    assert scene.phase == YOURS and scene.editor.panel.text == FIXED_COOK
    assert not scene.play_text("async def blocking_cook(:\n")
    assert scene.editor.visible and scene.editor.panel.marks[0].kind == "syntax"


def test_an_engine_that_fails_costs_the_run_not_the_game(level: Game) -> None:
    scene = level.stage.level_scene

    def broken(*args: object) -> None:
        raise RuntimeError("engine trouble")

    scene.editor.runner.play = broken  # type: ignore[method-assign]
    press(level, pygame.K_e, unicode="e")
    scene.editor.panel.load(FIXED_COOK)
    press(level, pygame.K_F5)
    assert scene.phase == WATCH and scene.editor.visible
    assert "engine trouble" in level.overlay.notice.text
    assert scene.editor.panel.text == FIXED_COOK


def test_the_kitchen_from_the_menu_every_actor_in_the_editor(game: Game) -> None:
    game.key(pygame.K_4)
    game.draw()
    game.click(kitchen_row(game.screen.get_size()).center)
    scene = game.stage.level_scene
    assert scene.level.name == "kitchen" and scene.phase == WATCH
    scene.advance_to(5)
    assert scene.ticks > 0  # no question: the normal day runs
    game.key(pygame.K_f, "f")
    assert scene.phase == WATCH  # nothing to fix in a sandbox
    game.key(pygame.K_e, "e")
    assert scene.editor.visible
    calls = {verb.call for verb in scene.editor.verbs}
    assert {"me.next_please", "me.next_order", "couple.order_at", "shop.admit"} <= calls
    game.draw()


class Store:
    """The user's data dir, as a dict."""

    def __init__(self) -> None:
        self.kept: dict[str, str] = {}
        self.saves = 0

    def load(self, level_name: str) -> str | None:
        return self.kept.get(level_name)

    def save(self, level_name: str, source: str) -> str | None:
        self.saves += 1
        self.kept[level_name] = source
        return None


def test_the_learners_code_is_saved_and_restored_next_time(game: Game) -> None:
    store = Store()
    first = LevelEditor((1280, 720), Runner(), store=store)
    level_ = level_named("blocking-cook")
    first.open(level_)
    first.panel.load(FIXED_COOK)
    first.close()  # leaving the editor keeps it
    assert store.kept == {"blocking-cook": FIXED_COOK}
    first.open(level_)
    first.close()  # nothing changed: not written again
    assert store.saves == 1
    again = LevelEditor((1280, 720), Runner(), store=store)  # the game started again
    again.open(level_)
    assert again.panel.text == FIXED_COOK
    again.panel.start_again(again.starting_code())  # resettable to the broken code
    assert again.panel.text == Runner().starting_code(level_)


def test_a_store_that_cannot_save_says_so_and_the_game_goes_on(game: Game) -> None:
    store = Store()
    store.save = lambda name, source: "could not save: disk full"  # type: ignore[method-assign]
    editor = LevelEditor((1280, 720), Runner(), store=store)
    said: list[str] = []
    editor.say = lambda message, error: said.append(message)
    editor.open(level_named("blocking-cook"))
    editor.panel.load(FIXED_COOK)
    editor.close()
    assert said == ["could not save: disk full"]
