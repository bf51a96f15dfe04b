"""Level 7, Task exception was never retrieved: an errand sent off with create_task and
never awaited fails unheard, its couple waits for ever, and as the day is let go the game
says what asyncio itself logs. Awaited (or its result checked), the day is served."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from learner_days import play_code, unmet  # tests/shop/learner_days.py

from game.scheduler.aio import NEVER_RETRIEVED
from game.shop.levels import play

LEVEL = "task-never-retrieved"
ERROR = "RuntimeError: cook is already cooking order 2, not order 3"


def day(code: str):
    return play_code(LEVEL, code)


def cook(loop: str, errand: str = "", before: str = "") -> str:
    """A cook whose errand cooks and carries one order; ``loop`` is what he does with it."""
    inside = errand or (
        "tray = await me.cook_burgers(order, grill)\n"
        "await me.carry(tray, grill.pass_spot)\n"
        "me.put_down(tray, shop.pickup)\n"
    )
    return (
        "async def cook(shop, me, grill):\n"
        "    async def errand(order):\n"
        + textwrap.indent(inside, " " * 8)
        + textwrap.indent(before, " " * 4)
        + "    while True:\n"
        "        order = await me.next_order(shop.kitchen)\n"
        + textwrap.indent(textwrap.dedent(loop), " " * 8)
    )


RIGHT = {
    "the task kept and awaited": cook(
        "task = asyncio.create_task(errand(order))\nawait task\n"
    ),
    "awaited as it is made": cook("await asyncio.create_task(errand(order))\n"),
    "no task: the errand awaited": cook("await errand(order)\n"),
    "gathered, then its outcome checked": cook(
        "task = asyncio.create_task(errand(order))\n"
        "[done] = await asyncio.gather(task, return_exceptions=True)\n"
        "if isinstance(done, Exception):\n"
        "    raise done\n"
    ),
}
NEVER = {"runs", "retrieved", "everyone-served"}
WRONG = {
    "create_task, never awaited": (cook("asyncio.create_task(errand(order))\n"), NEVER),
    "kept in a list, never awaited": (
        cook("tasks.append(asyncio.create_task(errand(order)))\n", before="tasks = []\n"),
        NEVER,
    ),
    "ensure_future, a yield to the loop, never awaited": (
        cook("asyncio.ensure_future(errand(order))\nawait asyncio.sleep(0)\n"),
        NEVER,
    ),
    "the error swallowed inside the errand": (
        cook(
            "asyncio.create_task(errand(order))\n",
            errand=(
                "try:\n"
                "    tray = await me.cook_burgers(order, grill)\n"
                "except RuntimeError:\n"
                "    return\n"
                "await me.carry(tray, grill.pass_spot)\n"
                "me.put_down(tray, shop.pickup)\n"
            ),
        ),
        {"everyone-served"},
    ),
}


@pytest.mark.parametrize("fix", list(RIGHT))
def test_awaiting_the_task_solves_it(fix: str) -> None:
    result = day(RIGHT[fix])
    assert result.solved, unmet(result)
    assert result.python_said == []


@pytest.mark.parametrize("fix", list(WRONG))
def test_a_task_nobody_awaits_does_not(fix: str) -> None:
    code, goals = WRONG[fix]
    result = day(code)
    assert not result.solved
    why = unmet(result)
    assert set(why) == goals, why
    if "retrieved" in why:
        assert why["retrieved"] == f"Python said: {NEVER_RETRIEVED}: {ERROR}"
        assert ERROR in why["runs"] and "never retrieved" in why["runs"]
        assert all(s.startswith(NEVER_RETRIEVED) for s in result.python_said)


@pytest.mark.parametrize(("fixed", "solved", "never"), [(False, False, 4), (True, True, 0)])
def test_headless_broken_and_fixed(fixed: bool, solved: bool, never: int) -> None:
    result = play(LEVEL, fixed)
    assert result.solved is solved
    assert result.outcome.never_served == never
    assert result.problems == []  # nothing raised where anyone could hear it
    assert len(result.python_said) == never


INTERPRETER = """
import asyncio

class Cook:
    def __init__(self):
        self.at_grill = None

    async def cook_burgers(self, order):
        if self.at_grill is not None:
            raise RuntimeError(
                f"cook is already cooking order {self.at_grill}, not order {order}"
            )
        self.at_grill = order
        try:
            await asyncio.sleep(0.2)
        finally:
            self.at_grill = None

async def main():
    me = Cook()

    async def errand(order):
        await me.cook_burgers(order)

    asyncio.create_task(errand(2))
    await asyncio.sleep(0.05)
    asyncio.create_task(errand(3))
    await asyncio.sleep(0.3)

asyncio.run(main())
"""


def test_the_words_are_the_interpreters_own() -> None:
    """The same mistake under the real interpreter: it logs the same header and the same
    error as the game says when the day is let go, and the program itself goes on."""
    real = subprocess.run(
        [sys.executable, "-c", INTERPRETER], capture_output=True, text=True, timeout=60
    )
    assert real.returncode == 0, real.stderr
    lines = real.stderr.strip().splitlines()
    assert lines[0] == NEVER_RETRIEVED
    assert "exception=RuntimeError('cook is already cooking order 2, not order 3')" in lines[1]
    assert lines[-1] == ERROR
    result = play(LEVEL, fixed=False)
    assert result.python_said[0] == f"{lines[0]}: {lines[-1]}"
