"""The player's score between runs: which levels were predicted right and which solved,
in a small JSON file in the user's data directory (found by ``platformdirs``).

A missing file is a fresh start. A corrupt or unreadable one, or one that cannot be
written, costs the player their score, never the game: ``problem`` holds one line saying
why, the caller shows it once, and play goes on with the score kept in memory.
``ASYNC_BURGERS_DATA`` names another directory (tests, a classroom's shared machine).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from ..i18n import _

FILE = "score.json"
VERSION = 1


def data_dir() -> Path:
    override = os.environ.get("ASYNC_BURGERS_DATA")
    if override:
        return Path(override)
    return platformdirs.user_data_path("async-burgers", appauthor=False)


@dataclass
class Score:
    """Per level: the first prediction right or wrong, and whether it was fixed."""

    path: Path
    predicted: dict[str, bool] = field(default_factory=dict)
    solved: set[str] = field(default_factory=set)
    problem: str | None = None  # the last load or save problem, in one line

    @property
    def right(self) -> int:
        return sum(self.predicted.values())

    def predict(self, level: str, right: bool) -> None:
        """The first answer counts: replaying a level cannot turn a wrong guess right."""
        if level not in self.predicted:
            self.predicted[level] = right
            self.save()

    def solve(self, level: str) -> None:
        if level not in self.solved:
            self.solved.add(level)
            self.save()

    def as_json(self) -> str:
        return json.dumps(
            {"version": VERSION, "predicted": self.predicted, "solved": sorted(self.solved)},
            indent=2,
        )

    def save(self) -> None:
        """Write the file (atomically: a crash mid-write leaves the old one)."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            part = self.path.with_name(self.path.name + ".part")
            part.write_text(self.as_json(), encoding="utf-8")
            os.replace(part, self.path)
        except OSError as error:
            why = error.strerror or str(error)
            self.problem = _("score not saved ({why}: {path})").format(why=why, path=self.path)
        else:
            self.problem = None


def load(path: Path | None = None) -> Score:
    """The saved score, or a fresh one (with ``problem`` set if the file was bad)."""
    path = path or data_dir() / FILE
    score = Score(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return score
    except (OSError, UnicodeDecodeError) as error:
        why = getattr(error, "strerror", None) or str(error)
        score.problem = _("score not read ({why}: {path})").format(why=why, path=path)
        return score
    try:
        data = json.loads(text)
        predicted = data["predicted"]
        solved = data["solved"]
        if not (
            isinstance(predicted, dict)
            and all(isinstance(k, str) and isinstance(v, bool) for k, v in predicted.items())
            and isinstance(solved, list)
            and all(isinstance(name, str) for name in solved)
        ):
            raise ValueError("wrong shape")
    except (ValueError, KeyError, TypeError) as error:
        score.problem = _("score file is damaged, starting afresh ({why}: {path})").format(
            why=error, path=path
        )
        return score
    score.predicted, score.solved = dict(predicted), set(solved)
    return score
