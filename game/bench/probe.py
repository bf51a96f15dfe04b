"""Child-process side of the start-up and memory benchmarks (run by ``startup.py``).

``first-frame``: runs the real ``main.py --frames 1`` in this process, with
``pygame.display.flip`` wrapped to note when the first frame reached the screen, and
prints milestones as seconds since the parent launched us (``BENCH_LAUNCH``, a wall-clock
stamp). Nothing in the game is changed; the wrapper only observes.

``memory``: plays the game fast-forwarded (16x, one 1/60 s frame = 16 model ticks, each
frame drawn and flipped) and prints the RSS at every virtual minute plus the peak RSS.
"""

from __future__ import annotations

import json
import os
import runpy
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def _since_launch() -> float:
    return time.time() - float(os.environ["BENCH_LAUNCH"])


def first_frame() -> None:
    marks: dict[str, float] = {"python up": _since_launch()}
    import pygame

    import game.app.start as start

    marks["imports done"] = _since_launch()
    flip, open_window, game_init = pygame.display.flip, start.open_window, start.Game.__init__

    def timed_open(headless: bool, **options: Any) -> Any:
        screen = open_window(headless, **options)
        marks.setdefault("window open", _since_launch())
        return screen

    def timed_init(self: Any, *args: Any, **kwargs: Any) -> None:
        game_init(self, *args, **kwargs)
        marks.setdefault("Game built", _since_launch())

    def timed_flip() -> None:
        flip()
        marks.setdefault("first frame flipped", _since_launch())

    start.open_window = timed_open  # what the window mode opens the window with
    start.Game.__init__ = timed_init  # type: ignore[method-assign]
    pygame.display.flip = timed_flip
    sys.argv = [str(ROOT / "main.py"), "--frames", "1"]
    try:
        runpy.run_path(str(ROOT / "main.py"), run_name="__main__")
    except SystemExit as done:
        marks["exit code"] = float(done.code or 0)
    marks["main.py returned"] = _since_launch()
    print(json.dumps(marks))


def rss_mb(field: str = "VmRSS") -> float:
    """Resident set size now (``VmRSS``) or its peak (``VmHWM``), in MB (Linux /proc).

    Not ``getrusage``'s ``ru_maxrss``: Linux carries that across ``exec``, so a child
    spawned by a big parent (this benchmark) would report the parent's size.
    """
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024  # kB
    raise RuntimeError(f"no {field} in /proc/self/status")


def memory(seconds: float) -> None:
    import pygame

    from game.app.window import Game, open_window
    from game.shop import ShopConfig
    from game.view import text

    screen = open_window(headless=True)
    game = Game(ShopConfig(), screen, speed=16.0)

    def sample() -> tuple[float, float, int, int]:
        """(virtual time, RSS MB, cached labels, cached sprite variants): what grows."""
        variants = len(getattr(game.lib, "_cache", ()))
        return (game.now, rss_mb(), len(getattr(text, "_labels", ())), variants)

    samples = [sample()]
    start = time.perf_counter()
    frames = 0
    while game.now < seconds:
        game.frame(1 / 60)
        pygame.display.flip()
        frames += 1
        if game.now >= 60.0 * len(samples):
            samples.append(sample())
    wall = time.perf_counter() - start
    peak = rss_mb("VmHWM")
    couples = sum(len(s.departed) + len(s.couples) for s in game.shops.values())
    pygame.quit()
    print(
        json.dumps(
            {
                "samples": samples,
                "peak_mb": peak,
                "wall": wall,
                "frames": frames,
                "couples": couples,
            }
        )
    )


if __name__ == "__main__":
    if sys.argv[1] == "first-frame":
        first_frame()
    else:
        memory(float(sys.argv[2]))
