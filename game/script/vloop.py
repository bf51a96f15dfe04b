"""CPython's own event loop on a virtual clock.

``VirtualLoop`` is asyncio's ``BaseEventLoop`` (every scheduling rule, task, future, timer
heap is CPython's) with three things of ours: ``time()`` reads the recorder's virtual
clock; the selector, asked to wait ``timeout`` seconds for I/O that cannot come, moves the
clock on by ``timeout`` instead of blocking; and every handle it schedules passes the
recorder, which sees each task step run and each task woken. There is no network, no
subprocess and no signal handling: those calls are refused with one line saying what to
use instead. ``run_in_executor`` (``asyncio.to_thread``) runs the function at once and
settles its future as many virtual seconds later as the function slept.
"""

from __future__ import annotations

import asyncio
import asyncio.base_events
from collections.abc import Callable
from typing import Any

from .recorder import NO_NETWORK, NO_PROGRAMS, Deadlock, Recorder, Refused


class VirtualSelector:
    """Asked to wait for I/O, it lets the virtual clock jump to the next timer instead."""

    def __init__(self, loop: VirtualLoop) -> None:
        self.loop = loop

    def select(self, timeout: float | None) -> list[Any]:
        loop, rec = self.loop, self.loop.recorder
        if timeout is None:
            raise rec.stopped(
                Deadlock(
                    "every task awaits something no one will ever do and no timer is left: "
                    "real asyncio would wait here forever"
                )
            )
        if timeout > 0:
            due = loop._scheduled[0]._when if loop._scheduled else rec.clock + timeout
            rec.advance(min(due, rec.clock + timeout) - rec.clock)
        return []

    def close(self) -> None:
        pass


class VirtualLoop(asyncio.base_events.BaseEventLoop):
    """asyncio's base loop with virtual time and a recorder on its handles."""

    def __init__(self, recorder: Recorder) -> None:
        super().__init__()
        self.recorder = recorder
        self._selector = VirtualSelector(self)
        recorder.loops += 1

    def time(self) -> float:
        return self.recorder.now()

    # -- the two places every callback passes ----------------------------------------------
    def call_soon(self, callback: Callable[..., Any], *args: Any, context: Any = None) -> Any:
        task = getattr(callback, "__self__", None)
        if task is None and args and type(callback).__name__ == "TaskWakeupMethWrapper":
            task = self.recorder.parked_on(args[0])  # 3.10's C wake-up has no __self__
        if isinstance(task, asyncio.Task) and task.get_loop() is self:
            callback = self._step(task, callback)
        else:
            done = args[0] if args and isinstance(args[0], asyncio.Task) else None
            rec = self.recorder
            if done is not None and done in rec.by_task:
                waker: int | str | None = rec.by_task[done].id  # a done callback of that task
            else:
                waker = rec.current.id if rec.current is not None else rec.waker
            callback = _as(callback, rec, waker)
        return super().call_soon(callback, *args, context=context)

    def call_at(
        self, when: float, callback: Callable[..., Any], *args: Any, context: Any = None
    ) -> Any:
        return super().call_at(when, _as(callback, self.recorder, "clock"), *args, context=context)

    def _step(self, task: asyncio.Task, callback: Callable[..., Any]) -> Callable[..., Any]:
        rec = self.recorder
        rec.scheduled(task, step=type(callback).__name__ == "TaskStepMethWrapper")

        def step(*args: Any) -> Any:
            record = rec.begin(task)
            try:
                return callback(*args)
            finally:
                if record is not None:
                    rec.end(record, task)

        return step

    # -- what the selector loop of CPython would do with real I/O --------------------------
    def _process_events(self, event_list: list[Any]) -> None:
        pass

    def _write_to_self(self) -> None:
        pass  # no other thread ever runs here: nothing to wake

    def run_in_executor(self, executor: Any, func: Callable[..., Any], *args: Any) -> Any:
        """The function runs now; its virtual ``time.sleep`` is its own, not the loop's, and
        its future is settled that much later: a thread in virtual time."""
        self._check_closed()
        rec = self.recorder
        future = self.create_future()
        name = getattr(func, "__qualname__", None) or getattr(
            getattr(func, "args", [None])[0], "__qualname__", "a function"
        )
        outer, rec.thread = rec.thread, 0.0
        try:
            result, error = func(*args), None
        except (Refused, Deadlock):
            raise
        except BaseException as exc:  # settled on the future, as a thread would
            result, error = None, exc
        finally:
            spent, rec.thread = rec.thread or 0.0, outer
        rec.threads[id(future)] = f"thread {name} until {rec.now() + spent:g} s"
        self.call_at(self.time() + spent, _settle, future, result, error)
        return future

    def _refuse(self, call: str, why: str = NO_NETWORK) -> Refused:
        import sys

        return self.recorder.stopped(
            Refused(f"{call} is refused: {why}", self.recorder.line_of(sys._getframe(2)))
        )

    async def create_connection(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.create_connection() (asyncio.open_connection)")

    async def create_server(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.create_server() (asyncio.start_server)")

    async def create_unix_connection(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.create_unix_connection()")

    async def create_unix_server(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.create_unix_server()")

    async def create_datagram_endpoint(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.create_datagram_endpoint()")

    async def getaddrinfo(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.getaddrinfo()")

    async def getnameinfo(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.getnameinfo()")

    async def sock_connect(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.sock_connect()")

    async def sock_recv(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.sock_recv()")

    async def sock_sendall(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.sock_sendall()")

    async def sock_accept(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.sock_accept()")

    async def subprocess_exec(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.subprocess_exec() (asyncio.create_subprocess_exec)", NO_PROGRAMS)

    async def subprocess_shell(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.subprocess_shell() (asyncio.create_subprocess_shell)", NO_PROGRAMS)

    async def connect_read_pipe(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.connect_read_pipe()", NO_PROGRAMS)

    async def connect_write_pipe(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.connect_write_pipe()", NO_PROGRAMS)

    def add_reader(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.add_reader()")

    def add_writer(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.add_writer()")

    def add_signal_handler(self, *args: Any, **kwargs: Any) -> Any:
        raise self._refuse("loop.add_signal_handler()", "no signal reaches a script run here")


def _as(callback: Callable[..., Any], rec: Recorder, waker: int | str | None) -> Any:
    """``callback``, run with ``waker`` as whoever wakes the tasks it wakes."""

    def run(*args: Any) -> Any:
        saved, rec.waker = rec.waker, waker
        try:
            return callback(*args)
        finally:
            rec.waker = saved

    return run


def _settle(future: asyncio.Future, result: Any, error: BaseException | None) -> None:
    if future.cancelled():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


class VirtualPolicy(asyncio.DefaultEventLoopPolicy):
    """Every loop the script makes (``asyncio.run``, ``new_event_loop``) is virtual."""

    def __init__(self, recorder: Recorder) -> None:
        super().__init__()
        self.recorder = recorder

    def new_event_loop(self) -> VirtualLoop:
        return VirtualLoop(self.recorder)
