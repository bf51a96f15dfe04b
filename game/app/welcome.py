"""The first screen as a window panel: shown on the first run (remembered beside the
score, in the user's data directory) and on ``W``; the shop behind it waits.

Its rows are the path through the game: ``T``, ``3``, ``4``, ``C``, ``5`` pressed (or clicked)
here close it and do what they do anywhere; ``SPACE``, ``ENTER`` and ``ESC`` just close
it. Headless runs, screenshots and recordings never show it: only ``play`` with a real
window asks whether this is the first run.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from ..view.welcome import STEPS, draw_welcome, layout
from .keys import SHOP
from .score import data_dir
from .sections import Section

if TYPE_CHECKING:
    from .window import Game

SEEN_FILE = "welcomed"  # its being there is the whole record: the first screen was seen
CLOSE_KEYS = (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_w)
STEP_KEYS = {
    "T": pygame.K_t,
    "3": pygame.K_3,
    "4": pygame.K_4,
    "C": pygame.K_c,
    "5": pygame.K_5,
}


def seen_path() -> Path:
    return data_dir() / SEEN_FILE


def first_run() -> bool:
    """True until the first screen has been seen once on this machine (by this user)."""
    return not seen_path().exists()


def remember() -> str | None:
    """Note that the first screen was seen; a problem is one line (the game goes on)."""
    try:
        path = seen_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("1\n", encoding="utf-8")
    except OSError as error:
        return f"first-run note not saved ({error.strerror or error})"
    return None


class WelcomePanel(Section):
    """The first screen over the scene; while it is up, the day does not move on."""

    name = "welcome"

    def __init__(self, game: Game) -> None:
        self._shown = False
        self._was_paused = False
        super().__init__(game)

    @property
    def visible(self) -> bool:
        return self._shown

    @visible.setter
    def visible(self, value: bool) -> None:
        if value == self._shown:
            return
        self._shown = value
        time = self.game.time
        if value:  # the day waits behind the card, and goes on as it was after
            self._was_paused, time.paused = time.paused, True
        else:
            time.paused = self._was_paused

    @property
    def rect(self) -> pygame.Rect:
        return pygame.Rect((0, 0), self.game.screen.get_size())

    def handle(self, event: pygame.Event) -> bool:
        """Every input is the card's while it is up: a step's key (or a click on its row)
        closes it and does the step; SPACE, ENTER, ESC, W close it."""
        if event.type == pygame.KEYDOWN:
            if event.key in CLOSE_KEYS:
                self.visible = False
                return True
            if event.key in STEP_KEYS.values():
                self.step(event.key)
                return True
            return event.key not in (pygame.K_h, pygame.K_F1, pygame.K_F2, pygame.K_z)
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            _card, rows = layout(self.game.screen.get_size())
            for (key, _name, _why), row in zip(STEPS, rows, strict=True):
                if row.collidepoint(event.pos):
                    self.step(STEP_KEYS[key])
                    return True
            return True
        return False

    def step(self, key: int) -> None:
        """Close the card and take a step of the path from wherever the card was opened:
        the story from its opening, the house, the level menu, or the code view on the
        protagonists (or the first character), so it has someone's code to show."""
        self.visible = False
        stage = self.game.stage
        if key == pygame.K_t:
            stage.show(SHOP)
            stage.shop_scene.start_story()
        elif key == pygame.K_3:
            stage.action_show_house()
        elif key == pygame.K_4:
            stage.action_show_levels()
        elif key == pygame.K_5:
            self.game.key(key)  # the key table's row: the learner's own script scene
        else:  # you and your crush if you are in, else the first of the staff
            stage.show(SHOP)
            scene = stage.shop_scene
            couple = self.game.time.shop.protagonist
            if couple is not None and couple.you.visible:
                scene.selected = couple
                scene.sections["code"].visible = True
            else:
                scene.action_follow(1)

    def draw(self, surface: pygame.Surface) -> None:
        draw_welcome(surface)
