"""Levels 8 (the web server) and 9 (too many at once) in the window: predicted, watched,
the learner's fix written in the editor and run with F5, drawn at each step."""

from __future__ import annotations

import pygame
import pytest

from game.app.level_scenes import WATCH, YOURS
from game.app.window import Game
from game.shop import learner
from game.shop.levels import level_named

FIXES = {
    "def-or-async-def": (  # a plain def: FastAPI runs it on a thread
        "async def read_burgers():\n    burgers = get_burgers_sync(2)",
        "def read_burgers():\n    burgers = get_burgers_sync(2)",
    ),
    "too-many-at-once": (
        "    batches = range(1, 201)\n"
        "    await asyncio.gather(*(me.order_buns(batch) for batch in batches))",
        "    limit = asyncio.Semaphore(3)\n\n"
        "    async def buns(batch):\n"
        "        async with limit:\n"
        "            return await me.order_buns(batch)\n\n"
        "    await asyncio.gather(*(buns(batch) for batch in range(1, 201)))",
    ),
}


def press(game: Game, key: int, unicode: str = "") -> None:
    game.handle(pygame.Event(pygame.KEYDOWN, key=key, mod=0, unicode=unicode))


@pytest.mark.parametrize("name", list(FIXES))
def test_predict_watch_and_fix_it_yourself(game: Game, name: str) -> None:
    level = level_named(name)
    game.stage.start_level(name)
    scene = game.stage.level_scene
    game.draw()  # the question
    scene.choose(level.right)
    scene.close_verdict()
    assert scene.phase == WATCH
    scene.advance_to(40)
    game.draw()  # the mistake, watched
    press(game, pygame.K_e, unicode="e")
    assert scene.editor.visible
    calls = [v.call for v in scene.editor.verbs]
    assert ("get_burgers" in calls) if name == "def-or-async-def" else ("me.order_buns" in calls)
    game.draw()
    start, fixed = FIXES[name]
    code = learner.starting_code(level)
    assert start in code
    scene.editor.panel.load(code.replace(start, fixed))
    press(game, pygame.K_F5)
    assert scene.phase == YOURS
    assert scene.editor.checklist()[1] is True
    assert name in game.score.solved
    scene.advance_to(60)
    game.draw()  # their day, with their code
