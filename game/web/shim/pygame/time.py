"""pygame.time: the Clock measures frames; it never sleeps, because the page's own frame
(``display.flip`` then the next animation frame) already paces the loop."""

from __future__ import annotations

import time as _time

_start = _time.perf_counter()


def get_ticks() -> int:
    return int((_time.perf_counter() - _start) * 1000)


def wait(ms: int) -> int:
    return 0


def delay(ms: int) -> int:
    return 0


class Clock:
    def __init__(self) -> None:
        self._last: float | None = None
        self._dt = 0.0
        self._times: list[float] = []

    def tick(self, framerate: float = 0) -> int:
        now = _time.perf_counter()
        self._dt = 0.0 if self._last is None else now - self._last
        self._last = now
        self._times = [*self._times[-9:], self._dt]
        return int(self._dt * 1000)

    tick_busy_loop = tick

    def get_time(self) -> int:
        return int(self._dt * 1000)

    def get_rawtime(self) -> int:
        return self.get_time()

    def get_fps(self) -> float:
        total = sum(self._times)
        return len(self._times) / total if total else 0.0
