"""``asyncio``, served from our kernel: what a learner's ``import asyncio`` gets in the game.

The learner writes asyncio as in a real program (``await asyncio.sleep(1)``,
``asyncio.gather``, ``asyncio.create_task``, ``asyncio.wait_for``, ``asyncio.timeout``,
``Event`` / ``Lock`` / ``Semaphore`` / ``Queue``, ``TaskGroup``, ``to_thread``), and every
task is a kernel task on virtual time, so the inspector, the code view and rewind see it.
Code copied out of a level into a real program behaves the same there: the primitives here
are asyncio's own logic (``asyncio/locks.py``, ``queues.py``, ``taskgroups.py``,
``timeouts.py``, ``tasks.gather``) ported onto a small ``Future`` that parks its awaiters on
a kernel ``WaitQueue``. ``tests/scheduler/test_aio_differential.py`` runs generated programs
on both and compares what they print and when.

Where it differs from asyncio, by the kernel's rules (see ``kernel.py``):
- **Done callbacks run at once**, in the step that finishes the future or task, where
  asyncio defers them through ``call_soon``; so a task waiting on another task, a gather or
  a future resumes one loop pass earlier. Only the order of steps *within one virtual
  instant* can differ, never a time.
- **Time is virtual**: ``loop.time()`` is the kernel's clock; ``to_thread`` runs the function
  on a worker whose plain blocking calls (``block``) take the worker's time, not the loop's.
- ``asyncio.run`` on a program that waits for ever raises ``Deadlock``
  instead of hanging; ``current_task()`` of an actor the shop started is a fresh view of
  it each time (its identity is not kept).
- Anything else asyncio has is not served: ``asyncio.X`` is a stub whose call raises
  ``NotInKitchen("asyncio.X is not in this kitchen ...")`` at the learner's line.
"""

from __future__ import annotations

import builtins
import contextlib
import functools
import inspect
import sys
import weakref
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine, Generator
from typing import Any

from . import blocking
from .instruments import Instrument
from .kernel import Kernel
from .task import Task as KernelTask
from .traps import CANCELLED, Cancelled, Deadlock
from .traps import sleep as _kernel_sleep
from .waitqueue import Waitable, WaitQueue

CancelledError = Cancelled
TimeoutError = builtins.TimeoutError  # asyncio.TimeoutError is the builtin since 3.11

SERVED = (
    "sleep",
    "gather",
    "create_task",
    "wait_for",
    "timeout",
    "timeout_at",
    "Event",
    "Lock",
    "Semaphore",
    "BoundedSemaphore",
    "Queue",
    "QueueEmpty",
    "QueueFull",
    "TaskGroup",
    "to_thread",
    "run",
    "current_task",
    "get_running_loop",
    "iscoroutine",
    "iscoroutinefunction",
    "Future",
    "Task",
    "CancelledError",
    "TimeoutError",
    "InvalidStateError",
)


class InvalidStateError(Exception):
    """A future's result asked for before it is done (asyncio.InvalidStateError)."""


class QueueEmpty(Exception):
    """``get_nowait`` on an empty queue."""


class QueueFull(Exception):
    """``put_nowait`` on a full queue."""


class NotInKitchen(Exception):
    """A part of asyncio the game does not serve, called from the learner's code."""


def _not_served(name: str) -> str:
    return f"asyncio.{name} is not in this kitchen; served here: " + ", ".join(
        n for n in SERVED if n[0].islower()
    )


class _NotServed:
    """What ``asyncio.X`` is for an X we do not serve: harmless until it is called."""

    def __init__(self, name: str) -> None:
        self.__name__ = self.__qualname__ = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        for arg in (*args, *kwargs.values()):  # a coroutine handed to it would warn "never
            for item in arg if isinstance(arg, (list, tuple, set)) else (arg,):  # awaited"
                if inspect.iscoroutine(item):
                    item.close()
        raise NotInKitchen(_not_served(self.__name__))

    def __repr__(self) -> str:
        return f"<asyncio.{self.__name__}: not in this kitchen>"


def __getattr__(name: str) -> Any:
    if name.startswith("__"):
        raise AttributeError(name)
    return _NotServed(name)


