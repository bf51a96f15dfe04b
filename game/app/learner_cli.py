"""``--level NAME --print-code`` and ``--headless --level NAME --code FILE [--json]``: the
learner's own code, outside the window.

``--print-code`` prints the file the learner starts from (runnable). The headless check
plays the level's day with FILE's actors and prints its goals, solved or not (exit 0); a
file that does not compile is one line ``FILE:LINE:COL: message`` and exit 2.

The watchdog stops a step of the learner's code that runs past its budget; what it cannot
stop (one C call that never returns, ``2 ** 10 ** 10``, holding even the interpreter's
lock) is why the day is played in a process of its own: after ``HARD_LIMIT`` seconds it
is stopped (``faulthandler`` prints where it was) and the report names the runaway at
that line, an unmet goal (exit 0: reported). Its memory is capped too (``MEMORY``).
"""

from __future__ import annotations

import faulthandler
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from .. import i18n
from ..i18n import _
from ..shop import goals as G
from ..shop import learner
from ..shop.levels import Level

USAGE_ERROR = 2
HARD_LIMIT = 8.0  # seconds of wall time for the whole headless check
MEMORY = 2 << 30  # bytes the check's process may allocate beyond what it starts with


class CodeFileError(Exception):
    """FILE cannot be read: one line, already phrased."""


def read_code(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CodeFileError(f"argument --code: no such file {path!r}") from None
    except IsADirectoryError:
        raise CodeFileError(f"argument --code: {path!r} is a folder, not a file") from None
    except (OSError, UnicodeDecodeError) as error:
        why = getattr(error, "strerror", None) or str(error)
        raise CodeFileError(f"argument --code: cannot read {path!r}: {why}") from None


def print_code(level_name: str) -> int:
    print(learner.starting_code(learner.level_for(level_name)), end="")
    return 0


def compile_file(level_name: str, path: str) -> learner.Compiled:
    """FILE compiled for the level (CodeFileError if it cannot be read)."""
    level = learner.level_for(level_name)
    return learner.compile_level_code(level, read_code(path), os.path.abspath(path))


def check(level_name: str, path: str, as_json: bool) -> int:
    """The headless check: the goals of the level's day played with FILE's actors."""
    try:
        compiled = compile_file(level_name, path)
    except CodeFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE_ERROR
    if not compiled.ok:
        for error in compiled.errors[:1]:
            print(f"{path}:{error}", file=sys.stderr)
        return USAGE_ERROR
    day = play_apart(compiled.level, compiled.filename)
    print(report(day, path, as_json))
    return 0


def play_apart(level: Level, filename: str) -> learner.Day:
    """``learner.play`` in a process of its own: what no watchdog can stop in-process (a C
    call that never returns, an allocation the size of the machine) stops there. It has
    ``HARD_LIMIT`` seconds of wall time and ``MEMORY`` bytes more than it starts with."""
    root = str(Path(__file__).resolve().parents[2])
    paths = [root, os.environ.get("PYTHONPATH", "")]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in paths if p))
    argv = [sys.executable, "-m", "game.app.learner_cli", level.name, filename, i18n.language()]
    try:
        done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=HARD_LIMIT + 5)
    except subprocess.TimeoutExpired as expired:
        return _gave_up(level, filename, expired.stderr or "")
    if done.returncode != 0:
        return _gave_up(level, filename, done.stderr)
    return learner.Day.from_dict(json.loads(done.stdout))


def _gave_up(level: Level, filename: str, said: str | bytes) -> learner.Day:
    """The day that never finished: the runaway named at the line its traceback was on."""
    if isinstance(said, bytes):
        said = said.decode("utf-8", "replace")
    lines = re.findall(r'File "(.*)", line (\d+)', said)
    line = next((int(n) for f, n in lines if f == filename), None)  # innermost first
    at = line if line is not None else "?"
    if "MemoryError" in said:
        why = _("line {line} asked for more memory than the check allows").format(line=at)
    else:
        why = _("line {line} never came back: one call that does not end holds the loop")
        why = why.format(line=at)
    goals = [
        G.GoalResult(
            g.name,
            _(g.text).format(limit=g.limit),
            False,
            why if g is G.RUNS else 0,
            why if g is G.RUNS else "",
        )
        for g in level.goals
    ]
    problem = learner.Problem("?", line, "runaway", why)
    return learner.Day(level.name, False, goals, [problem], None, {}, [])


def report(day: learner.Day, path: str, as_json: bool) -> str:
    if as_json:
        return json.dumps(day.as_dict(), indent=2, default=str)
    level = learner.level_for(day.level)
    verdict = _("solved") if day.solved else _("not solved yet")
    lines = [f"{level.name} ({path}): {verdict}"]
    for goal in day.goals:
        mark = "[x]" if goal.met else "[ ]"
        lines.append(f"  {mark} {goal.text}" + (f": {goal.why}" if goal.why else ""))
    lines += [f"  ! {problem}" for problem in day.problems[1:]]
    return "\n".join(lines)


def _child(level_name: str, filename: str, language: str) -> int:
    """In the check's own process: play, print the day as JSON."""
    faulthandler.dump_traceback_later(HARD_LIMIT, exit=True)  # the stack, then exit 1
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        cap = max(usage, 1 << 28) + MEMORY
        if hard == resource.RLIM_INFINITY or cap < hard:
            resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ImportError, ValueError, OSError):  # no limits here: the watchdog alone
        pass
    i18n.use(language)
    level = learner.level_for(level_name)
    compiled = learner.compile_level_code(level, read_code(filename), filename)
    day = learner.play(level, compiled)
    print(json.dumps(day.as_dict(), default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(_child(*sys.argv[1:4]))
