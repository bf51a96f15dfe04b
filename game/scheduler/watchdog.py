"""A wall-clock budget for one step of a learner's code: the loop can never be frozen by it.

A coroutine only hands control back at an ``await``; a learner's step that never reaches
one (``while True: pass``) would hold our single thread, and the game with it, for ever.
The watchdog is an ``Instrument``: ``before_run`` starts a step's budget (a few hundred
milliseconds of real time, ``BUDGET``), ``after_run`` ends it. While ``armed()``, a trace
function (``sys.settrace``) is installed that looks only at frames whose code comes from
the learner's files: other code (the kernel, the shop's verbs) is not traced line by line.
On each line of the learner's code it compares the clock with the deadline; past it, it
raises ``Runaway`` right there, at that line, and again at every later learner line of
that step, so an ``except`` that swallows it cannot keep the step alive.

What it cannot stop: one single C call that runs for ever without coming back to a line
of the learner's code (``2 ** 10 ** 10``, ``list(range(10 ** 10))``). The headless check
guards against those with a wall-clock limit of its own (``game/shop/learner.py``).
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

from .instruments import Instrument
from .task import Task

BUDGET = 0.3  # seconds of wall-clock time one step of learner code may take


class Runaway(Exception):
    """A step of learner code ran past its wall-clock budget without reaching an ``await``."""

    def __init__(self, line: int, budget: float) -> None:
        super().__init__(f"line {line} ran {budget * 1000:.0f} ms without reaching an await")
        self.line = line
        self.budget = budget


class Watchdog(Instrument):
    """Stops any step of the code in ``filenames`` that runs past ``budget`` seconds."""

    def __init__(
        self,
        filenames: set[str],
        budget: float = BUDGET,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.filenames = filenames
        self.budget = budget
        self.clock = clock
        self.deadline = math.inf
        self.stopped = 0  # how many steps it stopped
        self._fired = False

    # -- the step's budget ---------------------------------------------------------------
    def before_run(self, task: Task) -> None:
        self.deadline = self.clock() + self.budget
        self._fired = False

    def after_run(self, task: Task) -> None:
        self.deadline = math.inf

    @contextmanager
    def step(self) -> Iterator[None]:
        """A budget for code run outside the kernel's steps (the file's own top level)."""
        self.deadline = self.clock() + self.budget
        self._fired = False
        try:
            with self.armed():
                yield
        finally:
            self.deadline = math.inf

    # -- the trace -------------------------------------------------------------------------
    @contextmanager
    def armed(self) -> Iterator[None]:
        """Trace the learner's frames while the kernel runs (the previous tracer after)."""
        previous = sys.gettrace()
        sys.settrace(self._call)
        try:
            yield
        finally:
            sys.settrace(previous)

    def _call(self, frame: FrameType, event: str, arg: Any) -> Any:
        if frame.f_code.co_filename in self.filenames:
            return self._line
        return None

    def _line(self, frame: FrameType, event: str, arg: Any) -> Any:
        if event == "line" and self.clock() > self.deadline:
            if not self._fired:
                self._fired = True
                self.stopped += 1
            raise Runaway(frame.f_lineno, self.budget)
        return self._line
