"""What each mode of the command line runs, once its arguments are checked: a headless
report (of a shop or a level), a recorded clip, or the window (or one frame of it).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..shop import MODES, ShopConfig
from .arguments import HEADLESS_SECONDS
from .checks import clip_seconds

FAILED = 1


def run_mode(config: ShopConfig, args: argparse.Namespace, prog: str) -> int:
    """The mode the arguments ask for; its exit code."""
    if args.print_code or (args.headless and args.code is not None):
        from . import learner_cli

        if args.print_code:
            return learner_cli.print_code(args.level)
        return learner_cli.check(args.level, args.code, args.json)
    if args.headless and args.level is not None:
        from .headless import level_report

        print(level_report(args.level, args.fixed, config, args.json))
        return 0
    if args.headless:
        from .headless import report

        configs = [config.with_mode(m) for m in MODES] if args.compare else [config]
        print(report(configs, args.seconds or HEADLESS_SECONDS, args.json))
        return 0
    if args.record is not None:
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before pygame is imported
        from .record import record_clip

        return record_clip(config, args, clip_seconds(args), prog)
    return play_window(config, args, prog)


def play_window(config: ShopConfig, args: argparse.Namespace, prog: str) -> int:
    """The window, or one frame of it for --screenshot; a failed save is one line, exit 1."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before pygame is imported
    import pygame

    from .start import run_game

    try:
        code = run_game(config, args)
        if code == 0 and args.screenshot is not None:
            _read_back(args.screenshot)
        return code
    except (pygame.error, OSError) as error:
        if args.screenshot is None:
            raise
        print(
            f"{prog}: error: could not make screenshot {args.screenshot!r}: {error}",
            file=sys.stderr,
        )
        return FAILED
    finally:
        pygame.quit()  # also when interrupted: the window closes before we exit


def _read_back(path: str) -> None:
    """Load the saved screenshot again: on a full disk pygame writes a cut-off PNG and
    reports success. A broken file is removed and the failure raised as ``pygame.error``."""
    import pygame

    try:
        with _quiet_stderr():  # libpng prints its own complaint on the C side: one line is ours
            pygame.image.load(path)
    except pygame.error as error:
        Path(path).unlink(missing_ok=True)
        raise pygame.error(f"the saved file is cut off (disk full?): {error}") from None


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as sink:
            os.dup2(sink.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
