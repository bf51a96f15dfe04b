"""The `run SCRIPT.py` window: keys move the playhead over the record, clicks follow a task
or seek, the frame draws at any moment; --screenshot saves one frame."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.app.cli import main
from game.app.keys import help_rows
from game.app.script_scene import SCRIPT, Playhead, ScriptScene
from game.app.window import Game, open_window
from game.script import run_script
from game.script.replay import Replay
from game.shop import ShopConfig
from game.view import script_view
from game.view.script_view import FLOOR, TIMELINE

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def record() -> dict:
    return run_script(str(EXAMPLES / "blocking_mistake.py"))


@pytest.fixture()
def game(record: dict) -> Iterator[Game]:
    game = Game(ShopConfig(), open_window(headless=True))
    scene = game.stage.scenes[SCRIPT]
    assert isinstance(scene, ScriptScene)
    scene.load(record)
    game.stage.show(SCRIPT)
    yield game
    pygame.quit()


def scene_of(game: Game) -> ScriptScene:
    scene = game.stage.current
    assert isinstance(scene, ScriptScene)
    return scene


class Held:
    """``pygame.key.get_pressed()`` with some keys held down."""

    def __init__(self, *keys: int) -> None:
        self.keys = keys

    def __getitem__(self, key: int) -> bool:
        return key in self.keys


def test_right_steps_left_steps_back(game: Game) -> None:
    head = scene_of(game).head
    game.key(pygame.K_RIGHT)
    game.key(pygame.K_RIGHT)
    assert head.paused and head.index == 2
    game.key(pygame.K_LEFT)
    assert head.index == 1
    game.key(pygame.K_END)
    assert head.index == len(head.replay)
    game.key(pygame.K_HOME)
    assert head.index == 0
    game.key(pygame.K_SPACE)
    assert not head.paused
    assert game.time.ticks == 0  # the shops' day waits while a script plays


def test_held_left_rewinds_a_moment_at_a_time(game: Game, monkeypatch: pytest.MonkeyPatch) -> None:
    head = scene_of(game).head
    game.key(pygame.K_END)
    end = head.index
    game.key(pygame.K_LEFT)
    monkeypatch.setattr(pygame.key, "get_pressed", lambda: Held(pygame.K_LEFT))
    for _ in range(60):  # a second of frames, held down
        game.update(1 / 60)
    assert head.index < end - 5
    monkeypatch.setattr(pygame.key, "get_pressed", lambda: Held())
    held = head.index
    game.update(1.0)
    assert head.index == held  # let go: it stays (paused)


def test_playing_shows_same_time_moments_one_by_one_and_crosses_gaps(record: dict) -> None:
    head = Playhead(Replay(record))
    head.update(0.01)
    assert head.index == 0 or head.t == 0.0
    seen = set()
    for _ in range(400):
        head.update(1 / 60)
        seen.add(head.index)
    assert len(seen) > len(head.replay) // 2  # moments were shown, not skipped
    for _ in range(2000):
        head.update(1 / 60)
    assert head.paused and head.index == len(head.replay) and head.t == head.replay.end


def test_the_blocking_call_freezes_time_not_the_window(record: dict) -> None:
    head = Playhead(Replay(record))
    head.seek(0.0)
    while head.moment().block is None:
        head.update(1 / 60)
    start = head.t
    head.update(0.5)  # half a wall second: the loop stays held, virtual time runs on
    assert head.moment().block is not None and head.t > start
    assert head.moment().running.coro == "cook"


def test_click_follows_a_task_and_the_timeline_seeks(game: Game) -> None:
    scene = scene_of(game)
    scene.head.seek(1.0)
    game.draw()
    task_id, (x, y) = next(iter(scene.view.spots.items()))
    assert FLOOR.collidepoint((x, y - 30))
    game.click((round(x), round(y) - 30))
    assert scene.selected == task_id
    bar = scene.view.bar()
    assert TIMELINE.collidepoint((bar.x, bar.y))
    game.click((bar.x + bar.w // 2, bar.y + 2))
    assert scene.head.paused and abs(scene.head.t - scene.replay.end / 2) < 0.05


def test_every_moment_draws_and_tab_follows_the_next_task(game: Game) -> None:
    scene = scene_of(game)
    for index in range(len(scene.replay) + 1):
        scene.head.index, scene.head.t = index, scene.replay.time_of(index)
        game.draw()
    first = scene.selected
    game.key(pygame.K_TAB)
    assert scene.selected not in (None, first)


def test_its_rows_are_in_the_table_and_the_help(game: Game) -> None:
    rows = [b for b in game.stage.bindings if b.works_in(SCRIPT) and SCRIPT in b.scenes]
    assert {b.action for b in rows} >= {"play_pause", "moment(1)", "moment(-1)", "ends"}
    labels = {label for label, _text, works in help_rows(SCRIPT, game.stage.bindings) if works}
    assert {"SPACE", "RIGHT or .", "LEFT or ,", "HOME / END", "5"} <= labels


def test_five_reaches_the_scene_and_without_a_script_it_says_how() -> None:
    game = Game(ShopConfig(), open_window(headless=True))
    try:
        game.key(pygame.K_5)
        assert game.stage.name == SCRIPT
        game.key(pygame.K_SPACE)  # nothing loaded: nothing to play, nothing breaks
        game.frame(1 / 60)
        game.key(pygame.K_1)
        assert game.stage.name == "shop"
    finally:
        pygame.quit()


def test_in_a_web_page_the_scene_says_why_no_script_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import game.app.script_scene as script_scene

    said: list[str] = []
    real = script_view.label

    def label(text: str, *args: object, **kwargs: object) -> pygame.Surface:
        said.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(script_view, "label", label)
    game = Game(ShopConfig(), open_window(headless=True))
    try:
        game.key(pygame.K_5)
        game.draw()
        assert not any("web page" in line for line in said)  # the desktop runs scripts
        monkeypatch.setattr(script_scene, "CAN_RUN", False)  # as in the page (no processes)
        said.clear()
        game.draw()
        shown = " ".join(said)
        assert "Not in this web page" in shown and "cannot start one" in shown
        assert "async-burgers run my_script.py" in shown  # and what to do instead
    finally:
        pygame.quit()


def test_screenshot_of_a_script(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    args = ["run", str(EXAMPLES / "blocking_mistake.py"), "--screenshot", str(shot), "--at", "1"]
    assert main(args) == 0
    assert pygame.image.load(str(shot)).get_size() == (1280, 720)


def test_the_window_runs_and_closes(tmp_path: Path) -> None:
    assert main(["run", str(EXAMPLES / "timeout_wait_for.py"), "--frames", "5"]) == 0


@pytest.mark.parametrize(
    ("name", "problem"), [("shot.jpg", "must end in .png"), ("no/such/shot.png", "does not exist")]
)
def test_a_bad_screenshot_path_is_one_line_and_exit_2(
    tmp_path: Path, name: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = str(tmp_path / name)
    assert main(["run", str(EXAMPLES / "blocking_mistake.py"), "--screenshot", target]) == 2
    err = capsys.readouterr().err
    assert problem in err and len(err.strip().splitlines()) == 1


def test_a_held_loop_is_shown_at_full_length_not_fast_forwarded(record: dict) -> None:
    head = Playhead(Replay(record))
    while head.moment().block is None:
        head.update(1 / 60)
    frames = 0
    while head.moment().block is not None:
        head.update(1 / 60)
        frames += 1
        assert not head.fast
    assert frames >= 110  # two virtual seconds at 1x: two wall seconds of frames
