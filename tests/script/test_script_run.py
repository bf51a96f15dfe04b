"""A learner's own script on real asyncio with a virtual clock: the same events as plain
asyncio, in no wall time, the same every run; blocking, refused calls, failures and
Python's own warnings all written down."""

from __future__ import annotations

import asyncio
import io
import json
import runpy
import selectors
import subprocess
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from game.app.cli import main
from game.script import ScriptError, headless_json, run_script

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NAMES = sorted(p.name for p in EXAMPLES.glob("*.py"))


# -- plain asyncio, for comparison: CPython's own selector loop with only its clock changed
class ClockedLoop(asyncio.SelectorEventLoop):
    """asyncio's SelectorEventLoop whose clock is virtual (``scale=None``) or the wall clock
    sped up ``scale`` times; nothing else of ours."""

    def __init__(self, scale: float | None = None) -> None:
        super().__init__()
        self.scale, self.virtual, self.start = scale, 0.0, time.monotonic()
        real = self._selector
        loop = self

        class Selector(selectors.DefaultSelector):
            def select(self, timeout=None):  # noqa: ANN001, ANN202
                if loop.scale is not None:
                    return real.select(None if timeout is None else timeout / loop.scale)
                if timeout:
                    due = loop._scheduled[0]._when if loop._scheduled else loop.virtual
                    loop.virtual = max(loop.virtual, min(due, loop.virtual + timeout))
                return real.select(0)

            def register(self, *args):  # noqa: ANN002, ANN202
                return real.register(*args)

            def unregister(self, *args):  # noqa: ANN002, ANN202
                return real.unregister(*args)

            def get_map(self):  # noqa: ANN202
                return real.get_map()

            def close(self) -> None:
                real.close()

        self._selector = Selector()

    def time(self) -> float:
        if self.scale is not None:
            return (time.monotonic() - self.start) * self.scale
        return self.virtual


def plain_run(path: Path, monkeypatch: pytest.MonkeyPatch, scale: float | None = None):
    """(t, line) of what the script prints under plain ``asyncio.run`` on ``ClockedLoop``."""
    loops: list[ClockedLoop] = []

    class Policy(asyncio.DefaultEventLoopPolicy):
        def new_event_loop(self) -> ClockedLoop:
            loops.append(ClockedLoop(scale))
            return loops[-1]

    def blocking_sleep(seconds: float) -> None:  # time.sleep holds the (virtual) loop
        if scale is None:
            loops[-1].virtual += seconds
        else:
            time_sleep(seconds / scale)

    lines: list[tuple[float, str]] = []

    class Stamped(io.StringIO):
        def write(self, text: str) -> int:
            for line in text.splitlines():
                lines.append((round(loops[-1].time() if loops else 0.0, 6), line))
            return len(text)

    time_sleep = time.sleep
    monkeypatch.setattr(time, "sleep", blocking_sleep)
    asyncio.set_event_loop_policy(Policy())
    try:
        with redirect_stdout(Stamped()):
            runpy.run_path(str(path), run_name="__main__")
    finally:
        asyncio.set_event_loop_policy(None)
    return [(t, line) for t, line in lines if line]


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    return {name: run_script(str(EXAMPLES / name)) for name in NAMES}


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def printed(record: dict) -> list[tuple[float, str]]:
    return [(o["t"], o["text"]) for o in record["output"] if o["stream"] == "stdout"]


def test_every_example_is_there() -> None:
    wanted = {
        "burgers_concurrent",
        "burgers_parallel",
        "crawler_semaphore",
        "producer_consumer",
        "timeout_wait_for",
        "taskgroup_fails",
        "blocking_mistake",
    }
    assert wanted <= {Path(n).stem for n in NAMES}


