"""The blocking mistake: the cook calls time.sleep instead of awaiting asyncio.sleep, so
the whole loop stops with him: the cashier cannot take an order, nobody moves.

Run it: python examples/blocking_mistake.py
"""

import asyncio
import time


async def cook(order: int) -> None:
    print(f"cook: order {order} on the grill")
    time.sleep(2)  # the mistake: blocks the event loop; use: await asyncio.sleep(2)
    print(f"cook: order {order} ready")


async def cashier() -> None:
    for order in range(1, 4):
        await asyncio.sleep(0.5)
        print(f"cashier: took order {order}")


async def main() -> None:
    await asyncio.gather(cook(1), cashier())


asyncio.run(main())
