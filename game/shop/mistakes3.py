"""Levels 8 and 9 as real actors, and their fixes (issue 19), like ``mistakes2.py``.

They use the asyncio the learner's code gets (``scheduler.aio``, on the shop's kernel), so
the code view shows what a real program says, and the fix reads as the learner would write
it. The line a level points at carries a ``# MISTAKE`` or ``# FIX`` comment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scheduler import aio as asyncio
from .server import FastAPI, get_burgers, get_burgers_sync
from .staff import Staff  # at run time: the editor's verb list reads the hints

if TYPE_CHECKING:
    from .layout import Station
    from .world import Shop


# -- level 8: def or async def? The web server --------------------------------------------
app = FastAPI()


@app.get("/burgers")
async def read_burgers():
    burgers = get_burgers_sync(2)  # MISTAKE: a blocking call in async def holds the loop
    return burgers


blocking_read_burgers = read_burgers  # the mistake; the fix below takes the route's name


@app.get("/burgers")
async def read_burgers():  # noqa: F811 - the same endpoint, fixed
    burgers = await get_burgers(2)  # FIX: awaited, the loop serves other requests
    return burgers


# -- level 9: too many at once ---------------------------------------------------------------
async def swamping_cook(shop: Shop, me: Staff, grill: Station) -> None:
    """Before the first order the cook asks the bakery for the day's 200 batches of buns,
    all at once: it serves 3 at a time, and refuses the rest."""
    batches = range(1, 201)
    await asyncio.gather(*(me.order_buns(batch) for batch in batches))  # MISTAKE: 200 at once
    while True:
        order = await me.next_order(shop.kitchen)
        tray = await me.cook_burgers(order, grill)
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)


async def limited_cook(shop: Shop, me: Staff, grill: Station) -> None:
    """One semaphore for the bakery, held around each request: never more than 3 at once,
    and always 3 while there are batches to ask for."""
    bakery = asyncio.Semaphore(3)  # FIX: the bakery's limit, one for every request

    async def buns(batch):
        async with bakery:  # FIX: around each call, not around the gather
            return await me.order_buns(batch)

    batches = range(1, 201)
    await asyncio.gather(*(buns(batch) for batch in batches))
    while True:
        order = await me.next_order(shop.kitchen)
        tray = await me.cook_burgers(order, grill)
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)
