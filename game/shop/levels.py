"""The levels of "When async goes wrong": each a shop day with one actor's code changed.

A level is data: the actors that play the mistake and the fix (``mistakes.py``), the
question the player answers before watching, the sentence that says what happens, and the
lesson. ``play`` runs a level's day headless and returns what the result card and
``--level NAME --json`` report, every number from the model's metrics.

Same seed, same couples as the normal day (``LEVEL_CONFIG``); the day ends when every
couple has left, or at ``LEVEL_LIMIT`` for those who can never leave.
"""

from __future__ import annotations

import gc
import sys
import warnings
from dataclasses import dataclass, field, replace
from typing import Any

from ..i18n import N_, _
from ..scheduler import aio as asyncio
from . import actors, mistakes, mistakes2, mistakes4
from . import goals as G
from .config import ShopConfig
from .metrics import Metrics, Outcome, measure, outcome
from .world import Actor, Cast, Shop

if sys.version_info >= (3, 11):
    from .mistakes4_groups import grouped_couple
else:  # except* is 3.11 syntax: level 11 says it needs 3.11 and never starts here
    grouped_couple = mistakes4.gathering_couple

LEVEL_CONFIG = ShopConfig(couples=12)
LEVEL_LIMIT = 900.0  # virtual seconds: enough for every couple who can ever leave


@dataclass(frozen=True)
class Level:
    number: int
    name: str  # the command-line name: "blocking-cook"
    title: str
    part: str  # who plays the mistake: "cook", "you & crush", "couples"
    question: str
    answers: tuple[str, ...]
    right: int  # index into answers
    caption: str  # what the player watches, in one sentence
    lesson: str  # shown with the fix
    broken: Cast
    fixed: Cast
    broken_actor: Actor  # the function the code view opens on
    fixed_actor: Actor
    same_as_story: bool  # the fixed day is the normal day, to the event
    note: str = ""  # what the result card should help the player read
    parts: tuple[str, ...] = ()  # the ``Cast`` fields the learner writes: "cook"
    goals: tuple[G.Goal, ...] = ()  # what the day must do to be solved (goals.py)
    why: str = ""  # one line on why the right answer is right, shown as soon as one answers
    proof: str = ""  # the result card's headline: the figure that carries the lesson
    proof_row: str = ""  # the outcome's field that headline rests on (its row is marked)
    python: tuple[int, int] = (3, 10)  # the Python it needs (the game runs on 3.10 and on)
    python_why: str = ""  # ... and why, when that is newer than 3.10

    @property
    def letters(self) -> str:
        return "ABCD"[: len(self.answers)]


