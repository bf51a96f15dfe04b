"""Run a learner's script in a child process and bring back its record.

The child (``python -m game.script.trace``) cannot freeze the game: it has a wall-clock
budget of its own (its watchdog) and, should it not answer, this side kills it a little
later. A run is deterministic (virtual clock, seeded ``random``, fixed hash seed), so the
record is everything the view needs to pause, step back and seek: no second run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from .trace import RUN_BUDGET, STEP_BUDGET

GRACE = 5.0  # wall seconds past the run budget before the child is killed
PACKAGE_ROOT = Path(__file__).resolve().parents[2]  # the folder holding game/


class ScriptError(Exception):
    """The script cannot be run at all (bad path, not Python): one line, exit code 2."""


def check_path(text: str) -> Path:
    path = Path(text)
    if not text.strip():
        raise ScriptError(f"needs a script, got {text!r}")
    if not path.exists():
        raise ScriptError(f"no such script {text!r}")
    if path.is_dir():
        raise ScriptError(f"{text!r} is a folder, not a script")
    if path.suffix != ".py":
        raise ScriptError(f"{text!r} is not a Python script (.py)")
    try:
        source = path.read_text(encoding="utf-8")
        compile(source, str(path), "exec")
    except UnicodeDecodeError:
        raise ScriptError(f"{text!r} is not UTF-8 text") from None
    except SyntaxError as error:
        raise ScriptError(f"{text!r} line {error.lineno}: {error.msg}") from None
    except OSError as error:
        raise ScriptError(f"cannot read {text!r}: {error.strerror}") from None
    return path


def run_script(
    text: str, step_budget: float = STEP_BUDGET, run_budget: float = RUN_BUDGET
) -> dict[str, Any]:
    """The whole record of one run of the script at ``text`` (see ``Recorder.as_json``)."""
    path = check_path(text)
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONPATH=_pythonpath())
    env.pop("PYTHONSTARTUP", None)
    command = [
        sys.executable,
        "-X",
        "utf8",
        "-m",
        "game.script.trace",
        path.name,
        str(step_budget),
        str(run_budget),
    ]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            env=env,
            timeout=run_budget + GRACE,
            check=False,
            stdin=subprocess.DEVNULL,
            cwd=str(path.resolve().parent),
        )
    except subprocess.TimeoutExpired:
        return _silent(
            path,
            f"the script did not answer its watchdog within "
            f"{run_budget + GRACE:g} s of wall-clock time and was killed",
        )
    try:
        return json.loads(done.stdout.decode("utf-8"))
    except ValueError:
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        return _silent(path, f"the script's process ended without a record: {tail[0]}")


def _pythonpath() -> str:
    old = os.environ.get("PYTHONPATH")
    return str(PACKAGE_ROOT) + (os.pathsep + old if old else "")


def _silent(path: Path, message: str) -> dict[str, Any]:
    """The record of a run we lost: no tasks, one reason."""
    return {
        "script": path.name,
        "source": path.read_text(encoding="utf-8"),
        "python": "",
        "exit": 1,
        "end": 0.0,
        "steps": 0,
        "stop": {"kind": "watchdog", "message": message, "line": None, "t": 0.0, "seq": 0},
        "error": None,
        "tasks": [],
        "output": [],
        "blocked": [],
        "cpu": [],
        "wakes": [],
    }


def headless_json(record: dict[str, Any]) -> dict[str, Any]:
    """The record in the documented shape of ``run SCRIPT --headless --json``."""
    return {
        "tasks": [
            {
                "name": task["name"],
                "events": [
                    {"t": e["t"], "state": e["state"], "line": e["line"]} for e in task["events"]
                ],
            }
            for task in record["tasks"]
        ],
        "output": [{"t": o["t"], "text": o["text"]} for o in record["output"]],
        "blocked": [
            {"t": b["t"], "seconds": b["seconds"], "line": b["line"]} for b in record["blocked"]
        ],
        "exit": record["exit"],
    }
