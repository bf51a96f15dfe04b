"""Cancellation and timeouts, and gather against TaskGroup, as real actors (issue 19).

Level 10: couples give up after ``PATIENCE`` seconds (``asyncio.timeout``), and at closing
time the shop cancels its staff's tasks, as ``asyncio.run`` cancels what is left when its
main coroutine ends. A cook whose loop catches everything swallows that cancellation and
cooks on for nobody: the shop cannot close.

Level 11: the drinks fountain breaks mid-errand. With ``gather`` the error reaches the
couple at once and the burgers errand runs on after they have gone; with ``TaskGroup`` it
is cancelled first, and the error arrives in an ``ExceptionGroup`` (``except*``: Python
3.11). The ``TaskGroup`` actor is in ``mistakes4_groups.py``: Python 3.10 cannot even
compile it.

Like ``mistakes2.py`` they use the asyncio the learner's code gets (``scheduler.aio``), and
the line a level points at carries a ``# MISTAKE`` or ``# FIX`` comment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scheduler import aio as asyncio
from ..scheduler import sleep
from . import actors
from .couple import Couple  # at run time: the editor's verb list reads the hints
from .staff import Staff

if TYPE_CHECKING:
    from .layout import Station
    from .world import Shop

PATIENCE = 15.0  # level 10: seconds a couple waits at the table for their number
KITCHEN_CLOSES = 240.0  # level 10: closing time (the last couple still waits then)
CLOSING_GRACE = 1.0  # level 10: how long the staff may take to stop once cancelled
BREAKS_AT = 110.0  # level 11: when the drinks fountain breaks (couple 8 is pouring then)


# -- level 10: the shop around the cook ------------------------------------------------------
async def impatient_couple(shop: Shop, couple: Couple) -> None:
    """The story's couple, who give up after ``PATIENCE`` seconds without their number."""
    counter = await couple.line_up(shop.line)
    number = await couple.order_at(counter)
    table = await shop.tables.take(couple)
    await couple.sit_at(table)
    try:
        async with asyncio.timeout(PATIENCE):  # they give up after 15 s
            await couple.talk_until(shop.display.shows(number))
    except TimeoutError:
        couple.gave_up = True  # type: ignore[attr-defined]
        shop.record(couple.name, "gives up: no burgers")
        await couple.leave(shop)  # hungry: their slip stays on the rail
        return
    tray = await couple.fetch(number, shop.pickup)
    await couple.eat(tray)
    await couple.leave(shop)


async def closing_time(shop: Shop) -> None:
    """Lets the couples in; at ``KITCHEN_CLOSES`` every staff task is cancelled, as
    ``asyncio.run`` cancels what is left, and the shop is closed once they have all stopped
    (``shop.closed_at``). The day is over when it is closed and the last couple has left."""
    shop.closing = True  # the day is not over before the shop is closed
    await actors.arrivals(shop)
    await sleep(max(0.0, KITCHEN_CLOSES - shop.now))
    shop.closing_at = shop.now
    shop.record("shop", "closing time: every task of the staff is cancelled")
    staff = [t for t in shop.kernel.tasks if t.group == "staff" and t.alive]
    shop.closing_staff = staff
    for task in staff:
        task.cancel()
    for task in staff:
        await task.finished.wait()
    shop.closed_at = shop.now
    shop.record("shop", "closed")
    shop.closing = False


# -- level 10: the cook ----------------------------------------------------------------------
async def swallowing_cook(shop: Shop, me: Staff, grill: Station) -> None:
    """Whatever goes wrong, the cook cleans the grill and cooks the order again: the
    shop's cancellation at closing time too."""
    while True:
        order = await me.next_order(shop.kitchen)
        try:
            tray = await me.cook_burgers(order, grill)
        except:  # MISTAKE: catches the cancellation too
            me.clean_grill(grill)
            tray = await me.cook_burgers(order, grill)  # ... and cooks on, for nobody
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)


async def closing_cook(shop: Shop, me: Staff, grill: Station) -> None:
    """A cancellation is not a failure: the cook cleans up and lets it go on."""
    while True:
        order = await me.next_order(shop.kitchen)
        try:
            tray = await me.cook_burgers(order, grill)
        except asyncio.CancelledError:  # FIX: clean up, and let the cancellation go on
            me.clean_grill(grill)
            raise
        except Exception:  # a real failure: clean the grill and cook it again
            me.clean_grill(grill)
            tray = await me.cook_burgers(order, grill)
        await me.carry(tray, grill.pass_spot)
        me.put_down(tray, shop.pickup)


# -- level 11: gather or TaskGroup -----------------------------------------------------------
async def fountain_breaks(shop: Shop) -> None:
    """Lets the couples in, as the story does; the drinks fountain breaks at ``BREAKS_AT``."""
    assert shop.fountain is not None
    shop.fountain.breaks_at = BREAKS_AT
    await actors.arrivals(shop)


async def gathering_couple(shop: Shop, couple: Couple) -> None:
    """Burgers and drinks at once with ``gather``. When the fountain breaks they go, and
    the burgers errand runs on after them: gather does not cancel it."""
    assert shop.fountain is not None
    counter = await couple.line_up(shop.line)
    number = await couple.order_at(counter)
    table = await shop.tables.take(couple)
    await couple.sit_at(table)
    try:
        tray, _ = await asyncio.gather(  # MISTAKE: one errand fails, the other runs on
            couple.burgers(number, shop.pickup), couple.drinks(shop.fountain)
        )
    except RuntimeError:  # the fountain broke: no drinks, no date
        pass
    else:
        await couple.eat(tray)
    await couple.leave(shop)
