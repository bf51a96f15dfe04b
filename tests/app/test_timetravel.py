"""Time travel: a seek shows exactly the moment it lands on, however the player got there."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pygame
import pytest

from game.app.clock import tick_of
from game.app.window import TICK, Game, open_window
from game.shop import CONCURRENT, PARALLEL, ShopConfig
from game.view.code_view import await_chain, meaning
from game.view.inspector import followed_task
from game.view.timeline import bar_of, x_of


@pytest.fixture
def game() -> Iterator[Game]:
    yield Game(ShopConfig(), open_window(headless=True))
    pygame.quit()


def fresh() -> Game:
    return Game(ShopConfig(), pygame.display.get_surface())


def pixels(game: Game) -> bytes:
    return pygame.image.tobytes(game.draw(), "RGB")


def texts(game: Game) -> list[str]:
    """What the inspector and the code view say, as text: every task's state, the hand-over
    log, the followed task's await chain and its meaning."""
    shop = game.shop
    out = [f"t={shop.now!r}"]
    out += [f"{t.name}|{t.describe()}|{t.resumes}" for t in shop.kernel.tasks]
    out += [f"{h.time!r}|{h.name}|{h.after}|{h.resume}" for h in shop.kernel.trace or []]
    task = followed_task(shop, game.selected)
    if task is not None:
        out += [f"{link.name}|{link.where}|{link.text}" for link in await_chain(task)]
        out.append(meaning(task))
    return out


def model(game: Game) -> list[str]:
    """Both shops' event logs and traces and both houses' strokes: the whole model."""
    out: list[str] = []
    for shop in game.shops.values():
        out += [f"{t!r}|{who}|{what}" for t, who, what in shop.log]
        out += [f"{h.time!r}|{h.name}|{h.after}" for h in shop.kernel.trace or []]
        out += [f"{t.name}|{t.describe()}" for t in shop.kernel.tasks]
    for house in game.houses.values():
        out += [repr(room.strokes) for room in house.rooms]
    return out


def follow_flirting(game: Game) -> None:
    game.mode = CONCURRENT
    game.selected = next(c for c in game.shop.couples if c.phase == "flirting")
    game.show_inspector = game.show_code = True


def test_one_run_to_t_is_the_same_run_as_tick_by_tick(game: Game) -> None:
    """The ground the seek stands on: running to t in chunks (cut only where tasks are
    pruned) gives the same event log, trace, tasks and frame as running tick by tick."""
    ticks = 1500  # past two prune ticks
    for _ in range(ticks):
        game.step()
    game.paused = True
    follow_flirting(game)
    by_tick, by_tick_pixels, by_tick_texts = model(game), pixels(game), texts(game)
    other = fresh()
    other.paused = True
    other.seek(ticks)
    follow_flirting(other)
    assert other.ticks == ticks and other.now == game.now
    assert model(other) == by_tick
    assert texts(other) == by_tick_texts
    assert pixels(other) == by_tick_pixels


def test_seek_back_then_forward_shows_the_identical_moment(game: Game) -> None:
    game.paused = True
    game.seek(70 * 60)
    follow_flirting(game)
    before, said = pixels(game), texts(game)
    for target in (30 * 60, 90 * 60, 70 * 60, 0, 70 * 60):  # back, past it, back, home, again
        game.seek(target)
        assert game.ticks == target
        if target != 70 * 60:
            assert pixels(game) != before
    assert game.selected is not None and game.selected.index == followed_index(before, game)
    assert texts(game) == said
    assert pixels(game) == before


def followed_index(_: bytes, game: Game) -> int:
    return game.selected.index  # type: ignore[attr-defined]


def test_stepping_back_n_ticks_equals_seeking_to_t_minus_n(game: Game) -> None:
    game.paused = True
    game.seek(47 * 60)
    game.show_inspector = True
    for _ in range(7):
        game.key(pygame.K_LEFT)
    assert game.ticks == 47 * 60 - 7
    stepped, said = pixels(game), texts(game)
    other = fresh()
    other.paused = True
    other.show_inspector = True
    other.seek(47 * 60 - 7)
    assert pixels(other) == stepped
    assert texts(other) == said


def test_left_does_nothing_while_running_or_at_the_start(game: Game) -> None:
    game.key(pygame.K_LEFT)
    assert game.ticks == 0
    game.advance_to(2)
    game.key(pygame.K_LEFT)  # running: LEFT is for a paused shop, as RIGHT is
    assert game.ticks == 120


