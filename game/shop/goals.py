"""A level's goals, checked by what the day did, never by what the code looks like.

A goal is data (``Goal``, listed in each level of ``levels.py``): a sentence for the
checklist, the figure it reads, and the bound the figure must keep. The figures come from
the model's own records after the run: the kernel's blocking calls, each couple's times
(heard from ``Shop.on_depart``, and those still inside at the end), what Python said as the
day's objects died, and the problems found in the learner's code. So a level is solved
however the code is written, as long as the shop then does what the goals say.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..i18n import N_, _
from ..scheduler import CANCELLED, blocking
from .people import recipe_for
from .places import DrinksFountain

if TYPE_CHECKING:
    from .people import Couple
    from .world import Shop

LOOP_TICK = 1 / 60  # the app's fixed tick (game/app/clock.py): "held for one tick at most"


@dataclass(frozen=True)
class Goal:
    """One line of a level's checklist. Met when ``figure`` is at most ``most`` (or at
    least ``least``). ``text`` and ``why`` are ``N_`` strings, formatted with ``limit``
    and ``figure``."""

    name: str  # stable, for --json: "loop-free"
    text: str
    figure: str  # a key of ``figures()``
    why: str  # said when unmet
    most: float | None = None
    least: float | None = None

    @property
    def limit(self) -> float | None:
        return self.most if self.most is not None else self.least

    def met_by(self, value: float) -> bool:
        if self.most is not None and not value <= self.most:
            return False
        return not (self.least is not None and not value >= self.least)


@dataclass(frozen=True)
class GoalResult:
    name: str
    text: str  # in the player's language
    met: bool
    figure: float | int | str
    why: str = ""  # unmet: why, with the figure

    def as_dict(self) -> dict[str, Any]:
        figure = self.figure
        if isinstance(figure, float):
            figure = round(figure, 2) if math.isfinite(figure) else None
        return {
            "name": self.name,
            "met": self.met,
            "figure": figure,
            "text": self.text,
            "why": self.why,
        }


# -- the goals levels use ---------------------------------------------------------------------
RUNS = Goal(
    "runs",
    N_("your code runs without an error"),
    "problems",
    N_("{problem}"),
    most=0,
)
LOOP_FREE = Goal(
    "loop-free",
    N_("the loop is never held for more than one tick"),
    "longest_block",
    N_("the loop was held for {figure:.1f} s at once ({what})"),
    most=LOOP_TICK,
)
EVERYONE_SERVED = Goal(
    "everyone-served",
    N_("every couple gets their burgers"),
    "never_served",
    N_("{figure} of {arrived} couples never got their burgers"),
    most=0,
)
YOU_SERVED = Goal(
    "you-served",
    N_("you and your crush get your burgers"),
    "protagonist_unserved",
    N_("you and your crush never got your burgers"),
    most=0,
)
ALL_AWAITED = Goal(
    "all-awaited",
    N_("every coroutine you make is awaited (Python says nothing)"),
    "unawaited",
    N_("Python said: {said}"),
    most=0,
)
RETRIEVED = Goal(
    "retrieved",
    N_("every task's outcome is awaited or checked (Python logs nothing)"),
    "unretrieved",
    N_("Python said: {said}"),
    most=0,
)
RECIPES = Goal(
    "recipes",
    N_("every order's recipe is worked out"),
    "recipes_missing",
    N_("{figure} of {orders} orders had no recipe worked out (or the wrong one)"),
    most=0,
)
TOGETHER = Goal(
    "together",
    N_("burgers and drinks are fetched at the same time"),
    "one_after_another",
    N_("{figure} couples fetched the drinks only after the burgers"),
    most=0,
)
BOTH_IN_HAND = Goal(
    "both-in-hand",
    N_("every couple gets burgers and drinks"),
    "never_both",
    N_("{figure} of {arrived} couples never had both"),
    most=0,
)


CLOSES = Goal(
    "closes",
    N_("the shop closes at closing time: every task stops once it is cancelled"),
    "closing_delay",
    N_("the shop was still open {figure:.0f} s after closing time"),
    most=1.0,
)
CANCEL_THROUGH = Goal(
    "cancel-through",
    N_("the cancellation goes through: each cancelled task ends cancelled"),
    "swallowed",
    N_("{figure} cancelled task(s) swallowed the CancelledError"),
    most=0,
)
GRILL_CLEAN = Goal(
    "grill-clean",
    N_("nothing is left on the grill when the cook stops"),
    "left_on_grill",
    N_("{figure} order(s) left on the grill: no clean-up ran as the cook stopped"),
    most=0,
)

NO_ORPHANS = Goal(
    "no-orphans",
    N_("no errand runs on after its couple has gone"),
    "orphans",
    N_("{figure} errand(s) ran on after their couple had gone"),
    most=0,
)
NOTHING_FOR_NOBODY = Goal(
    "nothing-for-nobody",
    N_("no burgers are fetched for a couple who will not eat them"),
    "for_nobody",
    N_("{figure} tray(s) of burgers fetched for nobody"),
    most=0,
)


def mean_wait(most: float) -> Goal:
    return Goal(
        "mean-wait",
        N_("couples wait {limit:.0f} s or less on average, from paying to having it all"),
        "mean_wait",
        N_("they waited {figure:.1f} s on average"),
        most=most,
    )


def longest_wait(most: float) -> Goal:
    return Goal(
        "longest-wait",
        N_("no couple waits more than {limit:.0f} s from paying to having it all"),
        "longest_wait",
        N_("one couple waited {figure:.1f} s"),
        most=most,
    )


# -- the records ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Visit:
    """What the goals read of one couple's day."""

    index: int
    protagonist: bool
    arrived: float
    paid: float | None
    served: float | None  # burgers in hand
    drinks: float | None  # level 4: drinks in hand
    recipe_ok: bool | None  # level 3: None when they never ordered
    drinks_from: float | None = None  # level 4: set off for the drinks

    def everything(self, wants_drinks: bool) -> float | None:
        if self.served is None:
            return None
        if wants_drinks:
            return None if self.drinks is None else max(self.served, self.drinks)
        return self.served


