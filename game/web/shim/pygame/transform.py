"""pygame.transform: scaling and mirroring done by the canvas (smooth scaling is the
browser's high-quality filter, close to pygame's box filter but not the same pixels)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from . import _backend as B
from .constants import SRCALPHA
from .surface import Surface


def _flags(surface: Surface) -> int:
    return SRCALPHA if surface._alpha else 0


def _scaled(surface: Surface, size: Sequence[float], smooth: bool, dest: Any) -> Surface:
    w, h = int(size[0]), int(size[1])
    if w < 0 or h < 0:
        raise ValueError("Cannot scale to negative size")
    if dest is not None:
        if dest.get_size() != (w, h):
            raise ValueError("Destination surface not the given width or height.")
        B.canvas.scaled(surface._s, w, h, smooth, dest._s)
        return dest
    return Surface((w, h), _flags(surface), _handle=B.canvas.scaled(surface._s, w, h, smooth, None))


def smoothscale(surface: Surface, size: Sequence[float], dest_surface: Any = None) -> Surface:
    return _scaled(surface, size, True, dest_surface)


def scale(surface: Surface, size: Sequence[float], dest_surface: Any = None) -> Surface:
    return _scaled(surface, size, False, dest_surface)


def _by(surface: Surface, factor: Any) -> tuple[int, int]:
    fx, fy = (factor, factor) if isinstance(factor, (int, float)) else factor
    return int(surface.get_width() * fx), int(surface.get_height() * fy)


def smoothscale_by(surface: Surface, factor: Any, dest_surface: Any = None) -> Surface:
    return _scaled(surface, _by(surface, factor), True, dest_surface)


def scale_by(surface: Surface, factor: Any, dest_surface: Any = None) -> Surface:
    return _scaled(surface, _by(surface, factor), False, dest_surface)


def flip(surface: Surface, flip_x: bool, flip_y: bool) -> Surface:
    handle = B.canvas.flipped(surface._s, bool(flip_x), bool(flip_y))
    return Surface(surface.get_size(), _flags(surface), _handle=handle)
