"""The player's score between runs: which levels were predicted right and which solved,
in a small JSON file in the user's data directory (found by ``platformdirs``).

A missing file is a fresh start. A corrupt or unreadable one, or one that cannot be
written, costs the player their score, never the game: ``problem`` holds one line saying
why, the caller shows it once, and play goes on with the score kept in memory.
``ASYNC_BURGERS_DATA`` names another directory (tests, a classroom's shared machine).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no flock
    fcntl = None  # type: ignore[assignment]

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
        """Merge with the file as it is now and write it back, atomically, under a lock.

        Another game may have saved since we read it (two windows, a classroom's shared
        account): its levels are kept, ours are added (a prediction already on file stays,
        the first answer counts). The new text goes to a temporary file of a name nobody
        can have planted (created exclusively, never through a link), then replaces
        the score in one step: a crash mid-write leaves the old one."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with _locked(self.path.with_name(self.path.name + ".lock")):
                on_file = _read(self.path)
                if isinstance(on_file, tuple):
                    predicted, solved = on_file
                    self.predicted = {**self.predicted, **predicted}
                    self.solved |= solved
                fd, part = tempfile.mkstemp(
                    prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent
                )
                try:
                    with os.fdopen(fd, "w", encoding="utf-8") as out:
                        out.write(self.as_json())
                    os.replace(part, self.path)
                except BaseException:
                    with contextlib.suppress(OSError):
                        os.unlink(part)
                    raise
        except OSError as error:
            why = error.strerror or str(error)
            self.problem = _("score not saved ({why}: {path})").format(why=why, path=self.path)
        else:
            self.problem = None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (made if missing, never through a link) where
    the system has ``flock``; elsewhere saves are merged without one."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _read(path: Path) -> tuple[dict[str, bool], set[str]] | str | None:
    """The file's (predicted, solved); None if there is none; else why it is unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        why = getattr(error, "strerror", None) or str(error)
        return _("score not read ({why}: {path})").format(why=why, path=path)
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
    except RecursionError:  # nested deeper than the parser goes
        return _("score file is damaged, starting afresh ({why}: {path})").format(
            why="nested too deep", path=path
        )
    except (ValueError, KeyError, TypeError) as error:
        return _("score file is damaged, starting afresh ({why}: {path})").format(
            why=error, path=path
        )
    return dict(predicted), set(solved)


def load(path: Path | None = None) -> Score:
    """The saved score, or a fresh one (with ``problem`` set if the file was bad)."""
    path = path or data_dir() / FILE
    score = Score(path)
    found = _read(path)
    if isinstance(found, str):
        score.problem = found
    elif found is not None:
        score.predicted, score.solved = found
    return score
