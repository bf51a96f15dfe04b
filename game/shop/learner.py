"""The learner's own code for a level: compiled, run as the level's actors, judged by goals.

A level names its *parts* (``Level.parts``: "cook", "protagonist", ...), the ``Cast``
fields the learner writes: the file defines one ``async def`` per part, named so. It starts
from the level's broken actor (``starting_code``). ``compile_level_code`` compiles it (a
``SyntaxError`` is its line and column, before anything runs), runs the file's top level
in a namespace of its own and picks the parts out. ``build_shop`` makes the level's shop
with those actors; ``run_until`` steps it; ``problems`` says what went wrong in the
learner's lines; ``play`` runs the whole day and checks the level's goals.

The namespace: ``asyncio`` is ``game.scheduler.aio`` (also for ``import asyncio``), so
every task is a kernel task on virtual time. ``time.sleep(s)`` is a plain blocking call of
``s`` virtual seconds (the loop is held, as it would be), ``time.time()`` reads the virtual
clock, ``sys.exit()`` / ``exit()`` stop only the actor that calls it, ``input()`` says why
nobody can answer it. A step of the learner's code that runs past the watchdog's budget
(``scheduler.watchdog``: 0.3 s of wall time) without reaching an ``await`` is stopped at
its line. Deep recursion and huge allocations end as ``RecursionError`` / ``MemoryError``
at their line. None of it freezes the game or ends it: each is a ``Problem`` naming the
actor and the line.

The code runs in the game's process with the user's rights, like any Python they run:
this is a guard against mistakes, not a sandbox against malice.
"""

from __future__ import annotations

import builtins
import inspect
import linecache
import re
import sys
import textwrap
import time
import traceback
import types
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any
from weakref import WeakKeyDictionary

from ..i18n import _
from ..scheduler import Task, aio, blocking, executors
from ..scheduler.journal import Journal
from ..scheduler.watchdog import Runaway, Watchdog, watch
from . import actors, server
from . import goals as G
from .config import ShopConfig
from .levels import LEVEL_CONFIG, LEVEL_LIMIT, PLAYABLE, Level, finish
from .metrics import Outcome, outcome
from .world import Actor, Shop

# -- the parts and the code the learner starts from ------------------------------------------
_STORY: dict[str, Actor] = {
    "cashier": actors.cashier,
    "cook": actors.cook,
    "couple": actors.concurrent_couple,
    "protagonist": actors.concurrent_couple,
    "arrivals": actors.arrivals,
}


def parts(level: Level) -> tuple[str, ...]:
    """The ``async def`` names the learner's file must define for ``level``."""
    return level.parts


def starter(level: Level, part: str) -> Actor:
    """The actor the level plays ``part`` with: its mistake, else the story's own."""
    return getattr(level.broken, part, None) or _STORY[part]


ENDPOINT = "endpoint"  # level 8's part: a web endpoint, ``def`` or ``async def`` (server.py)
ENDPOINT_HEAD = (
    "from fastapi import FastAPI\n"
    "from kitchen import get_burgers, get_burgers_sync\n\n"
    "app = FastAPI()\n\n\n"
)


def part_source(level: Level, part: str) -> str:
    """The starting actor's source, renamed to its part and without type hints (the
    learner's file imports no game types): ``async def cook(shop, me, grill):``. An
    endpoint keeps its route and is called ``read_burgers``, after its app."""
    fn = starter(level, part)
    text = textwrap.dedent(inspect.getsource(fn))
    if part == ENDPOINT:
        named = re.sub(r"^((?:async )?def )\w+", r"\1read_burgers", text, count=1, flags=re.M)
        return ENDPOINT_HEAD + named
    names = ", ".join(inspect.signature(fn).parameters)
    text = re.sub(r"(?<![\w.])(sleep|gather)\(", r"asyncio.\1(", text)  # the kernel's words
    return re.sub(
        r"^async def \w+\(.*?\)( -> [^:]+)?:",
        f"async def {part}({names}):",
        text,
        count=1,
        flags=re.S,
    )


