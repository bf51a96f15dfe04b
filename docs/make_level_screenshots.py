"""Render the level screenshots in docs/screenshots/: `python docs/make_level_screenshots.py`
(every level and the menu), or `... NAME...` for those levels alone.

Each level broken and fixed, at a moment that shows the mistake (or its absence), searched
for in the level's deterministic day. The prediction is answered right; no score is kept.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["ASYNC_BURGERS_DATA"] = tempfile.mkdtemp()  # the player's score stays untouched
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame  # noqa: E402

from game.app.level_scenes import LevelScene  # noqa: E402
from game.app.window import Game, open_window  # noqa: E402
from game.shop import Shop, ShopConfig  # noqa: E402
from game.view.shop_view import frozen_people  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"
Moment = Callable[[Shop], bool]


def frozen(shop: Shop) -> bool:
    """The loop held, a couple of seconds in, several people frozen."""
    busy = shop.kernel.busy
    return (
        shop.now > 20
        and busy is not None
        and shop.now - busy.start > 2.5
        and len(frozen_people(shop)) >= 4
    )


def holding_the_slip(shop: Shop) -> bool:
    you = shop.protagonist
    return you is not None and you.you.seated and you.order is None and shop.now > 50


def worker_busy(shop: Shop) -> bool:
    return shop.now > 40 and any(h.activity == "working out a recipe" for h in shop.helpers)


def drinks_after_burgers(shop: Shop) -> bool:
    return shop.now > 40 and any(
        c.crush.activity == "pouring drinks" and c.served_at is not None for c in shop.couples
    )


def drinks_meanwhile(shop: Shop) -> bool:
    return shop.now > 40 and any(
        c.crush.activity == "pouring drinks" and c.served_at is None for c in shop.couples
    )


def after(seconds: float) -> Moment:
    return lambda shop: shop.now >= seconds


SHOTS: list[tuple[str, Moment, Moment]] = [
    ("blocking-cook", frozen, after(60)),
    ("forgotten-await", holding_the_slip, after(60)),
    ("cpu-on-the-loop", frozen, worker_busy),
    ("one-after-another", drinks_after_burgers, drinks_meanwhile),
    ("threads-and-the-gil", frozen, after(40)),
    ("asyncio-run-in-a-loop", after(45), after(45)),
    ("task-never-retrieved", after(120), after(120)),
    ("def-or-async-def", frozen, after(60)),
    ("too-many-at-once", after(45), after(90)),
]


def until(scene: LevelScene, moment: Moment, limit: float = 600.0) -> None:
    while scene.shop is not None and not moment(scene.shop):
        scene.step()
        if scene.shop.now > limit:
            raise SystemExit(f"{scene.level.name}: no such moment before {limit} s")


def save(game: Game, name: str) -> None:
    game.paused = True
    game.draw()
    pygame.image.save(game.screen, str(OUT / name))
    print(OUT / name)


def main(names: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    game = Game(ShopConfig(), open_window(headless=True))
    game.show_levels()
    if not names:
        save(game, "levels-menu.png")
    for name, broken, fixed in SHOTS:
        if names and name not in names:
            continue
        game.notice.visible = False  # no wall time passes here: a notice would linger
        game.start_level(name)
        scene = game.level_scene
        if name == "blocking-cook":
            save(game, "level-predict.png")
        scene.choose(scene.level.right)
        if name == "blocking-cook":
            save(game, "level-verdict.png")  # right or wrong at once, and why
        scene.close_verdict()
        until(scene, broken)
        save(game, f"level-{name}-broken.png")
        scene.fix()
        game.notice.visible = False  # the broken day's notice would linger: no wall time
        until(scene, fixed)
        save(game, f"level-{name}-fixed.png")
    if not names:
        game.start_level("forgotten-await")  # a wrong guess: the right answer, and why
        game.level_scene.choose(0)
        save(game, "level-verdict-wrong.png")
    pygame.quit()


if __name__ == "__main__":
    main(sys.argv[1:])
