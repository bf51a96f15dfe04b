"""Recordings for slides: ``--record`` renders a clip headless, F9 records the screen live.

``--record`` never opens a window and never looks at the wall clock: frame ``k`` shows the
game ``k / fps`` seconds of virtual time (times ``--speed``) after the start, so the clip
is smooth and byte-identical on any machine, however slow. In story mode each card stays
up for ``CARD_HOLD`` seconds of the clip, then the recording continues the story itself.
The live recorder captures what the player sees, as it happens, into ``recordings/``.
"""

from __future__ import annotations

import argparse
import errno
import os
import queue
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from ..i18n import _
from ..shop import ShopConfig
from ..view.sheets import AssetError
from ..view.text import label, px
from .clip import FORMATS, Frame, clip_size, write

if TYPE_CHECKING:
    from .window import Game

CARD_HOLD = 4.0  # clip seconds a story card stays up before the recording reads on
SAMPLES = 3  # frames across the clip that choose the GIF's palette


def shrink(surface: pygame.Surface, size: tuple[int, int]) -> Frame:
    """The picture at clip size (smoothed, so text stays legible when halved)."""
    if surface.get_size() != size:
        surface = pygame.transform.smoothscale(surface, size)
    return Frame(size, pygame.image.tobytes(surface, "RGB"))


def clip_frames(
    game: Game, start: float, seconds: float, fps: int, size: tuple[int, int]
) -> Iterator[Frame]:
    """Frames of ``seconds`` of virtual time from ``start``: one every ``speed / fps`` s."""
    from .keys import LEVEL
    from .window import FPS

    clock = game.level_scene if game.scene == LEVEL else game  # a level keeps its own day
    clock.advance_to(start)
    per_frame = game.speed * FPS / fps  # ticks of virtual time per clip frame
    moving = round(seconds * fps / game.speed)  # frames that show time passing
    played = 0  # ticks played since the start (a story restarts the clock; this does not)
    shown = held = 0
    while shown < moving:
        yield shrink(game.draw(), size)
        story = game.story
        if game.paused and story is not None and (story.card or story.finished):
            held += 1
            if held >= round(CARD_HOLD * fps):
                held = 0
                game.continue_story()
            continue
        shown += 1
        target = round(shown * per_frame)
        while played < target and not game.paused:
            clock.step()
            played += 1
        if not game.paused:
            continue
        if story is None or not (story.card or story.finished):
            played = target  # frozen by a crashed actor: the clip still ends


def record_clip(
    config: ShopConfig, args: argparse.Namespace, seconds: float, prog: str = "async-burgers"
) -> int:
    """``--record CLIP``: render the clip headless and say what was written."""
    from .window import Game, configure, open_window, use_settings

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
    from .keys import LEVEL

    scout_clock = scout.level_scene if scout.scene == LEVEL else scout
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


def threads_start() -> bool:
    """Whether this Python can start a thread (a browser build may not): F9 needs one."""
    try:
        probe = threading.Thread(target=lambda: None, daemon=True)
        probe.start()
    except RuntimeError:
        return False
    probe.join()
    return True


NO_THREADS = "this build of Python cannot start threads, which recording the screen needs"