@pytest.mark.parametrize(
    "setup",
    [
        "shop",
        "parallel",
        "inspector",
        "code",
        "charts",
        "split",
        "house",
        "help",
        "timeline",
    ],
)
def test_a_frame_is_the_same_with_or_without_the_frames_before(setup: str) -> None:
    """The view is a function of the model and t: drawing earlier frames first (as a
    running game does) changes nothing in the frame drawn at t, in any panel."""
    open_window(headless=True)

    def prepare(game: Game) -> None:
        game.paused = True
        if setup == "parallel":
            game.mode = PARALLEL
        elif setup in ("inspector", "code"):
            game.shop_scene.follow = ("couple", 6)  # kept by name until they come in
            game.show_inspector = setup == "inspector"
            game.show_code = True
        elif setup == "charts":
            game.show_charts = True
        elif setup == "split":
            game.split = True
        elif setup == "house":
            game.scene = "house"
        elif setup == "help":
            game.show_help = True
        elif setup == "timeline":
            game.show_timeline = True

    watched = fresh()
    prepare(watched)
    for second in range(40, 80):  # drawn every second on the way, as a player watches
        watched.seek(second * 60)
        watched.draw()
    watched.seek(80 * 60)
    cold = fresh()
    prepare(cold)
    cold.seek(80 * 60)
    if setup in ("inspector", "code"):
        assert cold.selected is not None and watched.selected is not None
    assert pixels(watched) == pixels(cold)
    pygame.quit()


def test_after_a_seek_the_story_card_is_the_one_up_at_that_moment(game: Game) -> None:
    game.start_story()
    while game.story is not None and game.story.card is None:
        game.play(TICK)
    assert game.story is not None and game.story.card is not None
    first_beat, at = game.story.card.code, game.ticks
    game.space()  # acknowledge it and go on to the second beat
    while game.story.card is None:
        game.play(TICK)
    second_beat, second_at = game.story.card.code, game.ticks
    assert second_beat != first_beat
    game.seek(at)
    assert game.story.card is not None and game.story.card.code == first_beat and game.paused
    game.seek(at + 1)
    assert game.story.card is None and game.story.shown == 1
    game.seek(at - 1)
    assert game.story.card is None and game.story.shown == 0
    game.seek(second_at)
    assert game.story.card is not None and game.story.card.code == second_beat
    game.seek(second_at + 10 * 60 * 60)  # long after the last beat: the lesson is up
    assert game.story.card is not None and game.story.card.kind == "lesson"


def test_split_tab_house_and_restart_work_after_a_seek(game: Game) -> None:
    game.paused = True
    game.seek(90 * 60)
    game.seek(20 * 60)
    game.key(pygame.K_s)
    assert game.split
    assert pixels(game) == pixels(game)
    game.key(pygame.K_s)
    game.key(pygame.K_TAB)
    assert game.mode == PARALLEL and game.shop.now == pytest.approx(20.0)
    game.key(pygame.K_3)
    assert game.scene == "house" and game.houses[PARALLEL].now == pytest.approx(20.0)
    game.key(pygame.K_r)
    assert game.ticks == 0 and game.shop.now == 0.0


class Held:
    """``pygame.key.get_pressed()`` with some keys held down."""

    def __init__(self, *keys: int) -> None:
        self.keys = set(keys)

    def __getitem__(self, key: int) -> bool:
        return key in self.keys


