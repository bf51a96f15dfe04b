"""Parallel burgers: three cashier-cooks, each cooks the order they took while the couple
stands at the counter guarding it: nobody sits down, nobody talks.

Run it: python examples/burgers_parallel.py
Watch it: async-burgers run examples/burgers_parallel.py
"""

import asyncio

COOK_TIME = {"Ana & Ben": 3, "Cy & Di": 2, "Ed & Flo": 4, "Gus & Hal": 1}


async def cashier_cook(counter: int, couple: str) -> str:
    await asyncio.sleep(1)  # take the order, take the money
    print(f"counter {counter}: cooking for {couple}")
    await asyncio.sleep(COOK_TIME[couple])  # the same person now cooks
    return f"burgers for {couple}"


async def couple(name: str, counters: asyncio.Queue) -> None:
    counter = await counters.get()  # wait for a free counter
    print(f"{name}: at counter {counter}, standing guard")
    tray = await asyncio.create_task(cashier_cook(counter, name), name=f"counter {counter}")
    print(f"{name}: {tray}, at last")
    counters.put_nowait(counter)


async def main() -> None:
    counters: asyncio.Queue = asyncio.Queue()
    for number in (1, 2, 3):
        counters.put_nowait(number)
    await asyncio.gather(*(couple(name, counters) for name in COOK_TIME))
    print("closing time")


asyncio.run(main())
