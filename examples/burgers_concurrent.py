"""Concurrent burgers: one cashier, one cook, and couples who sit down and talk while they wait.

The cashier hands out a number and goes on to the next couple; the cook works through the
orders; every couple awaits its own number being called, free to talk meanwhile.
Run it: python examples/burgers_concurrent.py
Watch it: async-burgers run examples/burgers_concurrent.py
"""

import asyncio

COOK_TIME = {"Ana & Ben": 3, "Cy & Di": 2, "Ed & Flo": 4}


async def cashier(line: asyncio.Queue, kitchen: asyncio.Queue) -> None:
    number = 0
    while True:
        couple, ready = await line.get()
        number += 1
        await asyncio.sleep(1)  # take the order, take the money
        print(f"cashier: {couple}, you are number {number}")
        await kitchen.put((number, couple, ready))
        line.task_done()


async def cook(kitchen: asyncio.Queue) -> None:
    while True:
        number, couple, ready = await kitchen.get()
        await asyncio.sleep(COOK_TIME[couple])  # the grill
        print(f"cook: number {number} is ready")
        ready.set()
        kitchen.task_done()


async def couple(name: str, line: asyncio.Queue) -> None:
    ready = asyncio.Event()
    await line.put((name, ready))
    print(f"{name}: sit down and talk")
    await ready.wait()  # talking, not standing guard
    print(f"{name}: our burgers!")


async def main() -> None:
    line: asyncio.Queue = asyncio.Queue()
    kitchen: asyncio.Queue = asyncio.Queue()
    staff = [
        asyncio.create_task(cashier(line, kitchen), name="cashier"),
        asyncio.create_task(cook(kitchen), name="cook"),
    ]
    await asyncio.gather(*(couple(name, line) for name in COOK_TIME))
    for member in staff:
        member.cancel()
    print("closing time")


asyncio.run(main())
