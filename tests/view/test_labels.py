"""Issue 22: floating labels never collide. Many random moments of every shop scene and
every level, at text scale 1 and 1.5: no two labels the placer put down overlap, and none
covers a character's head (the heads worked out here again, from the model)."""

from __future__ import annotations

import random
from itertools import combinations

import pygame
import pytest

from game import i18n
from game.app.level_scenes import SCALE
from game.app.window import Game
from game.shop import CONCURRENT, PARALLEL, Shop
from game.shop.levels import LEVELS
from game.view.placer import Placer, head_rect
from game.view.text import set_scale

MOMENTS = 14  # random moments per scene and text size


def heads(shop: Shop, scale: float = 1.0, origin: tuple[float, float] = (0.0, 0.0)):
    t = shop.now
    people = [*shop.staff, *shop.helpers]
    people += [p for c in shop.couples for p in c.people if p.visible]
    return [head_rect(p.position_at(t), scale, origin) for p in people]


def check(placer: Placer, head_rects: list[pygame.Rect], where: str) -> int:
    for a, b in combinations(placer.placed, 2):
        assert not a.colliderect(b), f"{where}: labels {a} and {b} overlap"
    for rect in placer.placed:
        hit = rect.collidelist(head_rects)
        assert hit < 0, f"{where}: label {rect} over the head at {head_rects[hit]}"
    return len(placer.placed)


def moments(seed: int, end: float) -> list[float]:
    rng = random.Random(seed)
    return sorted(rng.uniform(1.0, end) for _ in range(MOMENTS))


@pytest.mark.parametrize(("lang", "scale"), [("en", 1.0), ("en", 1.5), ("es", 1.0)])
def test_shop_labels_never_collide(game: Game, lang: str, scale: float) -> None:
    i18n.use(lang)  # the Spanish tag is longer: it kept running into the till
    set_scale(scale)
    game.paused = True
    placed = 0
    for t in moments(22, 300.0):
        game.advance_to(t)
        for mode in (CONCURRENT, PARALLEL):
            game.mode, game.split = mode, False
            game.draw()
            view = game.shop_scene.views[mode]
            placed += check(view.placer, heads(game.shop), f"{mode} at {t:.1f} s x{scale}")
            for rect in view.placer.placed:
                assert rect.collidelist(view.till_rects) < 0, f"{rect} over a till at {t:.1f} s"
        game.split = True  # side by side: each half drawn full size, then scaled
        game.draw()
        for mode in (CONCURRENT, PARALLEL):
            view = game.shop_scene.views[mode]
            placed += check(view.placer, heads(game.shops[mode]), f"split {mode} at {t:.1f} s")
    assert placed > MOMENTS  # tags, arrow labels, legends were placed: the test saw them


@pytest.mark.parametrize("scale", [1.0, 1.5])
@pytest.mark.parametrize("level", [lv.name for lv in LEVELS])
def test_level_labels_never_collide(game: Game, scale: float, level: str) -> None:
    set_scale(scale)
    scene = game.level_scene
    game.start_level(level)
    scene.watch()
    placed = 0
    for fixed in (False, True):
        if fixed:
            scene.fix(record=False)
        game.paused = True
        for t in moments(len(level) + fixed, 240.0):
            scene.advance_to(t)
            game.draw()
            origin = (float(scene.shop_at.x), float(scene.shop_at.y))
            where = f"{level} {'fixed' if fixed else 'broken'} at {t:.1f} s x{scale}"
            assert scene.shop is not None
            placed += check(scene.placer, heads(scene.shop, SCALE, origin), where)
    assert placed > 0


def test_the_tag_is_on_you_not_between_the_two_of_you(game: Game) -> None:
    """'you & crush' goes over you, wherever your crush is: when one of you fetches the
    tray, the tag is nearer you than the floor between you."""
    game.paused = True
    apart = 0
    while game.now < 300 and apart < 10:
        game.advance_to(game.now + 0.5)
        couple = game.shop.protagonist
        if couple is None or not couple.you.visible:
            continue
        game.draw()
        tag = game.shop_scene.views[game.mode].tag_rect
        assert tag is not None, f"no tag at {game.now:.1f} s"
        (x, y), (x2, _y2) = (p.position_at(game.now) for p in couple.people)
        assert tag.bottom <= y - 90
        if abs(x - x2) > 120:  # apart: the tag stays with you
            apart += 1
            assert abs(tag.centerx - x) < abs(tag.centerx - (x + x2) / 2), game.now
    assert apart >= 3
