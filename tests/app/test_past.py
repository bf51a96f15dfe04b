"""The past from records: a seek back draws, from the day's journals alone, exactly what a
straight run to that tick draws, in every scene and panel; the records stay small."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable, Iterator

import pygame
import pytest

from game.app import timekeeper
from game.app.clock import FPS, TICK, tick_of
from game.app.rewind import exact_reason
from game.app.timekeeper import build_worlds, run_worlds
from game.app.window import Game, open_window
from game.scheduler.journal import Ghost
from game.shop import CONCURRENT, PARALLEL, ShopConfig, measure
from game.view.hud import caption_for, caption_phase
from game.view.inspector import followed_task
from game.view.sound_cues import Listener

HORIZON = 150 * FPS  # the day is run this far first, then sought back into


@pytest.fixture(autouse=True)
def window() -> Iterator[None]:
    open_window(headless=True)
    yield
    pygame.quit()


def fresh() -> Game:
    game = Game(ShopConfig(), pygame.display.get_surface())
    game.paused = True
    return game


def pixels(game: Game) -> bytes:
    return pygame.image.tobytes(game.draw(), "RGB")


def texts(game: Game) -> list[str]:
    """What the panels drawn from records say, as text, in both shops and houses."""
    out: list[str] = []
    for shop in game.shops.values():
        out.append(f"{shop.now!r} {caption_for(shop, None)} {caption_phase(shop, None)}")
        out.append(repr(sorted(measure(shop).as_dict().items())))
        out += [f"{t!r}|{who}|{what}" for t, who, what in shop.log]
        out += [f"{b.time!r}|{b.code}" for b in shop.beats]
        out.append(repr(list(shop.display.history)))
        for couple in shop.couples:
            people = [
                (p.activity, p.since, p.speaking, p.position_at(shop.now)) for p in couple.people
            ]
            out.append(f"{couple.name}|{couple.phase}|{couple.caption}|{people}")
        for staff in shop.staff:
            task = followed_task(shop, staff)
            woken = (task.resumes, task.woken_by.time) if task is not None else None
            out.append(f"{staff.name}|{staff.activity}|{staff.timeline.current}|{woken}")
        sounds = Listener._shots(shop, shop.now - 5.0, shop.now), sorted(Listener._loops(shop))
        out.append(repr(sounds))  # what the sound player hears then
    for house in game.houses.values():
        out.append(
            f"{house.now!r} {house.done} {[r.clean_fraction_at(house.now) for r in house.rooms]}"
        )
        out += [f"{c.name}|{c.pose}|{c.position_at(house.now)}" for c in house.cleaners]
    return out


def follow_couple(game: Game) -> None:
    game.shop_scene.follow = ("couple", 6)


def follow_cook(game: Game) -> None:
    game.shop_scene.follow = ("staff", "cook")


SETUPS: dict[str, Callable[[Game], None]] = {
    "shop": lambda g: None,
    "parallel": lambda g: setattr(g, "mode", PARALLEL),
    "split": lambda g: setattr(g, "split", True),
    "house": lambda g: setattr(g, "scene", "house"),
    "house parallel": lambda g: (setattr(g, "scene", "house"), setattr(g, "mode", PARALLEL)),
    "timeline": lambda g: setattr(g, "show_timeline", True),
    "help": lambda g: setattr(g, "show_help", True),
    "following a couple": follow_couple,
    "following the cook, timeline": lambda g: (follow_cook(g), setattr(g, "show_timeline", True)),
    "story": lambda g: g.start_story(),
}


@pytest.mark.parametrize("setup", list(SETUPS))
def test_a_seek_back_draws_what_a_straight_run_draws(
    setup: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run the day on, then seek back: frame and texts equal those of the day really run
    from its seed straight to the tick (the same day so far on the timeline), and nothing
    was re-run for them: the shops shown are the records' ghosts."""
    ahead, straight = fresh(), fresh()
    for game in (ahead, straight):
        SETUPS[setup](game)
        game.paused = True
        game.seek(HORIZON)
    for target in (HORIZON - 1, 97 * FPS + 31, 41 * FPS, 3, 0):
        ahead.seek(target)
        assert ahead.ticks == target and ahead.horizon == HORIZON
        assert not exact_reason(ahead.time) and type(ahead.shop) is Ghost
        with monkeypatch.context() as m:  # the other one re-runs the day aside, as of old
            m.setattr(timekeeper, "exact_reason", lambda game: "re-run")
            straight.seek(target)
            assert type(straight.shop) is not Ghost
            assert pixels(ahead) == pixels(straight), (setup, target)
            assert texts(ahead) == texts(straight), (setup, target)


