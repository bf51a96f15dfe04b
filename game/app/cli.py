"""Command line: every shop knob is a flag; bad values get one clear line and exit code 2."""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import NoReturn

from .. import i18n
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


def build_parser() -> Parser:
    defaults = ShopConfig()
    parser = Parser(
        prog="main.py",
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
    run.add_argument("--seconds", type=positive, default=3600.0, help="virtual seconds to run")
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
    access = parser.add_argument_group("languages and accessibility")
    access.add_argument(
        "--lang",
        type=language,
        default=None,
        help=f"language of the game: {', '.join(i18n.languages())} (default: the system's)",
    )
    access.add_argument(
        "--palette",
        choices=("default", "safe"),
        default="default",
        help="colours: default, or safe for colour-blind players (Okabe-Ito)",
    )
    access.add_argument(
        "--reduced-motion",
        action="store_true",
        help="no blinking board, bobbing hearts or twinkles; the same information, still",
    )
    return parser


def language(text: str) -> str:
    """A catalog's language for ``--lang`` ("pt_BR", "pt-BR" or "pt")."""
    found = i18n.match(text)
    if found is None:
        have = ", ".join(i18n.languages())
        raise argparse.ArgumentTypeError(f"no such language {text!r} (have {have})")
    return found


def config_from(args: argparse.Namespace) -> ShopConfig:
    names = {f.name for f in fields(ShopConfig)}
    values = {k: v for k, v in vars(args).items() if k in names}
    try:
        return ShopConfig(**values)
    except ConfigError as error:
        raise UsageError(f"argument {flag(error.field)}: {error.message}") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        config = config_from(args)
        if args.speed and not 0.25 <= args.speed <= 16:
            raise UsageError(f"argument --speed: must be from 0.25 to 16, got {args.speed:g}")
    except UsageError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    try:
        if args.headless:
            from .headless import report

            configs = [config.with_mode(m) for m in MODES] if args.compare else [config]
            print(report(configs, args.seconds, args.json))
            return 0
        os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before pygame is imported
        from .window import run_game

        return run_game(config, args)
    except TaskCrashed as crash:
        print(crash.task.traceback, file=sys.stderr, end="")
        print(
            f"{parser.prog}: error: actor {crash.task.name!r} crashed: {crash.task.error!r}",
            file=sys.stderr,
        )
        return 1
