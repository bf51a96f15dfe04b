"""The past from records: a seek back draws, from the day's journals and await records
alone, exactly what a straight run to that tick draws, in every scene and panel (the
inspector, the code view, why-am-I-waiting and the charts too); nothing is re-run for it;
the records stay small."""

from __future__ import annotations

import gc
import re
import tracemalloc
import warnings
from collections.abc import Callable, Iterator

import pygame
import pytest

from game.app import level_scenes
from game.app.clock import FPS, TICK, tick_of
from game.app.level_scenes import YOURS
from game.app.timekeeper import build_worlds, run_worlds
from game.app.window import Game, open_window
from game.scheduler import Kernel
from game.scheduler.awaits_record import PastTask, RecordedKernel
from game.scheduler.journal import Ghost
from game.shop import PARALLEL, ShopConfig, learner, measure
from game.shop.levels import level_named
from game.view.charts import couple_bars, served_steps
from game.view.code_view import await_chain, meaning, paused_at
from game.view.hud import caption_for, caption_phase
from game.view.inspector import Inspector, followed_task, row_state, task_rows
from game.view.shop_view import frozen_people
from game.view.sound_cues import Listener
from game.view.why import why_waiting

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
        out += panel_texts(shop)
    for house in game.houses.values():
        out.append(
            f"{house.now!r} {house.done} {[r.clean_fraction_at(house.now) for r in house.rooms]}"
        )
        out += [f"{c.name}|{c.pose}|{c.position_at(house.now)}" for c in house.cleaners]
    return out


def panel_texts(shop: object) -> list[str]:
    """What the coroutine panels say of a shop: the hand-over log, who is next, every
    task's row (state, resumes, last wake and by whom), why it waits, its await chain and
    paused line; the charts' bars and curve."""
    kernel = shop.kernel  # type: ignore[attr-defined]
    out = [repr([(h.time, h.name, h.after, h.resume) for h in kernel.trace or []])]
    out.append(repr(Inspector._next_up(shop)))  # type: ignore[arg-type]
    for group, tasks in task_rows(shop):  # type: ignore[arg-type]
        for task in tasks:
            wake = task.woken_by
            waker = wake.by.name if wake.by is not None else None
            out.append(
                f"{group}|{task.name}|{row_state(shop, task)}|{task.resumes}|"  # type: ignore[arg-type]
                f"{wake.time!r}|{wake.how}|{waker}|{task.describe()}"
            )
            out.append(repr(why_waiting(task, shop)))  # type: ignore[arg-type]
            paused = paused_at(task)
            out.append(f"{await_chain(task)}|{paused and paused[1:]}|{meaning(task)}")
    out.append(repr(couple_bars(shop)))  # type: ignore[arg-type]
    out.append(repr(served_steps(shop, shop.now, 300)))  # type: ignore[arg-type,attr-defined]
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
    "inspector, following a couple": lambda g: (
        follow_couple(g),
        setattr(g, "show_inspector", True),
    ),
    "inspector and code view, following the cook": lambda g: (
        follow_cook(g),
        setattr(g, "show_inspector", True),
        setattr(g, "show_code", True),
    ),
    "code view, following a couple, parallel": lambda g: (
        setattr(g, "mode", PARALLEL),
        follow_couple(g),
        setattr(g, "show_code", True),
    ),
    "inspector, split": lambda g: (setattr(g, "split", True), setattr(g, "show_inspector", True)),
    "charts": lambda g: setattr(g, "show_charts", True),
}


class Runs:
    """Counts the kernels' runs (``Kernel.run_until``): none may happen while a past drawn
    from records is sought and drawn."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = Kernel.run_until

        def counted(kernel: Kernel, *args: object, **kwargs: object) -> None:
            self.count += 1
            real(kernel, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Kernel, "run_until", counted)


@pytest.mark.parametrize("setup", list(SETUPS))
def test_a_seek_back_draws_what_a_straight_run_draws(
    setup: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run the day on, then seek back: frame and texts (the coroutine panels' too) equal
    those of the day really run from its seed straight to the tick (the same day so far on
    the timeline), and nothing was re-run for them: no kernel ran, the shops shown are the
    records' ghosts, their kernels the await records'."""
    ahead = fresh()
    SETUPS[setup](ahead)
    ahead.paused = True
    ahead.seek(HORIZON)
    runs = Runs(monkeypatch)
    for target in (HORIZON - 1, 97 * FPS + 31, 41 * FPS, 3, 0):
        runs.count = 0
        ahead.seek(target)
        assert ahead.ticks == target and ahead.horizon == HORIZON
        assert type(ahead.shop) is Ghost
        assert type(ahead.shop.kernel) is RecordedKernel
        seen = pixels(ahead), texts(ahead)
        assert runs.count == 0, f"{setup}: the day was run again for tick {target}"
        straight = fresh()  # the same day run from its seed straight to the tick
        SETUPS[setup](straight)
        straight.paused = True
        straight.seek(target)
        with monkeypatch.context() as m:  # drawn with the same day so far on the timeline
            m.setattr(type(straight.time), "worlds", property(lambda time: time.live))
            m.setattr(straight.time, "horizon", HORIZON)
            m.setattr(straight.time, "marks", ahead.time.marks)  # the whole day's beats
            assert type(straight.shop) is not Ghost
            assert seen[0] == pixels(straight), (setup, target)
            assert seen[1] == texts(straight), (setup, target)


