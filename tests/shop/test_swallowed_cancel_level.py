"""Level 10, a bare except that swallows the cancellation: couples give up after a timeout,
and at closing time the shop cancels the staff's tasks. A cook whose ``except`` catches the
``CancelledError`` cooks on for nobody and the shop never closes; one that cleans up and
lets it through closes on time. ``except Exception`` lets it through too (it is a
``BaseException`` since Python 3.8), but then its clean-up does not run at closing."""

from __future__ import annotations

import textwrap

import pytest
from learner_days import play_code, unmet  # tests/shop/learner_days.py

from game.shop import mistakes4
from game.shop.levels import play

LEVEL = "swallowed-cancel"


def day(code: str):
    return play_code(LEVEL, code)


def cook(body: str, around: str = "") -> str:
    """A cook whose order is cooked by ``body`` (indented under the loop)."""
    loop = (
        "while True:\n"
        "    order = await me.next_order(shop.kitchen)\n"
        + textwrap.indent(textwrap.dedent(body), "    ")
        + "    await me.carry(tray, grill.pass_spot)\n"
        "    me.put_down(tray, shop.pickup)\n"
    )
    if around:
        loop = around.replace("LOOP", textwrap.indent(loop, "    ").rstrip("\n"))
    return "async def cook(shop, me, grill):\n" + textwrap.indent(loop, "    ")


TRY = "try:\n    tray = await me.cook_burgers(order, grill)\n"
RETRY = "    me.clean_grill(grill)\n    tray = await me.cook_burgers(order, grill)\n"
RIGHT = {
    "CancelledError cleaned up and re-raised": cook(
        "try:\n"
        "    tray = await me.cook_burgers(order, grill)\n"
        "except asyncio.CancelledError:\n"
        "    me.clean_grill(grill)\n"
        "    raise\n"
        "except Exception:\n" + RETRY
    ),
    "finally around the whole loop": cook(
        "tray = await me.cook_burgers(order, grill)\n",
        around="try:\nLOOP\nfinally:\n    me.clean_grill(grill)\n",
    ),
    "except BaseException that re-raises": cook(
        "try:\n"
        "    tray = await me.cook_burgers(order, grill)\n"
        "except BaseException:\n"
        "    me.clean_grill(grill)\n"
        "    raise\n"
    ),
    "a bare except that re-raises a cancellation only": cook(
        "try:\n"
        "    tray = await me.cook_burgers(order, grill)\n"
        "except BaseException as error:\n"
        "    me.clean_grill(grill)\n"
        "    if isinstance(error, asyncio.CancelledError):\n"
        "        raise\n"
        "    tray = await me.cook_burgers(order, grill)\n"
    ),
    "except Exception, and the clean-up in finally": cook(
        "try:\n"
        "    tray = await me.cook_burgers(order, grill)\n"
        "except Exception:\n"
        "    tray = await me.cook_burgers(order, grill)\n"
        "finally:\n"
        "    me.clean_grill(grill)\n"
    ),
}
OPEN = {"closes", "cancel-through"}
WRONG = {
    "the bare except": (
        cook(TRY + "except:\n" + RETRY),
        OPEN,
        1,  # the last couple's order, cooked again for nobody
    ),
    "except BaseException": (
        cook(TRY + "except BaseException:\n" + RETRY),
        OPEN,
        1,
    ),
    "except asyncio.CancelledError, then the next order": (
        cook(
            "try:\n"
            "    tray = await me.cook_burgers(order, grill)\n"
            "except asyncio.CancelledError:\n"
            "    me.clean_grill(grill)\n"
            "    continue\n"
        ),
        OPEN,
        0,  # that order dropped, but the cook waits at the rail for ever
    ),
    "the cancellation swallowed by a return": (
        cook(
            "try:\n"
            "    tray = await me.cook_burgers(order, grill)\n"
            "except asyncio.CancelledError:\n"
            "    me.clean_grill(grill)\n"
            "    return\n"
        ),
        {"cancel-through"},
        0,
    ),
    "except Exception: through, but no clean-up": (
        cook(TRY + "except Exception:\n" + RETRY),
        {"grill-clean"},
        0,
    ),
}


@pytest.mark.parametrize("fix", list(RIGHT))
def test_letting_the_cancellation_through_closes_the_shop(fix: str) -> None:
    result = day(RIGHT[fix])
    assert result.solved, unmet(result)
    assert result.figures["closing_delay"] == 0.0
    assert result.figures["cooked_after"] == 0


@pytest.mark.parametrize("fix", list(WRONG))
def test_a_swallowed_or_unclean_cancellation_does_not(fix: str) -> None:
    code, goals, for_nobody = WRONG[fix]
    result = day(code)
    assert not result.solved
    why = unmet(result)
    assert set(why) == goals, why
    assert result.figures["cooked_after"] == for_nobody
    if "closes" in why:
        assert why["closes"] == "the shop was still open 660 s after closing time"
    if "grill-clean" in why:
        assert why["grill-clean"].startswith("1 order(s) left on the grill")


def test_the_starting_code_is_the_broken_day() -> None:
    from game.shop import learner
    from game.shop.levels import level_named

    level = level_named(LEVEL)
    compiled = learner.compile_level_code(level, learner.starting_code(level))
    assert compiled.ok, compiled.errors
    result = learner.play(level, compiled)
    assert set(unmet(result)) == OPEN


@pytest.mark.parametrize(("fixed", "solved", "end"), [(False, False, 900.0), (True, True, 300.0)])
def test_headless_broken_and_fixed(fixed: bool, solved: bool, end: float) -> None:
    result = play(LEVEL, fixed)
    assert result.solved is solved
    assert result.outcome.time == end
    assert result.problems == [] and result.python_said == []
    figures = result.figures
    assert figures["cooked_after"] == (0 if fixed else 1)
    assert figures["swallowed"] == (0 if fixed else 1)


def test_couples_give_up_by_their_timeout_alike_in_both_days() -> None:
    """The couples' asyncio.timeout is the same in both days: who gives up does not depend
    on the cook's except, only the closing does."""
    broken, fixed = play(LEVEL), play(LEVEL, fixed=True)
    assert broken.outcome.never_served == fixed.outcome.never_served == 5
    assert mistakes4.PATIENCE == 15.0
