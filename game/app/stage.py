"""The stage: every scene by name, the one on screen, and moving between them.

As arcade's ``Window.show_view``, one scene is shown at a time; ``show`` hides the one on
screen and shows another. The scenes are built from a list of classes (``SCENES``), each
with its name and its own key rows (``BINDINGS``): the key table the window reads, the
help draws and the README prints is the table of ``keys.py`` plus those rows, collected.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

import pygame

from ..shop import CONCURRENT, PARALLEL
from . import keys
from .keys import HOUSE, LEVEL, LEVELS_MENU, SHOP, Binding
from .level_scenes import LevelScene, MenuScene
from .scenes import HouseScene, Scene, ShopScene
from .script_scene import ScriptScene

if TYPE_CHECKING:
    from .window import Game

SCENES: tuple[type[Scene], ...] = (ShopScene, HouseScene, MenuScene, LevelScene, ScriptScene)


class Stage:
    """The scenes, built once for the window, and which of them is on screen."""

    def __init__(self, game: Game, scenes: Iterable[type[Scene]] = SCENES) -> None:
        classes = tuple(scenes)
        self.scenes: dict[str, Scene] = {cls.name: cls(game) for cls in classes}
        self.bindings: tuple[Binding, ...] = keys.collect(classes)
        self.current: Scene = next(iter(self.scenes.values()))
        self.game = game

    @property
    def name(self) -> str:
        """The name of the scene on screen."""
        return self.current.name

    def show(self, name: str) -> None:
        scene = self.scenes[name]  # a KeyError names an unknown scene
        if scene is not self.current:
            self.current.on_hide()
            self.current = scene
            scene.on_show()

    @property
    def shop_scene(self) -> ShopScene:
        return cast(ShopScene, self.scenes[SHOP])

    @property
    def level_scene(self) -> LevelScene:
        return cast(LevelScene, self.scenes[LEVEL])

    def on_restart(self) -> None:
        """The time has built a fresh day: every scene makes its views of it."""
        for scene in self.scenes.values():
            scene.on_restart()

    def on_seek(self) -> None:
        for scene in self.scenes.values():
            scene.on_seek()

    def draw_scene(self, surface: pygame.Surface) -> None:
        """The scene on screen with its panels (the rewinder draws the past with this)."""
        self.current.draw(surface)

    def start_level(self, name: str) -> None:
        from ..shop.levels import level_named, needs_python

        level = level_named(name)
        missing = needs_python(level)
        if missing:  # (level 11 on Python 3.10): say so, and stay in the menu
            self.game.overlay.say(missing, True)
            return
        self.level_scene.start(level)
        self.show(LEVEL)

    # -- the key table's commands -----------------------------------------------------
    def action_show(self, name: str) -> None:
        """``"show('editor')"``: the scene of that name (a new scene's row to reach it)."""
        self.show(name)

    def action_switch_mode(self) -> None:
        """The other shop (or house): same couples, same moment."""
        self.game.time.switch_mode()
        self.shop_scene.selected = None

    def action_show_shop(self, mode: str) -> None:
        self.show(SHOP)
        self.game.time.mode = mode
        self.shop_scene.selected = None

    def action_show_house(self) -> None:
        self.show(HOUSE)
        shop = self.shop_scene
        shop.split = shop.sections["charts"].visible = False

    def action_show_world(self, number: int) -> None:
        """1 / 2 / 3: the concurrent shop, the parallel shop, the house."""
        if number == 3:
            self.action_show_house()
        else:
            self.action_show_shop(CONCURRENT if number == 1 else PARALLEL)

    def action_show_levels(self) -> None:
        self.show(LEVELS_MENU)
