"""The game window: input, the fixed-timestep loop that owns the clock, and drawing.

Both shops are simulated in lockstep from the same seed, so TAB (or the split screen)
compares the same couples at the same virtual moment. The model only ever moves in whole
ticks of ``TICK`` virtual seconds: a slow frame runs more ticks, never a longer one, and
pausing stops the ticks altogether.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections import deque
from pathlib import Path

import pygame

from ..house import House, HouseConfig
from ..shop import CONCURRENT, MODES, PARALLEL, Shop, ShopConfig
from ..view.charts import Charts
from ..view.code_view import CodeView
from ..view.house_view import HouseView
from ..view.hud import Hud, draw_help, draw_paused_badge
from ..view.inspector import Inspector, followed_task
from ..view.sheets import AssetError, Library, Sheet
from ..view.shop_view import ShopView
from ..view.split import SplitView
from ..view.story_card import draw_card
from ..view.text import label, set_scale, text_scale
from .display import Display
from .loop import main_loop
from .record import LiveRecorder
from .sound import SoundPlayer
from .story_mode import StoryMode

WIDTH, HEIGHT = 1280, 720
FPS = 60
TICK = 1.0 / FPS  # virtual seconds per simulation tick at 1x
SPEEDS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0)
MAX_FRAME = 0.25  # a frame longer than this (a drag, a debugger) is not caught up
SHOP_PANEL_KEYS = (pygame.K_i, pygame.K_c, pygame.K_s, pygame.K_g, pygame.K_t)
HOLD_DELAY = 0.35  # holding RIGHT while paused repeats the step after this long
TEXT_SCALES = (1.0, 1.25, 1.5)  # Z cycles through these


class Game:
    """Everything the player sees and touches; the app loop calls ``frame`` every frame."""

    def __init__(
        self,
        config: ShopConfig,
        screen: pygame.Surface,
        *,
        speed: float = 1.0,
        lib: Library | None = None,
        text_scale: float = 1.0,
    ) -> None:
        self.config = config
        self.screen = screen
        set_scale(text_scale)  # every label from here on (1: as designed)
        self.lib = lib or Library()
        self.hud = Hud(WIDTH, HEIGHT)
        self.mode = config.mode
        self.scene = "shop"  # or "house": the cleaning scene where parallelism wins
        self.house_views: dict[str, HouseView] = {}
        self.speed = min(SPEEDS, key=lambda s: abs(s - speed))
        self.paused = False
        self.show_help = False
        self.running = True
        self.selected: object = None
        self.views: dict[str, ShopView] = {}
        self.held_for = 0.0
        self.screenshot_dir = Path("screenshots")
        self.show_inspector = False
        self.show_code = False
        self.show_charts = False
        self.split = False
        self.story: StoryMode | None = None
        self.inspector = Inspector(pygame.Rect(WIDTH - 470, 34, 466, HEIGHT - 72))
        self.code_view = CodeView(pygame.Rect(4, 34, 640, 330))
        self.charts = Charts((WIDTH, HEIGHT))
        self.split_view = SplitView()
        # in the classroom: the window around the canvas, the F9 recorder, the sounds
        self.display: Display | None = None
        self.recorder = LiveRecorder()
        self.sound: SoundPlayer | None = None  # the window opens one; tests and clips do not
        self.restart()

    # -- the model --------------------------------------------------------------------
    def restart(self) -> None:
        """A fresh day: both shops from the same seed, virtual time 0."""
        for old in getattr(self, "shops", {}).values():
            old.kernel.close()
        for old_house in getattr(self, "houses", {}).values():
            old_house.close()
        self.shops = {m: Shop(self.config.with_mode(m), strict=False) for m in MODES}
        self.houses = {
            m: House(HouseConfig(mode=m, seed=self.config.seed), strict=False) for m in MODES
        }
        for shop in self.shops.values():
            shop.kernel.trace = deque(maxlen=64)  # the inspector's hand-over log
        self.ticks = 0
        self.accumulator = 0.0
        self.selected = None
        self.reported_crashes = 0
        for mode, shop in self.shops.items():
            if mode not in self.views:
                self.views[mode] = ShopView(self.lib, shop)
            if mode not in self.house_views:
                self.house_views[mode] = HouseView(self.lib, self.houses[mode])

    @property
    def shop(self) -> Shop:
        return self.shops[self.mode]

    @property
    def now(self) -> float:
        return self.ticks * TICK

    def step(self) -> None:
        """Exactly one tick of virtual time, for both shops and both houses."""
        self.ticks += 1
        for house in self.houses.values():
            house.kernel.run_until(self.ticks * TICK)
        for shop in self.shops.values():
            shop.kernel.run_until(self.ticks * TICK)
            if self.ticks % 600 == 0:
                shop.kernel.prune()  # forget finished tasks: memory stays flat
        self._report_crashes()
        if self.story is not None and self.story.check(self.shop):
            self.paused = True

    def advance_to(self, seconds: float) -> None:
        while self.now + 1e-9 < seconds:
            self.step()

    def _report_crashes(self) -> None:
        worlds = [*self.shops.values(), *self.houses.values()]
        if sum(len(world.kernel.crashes) for world in worlds) == self.reported_crashes:
            return  # the usual case, every tick: nothing new
        crashes = [t for world in worlds for t in world.kernel.crashes]
        for task in crashes[self.reported_crashes :]:
            print(task.traceback, file=sys.stderr, end="")
            print(f"actor {task.name!r} crashed: {task.error!r}", file=sys.stderr)
            self.paused = True
        self.reported_crashes = len(crashes)

    # -- input ------------------------------------------------------------------------
    def handle(self, event: pygame.Event) -> None:
        if self.display is not None and self.display.handle(event):
            return  # the window was resized: nothing for the game
        if event.type == pygame.QUIT:
            self.running = False
        elif event.type == pygame.KEYDOWN:
            self.key(event.key, event.unicode if hasattr(event, "unicode") else "")
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            pos = event.pos if self.display is None else self.display.to_canvas(event.pos)
            if pos is not None:  # None: a click on the letterbox bars
                self.click(pos)

    def key(self, key: int, text: str = "") -> None:
        if key in (pygame.K_ESCAPE, pygame.K_q):
            self.running = False
        elif key == pygame.K_TAB:
            self.mode = PARALLEL if self.mode == CONCURRENT else CONCURRENT
            self.selected = None
        elif key in (pygame.K_1, pygame.K_2):
            self.scene = "shop"
            self.mode = CONCURRENT if key == pygame.K_1 else PARALLEL
            self.selected = None
        elif key == pygame.K_3:
            self.scene = "house"
            self.split = self.show_charts = False
        elif key == pygame.K_SPACE:
            if self.story is not None and (self.story.card or self.story.finished):
                self.continue_story()
            else:
                self.paused = not self.paused
            self.accumulator = 0.0
        elif key in (pygame.K_RIGHT, pygame.K_PERIOD):
            if self.paused:
                self.step()
                self.held_for = 0.0
        elif key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS) or text == "+":
            self.speed = SPEEDS[min(SPEEDS.index(self.speed) + 1, len(SPEEDS) - 1)]
        elif key in (pygame.K_MINUS, pygame.K_KP_MINUS) or text == "-":
            self.speed = SPEEDS[max(SPEEDS.index(self.speed) - 1, 0)]
        elif key == pygame.K_r:
            self.restart()
        elif key in (pygame.K_h, pygame.K_F1):
            self.show_help = not self.show_help
        elif key in SHOP_PANEL_KEYS and self.scene == "house":
            self.scene = "shop"  # the panels explain the shops: go back to them first
            self.key(key, text)
        elif key == pygame.K_i:
            self.show_inspector = not self.show_inspector
        elif key == pygame.K_c:
            self.show_code = not self.show_code
        elif key == pygame.K_s:
            self.split = not self.split
        elif key == pygame.K_g:
            self.show_charts = not self.show_charts
        elif key == pygame.K_t:
            self.start_story() if self.story is None else self.stop_story()
        elif key == pygame.K_F12:
            self.save_screenshot()
        elif key == pygame.K_F11:
            self.toggle_fullscreen()
        elif key == pygame.K_F9:
            self.toggle_recording()
        elif key == pygame.K_z:
            self.cycle_text_scale()
        elif key == pygame.K_m:
            self.toggle_mute()

    def click(self, pos: tuple[int, int]) -> None:
        if self.scene == "house":
            return
        if self.split:
            hit = SplitView.to_world(pos)
            if hit is None:
                return
            side, pos = hit
            self.mode = MODES[side]
        self.selected = ShopView.pick(self.shop, pos)
        if self.selected is not None:
            self.show_code = True

    # -- story mode -------------------------------------------------------------------
    def start_story(self) -> None:
        self.story = StoryMode()
        self.split = self.show_charts = False
        self.mode = self.story.mode
        self.paused = False
        self.restart()

    def continue_story(self) -> None:
        story = self.story
        assert story is not None
        if story.finished:
            self.stop_story()
            return
        if story.advance():  # on to the other shop, from the opening
            self.mode = story.mode
            self.restart()
        self.paused = story.card is not None

    def stop_story(self) -> None:
        self.story = None
        self.paused = False

    # -- in the classroom: fullscreen, recording --------------------------------------
    def toggle_fullscreen(self) -> None:
        if self.display is not None:
            self.display.toggle_fullscreen()

    def cycle_text_scale(self) -> None:
        """Z: 1 -> 1.25 -> 1.5 -> 1 (from an in-between --text-scale, the next step up)."""
        bigger = [s for s in TEXT_SCALES if s > text_scale() + 1e-9]
        set_scale(bigger[0] if bigger else TEXT_SCALES[0])

    def toggle_mute(self) -> None:
        if self.sound is not None:
            self.sound.toggle_mute()

    def toggle_recording(self) -> None:
        self.recorder.toggle(f"async-burgers-{self.mode}")

    def after_draw(self, wall_dt: float) -> None:
        """What the canvas shows is recorded; the red dot is drawn after, so not in the clip."""
        self.recorder.capture(self.screen, wall_dt)
        self.recorder.draw_badge(self.screen, wall_dt)
        if self.sound is not None:
            self.sound.update(self, wall_dt)

    def present(self) -> None:
        if self.display is not None:
            self.display.present()
        else:
            pygame.display.flip()

    def shut_down(self) -> None:
        """Leaving the loop: a clip being recorded is finished, not cut off."""
        if self.sound is not None:
            self.sound.close()
        saved = self.recorder.finish()
        if saved is not None:
            print(f"recorded {saved}")

    # -- the loop ---------------------------------------------------------------------
    def update(self, wall_dt: float) -> None:
        """Turn wall time into whole ticks of virtual time (none while paused)."""
        if self.paused:
            held = pygame.key.get_pressed()
            if held[pygame.K_RIGHT] or held[pygame.K_PERIOD]:
                self.held_for += wall_dt
                if self.held_for > HOLD_DELAY:
                    self.step()
            else:
                self.held_for = 0.0
            return
        self.accumulator += min(wall_dt, MAX_FRAME) * self.speed
        ticks = int(self.accumulator / TICK + 1e-9)
        self.accumulator -= ticks * TICK
        for _ in range(ticks):
            self.step()
            if self.paused:  # story mode stopped on a beat: stay exactly on that tick
                self.accumulator = 0.0
                break

    def draw(self, surface: pygame.Surface | None = None) -> pygame.Surface:
        surface = surface or self.screen
        shop = self.shop
        if self.scene == "house":
            other = PARALLEL if self.mode == CONCURRENT else CONCURRENT
            self.house_views[self.mode].draw(
                surface, self.houses[self.mode], other=self.houses[other]
            )
            if self.paused:
                draw_paused_badge(surface, WIDTH, top=HEIGHT - 30)  # clear of its panel
            if self.show_help:
                draw_help(surface)
            return surface
        if self.split:
            self.split_view.draw(
                surface,
                [self.shops[m] for m in MODES],
                [self.views[m] for m in MODES],
                self.hud,
                speed=self.speed,
                paused=self.paused,
                selected=self.selected,
            )
        else:
            self.views[self.mode].draw(surface, shop, self.selected)
            card_up = self.story is not None and self.story.card is not None
            self.hud.draw(
                surface,
                shop,
                speed=self.speed,
                paused=self.paused,
                selected=self.selected,
                caption=not card_up,  # the story card says it, larger
            )
        if self.show_inspector:
            self.inspector.draw(surface, shop, self.selected)
        if self.show_code:
            self.code_view.draw(surface, followed_task(shop, self.selected))
        if self.show_charts:
            self.charts.draw(surface, [self.shops[m] for m in MODES])
        if self.story is not None and self.story.card is not None:
            card = self.story.card
            draw_card(surface, card.kind, card.mode, card.code, card.text)
        if shop.kernel.crashes:
            task = shop.kernel.crashes[-1]
            text = label(f"actor {task.name!r} crashed: {task.error!r}", 24, (255, 255, 255), True)
            rect = text.get_rect(midtop=(WIDTH // 2, 40)).inflate(16, 8)
            pygame.draw.rect(surface, (200, 30, 30), rect, border_radius=6)
            surface.blit(text, text.get_rect(center=rect.center))
        if self.show_help:
            draw_help(surface)
        return surface

    def frame(self, wall_dt: float) -> None:
        for event in pygame.event.get():
            self.handle(event)
        self.update(wall_dt)
        self.draw()
        self.after_draw(wall_dt)

    def run(self, max_frames: int = 0) -> int:
        return asyncio.run(self.run_async(max_frames))

    async def run_async(self, max_frames: int = 0) -> int:
        """The loop as a coroutine awaiting once a frame (pygbag runs it in a browser)."""
        return await main_loop(self, FPS, max_frames)

    def save_screenshot(self, path: str | os.PathLike[str] | None = None) -> Path:
        if path is None:
            self.screenshot_dir.mkdir(exist_ok=True)
            stamp = time.strftime("%Y%m%d-%H%M%S")
            path = self.screenshot_dir / f"async-burgers-{self.mode}-{stamp}-{self.ticks}.png"
        path = Path(path)
        pygame.image.save(self.screen, str(path))
        return path


def open_window(headless: bool, fullscreen: bool = False) -> pygame.Surface:
    if headless:
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_caption("Async Burgers")
    pygame.display.set_icon(Sheet("props").image_of("icon"))  # before set_mode, as SDL wants
    if headless:
        return pygame.display.set_mode((WIDTH, HEIGHT))
    if fullscreen:
        return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
    return pygame.display.set_mode((WIDTH, HEIGHT), pygame.RESIZABLE)  # letterboxed: display.py


def configure(game: Game, args: argparse.Namespace) -> None:
    """The command line's start state: split screen, scene, story mode."""
    game.split = args.side_by_side
    game.scene = args.scene
    if args.story:
        game.start_story()


def run_game(config: ShopConfig, args: argparse.Namespace) -> int:
    """Open the window (or render one frame for --screenshot) and play."""
    return asyncio.run(play(config, args))


async def play(config: ShopConfig, args: argparse.Namespace) -> int:
    """``run_game`` as a coroutine: a browser build awaits this directly (docs/web.md)."""
    try:
        headless = bool(args.screenshot)
        window = open_window(headless, fullscreen=getattr(args, "fullscreen", False))
        display = None if headless else Display(window)
        canvas = window if display is None else display.canvas
        game = Game(config, canvas, speed=args.speed, text_scale=args.text_scale)
        game.display = display
        if not headless:
            game.sound = SoundPlayer(volume=args.volume / 100, muted=args.mute)
    except AssetError as error:
        print(f"main.py: error: {error}", file=sys.stderr)
        pygame.quit()
        return 1
    configure(game, args)
    if args.screenshot:
        game.advance_to(args.at)
        game.paused = True
        game.draw()
        game.save_screenshot(args.screenshot)
        pygame.quit()
        return 0
    code = await game.run_async(args.frames)
    pygame.quit()
    return code