@pytest.mark.filterwarnings("ignore:coroutine 'cook' was never awaited")
@pytest.mark.parametrize("name", NAMES)
def test_example_prints_what_plain_asyncio_prints_at_the_same_virtual_times(
    name: str, records: dict[str, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    if name == "taskgroup_fails.py" and sys.version_info < (3, 11):
        pytest.skip("asyncio.TaskGroup is new in Python 3.11")
    record = records[name]
    assert record["exit"] == 0, record["stop"]
    plain = plain_run(EXAMPLES / name, monkeypatch)
    if name == "taskgroup_fails.py":
        # a TaskGroup cancels its children in the order of a set of tasks, which follows
        # their memory addresses: the same every run of one process, not across processes
        plain, mine = sorted(plain), sorted(printed(record))
    else:
        mine = printed(record)
    assert mine == plain
    assert printed(record)


def test_small_example_keeps_its_order_on_the_wall_clock_scaled_down(
    records: dict[str, dict], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The concurrent shop, on asyncio's real clock 20 times faster (half a second)."""
    name = "burgers_concurrent.py"
    wall = plain_run(EXAMPLES / name, monkeypatch, scale=20)
    assert [line for _, line in wall] == [line for _, line in printed(records[name])]


def test_every_task_of_the_concurrent_shop_has_a_life(records: dict[str, dict]) -> None:
    record = records["burgers_concurrent.py"]
    names = [t["name"] for t in record["tasks"]]
    assert names[:3] == ["Task-1", "cashier", "cook"]
    cook = record["tasks"][2]
    grill = line_of(EXAMPLES / "burgers_concurrent.py", "# the grill")
    states = [e["state"] for e in cook["events"]]
    assert states[:3] == ["created", "running", "awaiting"]
    assert states[-1] == "cancelled"  # main cancels the staff at closing time
    waits = [e for e in cook["events"] if e["state"] == "awaiting"]
    assert waits[0]["what"] == "Queue 'kitchen'.get()"
    assert waits[1]["what"] == "sleep until 4 s" and waits[1]["line"] == grill
    assert waits[1]["chain"][0] == ["cook", "burgers_concurrent.py", grill]


def test_who_woke_whom(records: dict[str, dict]) -> None:
    """The cook's Event.set wakes the couple; the clock wakes a sleeper; a Queue.put wakes
    the cook."""
    record = records["burgers_concurrent.py"]
    ids = {t["id"]: t["name"] for t in record["tasks"]}
    wakes = {(ids.get(w["from"], w["from"]), ids[w["to"]], w["what"]) for w in record["wakes"]}
    couple = next(t["name"] for t in record["tasks"] if t["coro"] == "couple")
    assert ("cook", couple, "Event 'ready'.wait()") in wakes
    assert ("clock", "cook", "sleep until 4 s") in wakes
    assert ("cashier", "cook", "Queue 'kitchen'.get()") in wakes


def test_gather_and_task_awaits_are_named(records: dict[str, dict]) -> None:
    record = records["burgers_parallel.py"]
    what = {e.get("what") for t in record["tasks"] for e in t["events"]}
    assert "task counter 1" in what
    assert any(w and w.startswith("gather(") for w in what)


def test_blocking_call_is_charged_to_virtual_time_with_its_line(
    records: dict[str, dict],
) -> None:
    record = records["blocking_mistake.py"]
    mistake = line_of(EXAMPLES / "blocking_mistake.py", "time.sleep(2)")
    assert record["blocked"] == [
        {"seq": record["blocked"][0]["seq"], "t": 0.0, "seconds": 2.0, "line": mistake, "task": 2}
    ]
    assert printed(record)[:3] == [
        (0.0, "cook: order 1 on the grill"),
        (2.0, "cook: order 1 ready"),
        (2.5, "cashier: took order 1"),  # it could start its 0.5 s only once the loop was free
    ]


@pytest.mark.skipif(sys.version_info < (3, 11), reason="asyncio.TaskGroup is new in 3.11")
def test_failing_task_in_a_taskgroup(records: dict[str, dict]) -> None:
    tasks = {t["name"]: t for t in records["taskgroup_fails.py"]["tasks"]}
    fries = tasks["fries"]["events"][-1]
    assert fries["state"] == "failed" and fries["error"] == "ValueError: the fryer is on fire"
    line = line_of(EXAMPLES / "taskgroup_fails.py", "raise ValueError")
    assert (
        f'line {line}, in cook\n    raise ValueError("the fryer is on fire")' in fries["traceback"]
    )
    assert tasks["burger"]["events"][-1]["state"] == "cancelled"
    assert tasks["shake"]["events"][-1]["state"] == "cancelled"


def test_never_awaited_coroutine_is_shown_as_python_prints_it(
    records: dict[str, dict],
) -> None:
    errors = [o["text"] for o in records["forgot_await.py"]["output"] if o["stream"] == "stderr"]
    line = line_of(EXAMPLES / "forgot_await.py", "    cook()")
    assert (
        errors[0] == f"forgot_await.py:{line}: RuntimeWarning: coroutine 'cook' was never awaited"
    )


def write(tmp_path: Path, text: str, name: str = "script.py") -> str:
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def test_task_exception_never_retrieved_is_python_s_own_message(tmp_path: Path) -> None:
    record = run_script(
        write(
            tmp_path,
            (
                "import asyncio\n"
                "async def boom():\n"
                "    raise ValueError('burnt')\n"
                "async def main():\n"
                "    asyncio.create_task(boom())\n"
                "    await asyncio.sleep(1)\n"
                "asyncio.run(main())\n"
            ),
        )
    )
    errors = [o["text"] for o in record["output"] if o["stream"] == "stderr"]
    assert errors[:2] == [
        "Task exception was never retrieved",
        "future: <Task finished name='Task-2' coro=<boom() done, defined at script.py:2> "
        "exception=ValueError('burnt')>",
    ]
    assert errors[-1] == "ValueError: burnt"
    assert record["exit"] == 0


def test_an_hour_of_sleep_takes_no_wall_time_and_two_runs_are_identical(
    tmp_path: Path,
) -> None:
    script = write(
        tmp_path,
        (
            "import asyncio, random, time\n"
            "async def nap(n):\n"
            "    await asyncio.sleep(3600 * random.random())\n"
            "    print(n, time.monotonic())\n"
            "async def main():\n"
            "    await asyncio.gather(*(nap(n) for n in range(5)))\n"
            "    await asyncio.sleep(3600)\n"
            "asyncio.run(main())\n"
        ),
    )
    start = time.perf_counter()
    first = run_script(script)
    wall = time.perf_counter() - start
    second = run_script(script)
    assert first["end"] > 3600 and wall < 30  # an hour of virtual time; blocking would be 3600 s
    assert json.dumps(headless_json(first)) == json.dumps(headless_json(second))
    first.pop("cpu"), second.pop("cpu")  # wall-clock measurements: the one thing that varies
    assert first == second


@pytest.mark.parametrize(
    ("code", "call"),
    [
        (
            "import asyncio\nasyncio.run(asyncio.open_connection('example.com', 80))\n",
            "loop.create_connection() (asyncio.open_connection)",
        ),
        (
            "import urllib.request\nurllib.request.urlopen('http://example.com')\n",
            "socket.create_connection()",
        ),
        ("import socket\nsocket.socket()\n", "socket.socket()"),
        ("import subprocess\nsubprocess.run(['ls'])\n", "subprocess.Popen() (subprocess.run)"),
        (
            "import asyncio\nasyncio.run(asyncio.create_subprocess_exec('ls'))\n",
            "loop.subprocess_exec() (asyncio.create_subprocess_exec)",
        ),
        ("input('name? ')\n", "input()"),
        ("open('out.txt', 'w')\n", "open('out.txt', 'w')"),
        ("import threading\nthreading.Thread(target=print).start()\n", "threading.Thread.start()"),
    ],
)
def test_refused_calls_stop_the_run_with_one_line_and_exit_2(
    tmp_path: Path, code: str, call: str, capsys: pytest.CaptureFixture[str]
) -> None:
    script = write(tmp_path, code)
    assert main(["run", script, "--headless"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("async-burgers run: error: line ")
    assert f"{call} is refused: " in err
    assert not (tmp_path / "out.txt").exists()


def test_cpu_bound_step_is_stopped_by_the_watchdog(tmp_path: Path) -> None:
    record = run_script(
        write(
            tmp_path,
            (
                "import asyncio\n"
                "async def spin():\n"
                "    while True:\n"
                "        pass\n"
                "asyncio.run(spin())\n"
            ),
        ),
        step_budget=0.3,
    )
    assert record["exit"] == 1
    assert record["stop"]["kind"] == "watchdog" and record["stop"]["line"] in (3, 4)
    assert record["cpu"][0]["seconds"] >= 0.3 and record["cpu"][0]["task"] == 1
    assert record["tasks"][0]["events"][-1]["state"] == "stopped"


def test_a_loop_waiting_forever_is_stopped_not_hung(tmp_path: Path) -> None:
    record = run_script(
        write(
            tmp_path,
            (
                "import asyncio\n"
                "async def main():\n"
                "    await asyncio.Event().wait()\n"
                "asyncio.run(main())\n"
            ),
        )
    )
    assert record["exit"] == 1 and record["stop"]["kind"] == "deadlock"


def test_uncaught_exception_exits_1_with_python_s_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = write(
        tmp_path,
        (
            "import asyncio\n"
            "async def main():\n"
            "    await asyncio.sleep(1)\n"
            "    1 / 0\n"
            "asyncio.run(main())\n"
        ),
    )
    assert main(["run", script, "--headless", "--json"]) == 1
    out, err = capsys.readouterr()
    assert err.startswith('Traceback (most recent call last):\n  File "script.py", line 5')
    assert err.endswith("ZeroDivisionError: division by zero\n") and "runpy" not in err
    assert json.loads(out)["exit"] == 1


def test_headless_json_has_exactly_the_documented_shape(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["run", str(EXAMPLES / "blocking_mistake.py"), "--headless", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["tasks", "output", "blocked", "exit"]
    assert {tuple(t) for t in data["tasks"]} == {("name", "events")}
    assert {tuple(e) for t in data["tasks"] for e in t["events"]} == {("t", "state", "line")}
    assert {tuple(o) for o in data["output"]} == {("t", "text")}
    mistake = line_of(EXAMPLES / "blocking_mistake.py", "time.sleep(2)")
    assert data["blocked"] == [{"t": 0.0, "seconds": 2.0, "line": mistake}]
    assert data["exit"] == 0


def test_a_script_that_only_defines_main_gets_it_run(tmp_path: Path) -> None:
    record = run_script(
        write(
            tmp_path,
            ("import asyncio\nasync def main():\n    await asyncio.sleep(2)\n    print('done')\n"),
        )
    )
    assert printed(record) == [(2.0, "done")]


def test_to_thread_runs_in_virtual_time_beside_the_loop(tmp_path: Path) -> None:
    record = run_script(
        write(
            tmp_path,
            (
                "import asyncio, time\n"
                "def slow(n):\n"
                "    time.sleep(n)\n"
                "    print('thread', n)\n"
                "    return n\n"
                "async def main():\n"
                "    work = asyncio.to_thread(slow, 2), asyncio.to_thread(slow, 1)\n"
                "    print(await asyncio.gather(*work))\n"
                "asyncio.run(main())\n"
            ),
        )
    )
    assert printed(record) == [(1.0, "thread 1"), (2.0, "thread 2"), (2.0, "[2, 1]")]
    assert record["blocked"] == []  # a thread's sleep does not hold the loop


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [
        ("missing.py", None, "no such script"),
        ("notes.txt", "hi", "is not a Python script"),
        ("broken.py", "def (:\n", "line 1: invalid syntax"),
    ],
)
def test_bad_script_is_one_line_and_exit_2(
    tmp_path: Path,
    name: str,
    text: str | None,
    problem: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / name
    if text is not None:
        path.write_text(text)
    assert main(["run", str(path), "--headless"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and problem in err
    with pytest.raises(ScriptError):
        run_script(str(path))


def test_bad_flags_of_run_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    script = str(EXAMPLES / "blocking_mistake.py")
    assert main(["run", script, "--budget", "0"]) == 2
    assert main(["run", script, "--json"]) == 2
    assert main(["run"]) == 2
    assert "error" in capsys.readouterr().err


def test_examples_are_plain_scripts(records: dict[str, dict]) -> None:
    """Each example is a plain ``python examples/X.py`` program (no import of the game)."""
    for name in NAMES:
        assert "game" not in (EXAMPLES / name).read_text().split("asyncio.run")[0].split()
    assert sys.version_info >= (3, 10)


def test_wake_ups_without_self_are_traced_as_on_python_3_10(tmp_path: Path) -> None:
    """Python 3.10's C wake-up callback has no ``__self__``: the task is found from the
    future it is parked on. Simulated here by hiding ``__self__`` on this Python."""
    from game.script.recorder import Recorder
    from game.script.vloop import VirtualLoop

    class TaskWakeupMethWrapper:  # noqa: N801 - the name 3.10's C type has
        def __init__(self, wake) -> None:  # noqa: ANN001
            self.wake = wake

        def __call__(self, *args):  # noqa: ANN002, ANN204
            return self.wake(*args)

    class OldLoop(VirtualLoop):
        def call_soon(self, callback, *args, context=None):  # noqa: ANN001, ANN002, ANN202
            if type(callback).__name__ == "builtin_function_or_method":
                callback = TaskWakeupMethWrapper(callback)
            return super().call_soon(callback, *args, context=context)

    script = write(tmp_path, "import asyncio\nasync def nap():\n    await asyncio.sleep(5)\n")
    scope: dict = {}
    exec(compile(Path(script).read_text(), script, "exec"), scope)
    recorder = Recorder(script)
    loop = OldLoop(recorder)
    try:
        loop.run_until_complete(scope["nap"]())
    finally:
        loop.close()
    states = [(e["t"], e["state"]) for e in recorder.tasks[0].events]
    assert states == [
        (0.0, "created"),
        (0.0, "running"),
        (0.0, "awaiting"),
        (5.0, "ready"),
        (5.0, "running"),
        (5.0, "done"),
    ]


def other_pythons() -> list[str]:
    """CPython 3.10 to 3.13 interpreters on this machine other than the one running us (on
    PATH as python3.X, or installed by pyenv)."""
    import os
    import shutil

    found = []
    roots = [Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"]
    for minor in (10, 11, 12, 13):
        if minor == sys.version_info.minor:
            continue
        candidates = [shutil.which(f"python3.{minor}")]
        for root in roots:
            candidates += sorted(str(p) for p in root.glob(f"3.{minor}.*/bin/python3.{minor}"))
        for path in candidates:
            if path and Path(path).exists():
                probe = subprocess.run(
                    [path, "-c", "import sys; print(sys.version_info[:2])"],
                    capture_output=True,
                    text=True,
                    timeout=30,
                )
                if probe.returncode == 0 and f"(3, {minor})" in probe.stdout:
                    found.append(path)
                    break
    return found


def test_every_example_runs_alike_on_python_3_10_to_3_13(records: dict[str, dict]) -> None:
    """The tracer is standard library only: on every other CPython here each example prints
    the same lines at the same virtual times and exits alike (TaskGroup needs 3.11)."""
    pythons = other_pythons()
    if not pythons:
        pytest.skip("no other CPython 3.10-3.13 on this machine")
    root = Path(__file__).resolve().parents[2]
    for python in pythons:
        for name in NAMES:
            done = subprocess.run(
                [python, "-m", "game.script.trace", str(EXAMPLES / name)],
                cwd=root,
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert done.returncode == 0, (python, name, done.stderr[-500:])
            record = json.loads(done.stdout)
            if name == "taskgroup_fails.py":
                if record["python"].startswith("3.10"):
                    assert record["exit"] == 1 and "3.11" in record["output"][0]["text"]
                    continue
                assert sorted(printed(record)) == sorted(printed(records[name])), python
            else:
                assert printed(record) == printed(records[name]), (python, name)
            assert record["exit"] == records[name]["exit"], (python, name)
