"""The watchdog without threads (``sys.monitoring``, as in the web page), checked in plain
Python so any CPython 3.12+ can run it: ``python tests/scheduler/monitoring_checks.py``
(test_watchdog_monitoring.py runs it in this process when it is 3.12+, else in each
CPython 3.12+ it finds)."""

from __future__ import annotations

import sys
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import game.scheduler.watchdog as watchdog  # noqa: E402
from game.shop import learner  # noqa: E402
from game.shop.levels import level_named  # noqa: E402

LEVEL = level_named("blocking-cook")
LOOPS = {
    "a step that never awaits": "while True:\n    pass",
    "a loop that swallows the stop": "while True:\n    try:\n        x = 1\n"
    "    except Exception:\n        pass",
    "a bare except in a loop": "while True:\n    try:\n        x = 1\n    except:\n        pass",
    "a stop swallowed, then a loop again": "try:\n    while True:\n        pass\n"
    "except BaseException:\n    pass\nn = 0\nwhile n < 10 ** 12:\n    n += 1",
    "a loop with a condition": "n = 0\nwhile n < 10 ** 12:\n    n += 1",
    "a comprehension": "total = sum([i for i in range(10 ** 12)])",
    "a generator": "total = sum(i for i in range(10 ** 12))",
}


def cook_with(lines: str) -> str:
    body = textwrap.indent(textwrap.dedent(lines).strip(), " " * 8)
    return (
        "import asyncio\n\n"
        "async def cook(shop, me, grill):\n"
        "    while True:\n"
        "        order = await me.next_order(shop.kitchen)\n"
        f"{body}\n"
        "        tray = await me.cook_burgers(order, grill)\n"
        "        await me.carry(tray, grill.pass_spot)\n"
        "        me.put_down(tray, shop.pickup)\n"
    )


def check_loops_are_stopped() -> None:
    for name, lines in LOOPS.items():
        compiled = learner.compile_level_code(LEVEL, cook_with(lines), f"{len(name)}-{name}.py")
        assert compiled.ok, (name, compiled.errors)
        began = time.monotonic()
        day = learner.play(LEVEL, compiled)
        took = time.monotonic() - began
        assert took < 10, (name, took)
        problem = day.problems[0]
        assert (problem.actor, problem.kind) == ("cook", "runaway"), (name, problem)
        assert "never reached an await" in str(problem), (name, problem)
        assert day.outcome is not None and day.outcome.arrived == 12, name  # the day went on


def check_a_frame_costs_one_budget_once() -> None:
    shop = learner.build_shop(LEVEL, learner.compile_level_code(LEVEL, cook_with("while 1: pass")))
    slowest = 0.0
    for tick in range(1, 60 * 30):
        began = time.monotonic()
        learner.run_until(shop, tick / 60)
        slowest = max(slowest, time.monotonic() - began)
    assert slowest < watchdog.BUDGET + 0.5, slowest
    assert [p.kind for p in learner.problems(shop)] == ["runaway"]


def check_only_the_learners_code_is_watched() -> None:
    compiled = learner.compile_level_code(LEVEL, cook_with("pass"), "watched.py")
    tool = watchdog._tool()
    assert tool is not None
    events = sys.monitoring.events.JUMP
    assert sys.monitoring.get_local_events(tool, compiled.functions["cook"].__code__) == events
    for ours in (learner.play, learner.run_until, watchdog._on_jump, LEVEL.broken.cook):
        code = getattr(ours, "__code__", None)
        if code is not None:
            assert sys.monitoring.get_local_events(tool, code) == 0, ours
    assert sys.monitoring.get_events(tool) == 0  # nothing global: the game pays nothing


def check_the_learner_cannot_switch_it_off() -> None:
    source = cook_with(f"sys.monitoring.free_tool_id({watchdog._tool()})").replace(
        "import asyncio", "import asyncio\nimport sys"
    )
    day = learner.play(LEVEL, learner.compile_level_code(LEVEL, source))
    assert day.problems[0].kind == "not-served", day.problems[0]


def check_all() -> None:
    kind = watchdog.KIND
    watchdog.KIND = "monitoring"
    try:
        check_loops_are_stopped()
        check_a_frame_costs_one_budget_once()
        check_only_the_learners_code_is_watched()
        check_the_learner_cannot_switch_it_off()
    finally:
        watchdog.KIND = kind


if __name__ == "__main__":
    check_all()
    print(f"ok: Python {sys.version.split()[0]}")