# -- the running kernel --------------------------------------------------------------------
def _running() -> tuple[Kernel, KernelTask]:
    """The kernel and task running this code, as asyncio's "no running event loop"."""
    if not blocking.ACTIVE_KERNELS or blocking.ACTIVE_KERNELS[-1].current is None:
        raise RuntimeError("no running event loop")
    kernel = blocking.ACTIVE_KERNELS[-1]
    assert kernel.current is not None
    return kernel, kernel.current


def _live() -> bool:
    """A task of an open kernel is running (callbacks and timers can be scheduled)."""
    kernels = blocking.ACTIVE_KERNELS
    return bool(kernels) and kernels[-1].current is not None and not kernels[-1].closed


class _Now(WaitQueue):
    """``sleep(0)``: park, and be made ready again at once, behind the tasks ready now
    (asyncio's bare ``yield``: the task goes to the end of the ready queue)."""

    def admit(self, task: KernelTask, note: Any) -> None:
        task.kernel.reschedule(task, None, self)


_YIELD = _Now(Waitable("sleep(0)", kind="sleep"), "yielded")


async def sleep(delay: float, result: Any = None) -> Any:
    """Suspend this task for ``delay`` virtual seconds (0 or less: let the others run)."""
    if delay <= 0:
        await _YIELD.park()
    else:
        await _kernel_sleep(delay)
    return result


# -- futures -------------------------------------------------------------------------------
_PENDING, _CANCELLED, _FINISHED = "PENDING", "CANCELLED", "FINISHED"


class Future(Waitable):
    """asyncio.Future on the kernel: awaiters park on a wait queue until it is done."""

    kind = "future"
    _asyncio_future_blocking = False

    def __init__(self, name: str = "") -> None:
        super().__init__(name)
        self._state = _PENDING
        self._result: Any = None
        self._exception: BaseException | None = None
        self._cancel_message: str | None = None
        self._callbacks: list[Callable[[Any], None]] = []
        self._waiters = WaitQueue(self, "done")
        self._retrieved = False

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._state.lower()} {self.name!r}>"

    # state
    def done(self) -> bool:
        return self._state != _PENDING

    def cancelled(self) -> bool:
        return self._state == _CANCELLED

    def result(self) -> Any:
        if self._state == _CANCELLED:
            raise self._cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not ready.")
        self._retrieved = True
        if self._exception is not None:
            raise self._exception.with_traceback(self._exception.__traceback__)
        return self._result

    def exception(self) -> BaseException | None:
        if self._state == _CANCELLED:
            raise self._cancelled_error()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        self._retrieved = True
        return self._exception

    def _cancelled_error(self) -> Cancelled:
        return Cancelled() if self._cancel_message is None else Cancelled(self._cancel_message)

    # completing
    def set_result(self, result: Any) -> None:
        if self._state != _PENDING:
            raise InvalidStateError(f"{self._state}: {self!r}")
        self._result, self._state = result, _FINISHED
        self._finish()

    def set_exception(self, exception: BaseException | type[BaseException]) -> None:
        if self._state != _PENDING:
            raise InvalidStateError(f"{self._state}: {self!r}")
        if isinstance(exception, type):
            exception = exception()
        if isinstance(exception, StopIteration):
            raise TypeError(
                "StopIteration interacts badly with generators and cannot be raised into a Future"
            )
        self._exception, self._state = exception, _FINISHED
        self._finish()

    def cancel(self, msg: str | None = None) -> bool:
        if self._state != _PENDING:
            return False
        self._state, self._cancel_message = _CANCELLED, msg
        self._finish()
        return True

    def _finish(self) -> None:
        """Wake the awaiters; the done callbacks run soon after, each as asyncio's
        ``call_soon`` would run it (once the day is over, nobody is left to call)."""
        self._waiters.wake_all()
        callbacks, self._callbacks = self._callbacks, []
        if callbacks and _live():
            for callback in callbacks:
                call_soon(callback, self)

    def add_done_callback(self, fn: Callable[[Any], None], *, context: object = None) -> None:
        if self._state != _PENDING:
            call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn: Callable[[Any], None]) -> int:
        kept = [c for c in self._callbacks if c != fn]
        removed = len(self._callbacks) - len(kept)
        self._callbacks = kept
        return removed

    def get_loop(self) -> _Loop:
        return get_running_loop()

    # awaiting
    def __await__(self) -> Generator[Any, Any, Any]:
        if not self.done():
            try:
                yield from self._waiters.park()
            except Cancelled:
                # as asyncio's Task.cancel: the cancel goes to what the task awaits; if that
                # takes it (a task may even refuse it), the task waits for its outcome
                if self.done() or not self.cancel():
                    raise
                while not self.done():
                    yield from self._waiters.park()
        return self.result()

    __iter__ = __await__


