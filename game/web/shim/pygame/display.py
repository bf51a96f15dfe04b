"""pygame.display on the page's canvas: the window is the <canvas>, always the size the game
asked for (the page scales it to fit with CSS, so clicks arrive in canvas pixels);
fullscreen is the browser's (F11 asks for it in the page itself: browsers allow it only
while handling the key), and ``flip`` ends a frame: the game's next turn comes with the
next animation frame instead of at once, so the loop runs at the screen's rate."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

from . import _backend as B
from .constants import FULLSCREEN
from .surface import Surface

_screen: Surface | None = None
_init = False
_paced: set[int] = set()
frame_done = False


def init() -> None:
    global _init
    _init = True


def quit() -> None:  # noqa: A001 - pygame's name
    global _init, _screen
    _init, _screen = False, None


def get_init() -> bool:
    return _init


def set_mode(size: Sequence[int] = (0, 0), flags: int = 0, depth: int = 0, display: int = 0,
             vsync: int = 0) -> Surface:
    global _screen
    init()
    w, h = int(size[0]), int(size[1])
    if (w, h) == (0, 0) or flags & FULLSCREEN:
        w, h = _screen.get_size() if _screen is not None else (1280, 720)
        B.page.fullscreen(True)
    if _screen is None or _screen.get_size() != (w, h):
        _screen = Surface((w, h), 0, _handle=B.page.screen(w, h))
    _pace()
    return _screen


def get_surface() -> Surface | None:
    return _screen


def flip() -> None:
    global frame_done
    frame_done = True
    B.page.presented()


def update(rects: Any = None) -> None:
    flip()


def is_fullscreen() -> bool:
    return bool(B.page.isFullscreen())


def toggle_fullscreen() -> int:
    B.page.fullscreen(not is_fullscreen())
    return 1


def set_caption(title: str, icontitle: str = "") -> None:
    B.page.caption(str(title))


def get_caption() -> tuple[str, str]:
    return str(B.page.title()), ""


def set_icon(surface: Surface) -> None:
    """The page keeps its own icon."""


def get_desktop_sizes() -> list[tuple[int, int]]:
    return [tuple(B.to_py(B.page.screenSize()))]  # type: ignore[list-item]


def Info() -> Any:  # noqa: N802 - pygame's name
    w, h = get_desktop_sizes()[0]
    return type("VidInfo", (), {"current_w": w, "current_h": h})()


def get_window_size() -> tuple[int, int]:
    return _screen.get_size() if _screen is not None else (0, 0)


def _pace() -> None:
    """After a flip, the event loop's next turn waits for the browser's next frame."""
    try:
        loop = asyncio.get_event_loop()
    except RuntimeError:
        return
    if id(loop) in _paced or not hasattr(loop, "call_later"):
        return
    _paced.add(id(loop))
    soon = loop.call_soon

    def call_soon(callback: Any, *args: Any, context: Any = None) -> asyncio.Handle:
        global frame_done
        if not frame_done:
            return soon(callback, *args, context=context)
        frame_done = False
        handle = asyncio.Handle(callback, args, loop, context=context)
        B.page.nextFrame(B.once(lambda *_: None if handle.cancelled() else handle._run()))
        return handle

    loop.call_soon = call_soon  # type: ignore[method-assign]
