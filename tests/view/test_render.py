"""Frames as a player sees them: not blank, changing with the story, the board lit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from game.app.window import Game
from game.shop import PARALLEL
from game.shop import layout as L
from game.view.sheets import AssetError, Library, Sheet
from game.view.shop_view import animation_names

ROOT = Path(__file__).resolve().parents[2]


def frame_at(game: Game, seconds: float, mode: str | None = None) -> pygame.Surface:
    if mode:
        game.mode = mode
    game.advance_to(seconds)
    return game.draw().copy()


def colours(surface: pygame.Surface, rect: pygame.Rect | None = None) -> int:
    area = surface.subsurface(rect) if rect else surface
    small = pygame.transform.scale(area, (area.get_width() // 4, area.get_height() // 4))
    raw = pygame.image.tobytes(small, "RGB")
    return len({raw[i : i + 3] for i in range(0, len(raw), 3)})


def test_every_animation_the_renderer_uses_exists() -> None:
    lib = Library()
    for sheet, tag in animation_names():
        anim = lib[sheet].anim(tag)
        assert anim.frames, (sheet, tag)
    for tag in (
        "tray",
        "ticket",
        "heart",
        "steam",
        "bubble_order",
        "bubble_talk",
        "clock",
        "display",
        "table",
        "stool",
        "station",
        "grill",
        "door",
        "icon",
    ):
        assert lib["props"].anim(tag).frames


def test_missing_asset_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(AssetError, match=r"missing sprite sheet file .*boy\.png.*generate\.py"):
        Sheet("boy", tmp_path)


def test_story_beats_render_distinct_non_blank_frames(game: Game) -> None:
    frames = [frame_at(game, t) for t in (4.0, 20.0, 45.0, 90.0)]
    for frame in frames:
        assert colours(frame) > 60
    raw = [pygame.image.tobytes(f, "RGB") for f in frames]
    assert len(set(raw)) == len(raw)
    parallel = frame_at(game, 90.0, PARALLEL)
    assert pygame.image.tobytes(parallel, "RGB") not in raw


def test_board_lights_the_number_when_an_order_is_ready(game: Game) -> None:
    x, y, w, h = L.DISPLAY
    screen_rect = pygame.Rect(x + 60, y + 40, w - 120, h - 80)
    dark = game.draw().subsurface(screen_rect).copy()
    while game.shop.display.number is None:
        game.step()
    first = game.draw().subsurface(screen_rect).copy()
    number = game.shop.display.number
    while game.shop.display.number == number:
        game.step()
    second = game.draw().subsurface(screen_rect).copy()
    lit = [
        sum(1 for px in pygame.image.tobytes(s, "RGB")[1::3] if px > 200)
        for s in (dark, first, second)
    ]
    assert 0 < lit[0] < lit[1] and lit[2] > lit[0]  # "--" lights two segments, numbers more
    raw = {pygame.image.tobytes(s, "RGB") for s in (dark, first, second)}
    assert len(raw) == 3


def test_screenshot_command_writes_the_frame(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, "main.py", "--screenshot", str(out), "--at", "30", "--mode", "parallel"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    image = pygame.image.load(str(out))
    assert image.get_size() == (1280, 720)
    assert colours(image) > 60


def test_drawing_only_reads_the_model(game: Game) -> None:
    game.advance_to(50)
    shop = game.shop
    before = (
        list(shop.log),
        shop.kernel.resumes,
        shop.now,
        [(t.name, t.describe()) for t in shop.kernel.tasks],
    )
    for flags in (
        {},
        {"show_inspector": True, "show_code": True},
        {"split": True},
        {"show_charts": True},
    ):
        for name, value in flags.items():
            setattr(game, name, value)
        game.selected = shop.couples[0] if shop.couples else None
        game.draw()
        for name in flags:
            setattr(game, name, False)
    after = (
        list(shop.log),
        shop.kernel.resumes,
        shop.now,
        [(t.name, t.describe()) for t in shop.kernel.tasks],
    )
    assert after == before
