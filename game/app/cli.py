"""Command line: parse (``arguments.py``), check (``checks.py``), run the mode asked for
(``modes.py``); bad values get one clear line and exit code 2.

Exit codes: 0 done, 1 an actor crashed or the screenshot (or clip) could not be written,
2 a bad value (named, before anything is simulated), 130 Ctrl-C, 143 SIGTERM.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from ..scheduler import TaskCrashed
from .arguments import UsageError, build_parser
from .checks import check_level, check_run, config_from
from .modes import FAILED, run_mode

USAGE_ERROR = 2
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM. A KeyboardInterrupt, so the kernel lets it through (it is no
    actor's crash) and ``main`` turns it into the shell's usual ``128 + signal`` code."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def stop_signals() -> Iterator[None]:
    """While the command runs, Ctrl-C and SIGTERM raise ``Interrupted``; afterwards the old
    handlers come back (tests call ``main`` in-process). An ignored signal stays ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; Python delivers signals there anyway
        return
    previous = {}
    for signum in STOP_SIGNALS:
        if signal.getsignal(signum) is not signal.SIG_IGN:
            previous[signum] = signal.signal(signum, _interrupt)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)


def _interrupt(signum: int, frame: object) -> None:
    # one stop is enough: more Ctrl-C meanwhile must not cut the clean-up short (a half
    # clip deleted, a screenshot's temporary file); ``stop_signals`` restores the handlers
    for other in STOP_SIGNALS:
        if signal.getsignal(other) is _interrupt:
            signal.signal(other, signal.SIG_IGN)
    raise Interrupted(signum)


def main(argv: Sequence[str] | None = None, prog: str = "async-burgers") -> int:
    """Parse, check everything, then run; Ctrl-C or SIGTERM ends it quietly (130 / 143)."""
    try:
        with stop_signals():
            return _run(argv, prog)
    except KeyboardInterrupt as stop:
        # stopped on purpose: an actor the interrupt caught before its first step is not news
        warnings.filterwarnings("ignore", "coroutine .* was never awaited", RuntimeWarning)
        return 128 + getattr(stop, "signum", signal.SIGINT)


async def web_main(argv: Sequence[str] = ()) -> int:
    """The browser build's entry (pygbag, see docs/web.md): awaited, never ``asyncio.run``
    inside, because the page already runs the event loop (and owns its signals)."""
    parser = build_parser("main.py")
    try:
        args = parser.parse_args(list(argv))
        config = config_from(args)
        check_run(args, config)
    except UsageError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from .start import play

    return await play(config, args)


def _run(argv: Sequence[str] | None, prog: str = "async-burgers") -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if words[:1] == ["run"]:  # `run SCRIPT.py`: a learner's own asyncio script (script_cli)
        from .script_cli import main as run_script

        return run_script(words[1:], prog)
    parser = build_parser(prog)
    try:
        args = parser.parse_args(argv)
        args.prog = parser.prog  # error lines name the program as it was run
        config = config_from(args)
        check_run(args, config)
        check_level(args)
    except UsageError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    try:
        return run_mode(config, args, parser.prog)
    except TaskCrashed as crash:
        print(crash.task.traceback, file=sys.stderr, end="")
        print(
            f"{parser.prog}: error: actor {crash.task.name!r} crashed: {crash.task.error!r}",
            file=sys.stderr,
        )
        return FAILED
