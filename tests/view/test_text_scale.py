"""Big text for projectors: every panel grows with the text scale and stays on screen."""

from __future__ import annotations

import pygame
import pytest

from game.app.keys import HOUSE, KEYS, SHOP, help_rows
from game.app.window import Game, open_window
from game.i18n import _
from game.shop import ShopConfig
from game.view import text
from game.view.hud import help_choice, help_layout

SCALES = (1.0, 1.25, 1.5)


@pytest.fixture
def game() -> Game:
    yield Game(ShopConfig(), open_window(headless=True))
    text.set_scale(1.0)
    pygame.quit()


def test_z_cycles_the_text_scale(game: Game) -> None:
    seen = []
    for _press in range(4):
        game.key(pygame.K_z)
        seen.append(text.text_scale())
    assert seen == [1.25, 1.5, 1.0, 1.25]
    text.set_scale(1.1)  # from an in-between --text-scale, the next step up
    game.key(pygame.K_z)
    assert text.text_scale() == 1.25


def test_labels_grow_with_the_scale_and_fixed_ones_do_not(game: Game) -> None:
    heights = {}
    for scale in SCALES:
        text.set_scale(scale)
        heights[scale] = text.label("Async", 24, (255, 255, 255)).get_height()
        assert text.label("READY", 24, (0, 0, 0), fixed=True).get_height() == heights[1.0]
    assert heights[1.0] < heights[1.25] < heights[1.5]


@pytest.mark.parametrize("scale", SCALES)
def test_fit_never_draws_past_its_box(scale: float, game: Game) -> None:
    text.set_scale(scale)
    long = "paused at line 36 (Couple.talk_until > talk_until) - sleeping until 72.95"
    for width in (80, 200, 400):
        assert text.fit(long, 18, (255, 255, 255), width=width).get_width() <= width or (
            scale == 1.0
        )
    assert (
        text.fit("ok", 18, (0, 0, 0), width=500).get_height()
        == text.label("ok", 18, (0, 0, 0)).get_height()
    )


@pytest.mark.parametrize("scene", (SHOP, HOUSE))
@pytest.mark.parametrize("scale", SCALES)
def test_help_fits_the_screen_at_every_scale(scale: float, scene: str, game: Game) -> None:
    text.set_scale(scale)
    every = help_rows(scene)
    rows, hidden = help_choice((1280, 720), every)
    layout = help_layout((1280, 720), rows, 1 if hidden else 0)
    assert pygame.Rect(10, 10, 1260, 700).contains(layout.panel)
    lines = max(sum(len(t) for _i, t in col) for col in layout.columns)
    assert layout.head + layout.step * lines <= layout.panel.h
    assert layout.step >= round(layout.size * 30 / 26)  # lines never overlap
    # bigger text than as designed, not a shrunken panel (the key table has grown past what
    # one column holds: two columns, longer texts wrapped, at the largest size that fits)
    text.set_scale(1.0)
    designed = help_layout((1280, 720), rows).size
    text.set_scale(scale)
    assert layout.size >= 22 and (scale == 1.0 or layout.size > designed)
    shown = [rows[i] for col in layout.columns for i, _ in col]
    if hidden:  # too long a table for big text: this scene's rows, in order, and a line
        assert scale > 1.0 and shown == [row for row in every if row[2]]
        assert hidden == len(every) - len(shown) > 0
    else:
        assert shown == every and len(every) == len(KEYS)  # every row, in its order
    for col in layout.columns:  # each wrapped line fits its column
        for _row, wrapped in col:
            for line in wrapped:
                width = text.label(line, layout.size, (0, 0, 0), fixed=True).get_width()
                assert width <= layout.panel.w // len(layout.columns) - 30 - layout.key_w


def test_help_at_scale_one_keeps_its_designed_size(game: Game) -> None:
    """The designed text size (26) in as few columns as the rows need: one while they fit the
    window, two now that the key table has outgrown it (a row wraps only in two columns)."""
    layout = help_layout((1280, 720), help_rows(SHOP))
    assert layout.size == 26 and len(layout.columns) == (1 if len(KEYS) <= 19 else 2)
    if len(layout.columns) == 1:
        assert all(len(lines) == 1 for _row, lines in layout.columns[0])  # no row wrapped
    lines = max(sum(len(t) for _i, t in col) for col in layout.columns)
    assert layout.panel.h >= round(layout.size * 62 / 26) + layout.step * lines
    assert layout.step >= round(layout.size * 30 / 26)


@pytest.mark.parametrize("scale", (1.25, 1.5))
def test_inspector_and_code_view_never_overlap(scale: float, game: Game) -> None:
    text.set_scale(scale)
    inspector = game.panel("inspector").rect
    code = game.panel("code").rect
    assert not inspector.colliderect(code)
    assert inspector.right <= 1280 and inspector.bottom <= 720 - round(34 * scale)
    assert inspector.top >= round(30 * scale) and code.top >= round(30 * scale)


def _frames(game: Game) -> dict[str, bytes]:
    def flirting(g: Game) -> None:
        g.show_inspector = g.show_code = True
        g.selected = next(c for c in g.shop.couples if c.phase == "flirting")

    setups = {
        "shop": lambda g: None,
        "panels": flirting,
        "charts": lambda g: setattr(g, "show_charts", True),
        "help": lambda g: setattr(g, "show_help", True),
        "split": lambda g: setattr(g, "split", True),
        "house": lambda g: setattr(g, "scene", "house"),
    }
    shots = {}
    for name, setup in setups.items():
        game.show_inspector = game.show_code = game.show_charts = game.show_help = False
        game.split, game.scene, game.selected = False, "shop", None
        setup(game)
        shots[name] = pygame.image.tobytes(game.draw(), "RGB")
    return shots


def test_every_panel_redraws_larger_and_back(game: Game) -> None:
    game.advance_to(70)
    game.paused = True
    plain = _frames(game)
    game.key(pygame.K_z)
    game.key(pygame.K_z)
    assert game.notice.text == _("Text size: {scale}x").format(scale="1.5")
    game.notice.visible = False  # the notice aside, every panel itself is compared
    big = _frames(game)
    assert all(big[name] != plain[name] for name in plain)
    game.key(pygame.K_z)  # back to 1: exactly the pixels of before
    game.notice.visible = False
    assert _frames(game) == plain
