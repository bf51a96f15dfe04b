"""What levels 10 and 11 rely on, run on real asyncio and on the game's ``asyncio``.

Each program runs on real asyncio (on a virtual clock, ``aio_virtual_loop.py``) and on
``game.scheduler.aio``; what it logs, with the virtual time, and how it ends must be the
same: a cancellation swallowed inside ``asyncio.timeout`` (no ``TimeoutError``, the body
runs on), a worker whose bare ``except`` outlives ``cancel()``, ``except Exception`` that
lets a cancellation by, ``wait_for`` around a coroutine that refuses it, ``gather`` that
hands on the first error while the other awaitable runs on, and a ``TaskGroup`` that
cancels the others and raises an ``ExceptionGroup`` (its message, its exceptions, and
``except*``).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from cancel_programs import PROGRAMS, differences, outcome, run_real  # tests/scheduler/

from game.scheduler import aio

pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 11), reason="TaskGroup, timeout and except* came with Python 3.11"
)


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_the_same_program_on_real_asyncio_and_on_ours(name: str) -> None:
    real = outcome(asyncio, run_real, PROGRAMS[name])
    ours = outcome(aio, aio.run, PROGRAMS[name])
    assert ours == real
    assert real[0] or real[1][0] == "raised"  # each program says something


def test_what_the_programs_show() -> None:
    """The behaviours the levels are built on, read off real asyncio's runs."""
    said = {name: outcome(asyncio, run_real, source) for name, source in PROGRAMS.items()}
    log, _end = said["a cancellation swallowed inside asyncio.timeout"]
    assert log == [(1.0, "swallowed"), (3.0, "body ran on"), (3.0, "no TimeoutError", True, 0)]
    log, _end = said["a worker whose bare except outlives cancel()"]
    assert (1.6, "after cancel", False, 1) in log
    assert log[-1] == (3.5, "ended", False, "went on to the end")
    log, _end = said["gather hands on the first error; the other runs on"]
    assert log == [
        (1.0, "caught", "the drinks fountain is out of order"),
        (3.0, "burgers fetched"),
        (6.0, "main ends"),
    ]
    log, _end = said["a TaskGroup cancels the others and raises the group"]
    assert log[:2] == [(1.0, "burgers cancelled"), (1.5, "burgers clean-up done")]
    assert log[2] == (
        1.5,
        "group",
        "ExceptionGroup",
        "unhandled errors in a TaskGroup (1 sub-exception)",
        ["RuntimeError('the drinks fountain is out of order')"],
    )
    _log, end = said["a plain except around a TaskGroup: the group goes through"]
    assert end == (
        "raised",
        "ExceptionGroup",
        "unhandled errors in a TaskGroup (1 sub-exception)",
        ["RuntimeError('the drinks fountain is out of order')"],
    )


def test_they_agree_on_every_other_python_3_11_and_on() -> None:
    """wait_for runs its awaitable in a task of its own up to 3.11, in the very task from
    3.12: each Python's asyncio against ours under that Python."""
    import os
    import shutil

    here = Path(__file__).resolve().parent
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    ran = 0
    for minor in (11, 12, 13):
        if minor == sys.version_info.minor:
            continue
        found = [shutil.which(f"python3.{minor}"), *map(str, root.glob(f"3.{minor}.*/bin/python"))]
        for python in filter(None, found):
            done = subprocess.run(
                [python, str(here / "cancel_programs.py")],
                capture_output=True,
                text=True,
                timeout=120,
            )
            if done.returncode != 0 or not done.stdout.strip():
                continue  # not a usable interpreter (a shim without that version)
            assert done.stdout.strip() == "[]", (python, done.stdout)
            ran += 1
            break
    if not ran:
        pytest.skip("no other CPython 3.11+ on this machine")
    assert differences() == []
