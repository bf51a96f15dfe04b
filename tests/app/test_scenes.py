"""Scenes and sections: one scene on screen at a time, panels drawn in list order and
clicked top-down, and a failed F12 that says so on screen while the game plays on."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.app.keys import HOUSE, SHOP
from game.app.scenes import HouseScene, Scene, ShopScene
from game.app.sections import NOTICE_SECONDS, CrashBanner, Section, Sections, StoryCard
from game.app.window import Game

FRAME = 1 / 60


def press(game: Game, key: int) -> None:
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=key, unicode=""))
    game.frame(0)


def pixels(game: Game, rect: pygame.Rect) -> bytes:
    return pygame.image.tobytes(game.screen.subsurface(rect), "RGB")


class Recording(Section):
    """A test panel that notes when it is drawn or handed an event."""

    def __init__(self, game: Game, name: str, log: list[str], rect: pygame.Rect) -> None:
        super().__init__(game, rect)
        self.name, self.log, self.visible = name, log, True

    def handle(self, event: pygame.Event) -> bool:
        self.log.append(f"handle {self.name}")
        return super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        self.log.append(f"draw {self.name}")


# -- scenes -----------------------------------------------------------------------------
def test_the_window_shows_one_scene_at_a_time(game: Game, monkeypatch) -> None:  # noqa: ANN001
    assert isinstance(game.current, ShopScene) and game.scene == SHOP
    assert isinstance(game.scenes[HOUSE], HouseScene)
    log: list[str] = []
    for scene in game.scenes.values():
        monkeypatch.setattr(scene, "draw", lambda s, n=scene.name: log.append(n))
        monkeypatch.setattr(scene, "on_show", lambda n=scene.name: log.append(f"show {n}"))
        monkeypatch.setattr(scene, "on_hide", lambda n=scene.name: log.append(f"hide {n}"))
    game.draw()
    press(game, pygame.K_3)
    assert log == [SHOP, "hide shop", "show house", HOUSE]
    game.scene = HOUSE  # already there: no hide/show
    assert log[-1] == HOUSE
    with pytest.raises(KeyError):
        game.show_scene("menu")


def test_a_new_scene_is_one_class(game: Game) -> None:
    class Menu(Scene):
        name = "menu"

        def update(self, wall_dt: float) -> None:
            """A menu stops the clock."""

        def draw_scene(self, surface: pygame.Surface) -> None:
            surface.fill((10, 20, 30))

    game.scenes["menu"] = Menu(game)
    game.scene = "menu"
    for _ in range(30):
        game.frame(FRAME)
    assert game.ticks == 0
    assert game.screen.get_at((5, 5))[:3] == (10, 20, 30)
    press(game, pygame.K_s)  # the S row lists only the shops and the house: nothing here
    assert game.scene == "menu" and not game.split
    press(game, pygame.K_1)  # a row for every scene works in a new one too
    assert game.scene == SHOP


def test_houses_and_shops_keep_time_whichever_is_shown(game: Game) -> None:
    for _ in range(30):
        game.frame(FRAME)
    press(game, pygame.K_3)
    for _ in range(30):
        game.frame(FRAME)
    assert game.ticks == 60
    assert all(world.now == game.now for world in [*game.shops.values(), *game.houses.values()])


# -- sections ---------------------------------------------------------------------------
def test_shop_panels_are_sections_in_draw_order(game: Game) -> None:
    names = [s.name for s in game.shop_scene.sections]
    assert names == ["inspector", "code", "charts", "timeline", "story", "crash"]
    assert [s.name for s in game.sections] == ["welcome", "help", "notice"]


def test_sections_draw_in_list_order_and_take_clicks_top_down(game: Game) -> None:
    log: list[str] = []
    below = Recording(game, "below", log, pygame.Rect(0, 0, 400, 400))
    above = Recording(game, "above", log, pygame.Rect(200, 200, 400, 400))
    hidden = Recording(game, "hidden", log, pygame.Rect(0, 0, 1280, 720))
    hidden.visible = False
    sections = Sections(below, above, hidden)
    sections.draw(game.screen)
    assert log == ["draw below", "draw above"]
    log.clear()
    overlap = pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(300, 300))
    assert sections.handle(overlap)
    assert log == ["handle above"]  # the top one took it; the one under never saw it
    log.clear()
    assert sections.handle(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(50, 50)))
    assert log == ["handle above", "handle below"]
    log.clear()
    assert not sections.handle(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(900, 50)))
    sections.items.reverse()
    sections.draw(game.screen)
    assert log == ["handle above", "handle below", "draw above", "draw below"]


def test_the_shop_scene_draws_its_panels_in_its_list_order(
    game: Game, monkeypatch: pytest.MonkeyPatch
) -> None:
    log: list[str] = []
    monkeypatch.setattr(StoryCard, "visible", property(lambda s: True, lambda s, v: None))
    monkeypatch.setattr(CrashBanner, "visible", property(lambda s: True, lambda s, v: None))
    game.notice.show("news")  # a notice is up while it has something to say
    for section in [*game.shop_scene.sections, *game.sections]:
        section.visible = True
        monkeypatch.setattr(section, "draw", lambda surface, n=section.name: log.append(n))
    charts = game.shop_scene.sections["charts"]
    charts.visible = False
    game.draw()
    window = ["welcome", "help", "notice"]
    assert log == ["inspector", "code", "timeline", "story", "crash", *window]
    log.clear()
    game.shop_scene.sections.items.reverse()
    game.draw()
    assert log == ["crash", "story", "timeline", "code", "inspector", *window]
    log.clear()
    game.shop_scene.sections.items.reverse()
    charts.visible = True  # it paints the whole screen: what lies under it is not drawn
    drawn_scene: list[bool] = []
    monkeypatch.setattr(game.shop_scene, "draw_scene", lambda surface: drawn_scene.append(True))
    game.draw()
    assert log == ["charts", "timeline", "story", "crash", *window] and not drawn_scene


def test_a_click_on_a_shown_panel_does_not_reach_the_shop_under_it(game: Game) -> None:
    game.advance_to(12)
    couple = game.shop.couples[0]
    x, y = couple.you.position_at(game.shop.now)
    at = (int(x), int(y - 30))
    game.show_charts = True  # covers the whole screen
    game.click(at)
    assert game.selected is None
    game.show_charts = False
    game.click(at)
    assert game.selected is couple


def test_each_panel_key_toggles_its_section(game: Game) -> None:
    game.advance_to(30)
    for key, name in [
        (pygame.K_i, "inspector"),
        (pygame.K_c, "code"),
        (pygame.K_g, "charts"),
        (pygame.K_h, "help"),
    ]:
        section = game.panel(name)
        game.frame(0)
        before = pixels(game, section.rect)
        press(game, key)
        assert section.visible and pixels(game, section.rect) != before, name
        press(game, key)
        assert not section.visible and pixels(game, section.rect) == before, name


def test_story_card_and_crash_banner_show_themselves(game: Game) -> None:
    assert not game.panel("story").visible and not game.panel("crash").visible
    game.start_story()
    while game.story.card is None:
        game.update(FRAME)
    card = game.panel("story")
    strip = game.panel("timeline")
    assert strip.visible  # on by default in story mode, the card sits above it
    assert card.visible and card.rect.bottom == strip.rect.top - 16
    game.show_timeline = False
    assert card.rect.bottom == game.screen.get_height() - 16
    game.panel("story").visible = False  # not a toggle: the story decides
    assert card.visible


# -- F12 --------------------------------------------------------------------------------
def unwritable(tmp_path: Path) -> Path:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    return blocker / "screenshots"  # a folder under a file can never be made


def test_f12_that_cannot_save_says_so_on_screen_and_the_game_goes_on(
    game: Game, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    game.screenshot_dir = unwritable(tmp_path)
    game.advance_to(10)
    game.frame(0)
    notice = game.panel("notice")
    press(game, pygame.K_SPACE)  # paused, so only the notice changes the picture
    calm = pygame.image.tobytes(game.screen, "RGB")
    press(game, pygame.K_F12)
    assert game.running and notice.visible and game.notice.error
    assert "screenshot not saved" in game.notice.text and "Not a directory" in game.notice.text
    before = pygame.image.frombytes(calm, game.screen.get_size(), "RGB")
    assert pygame.image.tobytes(before.subsurface(notice.rect), "RGB") != pixels(game, notice.rect)
    before.blit(game.screen, notice.rect, notice.rect)  # only the notice's pill changed
    assert pygame.image.tobytes(before, "RGB") == pygame.image.tobytes(game.screen, "RGB")
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "screenshot not saved" in err and "Traceback" not in err
    assert not any(tmp_path.rglob("*.png"))
    for _ in range(int(NOTICE_SECONDS * 60) + 2):  # the notice goes by itself...
        game.frame(FRAME)
    assert not notice.visible
    assert pygame.image.tobytes(game.screen, "RGB") == calm
    press(game, pygame.K_SPACE)  # ...and the game plays on
    ticks = game.ticks
    for _ in range(10):
        game.frame(FRAME)
    assert game.ticks == ticks + 10


@pytest.mark.parametrize("failure", ["folder is a file", "save fails"])
def test_f12_failures_of_each_kind_become_notices(
    game: Game, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    if failure == "folder is a file":
        game.screenshot_dir = tmp_path / "screenshots"
        game.screenshot_dir.write_text("a file where the folder should be")
        expected = "File exists"
    else:
        game.screenshot_dir = tmp_path

        def full_disk(surface: pygame.Surface, path: str) -> None:
            raise pygame.error("No space left on device")

        monkeypatch.setattr(pygame.image, "save", full_disk)
        expected = "No space left on device"
    press(game, pygame.K_F12)
    assert game.notice.visible and game.notice.error and expected in game.notice.text
    assert game.running


def test_a_notice_clicked_goes_away_and_keeps_the_click(game: Game, tmp_path: Path) -> None:
    game.screenshot_dir = tmp_path
    press(game, pygame.K_F12)
    notice = game.panel("notice")
    assert notice.visible and "screenshot saved" in game.notice.text
    game.click(notice.rect.center)
    assert not notice.visible and game.selected is None