class _Held:
    """A task's coroutine as the kernel steps it, seen through: the frames, the awaited
    chain and the name are the learner's coroutine's own (so the code view reads it), but
    how it ends goes to the facade ``Task`` first, like an asyncio task holding its result
    or exception for whoever awaits it. An ``Exception`` is held, not a crash of the day."""

    __slots__ = ("coro", "task")

    def __init__(self, coro: Coroutine[Any, Any, Any], task: Task) -> None:
        self.coro = coro
        self.task = task

    def __getattr__(self, name: str) -> Any:
        # cr_frame, cr_await, cr_code, __name__, __qualname__: the coroutine's own
        return getattr(self.coro, name)

    def send(self, value: Any) -> Any:
        return self._step(self.coro.send, value)

    def throw(self, exc: BaseException, *rest: Any) -> Any:
        return self._step(self.coro.throw, exc)

    def close(self) -> None:
        self.coro.close()
        if not self.task.done():
            self.task._set_cancelled()

    def _step(self, resume: Callable[[Any], Any], value: Any) -> Any:
        task = self.task
        try:
            return resume(value)
        except StopIteration as stop:
            task._set_result(stop.value)
            raise
        except Cancelled as exc:
            task._set_cancelled(exc.args[0] if exc.args else None)
            raise
        except Exception as exc:  # held for the awaiter, as an asyncio task holds it
            task._set_error(exc)
            raise StopIteration(None) from None
        except BaseException as exc:  # SystemExit, KeyboardInterrupt: they leave the loop
            task._set_error(exc)
            raise


_CANCEL_REQUESTS: weakref.WeakKeyDictionary[KernelTask, int] = weakref.WeakKeyDictionary()


class Task(Future):
    """asyncio.Task: a kernel task running a coroutine, and the future of its outcome."""

    kind = "task"

    def __init__(self, coro: Coroutine[Any, Any, Any], *, name: str | None = None) -> None:
        if not inspect.iscoroutine(coro):
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        kernel, parent = _running()
        label = name or f"{parent.name}: {getattr(coro, '__name__', 'task')}"
        super().__init__(label)
        self._coro = coro
        self._kernel_task = kernel.spawn(
            _Held(coro, self),  # type: ignore[arg-type]
            label,
            group=parent.group,
            daemon=parent.daemon,
            actor=parent.actor,
        )

    def get_name(self) -> str:
        return self._kernel_task.name

    def set_name(self, value: object) -> None:
        self._kernel_task.name = self.name = str(value)

    def get_coro(self) -> Coroutine[Any, Any, Any]:
        return self._coro

    def cancel(self, msg: str | None = None) -> bool:
        if self.done():
            return False
        task = self._kernel_task
        _CANCEL_REQUESTS[task] = _CANCEL_REQUESTS.get(task, 0) + 1
        task.cancel()
        self._cancel_message = msg
        return True

    def cancelling(self) -> int:
        return _CANCEL_REQUESTS.get(self._kernel_task, 0)

    def uncancel(self) -> int:
        task = self._kernel_task
        left = max(0, _CANCEL_REQUESTS.get(task, 0) - 1)
        _CANCEL_REQUESTS[task] = left
        return left

    # how the coroutine ended, told by ``_Held``
    def _set_result(self, value: Any) -> None:
        if not self.done():
            self.set_result(value)

    def _set_error(self, exc: BaseException) -> None:
        if not self.done():
            self.set_exception(exc)

    def _set_cancelled(self, msg: str | None = None) -> None:
        if not self.done():
            Future.cancel(self, msg if msg is not None else self._cancel_message)

    @property
    def unretrieved(self) -> BaseException | None:
        """An exception nobody asked for (asyncio logs 'Task exception was never retrieved')."""
        return self._exception if self._exception is not None and not self._retrieved else None


