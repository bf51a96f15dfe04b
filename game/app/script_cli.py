"""``async-burgers run SCRIPT.py``: a learner's own asyncio script, as a shop.

Exit codes are the script's: 0; 1 with its traceback on an uncaught exception (or when the
watchdog stopped it); 2 for a bad path, a bad flag or a refused call.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import i18n
from ..script import ScriptError, headless_json, run_script
from ..script.trace import RUN_BUDGET, STEP_BUDGET
from ..shop.config import Range
from .arguments import TEXT_SCALE, language

USAGE_ERROR = 2
BUDGET = Range(0.1, 120)
LIFE = 12  # events of a task the plain-text report spells out


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:
        raise ScriptError(message)


def build_parser(prog: str) -> _Parser:
    parser = _Parser(
        prog=f"{prog} run",
        description="Run your own asyncio script on CPython's asyncio with a virtual clock "
        "and watch every task as a character in the shop (pause, step, step back, seek).",
    )
    parser.add_argument("script", help="a .py file: asyncio.run(main()) or async def main()")
    parser.add_argument("--headless", action="store_true", help="no window: run and report")
    parser.add_argument("--json", action="store_true", help="with --headless: the record as JSON")
    parser.add_argument("--screenshot", metavar="PNG", help="save the frame at --at and exit")
    parser.add_argument(
        "--at", type=float, default=None, help="virtual time of --screenshot (default: the end)"
    )
    parser.add_argument(
        "--step-budget",
        type=float,
        default=STEP_BUDGET,
        help=f"wall seconds one step may hold the loop before the watchdog stops it "
        f"({BUDGET}; default {STEP_BUDGET:g})",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=RUN_BUDGET,
        help=f"wall seconds the whole run may take ({BUDGET}; default {RUN_BUDGET:g})",
    )
    parser.add_argument(
        "--lang",
        type=language,
        default=None,
        help=f"language of the window: {', '.join(i18n.languages())} (default: the system's)",
    )
    parser.add_argument(
        "--text-scale",
        type=float,
        default=1.0,
        help=f"bigger text for projectors ({TEXT_SCALE}; default 1; Z cycles 1 / 1.25 / 1.5)",
    )
    parser.add_argument("--frames", type=int, default=0, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str], prog: str = "async-burgers") -> int:
    parser = build_parser(prog)
    try:
        args = parser.parse_args(list(argv))
        for name, value in (("--step-budget", args.step_budget), ("--budget", args.budget)):
            problem = BUDGET.problem(value)
            if problem is not None:
                raise ScriptError(f"argument {name}: {problem}")
        problem = TEXT_SCALE.problem(args.text_scale)
        if problem is not None:
            raise ScriptError(f"argument --text-scale: {problem}")
        if args.json and not args.headless:
            raise ScriptError("argument --json: only with --headless")
        if args.screenshot is not None:
            problem = png_problem(args.screenshot)
            if problem is not None:
                raise ScriptError(f"argument --screenshot: {problem}")
        record = run_script(args.script, args.step_budget, args.budget)
    except ScriptError as error:
        print(f"{parser.prog}: error: {error}", file=sys.stderr)
        return USAGE_ERROR
    if args.headless:
        try:
            print(json.dumps(headless_json(record)) if args.json else report(record), flush=True)
        except BrokenPipeError:  # `| head`: the reader has had enough; not the script's fault
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes it at exit
        return finish(record, parser.prog)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    code = window(record, args)
    return code if code else finish(record, parser.prog, quiet=True)


def png_problem(text: str) -> str | None:
    """Why a screenshot cannot be written to ``text``, found before the script runs."""
    path = Path(text)
    if not text.strip():
        return f"needs a file name, got {text!r}"
    if path.is_dir():
        return f"{text!r} is a folder, not a file"
    if path.suffix.lower() != ".png":
        return f"{text!r} must end in .png"
    if not path.resolve().parent.is_dir():
        return f"{text!r}: folder {str(path.parent)!r} does not exist"
    if not os.access(path.resolve().parent, os.W_OK):
        return f"cannot write {text!r}: its folder is not writable"
    return None


def finish(record: dict[str, Any], prog: str, quiet: bool = False) -> int:
    """The script's exit code, with what Python (or our watchdog) would say on stderr."""
    if record["error"] and not quiet:
        print(record["error"], file=sys.stderr, end="")
    stop = record["stop"]
    if stop is not None:
        where = f"line {stop['line']}: " if stop.get("line") else ""
        print(f"{prog}: error: {where}{stop['message']}", file=sys.stderr)
    return int(record["exit"])


def report(record: dict[str, Any]) -> str:
    """A plain-text account of the run: each task's life, the output, the blocking."""
    lines = [
        f"{record['script']}: {len(record['tasks'])} tasks, "
        f"{record['end']:g} s of virtual time, exit {record['exit']}"
    ]
    for task in record["tasks"]:
        events = task["events"]
        life = " -> ".join(f"{e['state']}@{e['t']:g}" for e in events[:LIFE])
        if len(events) > LIFE:
            life += f" ... ({len(events) - LIFE} more) -> {events[-1]['state']}@{events[-1]['t']:g}"
        lines.append(f"  {task['name']} ({task['coro']}): {life}")
    for block in record["blocked"]:
        lines.append(
            f"  loop blocked {block['seconds']:g} s at {block['t']:g} s, line {block['line']}"
        )
    lines.append("output:")
    lines += [f"  [{o['t']:8.3f}] {o['text']}" for o in record["output"]]
    return "\n".join(lines)


def window(record: dict[str, Any], args: argparse.Namespace) -> int:
    """The game's window on this scene (or one frame of it for ``--screenshot``); 0 when it
    closed normally. The rest of the game is one key away (1 to 4), and 5 comes back."""
    import pygame

    from ..shop import ShopConfig
    from ..view.sheets import AssetError
    from .display import Display
    from .script_scene import SCRIPT, ScriptScene
    from .window import Game, open_window

    headless = args.screenshot is not None
    try:
        window = open_window(headless)
        display = None if headless else Display(window)
        canvas = window if display is None else display.canvas
        i18n.use(args.lang or i18n.system_language())
        game = Game(ShopConfig(), canvas, text_scale=args.text_scale)
        game.settings.display = display
    except AssetError as error:
        print(f"main.py run: error: {error}")
        pygame.quit()
        return 2
    try:
        scene = game.stage.scenes[SCRIPT]
        assert isinstance(scene, ScriptScene)
        scene.load(record)
        game.stage.show(SCRIPT)
        if headless:
            assert scene.head is not None
            scene.head.end()
            if args.at is not None:
                scene.head.seek(args.at)
            game.draw()
            game.save_screenshot(args.screenshot)
            return 0
        return game.run(args.frames)
    finally:
        pygame.quit()
