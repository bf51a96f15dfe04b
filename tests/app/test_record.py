"""Recordings: fixed-rate headless clips that are identical on every run, and the F9 recorder."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pygame
import pytest
from PIL import Image

from game.app import clip
from game.app.cli import main
from game.app.window import Game, open_window
from game.shop import ShopConfig

ROOT = Path(__file__).resolve().parents[2]

FRAME = 1 / 60


def frames_of(path: Path) -> tuple[int, int, tuple[int, int]]:
    """(frames in the file, total milliseconds, size) of a GIF."""
    with Image.open(path) as gif:
        total = 0
        for i in range(gif.n_frames):
            gif.seek(i)
            total += gif.info["duration"]
        return gif.n_frames, total, gif.size


def test_a_two_second_gif_has_every_frame_and_the_same_bytes_each_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "a.gif", tmp_path / "b.gif"
    assert main(["--record", str(first), "--seconds", "2"]) == 0
    assert "40 frames at 20 fps" in capsys.readouterr().out
    assert main(["--record", str(second), "--seconds", "2"]) == 0
    count, millis, size = frames_of(first)
    assert (count, millis, size) == (40, 2000, (640, 360))  # couples walk in: no still frame
    assert first.read_bytes() == second.read_bytes()


def test_frame_rate_width_speed_and_start_are_honoured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fast.gif"
    argv = ["--record", str(out), "--seconds", "4", "--fps", "10", "--width", "320"]
    assert main([*argv, "--speed", "2", "--record-from", "30", "--mode", "parallel"]) == 0
    assert "20 frames at 10 fps" in capsys.readouterr().out  # 4 s at 2x: a 2 s clip
    count, millis, size = frames_of(out)
    assert millis == 2000 and size == (320, 180) and count <= 20


def test_story_cards_stay_up_then_the_clip_reads_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "story.gif"
    assert main(["--record", str(out), "--seconds", "8", "--fps", "5", "--story"]) == 0
    rendered = int(capsys.readouterr().out.split(": ")[1].split()[0])
    hold = 4 * 5  # CARD_HOLD seconds at 5 fps
    extra = rendered - 8 * 5
    assert extra >= hold and extra % hold == 0  # the first beat (5 s) shows its card


def test_split_screen_and_house_record_too(tmp_path: Path) -> None:
    for extra in (["--side-by-side"], ["--scene", "house"]):
        out = tmp_path / f"{extra[-1]}.gif"
        assert main(["--record", str(out), "--seconds", "1", "--fps", "4", *extra]) == 0
        assert frames_of(out)[1] == 1000


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["--record", "clip.avi"], "--record"),
        (["--record", "no/such/folder/clip.gif"], "--record"),
        (["--record", "c.gif", "--fps", "0"], "--fps"),
        (["--record", "c.gif", "--fps", "61"], "--fps"),
        (["--record", "c.gif", "--width", "100"], "--width"),
        (["--record", "c.gif", "--seconds", "601"], "--seconds"),
    ],
)
def test_bad_recordings_get_one_line_and_exit_2(
    argv: list[str], flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and flag in err and "Traceback" not in err


def test_mp4_without_imageio_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = clip.importlib.util.find_spec
    monkeypatch.setattr(
        clip.importlib.util,
        "find_spec",
        lambda name, *a: None if name.startswith("imageio") else real(name, *a),
    )
    assert main(["--record", str(tmp_path / "clip.mp4"), "--seconds", "1"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "pip install imageio imageio-ffmpeg" in err
    assert not (tmp_path / "clip.mp4").exists()


def test_mp4_with_imageio_installed(tmp_path: Path) -> None:
    imageio = pytest.importorskip("imageio.v2", reason="optional: pip install imageio[ffmpeg]")
    pytest.importorskip("imageio_ffmpeg")
    out = tmp_path / "clip.mp4"
    assert main(["--record", str(out), "--seconds", "1", "--fps", "10", "--width", "320"]) == 0
    reader = imageio.get_reader(str(out))
    assert reader.get_meta_data()["size"] == (320, 180)
    assert sum(1 for _ in reader) == 10
    reader.close()


def test_gif_writer_merges_still_frames_and_keeps_time_exact() -> None:
    still = clip.Frame((32, 18), bytes([90, 20, 20]) * 32 * 18)
    moved = clip.Frame((32, 18), bytes([90, 20, 20]) * 31 * 18 + bytes([250, 250, 0]) * 18)
    out = io.BytesIO()
    palette = clip.palette_for([still.image(), moved.image()])
    count = clip.write_gif(out, [still, still, still, moved, moved, still], 15, palette)
    out.seek(0)
    with Image.open(out) as gif:
        durations = []
        for i in range(gif.n_frames):
            gif.seek(i)
            durations.append(gif.info["duration"])
    assert count == 6 and gif.n_frames == 3
    assert sum(durations) == 400  # 6 frames at 15 fps, in GIF's 10 ms steps


@pytest.fixture
def game(tmp_path: Path) -> Game:
    game = Game(ShopConfig(), open_window(headless=True))
    game.recorder.folder = tmp_path / "recordings"
    yield game
    game.shut_down()
    pygame.quit()


def test_f9_records_what_is_on_screen_with_a_red_dot(game: Game) -> None:
    key = pygame.Event(pygame.KEYDOWN, key=pygame.K_F9, unicode="")
    pygame.event.post(key)
    for _ in range(60):  # one second of frames at 60 Hz
        game.frame(FRAME)
    assert game.recorder.recording
    badge = game.recorder.badge
    assert badge is not None
    dot = game.screen.get_at((badge.x + 16, badge.centery))
    assert dot[0] > 200 and dot[1] < 60  # red
    pygame.event.post(key)
    game.frame(FRAME)
    assert not game.recorder.recording
    saved = game.recorder.finish()
    assert saved is not None and saved.parent == game.recorder.folder
    count, millis, size = frames_of(saved)
    assert size == (640, 360) and 950 <= millis <= 1100
    with Image.open(saved) as gif:
        gif.seek(gif.n_frames - 1)
        half = (badge.x // 2, badge.y // 2, badge.right // 2, badge.bottom // 2)
        corner = gif.convert("RGB").crop(half).tobytes()
    reds = [corner[i] - corner[i + 1] for i in range(0, len(corner), 3)]
    assert max(reds) < 150  # the dot is not in the clip


def test_the_main_loop_awaits_once_a_frame(game: Game, monkeypatch: pytest.MonkeyPatch) -> None:
    awaited = []
    real_sleep = asyncio.sleep

    async def counting(delay: float) -> None:
        awaited.append(delay)
        await real_sleep(delay)

    monkeypatch.setattr(asyncio, "sleep", counting)
    assert asyncio.iscoroutinefunction(game.run_async)
    assert game.run(max_frames=7) == 0
    assert awaited == [0] * 7


def test_the_browser_entry_is_awaited_and_plays() -> None:
    from game.app.cli import web_main

    assert asyncio.iscoroutinefunction(web_main)
    assert asyncio.run(web_main(["--frames", "3", "--mute"])) == 0


def test_a_level_records_its_own_running_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--record --level``: the level's own clock runs the clip (not the window's), the
    mistake watched from the start, so the frames change as its day goes on."""
    out = tmp_path / "level.gif"
    argv = ["--record", str(out), "--level", "blocking-cook", "--seconds", "3", "--fps", "4"]
    assert main([*argv, "--record-from", "20"]) == 0
    assert "12 frames at 4 fps" in capsys.readouterr().out
    with Image.open(out) as gif:
        first = gif.convert("RGB").tobytes()
        gif.seek(gif.n_frames - 1)
        last = gif.convert("RGB").tobytes()
    assert first != last  # the level's day moved during the clip
    broken = out.read_bytes()
    assert main([*argv, "--record-from", "20", "--fixed"]) == 0
    assert out.read_bytes() != broken  # the fixed code's day looks different by then


