"""The learner's code in a level scene: run it, watch its day, its problems pause the day at
their line, the goals checklist, the score, a --code FILE replayed when it is saved."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from game.app import code_store
from game.app.level_scenes import YOURS
from game.app.window import Game
from game.shop import learner
from game.shop.levels import level_named


def start(game: Game, name: str) -> str:
    game.start_level(name)
    return learner.starting_code(level_named(name))


def test_right_code_solves_the_level_and_the_menu_knows(game: Game) -> None:
    text = start(game, "blocking-cook").replace(
        "tray = me.cook_burgers_sync(order, grill)", "tray = await me.cook_burgers(order, grill)"
    )
    scene = game.level_scene
    compiled = scene.run_code(text)
    assert compiled.ok and scene.phase == YOURS
    assert scene.day is not None and scene.day.solved
    assert game.score.solved == {"blocking-cook"}
    assert code_store.load("blocking-cook") == text  # kept
    assert scene.code_text() == text
    game.update(0.25)
    assert scene.ticks == 15
    game.draw()


def test_a_syntax_error_runs_nothing_and_says_where(game: Game) -> None:
    start(game, "blocking-cook")
    scene = game.level_scene
    compiled = scene.run_code("import asyncio\nasync def cook(shop, me, grill)\n")
    assert not compiled.ok and (compiled.errors[0].line, compiled.errors[0].col) == (2, 32)
    assert scene.phase != YOURS
    assert "line 2, column 32" in game.notice.text


def test_a_runaway_pauses_the_day_at_its_line_and_the_frames_go_on(game: Game) -> None:
    text = start(game, "blocking-cook").replace(
        "        tray = me.cook_burgers_sync",
        "        while True:\n            pass\n        tray = me.cook_burgers_sync",
    )
    scene = game.level_scene
    scene.run_code(text)
    assert scene.day is not None and not scene.day.solved
    slowest = 0.0
    for _frame in range(120):  # long frames: a quarter of a second of the day each
        began = time.monotonic()
        game.update(0.25)
        game.draw()
        slowest = max(slowest, time.monotonic() - began)
        if game.paused:
            break
    assert game.paused  # the problem paused the day
    problem = scene.problems[0]
    loop = text.splitlines().index("        while True:") + 1
    assert problem.actor == "cook" and problem.kind == "runaway"
    assert problem.line in (loop, loop + 1)
    assert "never reached an await" in game.notice.text
    assert slowest < 1.5  # one step's budget, not a frozen game
    problem_tick = scene.ticks
    for _frame in range(30):  # and it goes on once resumed
        game.paused = False
        game.update(1 / 60)
        game.draw()
    assert scene.ticks > problem_tick + 20


def test_reset_gives_the_starting_code_back(game: Game) -> None:
    start(game, "forgotten-await")
    scene = game.level_scene
    scene.run_code("# mine\nimport asyncio\n")
    assert scene.code_text() == "# mine\nimport asyncio\n"
    assert scene.reset_code() == learner.starting_code(level_named("forgotten-await"))
    assert scene.code_text() == learner.starting_code(level_named("forgotten-await"))


def test_code_file_is_played_and_replayed_when_saved(game: Game, tmp_path: Path) -> None:
    text = start(game, "cpu-on-the-loop")
    path = tmp_path / "mine.py"
    path.write_text(text, encoding="utf-8")
    scene = game.level_scene
    scene.watch_file(str(path))
    assert scene.phase == YOURS and scene.day is not None and not scene.day.solved
    fixed = text.replace(
        "order.recipe = me.work_out_recipe(order)",
        "order.recipe = await asyncio.to_thread(me.work_out_recipe, order)",
    )
    path.write_text(fixed, encoding="utf-8")
    stamp = os.stat(path).st_mtime + 1
    os.utime(path, (stamp, stamp))
    game.update(0.6)  # the file is looked at twice a second
    assert scene.day.solved
    assert code_store.load("cpu-on-the-loop") is None  # FILE is the learner's, not kept


@pytest.mark.parametrize("name", ["one-after-another", "kitchen"])
def test_every_playable_level_draws_with_your_code(game: Game, name: str) -> None:
    text = start(game, name)
    game.level_scene.run_code(text)
    game.update(0.5)
    game.draw()
