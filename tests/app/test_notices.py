"""Issue 22: notices queue one above the other instead of covering each other; one with
the same reason replaces the old; a stale one goes when its reason goes; a key that cannot
act now says why."""

from __future__ import annotations

import pygame

from game.app.sections import NOTICE_ROWS, NOTICE_SECONDS
from game.app.window import Game
from game.i18n import _


def test_notices_in_a_row_stack_without_overlapping(game: Game) -> None:
    game.key(pygame.K_F3)  # colours
    game.key(pygame.K_z)  # text size
    game.key(pygame.K_F2)  # language
    notice = game.notice
    assert len(notice.lines) == 3
    rects = notice.rects()
    assert all(a.bottom <= b.top for a, b in zip(rects, rects[1:], strict=False))
    assert notice.text.startswith(_("Language: {name}").split("{")[0])  # the newest, lowest
    game.draw()


def test_the_same_reason_replaces_and_at_most_a_few_are_up(game: Game) -> None:
    for _press in range(3):
        game.key(pygame.K_z)  # text size thrice: one notice, the latest size
    assert len(game.notice.lines) == 1 and game.notice.text == _("Text size: {scale}x").format(
        scale="1"
    )
    for i in range(NOTICE_ROWS + 2):
        game.notice.show(f"news {i}")
    assert len(game.notice.lines) == NOTICE_ROWS and game.notice.text == f"news {NOTICE_ROWS + 1}"


def test_notices_age_and_a_click_takes_one_away(game: Game) -> None:
    game.notice.show("old")
    game.update(NOTICE_SECONDS / 2)
    game.notice.show("new")
    game.update(NOTICE_SECONDS / 2 + 0.01)
    assert [n.text for n in game.notice.lines] == ["new"]
    game.click(game.notice.rects()[0].center)
    assert not game.notice.visible


def test_a_step_key_while_running_says_why_until_paused(game: Game) -> None:
    game.advance_to(1)
    pause_first = _("pause first: SPACE (then RIGHT / LEFT step one tick)")
    for key in (pygame.K_RIGHT, pygame.K_LEFT):
        game.key(key)
        assert game.notice.text == pause_first and game.ticks == 60
    assert len(game.notice.lines) == 1
    game.key(pygame.K_SPACE)
    assert game.paused and not game.notice.visible  # done: the notice went
