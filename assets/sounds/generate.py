#!/usr/bin/env python3
"""Write every Async Burgers sound as a small WAV, from sine waves and seeded noise.

Run ``python assets/sounds/generate.py [--out DIR]``. Standard library only (``wave``,
``math``, a seeded ``random.Random``), so the same bytes come out on every machine; no
sample is downloaded or recorded. 16-bit mono at 22050 Hz. Loops (sizzle, murmur, broom)
start and end at silence-free matching levels, so they repeat without a click.
"""

from __future__ import annotations

import argparse
import math
import random
import struct
import wave
from collections.abc import Callable
from pathlib import Path

RATE = 22050
PEAK = 32767
HERE = Path(__file__).resolve().parent


def bell(freq: float, t: float, decay: float) -> float:
    """A struck bell: a few inharmonic partials dying away."""
    partials = ((1.0, 1.0), (2.76, 0.45), (5.4, 0.25), (8.93, 0.12))
    return math.exp(-t / decay) * sum(a * math.sin(2 * math.pi * freq * k * t) for k, a in partials)


def door(n: int, rng: random.Random) -> list[float]:
    """Ding-dong: two bell notes, a major third apart, the second a moment later."""
    out = []
    for i in range(n):
        t = i / RATE
        v = bell(988, t, 0.35)
        if t >= 0.28:
            v += bell(784, t - 0.28, 0.45)
        out.append(0.28 * v)
    return out


def till(n: int, rng: random.Random) -> list[float]:
    """Ka-ching: the drawer's clack (a burst of noise), then a bright little bell."""
    out = []
    for i in range(n):
        t = i / RATE
        clack = rng.uniform(-1, 1) * math.exp(-t / 0.018)
        ring = bell(2093, t - 0.07, 0.18) if t >= 0.07 else 0.0
        out.append(0.5 * clack + 0.3 * ring)
    return out


def ding(n: int, rng: random.Random) -> list[float]:
    """The board's ding when a number shows: one clear bell."""
    return [0.32 * bell(1319, i / RATE, 0.3) for i in range(n)]


def _smooth_noise(n: int, rng: random.Random, keep: float) -> list[float]:
    """White noise through a one-pole low-pass (``keep`` near 1: darker)."""
    out, y = [], 0.0
    for _ in range(n):
        y = keep * y + (1 - keep) * rng.uniform(-1, 1)
        out.append(y)
    return out


def _looped(samples: list[float], fade: int) -> list[float]:
    """Crossfade the tail into the head so the sound repeats seamlessly."""
    body = samples[: len(samples) - fade]
    for i in range(fade):
        w = i / fade
        body[i] = body[i] * w + samples[len(samples) - fade + i] * (1 - w)
    return body


def sizzle(n: int, rng: random.Random) -> list[float]:
    """Fat on a grill: hiss with crackles popping in and out."""
    out, prev = [], 0.0
    for _ in range(n + 2205):
        v = rng.uniform(-1, 1)
        high, prev = v - prev, v  # a crude high-pass: the hiss is all treble
        pop = rng.uniform(-1, 1) if rng.random() < 0.0015 else 0.0
        out.append(0.05 * high + 0.35 * pop)
    return _looped(out, 2205)


def murmur(n: int, rng: random.Random) -> list[float]:
    """Voices too far off to make out: dark noise, swelling in syllables."""
    noise = _smooth_noise(n + 4410, rng, 0.93)
    out = []
    for i, v in enumerate(noise):
        t = i / RATE
        syllables = 0.55 + 0.45 * math.sin(2 * math.pi * 3.1 * t) * math.sin(2 * math.pi * 0.7 * t)
        out.append(1.3 * v * syllables)
    return _looped(out, 4410)


def broom(n: int, rng: random.Random) -> list[float]:
    """Swish, swish: mid noise shaped into two strokes a second."""
    noise = _smooth_noise(n + 2205, rng, 0.55)
    out = []
    for i, v in enumerate(noise):
        phase = (i / RATE * 2.0) % 1.0
        stroke = math.sin(math.pi * min(1.0, phase / 0.6)) ** 2 if phase < 0.6 else 0.0
        out.append(0.55 * v * stroke)
    return _looped(out, 2205)


# name: (seconds, how it is made, seed)
SOUNDS: dict[str, tuple[float, Callable[[int, random.Random], list[float]], int]] = {
    "door": (1.1, door, 1),
    "till": (0.55, till, 2),
    "ding": (0.9, ding, 3),
    "sizzle": (2.0, sizzle, 4),
    "murmur": (3.0, murmur, 5),
    "broom": (1.0, broom, 6),
}


def render(name: str) -> bytes:
    seconds, make, seed = SOUNDS[name]
    samples = make(round(seconds * RATE), random.Random(seed))
    fade = min(len(samples), RATE // 200)  # 5 ms: no click where a one-shot ends
    if name in ("door", "till", "ding"):
        for i in range(fade):
            samples[-1 - i] *= i / fade
    clipped = (max(-1.0, min(1.0, v)) for v in samples)
    return b"".join(struct.pack("<h", round(v * PEAK)) for v in clipped)


def write(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in SOUNDS:
        path = folder / f"{name}.wav"
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(render(name))
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write (this one)")
    args = parser.parse_args()
    for path in write(args.out):
        print(path)


if __name__ == "__main__":
    main()
