"""Reading a script's record back at any moment: the view is a function of (record, index)."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.script import run_script
from game.script.replay import Replay

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def blocking() -> Replay:
    return Replay(run_script(str(EXAMPLES / "blocking_mistake.py")))


@pytest.fixture(scope="module")
def shop() -> Replay:
    return Replay(run_script(str(EXAMPLES / "burgers_concurrent.py")))


def test_at_most_one_task_runs_at_any_moment(shop: Replay) -> None:
    for index in range(len(shop) + 1):
        moment = shop.at(index)
        assert sum(t.state == "running" for t in moment.tasks) <= 1


def test_moments_come_in_order_of_time(shop: Replay) -> None:
    assert shop.times == sorted(shop.times)
    assert shop.at(0).tasks == () and shop.at(0).t == 0.0
    last = shop.at(len(shop))
    assert last.finished and {t.state for t in last.tasks} <= {"done", "cancelled"}


def test_going_back_is_the_same_as_having_been_there(shop: Replay) -> None:
    """Stepping back to a moment shows exactly what stepping forward to it showed."""
    forward = [shop.at(i) for i in range(len(shop) + 1)]
    backward = [shop.at(i) for i in reversed(range(len(shop) + 1))]
    assert forward == list(reversed(backward))


def test_seek_by_time(shop: Replay) -> None:
    index = shop.index_at(4.0)
    moment = shop.at(index, 4.0)
    assert moment.t == 4.0
    assert [o["text"] for o in moment.output][-1] == "Ana & Ben: our burgers!"
    later = shop.at(shop.index_at(4.5), 4.5)
    cook = next(t for t in later.tasks if t.name == "cook")
    assert cook.state == "awaiting" and cook.what == "sleep until 6 s" and cook.kind == "sleep"
    assert cook.chain[0][0] == "cook" and cook.chain[-1][0] == "sleep"


def test_a_held_loop_shows_the_blocker_running_and_the_others_waiting(blocking: Replay) -> None:
    moment = blocking.at(blocking.index_at(1.0), 1.0)
    assert moment.block is not None and moment.block["seconds"] == 2.0
    running = moment.running
    assert running is not None and running.coro == "cook"
    cashier = next(t for t in moment.tasks if t.coro == "cashier")
    assert cashier.state in ("created", "ready")  # ready since 0, but the loop is held
    after = blocking.at(blocking.index_at(2.0), 2.0)
    assert after.block is None


def test_lanes_cover_each_task_s_life(shop: Replay) -> None:
    lanes = {lane.name: lane for lane in shop.lanes()}
    cook = lanes["cook"]
    assert cook.spans[0][2] == "created"
    assert all(t0 <= t1 for t0, t1, _, _ in cook.spans)
    assert [s[2] for s in cook.spans].count("running") >= 4


def test_who_woke_whom_at_a_moment(shop: Replay) -> None:
    names = {t["id"]: t["name"] for t in shop.tasks}
    seen = set()
    for index in range(len(shop) + 1):
        for wake in shop.wakes_at(index):
            seen.add((names.get(wake["from"], wake["from"]), names[wake["to"]]))
    assert ("cook", "Task-4") in seen  # the cook's ready.set() wakes Ana & Ben
    assert ("clock", "cashier") in seen


def test_a_cpu_bound_step_is_shown_holding_the_loop_at_the_line_it_computes(
    tmp_path: Path,
) -> None:
    script = tmp_path / "recipe.py"
    script.write_text(
        "import asyncio\n"
        "def recipe(n):\n"
        "    total = 0\n"
        "    for i in range(n):\n"
        "        total += i * i\n"  # line 5: where the time goes
        "    return total\n"
        "async def cook():\n"
        "    return recipe(4_000_000)\n"
        "async def main():\n"
        "    await asyncio.gather(cook(), asyncio.sleep(1))\n"
        "asyncio.run(main())\n"
    )
    replay = Replay(run_script(str(script)))
    held = [replay.at(i) for i in range(len(replay) + 1) if replay.at(i).cpu is not None]
    assert len(held) == 1
    moment = held[0]
    assert moment.running is not None and moment.running.coro == "cook"
    assert moment.cpu["line"] in (4, 5) and moment.cpu["seconds"] >= 0.05
    assert replay.record["blocked"] == []  # computing costs no virtual time: only wall time
