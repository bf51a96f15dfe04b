"""Scheduler overhead: our kernel against asyncio and SimPy on the same workloads.

- sleepers: N tasks each sleeping random virtual times (heap-bound, like the shop);
- ping-pong: 100 tasks yielding with ``sleep(0)``, the same loop in our kernel and asyncio;
- M/M/c: one queueing model written twice, for our kernel and for SimPy, from the same
  pre-drawn arrivals and service times, so both must compute the very same mean wait;
- a long M/M/c run through ``Kernel.run()``: finished tasks must be forgotten as they end,
  so the garbage collector has little to walk and memory stays flat.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Generator
from random import Random
from typing import Any

from ..scheduler import Kernel, Semaphore, sleep
from .report import Section
from .sim import GcClock

try:
    import simpy
except ImportError:  # optional: pip install -r bench-requirements.txt
    simpy = None


# -- sleepers ---------------------------------------------------------------------------
async def _sleeper(rng: Random) -> None:
    rand = rng.random
    while True:
        await sleep(rand())


def sleepers(tasks: int, resumes: int) -> float:
    """Resumes per wall second with ``tasks`` tasks sleeping U(0, 1) virtual seconds."""
    kernel = Kernel()
    for i in range(tasks):
        kernel.spawn(_sleeper(Random(i)), daemon=True)
    horizon = resumes / (2.0 * tasks)  # each task wakes about twice a virtual second
    start = time.perf_counter()
    kernel.run_until(horizon)
    wall = time.perf_counter() - start
    done = kernel.resumes
    kernel.close()
    return done / wall


# -- ping-pong ----------------------------------------------------------------------------
async def _ours_pinger(rounds: int) -> None:
    for _ in range(rounds):
        await sleep(0)


def ours_pingpong(tasks: int, rounds: int) -> float:
    """Task switches per wall second: ``tasks`` tasks each doing ``sleep(0)`` ``rounds`` times."""
    kernel = Kernel()
    for _ in range(tasks):
        kernel.spawn(_ours_pinger(rounds))
    start = time.perf_counter()
    kernel.run()
    wall = time.perf_counter() - start
    return kernel.resumes / wall


async def _asyncio_pinger(rounds: int) -> None:
    for _ in range(rounds):
        await asyncio.sleep(0)


def asyncio_pingpong(tasks: int, rounds: int) -> float:
    """The same loop on asyncio's default event loop (switches counted like our resumes)."""

    async def main() -> float:
        start = time.perf_counter()
        await asyncio.gather(*(_asyncio_pinger(rounds) for _ in range(tasks)))
        return time.perf_counter() - start

    wall = asyncio.run(main())
    return tasks * (rounds + 1) / wall  # +1: the first step of each task, as our kernel counts


# -- M/M/c ----------------------------------------------------------------------------------
ARRIVAL_RATE, SERVERS, SERVICE_MEAN = 1.0, 3, 2.4  # rho = 0.8


def mmc_plan(customers: int, seed: int = 7) -> list[tuple[float, float]]:
    """(gap before arrival, service time) per customer: both kernels get the same draws."""
    rng = Random(seed)
    return [
        (rng.expovariate(ARRIVAL_RATE), rng.expovariate(1 / SERVICE_MEAN)) for _ in range(customers)
    ]


def mmc_kernel(plan: list[tuple[float, float]]) -> tuple[Kernel, list[float]]:
    """The M/M/c queue on our kernel, ready to run: the kernel and the waits it will fill."""
    kernel = Kernel()
    servers = Semaphore(SERVERS, "servers")
    waits: list[float] = []

    async def customer(service: float) -> None:
        arrived = kernel.now
        async with servers:
            waits.append(kernel.now - arrived)
            await sleep(service)

    async def source() -> None:
        for gap, service in plan:
            await sleep(gap)
            kernel.spawn(customer(service))

    kernel.spawn(source())
    return kernel, waits


def mmc_ours(plan: list[tuple[float, float]]) -> tuple[float, float]:
    """Wall seconds and mean wait of the M/M/c queue on our kernel."""
    kernel, waits = mmc_kernel(plan)
    start = time.perf_counter()
    kernel.run()
    wall = time.perf_counter() - start
    return wall, sum(waits) / len(waits)


def mmc_long(customers: int) -> tuple[float, float, int]:
    """Wall seconds, share of them in the GC, and tasks still held, for one long run."""
    kernel, _waits = mmc_kernel(mmc_plan(customers))
    with GcClock() as collector:
        start = time.perf_counter()
        kernel.run()
        wall = time.perf_counter() - start
    return wall, collector.seconds / wall, len(kernel.tasks)


