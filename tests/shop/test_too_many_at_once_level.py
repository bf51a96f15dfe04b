"""Level 9, too many at once: 200 requests gathered at once swamp a bakery that serves 3 at
a time; one shared Semaphore(3) around each call keeps it full but never over. Wrong places
for the semaphore (around the gather, made in each call) fail as no semaphore does."""

from __future__ import annotations

import asyncio as real_asyncio
import textwrap

import pytest
from learner_days import play_code, unmet  # tests/shop/learner_days.py

from game.scheduler import aio
from game.shop.levels import play
from game.shop.supplier import HTTPStatusError

LEVEL = "too-many-at-once"
ERROR = (
    "HTTPStatusError: Client error '429 Too Many Requests' for url 'http://bakery.example/buns/4'"
)


def cook(restock: str, before: str = "") -> str:
    """A cook who gets the day's buns by ``restock``, then cooks as in the story."""
    return (
        "async def cook(shop, me, grill):\n"
        + textwrap.indent(textwrap.dedent(before), " " * 4)
        + textwrap.indent(textwrap.dedent(restock), " " * 4)
        + "    while True:\n"
        "        order = await me.next_order(shop.kitchen)\n"
        "        tray = await me.cook_burgers(order, grill)\n"
        "        await me.carry(tray, grill.pass_spot)\n"
        "        me.put_down(tray, shop.pickup)\n"
    )


AROUND_EACH = """
async def buns(batch):
    async with bakery:
        return await me.order_buns(batch)
"""
RIGHT = {
    "one semaphore around each call": cook(
        "await asyncio.gather(*(buns(b) for b in range(1, 201)))\n",
        "bakery = asyncio.Semaphore(3)\n" + AROUND_EACH,
    ),
    "a module-level semaphore, acquire and release": (
        "LIMIT = asyncio.Semaphore(3)\n\n"
        "async def one(me, batch):\n"
        "    await LIMIT.acquire()\n"
        "    try:\n"
        "        return await me.order_buns(batch)\n"
        "    finally:\n"
        "        LIMIT.release()\n\n"
        + cook("await asyncio.gather(*[one(me, b) for b in range(1, 201)])\n")
    ),
    "tasks in a TaskGroup, a BoundedSemaphore": cook(
        "async with asyncio.TaskGroup() as group:\n"
        "    for b in range(1, 201):\n"
        "        group.create_task(buns(b))\n",
        "bakery = asyncio.BoundedSemaphore(3)\n" + AROUND_EACH,
    ),
    "three workers taking batches from a queue": cook(
        "todo = asyncio.Queue()\n"
        "for b in range(1, 201):\n"
        "    todo.put_nowait(b)\n"
        "async def worker():\n"
        "    while not todo.empty():\n"
        "        await me.order_buns(todo.get_nowait())\n"
        "await asyncio.gather(worker(), worker(), worker())\n"
    ),
}
SWAMPED = {"runs", "not-swamped", "buns-in", "everyone-served"}
WRONG = {
    "no semaphore": (
        cook("await asyncio.gather(*(me.order_buns(b) for b in range(1, 201)))\n"),
        SWAMPED,
    ),
    "the semaphore around the whole gather": (
        cook(
            "async with bakery:\n"
            "    await asyncio.gather(*(me.order_buns(b) for b in range(1, 201)))\n",
            "bakery = asyncio.Semaphore(3)\n",
        ),
        SWAMPED,
    ),
    "a new semaphore made in each call": (
        cook(
            "async def buns(batch):\n"
            "    async with asyncio.Semaphore(3):\n"
            "        return await me.order_buns(batch)\n"
            "await asyncio.gather(*(buns(b) for b in range(1, 201)))\n"
        ),
        SWAMPED,
    ),
    "one at a time: safe, but three times as slow": (
        cook("for b in range(1, 201):\n    await me.order_buns(b)\n"),
        {"buns-in"},
    ),
    "Semaphore(1) around each call: as slow": (
        cook(
            "await asyncio.gather(*(buns(b) for b in range(1, 201)))\n",
            "bakery = asyncio.Semaphore(1)\n" + AROUND_EACH,
        ),
        {"buns-in"},
    ),
    "Semaphore(4): one over the bakery's limit": (
        cook(
            "await asyncio.gather(*(buns(b) for b in range(1, 201)))\n",
            "bakery = asyncio.Semaphore(4)\n" + AROUND_EACH,
        ),
        SWAMPED,
    ),
}


