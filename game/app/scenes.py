"""Scenes as views (after arcade's ``View``): the stage shows one scene at a time, and the
scene on screen handles input, moves time on and draws, with its panels as sections.

A scene carries out the key rows that are its own (``action_*`` methods: the shop scene's
panels, its followed character, story mode) and may bring rows of its own (``BINDINGS``),
collected into the key table. It asks the time (``game.time``) for the worlds and the
moment, the settings for how to look; a new scene is one class plus its rows
(docs/architecture.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from ..house import House
from ..shop import CONCURRENT, MODES, PARALLEL, Shop
from ..view.house_view import HouseView
from ..view.hud import Hud, draw_paused_badge
from ..view.shop_view import ShopView
from ..view.split import SplitView
from .follow import Follow, actor_key, resolve
from .keys import HOUSE, SHOP, Binding
from .sections import (
    ChartsPanel,
    CodePanel,
    CrashBanner,
    InspectorPanel,
    Sections,
    StoryCard,
    TimelinePanel,
)
from .story_mode import StoryMode

if TYPE_CHECKING:
    from .window import Game


class Scene:
    """What the window shows: ``handle`` input, ``update`` time, ``draw`` the frame."""

    name = "scene"
    BINDINGS: tuple[Binding, ...] = ()  # key rows of this scene's own (after keys.KEYS)
    words = ""  # what the README's key table calls it ("" : its name)

    def __init__(self, game: Game, sections: Sections | None = None) -> None:
        self.game = game
        self.sections = sections or Sections()

    def on_show(self) -> None:
        """The window has just switched to this scene."""

    def on_hide(self) -> None:
        """The window is about to switch to another scene."""

    def on_restart(self) -> None:
        """A fresh day: the window has built new shops and houses."""

    def on_seek(self) -> None:
        """The window has jumped to another moment of the day (maybe with new worlds)."""

    def handle(self, event: pygame.Event) -> bool:
        """True when the scene (its sections, top-down) took the event."""
        return self.sections.handle(event)

    def update(self, wall_dt: float) -> None:
        """The scene's panels age (a timeline drag seeks), then shops and houses run in
        lockstep whichever is on screen: the window's clock."""
        self.sections.update(wall_dt)
        self.game.play(wall_dt)

    def world(self) -> Shop | House | None:
        """The model this scene shows right now (None: none), what the sound player hears."""
        raise NotImplementedError

    def draw(self, surface: pygame.Surface) -> None:
        if not self.sections.covered():  # (a full-screen panel paints every pixel itself)
            self.draw_scene(surface)
        self.sections.draw(surface)

    def draw_scene(self, surface: pygame.Surface) -> None:
        raise NotImplementedError