LEVELS: tuple[Level, ...] = (
    Level(
        1,
        "blocking-cook",
        N_("A blocking call inside async def"),
        N_("cook"),
        N_(
            "The cook calls a blocking function while each order cooks, like time.sleep() "
            "for the 8 s or so it takes. What do the couples at the tables do meanwhile?"
        ),
        (
            N_("They talk on as usual: the cook is in the kitchen"),
            N_("Everyone freezes until the call returns"),
            N_("Only the line stops; the tables go on"),
            N_("The program crashes"),
        ),
        1,
        N_("The cook is in a plain blocking call: nobody else can run until it returns."),
        N_("await the non-blocking version: the loop runs the others while the cook waits."),
        Cast(cook=mistakes.blocking_cook),
        Cast(),
        mistakes.blocking_cook,
        actors.cook,
        True,
        parts=("cook",),
        goals=(G.RUNS, G.LOOP_FREE, G.EVERYONE_SERVED, G.mean_wait(25.0)),
        why=N_(
            "time.sleep is a plain call with no await in it: until it returns, the loop can "
            "run nobody else."
        ),
        proof=N_(
            "While the cook slept on the loop, everyone else was frozen {broken_blocked} s in "
            "all (fixed: {fixed_blocked} s); the wait grew from {fixed_wait} s to {broken_wait} s."
        ),
        proof_row="blocked_seconds",
    ),
    Level(
        2,
        "forgotten-await",
        N_("Calling a coroutine function without await"),
        N_("you & crush"),
        N_(
            "You and your crush write number = couple.order_at(counter), without await. "
            "How long do you wait for your burgers?"
        ),
        (
            N_("As long as everyone else"),
            N_("Twice as long"),
            N_("Forever: the order never reaches the kitchen"),
            N_("Python stops with an error at that line"),
        ),
        2,
        N_("You hold a coroutine object, not a ticket: no task ever ran it, no order was made."),
        N_("Add await: a coroutine only runs when it is awaited (or made a task)."),
        Cast(protagonist=mistakes.forgetful_couple),
        Cast(),
        mistakes.forgetful_couple,
        actors.concurrent_couple,
        True,
        parts=("protagonist",),
        goals=(G.RUNS, G.YOU_SERVED, G.ALL_AWAITED, G.EVERYONE_SERVED),
        why=N_(
            "Without await you hold a coroutine object: nothing runs it, so the order never "
            "reaches the kitchen, and Python only warns once it is thrown away."
        ),
        proof=N_(
            "You and your crush never got burgers: {broken_never} couple waited until closing "
            "(fixed: {fixed_never}). The mean wait below counts only those who were served."
        ),
        proof_row="never_served",
    ),
    Level(
        3,
        "cpu-on-the-loop",
        N_("Heavy work inside async def"),
        N_("cook"),
        N_(
            "The cook works out a complicated recipe for each order: 6 s of pure work. "
            "Which fix lets the others run meanwhile?"
        ),
        (
            N_("Put await in front of the call"),
            N_("Hand the work to a second cook, a worker, and await the result"),
            N_("Call it from a different async def"),
            N_("Nothing: the shop is fine as it is"),
        ),
        1,
        N_("The cook works it out himself: pure work, nothing to await, so the loop is held."),
        N_("Work needs workers, waiting needs await."),
        Cast(cook=mistakes.recipe_cook),
        Cast(cook=mistakes.recipe_cook_with_helper, sous_chef=True),
        mistakes.recipe_cook,
        mistakes.recipe_cook_with_helper,
        False,
        N_(
            "The burgers come no sooner: each recipe still takes 6 s, now on the worker. "
            "What changed: nobody froze meanwhile, the loop stayed free."
        ),
        parts=("cook",),
        goals=(G.RUNS, G.LOOP_FREE, G.RECIPES, G.EVERYONE_SERVED),
        why=N_(
            "await helps only where there is waiting: pure work holds the loop until it is "
            "done, so it has to go to a worker."
        ),
        proof=N_(
            "Everyone else was frozen {broken_blocked} s while the cook worked recipes out "
            "(fixed: {fixed_blocked} s), yet the burgers came no sooner: mean wait "
            "{broken_wait} s broken, {fixed_wait} s fixed."
        ),
        proof_row="blocked_seconds",
    ),
    Level(
        4,
        "one-after-another",
        N_("Sequential awaits where they could overlap"),
        N_("couples"),
        N_(
            "Every couple wants burgers and drinks. They wait for the burgers first, "
            "then fetch the drinks. How long is their wait, from paying to having both?"
        ),
        (
            N_("About the burgers' wait alone"),
            N_("About the longer of the two"),
            N_("About the burgers' wait plus the drinks' time"),
            N_("Forever"),
        ),
        2,
        N_("One errand after another: the drinks start only once the burgers are in hand."),
        N_("gather(burgers(), drinks()): both errands overlap; the wait is about the longer one."),
        Cast(couple=mistakes.one_after_another, fountain=True),
        Cast(couple=mistakes.side_by_side, fountain=True),
        mistakes.one_after_another,
        mistakes.side_by_side,
        False,
        parts=("couple",),
        goals=(G.RUNS, G.BOTH_IN_HAND, G.TOGETHER, G.longest_wait(35.0)),
        why=N_(
            "The second await starts only when the first has finished: the two waits add up."
        ),
        proof=N_(
            "From paying to having both: {broken_wait} s one errand after the other, "
            "{fixed_wait} s with both at once."
        ),
        proof_row="mean_wait",
    ),
    Level(
        5,
        "threads-and-the-gil",
        N_("A thread that holds the GIL"),
        N_("cook"),
        N_(
            "Level 3 again, with the fix it taught: await asyncio.to_thread(me.count_recipe, "
            "order). But count_recipe is one long call into C that holds the GIL for 6 s, "
            "like sum(range(10**9)). What do the couples do meanwhile?"
        ),
        (
            N_("They talk on: the thread works off the loop"),
            N_("Everyone freezes: the thread holds the GIL"),
            N_("Only the cook waits; the couples go on"),
            N_("Python refuses to start the thread"),
        ),
        1,
        N_("The thread holds the GIL: the loop cannot run a line of Python until it returns."),
        N_(
            "Threads help while a call waits or lets go of the GIL; work that holds it "
            "needs a process: a ProcessPoolExecutor."
        ),
        Cast(cook=mistakes2.gil_cook),
        Cast(cook=mistakes2.process_cook),
        mistakes2.gil_cook,
        mistakes2.process_cook,
        False,
        N_(
            "Pure-Python work in a thread lets go of the GIL every 5 ms, so there a thread "
            "mostly frees the loop; one C call that never lets go does not. A process has "
            "its own interpreter and its own GIL."
        ),
        parts=("cook",),
        goals=(G.RUNS, G.LOOP_FREE, G.RECIPES, G.EVERYONE_SERVED),
        why=N_(
            "A thread shares the loop's interpreter: while it holds the GIL, the loop's own "
            "thread cannot run."
        ),
        proof=N_(
            "With the work on a thread, everyone was frozen {broken_blocked} s; on a process, "
            "{fixed_blocked} s."
        ),
        proof_row="blocked_seconds",
    ),
    Level(
        6,
        "asyncio-run-in-a-loop",
        N_("asyncio.run() inside a running loop"),
        N_("cashier"),
        N_(
            "The till's receipt printer is a plain def that calls "
            "asyncio.run(asyncio.sleep(1)), from inside the cashier's async def. "
            "What happens at the first order?"
        ),
        (
            N_("The receipt takes 1 s; then the cashier goes on"),
            N_("The whole shop waits 1 s, then goes on"),
            N_("RuntimeError: the cashier stops, and nobody orders again"),
            N_("A second loop starts beside the first"),
        ),
        2,
        N_("asyncio.run() starts a loop, and one is already running: Python refuses."),
        N_("Inside async code, await: make the helper async def and await it."),
        Cast(cashier=mistakes2.receipt_cashier),
        Cast(cashier=mistakes2.awaited_receipt_cashier),
        mistakes2.receipt_cashier,
        mistakes2.awaited_receipt_cashier,
        False,
        N_(
            "asyncio.run() is the door into async code, for a program's top level; inside "
            "it a coroutine is awaited (or made a task), never run again."
        ),
        parts=("cashier",),
        goals=(G.RUNS, G.ALL_AWAITED, G.EVERYONE_SERVED),
        why=N_(
            "asyncio.run() refuses to start a loop where one is running: Python raises "
            "RuntimeError at once."
        ),
        proof=N_(
            "The cashier stopped at the first order: {broken_never} couples never got burgers "
            "(fixed: {fixed_never})."
        ),
        proof_row="never_served",
    ),
    Level(
        7,
        "task-never-retrieved",
        N_("Task exception was never retrieved"),
        N_("cook"),
        N_(
            "The cook sends each order off with asyncio.create_task(errand(order)) and "
            "goes straight back to the rail, never awaiting the task. One errand fails. "
            "What happens?"
        ),
        (
            N_("The error stops the cook, like any error"),
            N_("The whole program stops with a traceback"),
            N_("Nothing is heard: that couple waits for ever"),
            N_("The errand is tried again by itself"),
        ),
        2,
        N_("The errand failed inside a task nobody awaits: its error waits there, unheard."),
        N_("Keep the task and await it: its result, or its error, comes to you."),
        Cast(cook=mistakes2.errand_cook),
        Cast(cook=mistakes2.awaiting_errand_cook),
        mistakes2.errand_cook,
        mistakes2.awaiting_errand_cook,
        False,
        N_(
            "A task holds its exception for whoever awaits it. If nobody ever does, Python "
            "says so only when the task is thrown away: Task exception was never retrieved."
        ),
        parts=("cook",),
        goals=(G.RUNS, G.RETRIEVED, G.EVERYONE_SERVED),
        why=N_(
            "A task's exception is raised only where the task is awaited: with nobody "
            "awaiting, it is kept, and logged when the task is let go."
        ),
        proof=N_(
            "Errands that failed unheard left {broken_never} couples without burgers "
            "(fixed: {fixed_never})."
        ),
        proof_row="never_served",
    ),
    Level(
        10,
        "swallowed-cancel",
        N_("A bare except that swallows the cancellation"),
        N_("cook"),
        N_(
            "Couples give up after 15 s at the table (async with asyncio.timeout(15)). At "
            "closing time the shop cancels every task of the staff. The cook's bare except: "
            "cleans the grill and cooks the order again. What happens at closing time?"
        ),
        (
            N_("He cleans the grill and stops: the shop closes"),
            N_("He cooks on, for nobody: the shop never closes"),
            N_("Python refuses a bare except around an await"),
            N_("He stops at once, the grill left dirty"),
        ),
        1,
        N_(
            "To a bare except the cancellation is one more exception: caught, it stops "
            "nothing."
        ),
        N_(
            "Let CancelledError through: clean up in finally (or re-raise it), and catch "
            "only Exception."
        ),
        Cast(
            couple=mistakes4.impatient_couple,
            cook=mistakes4.swallowing_cook,
            arrivals=mistakes4.closing_time,
        ),
        Cast(
            couple=mistakes4.impatient_couple,
            cook=mistakes4.closing_cook,
            arrivals=mistakes4.closing_time,
        ),
        mistakes4.swallowing_cook,
        mistakes4.closing_cook,
        False,
        N_(
            "asyncio stops a task by throwing CancelledError in at its await: timeouts, "
            "TaskGroup and asyncio.run all do. It is a BaseException, so except Exception "
            "lets it by; a bare except (or except BaseException) catches it."
        ),
        parts=("cook",),
        goals=(G.RUNS, G.CLOSES, G.CANCEL_THROUGH, G.GRILL_CLEAN),
        why=N_(
            "A bare except catches BaseException, CancelledError too: the cancellation ends "
            "there, and the loop goes on as if nothing had been asked."
        ),
        proof=N_(
            "The cook swallowed the cancellation and cooked {broken_cooked_after} order on "
            "for nobody: the shop was still open {broken_closing_delay} s after closing "
            "time (fixed: {fixed_closing_delay} s, the grill cleaned)."
        ),
        proof_row="closing_delay",
    ),
    Level(
        11,
        "gather-or-taskgroup",
        N_("gather or TaskGroup"),
        N_("couples"),
        N_(
            "Each couple fetches burgers and drinks at once with asyncio.gather, and leaves "
            "if the fountain fails (except RuntimeError). The fountain breaks while a couple "
            "pours. What happens to their burgers errand?"
        ),
        (
            N_("It is cancelled with the drinks"),
            N_("It runs on after they have gone"),
            N_("gather waits for it, then raises the error"),
            N_("Python raises an ExceptionGroup"),
        ),
        1,
        N_("gather hands on the first error at once and cancels nothing: the other runs on."),
        N_(
            "async with asyncio.TaskGroup(): one task fails, the others are cancelled, and "
            "the error arrives in an ExceptionGroup: catch it with except*."
        ),
        Cast(couple=mistakes4.gathering_couple, fountain=True, arrivals=mistakes4.fountain_breaks),
        Cast(couple=grouped_couple, fountain=True, arrivals=mistakes4.fountain_breaks),
        mistakes4.gathering_couple,
        grouped_couple,
        False,
        N_(
            "A TaskGroup waits for every task it started, cancels the rest at the first "
            "failure, and raises what failed together, in an ExceptionGroup. A plain except "
            "RuntimeError does not catch the group: except* RuntimeError does."
        ),
        parts=("couple",),
        goals=(G.RUNS, G.NO_ORPHANS, G.NOTHING_FOR_NOBODY, G.TOGETHER),
        why=N_(
            "gather without return_exceptions raises the first error to its awaiter at once; "
            "the other awaitables are not cancelled and go on running."
        ),
        proof=N_(
            "With gather, {broken_orphans} errands ran on after their couple had gone and "
            "{broken_for_nobody} trays were fetched for nobody; with a TaskGroup, "
            "{fixed_orphans} and {fixed_for_nobody}."
        ),
        proof_row="orphans",
        python=(3, 11),
        python_why=N_("TaskGroup and except* came with Python 3.11"),
    ),
)
BY_NAME = {level.name: level for level in LEVELS}
NAMES = tuple(BY_NAME)

