"""The actors of the story, each an ``async def`` that reads like the comic.

Every ``await`` is a pause point: the place where the scheduler may switch to another
actor. The code view shows these very functions with the line each actor is paused at.
The plumbing (timelines, captions, who holds which tray) lives in the verbs of
``couple.py`` and ``staff.py`` and the places of ``places.py``: what is left is the story.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scheduler import sleep
from .layout import Station
from .people import Couple, Staff
from .places import Counter

if TYPE_CHECKING:
    from .world import Shop


# --------------------------------------------------------------------------------------
# Customers


async def concurrent_couple(shop: Shop, couple: Couple) -> None:
    """You and your crush in the concurrent shop: beats C1 to C7."""
    counter = await couple.line_up(shop.line)  # C1: it moves fast
    number = await couple.order_at(counter)  # C2-C4: order, pay, ticket
    table = await shop.tables.take(couple)
    await couple.sit_at(table)  # C5
    await couple.talk_until(shop.display.shows(number))  # flirt, glance
    tray = await couple.fetch(number, shop.pickup)  # C6: our tray
    await couple.eat(tray)  # C7: together, happily
    await couple.leave(shop)


async def parallel_couple(shop: Shop, couple: Couple) -> None:
    """You and your crush in the parallel shop: beats P1 to P6."""
    counter = await couple.line_up(shop.line)  # P1: all ahead guard a counter
    await couple.order_at(counter)  # P2: order, pay; P3: he goes to cook
    tray = await couple.wait_at(counter)  # P4: stand guard... P5: at last
    table = await shop.tables.take(couple)
    await couple.sit_at(table)  # P6
    await couple.eat(tray)  # just eat; little talk
    await couple.leave(shop)


# --------------------------------------------------------------------------------------
# Staff


async def cashier(shop: Shop, me: Staff, counter: Counter) -> None:
    """Takes an order, passes it to the kitchen, gives a turn number, serves the next."""
    while True:
        request = await me.next_please(counter)
        order = await me.take_order(request)  # C2: two burgers, paid
        await me.call_out(order, shop.kitchen)  # C3: to the cook
        await me.give_ticket(request, order)  # C4: free to go and sit


async def cook(shop: Shop, me: Staff, grill: Station) -> None:
    """Cooks orders in turn and puts them on the pickup counter and the display."""
    while True:
        order = await me.next_order(shop.kitchen)  # the next slip on the rail
        tray = await me.cook_burgers(order, grill)
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)  # the board shows its number


async def cashier_cook(shop: Shop, me: Staff, counter: Counter) -> None:
    """Parallel shop: takes the order, cooks it himself, brings it back to the counter."""
    while True:
        request = await me.next_please(counter)
        order = await me.take_order(request)  # P2: two burgers, paid
        me.tell_to_wait(request, order)  # P3: no number: "wait here"
        tray = await me.cook_burgers(order, counter.station)
        await me.carry(tray, counter.station.staff_spot)
        me.put_down(tray, counter)  # P5: theirs, at last


async def arrivals(shop: Shop) -> None:
    """Couples come through the door at the planned times (the same in both shops)."""
    for plan in shop.plans():
        if plan.arrive_at > shop.now:
            await sleep(plan.arrive_at - shop.now)
        shop.admit(plan)
