"""A learner's code never freezes or ends the game: each runaway is stopped at its line,
named in a problem, and the day goes on tick after tick."""

from __future__ import annotations

import textwrap
import time

import pytest

from game.scheduler.watchdog import BUDGET
from game.shop import learner
from game.shop.levels import level_named

LEVEL = level_named("blocking-cook")


def cook_with(lines: str, head: str = "") -> str:
    body = textwrap.indent(textwrap.dedent(lines).strip(), " " * 8)
    return (
        f"import asyncio\n{head}\n\n"
        "async def cook(shop, me, grill):\n"
        "    while True:\n"
        "        order = await me.next_order(shop.kitchen)\n"
        f"{body}\n"
        "        tray = await me.cook_burgers(order, grill)\n"
        "        await me.carry(tray, grill.pass_spot)\n"
        "        me.put_down(tray, shop.pickup)\n"
    )


def line_of(source: str, text: str) -> int:
    return next(i for i, line in enumerate(source.splitlines(), 1) if text in line)


def expected_lines(source: str, marker: str | tuple[str, ...]) -> set[int]:
    """The marked line; for LOOP, any line of the learner's endless loop (it is stopped
    wherever its time runs out)."""
    if isinstance(marker, tuple):
        return {line_of(source, m) for m in marker}
    if marker != "LOOP":
        return {line_of(source, marker)}
    return set(range(line_of(source, "        while True:"), line_of(source, "tray = await")))