class _ActorTask:
    """``current_task()`` in an actor the shop started (not made by ``create_task``)."""

    def __init__(self, task: KernelTask) -> None:
        self._kernel_task = task

    def get_name(self) -> str:
        return self._kernel_task.name

    def done(self) -> bool:
        return not self._kernel_task.alive

    def cancelled(self) -> bool:
        return self._kernel_task.state == CANCELLED

    def cancel(self, msg: str | None = None) -> bool:
        if self.done():
            return False
        task = self._kernel_task
        _CANCEL_REQUESTS[task] = _CANCEL_REQUESTS.get(task, 0) + 1
        task.cancel()
        return True

    def cancelling(self) -> int:
        return _CANCEL_REQUESTS.get(self._kernel_task, 0)

    def uncancel(self) -> int:
        task = self._kernel_task
        left = max(0, _CANCEL_REQUESTS.get(task, 0) - 1)
        _CANCEL_REQUESTS[task] = left
        return left

    def result(self) -> Any:
        task = self._kernel_task
        if task.alive:
            raise InvalidStateError("Result is not ready.")
        if task.state == CANCELLED:
            raise Cancelled()
        if task.error is not None:
            raise task.error
        return task.result

    def __await__(self) -> Generator[Any, Any, Any]:
        yield from self._kernel_task.finished.wait().__await__()
        return self.result()


NEVER_RETRIEVED = "Task exception was never retrieved"  # what asyncio logs, word for word


def never_retrieved(task: Task) -> str | None:
    """What asyncio logs as ``task`` is let go with an exception nobody asked for: its own
    header, then the exception's last traceback line (None when there is nothing to say)."""
    error = task.unretrieved
    return None if error is None else f"{NEVER_RETRIEVED}: {type(error).__name__}: {error}"


class FailedTasks(Instrument):
    """Keeps the tasks made by ``create_task`` (and gather...) that ended with an exception,
    so that what asyncio would log as they are let go can be said when the day ends."""

    def __init__(self) -> None:
        self.held: list[Task] = []

    def ended(self, task: KernelTask) -> None:
        coro = task.coro
        if isinstance(coro, _Held) and coro.task._exception is not None:
            self.held.append(coro.task)

    def said(self) -> list[str]:
        """Python's words for each of them still unretrieved, in the order they failed."""
        return [line for line in map(never_retrieved, self.held) if line is not None]


def create_task(
    coro: Coroutine[Any, Any, Any], *, name: str | None = None, context: object = None
) -> Task:
    """Run ``coro`` as a task of its own, side by side with this one."""
    return Task(coro, name=name)


def ensure_future(aw: Any) -> Any:
    if isinstance(aw, (Future, _ActorTask)):
        return aw
    if inspect.iscoroutine(aw):
        return create_task(aw)
    if inspect.isawaitable(aw):
        return create_task(_wrap_awaitable(aw))
    raise TypeError(f"An asyncio.Future, a coroutine or an awaitable is required, got {aw!r}")


async def _wrap_awaitable(aw: Awaitable[Any]) -> Any:
    return await aw


def current_task() -> Task | _ActorTask:
    """The task running this code."""
    _kernel, task = _running()
    coro = task.coro
    if isinstance(coro, _Held):
        return coro.task
    return _ActorTask(task)


def iscoroutine(obj: object) -> bool:
    return inspect.iscoroutine(obj)


def iscoroutinefunction(fn: object) -> bool:
    return inspect.iscoroutinefunction(fn)


