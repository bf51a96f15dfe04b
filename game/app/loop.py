"""The main loop as a coroutine, so the same game runs on the desktop and in a browser.

The web page (Pyodide, game/web/) needs the loop to be an ``async def`` that hands control
back once a frame with ``await asyncio.sleep(0)``: the page draws and takes input then
(its pygame makes that turn wait for the browser's next animation frame).
On the desktop ``asyncio.run`` drives it and the ``await`` costs a few microseconds.
See docs/web.md.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:
    from .window import Game


async def main_loop(game: Game, fps: int, max_frames: int = 0) -> int:
    """Frame after frame until the player quits (or ``max_frames``, for tests)."""
    clock = pygame.Clock()
    frames = 0
    try:
        while game.running:
            wall_dt = clock.tick(fps) / 1000.0
            game.frame(wall_dt)
            game.present()
            frames += 1
            await asyncio.sleep(0)  # once a frame: the browser's turn (a no-op on the desktop)
            if max_frames and frames >= max_frames:
                break
    finally:
        game.shut_down()
    return 0