def starting_code(level: Level) -> str:
    """The file the learner starts from: runnable (``python it.py`` plays it in the game)."""
    goals = "\n".join("- " + _(g.text).format(limit=g.limit) for g in level.goals)
    title = _(level.title)
    head = _("Level {number}, {name}: {title}").format(
        number=level.number, name=level.name, title=title
    )
    if level.number == 0:
        head = f"{level.name}: {title}"
    run = f"async-burgers --level {level.name} --code THIS_FILE"
    intro = _("Rewrite {parts} so that the day meets its goals:").format(
        parts=", ".join("read_burgers" if p == ENDPOINT else p for p in level.parts)
    )
    doc = f'"""{head}\n\n{intro}\n{goals}\n\n{_("Play it:")} {run}\n"""\n'
    body = "\n\n".join(part_source(level, part) for part in level.parts)
    main = (
        'if __name__ == "__main__":  # python this_file.py: the game plays it\n'
        "    from game.app.cli import main\n\n"
        f'    raise SystemExit(main(["--level", "{level.name}", "--code", __file__]))\n'
    )
    return f"{doc}\nimport asyncio\n\n\n{body}\n\n{main}"


# -- compiling ------------------------------------------------------------------------------
@dataclass(frozen=True)
class CodeError:
    """Why the file cannot play: at ``line``, ``col`` (both from 1)."""

    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}:{self.col}: {self.message}"


