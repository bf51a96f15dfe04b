"""The edges of the asyncio the game serves: what is outside the subset is one clear line at
its call, asyncio.run is refused inside a running loop with asyncio's own words, and every
task is a kernel task the inspector and the code view can read."""

from __future__ import annotations

import asyncio as real

import pytest

from game.scheduler import Kernel, aio


def run_in_kernel(coro_fn):
    kernel = Kernel(strict=False)
    task = kernel.spawn(coro_fn(), "main")
    kernel.run_until(100.0)
    return kernel, task


def test_outside_the_subset_is_one_line_at_the_call() -> None:
    stub = aio.wait  # looking it up is harmless
    assert "not in this kitchen" in repr(stub)
    with pytest.raises(aio.NotInKitchen) as caught:
        aio.wait([aio.sleep(1)])  # the coroutine handed over is closed: no warning later
    message = str(caught.value)
    assert message.startswith("asyncio.wait is not in this kitchen; served here: sleep, gather")
    assert "\n" not in message
    with pytest.raises(AttributeError):
        aio.__wrapped__  # noqa: B018 - dunders stay real attribute errors


def test_run_inside_a_running_loop_is_refused_as_asyncio_refuses_it() -> None:
    async def inner() -> None:
        pass

    async def ours() -> str:
        coro = inner()
        try:
            aio.run(coro)
        except RuntimeError as error:
            return str(error)
        finally:
            coro.close()
        return "ran"

    async def theirs() -> str:
        coro = inner()
        try:
            real.run(coro)
        except RuntimeError as error:
            return str(error)
        finally:
            coro.close()
        return "ran"

    _kernel, task = run_in_kernel(ours)
    assert task.result == real.run(theirs())
    assert task.result == "asyncio.run() cannot be called from a running event loop"


def test_outside_any_task_the_loop_words_say_no_running_event_loop() -> None:
    with pytest.raises(RuntimeError, match="no running event loop"):
        aio.get_running_loop()
    with pytest.raises(RuntimeError, match="no running event loop"):
        aio.current_task()


def test_tasks_are_kernel_tasks_named_by_their_parent_and_seen_through() -> None:
    seen = {}

    async def cook_one(n: int) -> int:
        await aio.sleep(n)
        return n * 2

    async def main() -> list[int]:
        task = aio.create_task(cook_one(1))
        await aio.sleep(0.5)
        kernel_task = task._kernel_task
        seen["name"] = kernel_task.name
        seen["stack"] = [f.function for f in kernel_task.stack()]
        return await aio.gather(task, cook_one(2))

    kernel, main_task = run_in_kernel(main)
    assert main_task.result == [2, 4]
    assert seen["name"] == "main: cook_one"
    assert seen["stack"][0] == "cook_one"  # the code view reads the learner's own frame
    assert kernel.now == 100.0


def test_an_exception_in_a_task_goes_to_its_awaiter_not_the_day() -> None:
    async def burns() -> None:
        await aio.sleep(1)
        raise ValueError("burnt")

    async def main() -> str:
        task = aio.create_task(burns())
        try:
            await task
        except ValueError as error:
            return f"caught {error}"
        return "nothing"

    kernel, task = run_in_kernel(main)
    assert task.result == "caught burnt"
    assert kernel.crashes == []


def test_time_is_virtual_and_to_thread_takes_the_workers_time() -> None:
    from game.scheduler import block

    def slow_sum() -> int:
        block(6.0, "a recipe")  # six seconds of work, on the worker
        return 42

    async def main() -> tuple[int, float]:
        loop = aio.get_running_loop()
        start = loop.time()
        result = await aio.to_thread(slow_sum)
        return result, loop.time() - start

    kernel, task = run_in_kernel(main)
    assert task.result == (42, 6.0)
    assert kernel.blocked == 0.0  # the loop was never held
