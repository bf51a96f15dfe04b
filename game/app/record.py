"""Recordings for slides: ``--record`` renders a clip headless, F9 records the screen live.

``--record`` never opens a window and never looks at the wall clock: frame ``k`` shows the
game ``k / fps`` seconds of virtual time (times ``--speed``) after the start, so the clip
is smooth and byte-identical on any machine, however slow. In story mode each card stays
up for ``CARD_HOLD`` seconds of the clip, then the recording continues the story itself.
The live recorder (F9, ``live_record.py``) captures what the player sees as it happens.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pygame

from ..shop import ShopConfig
from ..view.sheets import AssetError
from .clip import FORMATS, clip_size, write
from .clock import FPS
from .keys import LEVEL
from .live_record import Frame, shrink
from .settings import use_settings
from .start import configure
from .window import Game, open_window

CARD_HOLD = 4.0  # clip seconds a story card stays up before the recording reads on
SAMPLES = 3  # frames across the clip that choose the GIF's palette


def clip_frames(
    game: Game, start: float, seconds: float, fps: int, size: tuple[int, int]
) -> Iterator[Frame]:
    """Frames of ``seconds`` of virtual time from ``start``: one every ``speed / fps`` s."""
    time = game.time
    clock = game.stage.level_scene if game.stage.name == LEVEL else time  # a level's own day
    clock.advance_to(start)
    per_frame = time.speed * FPS / fps  # ticks of virtual time per clip frame
    moving = round(seconds * fps / time.speed)  # frames that show time passing
    played = 0  # ticks played since the start (a story restarts the clock; this does not)
    shown = held = 0
    while shown < moving:
        yield shrink(game.draw(), size)
        story = time.story
        if time.paused and story is not None and (story.card or story.finished):
            held += 1
            if held >= round(CARD_HOLD * fps):
                held = 0
                time.continue_story()
            continue
        shown += 1
        target = round(shown * per_frame)
        while played < target and not time.paused:
            clock.step()
            played += 1
        if not time.paused:
            continue
        if story is None or not (story.card or story.finished):
            played = target  # frozen by a crashed actor: the clip still ends


def record_clip(
    config: ShopConfig, args: argparse.Namespace, seconds: float, prog: str = "async-burgers"
) -> int:
    """``--record CLIP``: render the clip headless and say what was written."""
    use_settings(args)

    path = Path(args.record)
    kind = FORMATS[path.suffix.lower()]
    fps = args.fps or kind.fps
    size = clip_size(args.width or kind.width)
    began = time.perf_counter()

    def fresh() -> Game:
        screen = pygame.display.get_surface()
        game = Game(config, screen, speed=args.speed, text_scale=args.text_scale)
        configure(game, args)
        return game

    try:  # an artist's broken sheet (ASYNC_BURGERS_ASSETS): one line, as in the window
        open_window(headless=True)
        scout = fresh()
    except AssetError as error:
        print(f"{prog}: error: {error}", file=sys.stderr)
        pygame.quit()
        return 2
    samples = []  # a throwaway day, drawn at a few moments, picks the palette
    scout_clock = scout.stage.level_scene if scout.stage.name == LEVEL else scout.time
    for i in range(SAMPLES):
        scout_clock.advance_to(args.record_from + seconds * i / (SAMPLES - 1))
        samples.append(shrink(scout.draw(), size))
    scout.close()
    game = fresh()
    # written under a temporary name beside it, renamed when whole: a clip cut off by a full
    # disk, Ctrl-C or SIGTERM (exit codes 130 / 143) or a kill is never left at ``path``
    part = None
    try:
        fd, name = tempfile.mkstemp(
            prefix=f".{path.stem}.", suffix=f".part{path.suffix}", dir=path.parent
        )
        os.close(fd)
        part = Path(name)
        frames = clip_frames(game, args.record_from, seconds, fps, size)
        count = write(part, frames, fps, samples)
        os.replace(part, path)
        part = None
        game.close()
    except OSError as error:
        print(f"{prog}: error: cannot write {path}: {error.strerror}", file=sys.stderr)
        return 1
    finally:  # (after Ctrl-C the kernels may be mid-tick: they are left as they are)
        if part is not None:
            part.unlink(missing_ok=True)
        pygame.quit()
    wall = time.perf_counter() - began
    print(
        f"wrote {path}: {count} frames at {fps} fps ({count / fps:g} s), {size[0]}x{size[1]}, "
        f"{path.stat().st_size / 1e6:.2f} MB; {seconds:g} virtual s in {wall:.1f} s wall "
        f"({seconds / wall:.1f} virtual s per wall s)"
    )
    return 0
