"""The benchmark command runs end to end; its figures are never asserted (not timed tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.bench.report import Section, as_markdown, as_text, summarize

ROOT = Path(__file__).resolve().parents[1]


def bench(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.run(
        [sys.executable, "-m", "game.bench", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_quick_run_prints_every_section() -> None:
    done = bench("--quick")
    assert done.returncode == 0, done.stderr
    for title in ("1. Frame cost", "2. Simulation speed", "3. Scheduler", "4. Start-up"):
        assert title in done.stdout
    assert "targets not judged" in done.stdout
    assert "PASS" not in done.stdout and "FAIL" not in done.stdout  # quick figures: no verdicts


def test_only_picks_sections_and_markdown_renders() -> None:
    done = bench("--quick", "--only", "sched", "--markdown")
    assert done.returncode == 0, done.stderr
    assert "### 3. Scheduler overhead" in done.stdout
    assert "Frame cost" not in done.stdout


def test_unknown_section_is_a_usage_error() -> None:
    done = bench("--only", "frames")
    assert done.returncode == 2
    assert "unknown section(s) frames" in done.stderr


def test_summary_median_p99_and_range() -> None:
    stats = summarize([float(x) for x in range(1, 101)])
    assert (stats.median, stats.p99, stats.low, stats.high, stats.n) == (
        50.5,
        99.0,
        1.0,
        100.0,
        100,
    )
    assert summarize([3.0]).p99 == 3.0
    with pytest.raises(ValueError):
        summarize([])


def test_tables_show_verdicts_only_when_judged() -> None:
    section = Section("demo")
    section.add("thing", "ms", [1.0, 2.0, 3.0], "a note")
    section.check("thing <= 2 ms", "2.00 ms", True)
    assert "[PASS] thing <= 2 ms" in as_text(section, judged=True)
    assert "[----]" in as_text(section, judged=False)
    assert "| thing | 2.00 | 3.00 | 1.00 - 3.00 | 3 | ms | a note |" in as_markdown(section, True)
