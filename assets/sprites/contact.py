"""A contact sheet: every tag of every sheet, zoomed, on a warm and a cool background.

Not part of the game's assets; it exists so a person can look at all the art at once
(``python assets/generate.py --contact /tmp/contact.png``) after changing a drawing.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from .palette import RGB
from .sheets import Sheet

CONTACT_TINTS: list[RGB] = [(230, 70, 90), (70, 170, 90), (90, 110, 230)]


def tinted(base: pygame.Surface, tint: pygame.Surface, col: RGB) -> pygame.Surface:
    """How the game should colour a customer: multiply the tint layer, blit it over the base."""
    layer = tint.copy()
    layer.fill((*col, 255), special_flags=pygame.BLEND_RGBA_MULT)
    out = base.copy()
    out.blit(layer, (0, 0))
    return out


def _contact_row(frames: list[pygame.Surface], zoom: int) -> pygame.Surface:
    """Frames side by side at ``zoom`` x, once on a warm and once on a cool background."""
    w = sum(f.get_width() * zoom + 4 for f in frames) + 4
    h = max(f.get_height() for f in frames) * zoom + 8
    row = pygame.Surface((w * 2, h))
    for bi, bg in enumerate(((250, 225, 130), (200, 228, 246))):
        row.fill(bg, (bi * w, 0, w, h))
        x = bi * w + 4
        for f in frames:
            big = pygame.transform.scale(f, (f.get_width() * zoom, f.get_height() * zoom))
            row.blit(big, (x, h - 4 - big.get_height()))
            x += big.get_width() + 4
    return row


def _flow(rows: list[pygame.Surface], max_h: int) -> pygame.Surface:
    """Stack rows into columns no taller than ``max_h``."""
    columns: list[list[pygame.Surface]] = [[]]
    for row in rows:
        if columns[-1] and sum(r.get_height() + 4 for r in columns[-1]) + row.get_height() > max_h:
            columns.append([])
        columns[-1].append(row)
    widths = [max(r.get_width() for r in col) for col in columns]
    height = max(sum(r.get_height() + 4 for r in col) for col in columns)
    img = pygame.Surface((sum(widths) + 8 * len(widths), height))
    img.fill((60, 60, 60))
    x = 0
    for col, w in zip(columns, widths, strict=True):
        y = 0
        for r in col:
            img.blit(r, (x, y))
            y += r.get_height() + 4
        x += w + 8
    return img


def contact_sheet(sheets: list[Sheet], path: Path, zoom: int = 2) -> None:
    """Write ``path`` (everything) and ``<stem>_props.png`` (props and house alone)."""
    by_name = {s.name: s for s in sheets}
    chars: list[pygame.Surface] = []
    props: list[pygame.Surface] = []
    for sheet in sheets:
        if sheet.name.endswith("_tint"):
            continue
        tint = by_name.get(sheet.name + "_tint")
        for _tag, a, b in sheet.tags():
            frames = [sheet.frames[i][2] for i in range(a, b + 1)]
            if tint is not None:
                frames += [tinted(sheet.frames[i][2], tint.frames[i][2], col)
                           for col in CONTACT_TINTS for i in range(a, b + 1)]
            (chars if sheet.anchor else props).append(_contact_row(frames, zoom))
    top, bottom = _flow(chars, 1700), _flow(props, 1700)
    img = pygame.Surface((max(top.get_width(), bottom.get_width()),
                          top.get_height() + bottom.get_height() + 8))
    img.fill((60, 60, 60))
    img.blit(top, (0, 0))
    img.blit(bottom, (0, top.get_height() + 8))
    pygame.image.save(img, str(path))
    pygame.image.save(bottom, str(path.with_name(path.stem + "_props.png")))
