"""The learner's code per level, kept between runs beside the score (``score.data_dir()``):
``code/<level>.py``, plain files the learner may also open in their own editor.

As with the score, a file that cannot be read or written costs the player that file, never
the game: ``save`` returns one line saying why (or None), ``load`` treats an unreadable file
as not saved. Nothing is written outside the data directory: the level's name is checked
against the levels the game has.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..i18n import _
from ..shop.learner import level_for, starting_code
from .score import data_dir

FOLDER = "code"


def path_for(level_name: str) -> Path:
    level = level_for(level_name)  # KeyError for a name that is not a level
    return data_dir() / FOLDER / f"{level.name}.py"


def load(level_name: str) -> str | None:
    """The learner's saved code for the level, or None (never saved, or unreadable)."""
    try:
        return path_for(level_name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def code_for(level_name: str) -> str:
    """What the editor opens: the saved code, else the level's starting code."""
    saved = load(level_name)
    return saved if saved is not None else starting_code(level_for(level_name))


def save(level_name: str, text: str) -> str | None:
    """Keep ``text`` (atomically); a problem in one line, or None."""
    path = path_for(level_name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(path.name + ".part")
        part.write_text(text, encoding="utf-8")
        os.replace(part, path)
    except OSError as error:
        why = error.strerror or str(error)
        return _("code not saved ({why}: {path})").format(why=why, path=path)
    return None


def reset(level_name: str) -> str:
    """Forget the learner's code for the level; returns the starting code."""
    with contextlib.suppress(OSError):
        path_for(level_name).unlink(missing_ok=True)
    return starting_code(level_for(level_name))
