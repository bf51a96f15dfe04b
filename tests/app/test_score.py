"""Issue 10: the score survives runs; a bad file costs the score, never the game."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.app import score as score_module
from game.app.score import Score, data_dir, load

ROOT = Path(__file__).resolve().parents[2]


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "score.json"
    score = load(path)
    assert score.problem is None and score.right == 0
    score.predict("blocking-cook", True)
    score.predict("blocking-cook", False)  # the first answer counts
    score.predict("forgotten-await", False)
    score.solve("blocking-cook")
    again = load(path)
    assert again.predicted == {"blocking-cook": True, "forgotten-await": False}
    assert again.solved == {"blocking-cook"} and again.right == 1
    assert again.problem is None


@pytest.mark.parametrize(
    "text", ["{not json", "[]", '{"predicted": {"a": 1}, "solved": []}', '{"version": 1}']
)
def test_a_corrupt_file_is_one_problem_line_and_a_fresh_score(tmp_path: Path, text: str) -> None:
    path = tmp_path / "score.json"
    path.write_text(text)
    score = load(path)
    assert score.predicted == {} and score.solved == set()
    assert score.problem is not None and "\n" not in score.problem
    assert str(path) in score.problem


def test_an_unwritable_place_keeps_the_score_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    score = Score(blocker / "score.json")  # a directory that is a file
    score.solve("cpu-on-the-loop")
    assert score.solved == {"cpu-on-the-loop"}
    assert score.problem is not None and "not saved" in score.problem


def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "score.json"
    path.mkdir()  # reading a directory fails with an OSError
    score = load(path)
    assert score.problem is not None and "not read" in score.problem


def test_the_data_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("ASYNC_BURGERS_DATA", str(tmp_path))
    assert data_dir() == tmp_path
    monkeypatch.delenv("ASYNC_BURGERS_DATA")
    assert "async-burgers" in str(data_dir())
    assert score_module.FILE == "score.json"


def test_the_file_is_small_json(tmp_path: Path) -> None:
    path = tmp_path / "score.json"
    score = Score(path)
    score.solve("one-after-another")
    data = json.loads(path.read_text())
    assert data == {"version": 1, "predicted": {}, "solved": ["one-after-another"]}
    assert not os.path.exists(str(path) + ".part")


def test_deeply_nested_json_is_a_damaged_file_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "score.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    score = load(path)
    assert score.problem is not None and "damaged" in score.problem
    assert score.solved == set()


def test_a_planted_part_link_is_not_written_through(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("mine")
    (data / "score.json.part").symlink_to(outside)
    score = load(data / "score.json")
    score.solve("level-1")
    assert score.problem is None
    assert outside.read_text() == "mine"
    assert load(data / "score.json").solved == {"level-1"}
    assert not [p for p in data.iterdir() if p.name.endswith(".part") and not p.is_symlink()]


def test_two_games_keep_each_others_solved_levels(tmp_path: Path) -> None:
    path = tmp_path / "score.json"
    first, second = load(path), load(path)  # both read an empty score at start
    first.solve("a")
    second.solve("b")
    first.predict("c", True)
    assert load(path).solved == {"a", "b"} and load(path).predicted == {"c": True}


def test_two_processes_saving_at_once_lose_nothing_and_damage_nothing(tmp_path: Path) -> None:
    path = tmp_path / "score.json"
    code = (
        "import sys, time; from pathlib import Path; from game.app.score import load\n"
        "go = Path(sys.argv[1]).with_name('go')\n"
        "while not go.exists(): time.sleep(0.001)\n"
        "s = load(Path(sys.argv[1])); bad = 0\n"
        "for i in range(150):\n"
        "    s.solve(f'{sys.argv[2]}{i}'); bad += s.problem is not None\n"
        "    bad += load(Path(sys.argv[1])).problem is not None\n"
        "print(bad)\n"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(path), who],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for who in ("x", "y")
    ]
    (tmp_path / "go").touch()  # both start together
    outputs = [run.communicate(timeout=120)[0].strip() for run in runs]
    assert outputs == ["0", "0"], "no failed save and no damaged load"
    assert load(path).solved == {f"{w}{i}" for w in "xy" for i in range(150)}
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
