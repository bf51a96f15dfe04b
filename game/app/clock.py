"""The game's tick: the one unit virtual time moves in, and which tick shows a moment."""

from __future__ import annotations

FPS = 60
TICK = 1.0 / FPS  # virtual seconds per simulation tick at 1x


def tick_of(seconds: float) -> int:
    """The first tick whose run includes virtual time ``seconds`` (what happened at t shows
    from that tick on): the smallest k with ``seconds <= k * TICK``, as the kernel's
    ``run_until(k * TICK)`` counts it."""
    if seconds <= 0:
        return 0
    k = int(seconds * FPS)  # a guess, within a tick or two; then exact, by the definition
    if k * TICK < seconds:
        k += 1
        while k * TICK < seconds:
            k += 1
    else:
        while k > 0 and (k - 1) * TICK >= seconds:
            k -= 1
    return k
