"""The window around the picture: any size, fullscreen, letterboxed to 16:9.

The game always draws on a fixed 1280x720 canvas, so every layout, click target and
screenshot stays the same; only here is that canvas scaled into the window, keeping its
shape with bars around it, and clicks in the window mapped back onto the canvas. At the
canvas's own size nothing is scaled at all.
"""

from __future__ import annotations

import pygame

SIZE = (1280, 720)
BARS = (0, 0, 0)
Pos = tuple[int, int]


def letterbox(window: tuple[int, int], size: tuple[int, int] = SIZE) -> pygame.Rect:
    """The largest rectangle of the canvas's shape centred in ``window``."""
    ww, wh = window
    w, h = size
    scale = min(ww / w, wh / h)
    box_w, box_h = max(1, round(w * scale)), max(1, round(h * scale))
    return pygame.Rect((ww - box_w) // 2, (wh - box_h) // 2, box_w, box_h)


def to_canvas(
    pos: tuple[float, float], window: tuple[int, int], size: tuple[int, int] = SIZE
) -> Pos | None:
    """The canvas pixel under window point ``pos``; None on the bars."""
    box = letterbox(window, size)
    x, y = pos[0] - box.x, pos[1] - box.y
    if not (0 <= x < box.w and 0 <= y < box.h):
        return None
    return min(size[0] - 1, int(x * size[0] / box.w)), min(size[1] - 1, int(y * size[1] / box.h))


class Display:
    """Owns the window: the canvas the game draws on, resizing, fullscreen and presenting."""

    def __init__(self, window: pygame.Surface, *, size: tuple[int, int] = SIZE) -> None:
        self.size = size
        self.window = window
        self.canvas = pygame.Surface(size).convert()
        self.windowed_size = window.get_size() if not self.fullscreen else size
        self._scaled: pygame.Surface | None = None  # reused between frames of one size

    @property
    def fullscreen(self) -> bool:
        return pygame.display.is_fullscreen()

    def set_fullscreen(self, on: bool) -> None:
        """Desktop-sized fullscreen, or back to the window size it had before."""
        if on == self.fullscreen:
            return
        if on:
            self.windowed_size = self.window.get_size()
            self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            self.window = pygame.display.set_mode(self.windowed_size, pygame.RESIZABLE)

    def toggle_fullscreen(self) -> None:
        self.set_fullscreen(not self.fullscreen)

    def handle(self, event: pygame.Event) -> bool:
        """Follow the window's size; True if the event was the window's, not the game's."""
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.window = pygame.display.get_surface() or self.window
            return True
        return False

    def to_canvas(self, pos: tuple[float, float]) -> Pos | None:
        return to_canvas(pos, self.window.get_size(), self.size)

    def on_canvas(self, event: pygame.Event) -> pygame.Event | None:
        """The event with its window ``pos`` mapped onto the canvas, so every section and
        scene reads canvas pixels; None for a pointer on the bars. Other events as they are."""
        if not hasattr(event, "pos") or self.window.get_size() == self.size:
            return event
        pos = self.to_canvas(event.pos)
        if pos is None:
            return None
        return pygame.Event(event.type, {**event.dict, "pos": pos})

    def present(self) -> None:
        """Show the canvas in the window (letterboxed when the shapes differ) and flip."""
        if self.window.get_size() == self.size:
            self.window.blit(self.canvas, (0, 0))
        else:
            box = letterbox(self.window.get_size(), self.size)
            self.window.fill(BARS)
            if self._scaled is None or self._scaled.get_size() != box.size:
                self._scaled = pygame.Surface(box.size).convert()
            # smooth both ways: shrinking averages pixels so text stays legible (~2 ms at 1080p)
            pygame.transform.smoothscale(self.canvas, box.size, self._scaled)
            self.window.blit(self._scaled, box)
        pygame.display.flip()