def _visit(couple: Couple) -> Visit:
    order = couple.order
    recipe_ok = None
    if order is not None:
        worker = blocking.Worker("goals")  # the right recipe, worked out off any loop
        blocking._WORKERS.append(worker)
        try:
            recipe_ok = bool(order.recipe) and order.recipe == recipe_for(order)
        finally:
            blocking._WORKERS.pop()
    return Visit(
        couple.index,
        couple.protagonist,
        couple.arrived,
        couple.ordered_at,
        couple.served_at,
        couple.drinks_at,
        recipe_ok,
    )


class _WatchedFountain(DrinksFountain):
    """Level 4's fountain, noting when each couple sets off for it: the drinks errand
    begins where it reads the fountain's ``spot`` (the task's actor is the couple)."""

    started: dict[int, float]
    kernel: Any

    @property
    def spot(self) -> tuple[float, float]:
        task = self.kernel.current
        index = getattr(getattr(task, "actor", None), "index", None)
        if index is not None and index not in self.started:
            self.started[index] = self.kernel.now
        return self.__dict__["spot"]

    @spot.setter
    def spot(self, value: tuple[float, float]) -> None:
        self.__dict__["spot"] = value


class Records:
    """Every couple's ``Visit``, heard as they leave (``Shop.on_depart``), and when each
    set off for the drinks (level 4)."""

    def __init__(self, shop: Shop) -> None:
        self.gone: list[Visit] = []
        self.drinks_started: dict[int, float] = {}
        self.orphans = 0  # level 11: a couple's errands still running as they left
        self.uneaten = 0  # ... couples who had their burgers and left without eating them
        shop.on_depart.append(self._departed)
        fountain = shop.fountain
        if fountain is not None:
            fountain.__class__ = _WatchedFountain
            fountain.started = self.drinks_started  # type: ignore[attr-defined]
            fountain.kernel = shop.kernel  # type: ignore[attr-defined]

    def _departed(self, couple: Couple) -> None:
        self.gone.append(self._visit(couple))
        kernel = couple.shop.kernel  # (not kept: the records must not keep the day alive)
        self.orphans += sum(
            t.actor is couple and t.alive and t is not kernel.current for t in kernel.tasks
        )
        self.uneaten += couple.served_at is not None and couple.burgers_eaten == 0

    def _visit(self, couple: Couple) -> Visit:
        return replace(_visit(couple), drinks_from=self.drinks_started.get(couple.index))

    def visits(self, shop: Shop) -> list[Visit]:
        inside = [self._visit(c) for c in shop.couples]
        return sorted([*self.gone, *inside], key=lambda v: v.index)


