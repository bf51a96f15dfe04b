"""Level 11, gather or TaskGroup: the drinks fountain breaks while a couple pours. With
``gather`` the error reaches the couple at once and their burgers errand runs on after
they have gone; in a ``TaskGroup`` it is cancelled first and the error arrives in an
``ExceptionGroup``, which ``except*`` catches and a plain ``except`` does not (the same
words as the interpreter prints). On Python 3.10 (no TaskGroup, no ``except*``) the level
says it needs 3.11."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from learner_days import play_code, unmet  # tests/shop/learner_days.py

from game.shop.levels import level_named, needs_python, play
from game.shop.places import OUT_OF_ORDER

LEVEL = "gather-or-taskgroup"
ROOT = Path(__file__).resolve().parents[2]
GROUP = "ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)"
ERROR = f"RuntimeError: {OUT_OF_ORDER}"

pytestmark = pytest.mark.skipif(sys.version_info < (3, 11), reason="TaskGroup came with 3.11")


def day(code: str):
    return play_code(LEVEL, code)


def couple(errands: str) -> str:
    """A couple who order, sit, run ``errands`` (which sets ``tray`` or leaves)."""
    return (
        "async def couple(shop, couple):\n"
        "    counter = await couple.line_up(shop.line)\n"
        "    number = await couple.order_at(counter)\n"
        "    table = await shop.tables.take(couple)\n"
        "    await couple.sit_at(table)\n"
        + textwrap.indent(textwrap.dedent(errands), "    ")
        + "    await couple.leave(shop)\n"
    )


GROUPED = """\
try:
    async with asyncio.TaskGroup() as errands:
        burgers = errands.create_task(couple.burgers(number, shop.pickup))
        errands.create_task(couple.drinks(shop.fountain))
{handler}
else:
    await couple.eat(burgers.result())
"""
RIGHT = {
    "TaskGroup, except* RuntimeError": couple(
        GROUPED.format(handler="except* RuntimeError:\n    pass")
    ),
    "TaskGroup, except* Exception": couple(GROUPED.format(handler="except* Exception:\n    pass")),
    "TaskGroup, except ExceptionGroup, its subgroup read": couple(
        GROUPED.format(
            handler=(
                "except ExceptionGroup as group:\n"
                "    if group.subgroup(RuntimeError) is None:\n"
                "        raise"
            )
        )
    ),
    "gather of tasks, the other cancelled by hand": couple(
        """\
burgers = asyncio.create_task(couple.burgers(number, shop.pickup))
drinks = asyncio.create_task(couple.drinks(shop.fountain))
try:
    tray, _ = await asyncio.gather(burgers, drinks)
except RuntimeError:
    burgers.cancel()
    await asyncio.gather(burgers, return_exceptions=True)
else:
    await couple.eat(tray)
"""
    ),
}
WRONG = {
    "gather: the burgers errand runs on": (
        couple(
            """\
try:
    tray, _ = await asyncio.gather(
        couple.burgers(number, shop.pickup), couple.drinks(shop.fountain)
    )
except RuntimeError:
    pass
else:
    await couple.eat(tray)
"""
        ),
        {"no-orphans", "nothing-for-nobody"},
    ),
    "TaskGroup, a plain except misses the group": (
        couple(GROUPED.format(handler="except RuntimeError:\n    pass")),
        {"runs"},
    ),
    "gather(return_exceptions=True): burgers fetched, not eaten": (
        couple(
            """\
tray, drinks = await asyncio.gather(
    couple.burgers(number, shop.pickup),
    couple.drinks(shop.fountain),
    return_exceptions=True,
)
if not isinstance(drinks, Exception):
    await couple.eat(tray)
"""
        ),
        {"nothing-for-nobody"},
    ),
    "one errand after the other, burgers first": (
        couple(
            """\
tray = await couple.burgers(number, shop.pickup)
try:
    await couple.drinks(shop.fountain)
except RuntimeError:
    pass
else:
    await couple.eat(tray)
