"""The script's world inside the child process: virtual time, captured prints, no network.

Installed once, in a process that exists only to run one script (``trace``), so replacing
module attributes is safe: nothing else runs here. ``time.sleep`` holds the loop for
virtual seconds (written down as blocking, with its line); the clocks read virtual time;
the network, other programs, threads, ``input()`` and writing files are refused with one
line naming the call and what to use instead.
"""

from __future__ import annotations

import builtins
import io
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from .recorder import NO_NETWORK, NO_PROGRAMS, Recorder, Refused, stamp

EPOCH = 1_767_225_600.0  # time.time() at virtual 0: 2026-01-01 00:00 UTC, the same every run


class Capture(io.TextIOBase):
    """``sys.stdout`` / ``sys.stderr`` of the script: each line at its virtual time."""

    def __init__(self, recorder: Recorder, stream: str) -> None:
        super().__init__()
        self.recorder, self.stream, self.pending = recorder, stream, ""

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return "utf-8"

    def isatty(self) -> bool:
        return False

    def write(self, text: str) -> int:
        lines = (self.pending + text).split("\n")
        self.pending = lines.pop()
        for line in lines:
            self.recorder.write(self.stream, line)
        return len(text)

    def flush(self) -> None:
        if self.pending:
            self.recorder.write(self.stream, self.pending)
            self.pending = ""


def install(recorder: Recorder) -> None:
    """Virtual clocks, captured output, refused calls: the script's world from now on."""
    random.seed(0)  # a script that forgets to seed still runs the same twice

    def sleep(seconds: float) -> None:
        seconds = float(seconds)
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        recorder.block(seconds, sys._getframe(1))

    def seconds() -> float:
        return recorder.now()

    def nanoseconds() -> int:
        return int(recorder.now() * 1e9)

    time.sleep = sleep
    time.monotonic = time.perf_counter = seconds
    time.monotonic_ns = time.perf_counter_ns = nanoseconds
    time.time = lambda: EPOCH + recorder.now()
    time.time_ns = lambda: int((EPOCH + recorder.now()) * 1e9)

    def refuse(call: str, why: str) -> Callable[..., Any]:
        def refused(*args: Any, **kwargs: Any) -> Any:
            line = recorder.line_of(sys._getframe(1))
            raise recorder.stopped(Refused(f"{call} is refused: {why}", line))

        return refused

    for name in (
        "socket",
        "create_connection",
        "create_server",
        "socketpair",
        "fromfd",
        "getaddrinfo",
        "gethostbyname",
    ):
        setattr(socket, name, refuse(f"socket.{name}()", NO_NETWORK))
    subprocess.Popen = refuse("subprocess.Popen() (subprocess.run)", NO_PROGRAMS)  # type: ignore
    for name in (
        "system",
        "popen",
        "fork",
        "forkpty",
        "posix_spawn",
        "posix_spawnp",
        "execv",
        "execve",
        "execl",
        "execvp",
    ):
        if hasattr(os, name):
            setattr(os, name, refuse(f"os.{name}()", NO_PROGRAMS))
    threading.Thread.start = refuse(  # type: ignore[method-assign]
        "threading.Thread.start()",
        "a thread runs on the wall clock; use `await asyncio.to_thread(f)`, which runs here in "
        "virtual time",
    )
    builtins.input = refuse(
        "input()", "the script has no keyboard here; put the value in the script"
    )
    real_open = builtins.open

    def open_(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(c in mode for c in "wax+"):
            line = recorder.line_of(sys._getframe(1))
            why = "this view writes no files; print what you would write"
            raise recorder.stopped(Refused(f"open({file!r}, {mode!r}) is refused: {why}", line))
        return real_open(file, mode, *args, **kwargs)

    builtins.open = open_
    sys.stdout = Capture(recorder, "stdout")
    sys.stderr = Capture(recorder, "stderr")
    sys.stdin = io.StringIO("")


def flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, Capture):
            stream.flush()


__all__ = ["Capture", "flush", "install", "stamp"]
