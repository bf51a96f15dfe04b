"""The story, as a table: each step a couple lives through, and the beats of the comic.

``STEPS`` says, for each shop, what each step of a couple's story means: the timeline
phase it starts (the metrics and the inspector read these), the caption the HUD shows, and
the comic's beat when the protagonist lives it. The verbs in ``couple.py`` and
``places.py`` call ``Couple.reach(step)``, so no actor has to keep these three in step.

Beat codes follow ``shared/reference/STORY.md``: C1-C7 for the concurrent shop, P1-P6 for
the parallel one. Story mode pauses on each; the HUD narrates them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import N_
from .config import CONCURRENT, PARALLEL

BEATS: dict[str, str] = {
    "C1": N_("You and your crush join the line. The cashier only takes orders, so it moves fast."),
    "C2": N_("Your turn! You ask for two fancy burgers, one for each of you."),
    "C3": N_("The cashier passes your order to the cook, who is still busy with earlier ones."),
    "C4": N_("You pay and get a ticket with your turn number."),
    "C5": N_("You sit at a table and talk. Now and then you glance at the ORDER READY board."),
    "C6": N_("Your number is up! You finish your sentence, then fetch the tray."),
    "C7": N_("You eat together, happily. Waiting time became time together."),
    "P1": N_(
        "You join the line. Eight cashier-cooks, eight counters: each customer ahead will "
        "stay at a counter until their own burgers come."
    ),
    "P2": N_("Your turn! You order two burgers and pay."),
    "P3": N_("Your cashier leaves the counter to cook your burgers himself."),
    "P4": N_("No turn numbers here: you must stand at the counter, or someone could grab them."),
    "P5": N_("Standing, watching, no time for each other... at last he brings the burgers."),
    "P6": N_("You carry the burgers to a table and just eat. Not much of a date."),
}

LESSONS: dict[str, str] = {
    "concurrent": N_(
        "Concurrent: one cashier and one cook kept everyone served, and every wait "
        "became time to do something else - like await lets a program switch tasks."
    ),
    "parallel": N_(
        "Parallel: eight workers each did the whole job, but every customer had to stand "
        "and wait, blocked - more workers did not make the waiting useful."
    ),
}


@dataclass(frozen=True)
class Step:
    """One step of a couple's story. ``None`` leaves the phase or the caption as it was;
    ``{number}`` in a caption is the couple's turn number."""

    phase: str | None = None
    caption: str | None = None
    beat: str | None = None


STEPS: dict[str, dict[str, Step]] = {
    CONCURRENT: {
        "line": Step("in line", N_("standing in line; the cashier only takes orders"), "C1"),
        "order": Step("ordering", N_("ordering two fancy burgers"), "C2"),
        "passed": Step(beat="C3"),  # the cashier calls the order to the cook
        "answered": Step(beat="C4"),  # ... and hands over the ticket
        "sit": Step("flirting", N_("holding ticket #{number}: time to talk")),
        "seated": Step(beat="C5"),
        "number up": Step("fetching", N_("#{number} is ready: fetching the tray"), "C6"),
        "eat": Step("eating", N_("eating together"), "C7"),
        "leave": Step("leaving", N_("leaving the shop")),
    },
    PARALLEL: {
        "line": Step("in line", N_("standing in line; everyone ahead guards a counter"), "P1"),
        "order": Step("ordering", N_("ordering two fancy burgers"), "P2"),
        "answered": Step(beat="P3"),  # "wait here": he leaves to cook
        "guard": Step("standing", N_("no number: they must guard the counter"), "P4"),
        "served": Step(beat="P5"),
        "sit": Step("eating", N_("eating, barely talking")),
        "seated": Step(beat="P6"),
        "eat": Step("eating", N_("eating together")),
        "leave": Step("leaving", N_("leaving the shop")),
    },
}


@dataclass(frozen=True)
class Beat:
    """One story beat as it happened: when, which, and the caption."""

    time: float
    code: str

    @property
    def caption(self) -> str:
        return BEATS[self.code]


def story_order(mode: str) -> list[str]:
    prefix = "C" if mode == "concurrent" else "P"
    return [code for code in BEATS if code.startswith(prefix)]
