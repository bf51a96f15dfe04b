"""Each level solved by the day's behaviour, whatever the code looks like: three correct
fixes written differently solve it; three wrong ones fail, each with its reason."""

from __future__ import annotations

import textwrap

import pytest
from learner_days import play_code as day  # tests/shop/learner_days.py
from learner_days import unmet

from game.shop import learner
from game.shop.levels import KITCHEN, level_named

COOK_LOOP = """
async def cook(shop, me, grill):
    while True:
        order = await me.next_order(shop.kitchen)
        {cook}
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)
"""


def cook(line: str, before: str = "") -> str:
    code = COOK_LOOP.replace("{cook}", line)
    return (
        code.replace("        order = await", f"        {before}\n        order = await")
        if before
        else code
    )


# -- level 1: a blocking call inside async def ---------------------------------------------
BLOCKING_RIGHT = {
    "await the non-blocking verb": cook("tray = await me.cook_burgers(order, grill)"),
    "to_thread of the blocking one": cook(
        "tray = await asyncio.to_thread(me.cook_burgers_sync, order, grill)"
    ),
    "a task of the verb, awaited": cook(
        "tray = await asyncio.create_task(me.cook_burgers(order, grill))"
    ),
}
BLOCKING_WRONG = {
    "still blocking": (cook("tray = me.cook_burgers_sync(order, grill)"), "loop-free"),
    "blocking elsewhere: time.sleep": (
        "import time\n" + cook("tray = await me.cook_burgers(order, grill)", "time.sleep(3)"),
        "loop-free",
    ),
    "an await that does not help": (
        cook("await asyncio.sleep(0)\n        tray = me.cook_burgers_sync(order, grill)"),
        "loop-free",
    ),
}


@pytest.mark.parametrize("fix", list(BLOCKING_RIGHT))
def test_blocking_cook_solved(fix: str) -> None:
    result = day("blocking-cook", BLOCKING_RIGHT[fix])
    assert result.solved, unmet(result)


@pytest.mark.parametrize("fix", list(BLOCKING_WRONG))
def test_blocking_cook_not_solved(fix: str) -> None:
    code, goal = BLOCKING_WRONG[fix]
    result = day("blocking-cook", code)
    assert not result.solved
    why = unmet(result)
    assert goal in why, why
    assert "the loop was held for" in why[goal]


# -- level 2: calling a coroutine function without await -------------------------------------
COUPLE = """
async def {name}(shop, couple):
    counter = await couple.line_up(shop.line)
    {order}
    table = await shop.tables.take(couple)
    await couple.sit_at(table)
    await couple.talk_until(shop.display.shows(number))
    tray = await couple.fetch(number, shop.pickup)
    await couple.eat(tray)
    await couple.leave(shop)
"""


def you(order: str) -> str:
    return COUPLE.replace("{name}", "protagonist").replace("{order}", order)


FORGOTTEN_RIGHT = {
    "await it": you("number = await couple.order_at(counter)"),
    "a task, awaited": you("number = await asyncio.create_task(couple.order_at(counter))"),
    "gathered": you("(number,) = await asyncio.gather(couple.order_at(counter))"),
}
FORGOTTEN_WRONG = {
    "still no await": (you("number = couple.order_at(counter)"), "you-served"),
    "a task never awaited": (
        you("number = asyncio.create_task(couple.order_at(counter))"),
        "you-served",
    ),
    "an await that does not help": (
        you("await asyncio.sleep(0)\n    number = couple.order_at(counter)"),
        "all-awaited",
    ),
}


@pytest.mark.parametrize("fix", list(FORGOTTEN_RIGHT))
def test_forgotten_await_solved(fix: str) -> None:
    result = day("forgotten-await", FORGOTTEN_RIGHT[fix])
    assert result.solved, unmet(result)


@pytest.mark.parametrize("fix", list(FORGOTTEN_WRONG))
def test_forgotten_await_not_solved(fix: str) -> None:
    code, goal = FORGOTTEN_WRONG[fix]
    result = day("forgotten-await", code)
    assert not result.solved
    assert goal in unmet(result), unmet(result)


# -- level 3: heavy work inside async def --------------------------------------------------
RECIPE = """
{helper}
async def cook(shop, me, grill):
    while True:
        order = await me.next_order(shop.kitchen)
        {recipe}
        tray = await me.cook_burgers(order, grill)
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)
"""


def recipe(line: str, helper: str = "") -> str:
    return RECIPE.replace("{recipe}", line).replace("{helper}", helper)


