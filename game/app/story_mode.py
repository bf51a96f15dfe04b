"""Story mode: play the protagonist couple's story beat by beat, first in the concurrent
shop, then in the parallel one, pausing at each beat until the viewer presses SPACE."""

from __future__ import annotations

from dataclasses import dataclass

from ..shop import CONCURRENT, PARALLEL, Shop
from ..shop.story import BEATS, LESSONS, story_order


@dataclass(frozen=True)
class Card:
    """What the story card says now: a beat, a shop's lesson, or both lessons at the end."""

    kind: str  # "beat", "lesson", "end"
    mode: str
    code: str
    text: str


CALM_SECONDS = 4.0  # virtual seconds after a card at the chosen speed: the beat plays out
EMPTY_PACE = 3.0  # then this much faster until the next beat
HURRY_PACE = 8.0  # SPACE between cards: this much faster, to the next beat


class StoryMode:
    STAGES = (CONCURRENT, PARALLEL)

    def __init__(self) -> None:
        self.stage = 0
        self.shown = 0  # beats of the current shop already acknowledged
        self.card: Card | None = None
        self.finished = False
        self.resumed_at = 0.0  # virtual time the viewer last went on from a card
        self.hurry = False  # SPACE between cards: on to the next beat, quickly

    def pace(self, now: float) -> float:
        """How much faster than the chosen speed the story runs now: a presenter never waits
        through an empty stretch. Just after a card, as chosen (the beat plays out); then
        ``EMPTY_PACE`` times faster; after SPACE between cards, ``HURRY_PACE``."""
        if self.card is not None or self.finished:
            return 1.0
        if self.hurry:
            return HURRY_PACE
        return EMPTY_PACE if now - self.resumed_at > CALM_SECONDS else 1.0

    @property
    def mode(self) -> str:
        return self.STAGES[min(self.stage, len(self.STAGES) - 1)]

    def check(self, shop: Shop) -> bool:
        """After each tick: True (and a card) when a new beat has just happened."""
        if self.card is not None or self.finished or shop.config.mode != self.mode:
            return self.card is not None
        if len(shop.beats) > self.shown:
            code = shop.beats[self.shown].code
            self.card = Card("beat", self.mode, code, BEATS[code])
            self.hurry = False
            return True
        return False

    def sync(self, shop: Shop, ticks: int, tick: float) -> None:
        """After a seek to tick ``ticks``: the card that is up at that moment in forward play.

        Beats before this tick count as acknowledged; a beat recorded on this very tick is
        the card up now (the story stopped on it); past the shop's last beat, its lesson."""
        if self.finished or shop.config.mode != self.mode:
            return
        if self.card is not None and self.card.kind == "end":
            return
        before = (ticks - 1) * tick  # the clock at the end of the previous tick
        self.shown = sum(1 for beat in shop.beats if beat.time <= before)
        self.card = None
        if self.shown >= len(story_order(self.mode)):
            self.shown = len(story_order(self.mode))
            self.card = Card("lesson", self.mode, "", LESSONS[self.mode])
        else:
            self.check(shop)

    def advance(self) -> bool:
        """SPACE on a card. Returns True when the next shop's story must start afresh."""
        card, self.card = self.card, None
        if card is None:
            return False
        if card.kind == "beat":
            self.shown += 1
            if self.shown == len(story_order(self.mode)):
                self.card = Card("lesson", self.mode, "", LESSONS[self.mode])
            return False
        if card.kind == "lesson":
            if self.stage + 1 < len(self.STAGES):
                self.stage += 1
                self.shown = 0
                return True
            both = "  ".join(LESSONS[m] for m in self.STAGES)
            self.card = Card("end", self.mode, "", both)
            return False
        self.finished = True
        return False
