"""The command line's checks: every value in its range, and what they cost together
(couples a run would bring, a file that could not be written), refused with one line
naming the flag before anything is simulated.
"""

from __future__ import annotations

import argparse
import errno
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path

from ..shop import ConfigError, ShopConfig
from ..shop.config import Range
from .arguments import (
    AT,
    CLIP_SECONDS,
    CLIP_WIDTH,
    FPS,
    HEADLESS_SECONDS,
    MAX_COUPLES,
    RECORD_FROM,
    RECORD_SECONDS,
    SECONDS,
    SPEED,
    TEXT_SCALE,
    VOLUME,
    UsageError,
    flag,
    level_names,
)
from .clip import CLIP_SUFFIXES, MIN_FPS, MIN_WIDTH, ClipError, check


def check_level(args: argparse.Namespace) -> None:
    if args.level is not None and args.level not in level_names():
        names = ", ".join(level_names())
        raise UsageError(f"argument --level: unknown level {args.level!r} (choose {names})")
    if args.level is not None:
        from ..shop.levels import level_named, needs_python

        missing = needs_python(level_named(args.level))
        if missing:
            raise UsageError(f"argument --level: {missing}")
    if args.fixed and args.level is None:
        raise UsageError("argument --fixed: only with --level NAME")
    for given, name in ((args.code, "--code"), (args.print_code, "--print-code")):
        if given and args.level is None:
            raise UsageError(f"argument {name}: only with --level NAME")
    if args.code is not None and args.fixed:
        raise UsageError("argument --code: not with --fixed (FILE is the code that plays)")
    if args.level is not None and args.headless and args.seconds is not None:
        raise UsageError(
            "argument --seconds: --headless --level plays the level's day to its end "
            "(--couples sets how many come); drop --seconds"
        )


def check_classroom(args: argparse.Namespace, config: ShopConfig) -> None:
    """The classroom's values, and what a recording needs, before anything is drawn."""
    checks = [("--text-scale", TEXT_SCALE, args.text_scale), ("--volume", VOLUME, args.volume)]
    if args.record is not None:
        checks += [
            ("--record-from", RECORD_FROM, args.record_from),
            ("--fps", FPS, args.fps if args.fps is not None else MIN_FPS),
            ("--width", CLIP_WIDTH, args.width if args.width is not None else MIN_WIDTH),
        ]
    for name, allowed, value in checks:
        problem = allowed.problem(value)
        if problem is not None:
            raise UsageError(f"argument {name}: {problem}")
    if args.record is None:
        return
    check_couples("--record-from", args.record_from + clip_seconds(args), config)
    problem = output_problem(args.record, CLIP_SUFFIXES)
    if problem is not None:
        raise UsageError(f"argument --record: {problem}")
    try:
        check(args.record)  # the optional encoder an .mp4 needs
    except ClipError as error:
        raise UsageError(f"argument {error.flag}: {error}") from None


def clip_seconds(args: argparse.Namespace) -> float:
    return RECORD_SECONDS if args.seconds is None else args.seconds


def config_from(args: argparse.Namespace) -> ShopConfig:
    names = {f.name for f in fields(ShopConfig)}
    values = {k: v for k, v in vars(args).items() if k in names}
    try:
        return ShopConfig(**values)
    except ConfigError as error:
        raise UsageError(f"argument {flag(error.field)}: {error.message}") from None


def check_run(args: argparse.Namespace, config: ShopConfig) -> None:
    """The run's own values, and what they cost together with the shop's: refused up front
    rather than found out after minutes of simulating."""
    checks = [
        ("--at", AT, args.at),
        ("--open-at", AT, 0.0 if args.open_at is None else args.open_at),
        ("--speed", SPEED, args.speed),
        ("--frames", Range(0, 10**9, whole=True), args.frames),
    ]
    if args.record is not None:
        for other, given in (("--headless", args.headless), ("--screenshot", args.screenshot)):
            if given:
                raise UsageError(f"argument --record: not allowed with {other}")
    if args.seconds is not None:  # a clip is shorter than a report may be
        allowed = SECONDS if args.record is None else CLIP_SECONDS
        checks.insert(0, ("--seconds", allowed, args.seconds))
    for name, allowed, value in checks:
        problem = allowed.problem(value)
        if problem is not None:
            raise UsageError(f"argument {name}: {problem}")
    if args.headless:
        check_couples("--seconds", args.seconds or HEADLESS_SECONDS, config)
    elif args.screenshot is not None:
        check_couples("--at", args.at, config)
    elif args.open_at is not None:
        check_couples("--open-at", args.open_at, config)
    if args.screenshot is not None and not args.headless:
        problem = screenshot_problem(args.screenshot)
        if problem is not None:
            raise UsageError(f"argument --screenshot: {problem}")
    check_classroom(args, config)


def check_couples(name: str, seconds: float, config: ShopConfig) -> None:
    """A run that would bring more couples than ``MAX_COUPLES`` is refused up front."""
    coming = config.expected_couples(seconds)
    if coming > MAX_COUPLES:
        raise UsageError(
            f"argument {name}: {seconds:g} s brings about {coming:,.0f} couples at "
            f"--arrival-mean {config.arrival_mean:g}, more than {MAX_COUPLES:,}: "
            f"shorten {name} or raise --arrival-mean"
        )


def screenshot_problem(text: str) -> str | None:
    """Why a screenshot cannot be written to ``text``, found before simulating; else None."""
    return output_problem(text, (".png",))  # the one format whose cut-off files we can tell


def output_problem(text: str, suffixes: Sequence[str]) -> str | None:
    """Why a file (a screenshot, a clip) cannot be written to ``text``; else None.

    The target is opened for appending (never truncated) and removed again if it was new,
    so permissions and read-only disks are judged by the system itself."""
    if not text.strip():
        return f"needs a file name, got {text!r}"
    try:
        return _output_problem(text, Path(text), suffixes)
    except (OSError, ValueError) as error:  # a name too long, a NUL: the checks fail too
        why = getattr(error, "strerror", None) or str(error)
        return f"cannot write {text!r}: {why}"


def _output_problem(text: str, path: Path, suffixes: Sequence[str]) -> str | None:
    if path.is_dir():
        return f"{text!r} is a folder, not a file"
    if path.suffix.lower() not in suffixes:
        return f"{text!r} must end in {' or '.join(suffixes)}"
    if path.exists() and not path.is_file():
        return f"{text!r} is not a regular file"
    existed = path.exists()
    try:
        with open(path, "ab"):
            pass
    except OSError as error:
        if error.errno == errno.ENOTDIR:
            blocker = next(p for p in reversed(path.parents) if p.is_file())
            return f"{text!r}: {str(blocker)!r} is a file, not a folder"
        if error.errno == errno.ENOENT:
            return f"{text!r}: folder {str(path.parent)!r} does not exist"
        return f"cannot write {text!r}: {error.strerror}"
    if not existed:
        path.unlink(missing_ok=True)
    return None
