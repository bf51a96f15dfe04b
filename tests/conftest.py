"""Shared test set-up: no display, no sound card; tests never open a real window."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def english_default_looks():
    """Every test starts (and leaves) in English, default colours, full motion, text at 1x:
    language, palette and text size are switched live, for the whole game, by keys."""
    from game import i18n
    from game.view import motion, palette, text

    def defaults() -> None:
        i18n.use("en")
        palette.use("default")
        motion.set_reduced(False)
        text.set_scale(1.0)

    defaults()
    yield
    defaults()


@pytest.fixture(autouse=True)
def _score_elsewhere(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the player's real score file."""
    monkeypatch.setenv("ASYNC_BURGERS_DATA", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def game():
    """A fresh default day in a fresh headless window for every test that asks: none sees
    another's clock, panels or ``pygame.quit``."""
    import pygame

    from game.app.window import Game, open_window
    from game.shop import ShopConfig

    screen = open_window(headless=True)
    yield Game(ShopConfig(), screen)
    pygame.quit()
