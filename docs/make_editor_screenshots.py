"""Render the editor screenshots in docs/screenshots/: `python docs/make_editor_screenshots.py`.

Level 1's cook in the editor, then a SyntaxError marked at its line and column, then an
exception raised by the learner's code marked at its line once the day runs; each at text
scale 1 and 1.5. Keys and text go in as pygame events, as a player's would.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ["ASYNC_BURGERS_DATA"] = tempfile.mkdtemp()  # the player's saved code stays untouched
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pygame  # noqa: E402

from game.app import code_store  # noqa: E402
from game.app.window import Game, open_window  # noqa: E402
from game.shop import ShopConfig  # noqa: E402
from game.view import text  # noqa: E402

OUT = Path(__file__).resolve().parent / "screenshots"


def press(game: Game, key: int, mod: int = 0, unicode: str = "") -> None:
    game.handle(pygame.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=unicode))


def type_text(game: Game, words: str) -> None:
    for ch in words:
        game.handle(pygame.Event(pygame.TEXTINPUT, text=ch))


def find_line(game: Game, needle: str) -> int:
    lines = game.stage.level_scene.editor.panel.buffer.lines
    return next(i for i, line in enumerate(lines) if needle in line)


def go_to(game: Game, line: int) -> None:
    press(game, pygame.K_HOME, pygame.KMOD_LCTRL)
    for _ in range(line):
        press(game, pygame.K_DOWN)
    press(game, pygame.K_END)


def shots(game: Game, scale: float) -> list[Path]:
    suffix = "" if scale == 1.0 else f"-{scale:g}x"
    saved = []
    text.set_scale(scale)
    code_store.reset("blocking-cook")  # the level's own code again, not the last shot's
    game.stage.level_scene.editor.texts.clear()
    game.stage.level_scene.editor.level = None
    game.overlay.notice.visible = False
    game.stage.start_level("blocking-cook")
    game.stage.level_scene.choose(1)
    game.stage.level_scene.advance_to(20)
    press(game, pygame.K_e, unicode="e")
    type_text(game, "e")  # the E that opened it comes as text too: not typed
    go_to(game, find_line(game, "cook_burgers_sync"))
    press(game, pygame.K_LEFT, pygame.KMOD_LCTRL | pygame.KMOD_LSHIFT)
    game.frame(0)
    saved.append(game.save_screenshot(OUT / f"editor-level{suffix}.png"))
    # a bracket left open: marked before anything runs
    buffer = game.stage.level_scene.editor.panel.buffer
    close = buffer.lines[buffer.cursor.line].index(")")
    press(game, pygame.K_HOME)
    press(game, pygame.K_HOME)  # the line's indent, then its start
    for _ in range(close):
        press(game, pygame.K_RIGHT)
    press(game, pygame.K_DELETE)
    press(game, pygame.K_F5)
    game.frame(0)
    saved.append(game.save_screenshot(OUT / f"editor-syntax-error{suffix}.png"))
    press(game, pygame.K_z, pygame.KMOD_LCTRL)
    # an exception at run time: the day pauses, the line is marked with Python's words
    go_to(game, find_line(game, "next_order"))
    press(game, pygame.K_RETURN)
    type_text(game, "order.burgers = order.burgers // 0")
    press(game, pygame.K_F5)
    game.stage.level_scene.advance_to(60)
    press(game, pygame.K_e, unicode="e")
    game.frame(0)
    saved.append(game.save_screenshot(OUT / f"editor-runtime-error{suffix}.png"))
    press(game, pygame.K_ESCAPE)
    # the goals: the broken code as it is (unsolved), then the fix written by hand (solved)
    press(game, pygame.K_e, unicode="e")
    editor = game.stage.level_scene.editor
    editor.panel.start_again(editor.starting_code())
    press(game, pygame.K_F5)
    game.stage.level_scene.advance_to(40)
    game.overlay.notice.visible = False
    game.frame(0)
    saved.append(game.save_screenshot(OUT / f"goals-unsolved{suffix}.png"))
    press(game, pygame.K_e, unicode="e")
    go_to(game, find_line(game, "cook_burgers_sync"))
    press(game, pygame.K_HOME)
    for _ in range(len("tray = ")):
        press(game, pygame.K_RIGHT)
    type_text(game, "await ")
    for _ in range(len("me.cook_burgers")):
        press(game, pygame.K_RIGHT)
    for _ in range(len("_sync")):
        press(game, pygame.K_DELETE)
    press(game, pygame.K_F5)
    game.stage.level_scene.advance_to(40)
    game.overlay.notice.visible = False
    game.frame(0)
    saved.append(game.save_screenshot(OUT / f"goals-solved{suffix}.png"))
    return saved


def kitchen(game: Game) -> list[Path]:
    """The kitchen from the menu: its editor with every actor, then its day with them."""
    text.set_scale(1.0)
    game.key(pygame.K_4)
    game.key(pygame.K_k, "k")
    press(game, pygame.K_e, unicode="e")
    type_text(game, "e")
    game.overlay.notice.visible = False
    go_to(game, find_line(game, "async def cook"))
    game.frame(0)
    saved = [game.save_screenshot(OUT / "kitchen-editor.png")]
    press(game, pygame.K_F5)
    game.stage.level_scene.advance_to(45)
    game.overlay.notice.visible = False
    game.frame(0)
    saved.append(game.save_screenshot(OUT / "kitchen.png"))
    return saved


def main() -> None:
    game = Game(ShopConfig(), open_window(headless=True))
    for scale in (1.0, 1.5):
        for path in shots(game, scale):
            print(f"wrote {path}")
    for path in kitchen(game):
        print(f"wrote {path}")
    game.close()


if __name__ == "__main__":
    main()
