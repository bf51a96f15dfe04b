"""Render the screenshots in docs/screenshots/ headless: `python docs/make_screenshots.py`.

Each picture is taken at a moment that teaches something; the script searches for that
moment in the (deterministic) default day rather than hard-coding a time.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["ASYNC_BURGERS_DATA"] = tempfile.mkdtemp()  # the player's files stay untouched
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame  # noqa: E402

from game import i18n  # noqa: E402
from game.app.window import Game, open_window  # noqa: E402
from game.shop import CONCURRENT, PARALLEL, ShopConfig  # noqa: E402
from game.view import palette  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"


def save(game: Game, name: str) -> None:
    game.draw()
    pygame.image.save(game.screen, str(OUT / name))
    print(OUT / name)


def until(game: Game, test, limit: float = 900.0) -> None:  # noqa: ANN001
    while not test():
        game.step()
        if game.now > limit:
            raise SystemExit(f"no such moment before {limit} s")


def flirting_and_waiting(game: Game) -> bool:
    """Someone flirts at a table in the concurrent shop while someone in the parallel shop
    stands guarding a counter: the whole lesson in one frame."""
    flirt = any(c.phase == "flirting" and c.you.seated for c in game.shops[CONCURRENT].couples)
    stand = any(c.phase == "standing" for c in game.shops[PARALLEL].couples)
    waits_at_till = any(c.phase == "ordering" for c in game.shops[CONCURRENT].couples)
    return flirt and stand and waits_at_till


def hand_over(game: Game) -> bool:
    """In the tick just run, one task ran to an await and another ran after it."""
    trace = list(game.shop.kernel.trace or [])[-2:]
    return (len(trace) == 2 and trace[0].time == trace[1].time > game.now - 1 / 60
            and trace[0].name != trace[1].name and "couple" not in trace[0].name)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    game = Game(ShopConfig(), open_window(headless=True))
    game.paused = True
    game.advance_to(3)
    game.overlay.welcome.visible = True  # the first screen, as on the first run
    save(game, "welcome.png")
    game.overlay.welcome.visible = False
    game.paused = True
    until(game, lambda: game.now > 30 and flirting_and_waiting(game))
    game.mode = CONCURRENT
    save(game, "concurrent-shop.png")
    game.mode = PARALLEL
    save(game, "parallel-shop.png")
    game.split = True
    save(game, "side-by-side.png")
    game.split = False

    game.mode = CONCURRENT
    game.show_inspector = True
    until(game, lambda: hand_over(game))
    save(game, "inspector-hand-over.png")

    flirting = next(c for c in game.shop.couples if c.phase == "flirting") if any(
        c.phase == "flirting" for c in game.shop.couples) else None
    if flirting is None:
        until(game, lambda: any(c.phase == "flirting" and c.you.seated
                                for c in game.shop.couples))
        flirting = next(c for c in game.shop.couples if c.phase == "flirting")
    game.selected, game.show_code = flirting, True
    save(game, "code-view-flirting.png")

    game.mode = PARALLEL
    until(game, lambda: any(c.phase == "standing" for c in game.shop.couples))
    game.selected = next(c for c in game.shop.couples if c.phase == "standing")
    save(game, "code-view-standing.png")
    game.show_code = game.show_inspector = False
    game.selected = None

    game.advance_to(900)
    game.show_charts = True
    save(game, "charts.png")
    game.show_charts = False

    story_card(game, "C5")
    save(game, "story-mode.png")
    timeline(game)
    game.stop_story()
    game.show_timeline = False
    wake_ups_and_why()
    pygame.quit()
    translated()
    safe_palette()


def story_card(game: Game, code: str) -> None:
    """Story mode, on to the card of beat ``code``."""
    game.start_story()
    game.paused = False
    while game.story is not None and game.story.card is None:
        game.update(1 / 60)
    while game.story.card.code != code:
        game.continue_story()
        while game.story.card is None:
            game.update(1 / 60)


def translated() -> None:
    """The concurrent shop and a story card in each language but English (shown above)."""
    for lang in i18n.languages():
        if lang == i18n.SOURCE:
            continue
        i18n.use(lang)
        game = Game(ShopConfig(), open_window(headless=True))
        game.paused = True
        until(game, lambda game=game: game.now > 30 and flirting_and_waiting(game))
        game.mode = CONCURRENT
        save(game, f"concurrent-shop-{lang}.png")
        story_card(game, "C5")
        save(game, f"story-mode-{lang}.png")
        pygame.quit()
    i18n.use(i18n.SOURCE)


def safe_palette() -> None:
    """The colour-blind-safe palette (F3, --palette safe) where colour carries meaning."""
    palette.use("safe")
    game = Game(ShopConfig(), open_window(headless=True))
    game.paused = True
    until(game, lambda: game.now > 30 and flirting_and_waiting(game))
    game.split = True
    save(game, "side-by-side-safe.png")
    game.split = False
    game.advance_to(70)
    game.mode = CONCURRENT
    game.show_inspector = True
    game.selected = next(c for c in game.shop.couples if c.phase == "flirting")
    save(game, "inspector-safe.png")
    game.show_inspector = False
    game.selected = None
    game.advance_to(900)
    game.show_charts = True
    save(game, "charts-safe.png")
    pygame.quit()
    palette.use("default")


def timeline(game: Game) -> None:
    """The story to its last beat, then back between two beats: the strip shows the day so
    far with every beat's mark, the playhead among them."""
    while game.story is not None and game.story.card is not None and game.story.card.kind == "beat":
        game.continue_story()
        while game.story.card is None:
            game.update(1 / 60)
    beats = game.marks()[0]
    between = (beats[3].time + beats[4].time) / 2  # between C4 and C5
    game.seek(round(between * 60))
    save(game, "timeline.png")


def board_arrow(game: Game) -> bool:
    """The cook has just put a tray down: the board shows its number (arrow half grown)."""
    wakes = game.shop.wakes
    return wakes is not None and any(
        h.how == "shows" and 0.6 < game.now - h.time <= 0.6 + 1 / 60 for h in wakes.handoffs
    )


def wake_ups_and_why() -> None:
    """Who woke whom, and 'why am I waiting?' on a couple at a table and at a counter."""
    game = Game(ShopConfig(), open_window(headless=True))
    game.paused = True
    until(game, lambda: game.now > 60 and board_arrow(game))
    save(game, "wake-up-arrow.png")
    game.show_code = True  # the code view answers; the tables on the right stay in view
    until(game, lambda: any(c.phase == "flirting" and c.you.seated for c in game.shop.couples))
    game.selected = next(c for c in game.shop.couples if c.phase == "flirting")
    save(game, "why-waiting-table.png")
    game.show_inspector = True
    game.mode = PARALLEL

    def in_sight(c: object) -> bool:  # standing at a counter the panels leave in view
        return c.phase == "standing" and 150 < c.you.pos[0] < 760  # type: ignore[attr-defined]

    until(game, lambda: any(in_sight(c) for c in game.shop.couples))
    game.selected = next(c for c in game.shop.couples if in_sight(c))
    game.show_code = False  # the inspector answers too, and leaves the couple in view
    save(game, "why-waiting-counter.png")


if __name__ == "__main__":
    main()