def test_held_left_plays_back_from_records_a_frame_a_tick(monkeypatch: pytest.MonkeyPatch) -> None:
    """No panel of live coroutines open: no rewinder, no re-run; each frame is the tick
    before, exactly as a straight run draws it."""
    game = fresh()
    game.show_timeline = True
    game.seek(90 * FPS)
    monkeypatch.setattr(pygame.key, "get_pressed", lambda: Held(pygame.K_LEFT))
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=pygame.K_LEFT, unicode=""))
    shown = []
    for _ in range(40):
        game.frame(1 / 60)
        assert game.rewind is None
        shown.append((game.ticks, pixels(game)))
    monkeypatch.setattr(pygame.key, "get_pressed", lambda: Held())
    game.frame(1 / 60)  # let go
    ticks = [t for t, _ in shown]
    assert ticks[-1] < 90 * FPS - 10 and ticks[-12:] == list(range(ticks[-12], ticks[-12] - 12, -1))
    assert game.horizon == 90 * FPS
    for tick, picture in shown[-3:]:
        straight = fresh()
        straight.show_timeline = True
        straight.seek(tick)
        straight.horizon = game.horizon  # the same day so far on the timeline strip
        straight.time._marks = game.time._marks
        assert pixels(straight) == picture, tick


class Held:
    def __init__(self, *keys: int) -> None:
        self.keys = keys

    def __getitem__(self, key: int) -> bool:
        return key in self.keys


def test_playing_on_from_the_past_reads_records_up_to_the_horizon_then_runs() -> None:
    game = fresh()
    game.seek(60 * FPS)
    game.seek(20 * FPS)
    game.paused = False
    for _ in range(10):
        game.play(1 / 60)
    assert game.ticks == 20 * FPS + 10 and type(game.shop) is Ghost
    game.seek(60 * FPS - 1)
    game.play(2 / 60)
    assert game.ticks == game.horizon == 60 * FPS + 1 and type(game.shop) is not Ghost
    straight = fresh()
    straight.seek(60 * FPS + 1)
    straight.paused = False
    assert pixels(game) == pixels(straight)


def test_a_panel_of_live_coroutines_is_drawn_from_the_day_run_aside() -> None:
    """The inspector and code view read coroutine frames: the past is re-run for them, in
    worlds aside; the live ones stay at the furthest tick."""
    game = fresh()
    game.seek(HORIZON)
    game.show_inspector = game.show_code = True
    follow_couple(game)
    game.seek(50 * FPS)
    assert exact_reason(game.time) and type(game.shop) is not Ghost
    assert game.time.live[0][CONCURRENT].now == pytest.approx(HORIZON * TICK)
    straight = fresh()
    straight.show_inspector = straight.show_code = True
    follow_couple(straight)
    straight.seek(50 * FPS)
    assert pixels(game) == pixels(straight)


def test_the_records_of_a_virtual_hour_stay_small() -> None:
    """Memory the journals add to a day, per virtual hour (both shops, both houses)."""
    minutes = 10
    ticks = minutes * 60 * FPS

    def allocated(record: bool) -> int:
        tracemalloc.start()
        shops, houses = build_worlds(ShopConfig(), record=record)
        run_worlds(shops, houses, 0, ticks)
        size = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        return size

    per_hour = (allocated(True) - allocated(False)) * 60 / minutes / 1e6
    assert per_hour < RECORDS_MB_PER_HOUR, f"{per_hour:.1f} MB of records per virtual hour"


RECORDS_MB_PER_HOUR = 11.0  # measured: 8.9 MB over 20 min (both shops and both houses)


def test_a_beat_from_the_past_lands_on_its_tick() -> None:
    game = fresh()
    game.seek(HORIZON)
    beats = list(game.marks()[0])
    assert beats
    game.seek(0)
    game.jump_beat(1)
    assert game.ticks == tick_of(beats[0].time) and type(game.shop) is Ghost
