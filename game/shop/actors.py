"""The actors of the story, each an ``async def`` that reads like the comic.

Every ``await`` is a pause point: the place where the scheduler may switch to another
actor. The code view shows these very functions with the line each actor is paused at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scheduler import sleep
from .people import Couple, Order, Staff, Tray
from .places import Counter, OrderRequest

if TYPE_CHECKING:
    from .world import Shop


# --------------------------------------------------------------------------------------
# Customers


async def concurrent_couple(shop: Shop, couple: Couple) -> None:
    """You and your crush in the concurrent shop: beats C1 to C7."""
    couple.enter("in line", "standing in line; the cashier only takes orders")
    shop.beat(couple, "C1")
    counter = await wait_for_a_counter(shop, couple)

    number = await counter.take_order(couple, burgers=2)  # C2, C3, C4: order, pay, ticket

    table = await shop.tables.take(couple)
    couple.table = table
    couple.enter("flirting", f"holding ticket #{number}: time to talk")
    await couple.sit_at(table.seats)
    shop.beat(couple, "C5")
    await couple.talk_until(shop.display.shows(number))  # flirt; glance at the board

    shop.beat(couple, "C6")
    couple.enter("fetching", f"#{number} is ready: fetching the tray")
    tray = await fetch_tray(shop, couple, number)
    shop.display.forget(number)
    shop.beat(couple, "C7")
    await eat(shop, couple, tray, pose="sit_eat")  # together, happily
    shop.tables.leave(table)
    await leave(shop, couple)


async def parallel_couple(shop: Shop, couple: Couple) -> None:
    """You and your crush in the parallel shop: beats P1 to P6."""
    couple.enter("in line", "standing in line; everyone ahead guards a counter")
    shop.beat(couple, "P1")
    counter = await wait_for_a_counter(shop, couple)

    await counter.take_order(couple, burgers=2)  # P2: order and pay; P3: he leaves to cook

    couple.enter("standing", "no number: they must guard the counter")
    shop.beat(couple, "P4")
    couple.both("wait")
    tray = await counter.burgers_for(couple)  # blocked here until he comes back: P5
    shop.beat(couple, "P5")
    shop.serve(couple, tray)
    couple.you.carrying = tray
    tray.holder = couple.you.name

    table = await shop.tables.take(couple)
    couple.table = table
    couple.enter("eating", "eating, barely talking")
    await couple.sit_at(table.seats)
    shop.beat(couple, "P6")
    await eat(shop, couple, tray, pose="sit_eat")  # just eat; little talk
    shop.tables.leave(table)
    await leave(shop, couple)


async def wait_for_a_counter(shop: Shop, couple: Couple) -> Counter:
    """Stand in line, step forward as it moves, then walk up to the first free counter."""
    await shop.line.stand_in(couple)
    counter = await shop.free_counters.get()
    shop.line.leave(couple)
    await couple.walk_to(counter.station.customer_spot)
    return counter


async def fetch_tray(shop: Shop, couple: Couple, number: int) -> Tray:
    """C6: one of them walks to the pickup counter, takes *their* tray, comes back."""
    you, crush = couple.you, couple.crush
    seat = you.pos
    crush.set_pose("sit_flirt")
    await you.walk_to(shop.layout.aisle)  # behind whoever is ordering at the till
    await you.walk_to(shop.layout.pickup_spot)
    async with shop.pickup.lock:  # one at a time at the counter
        await you.do("idle", 0.4)
        tray = shop.pickup.take(number)  # the number guarantees nobody takes ours
    shop.serve(couple, tray)
    you.carrying = tray
    tray.holder = you.name
    await you.walk_to(shop.layout.aisle)
    await you.walk_to(seat)
    you.seated = True
    you.facing = 1
    return tray


async def eat(shop: Shop, couple: Couple, tray: Tray, pose: str) -> None:
    couple.you.carrying = None
    tray.holder = "table"
    if couple.table is not None:
        tray.spot = couple.table.center
    couple.enter("eating", "eating together")
    couple.both(pose)
    await sleep(couple.plan.eat_time)
    tray.holder = "eaten"
    couple.burgers_eaten += tray.order.burgers


async def leave(shop: Shop, couple: Couple) -> None:
    couple.enter("leaving", "leaving the shop")
    await couple.walk_to(shop.layout.door)
    shop.depart(couple)


# --------------------------------------------------------------------------------------
# Staff


async def take_order_and_payment(shop: Shop, me: Staff, request: OrderRequest) -> Order:
    """Listen to the order, then take the money (the couple's poses follow the talk)."""
    couple = request.couple
    couple.enter("ordering", "ordering two fancy burgers")
    shop.beat(couple, "C2" if shop.concurrent else "P2")
    me.busy("taking order")
    me.face(couple.you.pos)
    couple.you.set_pose("order", bubble="order")
    couple.crush.set_pose("idle")
    await me.do("talk", shop.config.order_time)
    order = shop.new_order(couple, request.burgers)
    couple.you.set_pose("pay")
    await me.do("pay", shop.config.pay_time)
    couple.both("idle")
    return order


async def cashier(shop: Shop, me: Staff, counter: Counter) -> None:
    """Takes an order, passes it to the kitchen, gives a turn number, serves the next."""
    while True:
        me.idle()
        await shop.free_counters.put(counter)  # "Next, please!"
        request = await counter.requests.get()
        order = await take_order_and_payment(shop, me, request)
        me.busy("passing order")
        await me.do("shout", 0.8, bubble="order")  # C3: to the cook, through the window
        await shop.kitchen.put(order)
        shop.beat(request.couple, "C3")
        await me.do("give", 0.6)
        request.couple.number = order.number
        shop.beat(request.couple, "C4")
        request.respond(order.number)  # the ticket: they are free to go and sit


async def cook(shop: Shop, me: Staff, index: int) -> None:
    """Cooks orders in turn and puts them on the pickup counter and the display."""
    grill = shop.layout.kitchen[index]
    while True:
        me.idle()
        order = await shop.kitchen.get()  # the next order slip on the rail
        me.busy("cooking")
        shop.cooking.append(order)
        await me.walk_to(grill.grill_spot)
        me.face((grill.grill_spot[0] - 60, grill.grill_spot[1]))
        order.tray = Tray(order)
        await me.do("cook", order.cook_time)
        shop.cooking.remove(order)
        me.carrying = order.tray
        order.tray.holder = me.name
        await me.walk_to(grill.pass_spot)
        me.carrying = None
        shop.pickup.put(order.tray)
        order.ready_at = shop.now
        assert order.number is not None, "the concurrent shop numbers every order"
        shop.display.show(order.number, shop.now)
        shop.record("display", f"shows #{order.number}")


async def cashier_cook(shop: Shop, me: Staff, counter: Counter) -> None:
    """Parallel shop: takes the order, cooks it himself, brings it back to the counter."""
    station = counter.station
    while True:
        me.idle()
        await shop.free_counters.put(counter)
        request = await counter.requests.get()
        order = await take_order_and_payment(shop, me, request)
        request.respond(order)
        shop.beat(request.couple, "P3")
        me.busy("cooking")
        await me.walk_to(station.grill_spot)
        order.tray = Tray(order)
        await me.do("cook", order.cook_time)
        me.carrying = order.tray
        order.tray.holder = me.name
        await me.walk_to(station.staff_spot)
        me.carrying = None
        me.face(station.customer_spot)
        order.ready_at = shop.now
        counter.hand_over(order.tray)


async def arrivals(shop: Shop) -> None:
    """Couples come through the door at the planned times (the same in both shops)."""
    for plan in shop.plans():
        if plan.arrive_at > shop.now:
            await sleep(plan.arrive_at - shop.now)
        shop.admit(plan)
