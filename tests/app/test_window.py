"""The real app loop, driven headless with posted key events."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.app.window import TICK, Game, open_window
from game.shop import CONCURRENT, PARALLEL, ShopConfig

ROOT = Path(__file__).resolve().parents[2]
FRAME = 1 / 60


def press(game: Game, key: int, frames: int = 1) -> None:
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=key, unicode=""))
    for _ in range(frames):
        game.frame(FRAME)


def snapshot(game: Game) -> bytes:
    return pygame.image.tobytes(game.screen, "RGB")


def test_tab_switches_shop_and_scene(game: Game) -> None:
    game.advance_to(20)
    game.frame(0)
    before = snapshot(game)
    assert game.mode == CONCURRENT
    press(game, pygame.K_TAB)
    assert game.mode == PARALLEL
    assert snapshot(game) != before
    press(game, pygame.K_TAB)
    assert game.mode == CONCURRENT


def test_space_freezes_time_and_frames(game: Game) -> None:
    game.advance_to(10)
    press(game, pygame.K_SPACE)
    assert game.paused
    frozen_at = game.now
    shots = []
    for _ in range(5):
        game.frame(FRAME)
        shots.append(snapshot(game))
    assert game.now == frozen_at
    assert all(shot == shots[0] for shot in shots)
    press(game, pygame.K_SPACE, frames=6)
    assert not game.paused and game.now > frozen_at


def test_right_steps_exactly_one_tick_while_paused(game: Game) -> None:
    game.advance_to(3.0)  # couples are walking in: every tick moves them
    press(game, pygame.K_SPACE)
    before_time, before = game.now, snapshot(game)
    press(game, pygame.K_RIGHT)
    assert game.now == pytest.approx(before_time + TICK, abs=1e-12)
    assert game.ticks * TICK == game.now
    assert snapshot(game) != before
    press(game, pygame.K_PERIOD)
    assert game.now == pytest.approx(before_time + 2 * TICK, abs=1e-12)


def test_right_does_nothing_while_running(game: Game) -> None:
    game.frame(FRAME)
    ticks = game.ticks
    press(game, pygame.K_RIGHT)
    assert game.ticks == ticks + 1  # the ordinary tick of that frame only


def test_fixed_timestep_slow_frame_runs_more_ticks_not_longer_ones() -> None:
    screen = open_window(headless=True)
    smooth, jerky = Game(ShopConfig(), screen), Game(ShopConfig(), screen)
    for _ in range(120):
        smooth.update(FRAME)
    for _ in range(12):
        jerky.update(10 * FRAME)
    assert smooth.ticks == jerky.ticks == 120
    assert smooth.shop.log == jerky.shop.log
    pygame.quit()


def test_speed_keys_and_restart(game: Game) -> None:
    press(game, pygame.K_EQUALS)
    assert game.speed == 2.0
    for _ in range(10):
        press(game, pygame.K_EQUALS)
    assert game.speed == 16.0
    for _ in range(10):
        press(game, pygame.K_MINUS)
    assert game.speed == 0.25
    game.advance_to(5)
    press(game, pygame.K_r)
    assert game.now < 0.1


def test_help_overlay_toggles(game: Game) -> None:
    game.frame(0)
    plain = snapshot(game)
    press(game, pygame.K_h)
    assert game.show_help and snapshot(game) != plain
    press(game, pygame.K_F1)
    assert not game.show_help


def test_click_follows_a_character(game: Game) -> None:
    game.advance_to(12)
    couple = game.shop.couples[0]
    x, y = couple.you.position_at(game.shop.now)
    pygame.event.post(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(int(x), int(y - 30))))
    game.frame(0)
    assert game.selected is couple


def test_escape_quits_with_code_zero(game: Game) -> None:
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, unicode=""))
    assert game.run(max_frames=100) == 0
    assert not game.running


def test_f12_saves_a_screenshot(game: Game, tmp_path: Path) -> None:
    game.screenshot_dir = tmp_path
    game.frame(0)
    press(game, pygame.K_F12)
    saved = list(tmp_path.glob("*.png"))
    assert len(saved) == 1 and saved[0].stat().st_size > 10_000


def test_main_opens_and_closes_the_game(tmp_path: Path) -> None:
    env = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PATH": "/usr/bin:/bin"}
    env["ASYNC_BURGERS_DATA"] = str(tmp_path)  # the player's own files stay untouched
    done = subprocess.run(
        [sys.executable, "main.py", "--frames", "20"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_scene_keys_switch_between_shops_and_house(game: Game) -> None:
    game.advance_to(5)
    game.frame(0)
    shop_frame = snapshot(game)
    press(game, pygame.K_3)
    assert game.scene == "house"
    house_frame = snapshot(game)
    assert house_frame != shop_frame
    press(game, pygame.K_TAB)
    assert game.scene == "house" and game.mode == PARALLEL
    assert snapshot(game) != house_frame
    press(game, pygame.K_1)
    assert game.scene == "shop" and game.mode == CONCURRENT
    press(game, pygame.K_2)
    assert game.scene == "shop" and game.mode == PARALLEL


def test_houses_run_in_lockstep_with_the_shops_and_finish(game: Game) -> None:
    press(game, pygame.K_3)
    game.advance_to(30)
    assert all(h.now == game.now for h in game.houses.values())
    assert game.houses[PARALLEL].done and not game.houses[CONCURRENT].done
    press(game, pygame.K_SPACE)
    before = game.now
    press(game, pygame.K_RIGHT)
    assert game.houses[CONCURRENT].now == pytest.approx(before + TICK)


def test_a_crashing_actor_pauses_the_game_and_is_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.shop import actors

    async def clumsy_cook(shop, me, index):  # noqa: ANN001 - test double
        await shop.kitchen.get()
        raise RuntimeError("dropped the burgers")

    monkeypatch.setattr(actors, "cook", clumsy_cook)
    game = Game(ShopConfig(), open_window(headless=True))
    game.frame(0)
    calm = snapshot(game)
    for _ in range(60 * 40):
        game.update(FRAME)
        if game.paused:
            break
    assert game.paused
    err = capsys.readouterr().err
    assert "actor 'cook' crashed" in err and "dropped the burgers" in err
    game.draw()
    banner = pygame.Rect(300, 36, 680, 40)
    assert pygame.image.tobytes(game.screen.subsurface(banner), "RGB") != pygame.image.tobytes(
        pygame.image.frombytes(calm, game.screen.get_size(), "RGB").subsurface(banner), "RGB"
    )
    pygame.quit()


def test_holding_right_while_paused_repeats_the_step(
    game: Game, monkeypatch: pytest.MonkeyPatch
) -> None:
    press(game, pygame.K_SPACE)
    start = game.ticks

    class Held:
        def __getitem__(self, key: int) -> bool:
            return key == pygame.K_RIGHT

    monkeypatch.setattr(pygame.key, "get_pressed", lambda: Held())
    for _ in range(10):  # 10 frames: 0.17 s, still under the repeat delay
        game.update(FRAME)
    assert game.ticks == start
    for _ in range(30):  # past the delay: one tick per frame
        game.update(FRAME)
    # Frames 11-40 of holding. Frame k has held k/60 s; a tick needs more than HOLD_DELAY
    # (0.35 s = 21/60, and the float sum of 21 frames is exactly 0.35, not more), so frames
    # 22 to 40 each step once: 19 ticks, the same on every machine (no wall clock involved).
    assert game.ticks - start == 19


def test_shop_panel_keys_leave_the_house_for_the_shops(game: Game) -> None:
    press(game, pygame.K_3)
    press(game, pygame.K_s)
    assert game.scene == "shop" and game.split
    press(game, pygame.K_3)
    press(game, pygame.K_t)
    assert game.scene == "shop" and game.story is not None
