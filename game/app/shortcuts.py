"""The window's old spellings, kept as plain aliases: ``game.ticks`` is ``game.time.ticks``.

Scripts, benchmarks and tests of the days when ``Game`` did everything still read and set
these; each line here only says where the thing now lives. New code asks the room itself
(``game.time``, ``game.settings``, ``game.stage``, ``game.overlay``): nothing new goes here.
"""

from __future__ import annotations

from typing import Any


def alias(path: str, doc: str = "") -> Any:
    """A read-write property for the attribute at ``path`` ("time.ticks") of the game."""
    *room, last = path.split(".")

    def owner(game: object) -> object:
        for name in room:
            game = getattr(game, name)
        return game

    def get(game: object) -> Any:
        return getattr(owner(game), last)

    def set_(game: object, value: Any) -> None:
        setattr(owner(game), last, value)

    return property(get, set_, doc=doc or f"Now ``{path}``.")


def shown(panel: str) -> Any:
    """A ``show_*`` flag of old, now that panel's ``visible``."""

    def get(game: Any) -> bool:
        return game.panel(panel).visible

    def set_(game: Any, value: bool) -> None:
        game.panel(panel).visible = value

    return property(get, set_, doc=f"Whether the {panel} panel is shown.")


class Shortcuts:
    """Mixed into ``Game``: where each old attribute and command now lives."""

    # the time
    shop = alias("time.shop")
    shops = alias("time.shops")
    houses = alias("time.houses")
    ticks = alias("time.ticks")
    now = alias("time.now")
    horizon = alias("time.horizon")
    mode = alias("time.mode")
    paused = alias("time.paused")
    speed = alias("time.speed")
    story = alias("time.story")
    held_for = alias("time.held_for")
    accumulator = alias("time.accumulator")
    step = alias("time.step")
    advance_to = alias("time.advance_to")
    seek = alias("time.seek")
    seek_home = alias("time.seek_home")
    step_back = alias("time.step_back")
    stop_rewind = alias("time.stop_rewind")
    marks = alias("time.marks")
    jump_beat = alias("time.jump_beat")
    run_worlds = alias("time.run_worlds")
    restart = alias("time.restart")
    space = alias("time.action_space")
    change_speed = alias("time.action_change_speed")
    continue_story = alias("time.continue_story")
    stop_story = alias("time.stop_story")
    # the settings
    display = alias("settings.display")
    sound = alias("settings.sound")
    # the stage
    scenes = alias("stage.scenes")
    current = alias("stage.current")
    shop_scene = alias("stage.shop_scene")
    level_scene = alias("stage.level_scene")
    show_scene = alias("stage.show")
    start_level = alias("stage.start_level")
    show_levels = alias("stage.action_show_levels")
    show_shop = alias("stage.action_show_shop")
    show_house = alias("stage.action_show_house")
    switch_mode = alias("stage.action_switch_mode")
    split = alias("stage.shop_scene.split")
    selected = alias("stage.shop_scene.selected")
    start_story = alias("stage.shop_scene.start_story")
    # the overlay
    notice = alias("overlay.notice")
    sections = alias("overlay.sections")
    recorder = alias("overlay.recorder")
    say_problem = alias("overlay.warn")
    show_help = shown("help")
    show_inspector = shown("inspector")
    show_code = shown("code")
    show_charts = shown("charts")
    show_timeline = shown("timeline")

    @property
    def scene(self) -> str:
        """The name of the scene on screen; set it to show another."""
        return self.stage.name  # type: ignore[attr-defined]

    @scene.setter
    def scene(self, name: str) -> None:
        self.stage.show(name)  # type: ignore[attr-defined]

    def letter(self, index: int) -> None:
        """A / B / C / D as the key table does it, in the scene on screen."""
        getattr(self.stage.current, "action_letter", lambda i: None)(index)  # type: ignore[attr-defined]

    def fix_level(self) -> None:
        self.stage.level_scene.fix()  # type: ignore[attr-defined]
