"""Fullscreen and any window size: the picture keeps 16:9 and clicks land on the canvas."""

from __future__ import annotations

import pygame
import pytest

from game.app.display import SIZE, Display, letterbox, to_canvas
from game.app.window import Game, open_window
from game.shop import ShopConfig

WINDOWS = [(1280, 720), (1920, 1080), (1000, 1000), (800, 300), (1366, 768), (640, 480)]


@pytest.mark.parametrize("window", WINDOWS)
def test_letterbox_keeps_the_shape_and_fits(window: tuple[int, int]) -> None:
    box = letterbox(window)
    assert pygame.Rect((0, 0), window).contains(box)
    assert abs(box.w / box.h - 16 / 9) < 0.01
    assert box.w == window[0] or box.h == window[1]  # as large as it can be
    assert abs((box.left) - (window[0] - box.right)) <= 1  # centred
    assert abs((box.top) - (window[1] - box.bottom)) <= 1


@pytest.mark.parametrize("window", WINDOWS)
def test_window_points_map_back_onto_the_canvas(window: tuple[int, int]) -> None:
    box = letterbox(window)
    sx, sy = box.w / SIZE[0], box.h / SIZE[1]
    for canvas_point in [(0, 0), (640, 360), (1279, 719), (333, 600), (1000, 50)]:
        shown = (box.x + (canvas_point[0] + 0.5) * sx, box.y + (canvas_point[1] + 0.5) * sy)
        mapped = to_canvas(shown, window)
        assert mapped is not None
        assert abs(mapped[0] - canvas_point[0]) <= 1 and abs(mapped[1] - canvas_point[1]) <= 1


def test_clicks_on_the_bars_hit_nothing() -> None:
    assert to_canvas((500, 10), (1000, 1000)) is None  # above the picture
    assert to_canvas((500, 990), (1000, 1000)) is None  # below
    assert to_canvas((10, 150), (800, 300)) is None  # left of a pillarboxed picture
    assert to_canvas((0, 0), SIZE) == (0, 0)


@pytest.fixture
def display() -> Display:
    open_window(headless=True)
    yield Display(pygame.display.set_mode(SIZE, pygame.RESIZABLE))
    pygame.quit()


def resize(display: Display, size: tuple[int, int]) -> None:
    pygame.display.set_mode(size, pygame.RESIZABLE)
    display.handle(pygame.Event(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1]))


@pytest.mark.parametrize("window", [(1000, 1000), (1920, 1080), (800, 300), (700, 500)])
def test_a_click_lands_on_the_character_at_any_window_size(
    display: Display, window: tuple[int, int]
) -> None:
    game = Game(ShopConfig(), display.canvas)
    game.display = display
    resize(display, window)
    game.advance_to(12)
    couple = game.shop.couples[0]
    x, y = couple.you.position_at(game.shop.now)
    box = letterbox(window)
    on_window = (box.x + x * box.w / SIZE[0], box.y + (y - 30) * box.h / SIZE[1])
    pygame.event.post(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=on_window))
    game.frame(0)
    assert game.selected is couple


def test_the_picture_is_letterboxed_in_the_window(display: Display) -> None:
    resize(display, (1000, 1000))
    display.canvas.fill((200, 100, 50))
    display.present()
    window = pygame.display.get_surface()
    assert window.get_size() == (1000, 1000)
    box = letterbox((1000, 1000))
    assert window.get_at((500, 10))[:3] == (0, 0, 0)  # bar
    for point in (box.center, (box.x + 2, box.y + 2), (box.right - 3, box.bottom - 3)):
        colour = window.get_at(point)[:3]
        assert all(abs(a - b) <= 3 for a, b in zip(colour, (200, 100, 50), strict=True))


def test_f11_toggles_fullscreen_and_back_to_the_same_window(display: Display) -> None:
    game = Game(ShopConfig(), display.canvas)
    game.display = display
    resize(display, (900, 600))
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=pygame.K_F11, unicode=""))
    game.frame(0)
    game.present()
    assert display.fullscreen and pygame.display.is_fullscreen()
    desktop = pygame.display.get_desktop_sizes()[0]
    assert display.window.get_size() == desktop
    assert game.screen.get_size() == SIZE  # the game still draws the same canvas
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=pygame.K_F11, unicode=""))
    game.frame(0)
    game.present()
    assert not display.fullscreen
    assert display.window.get_size() == (900, 600)


def test_the_game_can_start_fullscreen() -> None:
    window = open_window(headless=False, fullscreen=True)
    assert pygame.display.is_fullscreen()
    assert window.get_size() == pygame.display.get_desktop_sizes()[0]
    pygame.quit()


def test_panels_get_canvas_points_in_a_letterboxed_window(display: Display) -> None:
    """Every section reads canvas pixels: a click on the inspector, shown in a window of
    another shape, is the inspector's (it follows nobody), as it is at the canvas's size."""
    game = Game(ShopConfig(), display.canvas)
    game.display = display
    resize(display, (1000, 1000))
    game.advance_to(12)
    game.show_inspector = True
    panel = game.panel("inspector").rect
    box = letterbox((1000, 1000))
    inside = (box.x + panel.centerx * box.w / SIZE[0], box.y + panel.centery * box.h / SIZE[1])
    pygame.event.post(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=inside))
    game.frame(0)
    assert game.selected is None and game.show_inspector
    pygame.event.post(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(500, 5)))  # a bar
    game.frame(0)
    assert game.selected is None