# -- timers: a small daemon task per callback ----------------------------------------------
class TimerHandle:
    """What ``call_later`` / ``call_soon`` return: ``cancel()`` before it fires."""

    def __init__(self, when: float, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self._when = when
        self._fn = fn
        self._args = args
        self._cancelled = False
        kernel, parent = _running()
        self._task = kernel.spawn(
            self._fire(kernel),
            f"{parent.name}: {getattr(fn, '__name__', 'callback')}",
            group=parent.group,
            daemon=True,
            actor=parent.actor,
        )

    async def _fire(self, kernel: Kernel) -> None:
        delay = self._when - kernel.now
        if delay > 0:
            await _kernel_sleep(delay)
        if not self._cancelled:
            self._fn(*self._args)

    def when(self) -> float:
        return self._when

    def cancel(self) -> None:
        if not self._cancelled:
            self._cancelled = True
            self._task.cancel()

    def cancelled(self) -> bool:
        return self._cancelled


def call_soon(fn: Callable[..., Any], *args: Any) -> TimerHandle:
    kernel, _task = _running()
    return TimerHandle(kernel.now, fn, args)


class _Loop:
    """``get_running_loop()``: the kernel seen as an event loop (virtual time)."""

    def __init__(self, kernel: Kernel) -> None:
        self._kernel = kernel

    def time(self) -> float:
        return self._kernel.now

    def create_task(self, coro: Coroutine[Any, Any, Any], *, name: str | None = None) -> Task:
        return create_task(coro, name=name)

    def create_future(self) -> Future:
        return Future()

    def call_soon(self, fn: Callable[..., Any], *args: Any, context: object = None) -> TimerHandle:
        return TimerHandle(self._kernel.now, fn, args)

    def call_later(
        self, delay: float, fn: Callable[..., Any], *args: Any, context: object = None
    ) -> TimerHandle:
        return TimerHandle(self._kernel.now + max(0.0, delay), fn, args)

    def call_at(
        self, when: float, fn: Callable[..., Any], *args: Any, context: object = None
    ) -> TimerHandle:
        return TimerHandle(when, fn, args)

    def run_in_executor(self, executor: object, fn: Callable[..., Any], *args: Any) -> Task:
        """``fn(*args)`` on a thread (``None``, a ``ThreadPoolExecutor``) or a process (a
        ``ProcessPoolExecutor``, ``executors.py``): only a process has its own GIL."""
        if getattr(executor, "closed", False):
            raise RuntimeError("cannot schedule new futures after shutdown")
        process = bool(getattr(executor, "process", False))
        return create_task(_in_worker(fn, args, {}, process=process))

    def is_running(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return _NotServed(f"get_running_loop().{name}")


def get_running_loop() -> _Loop:
    kernel, _task = _running()
    return _Loop(kernel)


# -- gather --------------------------------------------------------------------------------
class _GatheringFuture(Future):
    """gather's outer future: cancelling it cancels every child (asyncio's own)."""

    def __init__(self, children: list[Any]) -> None:
        super().__init__("gather")
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg: str | None = None) -> bool:
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*aws: Any, return_exceptions: bool = False) -> Future:
    """Run the awaitables side by side (coroutines as tasks, at once); the results come in
    argument order. The first exception goes to the awaiter, the others run on."""
    if not aws:
        _running()
        outer = Future("gather")
        outer.set_result([])
        return outer
    children: list[Any] = []
    by_arg: dict[int, Any] = {}
    nfuts = nfinished = 0
    gathering: _GatheringFuture | None = None

    def _done_callback(fut: Any) -> None:
        nonlocal nfinished
        nfinished += 1
        if gathering is None or gathering.done():
            if not fut.cancelled():
                fut.exception()  # seen: not "never retrieved"
            return
        if not return_exceptions:
            if fut.cancelled():
                gathering.set_exception(fut._cancelled_error())
                return
            exc = fut.exception()
            if exc is not None:
                gathering.set_exception(exc)
                return
        if nfinished == nfuts:
            results = []
            for child in children:
                if child.cancelled():
                    msg = child._cancel_message
                    res: Any = Cancelled("" if msg is None else msg)
                else:
                    res = child.exception()
                    if res is None:
                        res = child.result()
                results.append(res)
            if gathering._cancel_requested:
                gathering.set_exception(fut._cancelled_error())
            else:
                gathering.set_result(results)

    for arg in aws:
        key = id(arg)
        if key not in by_arg:
            fut = ensure_future(arg)
            nfuts += 1
            by_arg[key] = fut
            fut.add_done_callback(_done_callback)  # called soon, even if done already
        else:
            fut = by_arg[key]
        children.append(fut)
    gathering = _GatheringFuture(children)
    return gathering


# -- wait_for and timeout --------------------------------------------------------------------
_CREATED, _ENTERED, _EXPIRING, _EXPIRED, _EXITED = (
    "created",
    "active",
    "expiring",
    "expired",
    "finished",
)


