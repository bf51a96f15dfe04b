"""The story beats the protagonist couple lives through, in plain words (our own captions).

Codes follow ``shared/reference/STORY.md``: C1-C7 for the concurrent shop, P1-P6 for the
parallel one. Story mode pauses on each; the HUD narrates them.
"""

from __future__ import annotations

from dataclasses import dataclass

BEATS: dict[str, str] = {
    "C1": "You and your crush join the line. The cashier only takes orders, so it moves fast.",
    "C2": "Your turn! You ask for two fancy burgers, one for each of you.",
    "C3": "The cashier passes your order to the cook, who is still busy with earlier ones.",
    "C4": "You pay and get a ticket with your turn number.",
    "C5": "You sit at a table and talk. Now and then you glance at the ORDER READY board.",
    "C6": "Your number is up! You finish your sentence, then fetch the tray.",
    "C7": "You eat together, happily. Waiting time became time together.",
    "P1": "You join the line. Every customer ahead of you stands at a counter, waiting.",
    "P2": "Your turn! You order two burgers and pay.",
    "P3": "Your cashier leaves the counter to cook your burgers himself.",
    "P4": "No turn numbers here: you must stand at the counter, or someone could grab them.",
    "P5": "Standing, watching, no time for each other... at last he brings the burgers.",
    "P6": "You carry the burgers to a table and just eat. Not much of a date.",
}

LESSONS: dict[str, str] = {
    "concurrent": (
        "Concurrent: one cashier and one cook kept everyone served, and every wait "
        "became time to do something else - like await lets a program switch tasks."
    ),
    "parallel": (
        "Parallel: eight workers each did the whole job, but every customer had to stand "
        "and wait, blocked - more workers did not make the waiting useful."
    ),
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