class LiveRecorder:
    """F9: record what is on screen into ``recordings/``, written as it goes by a thread."""

    MAX_SECONDS = 300.0  # then it stops by itself

    def __init__(self, folder: Path = Path("recordings"), fps: int = 20, width: int = 640):
        self.folder = folder
        self.fps = fps
        self.size = clip_size(width)
        self.path: Path | None = None
        self.frames: queue.Queue[Frame | None] | None = None
        self.writer: threading.Thread | None = None
        self.error: str | None = None  # why the clip could not be written (the system's words)
        self.elapsed = 0.0  # wall seconds recorded
        self.due = 0.0  # wall seconds until the next frame is taken
        self.saving = False  # "saving / saved <path>" shows for a few seconds after stopping
        self.note_for = 0.0
        self.badge: pygame.Rect | None = None  # where the red dot was drawn last

    @property
    def recording(self) -> bool:
        return self.frames is not None

    def toggle(self, name: str = "async-burgers") -> None:
        self.stop() if self.recording else self.start(name)

    def start(self, name: str = "async-burgers") -> None:
        """Start a clip; an ``OSError`` says why not (no folder, no threads in this build)."""
        self.finish()  # one clip at a time: the last one is written out first
        if not threads_start():
            raise OSError(errno.ENOSYS, NO_THREADS)
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        self.path = self.folder / f"{name}-{stamp}.gif"
        self.frames = queue.Queue(maxsize=self.fps * 10)
        self.elapsed = self.due = 0.0
        self.error = None

    def capture(self, surface: pygame.Surface, wall_dt: float) -> None:
        """Take frames at ``fps`` of the wall clock (a slow frame is held for longer)."""
        if self.frames is None:
            return
        self.elapsed += wall_dt
        self.due -= wall_dt
        if self.due > 1e-9:
            return
        frame = shrink(surface, self.size)
        while self.due <= 1e-9:
            self.due += 1.0 / self.fps
            if self.writer is None:
                writer = threading.Thread(
                    target=self._write, args=(self.path, self.frames, frame), daemon=True
                )
                try:
                    writer.start()
                except RuntimeError:  # threads ran out meanwhile: the clip ends, said why
                    self.error = NO_THREADS
                    self.stop()
                    return
                self.writer = writer
            self.frames.put(frame)
        if self.elapsed >= self.MAX_SECONDS:
            self.stop()

    def _write(self, path: Path, frames: queue.Queue[Frame | None], first: Frame) -> None:
        try:
            write(path, iter(frames.get, None), self.fps, [first])
        except OSError as error:
            self.error = str(error.strerror or error)

    def stop(self) -> None:
        if self.frames is None:
            return
        self.frames.put(None)
        self.frames = None
        self.saving = True
        self.note_for = 4.0

    def finish(self) -> Path | None:
        """Wait for the clip being written (at quit, so no half file is left)."""
        self.stop()
        writer, self.writer = self.writer, None
        if writer is not None:
            writer.join()
            if self.error:
                print(f"recording failed: cannot write {self.path}: {self.error}", file=sys.stderr)
            return self.path
        return None

    def note(self, done: bool) -> str:
        """What became of the clip just stopped, in the player's language."""
        if self.error:
            return _("recording failed: cannot write {path}: {why}").format(
                path=self.path, why=self.error
            )
        if done:
            return _("recording saved: {path}").format(path=self.path)
        return _("saving the recording: {path}").format(path=self.path)

    def draw_badge(self, surface: pygame.Surface, wall_dt: float) -> None:
        """The red dot while recording (drawn after the capture: it is not in the clip)."""
        w, h = surface.get_size()
        if self.recording:
            seconds = int(self.elapsed)
            clock = f"{seconds // 60}:{seconds % 60:02d}"
            # translators: the badge while recording the screen; {clock} is minutes:seconds
            text = label(_("REC {clock}").format(clock=clock), 22, (255, 255, 255), True)
            box = pygame.Rect(0, 0, text.get_width() + 40, text.get_height() + 10)
            box.bottomright = (w - 10, h - px(34) - 10)
            pygame.draw.rect(surface, (30, 20, 25), box, border_radius=box.h // 2)
            pygame.draw.circle(surface, (230, 30, 40), (box.x + 16, box.centery), 8)
            self.badge = box
            surface.blit(text, (box.x + 30, box.centery - text.get_height() // 2))
        elif self.note_for > 0:
            self.note_for -= wall_dt
            done = self.writer is None or not self.writer.is_alive()
            note = self.note(done)
            text = label(note, 20, (255, 255, 255))
            box = text.get_rect(bottomright=(w - 10, h - px(34) - 10)).inflate(16, 8)
            pygame.draw.rect(surface, (30, 20, 25), box, border_radius=6)
            surface.blit(text, text.get_rect(center=box.center))