class Timeout:
    """``async with asyncio.timeout(delay)``: cancel the body at its deadline and turn that
    cancellation into ``TimeoutError`` (asyncio's ``timeouts.Timeout``)."""

    def __init__(self, when: float | None) -> None:
        self._state = _CREATED
        self._handle: TimerHandle | None = None
        self._task: Any = None
        self._when = when
        self._cancelling = 0

    def when(self) -> float | None:
        return self._when

    def reschedule(self, when: float | None) -> None:
        if self._state != _ENTERED:
            raise RuntimeError(f"Cannot change state of {self._state} Timeout")
        self._when = when
        if self._handle is not None:
            self._handle.cancel()
        self._handle = None if when is None else TimerHandle(when, self._on_timeout, ())

    def expired(self) -> bool:
        return self._state in (_EXPIRING, _EXPIRED)

    def __repr__(self) -> str:
        return f"<Timeout [{self._state}] when={self._when}>"

    async def __aenter__(self) -> Timeout:
        self._state = _ENTERED
        self._task = current_task()
        self._cancelling = self._task.cancelling()
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
        if self._state == _EXPIRING:
            self._state = _EXPIRED
            if self._task.uncancel() <= self._cancelling and exc_type is Cancelled:
                raise TimeoutError from exc
        elif self._state == _ENTERED:
            self._state = _EXITED
        return None

    def _on_timeout(self) -> None:
        self._task.cancel()
        self._state = _EXPIRING
        self._handle = None


def timeout(delay: float | None) -> Timeout:
    """Give up on the body after ``delay`` virtual seconds: ``TimeoutError``."""
    kernel, _task = _running()
    return Timeout(kernel.now + delay if delay is not None else None)


def timeout_at(when: float | None) -> Timeout:
    return Timeout(when)


async def _cancel_and_wait(fut: Any) -> None:
    waiter = Future("cancel and wait")

    def _release(_fut: Any) -> None:
        if not waiter.done():
            waiter.set_result(None)

    fut.add_done_callback(_release)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(_release)


async def wait_for(aw: Any, timeout: float | None) -> Any:
    """Await ``aw``, but give up after ``timeout`` virtual seconds: it is cancelled and
    ``TimeoutError`` raised. As the Python running the game does it: up to 3.11 the
    awaitable runs as a task of its own, from 3.12 a coroutine runs in this very task."""
    if timeout is None:
        return await aw
    if timeout <= 0:
        fut = ensure_future(aw)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except Cancelled as exc:
            raise TimeoutError() from exc
    if sys.version_info >= (3, 12):
        async with Timeout(_running()[0].now + timeout):
            return await aw
    return await _wait_for_task(aw, timeout)


def _release_waiter(waiter: Future, *args: Any) -> None:
    if not waiter.done():
        waiter.set_result(None)


async def _wait_for_task(aw: Any, timeout: float) -> Any:
    """asyncio 3.11's ``wait_for``: a task for ``aw`` and a timer, whichever comes first."""
    waiter = Future("wait_for")
    handle = get_running_loop().call_later(timeout, _release_waiter, waiter)
    cb = functools.partial(_release_waiter, waiter)
    fut = ensure_future(aw)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except Cancelled:
            if fut.done():
                return fut.result()
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            raise
        if fut.done():
            return fut.result()
        fut.remove_done_callback(cb)
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except Cancelled as exc:
            raise TimeoutError() from exc
    finally:
        handle.cancel()


# -- to_thread ----------------------------------------------------------------------------
async def to_thread(func: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
    """Run the plain function on a worker thread and await its result: its plain blocking
    calls take the worker's time, and the loop runs the others meanwhile (but a call that
    holds the GIL holds the loop from the thread too: ``blocking.holding_gil``)."""
    return await _in_worker(func, args, kwargs, process=False)


async def _in_worker(
    func: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], *, process: bool
) -> Any:
    kind = "process" if process else "to_thread"
    worker = blocking.Worker(f"{kind}({getattr(func, '__name__', 'worker')})", process=process)
    blocking._WORKERS.append(worker)
    failure: BaseException | None = None
    try:
        result = func(*args, **kwargs)
    except Exception as exc:  # handed to the awaiting task, as a thread's future hands it
        failure, result = exc, None
    finally:
        blocking._WORKERS.pop()
    if worker.spent > 0:  # the worker's plain calls took this long (the loop went on)
        await _kernel_sleep(worker.spent)
    else:  # asyncio: the thread's future is set one loop pass later, the task wakes the next
        await _YIELD.park()
        await _YIELD.park()
    if failure is not None:
        raise failure
    return result


