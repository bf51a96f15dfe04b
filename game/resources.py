"""Where the assets live: an artist's folder, the source checkout, or inside the package.

A source checkout keeps them in ``assets/`` next to ``game/``; an installed wheel carries
the same files as package data in ``game/assets/`` (pyproject maps the folder there), so
the installed command runs from any folder. ``ASYNC_BURGERS_ASSETS`` wins over both.
Standard library only: the model rooms may ask too.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

ENV = "ASYNC_BURGERS_ASSETS"


def assets_dir() -> Path:
    """The folder of sprite sheets (and ``sounds/``) this run uses."""
    chosen = os.environ.get(ENV)
    if chosen:
        return Path(chosen)
    return builtin_dir()


def sounds_dir() -> Path:
    """The sounds: an artist's folder may hold only sheets, so then ours are used."""
    chosen = assets_dir() / "sounds"
    return chosen if chosen.is_dir() else builtin_dir() / "sounds"


def builtin_dir() -> Path:
    """The committed assets: inside the installed package, else the checkout's folder."""
    packaged = Path(str(resources.files("game") / "assets"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[1] / "assets"
