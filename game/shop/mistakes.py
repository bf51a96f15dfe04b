"""The four classic async mistakes as real actors, and their fixes (issue 10).

Each broken actor is the story's actor with one thing changed, and it runs on the kernel
like any other: the code view shows it from its own frame. Where the fix makes the code the
story's own, the fix *is* the story's actor (``actors.cook``, ``actors.concurrent_couple``).
The line a level points at carries a ``# MISTAKE`` or ``# FIX`` comment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scheduler import gather
from .people import Couple, Staff

if TYPE_CHECKING:
    from .layout import Station
    from .world import Shop


# -- level 1: a blocking call inside async def ------------------------------------------
async def blocking_cook(shop: Shop, me: Staff, grill: Station) -> None:
    """The cook calls a blocking function (``time.sleep()`` while it cooks), not awaiting."""
    while True:
        order = await me.next_order(shop.kitchen)
        tray = me.cook_burgers_sync(order, grill)  # MISTAKE: blocks the loop
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)


# -- level 2: calling a coroutine function without await ---------------------------------
async def forgetful_couple(shop: Shop, couple: Couple) -> None:
    """You and your crush forget the ``await``: a coroutine object, not a ticket."""
    counter = await couple.line_up(shop.line)
    number = couple.order_at(counter)  # MISTAKE: no await
    table = await shop.tables.take(couple)
    await couple.sit_at(table)
    await couple.talk_until(shop.display.shows(number))
    tray = await couple.fetch(number, shop.pickup)
    await couple.eat(tray)
    await couple.leave(shop)


# -- level 3: heavy work inside async def -----------------------------------------------
async def recipe_cook(shop: Shop, me: Staff, grill: Station) -> None:
    """The cook works out each order's recipe himself: pure work on the loop."""
    while True:
        order = await me.next_order(shop.kitchen)
        order.recipe = me.work_out_recipe(order)  # MISTAKE: pure work, on the loop
        tray = await me.cook_burgers(order, grill)
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)


async def recipe_cook_with_helper(shop: Shop, me: Staff, grill: Station) -> None:
    """A second cook works the recipe out on a worker; the loop goes on meanwhile."""
    helper = shop.helpers[0]
    while True:
        order = await me.next_order(shop.kitchen)
        order.recipe = await helper.work_out_recipe_in_parallel(order)  # FIX: a worker
        tray = await me.cook_burgers(order, grill)
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)


# -- level 4: sequential awaits where they could overlap ---------------------------------
async def one_after_another(shop: Shop, couple: Couple) -> None:
    """Burgers and drinks: first wait for the burgers, only then fetch the drinks."""
    assert shop.fountain is not None
    counter = await couple.line_up(shop.line)
    number = await couple.order_at(counter)
    table = await shop.tables.take(couple)
    await couple.sit_at(table)
    tray = await couple.burgers(number, shop.pickup)  # MISTAKE: one after another
    await couple.drinks(shop.fountain)
    await couple.eat(tray)
    await couple.leave(shop)


async def side_by_side(shop: Shop, couple: Couple) -> None:
    """Burgers and drinks at once: ``gather`` runs both errands as tasks that overlap."""
    assert shop.fountain is not None
    counter = await couple.line_up(shop.line)
    number = await couple.order_at(counter)
    table = await shop.tables.take(couple)
    await couple.sit_at(table)
    tray, _ = await gather(  # FIX: both errands at once
        couple.burgers(number, shop.pickup), couple.drinks(shop.fountain)
    )
    await couple.eat(tray)
    await couple.leave(shop)
