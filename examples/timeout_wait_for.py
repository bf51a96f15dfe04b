"""A timeout with asyncio.wait_for: the slow milkshake is given up after 2 seconds.

Run it: python examples/timeout_wait_for.py
"""

import asyncio


async def milkshake(seconds: float) -> str:
    await asyncio.sleep(seconds)
    return "milkshake"


async def main() -> None:
    print(await asyncio.wait_for(milkshake(1), timeout=2))
    try:
        await asyncio.wait_for(milkshake(5), timeout=2)
    except asyncio.TimeoutError:  # TimeoutError itself from Python 3.11
        print("gave up on the milkshake after 2 s")
    print("on with the order")


asyncio.run(main())
