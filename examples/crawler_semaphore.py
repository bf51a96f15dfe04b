"""A crawler that fetches at most three pages at a time: asyncio.Semaphore(3).

asyncio.sleep stands for the network, so it runs anywhere and the same every time.
Run it: python examples/crawler_semaphore.py
"""

import asyncio

PAGES = {"/": 0.5, "/menu": 1.5, "/burgers": 1.0, "/fries": 0.8, "/drinks": 1.2, "/about": 0.3}


async def fetch(url: str, limit: asyncio.Semaphore) -> int:
    async with limit:  # a fourth fetch waits here for a free slot
        print(f"GET {url}")
        await asyncio.sleep(PAGES[url])  # the network
        print(f"200 {url}")
        return len(url) * 100


async def main() -> None:
    limit = asyncio.Semaphore(3)
    sizes = await asyncio.gather(*(fetch(url, limit) for url in PAGES))
    print(f"{len(sizes)} pages, {sum(sizes)} bytes")


asyncio.run(main())