# -- synchronisation: asyncio's own logic on our Future --------------------------------------
class _ContextManagerMixin:
    async def __aenter__(self) -> None:
        await self.acquire()  # type: ignore[attr-defined]
        return None

    async def __aexit__(self, *exc: object) -> None:
        self.release()  # type: ignore[attr-defined]


class Lock(_ContextManagerMixin, Waitable):
    kind = "lock"

    def __init__(self) -> None:
        Waitable.__init__(self, "lock")
        self._waiters: deque[Future] | None = None
        self._locked = False

    def locked(self) -> bool:
        return self._locked

    async def acquire(self) -> bool:
        if not self._locked and (
            self._waiters is None or all(w.cancelled() for w in self._waiters)
        ):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = deque()
        fut = Future("lock")
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except Cancelled:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self) -> None:
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError("Lock is not acquired.")

    def _wake_up_first(self) -> None:
        if not self._waiters:
            return
        fut = next(iter(self._waiters))
        if not fut.done():
            fut.set_result(True)


class Event(Waitable):
    kind = "event"

    def __init__(self) -> None:
        Waitable.__init__(self, "event")
        self._waiters: deque[Future] = deque()
        self._value = False

    def is_set(self) -> bool:
        return self._value

    def set(self) -> None:
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self) -> None:
        self._value = False

    async def wait(self) -> bool:
        if self._value:
            return True
        fut = Future("event")
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Semaphore(_ContextManagerMixin, Waitable):
    kind = "semaphore"

    def __init__(self, value: int = 1) -> None:
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        Waitable.__init__(self, "semaphore")
        self._waiters: deque[Future] | None = None
        self._value = value

    def locked(self) -> bool:
        return self._value == 0 or any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self) -> bool:
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = deque()
        fut = Future("semaphore")
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except Cancelled:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self) -> None:
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self) -> None:
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    def __init__(self, value: int = 1) -> None:
        self._bound_value = value
        super().__init__(value)

    def release(self) -> None:
        if self._value >= self._bound_value:
            raise ValueError("BoundedSemaphore released too many times")
        super().release()


class Queue(Waitable):
    kind = "queue"

    def __init__(self, maxsize: int = 0) -> None:
        Waitable.__init__(self, "queue")
        self._maxsize = maxsize
        self._getters: deque[Future] = deque()
        self._putters: deque[Future] = deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._queue: deque[Any] = deque()

    @property
    def maxsize(self) -> int:
        return self._maxsize

    def qsize(self) -> int:
        return len(self._queue)

    def empty(self) -> bool:
        return not self._queue

    def full(self) -> bool:
        return self._maxsize > 0 and self.qsize() >= self._maxsize

    @staticmethod
    def _wakeup_next(waiters: deque[Future]) -> None:
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    async def put(self, item: Any) -> None:
        while self.full():
            putter = Future("queue put")
            self._putters.append(putter)
            try:
                await putter
            except BaseException:
                putter.cancel()
                with contextlib.suppress(ValueError):
                    self._putters.remove(putter)
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item: Any) -> None:
        if self.full():
            raise QueueFull
        self._queue.append(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self) -> Any:
        while self.empty():
            getter = Future("queue get")
            self._getters.append(getter)
            try:
                await getter
            except BaseException:
                getter.cancel()
                with contextlib.suppress(ValueError):
                    self._getters.remove(getter)
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self) -> Any:
        if self.empty():
            raise QueueEmpty
        item = self._queue.popleft()
        self._wakeup_next(self._putters)
        return item

    def task_done(self) -> None:
        if self._unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self) -> None:
        if self._unfinished_tasks > 0:
            await self._finished.wait()


# -- TaskGroup ------------------------------------------------------------------------------
_BaseExceptionGroup: Any = getattr(builtins, "BaseExceptionGroup", None)