@pytest.mark.parametrize("panels", ["none", "inspector and code view"])
def test_held_left_plays_back_from_records_a_frame_a_tick(
    panels: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With or without the coroutine panels open: no re-run; each frame is the tick
    before, exactly as a straight run draws it."""

    def prepare(game: Game) -> None:
        game.show_timeline = True
        if panels != "none":
            follow_cook(game)
            game.show_inspector = game.show_code = True

    game = fresh()
    prepare(game)
    game.seek(90 * FPS)
    runs = Runs(monkeypatch)
    monkeypatch.setattr(pygame.key, "get_pressed", lambda: Held(pygame.K_LEFT))
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=pygame.K_LEFT, unicode=""))
    shown = []
    for _ in range(40):
        game.frame(1 / 60)
        shown.append((game.ticks, pixels(game)))
    monkeypatch.setattr(pygame.key, "get_pressed", lambda: Held())
    game.frame(1 / 60)  # let go
    assert runs.count == 0
    ticks = [t for t, _ in shown]
    assert ticks[-1] < 90 * FPS - 10 and ticks[-12:] == list(range(ticks[-12], ticks[-12] - 12, -1))
    assert game.horizon == 90 * FPS
    for tick, picture in shown[-3:]:
        straight = fresh()
        prepare(straight)
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


def test_the_charts_and_the_inspector_of_a_longer_day_from_records(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Twelve minutes in, more couples have left than the ledger keeps aside for the
    charts: their bars and curves, and the inspector's tasks, as a straight run draws them."""
    horizon = 12 * 60 * FPS
    ahead = fresh()
    ahead.show_charts = True
    ahead.seek(horizon)
    assert len(ahead.time.live[0][PARALLEL].departed) > 32
    for target in (horizon - 7, 11 * 60 * FPS + 13, 6 * 60 * FPS):
        ahead.seek(target)
        assert type(ahead.shop) is Ghost
        straight = fresh()
        straight.show_charts = True
        straight.seek(target)
        for mode, shop in ahead.shops.items():
            assert panel_texts(shop) == panel_texts(straight.shops[mode]), (mode, target)
        assert pixels(ahead) == pixels(straight), target


def test_the_past_tasks_are_the_same_objects_within_a_tick() -> None:
    """``is`` holds among a past's tasks (the inspector and why-am-I-waiting compare
    them), a parked task's queue lists it, and the records hold no coroutine."""
    game = fresh()
    game.seek(HORIZON)
    game.seek(HORIZON // 2)
    kernel = game.shop.kernel
    tasks = kernel.tasks
    assert tasks and all(type(t) is PastTask for t in tasks)
    assert [id(t) for t in kernel.tasks] == [id(t) for t in tasks]
    parked = [t for t in tasks if t.parked_on is not None]
    assert parked and all(t in t.parked_on.waiting for t in parked)
    assert all(t.actor is None or type(t.actor) is Ghost for t in tasks)


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


RECORDS_MB_PER_HOUR = 17.0  # bound; measured in the note (journals + await records)


def test_a_beat_from_the_past_lands_on_its_tick() -> None:
    game = fresh()
    game.seek(HORIZON)
    beats = list(game.marks()[0])
    assert beats
    game.seek(0)
    game.jump_beat(1)
    assert game.ticks == tick_of(beats[0].time) and type(game.shop) is Ghost


# -- the level scenes ----------------------------------------------------------------------
LEVEL_DAYS = [
    ("one-after-another", "broken"),
    ("one-after-another", "fixed"),
    ("blocking-cook", "broken"),  # the loop held: the blocker runs, the others overdue
    ("blocking-cook", "fixed"),
    ("forgotten-await", "broken"),  # the coroutine you hold, never run
    ("asyncio-run-in-a-loop", "broken"),  # the cashier crashes
    ("threads-and-the-gil", "broken"),
    ("def-or-async-def", "broken"),  # the web server: a request holds the loop
    ("def-or-async-def", "fixed"),
    ("too-many-at-once", "broken"),  # the bakery's 429 crashes the cook
    ("swallowed-cancel", "broken"),
    ("gather-or-taskgroup", "broken"),
    ("blocking-cook", "your code"),  # the learner's code (the level's starting code)
    ("one-after-another", "your code"),
]
LEVEL_HORIZON = 60 * FPS


def level_game(name: str, phase: str) -> Game:
    with warnings.catch_warnings():  # what Python says as earlier days die (never
        warnings.simplefilter("ignore")  # awaited...) is not said into this one's
        gc.collect()
    game = fresh()
    game.start_level(name)
    scene = game.level_scene
    if phase == "your code":
        scene.watch()
        scene.run_code(learner.starting_code(level_named(name)))
        assert scene.phase == YOURS
    else:
        scene.watch(fixed=phase == "fixed")
    game.paused = True
    return game


def level_texts(game: Game) -> list[str]:
    """What a level's panels say: the inspector's and code view's words for every task,
    the followed task, who is overdue while the loop is held, the bar's figures."""
    scene = game.level_scene
    shop = scene.shown()
    assert shop is not None
    busy = shop.kernel.busy
    out = panel_texts(shop)
    followed = scene.followed()
    out.append(f"{shop.now!r}|{len(shop.served)}|{shop.kernel.blocked!r}|{busy and busy.what}")
    frames = [(f.function, f.filename, f.lineno) for f in followed.stack()] if followed else None
    out.append(f"{getattr(followed, 'name', None)}|{frames}")
    out.append(repr(sorted(frozen_people(shop).values())))
    if scene.level.name == "forgotten-await":  # (the one level that shows what they hold)
        out.append(type(scene.held_coroutine()).__name__)
    return out


class Addressless:
    """A held coroutine's repr without its address (two days' objects differ there)."""

    def __init__(self, held: object) -> None:
        self.text = re.sub(r" at 0x[0-9a-f]+", "", repr(held))

    def __repr__(self) -> str:
        return self.text


@pytest.mark.parametrize(("name", "phase"), LEVEL_DAYS)
def test_a_level_sought_back_draws_what_a_straight_run_draws(
    name: str, phase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A level's day run on, then gone back over with LEFT, HOME and seeks: frame and
    texts equal those of the level's day run from its start straight to the tick (a tick
    while the loop is held too), and no kernel ran for them."""
    slip = level_scenes.draw_slip
    monkeypatch.setattr(
        level_scenes, "draw_slip", lambda s, you, held, *a: slip(s, you, Addressless(held), *a)
    )
    ahead = level_game(name, phase)
    scene = ahead.level_scene
    scene.advance_to(LEVEL_HORIZON * TICK)
    assert scene.ticks == scene.horizon == LEVEL_HORIZON
    targets = [LEVEL_HORIZON - 1, 37 * FPS + 11, 5 * FPS, 0]
    blocks = scene.shop.kernel.blocks  # type: ignore[union-attr]
    if blocks:  # a tick while the first plain call holds the loop
        held = tick_of(blocks[0].start) + 20
        assert held * TICK < blocks[0].end
        targets.insert(1, held)
    runs = Runs(monkeypatch)
    ahead.key(pygame.K_LEFT)  # one tick back, as the player does
    for target in targets:
        runs.count = 0
        if target == 0:
            ahead.key(pygame.K_HOME)
        elif target != LEVEL_HORIZON - 1:
            scene.seek(target)
        assert scene.ticks == target and scene.horizon == LEVEL_HORIZON
        assert type(scene.shown()) is Ghost
        ahead.overlay.notice.visible = False  # a crash's notice stays up a while: not the day
        seen = pixels(ahead), level_texts(ahead)
        assert runs.count == 0, f"{name}, {phase}: the day was run again for tick {target}"
        straight = level_game(name, phase)
        straight.level_scene.advance_to(target * TICK)
        assert straight.level_scene.ticks == target
        assert type(straight.level_scene.shown()) is not Ghost
        straight.overlay.notice.visible = False
        assert seen[1] == level_texts(straight), (name, phase, target)
        assert seen[0] == pixels(straight), (name, phase, target)
        straight.stage.level_scene.on_hide()
    ahead.key(pygame.K_RIGHT)  # on again, through the records
    assert scene.ticks == 1 and type(scene.shown()) is Ghost


def test_a_level_plays_on_from_its_past_through_the_records_then_runs() -> None:
    game = level_game("blocking-cook", "broken")
    scene = game.level_scene
    scene.advance_to(20)
    scene.seek(20 * FPS - 3)
    for _ in range(5):
        scene.step()
    assert scene.ticks == scene.horizon == 20 * FPS + 2 and type(scene.shown()) is not Ghost
    straight = level_game("blocking-cook", "broken")
    straight.level_scene.advance_to(scene.ticks * TICK)
    assert pixels(game) == pixels(straight)
