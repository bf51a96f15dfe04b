"""Shared test set-up: no display, no sound card; tests never open a real window."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def english_default_looks():
    """Every test starts (and leaves) in English, default colours, full motion: the
    language and the palette are switched live, for the whole game, by keys."""
    from game import i18n
    from game.view import motion, palette

    i18n.use("en")
    palette.use("default")
    motion.set_reduced(False)
    yield
    i18n.use("en")
    palette.use("default")
    motion.set_reduced(False)
