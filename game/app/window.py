"""The game window: the composition root that holds the rooms, and the frame pump.

``Game`` builds four objects and wires them; each carries out its own commands:

- ``time`` (``timekeeper.py``): the worlds, the tick, seek / step back / held LEFT, beats;
- ``settings`` (``settings.py``): language, palette, text size, sound, fullscreen;
- ``stage`` (``stage.py``): the scenes by name, the one on screen, moving between;
- ``overlay`` (``overlay.py``): help, notices and the recording dot over every scene.

A frame: input goes top-down (the display maps it onto the canvas, the overlay, the scene
on screen and its sections, then the key table, whose row names an action that the scene
or one of the rooms carries out); the scene updates (time moves in whole ticks); the scene
draws from the model, the overlay over it; the display presents. ``loop.py`` runs frames.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time as wall
from collections.abc import Iterable
from pathlib import Path

import pygame

from ..i18n import _
from ..shop import ShopConfig
from ..view.sheets import Library, Sheet
from .clock import FPS, TICK
from .keys import HOLD_DELAY, SHOP, Binding, find
from .loop import main_loop
from .overlay import Overlay, describe
from .scenes import Scene
from .score import Score
from .score import load as load_score
from .sections import Section
from .settings import Settings
from .shortcuts import Shortcuts
from .stage import SCENES, Stage
from .timekeeper import SPEEDS, Time

__all__ = ["FPS", "HEIGHT", "SPEEDS", "TICK", "WIDTH", "Game", "open_window"]

WIDTH, HEIGHT = 1280, 720


class Game(Shortcuts):
    """The window: holds ``time``, ``settings``, ``stage`` and ``overlay``, routes input to
    whoever acts, and pumps frames; the app loop calls ``frame`` every frame.

    (``Shortcuts`` keeps the old spellings, ``game.ticks`` for ``game.time.ticks`` and so
    on, for scripts and tests; new code asks the rooms.)"""

    def __init__(
        self,
        config: ShopConfig,
        screen: pygame.Surface,
        *,
        speed: float = 1.0,
        lib: Library | None = None,
        text_scale: float = 1.0,
        scenes: Iterable[type[Scene]] = SCENES,
    ) -> None:
        self.config = config
        self.screen = screen
        self.running = True
        self.screenshot_dir = Path("screenshots")
        self.overlay = Overlay(self)
        self.settings = Settings(text_scale=text_scale, say=self.overlay.say)
        self.lib = lib or Library()
        self.time = Time(config, speed=speed, say=self.overlay.say)
        self.stage = Stage(self, scenes)
        self._score: Score | None = None  # read on first use (the levels)
        time, stage = self.time, self.stage
        time.on_restart, time.on_seek = stage.on_restart, stage.on_seek
        time.unsay = self.overlay.unsay
        time.on_story_end = lambda: setattr(stage.shop_scene, "split", True)  # compare them
        time.follow = lambda: stage.shop_scene.follow if SHOP in stage.scenes else None
        stage.on_restart()  # the scenes' views of the first day

    def close(self) -> None:
        """Stop both shops and houses: every coroutine is closed now (its ``finally`` runs)."""
        self.time.close()

    def panel(self, name: str) -> Section:
        """A section by name: the overlay's, else the scene's, else the shop scene's."""
        stage = self.stage
        for sections in (self.overlay.sections, stage.current.sections, stage.shop_scene.sections):
            if name in sections:
                return sections[name]
        raise KeyError(name)

    @property
    def score(self) -> Score:
        """The player's score, read from its file the first time the levels need it."""
        if self._score is None:
            self._score = load_score()
            if self._score.problem:
                self.overlay.warn(self._score.problem)
        return self._score

    # -- input ------------------------------------------------------------------------
    def handle(self, event: pygame.Event) -> None:
        display = self.settings.display
        if display is not None:
            if display.handle(event):
                return  # the window was resized: nothing for the game
            event = display.on_canvas(event)
            if event is None:
                return  # a click on the letterbox bars
        if event.type == pygame.QUIT:
            self.running = False
            return
        if self.overlay.handle(event) or self.stage.current.handle(event):
            return
        binding = find(event, self.stage.name, self.stage.bindings)
        if binding is not None:
            self.act(binding, event)

    def act(self, binding: Binding, event: pygame.Event) -> None:
        """Do what the row says; a row with a ``home`` scene goes there first."""
        if binding.home is not None and self.stage.name != binding.home:
            self.stage.show(binding.home)  # the panels explain the shops: go back to them
        if binding.repeat:
            self.time.held_for = 0.0
        self.carry_out(binding, event)

    def actors(self) -> tuple[object, ...]:
        """Who may carry out a row's action, asked in this order."""
        return (self.stage.current, self.stage, self.time, self.settings, self.overlay, self)

    def carry_out(self, binding: Binding, event: pygame.Event) -> None:
        """The first of ``actors`` with the row's ``action_*`` method carries it out."""
        method, args = binding.call(event)
        for actor in self.actors():
            action = getattr(actor, method, None)
            if action is not None:
                action(*args)
                return
        raise LookupError(f"nobody carries out {binding.action!r} in {self.stage.name!r}")

    def repeat_held(self, wall_dt: float) -> None:
        """A ``repeat`` key of the table held past ``HOLD_DELAY`` acts again every frame
        (LEFT held: a tick back a frame, read back from the records)."""
        held = pygame.key.get_pressed()
        scene, time = self.stage.name, self.time
        binding = next(
            (
                b
                for b in self.stage.bindings
                if b.repeat and b.works_in(scene) and any(held[k] for k in b.keys)
            ),
            None,
        )
        if binding is None:
            time.held_for = 0.0
            return
        time.held_for += wall_dt
        if time.held_for > HOLD_DELAY:
            key = next(k for k in binding.keys if held[k])
            self.carry_out(binding, pygame.Event(pygame.KEYDOWN, key=key, unicode=""))

    def key(self, key: int, text: str = "") -> None:
        self.handle(pygame.Event(pygame.KEYDOWN, key=key, unicode=text))

    def click(self, pos: tuple[int, int]) -> None:
        self.handle(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))

    # -- the window's own commands ----------------------------------------------------
    def action_quit(self) -> None:
        self.running = False

    def action_copy_link(self) -> None:
        """K: the link of this moment (game/app/link.py), copied and shown."""
        from .link import share

        share(self)

    def action_snap(self) -> None:
        """F12: save the screen; if that fails, say why on screen and play on."""
        try:
            path = self.save_screenshot()
        except (OSError, pygame.error) as error:
            print(f"screenshot not saved: {describe(error)}", file=sys.stderr)
            self.overlay.say(_("screenshot not saved: {why}").format(why=describe(error)), True)
        else:
            self.overlay.say(_("screenshot saved: {path}").format(path=path))

    def save_screenshot(self, path: str | os.PathLike[str] | None = None) -> Path:
        if path is None:
            self.screenshot_dir.mkdir(exist_ok=True)
            stamp = wall.strftime("%Y%m%d-%H%M%S")
            name = f"async-burgers-{self.time.mode}-{stamp}-{self.time.ticks}.png"
            path = self.screenshot_dir / name
        path = Path(path)
        pygame.image.save(self.screen, str(path))
        return path

    # -- the frame --------------------------------------------------------------------
    def play(self, wall_dt: float) -> None:
        """A scene's share of the frame: the time moves on, or (paused) held keys repeat."""
        if self.time.paused:
            self.repeat_held(wall_dt)
        else:
            self.time.play(wall_dt)

    def update(self, wall_dt: float) -> None:
        """The overlay's panels age (notices go), then the scene on screen moves on."""
        self.overlay.update(wall_dt)
        self.stage.current.update(wall_dt)

    def draw(self, surface: pygame.Surface | None = None) -> pygame.Surface:
        surface = surface or self.screen
        self.stage.draw_scene(surface)
        self.overlay.draw(surface)
        return surface

    def after_draw(self, wall_dt: float) -> None:
        """The overlay records the canvas (then its dot); the sounds follow the scene."""
        self.overlay.after_draw(self.screen, wall_dt)
        sound = self.settings.sound
        if sound is not None:
            sound.update(self.stage.current.world(), self.time.paused, wall_dt)

    def frame(self, wall_dt: float) -> None:
        for event in pygame.event.get():
            self.handle(event)
        self.update(wall_dt)
        self.draw()
        self.after_draw(wall_dt)

    def present(self) -> None:
        if self.settings.display is not None:
            self.settings.display.present()
        else:
            pygame.display.flip()

    def shut_down(self) -> None:
        """Leaving the loop: the sound stops, a clip being recorded is finished."""
        if self.settings.sound is not None:
            self.settings.sound.close()
        self.overlay.close()

    def run(self, max_frames: int = 0) -> int:
        return asyncio.run(self.run_async(max_frames))

    async def run_async(self, max_frames: int = 0) -> int:
        """The loop as a coroutine awaiting once a frame (the web page awaits it)."""
        return await main_loop(self, FPS, max_frames)


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
