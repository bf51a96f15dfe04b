"""The learner's code outside the window: --print-code, --headless --code FILE [--json],
and the saved code beside the score."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.app import code_store
from game.app.cli import main
from game.shop import learner
from game.shop.levels import LEVELS, level_named

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", [level.name for level in LEVELS] + ["kitchen"])
def test_print_code_is_the_starting_code_and_it_runs(name: str, capsys) -> None:
    assert main(["--level", name, "--print-code"]) == 0
    text = capsys.readouterr().out
    level = level_named(name)
    assert text == learner.starting_code(level)
    compiled = learner.compile_level_code(level, text)
    assert compiled.ok, compiled.errors
    assert set(compiled.functions) == set(level.parts)
    compile(text, "as a file", "exec")  # and a plain Python file too


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "mine.py"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_headless_json_reports_goals_and_figures(tmp_path: Path, capsys) -> None:
    start = learner.starting_code(level_named("blocking-cook"))
    fixed = start.replace(
        "tray = me.cook_burgers_sync(order, grill)", "tray = await me.cook_burgers(order, grill)"
    )
    for text, solved in ((start, False), (fixed, True)):
        code = write(tmp_path, text)
        argv = ["--headless", "--level", "blocking-cook", "--code", code, "--json"]
        assert main(argv) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["solved"] is solved
        assert [g["name"] for g in data["goals"]] == [
            "runs",
            "loop-free",
            "everyone-served",
            "mean-wait",
        ]
        assert all(set(g) >= {"name", "met", "figure"} for g in data["goals"])
        assert data["arrived"] == 12 and "longest_block" in data


def test_headless_text_is_a_checklist(tmp_path: Path, capsys) -> None:
    code = write(tmp_path, learner.starting_code(level_named("one-after-another")))
    assert main(["--headless", "--level", "one-after-another", "--code", code]) == 0
    out = capsys.readouterr().out
    assert "not solved yet" in out
    assert "[x] every couple gets burgers and drinks" in out
    assert "[ ] burgers and drinks are fetched at the same time: 12 couples" in out


def test_a_syntax_error_is_file_line_col_and_exit_2(tmp_path: Path, capsys) -> None:
    code = write(tmp_path, "import asyncio\nasync def cook(shop, me, grill)\n    pass\n")
    assert main(["--headless", "--level", "blocking-cook", "--code", code, "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"{code}:2:32: expected ':'\n"


@pytest.mark.parametrize(
    "argv, says",
    [
        (["--code", "x.py", "--headless"], "argument --code: only with --level NAME"),
        (["--print-code"], "argument --print-code: only with --level NAME"),
        (["--level", "nope", "--print-code"], "unknown level 'nope'"),
        (["--level", "blocking-cook", "--code", "x.py", "--fixed"], "not with --fixed"),
        (["--headless", "--level", "blocking-cook", "--code", "/no/such.py"], "no such file"),
    ],
)
def test_bad_code_arguments_are_one_line(argv: list[str], says: str, capsys) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1


def test_a_runaway_is_an_unmet_goal_naming_its_line(tmp_path: Path, capsys) -> None:
    start = learner.starting_code(level_named("blocking-cook"))
    text = start.replace(
        "        tray = me.cook_burgers_sync",
        "        while True:\n            pass\n        tray = me.cook_burgers_sync",
    )
    code = write(tmp_path, text)
    began = time.monotonic()
    assert main(["--headless", "--level", "blocking-cook", "--code", code, "--json"]) == 0
    assert time.monotonic() - began < 10
    runs = json.loads(capsys.readouterr().out)["goals"][0]
    assert runs["name"] == "runs" and not runs["met"]
    loop = text.splitlines().index("        while True:") + 1
    assert any(f"line {n} never reached an await" in runs["figure"] for n in (loop, loop + 1))


def test_a_call_that_never_returns_is_reported_within_10_s(tmp_path: Path) -> None:
    """One C call the watchdog cannot interrupt: the check's own wall-clock limit names it."""
    start = learner.starting_code(level_named("blocking-cook"))
    text = start.replace(
        "        tray = me.cook_burgers_sync",
        "        x = 2 ** 10 ** 10\n        tray = me.cook_burgers_sync",
    )
    code = write(tmp_path, text)
    began = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            "main.py",
            "--headless",
            "--level",
            "blocking-cook",
            "--code",
            code,
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert time.monotonic() - began < 10 + 2  # the interpreter's own start-up on top
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    line = text.splitlines().index("        x = 2 ** 10 ** 10") + 1
    assert data["solved"] is False
    assert f"line {line} never came back" in data["goals"][0]["figure"]


def test_code_is_kept_beside_the_score_and_reset(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ASYNC_BURGERS_DATA", str(tmp_path))
    level = level_named("forgotten-await")
    assert code_store.load(level.name) is None
    assert code_store.code_for(level.name) == learner.starting_code(level)
    assert code_store.save(level.name, "# mine\n") is None
    assert (tmp_path / "code" / "forgotten-await.py").read_text() == "# mine\n"
    assert code_store.code_for(level.name) == "# mine\n"
    assert code_store.reset(level.name) == learner.starting_code(level)
    assert code_store.load(level.name) is None
    with pytest.raises(KeyError):
        code_store.path_for("../../etc/passwd")


def test_code_that_cannot_be_saved_says_why(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("ASYNC_BURGERS_DATA", str(blocker))
    problem = code_store.save("blocking-cook", "x")
    assert problem is not None and "code not saved" in problem
