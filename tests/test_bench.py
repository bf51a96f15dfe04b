"""The benchmark command runs end to end; its figures are never asserted (not timed tests)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.bench import sched, sim
from game.bench.doc import counts_in, document
from game.bench.overload import OVERLOAD, arrived
from game.bench.report import Section, as_markdown, as_text, summarize
from game.shop import CONCURRENT, MODES, Shop, ShopConfig

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
    assert "5. Overload" in done.stdout
    assert "targets not judged" in done.stdout
    assert "PASS" not in done.stdout and "FAIL" not in done.stdout  # quick figures: no verdicts


def test_markdown_is_the_whole_document_of_the_sections_run(tmp_path: Path) -> None:
    done = bench("--quick", "--only", "sched", "--markdown")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert text.startswith("# Performance") and "## How to run" in text
    assert "### 3. Scheduler overhead" in text and "3. **Scheduler overhead.**" in text
    assert "### 1. Frame cost" not in text and "1. **Frame cost.**" not in text
    assert "Not judged" in text
    assert "M/M/3 queue, 2,000 customers: mean wait" in counts_in(text)
    assert "Async Burgers benchmarks" in done.stderr  # progress apart from the document
    out = tmp_path / "perf.md"
    done = bench("--quick", "--only", "sched", "--markdown", str(out), "--machine", "a test box")
    assert done.returncode == 0, done.stderr
    assert "== 3. Scheduler overhead ==" in done.stdout
    assert "a test box" in out.read_text()


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


def test_document_lists_targets_counts_and_misses() -> None:
    section = Section("demo")
    section.add("thing", "ms", [1.0, 2.0, 3.0])
    section.check("thing <= 1 ms", "2.00 ms", False, "own time: draw 80%")
    section.count("things made", 12_345)
    text = document(["sched"], [section], judged=True, platform_line="box", note="shared VM")
    assert "| thing <= 1 ms | 2.00 ms | **FAIL** |" in text
    assert "0 of 1 targets pass." in text
    assert "- **thing <= 1 ms**: 2.00 ms. own time: draw 80%." in text
    assert "Machine: box" in text and "shared VM" in text
    assert counts_in(text) == {"things made": "12,345"}


# -- the committed document against a fresh run -------------------------------------------
DOC = ROOT / "docs" / "performance.md"
FULL = os.environ.get("BENCH_DOC_FULL") == "1"  # also the slow counts (~15 s more)


def fresh_counts(full: bool) -> dict[str, str]:
    """The document's deterministic counts, recomputed with the bench's own functions."""
    out: dict[str, str] = {}
    modes = MODES if full else (CONCURRENT,)  # the concurrent day: the count the issue saw
    for mode in modes:
        config = ShopConfig(mode=mode, couples=sim.DAY_COUPLES, **sim.BUSY_DAY)  # type: ignore[arg-type]
        _, _, shop, _, _ = sim.busy_day(config)
        name = f"{mode}, day of {sim.DAY_COUPLES:,} couples"
        out[f"{name}: resumes"] = f"{shop.kernel.resumes:,}"
        out[f"{name}: virtual s"] = f"{shop.now:.3f}"
    customers = 20_000
    _, wait = sched.mmc_ours(sched.mmc_plan(customers))
    out[f"M/M/{sched.SERVERS} queue, {customers:,} customers: mean wait"] = f"{wait:.9f}"
    for seconds, name in [(3600.0, "1 h"), *([(14400.0, "4 h")] if full else [])]:
        shop = Shop(OVERLOAD)
        shop.fast_forward(seconds)
        out[f"overload {name}: couples arrived"] = f"{arrived(shop):,}"
        out[f"overload {name}: couples left"] = f"{len(shop.departed):,}"
        out[f"overload {name}: resumes"] = f"{shop.kernel.resumes:,}"
    for hours in (1, 24) if full else (1,):
        served = 0
        for mode in MODES:
            shop = Shop(ShopConfig(mode=mode), strict=False)
            shop.fast_forward(hours * 3600.0)
            served += len(shop.served)
        out[f"default game at {hours:g} h: couples served (both shops)"] = f"{served:,}"
    return out


def test_the_committed_documents_counts_are_those_of_a_fresh_run() -> None:
    written = counts_in(DOC.read_text())
    fresh = fresh_counts(FULL)
    assert fresh.keys() <= written.keys(), "docs/performance.md lacks counts: re-run the bench"
    stale = {k: (written[k], v) for k, v in fresh.items() if written[k] != v}
    assert not stale, (
        f"docs/performance.md is stale (written, now): {stale}; rewrite it with "
        "python -m game.bench --markdown docs/performance.md"
    )
