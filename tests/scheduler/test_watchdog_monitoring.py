"""The watchdog of a Python without threads (the web page's): sys.monitoring on the
learner's code only. The checks are plain Python (monitoring_checks.py): run here when this
is CPython 3.12+, else in each CPython 3.12+ found (``ASYNC_BURGERS_PYTHON313``,
``python3.13``, ``python3.12``, ``python3.14``); skipped, saying so, when there is none."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHECKS = Path(__file__).with_name("monitoring_checks.py")


def interpreters() -> list[str]:
    """CPython 3.12+ that really run here (a version manager's stand-in may not)."""
    found = []
    chosen = os.environ.get("ASYNC_BURGERS_PYTHON313", "")
    names = [chosen, "python3.13", "python3.12", "python3.14"]
    for name in names:
        path = shutil.which(name) if name else None
        if not path or path in found:
            continue
        try:
            done = subprocess.run(
                [path, "-c", "import sys; print(sys.version_info >= (3, 12))"],
                capture_output=True, text=True, timeout=30,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0 and done.stdout.strip() == "True":
            found.append(path)
    return found


def test_the_watchdog_without_threads_stops_every_runaway() -> None:
    if sys.version_info >= (3, 12):
        sys.path.insert(0, str(CHECKS.parent))
        try:
            import monitoring_checks
        finally:
            sys.path.remove(str(CHECKS.parent))
        monitoring_checks.check_all()
        return
    found = interpreters()
    if not found:
        pytest.skip("sys.monitoring needs CPython 3.12+: none here (ASYNC_BURGERS_PYTHON313=PATH)")
    for python in found:
        done = subprocess.run(
            [python, str(CHECKS)], capture_output=True, text=True, timeout=300,
            cwd=CHECKS.parents[2],
        )
        assert done.returncode == 0, (python, done.stdout[-2000:], done.stderr[-4000:])
        assert done.stdout.startswith("ok: Python 3.1"), done.stdout
