"""Start-up time and memory, each measured in a fresh Python process.

Fresh processes because both figures are about what a player's process pays: the
interpreter, the imports, the sprite sheets, the first frame; and the memory of one
game only, not of this benchmark's own earlier sections.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from .report import Section

ROOT = Path(__file__).resolve().parents[2]
FIRST_FRAME_TARGET_S = 1.0
PEAK_RSS_TARGET_MB = 150.0
FLAT_TARGET = 0.05


def _env() -> dict[str, str]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    return env


def wall_of(argv: list[str]) -> float:
    """Whole-process wall seconds, launch to exit; fails loudly if the process fails."""
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env=_env(), check=True, capture_output=True)
    return time.perf_counter() - start


def probe(*args: str) -> dict[str, float]:
    env = _env()
    env["BENCH_LAUNCH"] = repr(time.time())
    done = subprocess.run(
        [sys.executable, "-m", "game.bench.probe", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(quick: bool) -> Section:
    repeats = 1 if quick else 5
    minutes = 2 if quick else 10
    section = Section("4. Start-up and memory (fresh processes)")
    py = sys.executable
    section.add(
        "python -c pass",
        "s",
        [wall_of([py, "-c", "pass"]) for _ in range(repeats)],
        "interpreter alone",
    )
    section.add(
        "python -c 'import pygame'",
        "s",
        [wall_of([py, "-c", "import pygame"]) for _ in range(repeats)],
        "",
    )
    marks = [probe("first-frame") for _ in range(repeats)]
    for key in ("imports done", "window open", "Game built"):
        section.add(f"  launch -> {key}", "s", [m[key] for m in marks], "")
    first = section.add(
        "launch -> first frame flipped",
        "s",
        [m["first frame flipped"] for m in marks],
        "real main.py --frames 1, flip observed",
    )
    whole = section.add(
        "python main.py --frames 1",
        "s",
        [wall_of([py, "main.py", "--frames", "1"]) for _ in range(repeats)],
        "whole process, incl. pygame.quit and exit",
    )
    section.check(
        f"first frame <= {FIRST_FRAME_TARGET_S:g} s after launch",
        f"median {first.median:.2f} s (whole process {whole.median:.2f} s)",
        first.median <= FIRST_FRAME_TARGET_S,
    )

    runs = [probe("memory", str(60.0 * minutes)) for _ in range(1 if quick else 2)]
    peak = section.add(
        f"peak RSS, {minutes} virtual min at 16x",
        "MB",
        [r["peak_mb"] for r in runs],
        f"{runs[0]['frames']} frames drawn in {runs[0]['wall']:.1f} s wall; "
        f"{runs[0]['couples']} couples came in",
    )
    early = minutes // 5 or 1  # minute 2 of 10 (minute 1 of a quick 2)
    growth = [
        (r["samples"][minutes][1] - r["samples"][early][1]) / r["samples"][early][1] for r in runs
    ]
    rss = runs[0]["samples"]
    (_, _, labels0, variants0), (_, _, labels1, variants1) = rss[early], rss[minutes]
    section.add(
        f"RSS growth, minute {early} -> {minutes}",
        "%",
        [100 * g for g in growth],
        f"meanwhile label cache {labels0} -> {labels1}, sprite variants {variants0} -> {variants1}",
    )
    section.notes.append("RSS by minute (MB): " + " ".join(f"{s[1]:.0f}" for s in rss))
    section.check(
        f"peak RSS <= {PEAK_RSS_TARGET_MB:g} MB",
        f"{peak.high:.0f} MB",
        peak.high <= PEAK_RSS_TARGET_MB,
    )
    section.check(
        f"RSS flat from minute {early} to {minutes} (<= {FLAT_TARGET:.0%} growth)",
        f"{max(growth):+.1%}",
        max(growth) <= FLAT_TARGET,
    )
    section.notes.append(
        "launch -> X: wall clock from just before the parent spawns the child to X; "
        "'first frame flipped' covers interpreter start, imports, window, sprite sheets, "
        "both shops, views, one clock.tick (may wait up to 1/60 s), draw and flip"
    )
    return section
