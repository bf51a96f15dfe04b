"""What levels 10 and 11 rely on, run on real asyncio and on the game's ``asyncio``.

Each program runs on real asyncio (on a virtual clock, ``aio_virtual_loop.py``) and on
``game.scheduler.aio``; what it logs, with the virtual time, and how it ends must be the
same: a cancellation swallowed inside ``asyncio.timeout`` (no ``TimeoutError``, the body
runs on), a worker whose bare ``except`` outlives ``cancel()``, ``except Exception`` that
lets a cancellation by, ``wait_for`` around a coroutine that refuses it, ``gather`` that
hands on the first error while the other awaitable runs on, and a ``TaskGroup`` that
cancels the others and raises an ``ExceptionGroup`` (its message, its exceptions, and
``except*``).
"""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import pytest
from aio_virtual_loop import Stuck
from aio_virtual_loop import run as run_real

from game.scheduler import aio

pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 11), reason="TaskGroup, timeout and except* came with Python 3.11"
)

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


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_the_same_program_on_real_asyncio_and_on_ours(name: str) -> None:
    real = outcome(asyncio, run_real, PROGRAMS[name])
    ours = outcome(aio, aio.run, PROGRAMS[name])
    assert ours == real
    assert real[0] or real[1][0] == "raised"  # each program says something


def test_what_the_programs_show() -> None:
    """The behaviours the levels are built on, read off real asyncio's runs."""
    said = {name: outcome(asyncio, run_real, source) for name, source in PROGRAMS.items()}
    log, _end = said["a cancellation swallowed inside asyncio.timeout"]
    assert log == [(1.0, "swallowed"), (3.0, "body ran on"), (3.0, "no TimeoutError", True, 0)]
    log, _end = said["a worker whose bare except outlives cancel()"]
    assert (1.6, "after cancel", False, 1) in log
    assert log[-1] == (3.5, "ended", False, "went on to the end")
    log, _end = said["gather hands on the first error; the other runs on"]
    assert log == [
        (1.0, "caught", "the drinks fountain is out of order"),
        (3.0, "burgers fetched"),
        (6.0, "main ends"),
    ]
    log, _end = said["a TaskGroup cancels the others and raises the group"]
    assert log[:2] == [(1.0, "burgers cancelled"), (1.5, "burgers clean-up done")]
    assert log[2] == (
        1.5,
        "group",
        "ExceptionGroup",
        "unhandled errors in a TaskGroup (1 sub-exception)",
        ["RuntimeError('the drinks fountain is out of order')"],
    )
    _log, end = said["a plain except around a TaskGroup: the group goes through"]
    assert end == (
        "raised",
        "ExceptionGroup",
        "unhandled errors in a TaskGroup (1 sub-exception)",
        ["RuntimeError('the drinks fountain is out of order')"],
    )
