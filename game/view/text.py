"""Text rendered once and reused: labels are cached by (text, size, colour)."""

from __future__ import annotations

import pygame

_fonts: dict[tuple[int, bool], pygame.font.Font] = {}
_labels: dict[tuple[str, int, tuple[int, ...], bool], pygame.Surface] = {}
LABEL_CACHE = 600  # enough for every label of a frame many times over; bounded memory


def reset() -> None:
    """Forget cached fonts and labels (fonts die with ``pygame.quit``; call after re-init)."""
    _fonts.clear()
    _labels.clear()


def font(size: int, bold: bool = False) -> pygame.font.Font:
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


def label(text: str, size: int, colour: tuple[int, ...], bold: bool = False) -> pygame.Surface:
    """A cached anti-aliased text surface (bounded cache: HUD numbers change every second)."""
    key = (text, size, colour, bold)
    surface = _labels.get(key)
    if surface is None:
        if len(_labels) >= LABEL_CACHE:
            del _labels[next(iter(_labels))]  # the least recently used one
        surface = font(size, bold).render(text, True, colour)
    else:
        del _labels[key]  # re-inserted below: dicts keep insertion order, so this is LRU
    _labels[key] = surface
    return surface


def outlined(
    text: str, size: int, colour: tuple[int, ...], outline: tuple[int, ...]
) -> pygame.Surface:
    """Text with a 2px outline, readable over any background (captions over the scene)."""
    key = (f"\0outline:{outline}:{text}", size, colour, True)
    surface = _labels.get(key)
    if surface is None:
        inner = label(text, size, colour, True)
        edge = label(text, size, outline, True)
        w, h = inner.get_size()
        surface = pygame.Surface((w + 4, h + 4), pygame.SRCALPHA)
        for dx in (0, 2, 4):
            for dy in (0, 2, 4):
                surface.blit(edge, (dx, dy))
        surface.blit(inner, (2, 2))
        _labels[key] = surface
    return surface


def fitted(
    text: str, size: int, colour: tuple[int, ...], width: int, bold: bool = False, least: int = 14
) -> pygame.Surface:
    """``label`` at ``size``, or smaller (down to ``least``) until it is ``width`` wide at
    most: a translation longer than the English still fits its box."""
    image = label(text, size, colour, bold)
    while image.get_width() > width and size > least:
        size -= 1
        image = label(text, size, colour, bold)
    return image
