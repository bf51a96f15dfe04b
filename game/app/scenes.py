"""Scenes as views (after arcade's ``View``): the window shows one scene at a time, and the
scene on screen handles input, moves time on and draws, with its panels as sections.

Keys are not here: they live in ``keys.py``'s table, which says which scenes each works
in. A scene handles only what is its own (its sections' clicks); a new scene (a level
menu, a time-travel timeline) is one class here plus its name in the key table's rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from ..house import House
from ..shop import CONCURRENT, MODES, PARALLEL, Shop
from ..shop.people import Couple, Staff
from ..view.house_view import HouseView
from ..view.hud import Hud, draw_paused_badge
from ..view.shop_view import ShopView
from ..view.split import SplitView
from .keys import HOUSE, SHOP
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
        self.follow: tuple[str, object] | None = None  # who is followed, by name: seek-proof
        self.story: StoryMode | None = None

    @property
    def selected(self) -> object:
        """The couple or staff member followed, if any, in the shop on screen now.

        Kept as a key (a couple's arrival number, a staff member's name), not the object,
        so the same character stays followed when a seek rebuilds the shops from the seed
        (and is simply not shown while they are not in the shop)."""
        return resolve(self.game.shop, self.follow)

    @selected.setter
    def selected(self, value: object) -> None:
        self.follow = actor_key(value)

    def on_restart(self) -> None:
        self.selected = None
        self.split_view.shown = [None, None]
        for mode, shop in self.game.shops.items():
            if mode not in self.views:
                self.views[mode] = ShopView(self.game.lib, shop)

    def on_seek(self) -> None:
        self.split_view.shown = [None, None]  # new shop objects may reuse the old ids

    def world(self) -> Shop:
        return self.game.shop  # side by side: the shop of the current mode

    def click(self, pos: tuple[int, int]) -> None:
        """Follow the character under the pointer (empty floor stops following)."""
        game = self.game
        if self.split:
            hit = SplitView.to_world(pos)
            if hit is None:
                return
            side, pos = hit
            game.mode = MODES[side]
        self.selected = ShopView.pick(game.shop, pos)
        if self.selected is not None:
            self.sections["code"].visible = True

    def draw_scene(self, surface: pygame.Surface) -> None:
        game = self.game
        if self.split:
            self.split_view.draw(
                surface,
                [game.shops[m] for m in MODES],
                [self.views[m] for m in MODES],
                self.hud,
                speed=game.speed,
                paused=game.paused,
                selected=self.selected,
            )
            return
        self.views[game.mode].draw(surface, game.shop, self.selected, speed=game.speed)
        self.hud.draw(
            surface,
            game.shop,
            speed=game.speed,
            paused=game.paused,
            selected=self.selected,
            caption=not self.sections["story"].visible,  # the story card says it, larger
        )


def actor_key(actor: object) -> tuple[str, object] | None:
    """What names a followed character across rebuilt shops."""
    if isinstance(actor, Couple):
        return ("couple", actor.index)
    if isinstance(actor, Staff):
        return ("staff", actor.name)
    return None


def resolve(shop: Shop, key: tuple[str, object] | None) -> Couple | Staff | None:
    """The character ``key`` names in ``shop``, if they are in it now."""
    if key is None:
        return None
    kind, name = key
    if kind == "couple":
        return next((c for c in shop.couples if c.index == name), None)
    return next((s for s in shop.staff if s.name == name), None)


class HouseScene(Scene):
    """The house-cleaning counterpoint: one cleaner switching rooms, or nine in parallel."""

    name = HOUSE

    def __init__(self, game: Game) -> None:
        super().__init__(game)
        self.views: dict[str, HouseView] = {}

    def on_restart(self) -> None:
        for mode, house in self.game.houses.items():
            if mode not in self.views:
                self.views[mode] = HouseView(self.game.lib, house)

    def world(self) -> House:
        return self.game.houses[self.game.mode]

    def draw_scene(self, surface: pygame.Surface) -> None:
        game = self.game
        other = PARALLEL if game.mode == CONCURRENT else CONCURRENT
        house = game.houses[game.mode]
        self.views[game.mode].draw(surface, house, other=game.houses[other], speed=game.speed)
        if game.paused:
            w, h = surface.get_size()
            draw_paused_badge(surface, w, top=h - 30)  # clear of its panel
