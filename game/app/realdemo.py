"""The same lesson on real hardware, with real wall-clock times.

    python -m game.app.realdemo [--jobs N] [--work SECONDS] [--quick]
    python -m game.app.realdemo --server [--requests N] [--wait SECONDS] [--json]

Work you must *do* (a pure-Python number crunch, like mopping a room) gains nothing from
asyncio tasks: they take turns on one core. Processes can use several cores at once.
Work that is *waiting* (``asyncio.sleep``, like waiting for burgers) is where asyncio
shines: the waits overlap. The game runs on virtual time; this shows the real thing.
Standard library only, so it runs anywhere Python does; ``--server`` (``serverdemo.py``)
times a real FastAPI server on 127.0.0.1 and needs the optional ``[server]`` extra.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import NoReturn

USAGE_ERROR = 2
MAX_JOBS = 64
MAX_WORK = 10.0
MAX_REQUESTS = 200
MAX_WAIT = 1.0


class UsageError(Exception):
    """A bad command-line value, already phrased for the user."""


class Parser(argparse.ArgumentParser):
    """argparse, but errors are one line (no usage dump) and exit with code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _whole(most: int) -> Callable[[str], int]:
    """An argument type: a whole number from 1 to ``most``, or one line saying why not."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if not 1 <= value <= most:
            raise argparse.ArgumentTypeError(f"must be from 1 to {most}, got {text!r}")
        return value

    return parse


def _seconds(most: float) -> Callable[[str], float]:
    """An argument type: seconds above 0 and at most ``most``, or one line saying why not."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"expected a number of seconds, got {text!r}"
            ) from None
        if not (0 < value <= most) or math.isnan(value):
            raise argparse.ArgumentTypeError(f"must be > 0 and <= {most:g}, got {text!r}")
        return value

    return parse


def build_parser() -> Parser:
    parser = Parser(
        prog="python -m game.app.realdemo",
        description="Measure, on this machine, CPU-bound work as asyncio tasks vs processes, "
        "and wait-bound work as asyncio tasks vs one after another.",
    )
    parser.add_argument("--jobs", type=_whole(MAX_JOBS), default=4, help="how many jobs (4)")
    parser.add_argument(
        "--work",
        type=_seconds(MAX_WORK),
        default=0.25,
        help="about how many seconds each job takes on its own (0.25)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="a tiny run (2 jobs of 0.03 s) for tests"
    )
    server = parser.add_argument_group("a real web server (needs the [server] extra)")
    server.add_argument(
        "--server",
        action="store_true",
        help="time a real FastAPI server on 127.0.0.1 against what the game predicts",
    )
    server.add_argument(
        "--requests",
        type=_whole(MAX_REQUESTS),
        default=50,
        help="requests at once per endpoint (50)",
    )
    server.add_argument(
        "--wait", type=_seconds(MAX_WAIT), default=0.2, help="seconds each endpoint waits (0.2)"
    )
    server.add_argument("--json", action="store_true", help="print the figures as JSON")
    return parser


# ---------------------------------------------------------------------------------------
# The jobs


def crunch(rounds: int) -> int:
    """Pure CPU: a pseudo-random walk in plain Python. It holds the GIL and never waits."""
    x = 12345
    for _ in range(rounds):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    return x


def calibrate(seconds: float) -> int:
    """Rounds of ``crunch`` that take about ``seconds`` here (best of three short trials)."""
    trial = 20_000
    best = math.inf
    for _ in range(3):
        start = time.perf_counter()
        crunch(trial)
        best = min(best, time.perf_counter() - start)
    return max(1, round(trial * seconds / max(best, 1e-9)))


async def crunch_task(rounds: int) -> int:
    """An ``async def`` around CPU work: no ``await`` inside, so nothing else runs meanwhile."""
    return crunch(rounds)


async def cpu_as_tasks(jobs: int, rounds: int) -> float:
    start = time.perf_counter()
    await asyncio.gather(*(crunch_task(rounds) for _ in range(jobs)))
    return time.perf_counter() - start


async def cpu_in_processes(pool: ProcessPoolExecutor, jobs: int, rounds: int) -> float:
    loop = asyncio.get_running_loop()
    start = time.perf_counter()
    await asyncio.gather(*(loop.run_in_executor(pool, crunch, rounds) for _ in range(jobs)))
    return time.perf_counter() - start


