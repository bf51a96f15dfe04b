"""Level 6, asyncio.run() inside a running loop: Python's own RuntimeError stops the
cashier; written as async def and awaited, the day is served. Judged by the goals."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from learner_days import play_code, unmet  # tests/shop/learner_days.py

from game.shop.levels import play

LEVEL = "asyncio-run-in-a-loop"
MESSAGE = "RuntimeError: asyncio.run() cannot be called from a running event loop"


def day(code: str):
    return play_code(LEVEL, code)


def cashier(helper: str, call: str) -> str:
    return textwrap.dedent(
        """
        async def cashier(shop, me, counter):
        {helper}
            while True:
                request = await me.next_please(counter)
                order = await me.take_order(request)
                {call}
                await me.call_out(order, shop.kitchen)
                await me.give_ticket(request, order)
        """
    ).format(helper=textwrap.indent(textwrap.dedent(helper), "    "), call=call)


RIGHT = {
    "async def, awaited": cashier(
        "async def print_receipt(order):\n    await asyncio.sleep(1)\n",
        "await print_receipt(order)",
    ),
    "the sleep awaited in place": cashier("", "await asyncio.sleep(1)"),
    "a task of it, awaited": cashier(
        "async def print_receipt(order):\n    await asyncio.sleep(1)\n",
        "await asyncio.create_task(print_receipt(order))",
    ),
    "its own loop in a thread (no loop runs there)": cashier(
        "def print_receipt(order):\n    asyncio.run(asyncio.sleep(1))\n",
        "await asyncio.to_thread(print_receipt, order)",
    ),
}
WRONG = {
    "asyncio.run still": (
        cashier(
            "def print_receipt(order):\n    asyncio.run(asyncio.sleep(1))\n", "print_receipt(order)"
        ),
        {"runs", "all-awaited", "everyone-served"},
    ),
    "async def, never awaited": (
        cashier(
            "async def print_receipt(order):\n    await asyncio.sleep(1)\n", "print_receipt(order)"
        ),
        {"all-awaited"},
    ),
    "asyncio.run of the awaited helper": (
        cashier(
            "async def print_receipt(order):\n    await asyncio.sleep(1)\n",
            "asyncio.run(print_receipt(order))",
        ),
        {"runs", "all-awaited", "everyone-served"},
    ),
}


@pytest.mark.parametrize("fix", list(RIGHT))
def test_awaiting_solves_it(fix: str) -> None:
    result = day(RIGHT[fix])
    assert result.solved, unmet(result)


@pytest.mark.parametrize("fix", list(WRONG))
def test_running_a_loop_again_does_not(fix: str) -> None:
    code, goals = WRONG[fix]
    result = day(code)
    assert not result.solved
    why = unmet(result)
    assert set(why) == goals, why
    if "runs" in why:
        assert why["runs"].startswith("cashier, line ") and why["runs"].endswith(MESSAGE)


@pytest.mark.parametrize(("fixed", "solved", "served"), [(False, False, 0), (True, True, 12)])
def test_headless_broken_and_fixed(fixed: bool, solved: bool, served: int) -> None:
    result = play(LEVEL, fixed)
    assert result.solved is solved
    assert result.outcome.served == served


INTERPRETER = """
import asyncio

def print_receipt():
    asyncio.run(asyncio.sleep(1))

async def main():
    print_receipt()

asyncio.run(main())
"""


def test_the_words_are_the_interpreters_own() -> None:
    """The same code under the real interpreter: its last line is the game's problem, and
    its warning is what the game says as the day is let go."""
    real = subprocess.run(
        [sys.executable, "-W", "always", "-c", INTERPRETER],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert real.returncode == 1
    lines = real.stderr.strip().splitlines()
    assert MESSAGE in lines
    result = play(LEVEL, fixed=False)
    assert result.problems == [f"cashier: {MESSAGE}"]
    said = "RuntimeWarning: coroutine 'sleep' was never awaited"
    assert result.python_said == [said]
    assert any(said in line for line in lines), lines
