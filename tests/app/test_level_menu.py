"""The level menu reaches every level, beyond the four the letters name."""

from __future__ import annotations

import pygame
import pytest

from game.app.keys import LEVEL, LEVELS_MENU
from game.app.window import Game
from game.shop.levels import LEVELS
from game.view.level_view import menu_rows


def press(game: Game, key: int) -> None:
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=key, unicode=""))
    game.frame(0)


def test_up_down_and_enter_play_the_fifth_level(game: Game) -> None:
    game.stage.show(LEVELS_MENU)
    game.frame(0)
    for _ in range(4):
        press(game, pygame.K_DOWN)
    press(game, pygame.K_RETURN)
    assert game.stage.name == LEVEL and game.stage.level_scene.level is LEVELS[4]


def test_up_from_the_first_row_wraps_to_the_last(game: Game) -> None:
    game.stage.show(LEVELS_MENU)
    game.frame(0)
    press(game, pygame.K_UP)
    press(game, pygame.K_RETURN)
    assert game.stage.level_scene.level is LEVELS[-1]


def test_every_row_is_on_screen_and_none_overlaps() -> None:
    for count in range(1, 13):  # eleven levels, and room for one more
        rows = menu_rows((1280, 720), count)
        clear = pygame.Rect(0, 200, 1280, 430)  # above the kitchen row (y 636)
        assert all(clear.contains(r) for r in rows), count
        assert not any(a.colliderect(b) for i, a in enumerate(rows) for b in rows[i + 1 :])


def test_a_click_on_the_fifth_row_plays_it(game: Game) -> None:
    game.stage.show(LEVELS_MENU)
    game.frame(0)
    rect = menu_rows(game.screen.get_size(), len(LEVELS))[4]
    pygame.event.post(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=rect.center))
    game.frame(0)
    assert game.stage.level_scene.level is LEVELS[4]


def test_a_level_this_python_cannot_play_is_refused_with_its_reason(
    game: Game, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Level 11 on Python 3.10 (no except*): the menu says why, and stays."""
    from game.shop import levels

    real = levels.needs_python
    monkeypatch.setattr(levels, "needs_python", lambda level: real(level, (3, 10, 13)))
    game.stage.show(LEVELS_MENU)
    game.frame(0)
    game.stage.start_level("gather-or-taskgroup")
    assert game.stage.name == LEVELS_MENU
    assert "needs Python 3.11 or newer" in game.overlay.notice.text


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_every_rows_text_stays_inside_its_row(scale: float) -> None:
    """With all the levels the rows are low: no title or command line runs past a row."""
    from game.view import text
    from game.view.level_view import draw_menu

    pygame.font.init()
    text.set_scale(scale)
    try:
        surface = pygame.Surface((1280, 720))
        rects = draw_menu(surface, LEVELS, {}, set())
        background = surface.get_at((5, 5))
        for rect in rects:
            for y in (rect.top - 4, rect.top - 3, rect.bottom + 3, rect.bottom + 4):
                row = [surface.get_at((x, y)) for x in range(rect.left, rect.right)]
                assert all(c == background for c in row), (rect, y, scale)
    finally:
        text.set_scale(1.0)
        text.reset()
