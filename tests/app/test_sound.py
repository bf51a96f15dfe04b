"""Sounds: made by a committed generator, cued by virtual time, muted, and never a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.app import sound as sound_module
from game.app.sound import SoundPlayer
from game.app.window import Game, open_window
from game.house import House, HouseConfig
from game.shop import Shop, ShopConfig
from game.view.sound_cues import LOOPS, ONE_SHOTS, Listener

ROOT = Path(__file__).resolve().parents[2]
SOUNDS = ROOT / "assets" / "sounds"
FRAME = 1 / 60


def test_the_generator_writes_the_committed_sounds_byte_for_byte(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(SOUNDS / "generate.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    for name in (*ONE_SHOTS, *LOOPS):
        fresh, committed = tmp_path / f"{name}.wav", SOUNDS / f"{name}.wav"
        assert fresh.read_bytes() == committed.read_bytes(), f"{name}.wav: run the generator"
        assert 10_000 < committed.stat().st_size < 200_000


def cues_over(shop: Shop, seconds: float, step: float = FRAME) -> list[tuple[float, list[str]]]:
    listener, heard = Listener(), []
    ticks = round(seconds / step)
    for i in range(1, ticks + 1):
        shop.kernel.run_until(i * step)
        cues = listener.hear(shop)
        if cues.shots:
            heard.append((shop.now, cues.shots))
    return heard


def test_events_of_the_day_make_their_sounds_once() -> None:
    shop = Shop(ShopConfig(), keep_log=True)
    heard = cues_over(shop, 60)
    flat = [s for _, shots in heard for s in shots]
    log = [what.split()[0] for t, _, what in shop.log if 0 < t <= 60]
    assert flat.count("door") == log.count("arrives")
    assert flat.count("till") == log.count("orders")
    assert flat.count("ding") == log.count("shows") > 0
    shop.kernel.close()


def test_at_high_speed_a_frame_plays_each_sound_at_most_once() -> None:
    shop = Shop(ShopConfig(first_couples=12), keep_log=True)
    for _, shots in cues_over(shop, 120, step=16 * FRAME):  # 16x: 0.27 s a frame
        assert len(shots) == len(set(shots))
    shop.kernel.close()


def test_loops_follow_cooking_talking_and_mopping() -> None:
    shop = Shop(ShopConfig())
    listener = Listener()
    shop.kernel.run_until(20)
    loops = listener.hear(shop).loops
    assert ("sizzle" in loops) == any(s.timeline.current == "cooking" for s in shop.staff)
    assert ("murmur" in loops) == any(c.phase == "flirting" for c in shop.couples)
    house = House(HouseConfig())
    mopping = []
    for second in range(1, 30):
        house.kernel.run_until(second)
        mopping.append(bool(house.mopping_now()))
        assert (listener.hear(house).loops == {"broom"}) == mopping[-1]
    assert any(mopping) and not all(mopping)  # the cleaner walks between rooms too
    shop.kernel.close()
    house.close()


def test_a_restart_or_another_shop_is_not_a_burst_of_old_sounds() -> None:
    listener = Listener()
    busy = Shop(ShopConfig(), keep_log=True)
    busy.kernel.run_until(120)
    assert listener.hear(busy).shots == []  # the first listen hears nothing from the past
    busy.kernel.close()


@pytest.fixture
def game() -> Game:
    game = Game(ShopConfig(), open_window(headless=True))
    game.sound = SoundPlayer(volume=0.5)
    yield game
    game.shut_down()
    pygame.mixer.quit()
    pygame.quit()


def test_sounds_play_while_the_day_runs(game: Game) -> None:
    assert game.sound is not None and game.sound.available
    played: list[str] = []
    for _ in range(60 * 20):
        game.frame(FRAME)
        played += game.sound.playing
    assert {"door", "till", "ding", "sizzle", "murmur"} <= set(played)


def test_pause_and_mute_silence_the_mixer(game: Game) -> None:
    assert game.sound is not None
    game.advance_to(30)
    for _ in range(5):
        game.frame(FRAME)
    assert game.sound.playing  # the sizzle and murmur loops
    game.key(pygame.K_SPACE)
    game.frame(FRAME)
    assert game.sound.playing == []
    game.key(pygame.K_SPACE)
    game.frame(FRAME)
    assert game.sound.playing
    game.key(pygame.K_m)
    for _ in range(60):
        game.frame(FRAME)
    assert game.sound.muted and game.sound.playing == []
    assert all(c.get_volume() == 0 for c in game.sound.channels.values())
    game.key(pygame.K_m)
    game.frame(FRAME)
    assert not game.sound.muted and game.sound.playing


def test_volume_is_a_setting(game: Game) -> None:
    assert game.sound is not None
    game.sound.set_volume(0.25)
    door = game.sound.channels["door"].get_volume()
    game.sound.set_volume(1.0)
    assert game.sound.channels["door"].get_volume() == pytest.approx(door * 4, abs=0.02)


def test_no_audio_device_plays_silently_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_card(*args: object, **kwargs: object) -> None:
        raise pygame.error("No available audio device")

    monkeypatch.setattr(sound_module.pygame.mixer, "get_init", lambda: None)
    monkeypatch.setattr(sound_module.pygame.mixer, "init", no_card)
    game = Game(ShopConfig(), open_window(headless=True))
    game.sound = SoundPlayer()
    for _ in range(120):
        game.frame(FRAME)
    game.key(pygame.K_m)
    assert not game.sound.available
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "No available audio device" in err[0]
    pygame.quit()


def test_the_mute_flag_starts_silent(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "main.py", "--mute", "--volume", "30", "--frames", "10"],
        cwd=ROOT,
        env={
            "SDL_VIDEODRIVER": "dummy",
            "SDL_AUDIODRIVER": "dummy",
            "PATH": "/usr/bin:/bin",
            "ASYNC_BURGERS_DATA": str(tmp_path),  # the player's own files stay untouched
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    bad = subprocess.run(
        [sys.executable, "main.py", "--volume", "150"], cwd=ROOT, capture_output=True, text=True
    )
    assert bad.returncode == 2 and "--volume" in bad.stderr


def test_the_sounds_are_of_the_scene_on_screen(game: Game) -> None:
    assert game.sound is not None
    game.advance_to(30)
    game.frame(FRAME)
    assert "broom" not in game.sound.playing  # the shop: the grill and the couples
    game.scene = "house"
    for _ in range(5):
        game.frame(FRAME)
    assert "broom" in game.sound.playing


def test_no_sound_card_is_one_line_of_ours_not_the_alsa_librarys() -> None:
    """SDL's bundled libasound prints "ALSA lib ..." lines to fd 2 when it finds no card."""
    env = {
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "alsa",  # the driver a Linux machine without a card falls to
        "AUDIODEV": "hw:99",  # a card nobody has
        "PATH": "/usr/bin:/bin",
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
    }
    done = subprocess.run(
        [sys.executable, "main.py", "--frames", "3"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "ALSA lib" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) <= 1 and all(line.startswith("async-burgers: no sound") for line in lines)
