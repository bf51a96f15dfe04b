"""Issue 22: the first screen says what this is and offers the path; shown on the first
run only (remembered in the data directory), on W, and never in headless runs."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pygame

from game.app import welcome
from game.app.cli import main as cli_main
from game.app.keys import HOUSE, LEVELS_MENU, SHOP, help_rows
from game.app.start import welcome_first_run
from game.view.welcome import STEPS, layout


def args(**kw: object) -> argparse.Namespace:
    return argparse.Namespace(**{"record": None, "level": None, "story": False, **kw})


def test_the_first_run_is_remembered_beside_the_score() -> None:
    assert welcome.first_run()
    assert welcome.remember() is None
    assert not welcome.first_run()
    assert welcome.seen_path().parent == Path(os.environ["ASYNC_BURGERS_DATA"])


def test_first_run_shows_it_once_and_the_day_waits_behind_it(game) -> None:  # noqa: ANN001
    welcome_first_run(game, args())
    assert game.overlay.welcome.visible and game.paused
    game.key(pygame.K_SPACE)  # just watch: closed, and the day runs as it did before
    assert not game.overlay.welcome.visible and not game.paused
    welcome_first_run(game, args())  # the second run: straight to the shop
    assert not game.overlay.welcome.visible


def test_a_recording_a_level_or_the_story_asked_for_skip_it(game) -> None:  # noqa: ANN001
    asked_for = (args(record="clip.gif"), args(level="blocking-cook"), args(story=True))
    for asked in (*asked_for, args(frames=20)):  # and a scripted run of a few frames
        welcome_first_run(game, asked)
        assert not game.overlay.welcome.visible
    assert welcome.first_run()  # still unseen: the next real first run shows it


def test_a_screenshot_never_shows_it(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    assert cli_main(["--screenshot", str(out), "--at", "1"]) == 0
    assert out.exists() and welcome.first_run()


def test_w_opens_it_anywhere_and_its_keys_take_the_path(game) -> None:  # noqa: ANN001
    assert any(label == "W" for label, _text, works in help_rows(SHOP) if works)
    game.key(pygame.K_w)
    assert game.overlay.welcome.visible
    game.key(pygame.K_3)  # the house: closed, and there
    assert not game.overlay.welcome.visible and game.scene == HOUSE
    game.key(pygame.K_w)
    game.key(pygame.K_4)
    assert game.scene == LEVELS_MENU and not game.overlay.welcome.visible
    game.key(pygame.K_w)
    game.key(pygame.K_5)  # your own script: its scene (or how to bring one)
    assert game.stage.name == "script" and not game.overlay.welcome.visible
    game.key(pygame.K_w)
    game.key(pygame.K_t)  # the story, from its opening
    assert game.scene == SHOP and game.story is not None and not game.overlay.welcome.visible


def test_other_keys_wait_for_the_card(game) -> None:  # noqa: ANN001
    game.key(pygame.K_w)
    game.key(pygame.K_s)  # side by side would open behind the card: it does not
    assert game.overlay.welcome.visible and not game.split
    game.key(pygame.K_ESCAPE)  # closes the card, does not quit
    assert game.running and not game.overlay.welcome.visible


def test_clicking_a_row_takes_that_step(game) -> None:  # noqa: ANN001
    game.key(pygame.K_w)
    _card, rows = layout(game.screen.get_size())
    keys = [key for key, _name, _why in STEPS]
    game.click(rows[keys.index("C")].center)  # the code: someone followed, their code shown
    assert not game.overlay.welcome.visible and game.selected is not None and game.show_code
    game.advance_to(20)  # you and your crush are in: the code view shows yours
    game.key(pygame.K_w)
    game.key(pygame.K_c)
    assert game.selected is game.shop.protagonist and game.show_code


def test_it_fits_the_screen_at_every_text_size(game) -> None:  # noqa: ANN001
    from game.view.text import set_scale

    for scale in (1.0, 1.25, 1.5):
        set_scale(scale)
        card, rows = layout(game.screen.get_size())
        assert game.screen.get_rect().contains(card)
        assert all(card.contains(row) for row in rows)
        assert rows[-1].bottom <= card.bottom - 30  # room for the hint under the path
        game.key(pygame.K_w)
        game.draw()
        game.key(pygame.K_w)