@dataclass
class Compiled:
    level: Level
    source: str
    filename: str
    functions: dict[str, Actor] = field(default_factory=dict)
    errors: list[CodeError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


_LEARNER_FILES: set[str] = set()  # every file of learner code compiled so far


def compile_level_code(level: Level, source: str, filename: str | None = None) -> Compiled:
    """Compile and load the learner's file for ``level``; never raises (but Ctrl-C)."""
    filename = filename or f"{level.name}.py"
    compiled = Compiled(level, source, filename)
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError as error:
        compiled.errors.append(CodeError(error.lineno or 1, error.offset or 1, error.msg))
        return compiled
    except ValueError as error:  # e.g. a NUL byte in the text
        compiled.errors.append(CodeError(1, 1, str(error)))
        return compiled
    lines = source.splitlines(keepends=True)
    linecache.cache[filename] = (len(source), None, lines, filename)  # inspect reads it
    _LEARNER_FILES.add(filename)
    watch(code)  # the page's watchdog (no threads there) looks at this code only
    names = namespace(filename)
    watchdog = Watchdog({filename})
    try:
        with watchdog.step():
            exec(code, names)
    except KeyboardInterrupt:
        raise
    except BaseException as error:  # noqa: BLE001 - the file's own top level failed
        line = learner_line(error, {filename}) or 1
        compiled.errors.append(CodeError(line, 1, describe(error, line)))
        return compiled
    for part in level.parts:
        if part == ENDPOINT:
            _pick_endpoint(compiled, names)
            continue
        fn = names.get(part)
        wanted = list(inspect.signature(starter(level, part)).parameters)
        if fn is None:
            compiled.errors.append(
                CodeError(
                    1,
                    1,
                    _("define async def {part}({args})").format(part=part, args=", ".join(wanted)),
                )
            )
            continue
        line = getattr(getattr(fn, "__code__", None), "co_firstlineno", 1)
        if not inspect.iscoroutinefunction(fn):
            compiled.errors.append(
                CodeError(line, 1, _("{part} must be an async def").format(part=part))
            )
            continue
        try:
            inspect.signature(fn).bind(*wanted)
        except TypeError:
            compiled.errors.append(
                CodeError(
                    line, 1, _("{part} takes {args}").format(part=part, args=", ".join(wanted))
                )
            )
            continue
        compiled.functions[part] = fn
    return compiled


def _pick_endpoint(compiled: Compiled, names: dict[str, Any]) -> None:
    """Level 8's endpoint: ``def`` or ``async def``, no arguments (the server runs either,
    each its own way: that is the lesson)."""
    fn = server.endpoint_in(names)
    if fn is None:
        compiled.errors.append(
            CodeError(1, 1, _("define @app.get('/burgers') async def read_burgers()"))
        )
        return
    line = getattr(getattr(fn, "__code__", None), "co_firstlineno", 1)
    try:
        inspect.signature(fn).bind()
    except (TypeError, ValueError):
        compiled.errors.append(
            CodeError(line, 1, _("{part} takes no arguments").format(part=fn.__name__))
        )
        return
    compiled.functions[ENDPOINT] = fn


# -- the namespace ----------------------------------------------------------------------------
class ProgramExit(Exception):
    """``sys.exit()`` / ``exit()`` in the learner's code: it stops the actor, not the game."""


class NoKeyboard(Exception):
    """``input()`` in the learner's code: nobody types at the game's terminal."""


class NotHere(Exception):
    """A part of ``sys`` that would switch the game's own guards off."""


def _learner_frame_line() -> int | None:
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename in _LEARNER_FILES:
            return frame.f_lineno
        frame = frame.f_back  # type: ignore[assignment]
    return None


def _in_task() -> bool:
    kernels = blocking.ACTIVE_KERNELS
    return bool(kernels) and kernels[-1].current is not None


def _sleep(seconds: float) -> None:
    """``time.sleep`` in the learner's code: a plain call that holds the loop ``seconds``
    of virtual time, exactly what a real ``time.sleep`` does to an event loop."""
    if not seconds >= 0:
        raise ValueError("sleep length must be non-negative")
    if not _in_task():
        return  # the file's top level: nothing is running yet, nothing to hold
    line = _learner_frame_line()
    where = f", line {line}" if line is not None else ""
    blocking.block(min(float(seconds), LEVEL_LIMIT), f"time.sleep({seconds:g}){where}")


def _virtual_time() -> float:
    kernels = blocking.ACTIVE_KERNELS
    return kernels[-1].now if kernels else 0.0


class _Shim(types.ModuleType):
    """A module of the learner's namespace: a few names of ours, the rest the real one's
    (or refused, where the real one would switch the game's guards off)."""

    def __init__(self, real: types.ModuleType, ours: dict[str, Any], refused: set[str]):
        super().__init__(real.__name__)
        self.__dict__.update(ours)
        self._real = real
        self._refused = refused

    def __getattr__(self, name: str) -> Any:
        if name in self._refused:
            return _refuse(f"{self.__name__}.{name}")
        return getattr(self._real, name)


class _Refused:
    """A refused name: calling it, or anything in it (``sys.monitoring.free_tool_id``),
    says it is not here."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        raise NotHere(self._name)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        raise NotHere(f"{self._name}.{name}")


def _refuse(name: str) -> Callable[..., Any]:
    return _Refused(name)


def _exit(*args: Any) -> None:
    raise ProgramExit(*args)


def _input(*args: Any) -> str:
    raise NoKeyboard(*args)


TIME = _Shim(
    time,
    {
        "sleep": _sleep,
        "time": _virtual_time,
        "monotonic": _virtual_time,
        "perf_counter": _virtual_time,
    },
    set(),
)
SYS = _Shim(
    sys,
    {"exit": _exit},
    {"settrace", "setprofile", "setrecursionlimit", "_getframe", "monitoring", "_current_frames"},
)  # monitoring: the page's watchdog
FUTURES = types.ModuleType("concurrent.futures")  # the pools, as executors.py serves them
FUTURES.__dict__.update(
    ThreadPoolExecutor=executors.ThreadPoolExecutor,
    ProcessPoolExecutor=executors.ProcessPoolExecutor,
    Executor=executors.Executor,
)
CONCURRENT = types.ModuleType("concurrent")
CONCURRENT.futures = FUTURES  # type: ignore[attr-defined]
FASTAPI = types.ModuleType("fastapi")  # level 8: the app, as server.py serves it
FASTAPI.FastAPI = server.FastAPI  # type: ignore[attr-defined]
KITCHEN = types.ModuleType("kitchen")  # level 8: the burgers a request asks for
KITCHEN.__dict__.update(get_burgers=server.get_burgers, get_burgers_sync=server.get_burgers_sync)
_OURS = {
    "asyncio": aio,
    "time": TIME,
    "sys": SYS,
    "concurrent": CONCURRENT,
    "fastapi": FASTAPI,
    "kitchen": KITCHEN,
}


def _import(name: str, globals: Any = None, locals: Any = None, fromlist: Any = (), level=0):
    top, _dot, rest = name.partition(".")
    if level == 0 and top in _OURS:
        module = _OURS[top]
        if fromlist:  # from concurrent.futures import X: the innermost module
            for part in filter(None, rest.split(".")):
                module = getattr(module, part)
        return module
    return builtins.__import__(name, globals, locals, fromlist, level)


def namespace(filename: str) -> dict[str, Any]:
    """The globals the learner's file runs in."""
    own = dict(vars(builtins))
    own.update(__import__=_import, input=_input, exit=_exit, quit=_exit)
    return {
        "__name__": "yours",
        "__file__": filename,
        "__builtins__": own,
        "asyncio": aio,
    }


# -- problems ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    """What went wrong in the learner's code: which actor, at which line, in words."""

    actor: str
    line: int | None
    kind: str  # runaway, recursion, exit, input, memory, not-served, unretrieved, error
    message: str  # in the player's language

    def __str__(self) -> str:
        if self.line is None:
            return f"{self.actor}: {self.message}"
        return _("{actor}, line {line}: {message}").format(
            actor=self.actor, line=self.line, message=self.message
        )


def learner_line(error: BaseException, files: set[str] | None = None) -> int | None:
    """The innermost line of the learner's code in ``error``'s traceback."""
    files = files if files is not None else _LEARNER_FILES
    line = None
    for frame, lineno in traceback.walk_tb(error.__traceback__):
        if frame.f_code.co_filename in files:
            line = lineno
    return line


def kind_of(error: BaseException) -> str:
    if isinstance(error, Runaway):
        return "runaway"
    if isinstance(error, RecursionError):
        return "recursion"
    if isinstance(error, (ProgramExit, SystemExit)):
        return "exit"
    if isinstance(error, NoKeyboard):
        return "input"
    if isinstance(error, MemoryError):
        return "memory"
    if isinstance(error, (aio.NotInKitchen, NotHere, executors.NotServed)):
        return "not-served"
    return "error"


def describe(error: BaseException, line: int | None) -> str:
    """One sentence on ``error``, in the player's language."""
    kind = kind_of(error)
    at = line if line is not None else "?"
    if kind == "runaway":
        return _(
            "line {line} never reached an await: this is what a blocked loop looks like"
        ).format(line=at)
    if kind == "recursion":
        return _("line {line} calls itself without end (RecursionError)").format(line=at)
    if kind == "exit":
        return _("sys.exit() would end the whole program, the game too: it stops this actor")
    if kind == "input":
        return _(
            "input() waits for someone typing at the terminal: nobody is, and in async "
            "code it would hold the loop the whole time"
        )
    if kind == "memory":
        return _("more memory asked for than there is (MemoryError)")
    if kind == "not-served":
        if isinstance(error, NotHere):
            return _("{name} would switch the game's guards off: not here").format(
                name=error.args[0]
            )
        name = str(error).split(" ", 1)[0]
        return _("{name} is not in this kitchen").format(name=name)
    return " | ".join(last_lines(error))


def last_lines(error: BaseException) -> list[str]:
    """The last line Python prints for ``error``; for an exception group (a TaskGroup's),
    its own line and then each of its exceptions', as its traceback shows them."""
    lines = [f"{type(error).__name__}: {error}"]
    if _GROUPS and isinstance(error, _GROUPS):
        for inner in error.exceptions:
            lines += last_lines(inner)
    return lines


_GROUPS: Any = getattr(builtins, "BaseExceptionGroup", ())  # Python 3.11 and on


def problem_of(actor: str, error: BaseException) -> Problem:
    line = learner_line(error)
    return Problem(actor, line, kind_of(error), describe(error, line))


# -- running ------------------------------------------------------------------------------------
class _Guard(Watchdog):
    """The watchdog of a learner's shop; it also knows which task is running."""

    def __init__(self, files: set[str]) -> None:
        super().__init__(files)
        self.task: Task | None = None

    def before_run(self, task: Task) -> None:
        super().before_run(task)
        self.task = task


_Ended = aio.FailedTasks  # the tasks made by ``asyncio.create_task`` that failed


@dataclass
class Session:
    compiled: Compiled
    guard: _Guard
    ended: _Ended
    escaped: list[Problem] = field(default_factory=list)


_SESSIONS: WeakKeyDictionary[Shop, Session] = WeakKeyDictionary()


def cast_for(level: Level, compiled: Compiled) -> Any:
    extras = {
        "sous_chef": level.broken.sous_chef or level.fixed.sous_chef,
        "fountain": level.broken.fountain or level.fixed.fountain,
    }
    return replace(level.broken, **extras, **compiled.functions)


def build_shop(
    level: Level,
    compiled: Compiled,
    *,
    strict: bool = False,
    config: ShopConfig = LEVEL_CONFIG,
    journal: Journal | None = None,
) -> Shop:
    """The level's shop at time 0 with the learner's actors (``compiled`` must be ok);
    ``journal``: it records its changes (the level scene draws its past from them)."""
    if not compiled.ok:
        raise ValueError(f"the code does not compile: {compiled.errors[0]}")
    shop = Shop(
        replace(config, mode="concurrent"),
        cast=cast_for(level, compiled),
        strict=strict,
        journal=journal,
    )
    guard, ended = _Guard({compiled.filename}), _Ended()
    shop.kernel.add_instrument(guard)
    shop.kernel.add_instrument(ended)
    G.record(shop)
    _SESSIONS[shop] = Session(compiled, guard, ended)
    return shop


def run_until(shop: Shop, t: float) -> None:
    """Run the learner's shop up to virtual time ``t``, the watchdog armed. What leaves
    the kernel from the learner's code (``raise SystemExit``) is kept as a problem and the
    day goes on; only Ctrl-C goes through."""
    session = _SESSIONS.get(shop)
    if session is None:
        shop.kernel.run_until(t)
        return
    with session.guard.armed():
        while True:
            try:
                shop.kernel.run_until(t)
                return
            except KeyboardInterrupt:
                raise
            except BaseException as error:  # noqa: BLE001 - the learner's, kept and shown
                task = session.guard.task
                session.escaped.append(problem_of(task.name if task else "?", error))


def problems(shop: Shop, *, final: bool = False) -> list[Problem]:
    """Everything that went wrong in the learner's code so far, in the order it happened
    (``final``: with the tasks whose exception nobody retrieved, as asyncio logs them)."""
    session = _SESSIONS.get(shop)
    found = [problem_of(task.name, task.error) for task in shop.kernel.crashes if task.error]
    if session is None:
        return found
    found += session.escaped
    if final:
        for task in session.ended.held:
            error = task.unretrieved
            if error is not None:
                line = learner_line(error)
                found.append(
                    Problem(
                        task.get_name(),
                        line,
                        "unretrieved",
                        _("{error} in a task nobody awaited (never retrieved)").format(
                            error=f"{type(error).__name__}: {error}"
                        ),
                    )
                )
    return found


@dataclass
class Day:
    """A level's day played to its end with the learner's code."""

    level: str
    solved: bool
    goals: list[G.GoalResult]
    problems: list[Problem]
    outcome: Outcome | None
    figures: dict[str, Any]
    python_said: list[str]

    def as_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "solved": self.solved,
            "goals": [g.as_dict() for g in self.goals],
            **(self.outcome.as_dict() if self.outcome is not None else {}),
            "problems": [
                {
                    "actor": p.actor,
                    "line": p.line,
                    "kind": p.kind,
                    "message": p.message,
                    "text": str(p),
                }
                for p in self.problems
            ],
            "python_said": self.python_said,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Day:
        """The day again from ``as_dict`` (what the headless check's process printed)."""
        goals = [
            G.GoalResult(g["name"], g["text"], g["met"], g["figure"], g["why"])
            for g in data["goals"]
        ]
        problems = [
            Problem(p["actor"], p["line"], p["kind"], p["message"]) for p in data["problems"]
        ]
        names = {f.name for f in fields(Outcome)}
        result = Outcome(**{k: data[k] for k in names}) if names <= set(data) else None
        return cls(data["level"], data["solved"], goals, problems, result, {}, data["python_said"])


def failed_day(level: Level, compiled: Compiled) -> Day:
    """The day that could not start: the code does not compile."""
    error = compiled.errors[0]
    results = [
        G.GoalResult(
            g.name,
            _(g.text).format(limit=g.limit),
            False,
            str(error) if g is G.RUNS else 0,
            str(error),
        )
        for g in level.goals
    ]
    return Day(level.name, False, results, [], None, {}, [])


def play(level: Level, compiled: Compiled, config: ShopConfig = LEVEL_CONFIG) -> Day:
    """Run the level's day to its end (every couple gone, or ``LEVEL_LIMIT``), then check
    its goals."""
    if not compiled.ok:
        return failed_day(level, compiled)
    shop = build_shop(level, compiled, config=config)
    with warnings.catch_warnings(record=True) as early:  # a coroutine dropped at once warns
        warnings.simplefilter("always")  # now, not as the day is let go
        while shop.now + 1e-9 < LEVEL_LIMIT and not shop.day_over:
            run_until(shop, min(LEVEL_LIMIT, shop.now + 30.0))
            shop.kernel.prune()
    found = problems(shop, final=True)
    wants_drinks = cast_for(level, compiled).fountain
    evidence = G.Evidence([str(p) for p in found])
    values = G.figures(shop, evidence, wants_drinks)
    result = outcome(shop)
    session = _SESSIONS.pop(shop)  # its guard holds the last task, and so what it raised
    logged = session.ended.said()  # asyncio's log as the failed tasks are let go
    del session
    said = [f"{w.category.__name__}: {w.message}" for w in early] + finish(shop) + logged
    evidence.python_said = said
    values["unawaited"] = sum("never awaited" in s for s in said)
    values["unretrieved"] = len(logged)
    checked = G.check(level.goals, values, evidence)
    return Day(level.name, all(g.met for g in checked), checked, found, result, values, said)


def level_for(name: str) -> Level:
    """A level (or the kitchen) by its command-line name."""
    try:
        return PLAYABLE[name]
    except KeyError:
        raise KeyError(f"unknown level {name!r} (choose {', '.join(PLAYABLE)})") from None
