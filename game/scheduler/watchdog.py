"""A wall-clock budget for one step of a learner's code: the loop can never be frozen by it.

A coroutine only hands control back at an ``await``; a learner's step that never reaches
one (``while True: pass``) would hold our single thread, and the game with it, for ever.
The watchdog is an ``Instrument``: ``before_run`` starts a step's budget (``BUDGET``, a few
hundred milliseconds of real time; ``LATER`` once it had to stop one: a dozen couples
running the same endless loop then cost about a second, not four), ``after_run`` ends it.
While a shop with learner code runs (``armed()``), a small daemon thread looks every
``POLL`` seconds: if a step has run past its budget *and the running frame is the
learner's code* (``sys._current_frames``), it has ``Runaway`` raised in the game's thread
the way Ctrl-C is raised (``PyThreadState_SetAsyncExc``): at that thread's next check, a
loop's jump back or the start of a call, so right there in the learner's step. It does so
again every ``POLL`` while the step goes on, so an ``except`` that swallows it cannot keep
the step alive. When the step ends, a stop not delivered yet is taken back.

Why not ``sys.settrace`` and raise from the trace function: CPython switches off a trace
function that raises, so a loop that caught the first stop could never be stopped again,
and tracing costs every call of the whole game. The thread costs nothing between steps.

What it cannot stop: one single C call that never comes back to Python
(``2 ** 10 ** 10``): the headless check guards those with a wall-clock limit of its own
(``game/app/learner_cli.py``). Without threads (a browser build) there is no watchdog.
"""

from __future__ import annotations

import math
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .instruments import Instrument
from .task import Task

BUDGET = 0.3  # seconds of wall-clock time one step of learner code may take
LATER = 0.1  # ... once one step was stopped: the same code is likely to run away again
POLL = 0.025  # how often the watchdog's thread looks


class Runaway(Exception):
    """A step of learner code ran past its wall-clock budget without reaching an ``await``
    (raised at the line it had reached: its traceback says which)."""

    budget = BUDGET

    def __str__(self) -> str:
        return f"ran {self.budget * 1000:.0f} ms without reaching an await"


class Watchdog(Instrument):
    """Stops any step of the code in ``filenames`` that runs past ``budget`` seconds."""

    def __init__(self, filenames: set[str], budget: float = BUDGET) -> None:
        self.filenames = filenames
        self.budget = budget
        self.deadline = math.inf
        self.thread = 0  # the thread running the step
        self.stopped = 0  # how many steps it stopped
        self._fired = False

    # -- the step's budget ---------------------------------------------------------------
    def before_run(self, task: Task) -> None:
        self._start()

    def after_run(self, task: Task) -> None:
        self._end()

    def _start(self) -> None:
        with _LOCK:
            self.thread = threading.get_ident()
            self._fired = False
            self.deadline = time.monotonic() + self.budget

    def _end(self) -> None:
        try:
            with _LOCK:
                self.deadline = math.inf
                if self._fired:  # a stop still on its way is taken back
                    _raise_in(self.thread, None)
        except Runaway:  # it arrived just as the step ended: too late to matter
            _raise_in(self.thread, None)

    @contextmanager
    def step(self) -> Iterator[None]:
        """A budget for code run outside the kernel's steps (the file's own top level)."""
        with self.armed():
            self._start()
            try:
                yield
            finally:
                self._end()

    @contextmanager
    def armed(self) -> Iterator[None]:
        """While the learner's code may run: the watchdog's thread looks after it."""
        _ARMED.append(self)
        _ensure_thread()
        try:
            yield
        finally:
            _ARMED.remove(self)

    # -- what the thread does ----------------------------------------------------------
    def look(self, now: float) -> None:
        """Called with ``_LOCK`` held: stop the step if it is overdue in learner code."""
        if now <= self.deadline:
            return
        frame = sys._current_frames().get(self.thread)
        if frame is None or frame.f_code.co_filename not in self.filenames:
            return
        if not self._fired:
            self._fired = True
            self.stopped += 1
            self.budget = min(self.budget, LATER)
        _raise_in(self.thread, Runaway)


_LOCK = threading.Lock()
_ARMED: list[Watchdog] = []
_THREAD: list[threading.Thread] = []


_PAUSE = threading.Event()  # never set: the thread's own way to wait (not time.sleep,
# which other code may patch)
IDLE_LOOKS = 40  # looks with nothing armed (a second) before the thread ends


def _watch() -> None:
    """Look every ``POLL`` while something is armed; end once nothing has been for a while."""
    idle = 0
    while True:
        _PAUSE.wait(POLL)
        with _LOCK:
            if not _ARMED:
                idle += 1
                if idle >= IDLE_LOOKS:
                    _THREAD.clear()  # (under the lock: armed() starts a new one if need be)
                    return
                continue
            idle = 0
            now = time.monotonic()
            for watchdog in list(_ARMED):
                watchdog.look(now)


def _ensure_thread() -> None:
    with _LOCK:
        if _THREAD:
            return
        try:
            thread = threading.Thread(target=_watch, name="learner watchdog", daemon=True)
            thread.start()
        except RuntimeError:  # pragma: no cover - no threads here
            return
        _THREAD[:] = [thread]


def _raise_in(thread: int, error: type[BaseException] | None) -> None:
    """Have ``error`` raised in ``thread`` at its next check (``None``: take it back)."""
    try:
        import ctypes
    except ImportError:  # pragma: no cover - no ctypes, no stop
        return
    what = ctypes.py_object(error) if error is not None else None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread), what)