async def waits_one_after_another(jobs: int, seconds: float) -> float:
    start = time.perf_counter()
    for _ in range(jobs):
        await asyncio.sleep(seconds)
    return time.perf_counter() - start


async def waits_as_tasks(jobs: int, seconds: float) -> float:
    start = time.perf_counter()
    await asyncio.gather(*(asyncio.sleep(seconds) for _ in range(jobs)))
    return time.perf_counter() - start


# ---------------------------------------------------------------------------------------
# The report


def _n(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _row(text: str, seconds: float, baseline: float | None = None) -> str:
    line = f"  {text:<44}{seconds:7.2f} s"
    if baseline is not None and seconds > 0:
        line += f"   {compared(baseline / seconds)}"
    return line


def compared(speedup: float) -> str:
    """'1.9x sooner', or '2.0x slower' (never '0.5x sooner'), or 'about the same'."""
    if speedup >= 1.05:
        return f"{speedup:4.1f}x sooner"
    if speedup <= 0.95:
        return f"{1 / speedup:4.1f}x slower"
    return "about the same"


def cpu_lesson(cores: int, jobs: int, speedup: float) -> str:
    """One line, true to what was measured (one core, tiny jobs and busy machines too)."""
    head = "  lesson: asyncio tasks share one core (no speed-up); "
    if cores <= 1:
        return head + "this machine has one core, so processes cannot help either."
    if jobs <= 1:
        return head + "one job cannot be split over cores."
    if speedup <= 0.95:
        return (
            head + f"processes were {1 / speedup:.1f}x slower here: starting them cost more "
            "than the jobs, or the cores were busy (not what processes do on an idle machine)."
        )
    if speedup < 1.2:
        return head + f"processes only {speedup:.1f}x sooner here: jobs too small, cores busy?"
    return head + f"processes used {min(cores, jobs)} cores: {speedup:.1f}x sooner."


def wait_lesson(jobs: int, speedup: float) -> str:
    return (
        f"  lesson: waiting needs no core: {_n(jobs, 'asyncio task')} overlap their waits, "
        f"{speedup:.1f}x sooner (like the burgers)."
    )


def usable_cores() -> int:
    """Cores this process may run on (a container or ``taskset`` can allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def run(jobs: int, work: float) -> str:
    cores = usable_cores()
    rounds = calibrate(work)
    lines = [
        f"Async Burgers - the real thing on this machine: {os.cpu_count()} CPU cores "
        f"(os.cpu_count())"
        + (f", {cores} usable by this process" if cores != os.cpu_count() else ""),
        f"{_n(jobs, 'job')}, each about {work:g} s on its own",
        "",
        "CPU-bound work (pure-Python number crunching), like cleaning rooms:",
    ]
    tasks = asyncio.run(cpu_as_tasks(jobs, rounds))
    with ProcessPoolExecutor(max_workers=min(jobs, cores)) as pool:
        list(pool.map(crunch, [1] * min(jobs, cores)))  # start the workers: not timed
        processes = asyncio.run(cpu_in_processes(pool, jobs, rounds))
    lines.append(_row(f"{_n(jobs, 'asyncio task')}, one event loop", tasks))
    workers = _n(min(jobs, cores), "worker")
    lines.append(_row(f"{_n(jobs, 'job')} in a ProcessPoolExecutor ({workers})", processes, tasks))
    lines.append(cpu_lesson(cores, jobs, tasks / processes if processes > 0 else 1.0))
    lines += ["", "Wait-bound work (asyncio.sleep), like waiting for burgers:"]
    sequential = asyncio.run(waits_one_after_another(jobs, work))
    together = asyncio.run(waits_as_tasks(jobs, work))
    lines.append(_row(f"{_n(jobs, 'wait')}, one after another", sequential))
    lines.append(_row(f"{_n(jobs, 'asyncio task')} waiting at once", together, sequential))
    lines.append(wait_lesson(jobs, sequential / together if together > 0 else 1.0))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    try:
        if args.server:
            from . import serverdemo

            requests, wait = (5, 0.05) if args.quick else (args.requests, args.wait)
            print(serverdemo.run(requests, wait, args.json))
        else:
            jobs, work = (2, 0.03) if args.quick else (args.jobs, args.work)
            print(run(jobs, work))
    except ImportError as error:  # serverdemo.MissingExtra is one
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    except KeyboardInterrupt:
        print(f"{parser.prog}: interrupted", file=sys.stderr)
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
