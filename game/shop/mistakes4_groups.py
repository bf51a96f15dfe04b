"""Level 11's fix: the two errands in a ``TaskGroup``, its error caught with ``except*``.

Apart from ``mistakes4.py`` because ``except*`` is Python 3.11 syntax: on 3.10 this module
cannot even be compiled, so ``levels.py`` imports it only where it can be (and the level
then says it needs 3.11).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..scheduler import aio as asyncio
from .couple import Couple  # at run time: the editor's verb list reads the hints

if TYPE_CHECKING:
    from .world import Shop


async def grouped_couple(shop: Shop, couple: Couple) -> None:
    """Burgers and drinks in a TaskGroup: when the fountain breaks, the burgers errand is
    cancelled before the error arrives, in an ExceptionGroup; then they go."""
    assert shop.fountain is not None
    counter = await couple.line_up(shop.line)
    number = await couple.order_at(counter)
    table = await shop.tables.take(couple)
    await couple.sit_at(table)
    try:
        async with asyncio.TaskGroup() as errands:  # FIX: one fails, the others are cancelled
            burgers = errands.create_task(couple.burgers(number, shop.pickup))
            errands.create_task(couple.drinks(shop.fountain))
    except* RuntimeError:  # FIX: the fountain's error, inside an ExceptionGroup
        pass  # no drinks, no date
    else:
        await couple.eat(burgers.result())
    await couple.leave(shop)
