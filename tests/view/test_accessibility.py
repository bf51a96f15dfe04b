"""Readable without colour: categories stay apart under simulated colour blindness, every
colour has a second cue, reduced motion keeps things still, nothing strobes.

Colour blindness is simulated on rendered pixels with Machado, Oliveira & Fernandes (2009)
at severity 1.0 (full protanopia / deuteranopia), in linear RGB; distance is CIE76 delta E
in CIELAB (D65). ``MIN_DISTANCE`` is what the safe palette guarantees between any two
categories of one chart. Measured (phases in the charts' legend, task states, the two
shops), default -> safe:

    phases  normal 23.1 -> 26.4   protanopia 14.7 -> 24.8   deuteranopia  7.9 -> 24.9
    states  normal 34.7 -> 38.3   protanopia 19.8 -> 27.7   deuteranopia 11.6 -> 26.5
    shops   (two) stay > 40 in both palettes
"""

from __future__ import annotations

import itertools
import math
from collections import Counter

import pygame
import pytest

from game.app.window import SPEEDS, Game, open_window
from game.shop import CONCURRENT, MODES, Shop, ShopConfig
from game.view import cues, motion
from game.view import palette as P
from game.view.charts import LEGEND, Charts

MIN_DISTANCE = 20.0  # CIE76 delta E: clearly different at a glance (2.3 is "just noticeable")
PROTANOPIA = (
    (0.152286, 1.052583, -0.204868),
    (0.114503, 0.786281, 0.099216),
    (-0.003882, -0.048116, 1.051998),
)
DEUTERANOPIA = (
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881),
)
NORMAL = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
VISIONS = {"normal": NORMAL, "protanopia": PROTANOPIA, "deuteranopia": DEUTERANOPIA}


def linear(c: int) -> float:
    c = c / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def simulate(rgb: tuple[int, int, int], matrix) -> tuple[float, float, float]:  # noqa: ANN001
    lin = [linear(v) for v in rgb]
    out = [min(1.0, max(0.0, sum(matrix[i][j] * lin[j] for j in range(3)))) for i in range(3)]
    return out[0], out[1], out[2]


