"""Links to a moment: ``?level=blocking-cook&lang=es&t=45`` opens that moment, paused.

A link is the command line in a URL's query: each parameter is one of the CLI's settings,
so the page and the desktop (``async-burgers "https://…/?t=30&mode=parallel"``) read it
into the same argument list and open the same frame. ``link_of`` writes the link of what
is on screen. Standard library only; no pygame.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

# parameter -> the CLI flag it stands for; a parameter is "name=value" or a bare switch
VALUES = {
    "mode": "--mode",
    "level": "--level",
    "lang": "--lang",
    "seed": "--seed",
    "speed": "--speed",
    "palette": "--palette",
    "scene": "--scene",
    "t": "--open-at",
    "text": "--text-scale",
}
SWITCHES = {
    "side": "--side-by-side",
    "fixed": "--fixed",
    "story": "--story",
    "mute": "--mute",
    "reduced": "--reduced-motion",
}
PAGE_ONLY = {"embed"}  # the page reads these itself: nothing for the game
ON = {"", "1", "true", "yes", "on"}
OFF = {"0", "false", "no", "off"}


class LinkError(ValueError):
    """A link the game cannot open: names the parameter and its value."""


def is_link(text: str) -> bool:
    return text.startswith(("http://", "https://", "file://", "?"))


def to_argv(link: str) -> list[str]:
    """The command-line arguments a link stands for (LinkError names a bad parameter)."""
    query = urlsplit(link).query if not link.startswith("?") else link[1:]
    argv: list[str] = []
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name in PAGE_ONLY:
            continue
        if name in VALUES:
            if value == "":
                raise LinkError(f"link parameter {name!r} needs a value ({name}=...)")
            argv += [VALUES[name], value]
        elif name in SWITCHES:
            if value.lower() in ON:
                argv.append(SWITCHES[name])
            elif value.lower() not in OFF:
                raise LinkError(f"link parameter {name}={value!r}: use {name}=1 or {name}=0")
        else:
            known = ", ".join([*VALUES, *SWITCHES, *PAGE_ONLY])
            raise LinkError(f"unknown link parameter {name!r} (known: {known})")
    return argv


def expand(argv: Sequence[str]) -> list[str]:
    """``argv`` with every link in it replaced by the arguments it stands for."""
    out: list[str] = []
    for arg in argv:
        out += to_argv(arg) if is_link(arg) else [arg]
    return out


def query_of(state: dict[str, Any]) -> str:
    """The query string of a moment: ``state`` maps parameter names to values (None, False
    and the defaults are left out, so links stay short)."""
    from ..shop import ShopConfig

    defaults = {"mode": ShopConfig().mode, "seed": ShopConfig().seed, "speed": 1.0,
                "palette": "default", "scene": "shop", "text": 1.0}
    pairs = []
    for name in [*VALUES, *SWITCHES]:
        value = state.get(name)
        if value is None or value is False or defaults.get(name) == value:
            continue
        if value is True:
            value = 1
        elif isinstance(value, float):
            value = f"{value:g}"
        pairs.append((name, value))
    return urlencode(pairs)


def state_of(game: Any) -> dict[str, Any]:
    """What a link needs to reopen the frame on screen: scene, shop, level, time, settings."""
    from .. import i18n
    from ..view import palette

    time, stage = game.time, game.stage
    scene = stage.name
    state: dict[str, Any] = {
        "lang": i18n.language(),
        "palette": palette.in_use(),
        "seed": game.config.seed,
        "speed": float(time.speed),
    }
    if scene in ("levels", "level"):
        level_scene = stage.level_scene
        if scene == "level":
            state["level"] = level_scene.level.name
            state["fixed"] = getattr(level_scene, "phase", "") == "fixed"
            state["t"] = round(level_scene.ticks * _tick(), 3)
        return state
    if scene in ("shop", "house"):
        state["scene"] = scene
        state["mode"] = time.mode
        state["side"] = scene == "shop" and bool(getattr(stage.shop_scene, "split", False))
        state["t"] = round(time.now, 3)
    return state


def _tick() -> float:
    from .clock import TICK

    return TICK


def link_of(game: Any, base: str = "") -> str:
    """The link of the frame on screen, on the page at ``base`` (a bare query without)."""
    query = query_of(state_of(game))
    return f"{base.split('?')[0]}?{query}" if query else base.split("?")[0] or "?"


BASE = ""  # the page's address (set in the browser); on the desktop links are "?..."


def share(game: Any) -> str:
    """U: the link of the frame on screen, to the clipboard where there is one, and on screen."""
    from ..i18n import _

    url = link_of(game, BASE)
    print(url, flush=True)
    if _copy(url):
        game.overlay.say(_("link copied: {url}").format(url=url))
    else:
        game.overlay.say(_("link of this moment: {url}").format(url=url))
    return url


def _copy(text: str) -> bool:
    """The clipboard (pygame's scrap): the page's clipboard, or the desktop's if it has one."""
    try:
        import pygame

        pygame.scrap.put_text(text)
        return True
    except (pygame.error, AttributeError, NotImplementedError):
        return False
