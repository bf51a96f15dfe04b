"""Sprite sheets in Aseprite's JSON layout: load once, cut frames, tint and flip with a cache."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygame

from ..quiet import quiet_stderr
from ..resources import assets_dir, builtin_dir
from .sheet_format import AssetError, check_png, read_sheet_json

# The sheets the generator writes: the checkout's assets/, or inside the installed package.
BUILTIN = builtin_dir()
# An artist can point the game at their own sheets (ASYNC_BURGERS_ASSETS) without touching
# the committed ones.
ASSETS = assets_dir()


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
    """One PNG + JSON pair, checked whole when loaded; ``anim(tag)`` gives a tag's frames."""

    def __init__(self, name: str, folder: Path = ASSETS) -> None:
        self.name = name
        png, meta = folder / f"{name}.png", folder / f"{name}.json"
        self.path = meta
        for path in (png, meta):
            if not path.is_file():
                raise AssetError(
                    f"missing sprite sheet file {path} - run `python assets/generate.py` to "
                    "redraw the assets"
                )
        spec = read_sheet_json(meta)
        check_png(png, spec.size, meta.name)  # whole, and as big as it says, before it is decoded
        try:
            with quiet_stderr():  # libpng's own line; ours says which file and why
                image = pygame.image.load(str(png))
        except (OSError, pygame.error) as error:
            reason = " ".join(str(error).split()) or type(error).__name__
            raise AssetError(f"sprite sheet {png} is not a readable image: {reason}") from None
        if image.get_size() != spec.size:
            raise AssetError(
                f"sprite sheet {png} is {image.get_width()}x{image.get_height()} pixels but "
                f"{meta.name} says {spec.size[0]}x{spec.size[1]} (meta.size)"
            )
        if pygame.display.get_init() and pygame.display.get_surface() is not None:
            image = image.convert_alpha()
        self.image = image
        self.anims: dict[str, Animation] = {}
        for tag in spec.tags:
            cut = spec.frames[tag.first : tag.last + 1]
            self.anims[tag.name] = Animation(
                tuple(image.subsurface(pygame.Rect(f.rect)) for f in cut),
                tuple(f.duration for f in cut),
                tag.anchor,
            )

    def anim(self, tag: str) -> Animation:
        try:
            return self.anims[tag]
        except KeyError:
            raise AssetError(f"sprite sheet {self.path} has no animation {tag!r}") from None

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
        if folder.resolve() != BUILTIN.resolve():
            for sheet in self.sheets.values():
                _check_has_builtin_tags(sheet)
        for name in self.SHEETS:
            if name.endswith("_tint"):
                _check_tint_matches(self.sheets[name], self.sheets[name.removesuffix("_tint")])

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


def _check_has_builtin_tags(sheet: Sheet) -> None:
    """Another folder's sheet must have every animation the game's own sheet has.

    The game asks for animations by name while it plays (a pose, a prop); one that is missing
    would stop it in the middle of a day, so it is refused at start-up instead.
    """
    try:
        wanted = [tag.name for tag in read_sheet_json(BUILTIN / f"{sheet.name}.json").tags]
    except AssetError:
        return  # the game's own sheet is gone too; the other folder's one is all there is
    missing = [name for name in wanted if name not in sheet.anims]
    if missing:
        shown = ", ".join(repr(name) for name in missing[:6])
        more = f" and {len(missing) - 6} more" if len(missing) > 6 else ""
        raise AssetError(
            f"sprite sheet {sheet.path} has no animation {shown}{more}, which the game draws"
        )


def _check_tint_matches(tint: Sheet, base: Sheet) -> None:
    """A tint sheet is laid over its base frame by frame, so both must have the same frames."""
    for name, anim in base.anims.items():
        layer = tint.anims.get(name)
        if layer is None:
            raise AssetError(
                f"sprite sheet {tint.path} has no animation {name!r}, which {base.path.name} has"
            )
        if len(layer.frames) != len(anim.frames):
            raise AssetError(
                f"sprite sheet {tint.path}: animation {name!r} has {len(layer.frames)} frames "
                f"but {base.path.name} has {len(anim.frames)}; a tint must match its base"
            )
        for k, (over, under) in enumerate(zip(layer.frames, anim.frames, strict=True)):
            if over.get_size() != under.get_size():
                (w, h), (bw, bh) = over.get_size(), under.get_size()
                raise AssetError(
                    f"sprite sheet {tint.path}: frame {k} of {name!r} is {w}x{h} but "
                    f"{base.path.name} has {bw}x{bh}; a tint must match its base"
                )