def test_holding_left_plays_back_the_very_frames_a_seek_draws(
    game: Game, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the inspector and the code view open, the frames of a held LEFT (read back from
    the records) are pixel for pixel what an exact seek to each tick draws; letting go
    lands exactly."""
    game.paused = True
    game.seek(80 * 60 + 7)
    follow_flirting(game)
    monkeypatch.setattr(pygame.key, "get_pressed", lambda: Held(pygame.K_LEFT))
    shown = []
    for _ in range(45):  # one frame each, past the hold delay: 0.35 s at 60 frames a second
        game.frame(1 / 60)
        shown.append((game.ticks, pixels(game)))
    assert game.ticks < 80 * 60 + 7 - 10
    assert game.horizon == 80 * 60 + 7  # the live model stays put while frames play back
    other = fresh()
    other.paused = True
    other.selected = None
    other.shop_scene.follow = game.shop_scene.follow
    other.show_inspector = other.show_code = True
    for tick, picture in shown[-14:]:
        other.seek(tick)
        assert pixels(other) == picture, tick
    monkeypatch.setattr(pygame.key, "get_pressed", lambda: Held())
    last = shown[-1]
    game.frame(1 / 60)  # let go: the tick on screen stays
    assert game.ticks == last[0]
    assert pixels(game) == last[1]
    other.seek(last[0])
    assert texts(game) == texts(other)


def test_real_window_left_changes_the_picture_and_right_returns_to_it(game: Game) -> None:
    """The real loop: posted key events, frames drawn by ``frame``."""
    game.advance_to(30)
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=pygame.K_SPACE, unicode=" "))
    game.frame(1 / 60)
    assert game.paused
    before = pixels(game)
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=pygame.K_LEFT, unicode=""))
    game.frame(1 / 60)
    back = pixels(game)
    assert back != before and game.ticks == 30 * 60 - 1
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, unicode=""))
    game.frame(1 / 60)
    assert game.ticks == 30 * 60 and pixels(game) == before


def test_timeline_click_and_drag_seek_and_marks_snap(game: Game) -> None:
    """A click on the strip goes to that moment, a drag follows the pointer (one seek per
    frame), a click on a beat's mark lands on the beat's very tick."""
    game.paused = True
    game.show_timeline = True
    game.seek(120 * 60)
    strip = game.panel("timeline")
    bar = bar_of(strip.rect)
    game.click((bar.centerx, bar.centery))
    assert game.ticks == pytest.approx(60 * 60, abs=6)
    pygame.event.post(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(bar.x + 5, bar.y)))
    for x in (bar.x + bar.w // 4, bar.x + bar.w // 3):
        pygame.event.post(pygame.Event(pygame.MOUSEMOTION, pos=(x, bar.y), buttons=(1, 0, 0)))
    game.frame(0)
    assert game.ticks == pytest.approx(40 * 60, abs=6)  # the last motion of the frame
    pygame.event.post(pygame.Event(pygame.MOUSEBUTTONUP, button=1, pos=(bar.x, bar.y)))
    game.frame(0)
    assert not strip.dragging
    beat = game.marks()[0][2]
    x = x_of(bar, beat.time, game.horizon * TICK)
    game.click((x + 3, bar.centery))
    assert game.ticks == tick_of(beat.time) and game.shop.beats[-1] == beat
    assert game.horizon == 120 * 60  # the day so far is kept: forward again to where it was
    game.click((bar.right + 4, bar.centery))  # past the bar's end: the furthest tick
    assert game.ticks == 120 * 60


@pytest.mark.parametrize("setup", ["split", "house", "story"])
def test_held_left_frames_match_seeks_in_every_scene(
    setup: str, game: Game, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Side by side, the house and story mode (its card and strip) play back exactly too."""

    def prepare(g: Game) -> None:
        if setup == "story":
            g.start_story()
        g.paused = True
        g.split = setup == "split"
        if setup == "house":
            g.scene = "house"

    prepare(game)
    start = 31 * 60 + 50
    if setup == "story":  # on the card of the second beat, then back over the first
        while game.story is not None and game.story.card is None or game.ticks < 200:
            game.paused = False
            game.play(TICK)
            if game.story.card is not None and game.ticks < 200:
                game.space()
        start = game.ticks
    else:
        game.seek(start)
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=pygame.K_LEFT, unicode=""))
    monkeypatch.setattr(pygame.key, "get_pressed", lambda: Held(pygame.K_LEFT))
    shown = []
    for _ in range(40):
        game.frame(1 / 60)
        shown.append((game.ticks, pixels(game)))
    ticks = [tick for tick, _ in shown[-12:]]
    assert ticks == list(range(ticks[0], ticks[0] - 12, -1)) and ticks[0] < start - 1
    other = fresh()
    prepare(other)
    if setup == "story":
        other.story = copy.copy(game.story)
    other.seek(start)  # the same day so far on the timeline
    for tick, picture in shown[-10:]:
        other.seek(tick)
        assert pixels(other) == picture, tick


def test_the_timeline_marks_and_jumps_follow_the_followed_couples_own_story(
    game: Game,
) -> None:
    """Following couple #1, the marks are *their* beats (not the protagonist's, couple #3),
    ``]`` runs on to their next beat, ``[`` goes back to their last; after a rewind their
    later beats, from the furthest run, are still marked."""
    game.mode = CONCURRENT
    game.advance_to(2.0)
    first = next(c for c in game.shop.couples if c.index == 1)
    game.selected = first
    assert [b.code for b in game.marks()[0]] == ["C1"]  # their C1 at the door
    assert game.shop.beats == []  # the protagonist (#3) is not even in yet
    game.jump_beat(+1)  # C2 not yet reached: the day runs on to it
    couple = game.selected
    assert couple is not None and couple.index == 1
    assert [b.code for b in couple.beats] == ["C1", "C2"]
    assert game.ticks == tick_of(couple.beats[-1].time)
    game.jump_beat(+1)
    game.jump_beat(+1)
    reached = [b.code for b in game.marks()[0]]
    assert reached[:4] == ["C1", "C2", "C3", "C4"]
    game.jump_beat(-1)  # back to an earlier beat of theirs: a rewind
    assert [b.code for b in game.selected.beats][-1] == reached[-2]
    assert [b.code for b in game.marks()[0]] == reached  # later ones still marked
    game.selected = None
    assert [b.code for b in game.marks()[0]] == [b.code for b in game.shop.beats]
