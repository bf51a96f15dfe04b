"""pygame for the page: the part of pygame-ce the game calls, drawn on HTML canvases.

The browser build installs this package as ``pygame`` inside the page (no pygame-ce build
for the browser is reachable, and the game's code stays as it is). It is written for
exactly what the game uses (``grep -r pygame. game``), with pygame's numbers, rules and
names; what it cannot do in a page it says so with ``pygame.error``. Its JavaScript half
is game/web/page/pgcanvas.js; tests/web/ check the two against pygame-ce.
"""

from __future__ import annotations

from collections.abc import Callable

from . import (
    constants,
    display,
    draw,
    event,
    font,
    image,
    key,
    mixer,
    mouse,
    scrap,
    time,
    transform,
)
from .constants import *  # noqa: F403 - pygame exports its constants at the top
from .event import Event
from .rect import FRect, Rect
from .surface import Surface, error
from .time import Clock

__all__ = [
    "Clock", "Event", "FRect", "Rect", "Surface", "constants", "display", "draw", "error",
    "event", "font", "get_init", "image", "init", "key", "mixer", "mouse", "quit",
    "register_quit", "scrap", "time", "transform", "IS_CE", "WEB",
]

IS_CE = True
WEB = True  # this is the page's pygame, not pygame-ce
ver = "2.5.8-web"
_quitters: list[Callable[[], object]] = []
_init = False


class version:  # noqa: N801 - pygame's name
    ver = "2.5.8-web"
    vernum = (2, 5, 8)
    SDL = "web"


def init() -> tuple[int, int]:
    global _init
    _init = True
    display.init()
    font.init()
    return 2, 0


def get_init() -> bool:
    return _init


def register_quit(function: Callable[[], object]) -> None:
    _quitters.append(function)


def quit() -> None:  # noqa: A001 - pygame's name
    global _init
    _init = False
    for function in reversed(_quitters):
        function()
    _quitters.clear()
    font.quit()
    display.quit()
    if mixer.get_init():
        mixer.quit()
