"""The game window: input, the fixed-timestep loop that owns the clock, and drawing.

Both shops are simulated in lockstep from the same seed, so TAB (or the split screen)
compares the same couples at the same virtual moment. The model only ever moves in whole
ticks of ``TICK`` virtual seconds: a slow frame runs more ticks, never a longer one, and
pausing stops the ticks altogether.

The window shows one scene at a time (``scenes.py``), each with its panels as sections
(``sections.py``); what every key does, and where, is the one table in ``keys.py``.
In the classroom the window also letterboxes the canvas (``display.py``), records what is
on screen (``record.py``), plays the sounds (``sound.py``) and runs its loop as a
coroutine (``loop.py``).
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import sys
import time
from pathlib import Path
from typing import cast

import pygame

from .. import i18n
from ..house import House, HouseConfig
from ..i18n import N_, _
from ..shop import CONCURRENT, MODES, PARALLEL, Shop, ShopConfig
from ..shop.people import Couple, Staff
from ..shop.story import Beat
from ..view import motion
from ..view import palette as colours
from ..view.sheets import AssetError, Library, Sheet
from ..view.text import set_scale, text_scale
from . import keys
from .clock import FPS, TICK, tick_of
from .display import Display
from .keys import HOLD_DELAY, HOUSE, LEVEL, LEVELS_MENU, SHOP
from .level_scenes import LevelScene, MenuScene
from .loop import main_loop
from .record import LiveRecorder
from .rewind import Rewinder
from .scenes import HouseScene, Scene, ShopScene, resolve
from .score import Score
from .score import load as load_score
from .sections import HelpPanel, Notice, Section, Sections
from .sound import SoundPlayer
from .story_mode import StoryMode

WIDTH, HEIGHT = 1280, 720
SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
MAX_FRAME = 0.25  # a frame longer than this (a drag, a debugger) is not caught up
BEAT_SEARCH = 10 * 60 * FPS  # ticks ``]`` runs on at most, looking for a next beat
INPUT = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN)  # what ends a rewind: the player acts
PRUNE_EVERY = 600  # ticks: finished tasks are forgotten on these ticks (memory stays flat)
TEXT_SCALES = (1.0, 1.25, 1.5)  # Z cycles through these


def _visible(name: str) -> property:
    """A ``show_*`` flag of old, now a section's ``visible`` (kept for tests and scripts)."""

    def get(game: Game) -> bool:
        return game.panel(name).visible

    def set_(game: Game, value: bool) -> None:
        game.panel(name).visible = value

    return property(get, set_, doc=f"Whether the {name} panel is shown.")


