"""What the scene sounds like, read from the model like everything the view draws.

Each frame the listener looks at what changed in virtual time since the last frame (the
shop's event log, who is cooking, who is talking, who is mopping) and names the sounds:
one-shots for what just happened, loops for what is going on. No pygame, no mixer: the
app's sound player plays them; tests read them directly. The model is never touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..house import House
from ..shop import Shop

# the first word of a shop log line -> the one-shot it makes
LOG_SOUNDS = {"arrives": "door", "orders": "till", "shows": "ding"}
ONE_SHOTS = ("door", "till", "ding")
LOOPS = ("sizzle", "murmur", "broom")


@dataclass
class Cues:
    shots: list[str] = field(default_factory=list)  # each at most once per frame
    loops: set[str] = field(default_factory=set)


class Listener:
    """Remembers what it has heard, so each event sounds once."""

    def __init__(self) -> None:
        self.world: int | None = None
        self.heard_until = 0.0

    def hear(self, world: Shop | House | None) -> Cues:
        if world is None:  # a scene with no model on screen (the level menu): quiet
            self.world = None
            return Cues([], set())
        now = world.now
        if id(world) != self.world or now < self.heard_until:
            # another shop, another scene, a restart: start listening from here
            self.world, self.heard_until = id(world), now
        since, self.heard_until = self.heard_until, now
        if isinstance(world, House):
            return Cues([], {"broom"} if world.mopping_now() else set())
        return Cues(self._shots(world, since, now), self._loops(world))

    @staticmethod
    def _shots(shop: Shop, since: float, now: float) -> list[str]:
        shots: list[str] = []
        for t, _, what in reversed(shop.log):  # newest first: stop at what was heard
            if t <= since:
                break
            if t <= now:
                sound = LOG_SOUNDS.get(what.split(" ", 1)[0])
                if sound is not None and sound not in shots:
                    shots.append(sound)
        return [s for s in ONE_SHOTS if s in shots]

    @staticmethod
    def _loops(shop: Shop) -> set[str]:
        loops = set()
        if any(staff.timeline.current == "cooking" for staff in shop.staff):
            loops.add("sizzle")
        if any(couple.phase == "flirting" for couple in shop.couples):
            loops.add("murmur")
        return loops