# The kitchen: not a mistake to find but the whole concurrent shop to rewrite, every actor
# editable, with the story's own day as the figures to beat (a sandbox from the menu).
KITCHEN = Level(
    0,
    "kitchen",
    N_("The kitchen: write every actor yourself"),
    N_("everyone"),
    "",
    (),
    0,
    N_("Your shop: every actor runs the code you wrote."),
    N_("Beat the story's day: everyone served, the loop never held, short waits."),
    Cast(),
    Cast(),
    actors.cook,
    actors.cook,
    True,
    parts=("cashier", "cook", "couple", "arrivals"),
    goals=(G.RUNS, G.LOOP_FREE, G.EVERYONE_SERVED, G.mean_wait(23.0)),
)
PLAYABLE = {**BY_NAME, KITCHEN.name: KITCHEN}  # what --level NAME --code FILE accepts


def needs_python(level: Level, version: tuple[int, ...] = sys.version_info[:3]) -> str:
    """Why ``level`` cannot be played on this Python ("" when it can)."""
    if tuple(version[:2]) >= level.python:
        return ""
    need = ".".join(map(str, level.python))
    have = ".".join(map(str, version[:3]))
    return _("level {name} needs Python {need} or newer ({why}); this is Python {have}").format(
        name=level.name, need=need, why=_(level.python_why), have=have
    )


