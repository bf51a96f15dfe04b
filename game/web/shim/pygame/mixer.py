"""pygame.mixer on Web Audio: a Sound is the WAV's bytes, decoded by the browser; a Channel
plays one sound at a time with pygame's loops, fade-in, fade-out and volume. Browsers let a
page make sound only after the player clicked or pressed a key: until then it stays silent
(the page resumes the audio at the first click or key)."""

from __future__ import annotations

import os
from typing import Any

from . import _backend as B
from .surface import error

_init = False
_channels = 8
_reserved = 0
_next_sound = 0


def init(frequency: int = 44100, size: int = -16, channels: int = 2, buffer: int = 512,
         *args: Any, **kw: Any) -> None:
    global _init
    if not B.page.audioAvailable():
        raise error("this browser has no Web Audio")
    _init = True


def pre_init(*args: Any, **kw: Any) -> None:
    pass


def quit() -> None:  # noqa: A001 - pygame's name
    global _init
    _init = False
    B.page.audioStopAll()


def get_init() -> tuple[int, int, int] | None:
    return (44100, -16, 2) if _init else None


def set_num_channels(count: int) -> None:
    global _channels
    _channels = int(count)


def get_num_channels() -> int:
    return _channels


def set_reserved(count: int) -> int:
    global _reserved
    _reserved = min(int(count), _channels)
    return _reserved


def stop() -> None:
    B.page.audioStopAll()


def get_busy() -> bool:
    return any(Channel(i).get_busy() for i in range(_channels))


class Sound:
    def __init__(self, file: Any = None, buffer: Any = None) -> None:
        global _next_sound
        if not _init:
            raise error("mixer not initialized")
        if buffer is None:
            with open(os.fspath(file), "rb") as handle:
                buffer = handle.read()
        self.id = _next_sound
        _next_sound += 1
        self.volume = 1.0
        B.page.audioLoad(self.id, B.to_js(bytes(buffer)))

    def play(self, loops: int = 0, maxtime: int = 0, fade_ms: int = 0) -> Channel | None:
        for i in range(_reserved, _channels):
            channel = Channel(i)
            if not channel.get_busy():
                channel.play(self, loops, maxtime, fade_ms)
                return channel
        return None

    def set_volume(self, value: float) -> None:
        self.volume = max(0.0, min(1.0, float(value)))

    def get_volume(self) -> float:
        return self.volume

    def get_length(self) -> float:
        return float(B.page.audioLength(self.id))

    def stop(self) -> None:
        B.page.audioStopSound(self.id)


class Channel:
    def __init__(self, id: int) -> None:  # noqa: A002 - pygame's name
        self.id = int(id)

    def play(self, sound: Sound, loops: int = 0, maxtime: int = 0, fade_ms: int = 0) -> None:
        B.page.audioPlay(self.id, sound.id, int(loops), int(fade_ms), sound.volume)

    def stop(self) -> None:
        B.page.audioStop(self.id)

    def fadeout(self, time: int) -> None:
        B.page.audioFadeout(self.id, int(time))

    def get_busy(self) -> bool:
        return bool(B.page.audioBusy(self.id))

    def set_volume(self, value: float, right: float | None = None) -> None:
        B.page.audioVolume(self.id, max(0.0, min(1.0, float(value))))

    def get_volume(self) -> float:
        return float(B.page.audioGetVolume(self.id))