class TaskGroup:
    """``async with asyncio.TaskGroup() as tg``: wait for every task made with
    ``tg.create_task``; the first failure cancels the rest (asyncio's ``taskgroups``)."""

    def __init__(self) -> None:
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._parent_task: Any = None
        self._parent_cancel_requested = False
        self._tasks: dict[Task, None] = {}  # insertion order: cancelled in creation order
        self._errors: list[BaseException] | None = []
        self._base_error: BaseException | None = None
        self._on_completed_fut: Future | None = None

    def __repr__(self) -> str:
        return f"<TaskGroup tasks={len(self._tasks)}>"

    async def __aenter__(self) -> TaskGroup:
        if self._entered:
            raise RuntimeError(f"TaskGroup {self!r} has already been entered")
        self._parent_task = current_task()
        self._entered = True
        return self

    async def __aexit__(self, et: Any, exc: Any, tb: Any) -> None:
        self._exiting = True
        if exc is not None and self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        propagate_cancellation_error = exc if et is Cancelled else None
        if self._parent_cancel_requested and self._parent_task.uncancel() == 0:
            propagate_cancellation_error = None
        if et is not None and not self._aborting:
            self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = Future("task group")
            try:
                await self._on_completed_fut
            except Cancelled as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        if self._base_error is not None:
            raise self._base_error
        errors = self._errors if self._errors is not None else []
        if propagate_cancellation_error is not None and not errors:
            raise propagate_cancellation_error
        if et is not None and et is not Cancelled:
            errors.append(exc)
        if errors:
            try:
                if _BaseExceptionGroup is None:  # Python 3.10: no exception groups
                    raise errors[0]
                raise _BaseExceptionGroup("unhandled errors in a TaskGroup", errors) from None
            finally:
                self._errors = None

    def create_task(
        self, coro: Coroutine[Any, Any, Any], *, name: str | None = None, context: object = None
    ) -> Task:
        if not self._entered:
            coro.close()
            raise RuntimeError(f"TaskGroup {self!r} has not been entered")
        if self._exiting and not self._tasks:
            coro.close()
            raise RuntimeError(f"TaskGroup {self!r} is finished")
        if self._aborting:
            coro.close()
            raise RuntimeError(f"TaskGroup {self!r} is shutting down")
        task = create_task(coro, name=name)
        task.add_done_callback(self._on_task_done)
        self._tasks[task] = None
        return task

    @staticmethod
    def _is_base_error(exc: BaseException) -> bool:
        return isinstance(exc, (SystemExit, KeyboardInterrupt))

    def _abort(self) -> None:
        self._aborting = True
        for task in list(self._tasks):
            if not task.done():
                task.cancel()

    def _on_task_done(self, task: Task) -> None:
        self._tasks.pop(task, None)
        done = self._on_completed_fut
        if done is not None and not self._tasks and not done.done():
            done.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        if self._errors is not None:
            self._errors.append(exc)
        if self._is_base_error(exc) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


class _Stop(BaseException):
    """Leaves the kernel's run loop once ``run``'s main coroutine is done."""


# -- run --------------------------------------------------------------------------------------
def run(main: Coroutine[Any, Any, Any], *, debug: bool | None = None) -> Any:
    """Run ``main`` on a fresh kernel to its end, in virtual time (at once), then cancel
    whatever it left running. Refused inside a running loop, as asyncio refuses it."""
    in_thread = bool(blocking._WORKERS)  # a worker thread has no running loop of its own
    kernels = blocking.ACTIVE_KERNELS
    if kernels and kernels[-1].current is not None and not in_thread:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not inspect.iscoroutine(main):
        raise ValueError(f"a coroutine was expected, got {main!r}")
    kernel = Kernel(strict=False)
    outcome: list[Task] = []
    ending: list[bool] = []

    async def _main() -> None:
        outcome.append(create_task(main, name="main"))
        with contextlib.suppress(BaseException):  # read from the task below
            await outcome[0]
        if not ending:
            raise _Stop  # as run_until_complete stops the loop once main is done

    try:
        kernel.spawn(_main(), "asyncio.run")
        with contextlib.suppress(_Stop):
            kernel.run_until(float("inf"), settle=False)
        task = outcome[0] if outcome else None
        finished = task is not None and task.done()
        stuck = [t.name for t in kernel.tasks if t.alive and not t.daemon]
        leftovers = [t for t in kernel.tasks if t.alive]
        ending.append(True)
        for left in leftovers:  # as asyncio.run ends: whatever is left is cancelled
            left.cancel()
        if leftovers:
            kernel.run_until(float("inf"), settle=False)
        if task is None or not finished:
            names = ", ".join(stuck) or "main"
            raise Deadlock(f"deadlock at t={kernel.now:.2f}: {names} wait for ever")
        return task.result()
    finally:
        kernel.close()


__all__ = [*SERVED, "ensure_future", "NotInKitchen", "call_soon"]
