"""The real demonstration: runs quickly, reports the cores, rejects bad input in one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.app.realdemo import compared, cpu_lesson, crunch, main, wait_lesson

ROOT = Path(__file__).resolve().parents[2]


def test_quick_run_prints_core_count_times_and_lessons() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "game.app.realdemo", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert f"{os.cpu_count()} CPU cores (os.cpu_count())" in out
    assert "2 asyncio tasks, one event loop" in out and "ProcessPoolExecutor" in out
    assert "2 waits, one after another" in out and "waiting at once" in out
    assert out.count("lesson:") == 2
    assert out.count(" s") >= 4 and not done.stderr


def test_small_custom_run_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--jobs", "1", "--work", "0.02"]) == 0
    out = capsys.readouterr().out
    assert "1 job, each about 0.02 s" in out


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["--jobs", "0"], "--jobs"),
        (["--jobs", "many"], "--jobs"),
        (["--jobs", "65"], "--jobs"),
        (["--work", "-1"], "--work"),
        (["--work", "nan"], "--work"),
        (["--work", "inf"], "--work"),
        (["--work", "soon"], "--work"),
        (["--fast"], "--fast"),
    ],
)
def test_bad_arguments_get_one_line_and_exit_2(
    argv: list[str], flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    captured = capsys.readouterr()
    err = captured.err.strip()
    assert len(err.splitlines()) == 1 and flag in err
    assert "Traceback" not in err and not captured.out


def test_real_entry_point_bad_argument_exit_2_no_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "game.app.realdemo", "--jobs", "-3"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "--jobs" in done.stderr
    assert "Traceback" not in done.stderr


def test_lessons_say_what_was_measured() -> None:
    assert "1.9x sooner" in cpu_lesson(cores=4, jobs=4, speedup=1.9)
    assert "one core" in cpu_lesson(cores=1, jobs=4, speedup=1.0)
    assert "only 1.0x" in cpu_lesson(cores=2, jobs=4, speedup=1.0)
    busy = cpu_lesson(cores=2, jobs=4, speedup=0.5)  # a busy machine: slower, said so
    assert "2.0x slower" in busy and "sooner" not in busy
    assert compared(0.5).strip() == "2.0x slower" and compared(1.9).strip() == "1.9x sooner"
    assert compared(1.0) == "about the same"
    assert "4 asyncio tasks overlap their waits, 3.9x sooner" in wait_lesson(4, 3.9)


def test_crunch_is_the_classic_c_rand_walk() -> None:
    """The workers in both halves of the CPU lesson must do the same, real work."""
    assert crunch(0) == 12345  # the seed, untouched
    assert crunch(1) == 1406932606  # (12345 * 1103515245 + 12345) mod 2**31
    assert crunch(3) == (crunch(2) * 1103515245 + 12345) % 2**31
    assert crunch(1000) != crunch(1001)
    assert all(0 <= crunch(n) < 2**31 for n in range(50))