_RECORDS: WeakKeyDictionary[Shop, Records] = WeakKeyDictionary()


def record(shop: Shop) -> Records:
    """Start keeping the goals' records of ``shop`` (before it runs)."""
    records = _RECORDS.get(shop)
    if records is None:
        records = _RECORDS[shop] = Records(shop)
    return records


@dataclass
class Evidence:
    """What the day left besides the shop: problems in the learner's code (their
    one-line descriptions) and what Python said as the day's objects died."""

    problems: list[str] = field(default_factory=list)
    python_said: list[str] = field(default_factory=list)


def figures(shop: Shop, evidence: Evidence, wants_drinks: bool) -> dict[str, Any]:
    """The level's figures, read from the day's records."""
    visits = record(shop).visits(shop)
    now = shop.now
    waits = []
    for v in visits:
        if v.paid is None:
            continue
        end = v.everything(wants_drinks)
        waits.append((end if end is not None else now) - v.paid)
    blocks = shop.kernel.blocks
    longest = max(blocks, key=lambda b: b.seconds, default=None)
    ordered = [v for v in visits if v.recipe_ok is not None]
    unawaited = [s for s in evidence.python_said if "never awaited" in s]
    return {
        "arrived": len(visits),
        "served": sum(v.served is not None for v in visits),
        "never_served": sum(v.served is None for v in visits),
        "never_both": sum(v.everything(True) is None for v in visits),
        "protagonist_unserved": sum(v.protagonist and v.served is None for v in visits),
        "mean_wait": sum(waits) / len(waits) if waits else math.inf,
        "longest_wait": max(waits, default=math.inf),
        "longest_block": longest.seconds if longest is not None else 0.0,
        "longest_block_what": longest.what if longest is not None else "",
        "blocked_seconds": shop.kernel.blocked,
        "orders": len(ordered),
        "recipes_missing": sum(not v.recipe_ok for v in ordered),
        "one_after_another": sum(  # the drinks errand began only once the burgers came
            v.served is not None and (v.drinks_from is None or v.drinks_from >= v.served)
            for v in visits
            if v.drinks is not None
        ),
        "unawaited": len(unawaited),
        "unretrieved": sum("never retrieved" in s for s in evidence.python_said),
        "problems": len(evidence.problems),
        "time": now,
        "orphans": record(shop).orphans,
        "for_nobody": shop.for_nobody + record(shop).uneaten,
        **closing_figures(shop),
    }


def closing_figures(shop: Shop) -> dict[str, Any]:
    """Level 10: how the shop's closing went (all 0 where nobody closes the shop)."""
    closing_at, closed_at = shop.closing_at, shop.closed_at
    if closing_at is None:
        return {"closing_delay": 0.0, "swallowed": 0, "left_on_grill": 0, "cooked_after": 0}
    return {
        "closing_delay": (closed_at if closed_at is not None else shop.now) - closing_at,
        "swallowed": sum(task.state != CANCELLED for task in shop.closing_staff),
        "left_on_grill": len(shop.cooking),
        "cooked_after": sum(t > closing_at for t, _number in shop.display.history),
    }


SAYS = {"unawaited": "never awaited", "unretrieved": "never retrieved"}  # what each counts


def check(goals: tuple[Goal, ...], values: dict[str, Any], evidence: Evidence) -> list[GoalResult]:
    """Each goal met or not, with its figure and, if unmet, why (in the player's language)."""
    results = []
    for goal in goals:
        value = values[goal.figure]
        met = goal.met_by(value)
        why = ""
        if not met:
            why = _(goal.why).format(
                figure=value,
                limit=goal.limit,
                arrived=values["arrived"],
                orders=values["orders"],
                what=values["longest_block_what"],
                problem=evidence.problems[0] if evidence.problems else "",
                said=next((s for s in evidence.python_said if SAYS[goal.figure] in s), "")
                if goal.figure in SAYS
                else "",
            )
        figure = evidence.problems[0] if goal.figure == "problems" and not met else value
        results.append(
            GoalResult(goal.name, _(goal.text).format(limit=goal.limit), met, figure, why)
        )
    return results
