"""Clip files for slides: an animated GIF (Pillow) or an MP4 (imageio + imageio-ffmpeg).

Frames arrive one at a time and are written as they come, so memory stays flat however
long the clip. Every GIF frame shares one palette, so a frame stores only the rectangle
that changed since the one before (a still shop costs almost nothing) and identical
frames merge into a longer one. The same frames always give the same bytes.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:  # Pillow loads only when a clip is written: the game starts without it
    from PIL import Image

RGB = "RGB"
MP4_NEEDS = "pip install imageio imageio-ffmpeg"
MIN_FPS, MAX_FPS = 1, 60
MIN_WIDTH, MAX_WIDTH = 160, 1920


class ClipError(Exception):
    """A clip cannot be written; the message says why, already phrased for the user."""

    def __init__(self, message: str, flag: str = "--record") -> None:
        super().__init__(message)
        self.flag = flag


@dataclass(frozen=True)
class Format:
    suffix: str
    fps: int  # default frame rate
    width: int  # default width (16:9)


FORMATS = {".gif": Format(".gif", 20, 640), ".mp4": Format(".mp4", 30, 1280)}
CLIP_SUFFIXES = tuple(FORMATS)


@dataclass(frozen=True)
class Frame:
    """One picture of the clip: raw RGB bytes, as pygame's ``tobytes`` gives them."""

    size: tuple[int, int]
    rgb: bytes

    def image(self) -> Image.Image:
        from PIL import Image

        return Image.frombytes(RGB, self.size, self.rgb)


def clip_size(width: int) -> tuple[int, int]:
    """16:9 at ``width``, both sides even (H.264 needs it; GIF does not mind)."""
    width -= width % 2
    return width, 2 * round(width * 9 / 32)


def format_of(path: str | Path) -> Format:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ClipError(f"must end in .gif or .mp4, got {str(path)!r}")
    return FORMATS[suffix]


def mp4_ready() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("imageio", "imageio_ffmpeg"))


def check(path: str | Path, fps: int | None = None, width: int | None = None) -> Format:
    """Fail early, before any frame is drawn: the format, the folder, the optional encoder."""
    kind = format_of(path)
    folder = Path(path).parent
    if not folder.is_dir():
        raise ClipError(f"folder {str(folder)!r} does not exist")
    if kind.suffix == ".mp4" and not mp4_ready():
        raise ClipError(f".mp4 needs imageio with its ffmpeg: {MP4_NEEDS} (or record a .gif)")
    if fps is not None and not MIN_FPS <= fps <= MAX_FPS:
        raise ClipError(f"must be from {MIN_FPS} to {MAX_FPS}, got {fps}", "--fps")
    if width is not None and not MIN_WIDTH <= width <= MAX_WIDTH:
        raise ClipError(f"must be from {MIN_WIDTH} to {MAX_WIDTH}, got {width}", "--width")
    return kind


def palette_for(samples: list[Image.Image]) -> Image.Image:
    """One 255-colour palette for the whole clip, from a few frames side by side."""
    from PIL import Image

    w, h = samples[0].size
    mosaic = Image.new(RGB, (w * len(samples), h))
    for i, sample in enumerate(samples):
        mosaic.paste(sample, (i * w, 0))
    return mosaic.quantize(255, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def _changed(before: Image.Image, after: Image.Image) -> tuple[int, int, int, int] | None:
    """The box of pixels whose palette index differs (None: the same picture)."""
    from PIL import Image, ImageChops

    a = Image.frombytes("L", before.size, before.tobytes())
    b = Image.frombytes("L", after.size, after.tobytes())
    return ImageChops.difference(a, b).getbbox()


def write_gif(out: BinaryIO, frames: Iterable[Frame], fps: float, palette: Image.Image) -> int:
    """Stream ``frames`` into ``out`` as a looping GIF; returns how many frames came in."""
    from PIL import GifImagePlugin, Image

    count = 0
    previous: Image.Image | None = None
    # a frame is written once the next one shows how long it stays: identical ones merge
    pending: tuple[Image.Image, tuple[int, int], int] | None = None
    marks = 0  # GIF delays are hundredths of a second: keep their sum true to count/fps

    def flush() -> None:
        image, offset, delay = pending  # type: ignore[misc]
        for part in GifImagePlugin.getdata(image, offset, duration=delay * 10):
            out.write(part)

    for frame in frames:
        image = frame.image().quantize(palette=palette, dither=Image.Dither.NONE)
        count += 1
        delay = round(100 * count / fps) - marks
        marks += delay
        if previous is None:
            header, _ = GifImagePlugin.getheader(image, None, {"loop": 0, "duration": delay * 10})
            for part in header:
                out.write(part)
            pending = (image, (0, 0), delay)
        else:
            box = _changed(previous, image)
            if box is None:
                assert pending is not None
                pending = (pending[0], pending[1], pending[2] + delay)  # hold the last frame
                continue
            flush()
            pending = (image.crop(box), box[:2], delay)
        previous = image
    if pending is not None:
        flush()
    out.write(b";")
    return count


def write_mp4(path: Path, frames: Iterable[Frame], fps: float) -> int:
    """H.264 MP4 through imageio's ffmpeg (optional: ``check`` says what to install)."""
    import imageio.v2 as imageio
    import numpy as np

    count = 0
    writer = imageio.get_writer(
        str(path),
        fps=fps,
        codec="libx264",
        quality=7,
        pixelformat="yuv420p",
        macro_block_size=2,
        ffmpeg_log_level="error",
    )
    try:
        for frame in frames:
            w, h = frame.size
            writer.append_data(np.frombuffer(frame.rgb, dtype=np.uint8).reshape(h, w, 3))
            count += 1
    finally:
        writer.close()
    return count


def write(path: Path, frames: Iterator[Frame], fps: float, samples: list[Frame]) -> int:
    """Write the clip at ``path``; ``samples`` pick the GIF palette (the first frame at least)."""
    if format_of(path).suffix == ".mp4":
        return write_mp4(path, frames, fps)
    palette = palette_for([s.image() for s in samples])
    with open(path, "wb") as out:
        return write_gif(out, frames, fps, palette)
