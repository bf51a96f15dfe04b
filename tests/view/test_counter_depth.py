"""Issue 22: nobody is drawn over the front of a counter they stand behind. The counters
are drawn in depth order with the people: someone whose feet are behind the counters' front
edge (on the way out, past the pickup counter) is hidden by it; someone in front of it
(fetching a tray) is drawn over it. The model's spots and walks are not touched."""

from __future__ import annotations

import pygame
import pytest

from game.app.window import Game
from game.shop import CONCURRENT
from game.shop import layout as L


def frame_with_someone_at(game: Game, monkeypatch: pytest.MonkeyPatch, spot) -> pygame.Surface:
    game.mode, game.split = CONCURRENT, False
    game.paused = True
    game.advance_to(12.0)  # a few couples in: one of them is put at ``spot``
    person = next(p for c in game.shop.couples for p in c.people if p.visible)
    monkeypatch.setattr(person, "position_at", lambda _t: spot)
    game.draw()
    return game.screen.copy()


def counter_pixels(game: Game, box: pygame.Rect) -> list:
    view = game.shop_scene.views[CONCURRENT]
    layer, at = view.counters, view.counters_at
    return [
        layer.get_at((x - at.x, y - at.y))[:3]
        for x in range(box.left, box.right)
        for y in range(box.top, box.bottom)
    ]


def screen_pixels(surface: pygame.Surface, box: pygame.Rect) -> list:
    xs, ys = range(box.left, box.right), range(box.top, box.bottom)
    return [surface.get_at((x, y))[:3] for x in xs for y in ys]


def test_someone_behind_the_pickup_counter_is_hidden_by_its_front(
    game: Game, monkeypatch: pytest.MonkeyPatch
) -> None:
    front = pygame.Rect(L.PICKUP_COUNTER)
    feet = (front.centerx + 0.0, front.bottom - 12.0)  # just behind the front edge
    surface = frame_with_someone_at(game, monkeypatch, feet)
    body = pygame.Rect(0, 0, 20, 40)
    body.midbottom = (round(feet[0]), front.bottom - 16)  # their legs and body, behind it
    assert screen_pixels(surface, body) == counter_pixels(game, body)


def test_someone_in_front_of_the_pickup_counter_is_drawn_over_it(
    game: Game, monkeypatch: pytest.MonkeyPatch
) -> None:
    front = pygame.Rect(L.PICKUP_COUNTER)
    feet = (front.centerx + 0.0, front.bottom + 38.0)  # where a couple fetches its tray
    surface = frame_with_someone_at(game, monkeypatch, feet)
    head = pygame.Rect(0, 0, 20, 30)
    head.midbottom = (round(feet[0]), front.bottom - 4)  # their head, over the counter's face
    assert screen_pixels(surface, head) != counter_pixels(game, head)
