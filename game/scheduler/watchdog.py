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

Without threads (the web page: Pyodide has none) the same budget is kept by
``sys.monitoring`` (Python 3.12+, the page's is 3.13): ``watch(code)`` asks for a ``JUMP``
event on the learner's own code objects only (the game's code pays nothing), and the
callback raises ``Runaway`` once the step is overdue. A loop jumps back at the end of every
turn, so an endless loop is stopped where it turns; a callback that raises stays switched
on (unlike a trace function), so an ``except`` that swallows the stop meets the next one at
its loop's next jump, and the outermost loop's jump back is outside any ``try`` within it.
The thread stays the desktop's: it costs nothing per jump.

What neither can stop: one single C call that never comes back to Python
(``2 ** 10 ** 10``): the headless check guards those with a wall-clock limit of its own
(``game/app/learner_cli.py``); code compiled at run time by the learner's own ``exec``.
"""

from __future__ import annotations

import math
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import CodeType

from .instruments import Instrument
from .task import Task

BUDGET = 0.3  # seconds of wall-clock time one step of learner code may take
LATER = 0.1  # ... once one step was stopped: the same code is likely to run away again
POLL = 0.025  # how often the watchdog's thread looks
THREADS = sys.platform not in ("emscripten", "wasi")  # a web page's Python has no threads
KIND = "thread" if THREADS else "monitoring"  # how a step is stopped (tests may choose)
TOOLS = (4, 3)  # sys.monitoring's free tool ids (0 debugger, 1 coverage, 2 profiler, 5 optimizer)


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
        self.kind = KIND
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
                if self._fired and self.kind == "thread":  # a stop on its way is taken back
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
        if self.kind == "thread":
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
        if self.kind != "thread":
            return
        frame = sys._current_frames().get(self.thread)
        if frame is None or frame.f_code.co_filename not in self.filenames:
            return
        self._overdue()
        _raise_in(self.thread, Runaway)

    def _overdue(self) -> None:
        if not self._fired:
            self._fired = True
            self.stopped += 1
            self.budget = min(self.budget, LATER)


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


# -- without threads: sys.monitoring on the learner's code objects --------------------------
_TOOL: list[int] = []  # the tool id taken, once; [-1]: none to be had


def _tool() -> int | None:
    if not _TOOL:
        monitoring = getattr(sys, "monitoring", None)
        _TOOL.append(-1)
        if monitoring is not None:
            for tool in TOOLS:
                try:
                    monitoring.use_tool_id(tool, "learner watchdog")
                except ValueError:  # taken (a debugger, a coverage tool)
                    continue
                monitoring.register_callback(tool, monitoring.events.JUMP, _on_jump)
                _TOOL[0] = tool
                break
    return _TOOL[0] if _TOOL[0] >= 0 else None


def _on_jump(code: CodeType, source: int, target: int) -> None:
    """A jump in the learner's code: raise ``Runaway`` there if its step is overdue."""
    if not _ARMED:
        return
    now = time.monotonic()
    for watchdog in _ARMED:
        if now > watchdog.deadline and code.co_filename in watchdog.filenames:
            watchdog._overdue()
            raise Runaway


def _codes(code: CodeType) -> Iterator[CodeType]:
    yield code
    for const in code.co_consts:
        if isinstance(const, CodeType):
            yield from _codes(const)


def watch(code: CodeType) -> bool:
    """Let the monitoring watchdog stop ``code`` (a learner's file, compiled) and every
    function, lambda and comprehension in it; without it (``KIND`` is the thread), nothing.
    False if this Python has no ``sys.monitoring`` or no free tool id."""
    if KIND != "monitoring":
        return True
    tool = _tool()
    if tool is None:
        return False
    monitoring = sys.monitoring
    for each in _codes(code):
        monitoring.set_local_events(tool, each, monitoring.events.JUMP)
    return True
