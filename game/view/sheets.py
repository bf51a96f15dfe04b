"""Sprite sheets in Aseprite's JSON layout: load once, cut frames, tint and flip with a cache."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pygame

from ..resources import assets_dir

# An artist can point the game at their own sheets (ASYNC_BURGERS_ASSETS) without touching
# the committed ones; an installed game finds them inside the package.
ASSETS = assets_dir()


class AssetError(RuntimeError):
    """A sprite sheet is missing or broken; the message says which file and how to fix it."""


@dataclass(frozen=True)
class Animation:
    frames: tuple[pygame.Surface, ...]
    durations: tuple[float, ...]  # seconds
    anchor: tuple[int, int]  # the pixel that stands on the floor point (feet)

    def frame_at(self, t: float) -> pygame.Surface:
        """Frame shown ``t`` seconds into the animation (looping)."""
        if len(self.frames) == 1:
            return self.frames[0]
        total = sum(self.durations)
        t %= total
        for frame, duration in zip(self.frames, self.durations, strict=True):
            if t < duration:
                return frame
            t -= duration
        return self.frames[-1]


class Sheet:
    """One PNG + JSON pair; ``anim(tag)`` gives the frames of a tag."""

    def __init__(self, name: str, folder: Path = ASSETS) -> None:
        self.name = name
        png, meta = folder / f"{name}.png", folder / f"{name}.json"
        for path in (png, meta):
            if not path.is_file():
                raise AssetError(
                    f"missing sprite sheet file {path} - run `python assets/generate.py` to "
                    "redraw the assets"
                )
        try:
            data = json.loads(meta.read_text())
            image = pygame.image.load(str(png))
        except (ValueError, pygame.error) as error:
            raise AssetError(f"broken sprite sheet {name}: {error}") from error
        if pygame.display.get_init() and pygame.display.get_surface() is not None:
            image = image.convert_alpha()
        self.image = image
        frames = data["frames"]
        if isinstance(frames, dict):  # Aseprite "hash" layout
            frames = list(frames.values())
        sheet_anchor = data["meta"].get("anchor")
        self.anims: dict[str, Animation] = {}
        for tag in data["meta"]["frameTags"]:
            cut = frames[tag["from"] : tag["to"] + 1]
            surfaces = tuple(
                image.subsurface(
                    pygame.Rect(f["frame"]["x"], f["frame"]["y"], f["frame"]["w"], f["frame"]["h"])
                )
                for f in cut
            )
            anchor = (
                tag.get("anchor")
                or sheet_anchor
                or {"x": surfaces[0].get_width() // 2, "y": surfaces[0].get_height()}
            )
            self.anims[tag["name"]] = Animation(
                surfaces,
                tuple(f.get("duration", 100) / 1000.0 for f in cut),
                (anchor["x"], anchor["y"]),
            )

    def anim(self, tag: str) -> Animation:
        try:
            return self.anims[tag]
        except KeyError:
            raise AssetError(f"sprite sheet {self.name} has no animation {tag!r}") from None

    def image_of(self, tag: str) -> pygame.Surface:
        return self.anim(tag).frames[0]


def tinted(base: Animation, tint: Animation, colour: tuple[int, int, int]) -> Animation:
    """Base frames with the tint layer multiplied by ``colour`` on top (clothes colours)."""
    frames = []
    for b, t in zip(base.frames, tint.frames, strict=True):
        out = b.copy()
        layer = t.copy()
        layer.fill((*colour, 255), special_flags=pygame.BLEND_RGBA_MULT)
        out.blit(layer, (0, 0))
        frames.append(out)
    return Animation(tuple(frames), base.durations, base.anchor)


def flipped(anim: Animation) -> Animation:
    frames = tuple(pygame.transform.flip(f, True, False) for f in anim.frames)
    width = anim.frames[0].get_width()
    return Animation(frames, anim.durations, (width - anim.anchor[0], anim.anchor[1]))


class Library:
    """All sheets the game uses, plus caches of tinted and flipped variants."""

    SHEETS = (
        "boy",
        "boy_tint",
        "girl",
        "girl_tint",
        "cashier",
        "cook",
        "cashier_cook",
        "cleaner",
        "props",
        "house",
    )

    def __init__(self, folder: Path = ASSETS) -> None:
        self.sheets = {name: Sheet(name, folder) for name in self.SHEETS}
        self._cache: dict[tuple[object, ...], Animation] = {}

    def __getitem__(self, name: str) -> Sheet:
        return self.sheets[name]

    def prop(self, tag: str) -> pygame.Surface:
        return self.sheets["props"].image_of(tag)

    def anim(
        self, sheet: str, tag: str, facing: int = 1, colour: tuple[int, int, int] | None = None
    ) -> Animation:
        key = (sheet, tag, facing, colour)
        anim = self._cache.get(key)
        if anim is None:
            if facing < 0:
                anim = flipped(self.anim(sheet, tag, 1, colour))
            elif colour is not None:
                anim = tinted(self[sheet].anim(tag), self[f"{sheet}_tint"].anim(tag), colour)
            else:
                anim = self[sheet].anim(tag)
            self._cache[key] = anim
        return anim