def mmc_simpy(plan: list[tuple[float, float]]) -> tuple[float, float]:
    """The same model in SimPy 4: a ``Resource`` of capacity c and one process each."""
    assert simpy is not None
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=SERVERS)
    waits: list[float] = []

    def customer(service: float) -> Generator[Any, Any, None]:
        arrived = env.now
        with servers.request() as request:
            yield request
            waits.append(env.now - arrived)
            yield env.timeout(service)

    def source() -> Generator[Any, Any, None]:
        for gap, service in plan:
            yield env.timeout(gap)
            env.process(customer(service))

    env.process(source())
    start = time.perf_counter()
    env.run()
    wall = time.perf_counter() - start
    return wall, sum(waits) / len(waits)


def run(quick: bool) -> Section:
    repeats = 1 if quick else 5
    resumes = 20_000 if quick else 300_000
    rounds = 100 if quick else 2_000
    customers = 2_000 if quick else 20_000
    section = Section("3. Scheduler overhead")
    for tasks in (100, 10_000):
        section.add(
            f"ours: {tasks:,} tasks sleeping U(0,1)",
            "resumes / s",
            [sleepers(tasks, resumes) for _ in range(repeats)],
            f"{resumes:,} resumes per repeat",
        )
    # A and B take turns, repeat by repeat, so a noisy moment hits both sides alike.
    pairs = [(ours_pingpong(100, rounds), asyncio_pingpong(100, rounds)) for _ in range(repeats)]
    ours = section.add(
        "ours: sleep(0) ping-pong, 100 tasks",
        "switches / s",
        [a for a, _ in pairs],
        "sleep(0) goes to the back of the ready line",
    )
    theirs = section.add(
        "asyncio: sleep(0) ping-pong, 100 tasks",
        "switches / s",
        [b for _, b in pairs],
        "default event loop; turns with the row above",
    )
    section.check(
        "ours faster than asyncio per switch (sleep(0) ping-pong)",
        f"{1e6 / ours.median:.2f} vs {1e6 / theirs.median:.2f} us per switch "
        f"({ours.median / theirs.median:.2f}x)",
        ours.median > theirs.median,
    )
    plan = mmc_plan(customers)
    runs, simpy_runs = [], []
    for _ in range(repeats):
        runs.append(mmc_ours(plan))
        if simpy is not None:
            simpy_runs.append(mmc_simpy(plan))
    ours_mmc = section.add(
        f"ours: M/M/{SERVERS} queue",
        "customers / s",
        [customers / w for w, _ in runs],
        f"{customers:,} customers, rho=0.8, mean wait {runs[0][1]:.3f}",
    )
    section.count(f"M/M/{SERVERS} queue, {customers:,} customers: mean wait", f"{runs[0][1]:.9f}")
    long_customers = 20_000 if quick else 200_000
    long_runs = [mmc_long(long_customers) for _ in range(1 if quick else 3)]
    gc_share = sorted(share for _, share, _ in long_runs)[len(long_runs) // 2]
    kept = max(held for _, _, held in long_runs)
    section.add(
        f"ours: M/M/{SERVERS} queue, long run",
        "customers / s",
        [long_customers / wall for wall, _, _ in long_runs],
        f"{long_customers:,} customers via run(); {gc_share:.0%} of it in the GC, "
        f"{kept} tasks kept",
    )
    section.check(
        "a long run() forgets finished tasks (little GC)",
        f"{kept} tasks kept at the end, {gc_share:.0%} of the time in the GC",
        kept == 0 and gc_share < 0.05,
    )
    if simpy is None:
        section.notes.append("SimPy not installed (pip install -r bench-requirements.txt): skipped")
        return section
    simpy_mmc = section.add(
        f"simpy {simpy.__version__}: M/M/{SERVERS} queue",
        "customers / s",
        [customers / w for w, _ in simpy_runs],
        f"same draws, mean wait {simpy_runs[0][1]:.3f}; turns with the row above",
    )
    same = abs(runs[0][1] - simpy_runs[0][1]) < 1e-9
    section.check(
        "ours at least as fast as SimPy on the same M/M/c model",
        f"{ours_mmc.median / simpy_mmc.median:.2f}x SimPy's speed; "
        f"mean waits {'identical' if same else 'DIFFER'}",
        ours_mmc.median >= simpy_mmc.median and same,
    )
    return section
