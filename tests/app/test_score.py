"""Issue 10: the score survives runs; a bad file costs the score, never the game."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.app import score as score_module
from game.app.score import Score, data_dir, load


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
