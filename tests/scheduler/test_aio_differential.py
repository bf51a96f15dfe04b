"""The game's ``asyncio`` against real asyncio: the same generated programs on both.

Each program (``aio_programs.py``) runs on real asyncio with a virtual clock
(``aio_virtual_loop.py``) and on ``game.scheduler.aio`` (our kernel). What they log, with
its virtual time, and how they end must agree:

- **always**: the same outcome, the same events at the same virtual times (per instant,
  as a multiset);
- **the order of events within one instant** agrees too, except where asyncio's own order
  there is an accident of its implementation: ``TaskGroup`` and ``asyncio.run``'s clean-up
  cancel tasks in the order of a ``set`` (ours: creation order), so runs of "cancelled"
  lines at one instant are compared sorted, and a program that waits for ever is compared
  up to the moment it sticks. What is left over of instant-order differences (a task
  woken by a cancellation the set order started) stays under 1 % of the programs.
"""

from __future__ import annotations

import asyncio
import os
import sys
import warnings
from collections import Counter
from typing import Any

import pytest

from game.scheduler import aio
from game.scheduler.traps import Deadlock

pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 11), reason="TaskGroup, timeout and except* came with Python 3.11"
)

PROGRAMS = int(os.environ.get("AIO_DIFFERENTIAL_PROGRAMS", "300"))  # 1,000 also agree


def _load() -> tuple[Any, Any]:
    import aio_programs
    import aio_virtual_loop

    return aio_programs, aio_virtual_loop


def outcome(module: Any, runner: Any, source: str) -> tuple[list[tuple[Any, ...]], tuple]:
    _programs, virtual = _load()
    names: dict[str, Any] = {"asyncio": module}
    names["repr"] = lambda x: repr(x).replace("Cancelled(", "CancelledError(")
    exec(compile(source, "<program>", "exec"), names)
    try:
        end: tuple = ("ok", repr(runner(names["main"]())))
    except (virtual.Stuck, Deadlock):
        end = ("stuck",)
    except BaseException as exc:  # noqa: BLE001 - the outcome compared
        end = ("raised", type(exc).__name__, str(exc))
    return names["LOG"], end


def normal(log: list[tuple[Any, ...]], stuck: bool) -> list[Any]:
    """Sorted where asyncio's order is a set's: runs of "cancelled" at one instant, and
    everything from the instant a stuck program is given up."""
    if stuck and log:
        end = log[-1][0]
        log = [e for e in log if e[0] < end] + [("from", end, sorted(map(repr, log)))]
    out: list[Any] = []
    i = 0
    while i < len(log):
        j = i
        while j < len(log) and log[j][2:] == ("cancelled",) and log[j][0] == log[i][0]:
            j += 1
        if j > i + 1:
            out += sorted(log[i:j])
            i = j
        else:
            out.append(log[i])
            i += 1
    return out


def per_instant(log: list[tuple[Any, ...]]) -> Counter[str]:
    return Counter(repr(e) for e in log)


def both(seed: int) -> tuple[Any, Any]:
    programs, virtual = _load()
    source = programs.program(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Task exception was never retrieved" and such
        real = outcome(asyncio, virtual.run, source)
        ours = outcome(aio, aio.run, source)
    return real, ours


def test_generated_programs_agree_with_real_asyncio(caplog: pytest.LogCaptureFixture) -> None:
    order_differs: list[int] = []
    shapes = Counter()
    for seed in range(PROGRAMS):
        (real_log, real_end), (our_log, our_end) = both(seed)
        shapes[real_end[0]] += 1
        assert our_end == real_end, f"program {seed}: ended {our_end}, asyncio {real_end}"
        stuck = real_end == ("stuck",)
        if not stuck:
            assert per_instant(our_log) == per_instant(real_log), f"program {seed}"
        if normal(our_log, stuck) != normal(real_log, stuck):
            order_differs.append(seed)
    assert shapes["ok"] > PROGRAMS * 0.7  # most programs run to their end
    assert len(order_differs) <= PROGRAMS // 100, f"order differs in programs {order_differs}"


def test_programs_use_every_word_of_the_subset() -> None:
    programs, _virtual = _load()
    text = "\n".join(programs.program(seed) for seed in range(60))
    for word in (
        "asyncio.sleep(",
        "asyncio.gather(",
        "asyncio.create_task(",
        "asyncio.wait_for(",
        "asyncio.timeout(",
        "asyncio.Event(",
        "asyncio.Lock(",
        "asyncio.Semaphore(",
        "asyncio.Queue(",
        "asyncio.TaskGroup(",
        "asyncio.to_thread(",
        "asyncio.CancelledError",
        "TimeoutError",
        ".cancel()",
    ):
        assert word in text, word


def test_a_program_that_waits_for_ever_is_stuck_on_both() -> None:
    _programs, virtual = _load()

    def forever(mod: Any) -> Any:
        async def main() -> None:
            await mod.Event().wait()

        return main()

    with pytest.raises(virtual.Stuck):
        virtual.run(forever(asyncio))
    with pytest.raises(Deadlock):
        aio.run(forever(aio))
