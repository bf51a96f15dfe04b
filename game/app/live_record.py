"""F9: record what is on screen, as it happens, into ``recordings/`` (a thread writes it).

The overlay owns one; the red dot it draws is drawn after the capture, so it is not in the
clip. ``--record`` (headless, byte-identical clips) is ``record.py``.
"""

from __future__ import annotations

import errno
import queue
import sys
import threading
import time
from pathlib import Path

import pygame

from ..i18n import _
from ..view.text import label, px
from .clip import Frame, clip_size, write


def shrink(surface: pygame.Surface, size: tuple[int, int]) -> Frame:
    """The picture at clip size (smoothed, so text stays legible when halved)."""
    if surface.get_size() != size:
        surface = pygame.transform.smoothscale(surface, size)
    return Frame(size, pygame.image.tobytes(surface, "RGB"))


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
