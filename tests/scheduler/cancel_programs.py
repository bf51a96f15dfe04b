"""The programs of ``test_aio_cancellation.py``, standard library only: the test runs them
here, and under every other CPython 3.11+ on the machine (``python cancel_programs.py``
prints the programs whose outcome differs between real asyncio and the game's).
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    sys.path[:0] = [str(Path(__file__).resolve().parents[2]), str(Path(__file__).parent)]

from aio_virtual_loop import Stuck
from aio_virtual_loop import run as run_real

from game.scheduler import aio

HEADER = """\
LOG = []


def log(*what):
    LOG.append((round(asyncio.get_running_loop().time(), 6), *what))
"""

PROGRAMS = {
    "a cancellation swallowed inside asyncio.timeout": """
async def main():
    try:
        async with asyncio.timeout(1) as scope:
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                log("swallowed")
            await asyncio.sleep(2)
            log("body ran on")
        log("no TimeoutError", scope.expired(), asyncio.current_task().cancelling())
    except TimeoutError:
        log("TimeoutError")
    return "done"
""",
    "the same, let through": """
async def main():
    try:
        async with asyncio.timeout(1):
            try:
                await asyncio.sleep(5)
            finally:
                log("cleaned up")
    except TimeoutError:
        log("TimeoutError", asyncio.current_task().cancelling())
    return "done"
""",
    "a worker whose bare except outlives cancel()": """
async def worker():
    for turn in range(4):
        try:
            await asyncio.sleep(1)
            log("cooked", turn)
        except:
            log("swallowed", turn)
    return "went on to the end"


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(1.5)
    task.cancel()
    await asyncio.sleep(0.1)
    log("after cancel", task.done(), task.cancelling())
    result = await task
    log("ended", task.cancelled(), result)
""",
    "except Exception lets the cancellation by": """
async def worker():
    try:
        while True:
            try:
                await asyncio.sleep(1)
                log("cooked")
            except Exception:
                log("not reached")
    finally:
        log("finally")


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(2.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        log("cancelled", task.cancelled())
""",
    "except CancelledError then return: the task ends not cancelled": """
async def worker():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("cleaned up")
        return "returned"


async def main():
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    task.cancel()
    log("got", await task, task.cancelled())
""",
    "wait_for around a coroutine that refuses the cancellation": """
async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        log("refused")
    await asyncio.sleep(1)
    return "late"


async def main():
    try:
        log("got", await asyncio.wait_for(stubborn(), timeout=1))
    except TimeoutError:
        log("TimeoutError")
""",
    "gather hands on the first error; the other runs on": """
async def burgers():
    try:
        await asyncio.sleep(3)
        log("burgers fetched")
    except asyncio.CancelledError:
        log("burgers cancelled")
        raise


async def drinks():
    await asyncio.sleep(1)
    raise RuntimeError("the drinks fountain is out of order")


async def main():
    try:
        await asyncio.gather(burgers(), drinks())
    except RuntimeError as error:
        log("caught", str(error))
    await asyncio.sleep(5)
    log("main ends")
""",
    "a TaskGroup cancels the others and raises the group": """
async def burgers():
    try:
        await asyncio.sleep(3)
        log("burgers fetched")
    except asyncio.CancelledError:
        log("burgers cancelled")
        raise
    finally:
        await asyncio.sleep(0.5)
        log("burgers clean-up done")


async def drinks():
    await asyncio.sleep(1)
    raise RuntimeError("the drinks fountain is out of order")


async def main():
    try:
        async with asyncio.TaskGroup() as errands:
            errands.create_task(burgers())
            errands.create_task(drinks())
    except RuntimeError:
        log("a plain except: not reached")
    except BaseExceptionGroup as group:
        log("group", type(group).__name__, str(group), [repr(e) for e in group.exceptions])
    await asyncio.sleep(5)
    log("main ends")
""",
    "except* takes its part of the group, the rest goes on": """
async def fails(kind, after):
    await asyncio.sleep(after)
    raise kind(f"{kind.__name__} at {after}")


async def main():
    try:
        try:
            async with asyncio.TaskGroup() as group:
                group.create_task(fails(RuntimeError, 1))
                group.create_task(fails(ValueError, 1))
                group.create_task(asyncio.sleep(9))
        except* RuntimeError as runtime:
            log("except*", str(runtime), [str(e) for e in runtime.exceptions])
    except* ValueError as rest:
        log("outer", str(rest), [str(e) for e in rest.exceptions])
""",
    "a plain except around a TaskGroup: the group goes through": """
async def drinks():
    await asyncio.sleep(1)
    raise RuntimeError("the drinks fountain is out of order")


async def main():
    async with asyncio.TaskGroup() as errands:
        errands.create_task(drinks())
        errands.create_task(asyncio.sleep(3))
""",
}


def outcome(module: Any, runner: Any, source: str) -> tuple[list[tuple[Any, ...]], tuple]:
    names: dict[str, Any] = {"asyncio": module}
    exec(compile(HEADER + source, "<program>", "exec"), names)
    try:
        end: tuple = ("ok", repr(runner(names["main"]())))
    except Stuck:
        end = ("stuck",)
    except BaseException as exc:  # noqa: BLE001 - the outcome compared
        inner = [repr(e) for e in getattr(exc, "exceptions", ())]
        end = ("raised", type(exc).__name__, str(exc), inner)
    return names["LOG"], end


def differences() -> list[tuple[str, Any, Any]]:
    """Each program whose log or end differs: (name, real asyncio's, ours)."""
    found = []
    for name, source in PROGRAMS.items():
        real = outcome(asyncio, run_real, source)
        ours = outcome(aio, aio.run, source)
        if real != ours:
            found.append((name, real, ours))
    return found


if __name__ == "__main__":
    print(json.dumps(differences(), default=repr))