@pytest.mark.parametrize("fix", list(RIGHT))
def test_a_shared_semaphore_around_each_call_solves_it(fix: str) -> None:
    result = play_code(LEVEL, RIGHT[fix])
    assert result.solved, unmet(result)
    assert result.figures["most_at_once"] == 3
    assert result.figures["buns_in"] == pytest.approx(67 * 0.45, abs=0.5)


@pytest.mark.parametrize("fix", list(WRONG))
def test_wrong_places_for_the_limit_do_not(fix: str) -> None:
    code, goals = WRONG[fix]
    result = play_code(LEVEL, code)
    assert not result.solved
    why = unmet(result)
    assert set(why) == goals, why
    if "runs" in why:
        assert why["runs"] == f"cook, line 3: {ERROR}" or why["runs"].endswith(ERROR), why
        assert "429 Too Many Requests" in why["not-swamped"]
    else:
        assert result.figures["refused"] == 0
        assert "200 of 200 batches of buns were in after" in why["buns-in"]


@pytest.mark.parametrize(("fixed", "solved", "never"), [(False, False, 12), (True, True, 0)])
def test_headless_broken_and_fixed(fixed: bool, solved: bool, never: int) -> None:
    result = play(LEVEL, fixed)
    assert result.solved is solved
    assert result.outcome.never_served == never
    if fixed:
        assert result.problems == []
    else:
        assert result.problems == [f"cook: {ERROR}"]


def test_the_words_are_httpx_own() -> None:
    """A real httpx client says the same for a 429 answer (its first line: the second
    only points to the status's documentation)."""
    httpx = pytest.importorskip("httpx")
    url = "http://bakery.example/buns/4"
    answer = httpx.Response(429, request=httpx.Request("GET", url))
    with pytest.raises(httpx.HTTPStatusError) as real:
        answer.raise_for_status()
    ours = HTTPStatusError(429, "Too Many Requests", url)
    assert str(real.value).splitlines()[0] == str(ours)
    assert type(real.value).__name__ == type(ours).__name__


PROGRAM = """
class Bakery:
    def __init__(self):
        self.in_service = self.refused = self.most = 0

    async def buns(self, batch):
        self.most = max(self.most, self.in_service + 1)
        if self.in_service >= 3:
            self.refused += 1
            raise RuntimeError("429")
        self.in_service += 1
        try:
            await asyncio.sleep(0.01)
        finally:
            self.in_service -= 1

async def main(where):
    bakery, limit = Bakery(), asyncio.Semaphore(3)

    async def around_each(b):
        async with limit:
            await bakery.buns(b)

    async def fresh_each(b):
        async with asyncio.Semaphore(3):
            await bakery.buns(b)

    calls = {"none": bakery.buns, "each": around_each, "fresh": fresh_each}
    one = calls.get(where, bakery.buns)
    try:
        if where == "gather":
            async with limit:
                await asyncio.gather(*(one(b) for b in range(20)), return_exceptions=True)
        else:
            await asyncio.gather(*(one(b) for b in range(20)), return_exceptions=True)
    finally:
        await asyncio.sleep(0.05)
    return bakery.refused, bakery.most
"""


@pytest.mark.parametrize(
    ("where", "refused"), [("none", 17), ("gather", 17), ("fresh", 17), ("each", 0)]
)
def test_the_semaphore_places_as_in_asyncio(where: str, refused: int) -> None:
    """The same program on real asyncio and on the game's: the same requests refused
    for each place of the semaphore."""
    results = []
    for module in (real_asyncio, aio):
        names: dict = {"asyncio": module}
        exec(PROGRAM, names)
        results.append(module.run(names["main"](where)))
    assert results[0] == results[1] == (refused, 4 if refused else 3)