"""
        ),
        {"nothing-for-nobody", "together"},
    ),
}


@pytest.mark.parametrize("fix", list(RIGHT))
def test_a_task_group_cancels_the_other_errand(fix: str) -> None:
    result = day(RIGHT[fix])
    assert result.solved, unmet(result)
    assert result.figures["orphans"] == 0 and result.figures["for_nobody"] == 0
    assert result.outcome.served == 7


@pytest.mark.parametrize("fix", list(WRONG))
def test_gather_and_plain_except_do_not(fix: str) -> None:
    code, goals = WRONG[fix]
    result = day(code)
    assert not result.solved
    why = unmet(result)
    assert set(why) == goals, why
    if "runs" in why:  # the group went by the plain except: it failed at the async with line
        assert why["runs"] == f"couple #8, line 8: {GROUP} | {ERROR}"
        assert {p.actor for p in result.problems} == {f"couple #{i}" for i in range(8, 13)}


@pytest.mark.parametrize(("fixed", "orphans", "for_nobody"), [(False, 5, 3), (True, 0, 0)])
def test_headless_broken_and_fixed(fixed: bool, orphans: int, for_nobody: int) -> None:
    result = play(LEVEL, fixed)
    assert result.solved is fixed
    assert result.figures["orphans"] == orphans
    assert result.figures["for_nobody"] == for_nobody
    assert result.outcome.served == 7  # 8 to 12 found the fountain broken: no date
    assert result.problems == [] and result.python_said == []


INTERPRETER = f"""
import asyncio

async def burgers():
    await asyncio.sleep(0.3)
    return "tray"

async def drinks():
    await asyncio.sleep(0.1)
    raise RuntimeError({OUT_OF_ORDER!r})

async def couple():
    try:
        async with asyncio.TaskGroup() as errands:
            errands.create_task(burgers())
            errands.create_task(drinks())
    except RuntimeError:
        pass

asyncio.run(couple())
"""


def test_the_group_is_the_interpreters_own() -> None:
    """The same TaskGroup and plain except under the real interpreter: its traceback ends
    with the group's line and, inside, the fountain's error; the game says those lines."""
    real = subprocess.run(
        [sys.executable, "-c", INTERPRETER], capture_output=True, text=True, timeout=60
    )
    assert real.returncode == 1
    lines = [line.strip(" |+-") for line in real.stderr.splitlines()]
    said = [line for line in lines if line.startswith(("ExceptionGroup", "RuntimeError"))]
    assert said == [GROUP, ERROR], real.stderr
    result = day(WRONG["TaskGroup, a plain except misses the group"][0])
    assert result.problems[0].message.split(" | ") == said


def test_python_3_10_is_told_the_level_needs_3_11() -> None:
    level = level_named(LEVEL)
    assert needs_python(level) == ""
    said = needs_python(level, (3, 10, 13))
    assert said == (
        "level gather-or-taskgroup needs Python 3.11 or newer (TaskGroup and except* came "
        "with Python 3.11); this is Python 3.10.13"
    )
    assert needs_python(level_named("swallowed-cancel"), (3, 10, 13)) == ""


def python_3_10() -> str | None:
    """A CPython 3.10 on this machine (on PATH, or installed by pyenv), else None."""
    import os
    import shutil

    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    for path in [shutil.which("python3.10"), *sorted(map(str, root.glob("3.10.*/bin/python3.10")))]:
        if not path:
            continue
        probe = subprocess.run(
            [path, "-c", "import sys; print(sys.version_info[:2])"],
            capture_output=True,
            text=True,
            timeout=30,
        )
        if probe.returncode == 0 and "(3, 10)" in probe.stdout:
            return path
    return None


def test_on_python_3_10_the_level_says_so_and_the_others_play() -> None:
    """Python 3.10 cannot compile except*: the game still starts there, level 11 is refused
    with one line (exit 2), and level 10 plays as on 3.11."""
    python = python_3_10()
    if python is None:
        pytest.skip("no CPython 3.10 on this machine")
    refused = subprocess.run(
        [python, "main.py", "--headless", "--level", LEVEL],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert refused.returncode == 2
    last = refused.stderr.strip().splitlines()[-1]
    assert last.startswith("main.py: error: argument --level: level gather-or-taskgroup needs ")
    assert "Python 3.11 or newer (TaskGroup and except* came with Python 3.11)" in last
    assert "; this is Python 3.10." in last
    assert "Traceback" not in refused.stderr
    played = subprocess.run(
        [python, "main.py", "--headless", "--level", "swallowed-cancel", "--fixed", "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert played.returncode == 0, played.stderr[-500:]
    assert '"solved": true' in played.stdout