def level_named(name: str) -> Level:
    """The level called ``name``; KeyError's message lists the levels."""
    try:
        return PLAYABLE[name]
    except KeyError:
        raise KeyError(f"unknown level {name!r} (choose {', '.join(PLAYABLE)})") from None


def build(level: Level, fixed: bool, config: ShopConfig = LEVEL_CONFIG, **kw: Any) -> Shop:
    """The level's shop, at virtual time 0: its mistake, or its fix."""
    cast = level.fixed if fixed else level.broken
    return Shop(replace(config, mode="concurrent"), cast=cast, **kw)


@dataclass
class Result:
    """A level's day, played to its end."""

    level: str
    fixed: bool
    metrics: Metrics
    outcome: Outcome
    python_said: list[str] = field(default_factory=list)  # warnings Python raised
    goals: list[G.GoalResult] = field(default_factory=list)  # the level's goals, judged
    problems: list[str] = field(default_factory=list)  # actors that raised, with the error
    figures: dict[str, Any] = field(default_factory=dict)  # what the goals read (goals.py)

    @property
    def solved(self) -> bool:
        return bool(self.goals) and all(g.met for g in self.goals)

    def as_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "fixed": self.fixed,
            "solved": self.solved,
            "goals": [g.as_dict() for g in self.goals],
            "problems": self.problems,
            **self.outcome.as_dict(),
            "metrics": self.metrics.as_dict(),
            "python_said": self.python_said,
        }


