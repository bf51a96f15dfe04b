"""Shared test set-up: no display, no sound card; tests never open a real window."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


import pytest  # noqa: E402 - after the environment above, which must come first


@pytest.fixture(autouse=True)
def _score_elsewhere(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the player's real score file."""
    monkeypatch.setenv("ASYNC_BURGERS_DATA", str(tmp_path_factory.mktemp("data")))