CASES = {
    "a step that never awaits": ("while True:\n    pass", "", "LOOP", "runaway"),
    "a loop that swallows the stop": (
        "while True:\n    try:\n        x = 1\n    except Exception:\n        pass",
        "",
        "LOOP",
        "runaway",
    ),
    "a bare except in a loop": (
        "while True:\n    try:\n        x = 1\n    except:  # noqa: E722\n        pass",
        "",
        "LOOP",
        "runaway",
    ),
    "deep recursion": (
        "def down(n):\n    return down(n + 1)\ndown(0)",
        "",
        "return down",
        "recursion",
    ),
    "async recursion": (
        "async def deeper():\n    await deeper()\nawait deeper()",
        "",
        ("async def deeper", "await deeper()"),
        "recursion",
    ),
    "sys.exit()": ("sys.exit(3)", "import sys", "sys.exit", "exit"),
    "raise SystemExit": ("raise SystemExit", "", "raise SystemExit", "exit"),
    "exit()": ("exit()", "", "exit()", "exit"),
    "input()": ("answer = input('how many? ')", "", "input(", "input"),
    "a huge allocation": ("plates = [0] * 10 ** 13", "", "plates", "memory"),
    "asyncio outside the subset": (
        "await asyncio.wait([asyncio.sleep(1)])",
        "",
        "asyncio.wait",
        "not-served",
    ),
    "switching the watchdog off": ("sys.settrace(None)", "import sys", "settrace", "not-served"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_runaway_is_stopped_at_its_line_and_the_day_goes_on(case: str) -> None:
    lines, head, marker, kind = CASES[case]
    source = cook_with(lines, head)
    compiled = learner.compile_level_code(LEVEL, source)
    assert compiled.ok, compiled.errors
    start = time.monotonic()
    day = learner.play(LEVEL, compiled)
    assert time.monotonic() - start < 10
    assert not day.solved
    problem = day.problems[0]
    assert (problem.actor, problem.kind) == ("cook", kind), problem
    assert problem.line in expected_lines(source, marker), (problem, source)
    runs = next(g for g in day.goals if g.name == "runs")
    assert not runs.met and f"line {problem.line}" in runs.why
    assert day.outcome is not None and day.outcome.arrived == 12  # the day went on


def test_never_awaiting_says_what_a_blocked_loop_is() -> None:
    source = cook_with("while True:\n    pass")
    day = learner.play(LEVEL, learner.compile_level_code(LEVEL, source))
    line = day.problems[0].line
    assert line in expected_lines(source, "LOOP")
    assert str(day.problems[0]) == (
        f"cook, line {line}: line {line} never reached an await: this is what a blocked "
        "loop looks like"
    )


def test_time_sleep_holds_the_loop_in_virtual_time_and_says_where() -> None:
    source = cook_with("time.sleep(60)", "import time")
    start = time.monotonic()
    day = learner.play(LEVEL, learner.compile_level_code(LEVEL, source))
    assert time.monotonic() - start < 5  # no wall-clock minute
    held = next(g for g in day.goals if g.name == "loop-free")
    assert not held.met and held.figure == pytest.approx(60.0)
    assert f"time.sleep(60), line {line_of(source, 'time.sleep')}" in held.why


def test_the_frame_loop_keeps_going_tick_after_tick() -> None:
    """Stepping the day as the window does, a tick at a time: the runaway costs one
    step's budget once, and every tick after it returns at once."""
    source = cook_with("while True:\n    pass")
    shop = learner.build_shop(LEVEL, learner.compile_level_code(LEVEL, source))
    slowest, ticks = 0.0, 0
    for ticks in range(1, 60 * 60):
        began = time.monotonic()
        learner.run_until(shop, ticks / 60)
        slowest = max(slowest, time.monotonic() - began)
    assert slowest < BUDGET + 0.5
    assert shop.now == pytest.approx(ticks / 60)
    assert [p.kind for p in learner.problems(shop)] == ["runaway"]
    assert len(shop.couples) + len(shop.departed) > 5  # the others still come in


def test_a_runaway_at_the_top_of_the_file_is_a_code_error_at_its_line() -> None:
    source = "import asyncio\nwhile True:\n    pass\n\nasync def cook(shop, me, grill):\n    pass\n"
    compiled = learner.compile_level_code(LEVEL, source)
    assert not compiled.ok
    assert compiled.errors[0].line in (2, 3)
    assert "never reached an await" in compiled.errors[0].message


def test_syntax_error_is_its_line_and_column_before_anything_runs() -> None:
    compiled = learner.compile_level_code(
        LEVEL, "import asyncio\nasync def cook(shop, me, grill)\n"
    )
    assert not compiled.ok
    error = compiled.errors[0]
    assert (error.line, error.col) == (2, 32)
    assert str(error).startswith("2:32: ")


def test_missing_or_wrong_parts_are_named() -> None:
    missing = learner.compile_level_code(LEVEL, "import asyncio\n")
    assert "define async def cook(shop, me, grill)" in missing.errors[0].message
    plain = learner.compile_level_code(LEVEL, "def cook(shop, me, grill):\n    pass\n")
    assert "cook must be an async def" in plain.errors[0].message
    wrong = learner.compile_level_code(LEVEL, "async def cook(shop):\n    pass\n")
    assert "cook takes shop, me, grill" in wrong.errors[0].message


def test_an_exception_names_the_actor_and_only_the_learners_line() -> None:
    source = cook_with("me.cook_the_books(order)")
    day = learner.play(LEVEL, learner.compile_level_code(LEVEL, source))
    problem = day.problems[0]
    assert problem.actor == "cook"
    assert problem.line == line_of(source, "cook_the_books")
    assert "AttributeError" in problem.message


def test_a_task_exception_nobody_awaited_is_reported() -> None:
    source = cook_with(
        "asyncio.create_task(oops())",
        "async def oops():\n    raise ValueError('burnt')",
    )
    day = learner.play(LEVEL, learner.compile_level_code(LEVEL, source))
    kinds = {p.kind for p in day.problems}
    assert kinds == {"unretrieved"}
    assert "ValueError: burnt" in str(day.problems[0])


def test_the_watchdog_keeps_its_own_time_when_others_patch_sleep(monkeypatch) -> None:
    import game.scheduler.watchdog as watchdog

    def broken_sleep(seconds: float) -> None:
        raise IndexError("patched by some test")

    monkeypatch.setattr(time, "sleep", broken_sleep)
    source = cook_with("while True:\n    pass")
    day = learner.play(LEVEL, learner.compile_level_code(LEVEL, source))
    assert day.problems[0].kind == "runaway"
    assert watchdog._THREAD and watchdog._THREAD[0].is_alive()