CPU_RIGHT = {
    "to_thread": recipe("order.recipe = await asyncio.to_thread(me.work_out_recipe, order)"),
    "the second cook": recipe(
        "order.recipe = await shop.helpers[0].work_out_recipe_in_parallel(order)"
    ),
    "run_in_executor": recipe(
        "order.recipe = await asyncio.get_running_loop().run_in_executor("
        "None, me.work_out_recipe, order)"
    ),
}
CPU_WRONG = {
    "still on the loop": (recipe("order.recipe = me.work_out_recipe(order)"), "loop-free"),
    "called from a different async def": (
        recipe(
            "order.recipe = await work(me, order)",
            "async def work(me, order):\n    return me.work_out_recipe(order)\n",
        ),
        "loop-free",
    ),
    "skipped: no recipe at all": (recipe("pass"), "recipes"),
}


@pytest.mark.parametrize("fix", list(CPU_RIGHT))
def test_cpu_on_the_loop_solved(fix: str) -> None:
    result = day("cpu-on-the-loop", CPU_RIGHT[fix])
    assert result.solved, unmet(result)


@pytest.mark.parametrize("fix", list(CPU_WRONG))
def test_cpu_on_the_loop_not_solved(fix: str) -> None:
    code, goal = CPU_WRONG[fix]
    result = day("cpu-on-the-loop", code)
    assert not result.solved
    assert goal in unmet(result), unmet(result)


# -- level 4: sequential awaits where they could overlap --------------------------------------
ERRANDS = """
async def couple(shop, couple):
    counter = await couple.line_up(shop.line)
    number = await couple.order_at(counter)
    table = await shop.tables.take(couple)
    await couple.sit_at(table)
    {errands}
    await couple.eat(tray)
    await couple.leave(shop)
"""


def errands(lines: str) -> str:
    return ERRANDS.replace("{errands}", textwrap.indent(textwrap.dedent(lines), "    ").strip())


SEQUENTIAL_RIGHT = {
    "gather": errands(
        "tray, _ = await asyncio.gather(couple.burgers(number, shop.pickup), "
        "couple.drinks(shop.fountain))"
    ),
    "a task for the drinks": errands(
        """
        drinks = asyncio.create_task(couple.drinks(shop.fountain))
        tray = await couple.burgers(number, shop.pickup)
        await drinks
        """
    ),
    "a task group": errands(
        """
        async with asyncio.TaskGroup() as both:
            burgers = both.create_task(couple.burgers(number, shop.pickup))
            both.create_task(couple.drinks(shop.fountain))
        tray = burgers.result()
        """
    ),
}
SEQUENTIAL_WRONG = {
    "one after another": (
        errands(
            """
            tray = await couple.burgers(number, shop.pickup)
            await couple.drinks(shop.fountain)
            """
        ),
        "together",
    ),
    "a task awaited at once": (
        errands(
            """
            tray = await asyncio.create_task(couple.burgers(number, shop.pickup))
            await asyncio.create_task(couple.drinks(shop.fountain))
            """
        ),
        "together",
    ),
    "gather of one, then the other": (
        errands(
            """
            (tray,) = await asyncio.gather(couple.burgers(number, shop.pickup))
            await asyncio.gather(couple.drinks(shop.fountain))
            """
        ),
        "together",
    ),
}


@pytest.mark.parametrize("fix", list(SEQUENTIAL_RIGHT))
def test_one_after_another_solved(fix: str) -> None:
    result = day("one-after-another", SEQUENTIAL_RIGHT[fix])
    assert result.solved, unmet(result)


@pytest.mark.parametrize("fix", list(SEQUENTIAL_WRONG))
def test_one_after_another_not_solved(fix: str) -> None:
    code, goal = SEQUENTIAL_WRONG[fix]
    result = day("one-after-another", code)
    assert not result.solved
    why = unmet(result)
    assert goal in why and "longest-wait" in why, why
    assert "only after the burgers" in why[goal]


def test_the_starting_code_fails_every_level_and_the_story_solves_the_kitchen() -> None:
    for name in ("blocking-cook", "forgotten-await", "cpu-on-the-loop", "one-after-another"):
        level = level_named(name)
        result = learner.play(
            level, learner.compile_level_code(level, learner.starting_code(level))
        )
        assert not result.solved, name
    start = learner.compile_level_code(KITCHEN, learner.starting_code(KITCHEN))
    assert learner.play(KITCHEN, start).solved