def lab(lin: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = lin
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def smallest_distance(colours: dict[str, tuple[int, int, int]], vision: str) -> float:
    matrix = VISIONS[vision]
    return min(
        math.dist(lab(simulate(a, matrix)), lab(simulate(b, matrix)))
        for a, b in itertools.combinations(colours.values(), 2)
    )


def dominant(surface: pygame.Surface, rect: pygame.Rect) -> tuple[int, int, int]:
    """The colour most pixels of ``rect`` have (the fill under a pattern's lines)."""
    pixels = Counter(
        tuple(surface.get_at((x, y)))[:3]
        for x in range(rect.left, rect.right)
        for y in range(rect.top, rect.bottom)
    )
    return pixels.most_common(1)[0][0]


@pytest.fixture
def shops():
    open_window(headless=True)
    made = [Shop(ShopConfig(mode=m), strict=False) for m in MODES]
    for shop in made:
        shop.fast_forward(200.0)
    yield made
    for shop in made:
        shop.kernel.close()
    pygame.quit()


def legend_colours(shops: list[Shop]) -> dict[str, tuple[int, int, int]]:
    """The phases' colours as the charts' legend draws them (read back from the pixels)."""
    surface = pygame.Surface((1280, 720))
    Charts((1280, 720)).draw(surface, shops)
    colours = {}
    for i, phase in enumerate(LEGEND):
        swatch = pygame.Rect(880 + (i % 2) * 185, 510 + (i // 2) * 34 + 4, 24, 20)
        colours[phase] = dominant(surface, swatch)
    return colours


def state_colours() -> dict[str, tuple[int, int, int]]:
    surface = pygame.Surface((40 * len(cues.MARKERS), 20))
    for i, state in enumerate(cues.MARKERS):
        pygame.draw.rect(surface, P.STATE_COLOURS[state], (40 * i + 10, 0, 20, 20))
    return {
        s: dominant(surface, pygame.Rect(40 * i + 10, 0, 20, 20))
        for i, s in enumerate(cues.MARKERS)
    }


@pytest.mark.parametrize("vision", ["protanopia", "deuteranopia", "normal"])
def test_safe_palette_keeps_categories_apart_on_rendered_frames(shops, vision: str) -> None:  # noqa: ANN001
    P.use("default")
    before = smallest_distance(legend_colours(shops), vision)
    before_states = smallest_distance(state_colours(), vision)
    P.use("safe")
    after = smallest_distance(legend_colours(shops), vision)
    after_states = smallest_distance(state_colours(), vision)
    assert after >= MIN_DISTANCE, (vision, before, after)
    assert after_states >= MIN_DISTANCE, (vision, before_states, after_states)
    assert smallest_distance(dict(P.SHOP_COLOURS), vision) >= 2 * MIN_DISTANCE
    if vision != "normal":  # what the safe palette is for: better than the default
        assert after > before and after_states > before_states


def test_the_recorded_figures_are_the_measured_ones(shops) -> None:  # noqa: ANN001
    """The numbers in this module's docstring are what the rendered frames give."""
    figures = {}
    for name in ("default", "safe"):
        P.use(name)
        for vision in VISIONS:
            figures[name, "phases", vision] = round(
                smallest_distance(legend_colours(shops), vision), 1
            )
            figures[name, "states", vision] = round(smallest_distance(state_colours(), vision), 1)
    assert figures["default", "phases", "deuteranopia"] == 7.9
    assert figures["safe", "phases", "deuteranopia"] == 24.9
    assert figures["default", "phases", "protanopia"] == 14.7
    assert figures["safe", "phases", "protanopia"] == 24.8
    assert figures["default", "states", "deuteranopia"] == 11.6
    assert figures["safe", "states", "deuteranopia"] == 26.5


# -- second cues ------------------------------------------------------------------------
def shape_of(draw) -> bytes:  # noqa: ANN001
    """What a cue looks like in one colour only: its mask, no hue to tell it by."""
    surface = pygame.Surface((40, 30))
    surface.fill((0, 0, 0))
    draw(surface)
    return pygame.image.tobytes(surface, "RGB")


def test_every_phase_has_its_own_pattern_and_icon() -> None:
    grey = (200, 200, 200)
    patterns = {
        p: shape_of(lambda s, p=p: cues.fill(s, pygame.Rect(2, 2, 36, 26), grey, p)) for p in LEGEND
    }
    assert len(set(patterns.values())) == len(LEGEND)
    icons = {p: shape_of(lambda s, p=p: cues.icon(s, p, (20, 15), grey)) for p in cues.ICONS}
    assert len(set(icons.values())) == len(cues.ICONS)
    staff = ["idle", "taking order", "passing order", "cooking"]
    assert len({cues.PATTERNS[p] for p in staff}) == len(staff)


def test_every_task_state_has_its_own_marker() -> None:
    grey = (200, 200, 200)
    shapes = {
        s: shape_of(lambda surf, s=s: cues.marker(surf, s, (20, 15), grey)) for s in cues.MARKERS
    }
    assert len(set(shapes.values())) == len(cues.MARKERS)


def test_palette_switches_live_and_back() -> None:
    P.use("safe")
    assert P.PHASE_COLOURS["standing"] == P.OKABE_ITO["blue"]
    assert set(P.PHASE_COLOURS.values()) <= set(P.OKABE_ITO.values())
    assert P.cycle() == "default" and P.PHASE_COLOURS["standing"] == (90, 110, 200)
    with pytest.raises(KeyError):
        P.use("neon")


# -- motion -----------------------------------------------------------------------------
def onsets(on: list[bool]) -> list[int]:
    """Frames at which something lights up (or goes dark) again: one flash each."""
    return [i for i in range(1, len(on)) if on[i] and not on[i - 1]]


def most_in_a_second(frames: list[int], fps: int = 60) -> int:
    best = 0
    for i, start in enumerate(frames):
        best = max(best, sum(1 for f in frames[i:] if f < start + fps))
    return best


def board_frames(
    changes: list[float], speed: float, seconds: float
) -> tuple[list[bool], list[bool]]:
    """The board's digits dark, and its frame lit, at each wall frame for ``seconds``."""
    dark: list[bool] = []
    lit: list[bool] = []
    if not changes:
        return dark, lit
    k = 0
    for frame in range(int(seconds * 60)):
        now = changes[0] + frame / 60 * speed  # from the first number on
        while k + 1 < len(changes) and changes[k + 1] <= now:
            k += 1
        if changes[k] > now:
            dark.append(False)
            lit.append(False)
            continue
        since = now - changes[k]
        dark.append(motion.board_dark(now, since, speed))
        lit.append(motion.board_new(since, speed))
    return dark, lit


def display_changes(seconds: float) -> list[float]:
    shop = Shop(ShopConfig(mode=CONCURRENT), strict=False)
    changes: list[float] = []
    while shop.now < seconds:
        shop.kernel.run_until(shop.now + 1 / 60)
        if shop.display.number is not None and (
            not changes or changes[-1] != shop.display.changed_at
        ):
            changes.append(shop.display.changed_at)
    shop.kernel.close()
    return changes


@pytest.mark.parametrize("speed", SPEEDS)
def test_the_board_never_flashes_more_than_three_times_a_second(speed: float) -> None:
    """At every speed, on the default day's board and on a board that changes too often."""
    import random

    rng = random.Random(4)
    busy = sorted(rng.uniform(0, 20 * speed) for _ in range(200))  # ~10 changes a wall second
    for changes in (display_changes(max(120.0, min(600.0, 60 * speed))), busy):
        dark, lit = board_frames(changes, speed, 20 if changes is busy else 60)
        assert most_in_a_second(onsets(dark)) <= motion.MAX_FLASHES
        assert most_in_a_second(onsets(lit)) <= motion.MAX_FLASHES
        assert any(dark) or not changes  # a new number still catches the eye


def test_the_other_blinks_stay_slow_at_any_speed() -> None:
    for speed in SPEEDS:
        frames = [i / 60 * speed for i in range(600)]
        sweat = [motion.blink_on(t / speed) for t in frames]
        twinkles = [motion.twinkle(t / speed) for t in frames]
        assert most_in_a_second(onsets(sweat)) <= motion.MAX_FLASHES
        assert most_in_a_second(onsets(twinkles)) <= motion.MAX_FLASHES


def test_reduced_motion_stops_every_eye_catcher() -> None:
    motion.set_reduced(True)
    for t in (0.0, 0.3, 0.7, 1.1, 5.0):
        assert motion.bob(t, 3) == 0.0
        assert motion.blink_on(t) and motion.twinkle(t)
        assert not motion.board_dark(t + 0.3, 0.3, 1.0)
    assert motion.board_new(0.3, 1.0)  # the new number is still marked, only still


def test_reduced_motion_draws_the_same_information(tmp_path) -> None:  # noqa: ANN001
    """A new number's board keeps its digits and its lit frame; listeners keep a heart."""
    game = Game(ShopConfig(), open_window(headless=True))
    try:
        shop = game.shops[CONCURRENT]
        while not (
            shop.display.number is not None
            and 0.25 < shop.now - shop.display.changed_at < 0.5
            and motion.board_dark(shop.now, shop.now - shop.display.changed_at, 1.0)
        ):
            game.step()
        game.paused = True
        blinking = pygame.image.tobytes(game.draw().copy(), "RGB")
        motion.set_reduced(True)
        still = game.draw().copy()
        pygame.image.save(still, str(tmp_path / "reduced.png"))
        assert pygame.image.tobytes(still, "RGB") != blinking
        from game.shop.layout import DISPLAY

        x, y, w, h = DISPLAY
        screen = pygame.Rect(x + 60, y + 38, w - 120, h - 76)
        lit = sum(
            1
            for px in range(screen.left, screen.right)
            for py in range(screen.top, screen.bottom)
            if still.get_at((px, py))[:3] == P.LED_ON
        )
        assert lit > 50  # digits on the board, not a dark blink
    finally:
        pygame.quit()


def test_the_two_shops_differ_by_pattern_too() -> None:
    from game.view.split import SHOP_PATTERNS

    grey = (200, 200, 200)
    drawn = {
        mode: shape_of(lambda s, p=p: cues.fill(s, pygame.Rect(2, 2, 36, 13), grey, p))
        for mode, p in SHOP_PATTERNS.items()
    }
    assert len(set(drawn.values())) == len(SHOP_PATTERNS)
