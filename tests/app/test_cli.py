"""The command line: headless reports, and one clear line with exit code 2 for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.app.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_headless_table_reports_both_shops(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--headless", "--compare", "--seconds", "600"]) == 0
    out = capsys.readouterr().out
    assert "concurrent" in out and "parallel" in out
    assert "waiting spent flirting" in out and "staff utilisation" in out


def test_headless_json_has_every_metric(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--headless", "--mode", "parallel", "--seconds", "300", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "parallel"
    for key in (
        "served",
        "throughput_per_min",
        "mean_wait",
        "p95_wait",
        "flirt_share",
        "stand_share",
        "staff_utilisation",
        "mean_in_line",
    ):
        assert key in data
    assert data["served"] > 0 and data["flirt_share"] == 0


def test_same_seed_same_report(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--headless", "--seconds", "900", "--seed", "9", "--json"]
    main(args)
    first = json.loads(capsys.readouterr().out)
    main(args)
    second = json.loads(capsys.readouterr().out)
    first.pop("wall_seconds"), second.pop("wall_seconds")
    assert first == second


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["--cashiers", "0"], "--cashiers"),
        (["--stations", "9"], "--stations"),
        (["--cook-time", "soon"], "--cook-time"),
        (["--arrival-mean", "-1"], "--arrival-mean"),
        (["--mode", "drive-in"], "--mode"),
        (["--seconds", "0"], "--seconds"),
        (["--seed", "x"], "--seed"),
        (["--speed", "100"], "--speed"),
        (["--walk-speed", "nan"], "--walk-speed"),
    ],
)
def test_bad_values_get_one_line_and_exit_2(
    argv: list[str], flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--headless", *argv]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert flag in err and "Traceback" not in err


def test_real_entry_point_exit_code_and_no_traceback() -> None:
    bad = subprocess.run(
        [sys.executable, "main.py", "--headless", "--cooks", "-2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1 and "--cooks" in bad.stderr
    good = subprocess.run(
        [sys.executable, "main.py", "--headless", "--seconds", "120"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert good.returncode == 0, good.stderr
    assert "couples served" in good.stdout


def test_crashing_actor_is_named_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from game.shop import actors

    async def broken(shop, me, counter):  # noqa: ANN001 - test double
        raise KeyError("register jammed")

    monkeypatch.setattr(actors, "cashier", broken)
    assert main(["--headless", "--seconds", "10"]) == 1
    err = capsys.readouterr().err
    assert "actor 'cashier' crashed" in err and "register jammed" in err
