"""pygame-ce's letter widths for the page: how far each letter moves the pen, per pixel size.

pygame's default font is hinted by FreeType, so its letters are wider than the browser's
unhinted ones (about 8 % at 13 pixels per em): text measured by the browser would wrap,
centre and clip differently from the desktop. So the build asks the installed pygame-ce,
once, for each letter's advance (in 1/64 pixel, from a run of 64 of it) at each size; the
page gives each label pygame's width and stretches the browser's letters to fill it
(game/web/shim/pygame/font.py)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .. import i18n

SIZES = range(4, 73)  # pixels per em the page looks up; others are scaled by the browser
EXTRA = "…→←·•×–—‘’“”°±¿¡"


def charset() -> str:
    """Printable ASCII, Latin-1 and every letter of every catalog."""
    letters = {chr(c) for c in range(32, 127)} | {chr(c) for c in range(160, 256)} | set(EXTRA)
    for path in Path(i18n.LOCALE_DIR).glob("*/LC_MESSAGES/*.po"):
        letters |= set(path.read_text(encoding="utf-8"))
    return "".join(sorted(c for c in letters if c.isprintable()))


def table() -> dict[str, object]:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame

    pygame.font.init()
    chars = charset()
    sizes: dict[int, list[int]] = {}
    for size in range(1, 200):
        font = pygame.font.Font(None, size)
        ppem = font.size("x")[1]
        if ppem in SIZES and ppem not in sizes:
            sizes[ppem] = [font.size(c * 64)[0] for c in chars]
    return {"chars": chars, "sizes": sizes}


def write(path: Path) -> None:
    path.write_text(json.dumps(table(), ensure_ascii=False, separators=(",", ":")))
