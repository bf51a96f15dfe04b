"""Command line: every shop knob is a flag; bad values get one clear line and exit code 2.

Exit codes: 0 done, 1 an actor crashed or the screenshot (or clip) could not be written,
2 a bad value (named, before anything is simulated), 130 Ctrl-C, 143 SIGTERM.
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from typing import NoReturn

from .. import __version__, i18n
from ..scheduler import TaskCrashed
from ..shop import MODES, ConfigError, ShopConfig
from ..shop.config import LIMITS, SPREADS, Range
from .clip import CLIP_SUFFIXES, MAX_FPS, MAX_WIDTH, MIN_FPS, MIN_WIDTH, ClipError, check
from .link import LinkError, expand

USAGE_ERROR = 2
FAILED = 1
DAY = 86_400.0
SECONDS = Range(1, 3 * DAY)  # a headless run: up to three virtual days
AT = Range(0, 3600)  # --screenshot plays every tick up to here: up to one virtual hour
MAX_COUPLES = 20_000  # what a run may bring (3 days at the default rate is ~18,500)
SPEED = Range(0.25, 16)
HEADLESS_SECONDS = 3600.0  # --seconds when not given: a headless report of one hour
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class UsageError(Exception):
    """A bad command-line value, already phrased for the user."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM. A KeyboardInterrupt, so the kernel lets it through (it is no
    actor's crash) and ``main`` turns it into the shell's usual ``128 + signal`` code."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Parser(argparse.ArgumentParser):
    """argparse, but errors are one line (no usage dump) and exit with code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _number(kind: Callable[[str], float]) -> Callable[[str], float]:
    """Only parses: the range is judged in one place, ``ShopConfig`` (or ``_check_run``)."""

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
        "--arrival-mean, unless --couples is fewer. Exit codes: 0 done, 1 an actor crashed or the "
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
    game.add_argument(
        "--open-at",
        type=number,
        default=None,
        metavar="T",
        help=f"open the window at virtual time T, paused ({AT}); what a link's t= does",
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
    from ..shop.levels import NAMES

    return NAMES


def check_level(args: argparse.Namespace) -> None:
    if args.level is not None and args.level not in level_names():
        names = ", ".join(level_names())
        raise UsageError(f"argument --level: unknown level {args.level!r} (choose {names})")
    if args.fixed and args.level is None:
        raise UsageError("argument --fixed: only with --level NAME")


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


def _check_classroom(args: argparse.Namespace, config: ShopConfig) -> None:
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
    _check_couples("--record-from", args.record_from + clip_seconds(args), config)
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


def _check_run(args: argparse.Namespace, config: ShopConfig) -> None:
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
        _check_couples("--seconds", args.seconds or HEADLESS_SECONDS, config)
    elif args.screenshot is not None:
        _check_couples("--at", args.at, config)
    elif args.open_at is not None:
        _check_couples("--open-at", args.open_at, config)
    if args.screenshot is not None and not args.headless:
        problem = screenshot_problem(args.screenshot)
        if problem is not None:
            raise UsageError(f"argument --screenshot: {problem}")
    _check_classroom(args, config)


def _check_couples(name: str, seconds: float, config: ShopConfig) -> None:
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
    path = Path(text)
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
    """The web page's entry (game/web/browser.py, docs/web.md): awaited, never ``asyncio.run``
    inside, because the page already runs the event loop (and owns its signals)."""
    parser = build_parser("main.py")
    try:
        args = parser.parse_args(expand(argv))
        config = config_from(args)
        _check_run(args, config)
    except (UsageError, LinkError) as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from .start import play

    return await play(config, args)


def _run(argv: Sequence[str] | None, prog: str = "async-burgers") -> int:
    parser = build_parser(prog)
    try:
        args = parser.parse_args(expand(sys.argv[1:] if argv is None else argv))
        config = config_from(args)
        _check_run(args, config)
        check_level(args)
    except (UsageError, LinkError) as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    try:
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

            return record_clip(config, args, clip_seconds(args), parser.prog)
        return _play(config, args, parser.prog)
    except TaskCrashed as crash:
        print(crash.task.traceback, file=sys.stderr, end="")
        print(
            f"{parser.prog}: error: actor {crash.task.name!r} crashed: {crash.task.error!r}",
            file=sys.stderr,
        )
        return FAILED


def _play(config: ShopConfig, args: argparse.Namespace, prog: str) -> int:
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
