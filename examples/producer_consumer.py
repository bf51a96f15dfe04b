"""Producer / consumer with a bounded asyncio.Queue: the grill makes patties faster than two
assemblers can use them, so it waits whenever the rack (maxsize 2) is full.

Run it: python examples/producer_consumer.py
"""

import asyncio


async def grill(rack: asyncio.Queue, patties: int) -> None:
    for number in range(1, patties + 1):
        await asyncio.sleep(0.5)
        await rack.put(number)  # waits while the rack is full
        print(f"grill: patty {number} on the rack")


async def assembler(name: str, rack: asyncio.Queue) -> None:
    while True:
        patty = await rack.get()  # waits while the rack is empty
        await asyncio.sleep(2)
        print(f"{name}: burger with patty {patty}")
        rack.task_done()


async def main() -> None:
    rack: asyncio.Queue = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(assembler(name, rack), name=name) for name in ("Ann", "Bo")]
    await grill(rack, 6)
    await rack.join()  # every patty used
    for worker in workers:
        worker.cancel()
    print("all burgers made")


asyncio.run(main())
