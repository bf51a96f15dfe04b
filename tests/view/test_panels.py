"""Inspector, code view, split screen, charts and story mode, driven like a player would."""

from __future__ import annotations

import pygame
import pytest

from game.app.window import Game
from game.scheduler import SLEEPING, WAITING
from game.shop import CONCURRENT, PARALLEL
from game.shop.story import story_order
from game.view.code_view import meaning, paused_at, source_of
from game.view.inspector import followed_task, short_state, task_rows


def press(game: Game, key: int) -> None:
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=key, unicode=""))
    game.frame(0)


def area(game: Game, rect: pygame.Rect) -> bytes:
    return pygame.image.tobytes(game.screen.subsurface(rect), "RGB")


@pytest.mark.parametrize(
    ("key", "flag", "rect"),
    [
        (pygame.K_i, "show_inspector", pygame.Rect(820, 40, 440, 600)),
        (pygame.K_c, "show_code", pygame.Rect(10, 40, 620, 300)),
        (pygame.K_s, "split", pygame.Rect(0, 400, 1280, 250)),
        (pygame.K_g, "show_charts", pygame.Rect(0, 40, 1280, 600)),
    ],
)
def test_each_toggle_changes_state_and_draws_its_panel(
    game: Game, key: int, flag: str, rect: pygame.Rect
) -> None:
    game.advance_to(30)
    game.frame(0)
    before = area(game, rect)
    press(game, key)
    assert getattr(game, flag) is True
    assert area(game, rect) != before
    press(game, key)
    assert getattr(game, flag) is False
    assert area(game, rect) == before


def test_inspector_shows_the_schedulers_own_names_and_states(game: Game) -> None:
    game.advance_to(40)
    shop = game.shop
    rows = {t.name: short_state(t) for _, tasks in task_rows(shop) for t in tasks}
    kernel = {t.name: short_state(t) for t in shop.kernel.tasks if t.alive}
    assert rows == kernel
    assert {"cashier", "cook", "arrivals"} <= rows.keys()
    states = {t.state for t in shop.kernel.tasks if t.alive}
    assert states <= {SLEEPING, WAITING}  # between ticks nobody is running


def test_stepping_shows_the_hand_over(game: Game) -> None:
    game.advance_to(20)
    press(game, pygame.K_SPACE)
    seen: list[str] = []
    for _ in range(600):
        game.step()
        for handover in game.shop.kernel.trace or []:
            if handover.time > 20 and handover.name not in seen:
                seen.append(handover.name)
        if len(seen) >= 3:
            break
    assert len(seen) >= 3  # several tasks took turns, one after another


def flirting_couple(game: Game):
    for _ in range(60 * 120):
        game.step()
        for couple in game.shop.couples:
            if couple.phase == "flirting" and couple.you.seated:
                return couple
    raise AssertionError("nobody flirted in two minutes")


def test_code_view_highlights_the_line_the_frame_reports_for_a_flirting_couple(game: Game):
    couple = flirting_couple(game)
    task = followed_task(game.shop, couple)
    assert task is not None
    code, line, chain = paused_at(task)
    assert line == task.coro.cr_frame.f_lineno
    start, lines = source_of(code)
    assert "talk_until" in lines[line - start]
    assert "talk_until" in " ".join(chain)


def test_code_view_shows_a_parallel_couple_blocked_at_the_counter(game: Game) -> None:
    game.mode = PARALLEL
    for _ in range(60 * 120):
        game.step()
        standing = [c for c in game.shop.couples if c.phase == "standing"]
        if standing:
            break
    task = followed_task(game.shop, standing[0])
    code, line, _ = paused_at(task)
    start, lines = source_of(code)
    assert "wait_at" in lines[line - start]
    assert task.state == WAITING and "burgers at counter" in task.describe()
    assert "Blocked until 'burgers at counter" in meaning(task)


def test_clicking_a_character_opens_its_code(game: Game) -> None:
    couple = flirting_couple(game)
    x, y = couple.crush.position_at(game.shop.now)
    pygame.event.post(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(int(x), int(y - 30))))
    game.frame(0)
    assert game.selected is couple and game.show_code


def test_side_by_side_runs_both_shops_on_the_same_arrivals(game: Game) -> None:
    press(game, pygame.K_s)
    game.advance_to(300)
    concurrent, parallel = game.shops[CONCURRENT], game.shops[PARALLEL]

    def arrivals(shop):  # noqa: ANN001, ANN202
        return sorted((c.index, c.arrived) for c in [*shop.couples, *shop.departed])

    assert arrivals(concurrent) == arrivals(parallel)
    assert concurrent.now == parallel.now == game.now
    press(game, pygame.K_SPACE)
    frozen = (concurrent.now, parallel.now)
    press(game, pygame.K_RIGHT)
    assert concurrent.now == parallel.now > frozen[0]


def test_split_screen_click_selects_in_the_right_half(game: Game) -> None:
    press(game, pygame.K_s)
    couple = flirting_couple(game)
    x, y = couple.you.position_at(game.shop.now)
    pygame.event.post(
        pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(int(x / 2), int(30 + (y - 30) / 2)))
    )
    game.frame(0)
    assert game.mode == CONCURRENT and game.selected is couple


def test_story_mode_stops_at_every_beat_in_order(game: Game) -> None:
    press(game, pygame.K_t)
    cards = []
    for _ in range(200_000):
        game.update(1 / 60)
        story = game.story
        if story is None:
            break
        if story.card is not None:
            assert game.paused
            frozen = game.now
            game.update(1 / 60)
            assert game.now == frozen  # stays on the beat until SPACE
            cards.append((story.card.kind, story.card.code))
            if story.card.kind == "beat":
                shown = sum(1 for kind, _ in cards if kind == "beat") - 1
                if game.mode == PARALLEL:
                    shown -= len(story_order(CONCURRENT))
                beat = game.shop.beats[shown]
                assert beat.code == story.card.code and beat.time <= game.now
            press(game, pygame.K_SPACE)
        elif story.finished:
            press(game, pygame.K_SPACE)
    beats = [code for kind, code in cards if kind == "beat"]
    assert beats == story_order(CONCURRENT) + story_order(PARALLEL)
    assert [kind for kind, _ in cards if kind != "beat"] == ["lesson", "lesson", "end"]
    assert game.story is None
