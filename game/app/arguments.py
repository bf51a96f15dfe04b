"""The command line's argument table: every shop knob is a flag, each with its range in its
help. Only parsing happens here (a flag's value is a number, a language, a choice); whether
values are allowed, alone and together, is ``checks.py``'s, and ``ShopConfig``'s own.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import NoReturn

from .. import __version__, i18n
from ..shop import MODES, ShopConfig
from ..shop.config import LIMITS, SPREADS, Range
from .clip import MAX_FPS, MAX_WIDTH, MIN_FPS, MIN_WIDTH

DAY = 86_400.0
SECONDS = Range(1, 3 * DAY)  # a headless run: up to three virtual days
AT = Range(0, 3600)  # --screenshot plays every tick up to here: up to one virtual hour
MAX_COUPLES = 20_000  # what a run may bring (3 days at the default rate is ~18,500)
SPEED = Range(0.25, 16)
HEADLESS_SECONDS = 3600.0  # --seconds when not given: a headless report of one hour


class UsageError(Exception):
    """A bad command-line value, already phrased for the user."""


class Parser(argparse.ArgumentParser):
    """argparse, but errors are one line (no usage dump) and exit with code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _number(kind: Callable[[str], float]) -> Callable[[str], float]:
    """Only parses: the range is judged in one place, ``ShopConfig`` (or ``check_run``)."""

    def parse(text: str) -> float:
        try:
            return kind(text)
        except ValueError:
            noun = "a whole number" if kind is int else "a number"
            raise argparse.ArgumentTypeError(f"expected {noun}, got {text!r}") from None

    parse.__name__ = kind.__name__
    return parse


whole, number = _number(int), _number(float)

SHOP_FLAGS: dict[str, str] = {
    "cashiers": "concurrent shop: cashiers taking orders",
    "cooks": "concurrent shop: cooks in the kitchen",
    "stations": "parallel shop: cashier-cooks, one per counter",
    "tables": "tables with two stools (the parallel shop shows 6)",
    "couples": "couples in the day; 0 = they keep coming",
    "arrival_mean": "mean seconds between arriving couples",
    "first_couples": "couples arriving in a burst at opening",
    "order_time": "seconds to say the order",
    "pay_time": "seconds to pay",
    "cook_time": "mean seconds to cook one order",
    "eat_time": "mean seconds to eat",
    "talk_bit": "mean seconds of one bit of conversation",
    "walk_speed": "walking speed in pixels per second, inf = they teleport",
    "protagonist": "arrival number of 'you and your crush'; 0 = nobody",
}


def flag(field: str) -> str:
    return "--" + field.replace("_", "-")


