"""From painted frames to files: one PNG and one Aseprite "array" JSON per sheet.

Frames are shelf-packed one row per tag, so the PNG is easy to read for an artist, and the
JSON is written with sorted keys and a fixed indent, so the bytes never change by accident.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pygame

from .figure import Look, draw_person
from .painter import Painter
from .palette import OUTLINE, RGB
from .poses import Tag

FRAME_W, FRAME_H = 48, 80  # every character frame
ANCHOR = {"x": 24, "y": 77}  # where a character's feet touch the floor


class Prop(NamedTuple):
    """One tag of a props-style sheet and the function that paints frame ``i`` of it."""

    tag: str
    size: tuple[int, int]
    frames: int
    ms: int  # duration of each frame
    paint: Callable[[Painter, int], None]
    # What transparent pixels hold; smoothscale blends it into the edges, so pale, see-through
    # things (steam, bubbles, sparkles) use white rather than the dark outline colour.
    clear: RGB = OUTLINE


@dataclass
class Sheet:
    """Frames of one sheet before packing: (tag, duration, surface) in order."""

    name: str
    frames: list[tuple[str, int, pygame.Surface]] = field(default_factory=list)
    anchor: dict[str, int] | None = None

    def tags(self) -> list[tuple[str, int, int]]:
        """(tag, first index, last index) in order."""
        out: list[tuple[str, int, int]] = []
        for i, (tag, _, _) in enumerate(self.frames):
            if out and out[-1][0] == tag:
                out[-1] = (tag, out[-1][1], i)
            else:
                out.append((tag, i, i))
        return out


def character_sheets(name: str, look: Look, tags: Callable[[], list[Tag]],
                     tinted: bool) -> list[Sheet]:
    """Render a character (and its tint sheet) frame by frame."""
    base = Sheet(name, anchor=dict(ANCHOR))
    tint = Sheet(name + "_tint", anchor=dict(ANCHOR))
    for tag, ms, poses in tags():
        for pose in poses:
            c = Painter(FRAME_W, FRAME_H, tint=tinted)
            draw_person(c, look, pose)
            b, t = c.finish()
            base.frames.append((tag, ms, b))
            if t is not None:
                tint.frames.append((tag, ms, t))
    return [base, tint] if tinted else [base]


def prop_sheet(name: str, spec: Sequence[Prop]) -> Sheet:
    """Render a props-style sheet (varied frame sizes, no sheet anchor)."""
    sheet = Sheet(name)
    for tag, (w, h), count, ms, paint, clear in spec:
        for i in range(count):
            c = Painter(w, h, clear=clear)
            paint(c, i)
            sheet.frames.append((tag, ms, c.finish()[0]))
    return sheet


def pack(sheet: Sheet, max_w: int = 512) -> tuple[pygame.Surface, dict]:
    """Shelf-pack frames (one row per tag, wrapped at max_w) and build the Aseprite JSON."""
    places: list[tuple[int, int]] = []
    x = y = row_h = width = 0
    prev_tag = None
    for tag, _, surf in sheet.frames:
        w, h = surf.get_size()
        if places and (tag != prev_tag or x + w > max_w):
            x, y, row_h = 0, y + row_h, 0
        places.append((x, y))
        x += w
        row_h = max(row_h, h)
        width = max(width, x)
        prev_tag = tag
    height = y + row_h
    image = pygame.Surface((width, height), pygame.SRCALPHA)
    image.fill((0, 0, 0, 0))
    frames = []
    counters: dict[str, int] = {}
    for (tag, ms, surf), (fx, fy) in zip(sheet.frames, places, strict=True):
        image.blit(surf, (fx, fy), special_flags=pygame.BLEND_RGBA_MAX)
        w, h = surf.get_size()
        k = counters.get(tag, 0)
        counters[tag] = k + 1
        frames.append({
            "filename": f"{tag} {k}", "frame": {"x": fx, "y": fy, "w": w, "h": h},
            "rotated": False, "trimmed": False,
            "spriteSourceSize": {"x": 0, "y": 0, "w": w, "h": h},
            "sourceSize": {"w": w, "h": h}, "duration": ms,
        })
    frame_tags = []
    for tag, a, b in sheet.tags():
        entry: dict = {"name": tag, "from": a, "to": b, "direction": "forward"}
        if sheet.anchor is None:
            w, h = sheet.frames[a][2].get_size()
            entry["anchor"] = {"x": w // 2, "y": h}
        frame_tags.append(entry)
    meta: dict = {"app": "assets/generate.py", "version": "1", "image": f"{sheet.name}.png",
                  "format": "RGBA8888", "size": {"w": width, "h": height}, "scale": "1",
                  "frameTags": frame_tags}
    if sheet.anchor is not None:
        meta["anchor"] = sheet.anchor
    return image, {"frames": frames, "meta": meta}


def write(sheets: list[Sheet], out: Path) -> None:
    """Write NAME.png + NAME.json for each sheet."""
    out.mkdir(parents=True, exist_ok=True)
    for sheet in sheets:
        image, data = pack(sheet)
        pygame.image.save(image, str(out / f"{sheet.name}.png"))
        text = json.dumps(data, indent=1, sort_keys=True) + "\n"
        (out / f"{sheet.name}.json").write_text(text, encoding="utf-8")


