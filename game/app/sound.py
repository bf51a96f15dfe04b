"""The sound player: the listener's cues through pygame's mixer, one channel per sound.

Sounds follow the game, not the wall clock: they come from what happened in virtual time
this frame, so paused means silent and 4x speed means more often, never louder (a sound
retriggered on its own channel replaces itself; at most one of each plays at once, and a
one-shot is not restarted more than every ``RETRIGGER`` wall seconds). ``M`` mutes, the
volume is a setting, and a machine without a sound card plays silently: one line on
stderr, never a crash.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pygame

from ..house import House
from ..quiet import quiet_stderr
from ..resources import sounds_dir
from ..shop import Shop
from ..view.sound_cues import LOOPS, ONE_SHOTS, Listener

RETRIGGER = 0.12  # wall seconds: at 16x a busy shop would otherwise machine-gun the till
LOUDNESS = {"door": 0.8, "till": 0.7, "ding": 0.8, "sizzle": 0.35, "murmur": 0.3, "broom": 0.4}
FADE_MS = 250


class SoundPlayer:
    def __init__(
        self, volume: float = 0.7, muted: bool = False, folder: Path | None = None
    ) -> None:
        self.volume = max(0.0, min(1.0, volume))
        self.muted = muted
        self.listener = Listener()
        self.sounds: dict[str, pygame.mixer.Sound] = {}
        self.channels: dict[str, pygame.mixer.Channel] = {}
        self.last_played: dict[str, float] = {}
        self.clock = 0.0  # wall seconds since start
        self.available = self._open(folder or sounds_dir())

    def _open(self, folder: Path) -> bool:
        try:
            if not pygame.mixer.get_init():
                with quiet_stderr():  # libasound's own "ALSA lib ..." lines, with no card
                    pygame.mixer.init(frequency=22050, size=-16, channels=2, buffer=512)
            names = [*ONE_SHOTS, *LOOPS]
            pygame.mixer.set_num_channels(max(pygame.mixer.get_num_channels(), len(names)))
            pygame.mixer.set_reserved(len(names))
            for i, name in enumerate(names):
                self.sounds[name] = pygame.mixer.Sound(str(folder / f"{name}.wav"))
                self.channels[name] = pygame.mixer.Channel(i)
        except (pygame.error, FileNotFoundError) as error:
            print(f"async-burgers: no sound ({error}); playing silently", file=sys.stderr)
            self.sounds.clear()
            self.channels.clear()
            return False
        self._apply_volume()
        return True

    def _apply_volume(self) -> None:
        for name, channel in self.channels.items():
            channel.set_volume(0.0 if self.muted else self.volume * LOUDNESS[name])

    def set_volume(self, volume: float) -> None:
        self.volume = max(0.0, min(1.0, volume))
        self._apply_volume()

    def toggle_mute(self) -> None:
        self.muted = not self.muted
        if self.muted:
            self.silence()
        self._apply_volume()

    def silence(self) -> None:
        for channel in self.channels.values():
            channel.stop()

    @property
    def playing(self) -> list[str]:
        return [name for name, channel in self.channels.items() if channel.get_busy()]

    def update(self, world: Shop | House | None, paused: bool, wall_dt: float) -> None:
        """Once a frame, after the model moved: start what just happened in ``world`` (the
        shop or house the scene on screen shows), keep loops going."""
        self.clock += wall_dt
        cues = self.listener.hear(world)  # heard even when silent: no burst on unmute
        if not self.available:
            return
        if self.muted or paused:
            self.silence()
            return
        for name in cues.shots:
            if self.clock - self.last_played.get(name, -1.0) >= RETRIGGER:
                self.channels[name].play(self.sounds[name])
                self.last_played[name] = self.clock
        for name in LOOPS:
            channel = self.channels[name]
            if name in cues.loops and not channel.get_busy():
                channel.play(self.sounds[name], loops=-1, fade_ms=FADE_MS)
            elif name not in cues.loops and channel.get_busy():
                channel.fadeout(FADE_MS)

    def close(self) -> None:
        if self.available:
            self.silence()