posix = pytest.mark.skipif(os.name == "nt", reason="POSIX signals")


@posix
def test_a_second_ctrl_c_does_not_cut_the_clean_up_short() -> None:
    """The first stop signal raises; more, while the command cleans up (deleting a half
    clip), are ignored until the handlers are restored."""
    from game.app import cli

    cleaned = []
    with pytest.raises(KeyboardInterrupt), cli.stop_signals():
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)  # interrupted at once
        except KeyboardInterrupt:
            os.kill(os.getpid(), signal.SIGINT)  # pressed again, during the clean-up
            time.sleep(0.05)
            cleaned.append(True)
            raise
    assert cleaned == [True]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


@posix
def test_a_recording_killed_mid_clip_never_leaves_a_partial_clip_at_its_name(
    tmp_path: Path,
) -> None:
    clip = tmp_path / "c.gif"
    child = subprocess.Popen(
        [sys.executable, "main.py", "--record", str(clip), "--seconds", "600", "--fps", "30"],
        cwd=ROOT,
        env={**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not any(p.stat().st_size > 10_000 for p in tmp_path.iterdir()):  # frames coming
            assert child.poll() is None and time.monotonic() < deadline
            time.sleep(0.01)
    finally:
        child.kill()  # no clean-up at all
        child.wait()
    assert not clip.exists(), "the clip's own name appears only once the clip is whole"


def test_f9_in_a_build_without_threads_says_why_and_shuts_down_cleanly(
    game: Game, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    def no_threads(self: threading.Thread) -> None:
        raise RuntimeError("can't start new thread")

    monkeypatch.setattr(threading.Thread, "start", no_threads)
    key = pygame.Event(pygame.KEYDOWN, key=pygame.K_F9, unicode="")
    pygame.event.post(key)
    for _ in range(10):
        game.frame(FRAME)
    assert not game.recorder.recording
    assert game.notice.visible and "cannot start threads" in game.notice.text
    game.shut_down()  # and again by the fixture: nothing to join, nothing raised
    assert not game.recorder.folder.exists() or not any(game.recorder.folder.iterdir())
