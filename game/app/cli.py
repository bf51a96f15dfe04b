"""Command line: every shop knob is a flag; bad values get one clear line and exit code 2."""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import NoReturn

from .. import __version__
from ..scheduler import TaskCrashed
from ..shop import MODES, ConfigError, ShopConfig

USAGE_ERROR = 2


class UsageError(Exception):
    """A bad command-line value, already phrased for the user."""


class Parser(argparse.ArgumentParser):
    """argparse, but errors are one line (no usage dump) and exit with code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _number(kind: Callable[[str], float], low: float, inclusive: bool) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
        if math.isnan(value) or (value < low if inclusive else value <= low):
            sign = ">=" if inclusive else ">"
            raise argparse.ArgumentTypeError(f"must be {sign} {low:g}, got {text!r}")
        return value

    parse.__name__ = kind.__name__
    return parse


positive = _number(float, 0, inclusive=False)
non_negative = _number(float, 0, inclusive=True)
count = _number(int, 0, inclusive=True)
at_least_one = _number(int, 1, inclusive=True)

SHOP_FLAGS: dict[str, tuple[Callable[[str], float], str]] = {
    "cashiers": (at_least_one, "concurrent shop: cashiers taking orders (1-4)"),
    "cooks": (at_least_one, "concurrent shop: cooks in the kitchen (1-4)"),
    "stations": (at_least_one, "parallel shop: cashier-cooks, one per counter (1-8)"),
    "tables": (at_least_one, "tables with two stools (1-12; the parallel shop shows 6)"),
    "couples": (count, "couples in the day; 0 = they keep coming"),
    "arrival_mean": (positive, "mean seconds between arriving couples"),
    "first_couples": (count, "couples arriving in a burst at opening"),
    "order_time": (non_negative, "seconds to say the order"),
    "pay_time": (non_negative, "seconds to pay"),
    "cook_time": (non_negative, "mean seconds to cook one order"),
    "eat_time": (non_negative, "mean seconds to eat"),
    "talk_bit": (positive, "mean seconds of one bit of conversation"),
    "walk_speed": (positive, "walking speed in pixels per second"),
    "protagonist": (count, "arrival number of 'you and your crush'"),
}


def flag(field: str) -> str:
    return "--" + field.replace("_", "-")


def build_parser(prog: str = "async-burgers") -> Parser:
    defaults = ShopConfig()
    parser = Parser(
        prog=prog,
        description="Async Burgers: concurrent vs parallel burgers, driven by a coroutine "
        "scheduler on virtual time. Without --headless or --screenshot it opens the game.",
    )
    parser.add_argument("--mode", choices=MODES, default=defaults.mode, help="which shop")
    parser.add_argument("--seed", type=int, default=defaults.seed, help="random seed")
    parser.add_argument(
        "--cook-spread",
        choices=("gamma", "exponential", "fixed"),
        default=defaults.cook_spread,
        help="distribution of cooking times",
    )
    for name, (kind, text) in SHOP_FLAGS.items():
        default = getattr(defaults, name)
        parser.add_argument(flag(name), type=kind, default=default, help=f"{text} ({default})")
    run = parser.add_argument_group("headless report")
    run.add_argument("--headless", action="store_true", help="no window: simulate and report")
    run.add_argument(
        "--seconds",
        type=positive,
        default=None,
        help=f"virtual seconds to run (headless {HEADLESS_SECONDS:g}, --record {RECORD_SECONDS:g})",
    )
    run.add_argument("--compare", action="store_true", help="report both shops side by side")
    run.add_argument("--json", action="store_true", help="print the metrics as JSON")
    game = parser.add_argument_group("game")
    game.add_argument("--screenshot", metavar="PNG", help="save the frame at --at and exit")
    game.add_argument("--at", type=non_negative, default=60.0, help="virtual time of --screenshot")
    game.add_argument("--speed", type=positive, default=1.0, help="start speed (0.25-16)")
    game.add_argument("--side-by-side", action="store_true", help="both shops, split screen")
    game.add_argument("--story", action="store_true", help="play the story beat by beat")
    game.add_argument("--scene", choices=("shop", "house"), default="shop", help="start scene")
    game.add_argument("--frames", type=count, default=0, help=argparse.SUPPRESS)
    add_classroom_flags(parser)
    return parser


# -- in the classroom: fullscreen, recordings, sound, big text, version -------------------
HEADLESS_SECONDS = 3600.0
RECORD_SECONDS = 10.0
MAX_RECORD_SECONDS = 600.0
TEXT_SCALES = (1.0, 1.25, 1.5)


def add_classroom_flags(parser: Parser) -> None:
    room = parser.add_argument_group("classroom")
    room.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    room.add_argument("--fullscreen", action="store_true", help="start fullscreen (F11)")
    room.add_argument(
        "--text-scale",
        type=positive,
        default=1.0,
        help="bigger text for projectors, 1 to 1.5 (Z cycles 1 / 1.25 / 1.5)",
    )
    room.add_argument("--mute", action="store_true", help="no sound (M toggles)")
    room.add_argument(
        "--volume", type=non_negative, default=70.0, help="sound volume, 0 to 100 (70)"
    )
    room.add_argument(
        "--record",
        metavar="CLIP",
        help="write CLIP (.gif or .mp4) of --seconds of virtual time, no window, and exit",
    )
    room.add_argument(
        "--record-from",
        type=non_negative,
        default=0.0,
        metavar="SECONDS",
        help="virtual time the recording starts at (0)",
    )
    room.add_argument("--fps", type=at_least_one, default=None, help="recording frame rate")
    room.add_argument(
        "--width",
        type=at_least_one,
        default=None,
        help="recording width in pixels, 16:9 (gif 640, mp4 1280)",
    )


def check_classroom_flags(args: argparse.Namespace) -> None:
    """Ranges that argparse types cannot say, and what a recording needs before it starts."""
    if not TEXT_SCALES[0] <= args.text_scale <= TEXT_SCALES[-1]:
        raise UsageError(f"argument --text-scale: must be from 1 to 1.5, got {args.text_scale:g}")
    if args.volume > 100:
        raise UsageError(f"argument --volume: must be from 0 to 100, got {args.volume:g}")
    if args.record is None:
        return
    from .clip import ClipError, check

    if args.seconds is not None and args.seconds > MAX_RECORD_SECONDS:
        raise UsageError(
            f"argument --seconds: a recording is at most {MAX_RECORD_SECONDS:g} s, "
            f"got {args.seconds:g}"
        )
    try:
        check(args.record, args.fps, args.width)
    except ClipError as error:
        raise UsageError(f"argument {error.flag}: {error}") from None


def config_from(args: argparse.Namespace) -> ShopConfig:
    names = {f.name for f in fields(ShopConfig)}
    values = {k: v for k, v in vars(args).items() if k in names}
    try:
        return ShopConfig(**values)
    except ConfigError as error:
        raise UsageError(f"argument {flag(error.field)}: {error.message}") from None


async def web_main(argv: Sequence[str] = ()) -> int:
    """The browser build's entry (pygbag, see docs/web.md): awaited, never ``asyncio.run``
    inside, because the page already runs the event loop."""
    parser = build_parser("main.py")
    args = parser.parse_args(list(argv))
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from .window import play

    return await play(config_from(args), args)


def main(argv: Sequence[str] | None = None, prog: str = "async-burgers") -> int:
    parser = build_parser(prog)
    try:
        args = parser.parse_args(argv)
        config = config_from(args)
        if args.speed and not 0.25 <= args.speed <= 16:
            raise UsageError(f"argument --speed: must be from 0.25 to 16, got {args.speed:g}")
        check_classroom_flags(args)
    except UsageError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    try:
        if args.headless:
            from .headless import report

            configs = [config.with_mode(m) for m in MODES] if args.compare else [config]
            print(report(configs, args.seconds or HEADLESS_SECONDS, args.json))
            return 0
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before pygame is imported
        if args.record:
            from .record import record_clip

            return record_clip(config, args, args.seconds or RECORD_SECONDS, parser.prog)
        from .window import run_game

        return run_game(config, args)
    except TaskCrashed as crash:
        print(crash.task.traceback, file=sys.stderr, end="")
        print(
            f"{parser.prog}: error: actor {crash.task.name!r} crashed: {crash.task.error!r}",
            file=sys.stderr,
        )
        return 1
