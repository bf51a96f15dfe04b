"""Issue 10, level 4 in the kernel: ``gather`` with asyncio's documented semantics."""

from __future__ import annotations

from typing import Any

import pytest

from game.scheduler import CANCELLED, Cancelled, Kernel, gather, sleep


async def after(seconds: float, value: Any) -> Any:
    await sleep(seconds)
    return value


async def fail_after(seconds: float, message: str) -> None:
    await sleep(seconds)
    raise ValueError(message)


def run(coro: Any, until: float = 100.0) -> tuple[Kernel, Any]:
    kernel = Kernel()
    task = kernel.spawn(coro, "main")
    kernel.run_until(until)
    return kernel, task


def test_results_in_argument_order_and_the_wait_is_the_longest() -> None:
    got: list[Any] = []

    async def main() -> None:
        got.append(await gather(after(3.0, "burgers"), after(1.0, "drinks"), after(2.0, 7)))
        got.append(main_kernel.now)

    main_kernel = Kernel()
    main_kernel.spawn(main(), "main")
    main_kernel.run_until(10.0)
    assert got == [["burgers", "drinks", 7], 3.0]  # not 6.0: the three overlapped


def test_one_after_another_takes_the_sum() -> None:
    kernel = Kernel()
    got: list[float] = []

    async def main() -> None:
        await after(3.0, "burgers")
        await after(1.0, "drinks")
        got.append(kernel.now)

    kernel.spawn(main(), "main")
    kernel.run_until(10.0)
    assert got == [4.0]


def test_first_error_propagates_and_the_others_run_on() -> None:
    kernel = Kernel()
    caught: list[Any] = []
    finished: list[float] = []

    async def slow() -> str:
        await sleep(5.0)
        finished.append(kernel.now)
        return "slow"

    async def main() -> None:
        try:
            await gather(slow(), fail_after(2.0, "first"), fail_after(3.0, "second"))
        except ValueError as error:
            caught.append((str(error), kernel.now))

    kernel.spawn(main(), "main")
    kernel.run_until(10.0)  # strict kernel: no crash reported for the children
    assert caught == [("first", 2.0)]
    assert finished == [5.0]  # not cancelled (asyncio: "won't be cancelled")
    assert kernel.crashes == []


def test_return_exceptions_puts_them_in_the_list() -> None:
    kernel = Kernel()
    got: list[Any] = []

    async def main() -> None:
        got.extend(await gather(after(1.0, 1), fail_after(0.5, "no"), return_exceptions=True))

    kernel.spawn(main(), "main")
    kernel.run_until(5.0)
    assert got[0] == 1 and isinstance(got[1], ValueError) and str(got[1]) == "no"


def test_cancelling_the_gatherer_cancels_the_children() -> None:
    kernel = Kernel()

    async def main() -> None:
        await gather(after(5.0, 1), after(6.0, 2))

    task = kernel.spawn(main(), "main")
    kernel.run_until(1.0)
    children = [t for t in kernel.tasks if t is not task]
    assert len(children) == 2
    task.cancel()
    kernel.run_until(2.0)
    assert task.state == CANCELLED
    assert all(c.state == CANCELLED for c in children)


def test_a_cancelled_child_raises_cancelled_in_the_gatherer() -> None:
    kernel = Kernel()
    caught: list[str] = []

    async def main() -> None:
        try:
            await gather(after(5.0, 1), after(1.0, 2))
        except Cancelled:
            caught.append("cancelled")

    task = kernel.spawn(main(), "main")
    kernel.run_until(0.5)
    child = next(t for t in kernel.tasks if t is not task)
    child.cancel()
    kernel.run_until(10.0)
    assert caught == ["cancelled"]


def test_empty_gather_returns_an_empty_list() -> None:
    kernel, task = run(gather())
    assert task.result == []


@pytest.mark.parametrize("n", [1, 5])
def test_children_are_named_after_the_gatherer(n: int) -> None:
    kernel = Kernel()

    async def main() -> None:
        await gather(*(after(1.0, i) for i in range(n)))

    kernel.spawn(main(), "couple #3")
    kernel.run_until(0.5)
    assert [t.name for t in kernel.tasks[1:]] == ["couple #3: after"] * n
