"""A new scene is one class plus its key rows, and nothing else edited: this file is the
whole of one (a tally counter), and the window, the help and the README table take it in."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from game.app import keys
from game.app.keys import (
    ANYWHERE,
    LEVEL,
    SHOP,
    Binding,
    collect,
    help_rows,
    markdown_table,
    scene_words,
)
from game.app.scenes import Scene
from game.app.stage import SCENES
from game.app.window import Game, open_window
from game.i18n import N_
from game.shop import ShopConfig
from game.view.text import label


class TallyScene(Scene):
    """Counts presses of X: what a new scene needs, and no more."""

    name = "tally"
    words = "tally counter"
    BINDINGS = (
        Binding(
            "9",
            ANYWHERE,
            "show('tally')",
            N_("the tally"),
            "the tally counter",
            keys=(pygame.K_9,),
        ),
        Binding("X", (), "count", N_("count one more"), "count one more", keys=(pygame.K_x,)),
    )

    def __init__(self, game: Game) -> None:
        super().__init__(game)
        self.count = 0

    def action_count(self) -> None:
        self.count += 1

    def world(self) -> None:
        return None

    def update(self, wall_dt: float) -> None:
        """A counter has no day of its own: the shops wait, like in the level menu."""

    def draw_scene(self, surface: pygame.Surface) -> None:
        surface.fill((20, 40, 60))
        surface.blit(label(str(self.count), 40, (255, 255, 255)), (40, 40))


WITH_TALLY = (*SCENES, TallyScene)


@pytest.fixture
def game() -> Iterator[Game]:
    yield Game(ShopConfig(), open_window(headless=True), scenes=WITH_TALLY)
    pygame.quit()


def press(game: Game, key: int) -> None:
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=key, unicode=""))
    game.frame(0)


def test_its_row_reaches_it_from_every_scene(game: Game) -> None:
    for scene in (*[s.name for s in SCENES], "tally"):
        game.stage.show(scene)
        press(game, pygame.K_9)
        assert game.stage.name == "tally"


def test_its_own_row_works_there_and_nowhere_else(game: Game) -> None:
    tally = game.stage.scenes["tally"]
    press(game, pygame.K_x)  # in the shop: no row of the shop has X
    assert tally.count == 0 and game.stage.name == SHOP
    press(game, pygame.K_9)
    press(game, pygame.K_x)
    press(game, pygame.K_x)
    assert tally.count == 2
    game.frame(1 / 60)
    assert game.screen.get_at((5, 5))[:3] == (20, 40, 60)


def test_the_keys_for_every_scene_work_in_it_and_the_others_do_not(game: Game) -> None:
    press(game, pygame.K_9)
    ticks = game.time.ticks
    press(game, pygame.K_SPACE)  # SPACE lists the shops, the house and a level: not here
    assert not game.time.paused and game.time.ticks == ticks
    press(game, pygame.K_h)  # the help is for every scene
    assert game.panel("help").visible
    press(game, pygame.K_4)
    assert game.stage.name == "levels"
    game.stage.show("tally")
    press(game, pygame.K_ESCAPE)
    assert not game.running


def test_the_help_and_the_readme_table_list_its_rows(game: Game) -> None:
    table = collect(WITH_TALLY)
    assert table[: len(keys.KEYS)] == keys.KEYS and [b.label for b in table[-2:]] == ["9", "X"]
    assert game.stage.bindings == table
    here = {label: works for label, _text, works in help_rows("tally", table)}
    elsewhere = {label: works for label, _text, works in help_rows(LEVEL, table)}
    assert here["X"] and not elsewhere["X"] and here["9"] and elsewhere["9"]
    assert not here["SPACE"] and here["F2"]
    readme = markdown_table(table, scene_words(WITH_TALLY))
    assert "| `X` | tally counter | count one more |" in readme
    every = ", ".join(scene_words(WITH_TALLY).values())  # the game's scenes, then the tally
    assert every.startswith("shops, house, level menu, levels") and every.endswith("tally counter")
    assert f"| `9` | {every} | the tally counter |" in readme
