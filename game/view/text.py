"""Text rendered once and reused: labels are cached by (text, size, colour).

Sizes are given as designed for a laptop (scale 1); ``set_scale`` makes every label
larger for a projector, and ``px`` scales the spacing that goes with it, so a panel
written once lays itself out at 1, 1.25 or 1.5. At scale 1 nothing changes at all.
Text on an object of fixed size (the board's lettering, a tray's number) asks for
``fixed=True``; ``fit`` grows text only as far as its box allows, and ``fitted`` shrinks a
long translation until it fits its box, at any scale.
"""

from __future__ import annotations

import pygame

_fonts: dict[tuple[int, bool], pygame.font.Font] = {}
_labels: dict[tuple[str, int, tuple[int, ...], bool], pygame.Surface] = {}
LABEL_CACHE = 600  # enough for every label of a frame many times over; bounded memory
_scale = 1.0


def set_scale(value: float) -> None:
    """Every caption, HUD, panel and help text from now on (1 = as designed)."""
    global _scale
    _scale = float(value)


def text_scale() -> float:
    return _scale


def px(n: float) -> int:
    """A length laid out for scale 1, at the current text scale."""
    return int(n) if _scale == 1.0 else round(n * _scale)


def reset() -> None:
    """Forget cached fonts and labels (fonts die with ``pygame.quit``; call after re-init)."""
    _fonts.clear()
    _labels.clear()


def font(size: int, bold: bool = False, *, fixed: bool = False) -> pygame.font.Font:
    size = size if fixed else px(size)
    key = (size, bold)
    if key not in _fonts:
        if not pygame.font.get_init():
            pygame.font.init()
        if not _fonts:  # fonts die with pygame.quit(): forget them (and their labels) then
            pygame.register_quit(reset)
        f = pygame.font.Font(None, size)
        f.bold = bold
        _fonts[key] = f
    return _fonts[key]


def label(
    text: str, size: int, colour: tuple[int, ...], bold: bool = False, *, fixed: bool = False
) -> pygame.Surface:
    """A cached anti-aliased text surface (bounded cache: HUD numbers change every second)."""
    size = size if fixed else px(size)
    key = (text, size, colour, bold)
    surface = _labels.get(key)
    if surface is None:
        if len(_labels) >= LABEL_CACHE:
            del _labels[next(iter(_labels))]  # the least recently used one
        surface = font(size, bold, fixed=True).render(text, True, colour)
    else:
        del _labels[key]  # re-inserted below: dicts keep insertion order, so this is LRU
    _labels[key] = surface
    return surface


def outlined(
    text: str,
    size: int,
    colour: tuple[int, ...],
    outline: tuple[int, ...],
    *,
    fixed: bool = False,
) -> pygame.Surface:
    """Text with a 2px outline, readable over any background (captions over the scene)."""
    size = size if fixed else px(size)
    key = (f"\0outline:{outline}:{text}", size, colour, True)
    surface = _labels.get(key)
    if surface is None:
        inner = label(text, size, colour, True, fixed=True)
        edge = label(text, size, outline, True, fixed=True)
        w, h = inner.get_size()
        surface = pygame.Surface((w + 4, h + 4), pygame.SRCALPHA)
        for dx in (0, 2, 4):
            for dy in (0, 2, 4):
                surface.blit(edge, (dx, dy))
        surface.blit(inner, (2, 2))
        _labels[key] = surface
    return surface


def fit(
    text: str,
    size: int,
    colour: tuple[int, ...],
    bold: bool = False,
    *,
    width: int,
    height: int | None = None,
    smallest: int | None = None,
    shrink: bool = True,
) -> pygame.Surface:
    """The label at the scaled size, smaller (down to ``smallest``, else ``size``) if its box
    is too small (unless ``shrink`` is off: lines of code keep one size), and only then cut
    short with an ellipsis: never drawn past the box.
    At scale 1 it is exactly ``label``: the layouts were designed for that size."""
    if _scale == 1.0:
        return label(text, size, colour, bold)
    smallest = min(size, smallest or size) if shrink else px(size)
    for real in range(px(size), smallest - 1, -1):
        img = label(text, real, colour, bold, fixed=True)
        if img.get_width() <= width and (height is None or img.get_height() <= height):
            return img
    while len(text) > 1 and img.get_width() > width:
        text = text[:-2] + "…"
        img = label(text, smallest, colour, bold, fixed=True)
    return img


def fitted(
    text: str, size: int, colour: tuple[int, ...], width: int, bold: bool = False, least: int = 14
) -> pygame.Surface:
    """``label`` at ``size``, or smaller (down to ``least``) until it is ``width`` wide at
    most: a translation longer than the English still fits its box. With big text it is
    ``fit`` (the scaled size, down to ``least``, then cut short): never past the box."""
    if _scale != 1.0:
        return fit(text, size, colour, bold, width=width, smallest=least)
    image = label(text, size, colour, bold)
    while image.get_width() > width and size > least:
        size -= 1
        image = label(text, size, colour, bold)
    return image
