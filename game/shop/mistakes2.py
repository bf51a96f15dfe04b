"""The next mistakes as real actors, and their fixes (issue 19), like ``mistakes.py``.

They use the asyncio the learner's code gets (``scheduler.aio``, on the shop's kernel), so
the code view shows what a real program says, and the fix reads as the learner would write
it. The line a level points at carries a ``# MISTAKE`` or ``# FIX`` comment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scheduler import aio as asyncio
from ..scheduler.executors import ProcessPoolExecutor
from .places import Counter  # at run time: the editor's verb list reads the hints
from .staff import Staff

if TYPE_CHECKING:
    from .layout import Station
    from .world import Shop

POOL = ProcessPoolExecutor()  # level 5's fix: worker processes, each with its own GIL


# -- level 5: a thread does not help a call that holds the GIL -----------------------------
async def gil_cook(shop: Shop, me: Staff, grill: Station) -> None:
    """The cook hands the recipe to a thread; the call holds the GIL, so the loop waits."""
    while True:
        order = await me.next_order(shop.kitchen)
        order.recipe = await asyncio.to_thread(me.count_recipe, order)  # MISTAKE: holds the GIL
        tray = await me.cook_burgers(order, grill)
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)


async def process_cook(shop: Shop, me: Staff, grill: Station) -> None:
    """A worker process has its own GIL: the loop goes on while it counts."""
    loop = asyncio.get_running_loop()
    while True:
        order = await me.next_order(shop.kitchen)
        order.recipe = await loop.run_in_executor(POOL, me.count_recipe, order)  # FIX: a process
        tray = await me.cook_burgers(order, grill)
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)


# -- level 6: asyncio.run() inside a running loop -------------------------------------------
async def receipt_cashier(shop: Shop, me: Staff, counter: Counter) -> None:
    """The till's receipt printer is a plain def that starts a loop of its own."""

    def print_receipt(order):  # a plain def: it cannot await
        asyncio.run(asyncio.sleep(1))  # MISTAKE: a loop is already running

    while True:
        request = await me.next_please(counter)
        order = await me.take_order(request)
        print_receipt(order)
        await me.call_out(order, shop.kitchen)
        await me.give_ticket(request, order)


async def awaited_receipt_cashier(shop: Shop, me: Staff, counter: Counter) -> None:
    """The printer is a coroutine too: the cashier awaits it on the loop that runs."""

    async def print_receipt(order):  # FIX: async def
        await asyncio.sleep(1)

    while True:
        request = await me.next_please(counter)
        order = await me.take_order(request)
        await print_receipt(order)  # FIX: awaited
        await me.call_out(order, shop.kitchen)
        await me.give_ticket(request, order)


# -- level 7: a task nobody awaits fails in silence -----------------------------------------
async def errand_cook(shop: Shop, me: Staff, grill: Station) -> None:
    """The cook sends each order off as an errand and never waits for it: when one fails,
    nobody hears, and its couple waits for ever."""

    async def errand(order):  # cook it, carry it out
        tray = await me.cook_burgers(order, grill)
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)

    while True:
        order = await me.next_order(shop.kitchen)
        asyncio.create_task(errand(order))  # MISTAKE: never awaited


async def awaiting_errand_cook(shop: Shop, me: Staff, grill: Station) -> None:
    """The cook keeps the errand's task and awaits it: it ends (or its error arrives here)
    before the next order."""

    async def errand(order):  # cook it, carry it out
        tray = await me.cook_burgers(order, grill)
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)

    while True:
        order = await me.next_order(shop.kitchen)
        task = asyncio.create_task(errand(order))
        await task  # FIX: awaited
