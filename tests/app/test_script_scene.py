"""The `run SCRIPT.py` window: keys move the playhead over the record, clicks follow a task
or seek, the frame draws at any moment; --screenshot saves one frame."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.app.cli import main
from game.app.script_scene import KEYS, Playhead, ScriptScene
from game.script import run_script
from game.script.replay import Replay
from game.view.script_view import FLOOR, TIMELINE
from game.view.sheets import Library

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def record() -> dict:
    return run_script(str(EXAMPLES / "blocking_mistake.py"))


@pytest.fixture()
def scene(record: dict) -> ScriptScene:
    pygame.display.init()
    pygame.display.set_mode((1280, 720))
    return ScriptScene(record, Library())


def key(scene: ScriptScene, code: int, up: bool = False) -> None:
    kind = pygame.KEYUP if up else pygame.KEYDOWN
    scene.handle(pygame.Event(kind, key=code, mod=0, unicode=""))


def test_right_steps_left_steps_back(scene: ScriptScene) -> None:
    key(scene, pygame.K_RIGHT)
    key(scene, pygame.K_RIGHT)
    assert scene.head.paused and scene.head.index == 2
    key(scene, pygame.K_LEFT)
    assert scene.head.index == 1
    key(scene, pygame.K_END)
    assert scene.head.index == len(scene.replay)
    key(scene, pygame.K_HOME)
    assert scene.head.index == 0


def test_held_left_rewinds_a_moment_at_a_time(scene: ScriptScene) -> None:
    key(scene, pygame.K_END)
    end = scene.head.index
    key(scene, pygame.K_LEFT)
    for _ in range(20):  # 1 s of frames held down
        scene.update(0.05)
    assert scene.head.index < end - 5
    key(scene, pygame.K_LEFT, up=True)
    held = scene.head.index
    scene.update(1.0)
    assert scene.head.index == held  # let go: it stays (paused)


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


def test_click_follows_a_task_and_the_timeline_seeks(scene: ScriptScene) -> None:
    surface = pygame.Surface((1280, 720))
    scene.head.seek(1.0)
    scene.draw(surface)
    feet = scene.view.spots
    assert feet, "somebody is on the floor at 1 s"
    task_id, (x, y) = next(iter(feet.items()))
    scene.click((round(x), round(y) - 30))
    assert scene.selected == task_id
    bar = scene.view.bar()
    scene.click((bar.x + bar.w // 2, bar.y + 2))
    assert scene.head.paused and abs(scene.head.t - scene.replay.end / 2) < 0.05
    assert TIMELINE.collidepoint((bar.x, bar.y)) and FLOOR.collidepoint((x, y - 30))


def test_every_moment_draws(scene: ScriptScene) -> None:
    surface = pygame.Surface((1280, 720))
    for index in range(len(scene.replay) + 1):
        scene.head.index, scene.head.t = index, scene.replay.time_of(index)
        scene.draw(surface)
    key(scene, pygame.K_TAB)
    assert scene.selected is not None


def test_each_key_row_is_documented() -> None:
    assert all(row.keys and row.help for row in KEYS)
    keys = [k for row in KEYS for k in row.keys]
    assert len(keys) == len(set(keys))


def test_screenshot_of_a_script(tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    args = ["run", str(EXAMPLES / "blocking_mistake.py"), "--screenshot", str(shot), "--at", "1"]
    assert main(args) == 0
    assert pygame.image.load(str(shot)).get_size() == (1280, 720)


def test_the_window_runs_and_closes(tmp_path: Path) -> None:
    assert main(["run", str(EXAMPLES / "timeout_wait_for.py"), "--frames", "5"]) == 0
