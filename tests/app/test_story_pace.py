"""Issue 22: story mode for a presenter. Played at 1x with SPACE only, no stretch between
two cards is long (empty stretches run faster); SPACE between cards hurries on to the next
beat; the last card offers the next step and SPACE on it opens both shops side by side."""

from __future__ import annotations

import pygame

from game.app.window import Game
from game.i18n import _
from game.view import story_card

FRAME = 1 / 60


def play_through(game: Game, space_between: bool = False) -> tuple[float, list[float]]:
    """Wall seconds to the end of the story, and the wall gap before each card."""
    game.stage.shop_scene.start_story()
    wall = last = 0.0
    gaps = []
    while game.time.story is not None and wall < 300:
        game.time.play(FRAME)
        wall += FRAME
        story = game.time.story
        if story is not None and story.card is not None:
            gaps.append(wall - last)
            last = wall
            game.key(pygame.K_SPACE)
            after = game.time.story
            if space_between and after is not None and after.card is None:
                game.key(pygame.K_SPACE)  # and on, at once, to the next beat
    return wall, gaps


def test_at_1x_with_space_only_no_stretch_is_long(game: Game) -> None:
    wall, gaps = play_through(game)
    assert game.time.story is None and len(gaps) == 16  # 7 + 6 beats, 2 lessons, the end
    assert max(gaps) < 8.0  # was 14 s between C1 and C2, C5 and C6
    assert wall < 60.0  # was 79 s of waiting for beats


def test_space_between_cards_hurries_to_the_next_beat(game: Game) -> None:
    calm, _gaps = play_through(game)
    hurried, gaps = play_through(game, space_between=True)
    assert len(gaps) == 16 and hurried < calm / 2


def test_the_last_card_offers_the_next_step_and_space_takes_it(game: Game) -> None:
    assert _(story_card.NEXT_STEP) in story_card.card_text("end", "parallel", "")
    play_through(game)
    assert game.time.story is None and game.stage.shop_scene.split  # side by side


def test_cards_and_the_timeline_never_cover_you_and_your_crush(game: Game) -> None:
    """At every card of the story, the card (and the strip) leave the pair it talks about
    in view; in the parallel shop the strip goes on top, off its only row of tables."""
    game.stage.shop_scene.start_story()
    checked = 0
    while game.time.story is not None and checked < 20:
        game.time.play(FRAME)
        story = game.time.story
        if story is None or story.card is None:
            continue
        couple = game.time.shop.protagonist
        card = game.panel("story").rect
        strip = game.panel("timeline")
        if story.mode == "parallel":
            assert strip.rect.bottom < 120 and strip.at_top
        if couple is not None and couple.you.visible:
            for person in couple.people:
                x, y = person.position_at(game.time.now)
                body = pygame.Rect(round(x) - 24, round(y) - 110, 48, 110)
                assert not body.colliderect(card), (story.card.code, body, card)
                assert not body.colliderect(strip.rect), (story.card.code, body)
        game.draw()
        checked += 1
        game.key(pygame.K_SPACE)
    assert checked >= 13
