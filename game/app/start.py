"""What the window mode runs: open the window (or render one frame), set the start state
the command line asked for, and play until the player quits.

``cli.py`` parses and checks the arguments; this is the part after that, for the window.
"""

from __future__ import annotations

import argparse
import asyncio
import sys

import pygame

from ..shop import ShopConfig
from ..view.sheets import AssetError
from .display import Display
from .settings import use_settings
from .sound import SoundPlayer
from .welcome import first_run, remember
from .window import Game, open_window


def configure(game: Game, args: argparse.Namespace) -> None:
    """The command line's start state: split screen, scene, story mode, a level."""
    stage = game.stage
    stage.shop_scene.split = args.side_by_side
    stage.show(args.scene)
    if args.story:
        stage.shop_scene.start_story()
    level = getattr(args, "level", None)
    if level is not None:
        stage.start_level(level)
        if args.screenshot or getattr(args, "record", None):
            stage.level_scene.watch(fixed=args.fixed)  # no question, no score: just watch it
        if getattr(args, "code", None) is not None:
            stage.level_scene.watch_file(args.code)  # FILE's actors, replayed when saved


def welcome_first_run(game: Game, args: argparse.Namespace) -> None:
    """The first screen on a player's very first run (a recording, a scripted ``--frames``
    run, or a level or the story asked for on the command line, goes straight to it)."""
    if getattr(args, "record", None) or getattr(args, "level", None) or args.story:
        return
    if getattr(args, "frames", 0):  # a scripted run of N frames: nobody there to read it
        return
    if first_run():
        game.overlay.welcome.visible = True
        problem = remember()
        if problem:
            print(f"warning: {problem}", file=sys.stderr)


def run_game(config: ShopConfig, args: argparse.Namespace) -> int:
    """Open the window (or render one frame for --screenshot) and play."""
    return asyncio.run(play(config, args))


async def play(config: ShopConfig, args: argparse.Namespace) -> int:
    """``run_game`` as a coroutine: a browser build awaits this directly (docs/web.md)."""
    use_settings(args)
    try:
        headless = bool(args.screenshot)
        window = open_window(headless, fullscreen=getattr(args, "fullscreen", False))
        display = None if headless else Display(window)
        canvas = window if display is None else display.canvas
        game = Game(config, canvas, speed=args.speed, text_scale=args.text_scale)
        game.settings.display = display
        if not headless:
            game.settings.sound = SoundPlayer(volume=args.volume / 100, muted=args.mute)
    except AssetError as error:
        print(f"{getattr(args, 'prog', 'main.py')}: error: {error}", file=sys.stderr)
        pygame.quit()
        return 2
    try:
        configure(game, args)
        if not headless:
            welcome_first_run(game, args)
        if args.screenshot:
            clock = game.stage.level_scene if getattr(args, "level", None) else game.time
            clock.advance_to(args.at)
            game.time.paused = True
            game.draw()
            game.save_screenshot(args.screenshot)
            return 0
        return await game.run_async(args.frames)
    finally:
        pygame.quit()
