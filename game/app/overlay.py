"""What lies over every scene: the help, the notices and the recording's red dot.

The overlay draws after the scene on screen and takes input before it. Whoever has
something to tell the player (a setting changed, a screenshot saved, a score file that
cannot be read) says it here, in one line that goes by itself.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import pygame

from ..i18n import _
from .live_record import LiveRecorder
from .sections import HelpPanel, Notice, Sections
from .welcome import WelcomePanel

if TYPE_CHECKING:
    from .window import Game


def describe(error: BaseException) -> str:
    """An OS or pygame error in a few words: "Not a directory: 'screenshots'"."""
    if isinstance(error, OSError) and error.strerror:
        where = error.filename if error.filename is not None else ""
        return f"{error.strerror}: {str(where)!r}" if where else error.strerror
    return str(error) or type(error).__name__


class Overlay:
    """The window's own panels (help, notice) and the F9 recorder with its badge."""

    def __init__(self, game: Game) -> None:
        self.game = game
        self.notice = Notice(game)
        self.welcome = WelcomePanel(game)  # the first screen (W; the first run)
        self.sections = Sections(self.welcome, HelpPanel(game), self.notice)
        self.recorder = LiveRecorder()

    def say(self, text: str, error: bool = False, reason: str | None = None) -> None:
        """A one-line notice over the scene; one about the same ``reason`` replaces it."""
        self.notice.show(text, error, reason)

    def unsay(self, reason: str) -> None:
        """Take down the notice about ``reason``: what it said is no longer so."""
        self.notice.clear(reason)

    def warn(self, text: str) -> None:
        """One warning line (terminal and screen), and the game goes on."""
        print(f"warning: {text}", file=sys.stderr)
        self.notice.show(text, error=True)

    def handle(self, event: pygame.Event) -> bool:
        return self.sections.handle(event)

    def update(self, wall_dt: float) -> None:
        self.sections.update(wall_dt)

    def draw(self, surface: pygame.Surface) -> None:
        self.sections.draw(surface)

    def after_draw(self, surface: pygame.Surface, wall_dt: float) -> None:
        """What the canvas shows is recorded; the red dot is drawn after, so not in the clip."""
        self.recorder.capture(surface, wall_dt)
        self.recorder.draw_badge(surface, wall_dt)

    def close(self) -> None:
        """Leaving the loop: a clip being recorded is finished, not cut off."""
        saved = self.recorder.finish()
        if saved is not None:
            print(f"recorded {saved}")

    # -- the key table's commands -----------------------------------------------------
    def action_toggle_help(self) -> None:
        help_panel = self.sections["help"]
        help_panel.visible = not help_panel.visible

    def action_toggle_welcome(self) -> None:
        self.welcome.visible = not self.welcome.visible

    def action_toggle_recording(self) -> None:
        """F9: start or stop a clip of the screen; a folder that cannot be made is a notice."""
        try:
            self.recorder.toggle(f"async-burgers-{self.game.time.mode}")
        except OSError as error:
            print(f"recording not started: {describe(error)}", file=sys.stderr)
            self.say(_("recording not started: {why}").format(why=describe(error)), True)