def finish(shop: Shop) -> list[str]:
    """Close a level's shop and let it go, collecting what Python says as its objects die
    (an un-awaited coroutine warns only when it is destroyed: ``gc.collect`` makes that
    happen now, inside ``catch_warnings``, not at some later moment; a coroutine that
    swallows the ``GeneratorExit`` of its closing is "Exception ignored" on stderr)."""
    ignored: list[str] = []

    def heard(info: Any) -> None:
        where = getattr(info.object, "__qualname__", type(info.object).__name__)
        error = info.exc_value
        ignored.append(f"Exception ignored in {where}: {type(error).__name__}: {error}")

    hook, sys.unraisablehook = sys.unraisablehook, heard
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            shop.kernel.close()
            shop.__dict__.clear()  # drop every reference the shop holds, cycles and all
            gc.collect()
    finally:
        sys.unraisablehook = hook
    return [f"{w.category.__name__}: {w.message}" for w in caught] + ignored


def crashes(shop: Shop) -> list[str]:
    """Each actor that raised, named, with Python's own last line for it."""
    return [
        f"{task.name}: {type(task.error).__name__}: {task.error}"
        for task in shop.kernel.crashes
        if task.error is not None
    ]


def play(name: str, fixed: bool = False, config: ShopConfig = LEVEL_CONFIG) -> Result:
    """Play a level's day to its end, headless, and judge it by the level's goals (the
    same goals the learner's own code is judged by)."""
    level = level_named(name)
    missing = needs_python(level)
    if missing:
        raise RuntimeError(missing)
    shop = build(level, fixed, config, strict=False)
    failed = asyncio.FailedTasks()
    shop.kernel.add_instrument(failed)
    G.record(shop)
    shop.fast_forward(None, limit=LEVEL_LIMIT)
    metrics, out = measure(shop), outcome(shop)
    problems = crashes(shop)
    evidence = G.Evidence(problems)
    cast = level.fixed if fixed else level.broken
    values = G.figures(shop, evidence, cast.fountain)
    logged = failed.said()  # asyncio's log as the failed tasks are let go
    del failed
    said = finish(shop) + logged
    evidence.python_said = said
    values["unawaited"] = sum("never awaited" in s for s in said)
    values["unretrieved"] = len(logged)
    checked = G.check(level.goals, values, evidence)
    return Result(level.name, fixed, metrics, out, said, checked, problems, values)
