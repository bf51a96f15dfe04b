"""``python -m game.script.trace SCRIPT [STEP_BUDGET RUN_BUDGET]``: run one script, print
its whole record as JSON on stdout. Meant to be the child process ``runner`` starts.

The script runs as ``__main__`` (a module ending in ``asyncio.run(main())``; one that only
defines ``async def main()`` gets that call from us). A watchdog thread, started before the
sandbox forbids threads, stops a step that holds the loop past its wall-clock budget.
"""

from __future__ import annotations

import asyncio
import gc
import inspect
import json
import os
import runpy
import signal
import sys
import threading
import time
import traceback
import warnings
from types import FrameType

from .recorder import CPU_MARK, HERE, REAL_PERF, Recorder, Stopped, Watchdog
from .sandbox import flush, install
from .vloop import VirtualPolicy

STEP_BUDGET = 2.0  # wall seconds one step may hold the loop
RUN_BUDGET = 20.0  # wall seconds the whole run may take
REAL_SLEEP = time.sleep


class Dog:
    """Polls the recorder; past a budget it interrupts the main thread with SIGUSR1."""

    def __init__(self, recorder: Recorder, step: float, run: float) -> None:
        self.recorder, self.step, self.run = recorder, step, run
        self.start = REAL_PERF()
        self.done = False
        self.barked: str | None = None
        self.main = threading.main_thread().ident

    def watch(self) -> None:
        while not self.done:
            REAL_SLEEP(0.02)
            now, began = REAL_PERF(), self.recorder.step_start
            if began is not None and now - began > CPU_MARK / 2:  # where it computes
                frame = sys._current_frames().get(self.main or 0)
                self.recorder.hot = self.recorder.line_of(frame)
            if began is not None and now - began > self.step:
                self.bark(
                    f"a step ran {self.step:g} s of wall-clock time without an await "
                    "(CPU-bound): stopped by the watchdog"
                )
            elif now - self.start > self.run:
                self.bark(
                    f"the run took more than {self.run:g} s of wall-clock time: "
                    "stopped by the watchdog"
                )

    def bark(self, message: str) -> None:
        if self.barked is None:
            self.barked = message
            signal.pthread_kill(self.main, signal.SIGUSR1)  # type: ignore[arg-type]

    def bite(self, signum: int, frame: FrameType | None) -> None:
        if self.barked is not None:
            rec = self.recorder
            raise rec.stopped(Watchdog(self.barked, 1, rec.line_of(frame)))


def run(path: str, step_budget: float = STEP_BUDGET, run_budget: float = RUN_BUDGET) -> dict:
    recorder = Recorder(path)
    dog = Dog(recorder, step_budget, run_budget)
    signal.signal(signal.SIGUSR1, dog.bite)
    threading.Thread(target=dog.watch, daemon=True).start()
    asyncio.set_event_loop_policy(VirtualPolicy(recorder))
    sys.argv = [path]
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    warnings.simplefilter("default")  # as `python script.py` shows them
    install(recorder)
    try:
        code = _execute(path, recorder)
        gc.collect()  # dropped tasks and coroutines say what Python says about them
    except Stopped as stop:
        recorder.stopped(stop)
        code = stop.code if isinstance(stop.code, int) else 1
    finally:
        dog.done = True
        flush()
    return recorder.as_json(code)


def _execute(path: str, recorder: Recorder) -> int:
    try:
        scope = runpy.run_path(path, run_name="__main__")
        main = scope.get("main")
        if recorder.loops == 0 and inspect.iscoroutinefunction(main):
            asyncio.run(main())
        return 0
    except Stopped:
        raise
    except SystemExit as leave:
        code = leave.code
        if code is None or isinstance(code, int):
            return code or 0
        print(code, file=sys.stderr)
        return 1
    except BaseException as error:  # the script's own uncaught exception, as Python prints it
        text = python_traceback(error)
        recorder.error = text
        sys.stderr.write(text)
        return 1


def python_traceback(error: BaseException) -> str:
    """The traceback ``python script.py`` would print: our frames and runpy's left out."""
    tb = error.__traceback__
    while tb is not None and _ours(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(error), error, tb))


def _ours(filename: str) -> bool:
    runpy = filename.endswith("runpy.py") or filename == "<frozen runpy>"
    return runpy or os.path.dirname(os.path.abspath(filename)) == HERE


def main(argv: list[str]) -> int:
    out = os.dup(1)  # the record's own channel; stray writes to fd 1 go to stderr instead
    os.dup2(2, 1)
    budgets = [float(a) for a in argv[1:3]]
    record = run(argv[0], *budgets)
    with os.fdopen(out, "w", encoding="utf-8") as channel:
        json.dump(record, channel)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
