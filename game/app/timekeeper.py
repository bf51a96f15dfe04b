"""The day's time: the worlds, the tick they move in, and every way of moving it.

Both shops and both houses are simulated in lockstep from the same seed, so TAB (or the
split screen) compares the same couples at the same virtual moment. The model only ever
moves in whole ticks of ``TICK`` virtual seconds: a slow frame runs more ticks, never a
longer one, and pausing stops the ticks altogether. Seeking, one tick back, HOME, the
story's beats and the timeline's marks are all here. The live worlds only ever go forward,
recording as they go: a moment already lived is read back from their records
(``rewind.past_worlds``), so seeking back, a held LEFT and a timeline drag re-run nothing,
whatever panel is open.
Scenes ask this object; it knows no scene, no key, no panel.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from ..house import House, HouseConfig
from ..i18n import _
from ..scheduler.awaits_record import AwaitsRecord
from ..scheduler.journal import Journal
from ..shop import CONCURRENT, MODES, PARALLEL, Shop, ShopConfig
from ..shop.people import Couple
from ..shop.story import Beat
from .clock import FPS, TICK, tick_of
from .follow import Follow, resolve
from .rewind import past_worlds, release
from .story_mode import StoryMode

SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
MAX_FRAME = 0.25  # a frame longer than this (a drag, a debugger) is not caught up
BEAT_SEARCH = 10 * 60 * FPS  # ticks ``]`` runs on at most, looking for a next beat
PRUNE_EVERY = 600  # ticks: finished tasks are forgotten on these ticks (memory stays flat)

Worlds = tuple[dict[str, Shop], dict[str, House]]


def build_worlds(config: ShopConfig, *, record: bool = False) -> Worlds:
    """The game's worlds at virtual time 0, all from the one seed: both shops, both houses;
    ``record``: each keeps a journal of its changes, so its past can be drawn again."""

    def journal() -> Journal | None:
        return Journal(tick_of) if record else None

    shops = {m: Shop(config.with_mode(m), strict=False, journal=journal()) for m in MODES}
    houses = {
        m: House(HouseConfig(mode=m, seed=config.seed), strict=False, journal=journal())
        for m in MODES
    }
    for shop in shops.values():
        shop.kernel.record_handovers(maxlen=64)  # the inspector's hand-over log
        shop.record_wakes()  # who woke whom: the scene's arrows
    if record:  # what the coroutine panels read (await points, queues, hand-overs)
        for world in [*shops.values(), *houses.values()]:
            AwaitsRecord.watch(world.journal, world.kernel)
    return shops, houses


def run_worlds(
    shops: dict[str, Shop],
    houses: dict[str, House],
    start: int,
    ticks: int,
    *,
    freeze: bool = False,
) -> None:
    """Run worlds that are at tick ``start`` on to tick ``ticks``, in as few chunks as the
    prune ticks allow.

    A kernel run to t in one ``run_until`` is the same run as tick by tick (wake-ups go in
    (time, sequence) order either way; ``tests/app/test_timetravel.py`` proves it), so only
    the ticks where finished tasks are forgotten cut the run into chunks. ``freeze``: after
    each chunk, what the process holds is frozen out of the cyclic collector's sight
    (``gc.freeze``, as the day's own run does: its records only grow, and its full passes
    over them would cost a long run as much as the records themselves)."""
    while start < ticks:
        stop = min(ticks, (start // PRUNE_EVERY + 1) * PRUNE_EVERY)
        for house in houses.values():
            house.kernel.run_until(stop * TICK)
        for shop in shops.values():
            shop.kernel.run_until(stop * TICK)
            if stop % PRUNE_EVERY == 0:
                shop.kernel.prune()
        if freeze:
            gc.freeze()
        start = stop


PAUSE = "pause first"  # the notice a step key gives while the day runs, gone on a pause


def _quiet(text: str, error: bool = False, reason: str | None = None) -> None:
    """Where notices go when nobody shows them (a ``Time`` on its own, in a script)."""


class Time:
    """The worlds and their clock: ``play`` turns wall time into ticks, ``seek`` goes to any
    tick, ``step_back`` and a held LEFT go backwards, ``jump_beat`` follows the story.

    ``say`` shows a notice (the overlay's); ``on_restart`` / ``on_seek`` tell whoever
    keeps views of the worlds that they were rebuilt or moved."""

    run_worlds = staticmethod(run_worlds)

    def __init__(
        self,
        config: ShopConfig,
        *,
        speed: float = 1.0,
        say: Callable[..., None] = _quiet,
    ) -> None:
        self.config = config
        self.mode = config.mode
        self.speed = min(SPEEDS, key=lambda s: abs(s - speed))
        self.paused = False
        self.held_for = 0.0  # wall seconds a repeat key has been held
        self.story: StoryMode | None = None
        self._frozen = False  # the day's objects out of the collector's sight (see _run_to)
        self.say = say
        self.unsay: Callable[[str], None] = lambda reason: None  # a notice's reason is gone
        self.on_restart: Callable[[], None] = lambda: None
        self.on_seek: Callable[[], None] = lambda: None
        self.on_story_end: Callable[[], None] = lambda: None  # the story's last card is gone
        self.follow: Callable[[], Follow] = lambda: None  # who the marks are about
        self.live: Worlds = ({}, {})  # the worlds at the furthest tick, recording
        self.restart()

    # -- the worlds -------------------------------------------------------------------
    def restart(self) -> None:
        """A fresh day: both shops from the same seed, virtual time 0."""
        self._thaw()
        self.horizon = 0  # the furthest tick this day has been run to
        self._marks: dict[str, tuple[list[Beat], list[tuple[float, int]]]] = {}
        self._horizon_shops: dict[str, Shop] = {}
        self._build_worlds()
        self.reported_crashes = 0
        self.on_restart()

    def _build_worlds(self) -> None:
        """Both shops and both houses at virtual time 0, recording; the old ones closed."""
        self.close()
        self.live = build_worlds(self.config, record=True)
        self._past: tuple[int, Worlds] | None = None
        self.ticks = 0
        self.accumulator = 0.0

    def close(self) -> None:
        """Stop both shops and houses: every coroutine is closed now (its ``finally`` runs).
        Not after Ctrl-C struck mid-tick: a kernel interrupted inside its own code is left."""
        self._thaw()
        shops, houses = self.live
        for shop in shops.values():
            shop.kernel.close()
        for house in houses.values():
            house.close()

    @property
    def worlds(self) -> Worlds:
        """The day at the tick shown: the live worlds at the furthest tick run, else the
        day as it was then, read back from its records (``rewind.past_worlds``)."""
        if self.ticks >= self.horizon:
            return self.live
        if self._past is None or self._past[0] != self.ticks:
            if self._past is not None:
                release(self._past[1])  # its ghosts go as soon as nobody holds one
            self._past = (self.ticks, past_worlds(self.live, self.ticks))
        return self._past[1]

    @property
    def shops(self) -> dict[str, Shop]:
        return self.worlds[0]

    @property
    def houses(self) -> dict[str, House]:
        return self.worlds[1]

    @property
    def shop(self) -> Shop:
        return self.shops[self.mode]

    @property
    def house(self) -> House:
        return self.houses[self.mode]

    @property
    def now(self) -> float:
        return self.ticks * TICK

    def switch_mode(self) -> None:
        self.mode = PARALLEL if self.mode == CONCURRENT else CONCURRENT

    # -- moving on --------------------------------------------------------------------
    def step(self) -> None:
        """Exactly one tick of virtual time, for both shops and both houses."""
        self._run_to(self.ticks + 1)
        self._report_crashes()
        if self.story is not None and self.story.check(self.shop):
            self.paused = True

    def _run_to(self, ticks: int) -> None:
        """Show tick ``ticks``: a moment already lived is read back from the records; only
        further than the day has been do the live worlds run on (the marks with them)."""
        if ticks > self.horizon:
            shops, houses = self.live
            # the day's records only ever grow, and hold all it did: out of the cyclic
            # collector's sight until the day ends, or its full passes over a long day's
            # heap would stall frames (what dies meanwhile is still freed as it goes)
            run_worlds(shops, houses, self.horizon, ticks, freeze=True)
            self._frozen = True
            self.horizon = ticks
            self._marks = {m: (s.beats, s.display.history) for m, s in shops.items()}
            self._horizon_shops = dict(shops)  # where the followed couple's beats run on
        self.ticks = ticks

    def advance_to(self, seconds: float) -> None:
        while self.now + 1e-9 < seconds:
            self.step()

    def play(self, wall_dt: float) -> None:
        """Turn wall time into whole ticks of virtual time (none while paused)."""
        if self.paused:
            return
        pace = self.story.pace(self.now) if self.story is not None else 1.0
        self.accumulator += min(wall_dt, MAX_FRAME) * self.speed * pace
        ticks = int(self.accumulator / TICK + 1e-9)
        self.accumulator -= ticks * TICK
        for _tick in range(ticks):
            self.step()
            if self.paused:  # story mode stopped on a beat: stay exactly on that tick
                self.accumulator = 0.0
                break

    def _report_crashes(self) -> None:
        shops, houses = self.live  # a crash is told when it happens, at the furthest tick
        worlds = [*shops.values(), *houses.values()]
        if sum(len(world.kernel.crashes) for world in worlds) == self.reported_crashes:
            return  # the usual case, every tick: nothing new
        crashes = [t for world in worlds for t in world.kernel.crashes]
        for task in crashes[self.reported_crashes :]:
            print(task.traceback, file=sys.stderr, end="")
            print(f"actor {task.name!r} crashed: {task.error!r}", file=sys.stderr)
            self.paused = True
        self.reported_crashes = len(crashes)

    # -- time travel ------------------------------------------------------------------
    def seek(self, ticks: int) -> None:
        """Show the day at tick ``ticks``: everything (sprites, HUD, panels, story card) as
        it was then. A moment already lived is read back from the day's records, whatever
        the distance; further on, the live worlds run on to it."""
        ticks = max(0, int(ticks))
        self._run_to(ticks)
        self.accumulator = 0.0
        if self.story is not None:
            self.story.sync(self.shop, self.ticks, TICK)
            if self.story.card is not None:
                self.paused = True
        self.on_seek()

    def step_back(self) -> None:
        """LEFT while paused: exactly one tick back, the mirror of RIGHT; held, the day
        plays backwards, a tick a frame, read back from its records."""
        if not self.paused:
            self.say_pause_first()
            return
        if self.ticks > 0:
            self.seek(self.ticks - 1)

    def _thaw(self) -> None:
        if self._frozen:
            gc.unfreeze()
            self._frozen = False

    def seek_home(self) -> None:
        self.seek(0)

    # -- the story's marks ------------------------------------------------------------
    def marks(self, mode: str | None = None) -> tuple[list[Beat], list[tuple[float, int]]]:
        """The story beats and board changes of the day so far (up to ``horizon``), even
        while the shop on screen has been rewound to before them."""
        mode = mode or self.mode
        beats, board = self._marks.get(mode, ([], []))
        key = self.follow()
        if key is not None and key[0] == "couple":  # the followed couple's own story
            beats = self.couple_beats(mode, key)
        return beats, board

    def couple_beats(self, mode: str, key: tuple[str, object]) -> list[Beat]:
        """A couple's beats of the day so far: from the furthest run while they are in it
        there, else as far as they have come in the shop on screen."""
        for shop in (self._horizon_shops.get(mode), self.shops[mode]):
            couple = resolve(shop, key) if shop is not None else None
            if couple is not None:
                return couple.beats
        protagonist = self.shops[mode].config.protagonist
        return self._marks.get(mode, ([], []))[0] if key == ("couple", protagonist) else []

    def jump_beat(self, direction: int) -> None:
        """``[`` / ``]``: to the tick of the followed story's previous / next beat. A next
        beat not yet reached is looked for by running on (up to ``BEAT_SEARCH`` ticks)."""
        known = [tick_of(beat.time) for beat in self.marks()[0]]
        if direction < 0:
            earlier = [k for k in known if k < self.ticks]
            if earlier:
                self.seek(earlier[-1])
            else:
                self.say(_("no earlier story beat"))
            return
        later = [k for k in known if k > self.ticks]
        if later:
            self.seek(later[0])
            return
        self.seek(self.horizon)
        seen, limit = len(self.marks()[0]), self.ticks + BEAT_SEARCH
        key = self.follow()
        following = key is not None and key[0] == "couple"  # else: the protagonist's story
        while len(self.marks()[0]) == seen and self.ticks < limit:
            couple = resolve(self.shop, key) if following else self.shop.protagonist
            if following and not isinstance(couple, Couple):
                break  # the followed couple has left the shop
            if couple is not None and couple.left_at is not None:
                break  # their story is over (the protagonist may not be in yet)
            self._run_to(self.ticks + FPS)
        beats = self.marks()[0]
        if len(beats) > seen:
            self.seek(tick_of(beats[seen].time))
        else:
            self.say(_("no later story beat"))

    # -- story mode -------------------------------------------------------------------
    def start_story(self) -> None:
        self.story = StoryMode()
        self.mode = self.story.mode
        self.paused = False
        self.restart()

    def continue_story(self) -> None:
        story = self.story
        assert story is not None
        if story.finished:
            self.stop_story()
            self.on_story_end()  # the next step: both shops side by side
            return
        if story.advance():  # on to the other shop, from the opening
            self.mode = story.mode
            self.restart()
        if story.finished:  # SPACE on the last card: the story is over
            self.stop_story()
            self.on_story_end()
            return
        story.resumed_at, story.hurry = self.now, False
        self.paused = story.card is not None

    def stop_story(self) -> None:
        self.story = None
        self.paused = False

    # -- the key table's commands -----------------------------------------------------
    def action_space(self) -> None:
        """Pause or resume; on a story card, go on with the story instead."""
        story = self.story
        if story is not None and (story.card or story.finished):
            self.continue_story()
        elif story is not None:  # between cards: on to the next beat, the stretch hurried
            story.hurry, self.paused = True, False
        else:
            self.paused = not self.paused
        if self.paused:
            self.unsay(PAUSE)  # what "pause first" asked for is done
        self.accumulator = 0.0

    def say_pause_first(self) -> None:
        """A step key while the day runs cannot act: it says why (until SPACE pauses)."""
        self.say(_("pause first: SPACE (then RIGHT / LEFT step one tick)"), reason=PAUSE)

    def action_step_paused(self) -> None:
        """RIGHT while paused: one tick of the day (running: it says to pause first)."""
        if self.paused:
            self.step()
        else:
            self.say_pause_first()

    def action_step_back(self) -> None:
        self.step_back()

    def action_seek_home(self) -> None:
        self.seek_home()

    def action_jump_beat(self, direction: int) -> None:
        self.jump_beat(direction)

    def action_change_speed(self, by: int) -> None:
        index = min(max(SPEEDS.index(self.speed) + by, 0), len(SPEEDS) - 1)
        self.speed = SPEEDS[index]

    def action_restart_day(self) -> None:
        """R: the day from its opening."""
        self.restart()
