"""The editor in a level: E opens it on the level's actor, keys type instead of commanding
the game, F5 runs the learner's text through the level scene's ``run_code`` (the engine,
``game/shop/learner.py``), errors are marked where they are, the goals checked.

``Runner`` below is a test double for what the editor alone asks the engine (the starting
code, the goals in words, the starting actors) where a test builds an editor by itself.
"""

from __future__ import annotations

import pygame
import pytest

from game.app import code_store
from game.app.level_editor import LevelEditor
from game.app.level_scenes import WATCH, YOURS, kitchen_row
from game.app.window import Game
from game.editor.buffer import Pos
from game.shop import learner
from game.shop.levels import Level, level_named
from game.view import text


class Runner:
    def starting_code(self, level: Level) -> str:
        return f"import asyncio\n\n\nasync def cook(shop, me, grill):\n    {level.name!r}\n"

    def goal_texts(self, level: Level) -> list[str]:
        return ["the loop is never held", "someone is served"]

    def actors(self, level: Level) -> list[object]:
        return [level.broken_actor]


START = learner.starting_code(level_named("blocking-cook"))
FIXED_COOK = START.replace(
    "tray = me.cook_burgers_sync(order, grill)", "tray = await me.cook_burgers(order, grill)"
)
assert FIXED_COOK != START


@pytest.fixture
def level(game: Game) -> Game:
    """Level 1, its prediction made, watching the broken day."""
    game.stage.start_level("blocking-cook")
    game.stage.level_scene.choose(1)
    assert game.stage.level_scene.phase == WATCH
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
    assert scene.editor.panel.text == START
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
    press(level, pygame.K_e, unicode="e")
    scene.editor.panel.load(FIXED_COOK)
    press(level, pygame.K_F5)
    assert scene.phase == YOURS and scene.ticks == 0 and not scene.editor.visible
    assert code_store.load("blocking-cook") == FIXED_COOK  # kept beside the score
    scene.advance_to(120)
    assert scene.shop.kernel.blocked == 0  # their cook awaits: the loop is never held
    assert len(scene.shop.served) > 0
    level.draw()  # the code view shows their lines, from the running frames
    press(level, pygame.K_r)  # R plays their day again
    assert scene.ticks == 0 and scene.phase == YOURS


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
    assert code_store.load("blocking-cook") is None  # never handed on
    assert scene.phase == WATCH and scene.editor.visible
    (mark,) = scene.editor.panel.marks
    line = next(i for i, t in enumerate(FIXED_COOK.splitlines(), 1) if "cook_burgers(" in t)
    assert (mark.kind, mark.line) == ("syntax", line)
    level.draw()


def test_a_runtime_error_pauses_and_marks_its_line(level: Game) -> None:
    scene = level.stage.level_scene
    press(level, pygame.K_e, unicode="e")
    crashing = FIXED_COOK.replace("        tray = await", "        1 / 0\n        tray = await")
    line = crashing.splitlines().index("        1 / 0") + 1
    scene.editor.panel.load(crashing)
    press(level, pygame.K_F5)
    scene.advance_to(60)
    assert level.time.paused
    (mark,) = scene.editor.panel.marks
    assert mark.kind == "error" and mark.line == line
    assert "ZeroDivisionError" in mark.message and mark.message.startswith("cook: ")
    assert "cook" in level.overlay.notice.text  # the actor named, in the engine's words
    assert "crashed" not in level.overlay.notice.text  # the engine's words, once
    press(level, pygame.K_e, unicode="e")  # the editor opens on the marked line
    assert scene.editor.visible and scene.editor.panel.marks
    assert scene.editor.panel.buffer.cursor == Pos(line - 1, 8)


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
    assert lines and all(met is None for _text, met, _why in lines) and solved is None
    level.draw()
    press(level, pygame.K_F5)  # the broken code as it is
    lines, solved = scene.editor.checklist()
    assert solved is False and any(met is False and why for _text, met, why in lines)
    assert "blocking-cook" not in level.score.solved
    level.draw()
    press(level, pygame.K_e, unicode="e")
    scene.editor.panel.load(FIXED_COOK)
    press(level, pygame.K_F5)
    assert scene.editor.checklist()[1] is True
    assert "blocking-cook" in level.score.solved  # the menu shows it solved
    level.draw()


def test_an_engine_that_fails_costs_the_run_not_the_game(level: Game) -> None:
    scene = level.stage.level_scene

    def broken(*args: object) -> None:
        raise RuntimeError("engine trouble")

    scene.editor.on_run_code = broken
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
