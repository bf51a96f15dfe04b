"""A web server is a burger shop: requests are customers, the event loop is the one cashier.

The story's last chapter: ``@app.get('/burgers') async def read_burgers(): burgers = await
get_burgers(2)``. The same three endpoints that ``python -m game.app.realdemo --server``
runs for real under uvicorn are played here on the game's kernel, in virtual time, so the
game can say what to expect before the real server is measured:

- ``await``: ``async def`` that awaits its wait: the one cashier serves everyone meanwhile
  ("Python can go and do something else, like receiving another request").
- ``blocking``: ``async def`` with a plain blocking call inside: the loop is held, every
  request waits for the one before it (level 1, in a server).
- ``thread``: plain ``def``: the framework runs it in a thread pool (``POOL`` threads, as
  FastAPI's default), temporary cashier-cooks: the 41st request waits for a free one (the
  parallel shop again).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from ..scheduler import Kernel, Semaphore, block, run_in_worker, sleep

ENDPOINTS = ("await", "blocking", "thread")
POOL = 40  # FastAPI (Starlette, AnyIO) runs plain ``def`` endpoints on 40 worker threads

CODE = {
    "await": (
        "@app.get('/burgers/await')\n"
        "async def read_burgers():\n"
        "    await asyncio.sleep(WAIT)  # the loop serves others meanwhile\n"
        "    return {'burgers': 2}"
    ),
    "blocking": (
        "@app.get('/burgers/blocking')\n"
        "async def read_burgers():\n"
        "    time.sleep(WAIT)  # blocks the one event loop\n"
        "    return {'burgers': 2}"
    ),
    "thread": (
        "@app.get('/burgers/thread')\n"
        "def read_burgers():  # plain def: FastAPI runs it in a thread pool\n"
        "    time.sleep(WAIT)\n"
        "    return {'burgers': 2}"
    ),
}

LESSONS = {
    "await": "async def + await: one loop serves every request while they wait.",
    "blocking": "a blocking call in async def holds the loop: requests are served one by one.",
    "thread": f"plain def runs in a pool of {POOL} threads: request {POOL + 1} waits for one.",
}


@dataclass(frozen=True)
class Figures:
    """How long each request took, from all arriving at once to its answer (seconds)."""

    endpoint: str
    latencies: tuple[float, ...]

    @property
    def p50(self) -> float:
        return percentile(self.latencies, 50)

    @property
    def p95(self) -> float:
        return percentile(self.latencies, 95)

    @property
    def total(self) -> float:
        return max(self.latencies, default=0.0)

    def as_dict(self) -> dict[str, float | int | str]:
        return {
            "endpoint": self.endpoint,
            "requests": len(self.latencies),
            "p50": round(self.p50, 4),
            "p95": round(self.p95, 4),
            "total": round(self.total, 4),
        }


def percentile(values: tuple[float, ...] | list[float], pct: float) -> float:
    """The ``pct`` percentile by linear interpolation (statistics' 'inclusive' method)."""
    data = sorted(values)
    if not data:
        return 0.0
    if len(data) == 1:
        return data[0]
    cuts = statistics.quantiles(data, n=100, method="inclusive")
    return cuts[min(98, max(0, round(pct) - 1))]


def predict(endpoint: str, requests: int, wait: float, pool: int = POOL) -> Figures:
    """Play ``requests`` requests arriving at once on ``endpoint`` on the game's kernel."""
    if endpoint not in ENDPOINTS:
        raise ValueError(f"unknown endpoint {endpoint!r}: one of {', '.join(ENDPOINTS)}")
    kernel = Kernel()
    threads = Semaphore(pool, name="thread pool")
    done: list[float] = []

    async def request() -> None:
        if endpoint == "await":
            await sleep(wait)
        elif endpoint == "blocking":
            block(wait, "time.sleep")
        else:
            await threads.acquire()
            try:
                await run_in_worker(block, wait, "time.sleep", name="thread")
            finally:
                threads.release()
        done.append(kernel.now)

    for number in range(requests):
        kernel.spawn(request(), name=f"request #{number + 1}")
    kernel.run()
    kernel.close()
    return Figures(endpoint, tuple(done))