def build_parser(prog: str = "async-burgers") -> Parser:
    defaults = ShopConfig()
    parser = Parser(
        prog=prog,
        description="Async Burgers: concurrent vs parallel burgers, driven by a coroutine "
        "scheduler on virtual time. Without --headless or --screenshot it opens the game.",
        epilog=f"A run may bring at most {MAX_COUPLES:,} couples: --seconds (or --at) over "
        "--arrival-mean, unless --couples is fewer. `run SCRIPT.py` shows your own asyncio "
        "script as a shop (`run --help`). Exit codes: 0 done, 1 an actor crashed or the "
        "screenshot or clip could not be written, 2 a bad value, 130 Ctrl-C, 143 SIGTERM.",
    )
    parser.add_argument("--mode", choices=MODES, default=defaults.mode, help="which shop")
    parser.add_argument("--seed", type=whole, default=defaults.seed, help="random seed")
    parser.add_argument(
        "--cook-spread",
        choices=SPREADS,
        default=defaults.cook_spread,
        help="distribution of cooking times",
    )
    for name, text in SHOP_FLAGS.items():
        default, allowed = getattr(defaults, name), LIMITS[name]
        parser.add_argument(
            flag(name),
            type=whole if allowed.whole else number,
            default=default,
            help=f"{text} ({allowed}; default {default:g})",
        )
    run = parser.add_argument_group("headless report")
    run.add_argument("--headless", action="store_true", help="no window: simulate and report")
    run.add_argument(
        "--seconds",
        type=number,
        default=None,
        help=f"virtual seconds to run ({SECONDS}, i.e. up to 3 days; default 3600); with "
        f"--record, the clip's length ({CLIP_SECONDS}; default {RECORD_SECONDS:g})",
    )
    run.add_argument("--compare", action="store_true", help="report both shops side by side")
    run.add_argument("--json", action="store_true", help="print the metrics as JSON")
    run.add_argument(
        "--level",
        metavar="NAME",
        help="a level of 'When async goes wrong' (" + ", ".join(level_names()) + ")",
    )
    run.add_argument("--fixed", action="store_true", help="with --level: play the fixed code")
    run.add_argument(
        "--code",
        metavar="FILE",
        help="with --level: play the level with the actors FILE defines (the window replays "
        "when FILE is saved); with --headless: check its goals",
    )
    run.add_argument(
        "--print-code", action="store_true", help="with --level: print the code to start from"
    )
    game = parser.add_argument_group("game")
    game.add_argument(
        "--screenshot",
        metavar="PNG",
        help="save the frame at --at as a PNG and exit",
    )
    game.add_argument(
        "--at",
        type=number,
        default=60.0,
        help=f"virtual time of --screenshot ({AT}, i.e. up to 1 hour; default 60)",
    )
    game.add_argument("--speed", type=number, default=1.0, help=f"start speed ({SPEED})")
    game.add_argument("--side-by-side", action="store_true", help="both shops, split screen")
    game.add_argument("--story", action="store_true", help="play the story beat by beat")
    game.add_argument("--scene", choices=("shop", "house"), default="shop", help="start scene")
    game.add_argument("--frames", type=whole, default=0, help=argparse.SUPPRESS)
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
    add_classroom_flags(parser)
    return parser


def level_names() -> tuple[str, ...]:
    from ..shop.levels import PLAYABLE

    return tuple(PLAYABLE)


def language(text: str) -> str:
    """A catalog's language for ``--lang`` ("pt_BR", "pt-BR" or "pt")."""
    found = i18n.match(text)
    if found is None:
        have = ", ".join(i18n.languages())
        raise argparse.ArgumentTypeError(f"no such language {text!r} (have {have})")
    return found


# -- in the classroom: fullscreen, recordings, sound, big text, version -------------------
RECORD_SECONDS = 10.0  # --seconds when --record is given alone
CLIP_SECONDS = Range(1, 600)  # a clip for slides: up to ten minutes
RECORD_FROM = AT  # the clip starts after every tick up to here, as --screenshot's --at
TEXT_SCALE = Range(1, 1.5)
VOLUME = Range(0, 100)
FPS = Range(MIN_FPS, MAX_FPS, whole=True)
CLIP_WIDTH = Range(MIN_WIDTH, MAX_WIDTH, whole=True)


def add_classroom_flags(parser: Parser) -> None:
    room = parser.add_argument_group("classroom")
    room.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    room.add_argument("--fullscreen", action="store_true", help="start fullscreen (F11)")
    room.add_argument(
        "--text-scale",
        type=number,
        default=1.0,
        help=f"bigger text for projectors ({TEXT_SCALE}; default 1; Z cycles 1 / 1.25 / 1.5)",
    )
    room.add_argument("--mute", action="store_true", help="no sound (M toggles)")
    room.add_argument(
        "--volume", type=number, default=70.0, help=f"sound volume ({VOLUME}; default 70)"
    )
    room.add_argument(
        "--record",
        metavar="CLIP",
        help="write CLIP (.gif or .mp4) of --seconds of virtual time, no window, and exit",
    )
    room.add_argument(
        "--record-from",
        type=number,
        default=0.0,
        metavar="SECONDS",
        help=f"virtual time the recording starts at ({RECORD_FROM}; default 0)",
    )
    room.add_argument(
        "--fps",
        type=whole,
        default=None,
        help=f"recording frame rate ({FPS}; default gif 20, mp4 30)",
    )
    room.add_argument(
        "--width",
        type=whole,
        default=None,
        help=f"recording width in pixels, 16:9 ({CLIP_WIDTH}; default gif 640, mp4 1280)",
    )