class Game:
    """The window: the model's clock, the scene on screen, the window's own panels, and the
    key table's commands; the app loop calls ``frame`` every frame.

    As arcade's ``Window.show_view``, it shows one scene at a time (``scenes``, by name);
    each scene draws itself and its panels, then the window's sections (help, notices) go
    on top. Input goes top-down: window sections, the scene (its sections), then
    ``keys.KEYS``, the one table of what every key does where.
    """

    def __init__(
        self,
        config: ShopConfig,
        screen: pygame.Surface,
        *,
        speed: float = 1.0,
        lib: Library | None = None,
        text_scale: float = 1.0,
    ) -> None:
        self.config = config
        self.screen = screen
        set_scale(text_scale)  # every label from here on (1: as designed)
        self.lib = lib or Library()
        self.mode = config.mode
        self.speed = min(SPEEDS, key=lambda s: abs(s - speed))
        self.paused = False
        self.running = True
        self.held_for = 0.0
        self.screenshot_dir = Path("screenshots")
        self.scenes: dict[str, Scene] = {
            SHOP: ShopScene(self),
            HOUSE: HouseScene(self),
            LEVELS_MENU: MenuScene(self),
            LEVEL: LevelScene(self),
        }
        self._score: Score | None = None  # read on first use (the levels)
        self.current: Scene = self.scenes[SHOP]
        self.notice = Notice(self)
        self.sections = Sections(HelpPanel(self), self.notice)  # over every scene
        self.rewind: Rewinder | None = None  # while LEFT is held: frames of the past
        # in the classroom: the window around the canvas, the F9 recorder, the sounds
        self.display: Display | None = None  # the window opens one; tests and clips do not
        self.recorder = LiveRecorder()
        self.sound: SoundPlayer | None = None
        self.restart()

    # -- the model --------------------------------------------------------------------
    def restart(self) -> None:
        """A fresh day: both shops from the same seed, virtual time 0."""
        self._drop_rewind()
        self.horizon = 0  # the furthest tick this day has been run to
        self._marks: dict[str, tuple[list[Beat], list[tuple[float, int]]]] = {}
        self._horizon_shops: dict[str, Shop] = {}
        self._build_worlds()
        self.reported_crashes = 0
        for scene in self.scenes.values():
            scene.on_restart()

    def _build_worlds(self, worlds: Worlds | None = None) -> None:
        """Both shops and both houses at virtual time 0 (or ``worlds``), the old closed."""
        for old in getattr(self, "shops", {}).values():
            old.kernel.close()
        for old_house in getattr(self, "houses", {}).values():
            old_house.close()
        self.shops, self.houses = worlds or build_worlds(self.config)
        self.ticks = 0
        self.accumulator = 0.0

    def close(self) -> None:
        """Stop both shops and houses: every coroutine is closed now (its ``finally`` runs).
        Not after Ctrl-C struck mid-tick: a kernel interrupted inside its own code is left."""
        for shop in self.shops.values():
            shop.kernel.close()
        for house in self.houses.values():
            house.close()

    @property
    def shop(self) -> Shop:
        return self.shops[self.mode]

    @property
    def now(self) -> float:
        return self.ticks * TICK

    def step(self) -> None:
        """Exactly one tick of virtual time, for both shops and both houses."""
        self._run_to(self.ticks + 1)
        self._report_crashes()
        if self.story is not None and self.story.check(self.shop):
            self.paused = True

    def _run_to(self, ticks: int) -> None:
        """Run the game's worlds on to tick ``ticks``; the furthest run knows the marks."""
        self.run_worlds(self.shops, self.houses, self.ticks, ticks)
        self.ticks = max(self.ticks, ticks)
        if self.ticks >= self.horizon:  # the furthest run knows the day's marks so far
            self.horizon = self.ticks
            self._marks = {m: (s.beats, s.display.history) for m, s in self.shops.items()}
            self._horizon_shops = dict(self.shops)  # where the followed couple's beats run on

    @staticmethod
    def run_worlds(
        shops: dict[str, Shop], houses: dict[str, House], start: int, ticks: int
    ) -> None:
        """Run worlds that are at tick ``start`` on to tick ``ticks``, in as few chunks as
        the prune ticks allow.

        A kernel run to t in one ``run_until`` is the same run as tick by tick (wake-ups go
        in (time, sequence) order either way; ``tests/app/test_timetravel.py`` proves it),
        so only the ticks where finished tasks are forgotten cut the run into chunks."""
        while start < ticks:
            stop = min(ticks, (start // PRUNE_EVERY + 1) * PRUNE_EVERY)
            for house in houses.values():
                house.kernel.run_until(stop * TICK)
            for shop in shops.values():
                shop.kernel.run_until(stop * TICK)
                if stop % PRUNE_EVERY == 0:
                    shop.kernel.prune()
            start = stop

    def new_worlds(self) -> tuple[dict[str, Shop], dict[str, House]]:
        """Fresh worlds of this day at tick 0 (for re-running the past on the side)."""
        return build_worlds(self.config)

    def render_with(
        self, shops: dict[str, Shop], houses: dict[str, House], ticks: int
    ) -> pygame.Surface:
        """The scene as it would be drawn at tick ``ticks`` from other worlds of this same
        day (the rewinder's): the same painters and panels, on that model; the story's
        card as it is at that tick. The window's own panels (help, notices) are not in it."""
        saved = (self.shops, self.houses, self.ticks, self.story)
        frame = pygame.Surface(self.screen.get_size(), 0, self.screen)
        try:
            self.shops, self.houses, self.ticks = shops, houses, ticks
            if self.story is not None:
                self.story = copy.copy(self.story)
                self.story.sync(self.shop, ticks, TICK)
            self.current.draw(frame)
        finally:
            self.shops, self.houses, self.ticks, self.story = saved
        return frame

    def advance_to(self, seconds: float) -> None:
        while self.now + 1e-9 < seconds:
            self.step()

    # -- time travel ------------------------------------------------------------------
    def seek(self, ticks: int, worlds: Worlds | None = None) -> None:
        """Show the day at tick ``ticks``: everything (sprites, HUD, panels, story card) as
        it was then. Forward runs the live worlds on; back rebuilds them from the seed and
        re-simulates (coroutines cannot be copied, but the day is deterministic), unless
        ``worlds`` of this day already run to ``ticks`` are handed in."""
        ticks = max(0, int(ticks))
        self._drop_rewind()  # a live model from here on
        if worlds is not None:
            self._build_worlds(worlds)
            self.ticks = ticks
        elif ticks < self.ticks:
            self._build_worlds()
        self._run_to(ticks)
        self.accumulator = 0.0
        self.reported_crashes = sum(
            len(w.kernel.crashes) for w in [*self.shops.values(), *self.houses.values()]
        )  # already told, before the seek
        if self.story is not None:
            self.story.sync(self.shop, self.ticks, TICK)
            if self.story.card is not None:
                self.paused = True
        for scene in self.scenes.values():
            scene.on_seek()

    def step_back(self) -> None:
        """LEFT while paused: exactly one tick back, the mirror of RIGHT. Held, the day
        plays backwards from the rewinder's frames (``rewind.py``)."""
        if not self.paused:
            return
        if self.rewind is not None and self.held_for > HOLD_DELAY:
            self.rewind.step()
        elif self.ticks > 0:  # the exact seek, drawing the ticks below on its way (a hold)
            self.rewind = Rewinder.primed(self, self.ticks - 1)

    def stop_rewind(self) -> None:
        """Back from the rewinder's frames to a live model, exactly at the tick shown."""
        rewind = self.rewind
        self._drop_rewind()
        if rewind is not None and rewind.shown != self.ticks:
            self.seek(rewind.shown)

    def _drop_rewind(self) -> None:
        if self.rewind is not None:
            self.rewind.close()
            self.rewind = None

    def seek_home(self) -> None:
        self.seek(0)

    def marks(self, mode: str | None = None) -> tuple[list[Beat], list[tuple[float, int]]]:
        """The story beats and board changes of the day so far (up to ``horizon``), even
        while the shop on screen has been rewound to before them."""
        mode = mode or self.mode
        beats, board = self._marks.get(mode, ([], []))
        key = self.shop_scene.follow
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
                self.notice.show(_("no earlier story beat"))
            return
        later = [k for k in known if k > self.ticks]
        if later:
            self.seek(later[0])
            return
        self.seek(self.horizon)
        seen, limit = len(self.marks()[0]), self.ticks + BEAT_SEARCH
        key = self.shop_scene.follow
        following = key is not None and key[0] == "couple"  # else: the protagonist's story
        while len(self.marks()[0]) == seen and self.ticks < limit:
            couple = self.selected if following else self.shop.protagonist
            if following and not isinstance(couple, Couple):
                break  # the followed couple has left the shop
            if couple is not None and couple.left_at is not None:
                break  # their story is over (the protagonist may not be in yet)
            self._run_to(self.ticks + FPS)
        beats = self.marks()[0]
        if len(beats) > seen:
            self.seek(tick_of(beats[seen].time))
        else:
            self.notice.show(_("no later story beat"))

    def _report_crashes(self) -> None:
        worlds = [*self.shops.values(), *self.houses.values()]
        if sum(len(world.kernel.crashes) for world in worlds) == self.reported_crashes:
            return  # the usual case, every tick: nothing new
        crashes = [t for world in worlds for t in world.kernel.crashes]
        for task in crashes[self.reported_crashes :]:
            print(task.traceback, file=sys.stderr, end="")
            print(f"actor {task.name!r} crashed: {task.error!r}", file=sys.stderr)
            self.paused = True
        self.reported_crashes = len(crashes)

    # -- scenes and panels ------------------------------------------------------------
    @property
    def scene(self) -> str:
        """The name of the scene on screen ("shop" or "house"); set it to show another."""
        return self.current.name

    @scene.setter
    def scene(self, name: str) -> None:
        self.show_scene(name)

    def show_scene(self, name: str) -> None:
        scene = self.scenes[name]  # a KeyError names an unknown scene
        if scene is not self.current:
            self.current.on_hide()
            self.current = scene
            scene.on_show()

    @property
    def shop_scene(self) -> ShopScene:
        return cast(ShopScene, self.scenes[SHOP])

    def panel(self, name: str) -> Section:
        """A section by name: the window's own, else the scene's, else the shop scene's."""
        for sections in (self.sections, self.current.sections, self.shop_scene.sections):
            if name in sections:
                return sections[name]
        raise KeyError(name)

    show_help = _visible("help")
    show_inspector = _visible("inspector")
    show_code = _visible("code")
    show_charts = _visible("charts")
    show_timeline = _visible("timeline")

    @property
    def split(self) -> bool:
        return self.shop_scene.split

    @split.setter
    def split(self, value: bool) -> None:
        self.shop_scene.split = value

    @property
    def selected(self) -> object:
        return self.shop_scene.selected

    @selected.setter
    def selected(self, value: object) -> None:
        self.shop_scene.selected = value

    @property
    def story(self) -> StoryMode | None:
        return self.shop_scene.story

    @story.setter
    def story(self, value: StoryMode | None) -> None:
        self.shop_scene.story = value

    # -- input: the key table's commands ----------------------------------------------
    def handle(self, event: pygame.Event) -> None:
        if self.display is not None:
            if self.display.handle(event):
                return  # the window was resized: nothing for the game
            event = self.display.on_canvas(event)
            if event is None:
                return  # a click on the letterbox bars
        if event.type == pygame.QUIT:
            self.running = False
            return
        if self.rewind is not None and event.type in INPUT:
            self.stop_rewind()  # whatever comes next acts on the moment on screen
        if self.sections.handle(event) or self.current.handle(event):
            return
        binding = keys.find(event, self.scene)
        if binding is not None:
            self.act(binding, event)

    def act(self, binding: keys.Binding, event: pygame.Event) -> None:
        """Do what the table says; a key with a ``home`` scene goes there first."""
        if binding.home is not None and self.scene != binding.home:
            self.show_scene(binding.home)  # the panels explain the shops: go back to them
        if binding.repeat:
            self.held_for = 0.0
        binding.action(self, event)

    def key(self, key: int, text: str = "") -> None:
        self.handle(pygame.Event(pygame.KEYDOWN, key=key, unicode=text))

    def click(self, pos: tuple[int, int]) -> None:
        self.handle(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))

    def quit(self) -> None:
        self.running = False

    def switch_mode(self) -> None:
        """The other shop (or house): same couples, same moment."""
        self.mode = PARALLEL if self.mode == CONCURRENT else CONCURRENT
        self.selected = None

    def show_shop(self, mode: str) -> None:
        self.show_scene(SHOP)
        self.mode = mode
        self.selected = None

    def show_house(self) -> None:
        self.show_scene(HOUSE)
        self.split = self.show_charts = False

    def space(self) -> None:
        """Pause or resume; on a story card, go on with the story instead."""
        if self.story is not None and (self.story.card or self.story.finished):
            self.continue_story()
        else:
            self.paused = not self.paused
        self.accumulator = 0.0

    def restart_day(self) -> None:
        """R: the day from its opening; a level's own day in a level."""
        if self.scene == LEVEL:
            self.level_scene.replay()
        else:
            self.restart()

    def step_paused(self) -> None:
        """RIGHT while paused: one tick of the day on screen (a level keeps its own)."""
        if not self.paused:
            return
        if self.scene == LEVEL:
            self.level_scene.step_paused()
        else:
            self.step()

    def change_speed(self, by: int) -> None:
        index = min(max(SPEEDS.index(self.speed) + by, 0), len(SPEEDS) - 1)
        self.speed = SPEEDS[index]

    def pick(self, pos: tuple[int, int]) -> None:
        self.shop_scene.click(pos)

    def toggle_panel(self, name: str) -> None:
        panel = self.panel(name)
        panel.visible = not panel.visible

    def toggle_split(self) -> None:
        self.split = not self.split

    def follow(self, step: int) -> None:
        """N / P: follow the next (``step`` 1) or previous (-1) character of the shop on
        screen, staff first then couples in the order they came: a click, by keyboard."""
        shop = self.shop
        people: list[Staff | Couple] = [*shop.staff]
        people += sorted((c for c in shop.couples if c.you.visible), key=lambda c: c.index)
        if not people:
            return
        current = self.selected
        at = next((i for i, p in enumerate(people) if p is current), None)
        if at is None:
            at = -1 if step > 0 else 0
        self.selected = people[(at + step) % len(people)]
        self.panel("code").visible = True

    def cycle_language(self) -> None:
        """F2: the next language of the catalogs, on every word from the next frame."""
        i18n.cycle()
        self.notice.show(_("Language: {name}").format(name=_(LANGUAGE_NAME)))

    def cycle_palette(self) -> None:
        """F3: the default colours, or the colour-blind-safe ones (Okabe-Ito)."""
        colours.cycle()
        self.notice.show(_("Colours: {palette}").format(palette=_(PALETTE_NAMES[colours.in_use()])))

    def toggle_story(self) -> None:
        self.start_story() if self.story is None else self.stop_story()

    def snap(self) -> None:
        """F12: save the screen; if that fails, say why on screen and play on."""
        try:
            path = self.save_screenshot()
        except (OSError, pygame.error) as error:
            why = f"screenshot not saved: {describe(error)}"
            print(why, file=sys.stderr)
            self.notice.show(_("screenshot not saved: {why}").format(why=describe(error)), True)
        else:
            self.notice.show(_("screenshot saved: {path}").format(path=path))

    # -- the levels ("When async goes wrong") -----------------------------------------
    @property
    def score(self) -> Score:
        """The player's score, read from its file the first time the levels need it."""
        if self._score is None:
            self._score = load_score()
            if self._score.problem:
                self.say_problem(self._score.problem)
        return self._score

    def say_problem(self, text: str) -> None:
        """One warning line (terminal and screen), and the game goes on."""
        print(f"warning: {text}", file=sys.stderr)
        self.notice.show(text, error=True)

    @property
    def level_scene(self) -> LevelScene:
        return cast(LevelScene, self.scenes[LEVEL])

    def show_levels(self) -> None:
        self.show_scene(LEVELS_MENU)

    def start_level(self, name: str) -> None:
        from ..shop.levels import level_named

        self.level_scene.start(level_named(name))
        self.show_scene(LEVEL)

    def letter(self, index: int) -> None:
        """A / B / C / D: in the menu, play that level; in a level, the prediction."""
        from ..shop.levels import LEVELS

        if self.scene == LEVELS_MENU and 0 <= index < len(LEVELS):
            self.start_level(LEVELS[index].name)
        elif self.scene == LEVEL:
            self.level_scene.choose(index)

    def fix_level(self) -> None:
        self.level_scene.fix()

    # -- in the classroom: fullscreen, big text, sound, recording ----------------------
    def toggle_fullscreen(self) -> None:
        if self.display is not None:
            self.display.toggle_fullscreen()

    def cycle_text_scale(self) -> None:
        """Z: 1 -> 1.25 -> 1.5 -> 1 (from an in-between --text-scale, the next step up)."""
        bigger = [s for s in TEXT_SCALES if s > text_scale() + 1e-9]
        set_scale(bigger[0] if bigger else TEXT_SCALES[0])
        self.notice.show(_("Text size: {scale}x").format(scale=f"{text_scale():g}"))

    def toggle_mute(self) -> None:
        """M: sound off / on, said in a notice (a machine without sound says so instead)."""
        if self.sound is None:
            return
        self.sound.toggle_mute()
        if not self.sound.available:
            self.notice.show(_("No sound on this computer: playing silently"))
        else:
            self.notice.show(_("Sound: off") if self.sound.muted else _("Sound: on"))

    def toggle_recording(self) -> None:
        """F9: start or stop a clip of the screen; a folder that cannot be made is a notice."""
        try:
            self.recorder.toggle(f"async-burgers-{self.mode}")
        except OSError as error:
            print(f"recording not started: {describe(error)}", file=sys.stderr)
            self.notice.show(_("recording not started: {why}").format(why=describe(error)), True)

    def after_draw(self, wall_dt: float) -> None:
        """What the canvas shows is recorded; the red dot is drawn after, so not in the clip.
        The sounds follow what the scene on screen shows, once a frame."""
        self.recorder.capture(self.screen, wall_dt)
        self.recorder.draw_badge(self.screen, wall_dt)
        if self.sound is not None:
            self.sound.update(self.current.world(), self.paused, wall_dt)

    def present(self) -> None:
        if self.display is not None:
            self.display.present()
        else:
            pygame.display.flip()

    def shut_down(self) -> None:
        """Leaving the loop: a clip being recorded is finished, not cut off."""
        if self.sound is not None:
            self.sound.close()
        saved = self.recorder.finish()
        if saved is not None:
            print(f"recorded {saved}")

    # -- story mode -------------------------------------------------------------------
    def start_story(self) -> None:
        self.story = StoryMode()
        self.split = self.show_charts = False
        self.show_timeline = True  # on by default in story mode (L hides it)
        self.mode = self.story.mode
        self.paused = False
        self.restart()

    def continue_story(self) -> None:
        story = self.story
        assert story is not None
        if story.finished:
            self.stop_story()
            return
        if story.advance():  # on to the other shop, from the opening
            self.mode = story.mode
            self.restart()
        self.paused = story.card is not None

    def stop_story(self) -> None:
        self.story = None
        self.paused = False

    # -- the loop ---------------------------------------------------------------------
    def update(self, wall_dt: float) -> None:
        """The window's panels age (notices go), then the scene on screen moves on."""
        self.sections.update(wall_dt)
        self.current.update(wall_dt)

    def play(self, wall_dt: float) -> None:
        """Turn wall time into whole ticks of virtual time (none while paused)."""
        if self.paused:
            self.repeat_held(wall_dt)
            return
        self.accumulator += min(wall_dt, MAX_FRAME) * self.speed
        ticks = int(self.accumulator / TICK + 1e-9)
        self.accumulator -= ticks * TICK
        for _tick in range(ticks):
            self.step()
            if self.paused:  # story mode stopped on a beat: stay exactly on that tick
                self.accumulator = 0.0
                break

    def repeat_held(self, wall_dt: float) -> None:
        """A ``repeat`` key of the table held past ``HOLD_DELAY`` acts again every frame.
        While LEFT is held, the rewinder prepares the past in the frame's spare time."""
        held = pygame.key.get_pressed()
        binding = next(
            (
                b
                for b in keys.KEYS
                if b.repeat and self.scene in b.scenes and any(held[k] for k in b.keys)
            ),
            None,
        )
        rewinding = binding is not None and binding.action is keys.step_back
        if not rewinding:
            self.stop_rewind()
        if binding is None:
            self.held_for = 0.0
            return
        self.held_for += wall_dt
        if rewinding and self.rewind is None:
            self.rewind = Rewinder(self)
        if self.held_for > HOLD_DELAY:
            key = next(k for k in binding.keys if held[k])
            binding.action(self, pygame.Event(pygame.KEYDOWN, key=key, unicode=""))
        if self.rewind is not None:
            self.rewind.pump()

    def draw(self, surface: pygame.Surface | None = None) -> pygame.Surface:
        surface = surface or self.screen
        if self.rewind is not None and self.rewind.image is not None:
            surface.blit(self.rewind.image, (0, 0))  # drawn ahead by the same painters
        else:
            self.current.draw(surface)
        self.sections.draw(surface)
        return surface

    def frame(self, wall_dt: float) -> None:
        for event in pygame.event.get():
            self.handle(event)
        self.update(wall_dt)
        self.draw()
        self.after_draw(wall_dt)

    def run(self, max_frames: int = 0) -> int:
        return asyncio.run(self.run_async(max_frames))

    async def run_async(self, max_frames: int = 0) -> int:
        """The loop as a coroutine awaiting once a frame (pygbag runs it in a browser)."""
        return await main_loop(self, FPS, max_frames)

    def save_screenshot(self, path: str | os.PathLike[str] | None = None) -> Path:
        if path is None:
            self.screenshot_dir.mkdir(exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            path = self.screenshot_dir / f"async-burgers-{self.mode}-{stamp}-{self.ticks}.png"
        path = Path(path)
        pygame.image.save(self.screen, str(path))
        return path


Worlds = tuple[dict[str, Shop], dict[str, House]]


def build_worlds(config: ShopConfig) -> Worlds:
    """The game's worlds at virtual time 0, all from the one seed: both shops, both houses."""
    shops = {m: Shop(config.with_mode(m), strict=False) for m in MODES}
    houses = {m: House(HouseConfig(mode=m, seed=config.seed), strict=False) for m in MODES}
    for shop in shops.values():
        shop.kernel.record_handovers(maxlen=64)  # the inspector's hand-over log
        shop.record_wakes()  # who woke whom: the scene's arrows
    return shops, houses


# translators: the name of your language, in your language ("Español")
LANGUAGE_NAME = N_("English")
PALETTE_NAMES = {"default": N_("default"), "safe": N_("colour-blind safe (Okabe-Ito)")}


def describe(error: BaseException) -> str:
    """An OS or pygame error in a few words: "Not a directory: 'screenshots'"."""
    if isinstance(error, OSError) and error.strerror:
        where = error.filename if error.filename is not None else ""
        return f"{error.strerror}: {str(where)!r}" if where else error.strerror
    return str(error) or type(error).__name__


def open_window(headless: bool, fullscreen: bool = False) -> pygame.Surface:
    if headless:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_caption("Async Burgers")
    pygame.display.set_icon(Sheet("props").image_of("icon"))  # before set_mode, as SDL wants
    if headless:
        return pygame.display.set_mode((WIDTH, HEIGHT))
    if fullscreen:
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    return pygame.display.set_mode((WIDTH, HEIGHT), pygame.RESIZABLE)  # letterboxed: display.py


def configure(game: Game, args: argparse.Namespace) -> None:
    """The command line's start state: split screen, scene, story mode, a level."""
    game.split = args.side_by_side
    game.scene = args.scene
    if args.story:
        game.start_story()
    level = getattr(args, "level", None)
    moment = getattr(args, "open_at", None)  # a link's t=
    if level is not None:
        game.start_level(level)
        if args.screenshot or getattr(args, "record", None) or moment is not None:
            game.level_scene.watch(fixed=args.fixed)  # no question, no score: just watch it
    if moment is not None and not args.screenshot:
        (game.level_scene if level is not None else game).advance_to(moment)
        game.paused = True  # a link's moment (t=): opened on that frame, paused


def run_game(config: ShopConfig, args: argparse.Namespace) -> int:
    """Open the window (or render one frame for --screenshot) and play."""
    return asyncio.run(play(config, args))


def use_settings(args: argparse.Namespace) -> None:
    """The command line's language, palette and motion, before anything is drawn."""
    i18n.use(getattr(args, "lang", None) or i18n.system_language())
    colours.use(getattr(args, "palette", "default"))
    motion.set_reduced(getattr(args, "reduced_motion", False))


async def play(config: ShopConfig, args: argparse.Namespace) -> int:
    """``run_game`` as a coroutine: a browser build awaits this directly (docs/web.md)."""
    use_settings(args)
    try:
        headless = bool(args.screenshot)
        window = open_window(headless, fullscreen=getattr(args, "fullscreen", False))
        display = None if headless else Display(window)
        canvas = window if display is None else display.canvas
        game = Game(config, canvas, speed=args.speed, text_scale=args.text_scale)
        game.display = display
        if not headless:
            game.sound = SoundPlayer(volume=args.volume / 100, muted=args.mute)
    except AssetError as error:
        print(f"main.py: error: {error}", file=sys.stderr)
        pygame.quit()
        return 2
    try:
        configure(game, args)
        if args.screenshot:
            clock = game.level_scene if getattr(args, "level", None) else game
            clock.advance_to(args.at)
            game.paused = True
            game.draw()
            game.save_screenshot(args.screenshot)
            return 0
        return await game.run_async(args.frames)
    finally:
        pygame.quit()