class ShopScene(Scene):
    """A burger shop, or both side by side (the split view is a way of drawing this scene);
    the panels that explain the shops are its sections."""

    name = SHOP

    def __init__(self, game: Game) -> None:
        w, h = game.screen.get_size()
        super().__init__(
            game,
            Sections(
                InspectorPanel(game, pygame.Rect(w - 470, 34, 466, h - 72)),
                CodePanel(game, pygame.Rect(4, 34, 640, 330)),
                ChartsPanel(game, (w, h)),
                TimelinePanel(game),
                StoryCard(game),
                CrashBanner(game),
            ),
        )
        self.hud = Hud(w, h)
        self.split_view = SplitView()
        self.views: dict[str, ShopView] = {}
        self.split = False
        self.follow: Follow = None  # who is followed, by name: seek-proof

    @property
    def selected(self) -> object:
        """The couple or staff member followed, if any, in the shop on screen now.

        Kept as a key (a couple's arrival number, a staff member's name), not the object,
        so the same character stays followed when a seek rebuilds the shops from the seed
        (and is simply not shown while they are not in the shop)."""
        return resolve(self.game.time.shop, self.follow)

    @selected.setter
    def selected(self, value: object) -> None:
        self.follow = actor_key(value)

    @property
    def story(self) -> StoryMode | None:
        """Story mode, kept by the time (it pauses the day at each beat)."""
        return self.game.time.story

    def on_restart(self) -> None:
        self.selected = None
        self.split_view.shown = [None, None]
        for mode, shop in self.game.time.shops.items():
            if mode not in self.views:
                self.views[mode] = ShopView(self.game.lib, shop)

    def on_seek(self) -> None:
        self.split_view.shown = [None, None]  # new shop objects may reuse the old ids

    def world(self) -> Shop:
        return self.game.time.shop  # side by side: the shop of the current mode

    def click(self, pos: tuple[int, int]) -> None:
        """Follow the character under the pointer (empty floor stops following)."""
        time = self.game.time
        if self.split:
            hit = SplitView.to_world(pos)
            if hit is None:
                return
            side, pos = hit
            time.mode = MODES[side]
        self.selected = ShopView.pick(time.shop, pos)
        if self.selected is not None:
            self.sections["code"].visible = True

    def start_story(self) -> None:
        """Story mode from the opening of the concurrent shop, the timeline shown."""
        self.split = self.sections["charts"].visible = False
        self.sections["timeline"].visible = True  # on by default in story mode (L hides it)
        self.game.time.start_story()

    # -- the key table's commands -----------------------------------------------------
    def action_pick(self, pos: tuple[int, int]) -> None:
        self.click(pos)

    def action_follow(self, step: int) -> None:
        """N / P: follow the next (``step`` 1) or previous (-1) character of the shop on
        screen, staff first then couples in the order they came: a click, by keyboard."""
        shop = self.game.time.shop
        people: list[object] = [*shop.staff]
        people += sorted((c for c in shop.couples if c.you.visible), key=lambda c: c.index)
        if not people:
            return
        current = self.selected
        at = next((i for i, p in enumerate(people) if p is current), None)
        if at is None:
            at = -1 if step > 0 else 0
        self.selected = people[(at + step) % len(people)]
        self.sections["code"].visible = True

    def action_toggle_panel(self, name: str) -> None:
        panel = self.sections[name]
        panel.visible = not panel.visible

    def action_toggle_split(self) -> None:
        self.split = not self.split

    def action_toggle_story(self) -> None:
        if self.story is None:
            self.start_story()
        else:
            self.game.time.stop_story()

    def draw_scene(self, surface: pygame.Surface) -> None:
        time = self.game.time
        timeline = self.sections["timeline"]
        if self.split:
            self.split_view.draw(
                surface,
                [time.shops[m] for m in MODES],
                [self.views[m] for m in MODES],
                self.hud,
                speed=time.speed,
                paused=time.paused,
                selected=self.selected,
                bottom=timeline.rect.top - 2 if timeline.visible else 720,
            )
            return
        legend = not (timeline.visible and getattr(timeline, "at_top", False))  # under it
        self.views[time.mode].draw(
            surface, time.shop, self.selected, speed=time.speed, legend=legend
        )
        self.hud.draw(
            surface,
            time.shop,
            speed=time.speed,
            paused=time.paused,
            selected=self.selected,
            caption=not self.sections["story"].visible,  # the story card says it, larger
        )


class HouseScene(Scene):
    """The house-cleaning counterpoint: one cleaner switching rooms, or nine in parallel."""

    name = HOUSE

    def __init__(self, game: Game) -> None:
        super().__init__(game)
        self.views: dict[str, HouseView] = {}

    def on_restart(self) -> None:
        for mode, house in self.game.time.houses.items():
            if mode not in self.views:
                self.views[mode] = HouseView(self.game.lib, house)

    def world(self) -> House:
        return self.game.time.house

    def draw_scene(self, surface: pygame.Surface) -> None:
        time = self.game.time
        other = PARALLEL if time.mode == CONCURRENT else CONCURRENT
        house = time.houses[time.mode]
        self.views[time.mode].draw(surface, house, other=time.houses[other], speed=time.speed)
        if time.paused:
            w, h = surface.get_size()
            draw_paused_badge(surface, w, top=h - 30)  # clear of its panel
