"""Level 5, the truth about threads: a call that holds the GIL holds the loop from a thread
too; only a process pool frees it. Judged by the day's goals, whatever the code says."""

from __future__ import annotations

import textwrap

import pytest
from learner_days import play_code, unmet  # tests/shop/learner_days.py

from game.scheduler import Kernel, aio, blocking, executors
from game.shop.levels import play

LEVEL = "threads-and-the-gil"


def day(code: str):
    return play_code(LEVEL, code, import_asyncio=False)


def cook(line: str, top: str = "import asyncio\n", before: str = "") -> str:
    return top + textwrap.dedent(
        f"""
        async def cook(shop, me, grill):
            {before}
            while True:
                order = await me.next_order(shop.kitchen)
                order.recipe = {line}
                tray = await me.cook_burgers(order, grill)
                await me.carry(tray, grill.pass_spot)
                me.put_down(tray, shop.pickup)
        """
    )


RIGHT = {
    "a module-level process pool": cook(
        "await asyncio.get_running_loop().run_in_executor(POOL, me.count_recipe, order)",
        top="import asyncio\nimport concurrent.futures\n\n"
        "POOL = concurrent.futures.ProcessPoolExecutor(max_workers=2)\n",
    ),
    "from-import, the loop asked once": cook(
        "await loop.run_in_executor(pool, me.count_recipe, order)",
        top="import asyncio\nfrom concurrent.futures import ProcessPoolExecutor\n"
        "pool = ProcessPoolExecutor()\n",
        before="loop = asyncio.get_running_loop()",
    ),
    "a pool in a with block, a helper coroutine": textwrap.dedent(
        """
        import asyncio
        from concurrent import futures


        async def counted(pool, me, order):
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(pool, me.count_recipe, order)


        async def cook(shop, me, grill):
            with futures.ProcessPoolExecutor(max_workers=1) as pool:
                while True:
                    order = await me.next_order(shop.kitchen)
                    order.recipe = await counted(pool, me, order)
                    tray = await me.cook_burgers(order, grill)
                    await me.carry(tray, grill.pass_spot)
                    me.put_down(tray, shop.pickup)
        """
    ),
}
WRONG = {
    "to_thread (the broken code)": cook("await asyncio.to_thread(me.count_recipe, order)"),
    "the default executor: threads": cook(
        "await asyncio.get_running_loop().run_in_executor(None, me.count_recipe, order)"
    ),
    "a ThreadPoolExecutor": cook(
        "await asyncio.get_running_loop().run_in_executor(pool, me.count_recipe, order)",
        top="import asyncio\nfrom concurrent.futures import ThreadPoolExecutor\n"
        "pool = ThreadPoolExecutor(max_workers=4)\n",
    ),
    "on the loop itself": cook("me.count_recipe(order)"),
}


@pytest.mark.parametrize("fix", list(RIGHT))
def test_a_process_pool_solves_it(fix: str) -> None:
    result = day(RIGHT[fix])
    assert result.solved, unmet(result)
    assert result.figures["longest_block"] == 0.0


@pytest.mark.parametrize("fix", list(WRONG))
def test_threads_do_not(fix: str) -> None:
    result = day(WRONG[fix])
    assert not result.solved
    why = unmet(result)
    assert set(why) == {"loop-free"}, why
    assert "the loop was held for 6.0 s at once (count_recipe" in why["loop-free"]
    assert result.figures["blocked_seconds"] == pytest.approx(72.0)


def test_submit_is_named_not_served() -> None:
    result = day(
        cook(
            "pool.submit(me.count_recipe, order).result()",
            top="import asyncio\nfrom concurrent.futures import ProcessPoolExecutor\n"
            "pool = ProcessPoolExecutor()\n",
        )
    )
    assert not result.solved
    assert "ProcessPoolExecutor.submit is not in this kitchen" in unmet(result)["runs"]


@pytest.mark.parametrize(("fixed", "solved", "blocked"), [(False, False, 72.0), (True, True, 0.0)])
def test_headless_broken_and_fixed(fixed: bool, solved: bool, blocked: float) -> None:
    result = play(LEVEL, fixed)
    assert result.solved is solved
    assert result.outcome.blocked_seconds == pytest.approx(blocked)
    assert result.outcome.served == 12


# -- the kernel's model of the GIL --------------------------------------------------------------
def held_and_ticks(work) -> tuple[float, list[float]]:
    """Run ``work`` beside a ticker that wants to run every 0.5 s; how long the loop was
    held, and when the ticker got to run."""
    kernel = Kernel()
    ticks: list[float] = []

    async def ticker() -> None:
        for _ in range(8):
            await aio.sleep(0.5)
            ticks.append(kernel.now)

    kernel.spawn(ticker(), "ticker")
    kernel.spawn(work(), "work")
    kernel.run()
    kernel.close()
    return kernel.blocked, ticks


def c_call() -> int:
    with blocking.holding_gil("sum(range(n))"):
        blocking.block(3.0, "sum")
    return 1


def pure_python() -> int:
    blocking.block(3.0, "pure Python")
    return 1


def test_a_thread_holding_the_gil_holds_the_loop() -> None:
    async def work() -> None:
        assert await aio.to_thread(c_call) == 1

    held, ticks = held_and_ticks(work)
    assert held == pytest.approx(3.0)
    assert ticks[0] == pytest.approx(3.0)  # the ticker waited for the whole call


def test_a_thread_of_pure_python_leaves_it_free() -> None:
    async def work() -> None:
        assert await aio.to_thread(pure_python) == 1

    held, ticks = held_and_ticks(work)
    assert held == 0.0
    assert ticks[:2] == pytest.approx([0.5, 1.0])


def test_a_process_holding_its_own_gil_leaves_it_free() -> None:
    async def work() -> None:
        loop = aio.get_running_loop()
        with executors.ProcessPoolExecutor() as pool:
            assert await loop.run_in_executor(pool, c_call) == 1

    held, ticks = held_and_ticks(work)
    assert held == 0.0
    assert ticks[:2] == pytest.approx([0.5, 1.0])


def test_a_shut_pool_refuses_work_as_the_real_one() -> None:
    async def work() -> None:
        pool = executors.ProcessPoolExecutor()
        pool.shutdown()
        with pytest.raises(RuntimeError, match="cannot schedule new futures after shutdown"):
            aio.get_running_loop().run_in_executor(pool, c_call)

    held_and_ticks(work)
