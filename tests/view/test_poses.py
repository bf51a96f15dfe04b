"""How people and trays look is derived from the model at one moment, never stored in it."""

from __future__ import annotations

import hashlib

import pygame
import pytest

from game.app.window import Game, open_window
from game.shop import PARALLEL, Shop, ShopConfig
from game.shop.people import Person, Tray
from game.view.hud import BAR_H
from game.view.poses import TAG_FOR_ACTIVITY, bubble_for, facing, tag_for, tray_spots


def test_the_model_keeps_no_presentation() -> None:
    shop = Shop(ShopConfig())
    shop.advance(60)
    people: list[Person] = [*shop.staff, *(p for c in shop.couples for p in c.people)]
    for person in people:
        for name in ("pose", "pose_since", "facing", "bubble"):
            assert not hasattr(person, name), f"{person.name} stores {name}"
        assert person.activity in TAG_FOR_ACTIVITY
    assert "spot" not in Tray.__dataclass_fields__
    shop.kernel.close()


def test_a_flirting_couple_faces_each_other_and_one_speaks_at_a_time() -> None:
    shop = Shop(ShopConfig())
    while True:
        shop.advance(0.25)
        flirting = [c for c in shop.couples if c.phase == "flirting" and c.you.seated]
        if flirting and flirting[0].crush.seated:
            break
    couple = flirting[0]
    assert facing(couple.you, couple.table) == 1 and facing(couple.crush, couple.table) == -1
    for _ in range(200):
        shop.advance(0.25)
        if couple.phase != "flirting" or not couple.crush.seated:
            break
        tags = {tag_for(p) for p in couple.people}
        assert tags <= {"sit_talk", "sit_flirt", "sit_glance"}
        bubbles = [bubble_for(p) for p in couple.people]
        assert bubbles.count("talk") <= 1 and set(bubbles) <= {"talk", ""}
    shop.kernel.close()


def test_trays_lie_on_their_place_of_the_counter() -> None:
    shop = Shop(ShopConfig(cook_time=1.0, arrival_mean=3.0, first_couples=8, tables=1))
    shop.advance(120)  # one table: cooked trays pile up on the pickup counter
    spots = dict((id(tray), spot) for tray, spot in tray_spots(shop))
    assert len(spots) == len(shop.pickup.trays) > 2
    for number, tray in shop.pickup.trays.items():
        assert spots[id(tray)] == shop.layout.tray_spots[shop.pickup.slot_of[number]]
    shop.kernel.close()


def frame_hash(game: Game) -> str:
    """The frame below the HUD's bar (its metrics are refreshed once a second, so they lag
    by up to a second depending on when the bar was last drawn: the HUD's own business)."""
    scene = game.draw().subsurface(pygame.Rect(0, BAR_H, 1280, 720 - BAR_H))
    return hashlib.sha256(pygame.image.tobytes(scene, "RGB")).hexdigest()


@pytest.mark.parametrize("mode", ["concurrent", PARALLEL])
def test_a_frame_is_the_same_whether_or_not_the_frames_before_it_were_drawn(mode: str) -> None:
    """The view keeps no state from frame to frame: rewind and seek can draw any moment."""
    screen = open_window(headless=True)
    watched = Game(ShopConfig(), screen)
    watched.mode = mode
    watched.paused = True
    while watched.now < 35:
        watched.advance_to(watched.now + 0.5)
        watched.draw()
    seen = frame_hash(watched)
    cold = Game(ShopConfig(), screen)
    cold.mode = mode
    cold.paused = True
    cold.advance_to(watched.now)
    assert frame_hash(cold) == seen
    pygame.quit()
