"""Forgetting await: cook() makes a coroutine object and nothing runs it. Python says so
when the object is dropped: "coroutine 'cook' was never awaited".

Run it: python examples/forgot_await.py
"""

import asyncio


async def cook() -> None:
    await asyncio.sleep(1)
    print("burger ready")


async def main() -> None:
    cook()  # the mistake: use `await cook()` (or asyncio.create_task(cook()))
    await asyncio.sleep(2)
    print("where is my burger?")


asyncio.run(main())
