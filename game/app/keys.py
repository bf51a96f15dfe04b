"""Every key of the game in one table: which keys, in which scenes, what they do, and the
words the help overlay and the README's "Playing" table show for them.

The window looks keys up here and nowhere else, the help overlay draws this table, and
``python -m game.app.keys`` writes the README's key table from it (a test checks it did),
so the three can never disagree. Adding a key is adding a row.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from ..i18n import N_, _
from ..shop import CONCURRENT, PARALLEL
from .link import share

if TYPE_CHECKING:
    from .window import Game

SHOP, HOUSE = "shop", "house"
LEVELS_MENU, LEVEL = "levels", "level"  # "When async goes wrong": the menu, and a level
SCENE_WORDS = {SHOP: "shops", HOUSE: "house", LEVELS_MENU: "level menu", LEVEL: "levels"}
EVERYWHERE = (SHOP, HOUSE)
ANYWHERE = (SHOP, HOUSE, LEVELS_MENU, LEVEL)  # the keys that work in every scene
HOLD_DELAY = 0.35  # a key marked ``repeat`` acts again every frame once held this long
README = Path(__file__).resolve().parents[2] / "README.md"

Action = Callable[["Game", pygame.Event], None]
MINUS = (pygame.K_MINUS, pygame.K_KP_MINUS)


@dataclass(frozen=True)
class Binding:
    """One row of the table: the keys (or mouse buttons) and what they do, where."""

    label: str  # as a player reads it: "RIGHT or .", "1 / 2 / 3", "click"
    scenes: tuple[str, ...]  # the scenes it works in; elsewhere it does nothing
    action: Action
    help: str  # one short line in the help overlay
    doc: str  # the README's fuller sentence
    keys: tuple[int, ...] = ()
    texts: tuple[str, ...] = ()  # typed characters that also trigger it (keyboard layouts)
    buttons: tuple[int, ...] = ()  # mouse buttons
    home: str | None = None  # pressed in another of its scenes, it shows this one first
    repeat: bool = False  # held down while paused, it acts again every frame after a delay

    def takes_key(self, key: int) -> bool:
        return key in self.keys

    def takes_text(self, text: str) -> bool:
        return bool(text) and text in self.texts

    def where(self) -> str:
        """The scenes a player uses it in (a ``home`` key's other scenes only lead there)."""
        shown = [s for s in self.scenes if self.home is None or s == self.home]
        return ", ".join(SCENE_WORDS.get(s, s) for s in shown)


def _scene_key(game: Game, event: pygame.Event) -> None:
    if event.key == pygame.K_3:
        game.show_house()
    else:
        game.show_shop(CONCURRENT if event.key == pygame.K_1 else PARALLEL)


ANSWERS = (pygame.K_a, pygame.K_b, pygame.K_c, pygame.K_d)


def _letter_key(game: Game, event: pygame.Event) -> None:
    index = ANSWERS.index(event.key) if event.key in ANSWERS else "abcd".find(event.unicode)
    game.letter(index)


def _speed_key(game: Game, event: pygame.Event) -> None:
    slower = event.key in MINUS or getattr(event, "unicode", "") == "-"
    game.change_speed(-1 if slower else 1)


def step_back(game: Game, event: pygame.Event) -> None:
    """LEFT's action (the window knows it by name: held, it plays the day backwards)."""
    game.step_back()


def _beat_key(game: Game, event: pygame.Event) -> None:
    back = event.key == pygame.K_LEFTBRACKET or getattr(event, "unicode", "") == "["
    game.jump_beat(-1 if back else 1)


KEYS: tuple[Binding, ...] = (
    Binding(
        "TAB",
        EVERYWHERE,
        lambda g, e: g.switch_mode(),
        N_("switch concurrent / parallel (same couples, same moment)"),
        "switch concurrent / parallel shop (both run in lockstep on the same couples); "
        "in the house, the two houses",
        keys=(pygame.K_TAB,),
    ),
    Binding(
        "1 / 2 / 3",
        ANYWHERE,
        _scene_key,
        N_("concurrent shop / parallel shop / house cleaning"),
        "concurrent shop / parallel shop / the house-cleaning scene",
        keys=(pygame.K_1, pygame.K_2, pygame.K_3),
    ),
    Binding(
        N_("SPACE"),
        (*EVERYWHERE, LEVEL),
        lambda g, e: g.space(),
        N_("pause / resume (story mode: continue)"),
        "pause / resume; in story mode, on to the next beat",
        keys=(pygame.K_SPACE,),
    ),
    Binding(
        N_("RIGHT or ."),
        (*EVERYWHERE, LEVEL),
        lambda g, e: g.step_paused(),
        N_("while paused: one tick of virtual time; hold to repeat"),
        "while paused: advance exactly one tick (1/60 s of virtual time); hold to repeat",
        keys=(pygame.K_RIGHT, pygame.K_PERIOD),
        repeat=True,
    ),
    Binding(
        N_("LEFT or ,"),
        EVERYWHERE,
        step_back,
        N_("while paused: one tick back; hold to play backwards"),
        "while paused: step exactly one tick back (the mirror of `RIGHT`); hold to play "
        "the day backwards",
        keys=(pygame.K_LEFT, pygame.K_COMMA),
        texts=(",",),
        repeat=True,
    ),
    Binding(
        "HOME",
        EVERYWHERE,
        lambda g, e: g.seek_home(),
        N_("back to the start of the day"),
        "back to the start of the day (the day is re-run from its seed to any moment)",
        keys=(pygame.K_HOME,),
    ),
    Binding(
        "[ / ]",
        EVERYWHERE,
        _beat_key,
        N_("previous / next story beat"),
        "to the previous / next beat (C1 ... C7, P1 ... P6) of the followed couple's story "
        "(of the protagonists' when nobody is followed) in the shop on screen",
        keys=(pygame.K_LEFTBRACKET, pygame.K_RIGHTBRACKET),
        texts=("[", "]"),
        home=SHOP,
    ),
    Binding(
        "L",
        EVERYWHERE,
        lambda g, e: g.toggle_panel("timeline"),
        N_("timeline strip: click or drag on it to go to a moment"),
        "timeline strip of the day so far, with marks for the followed couple's story beats "
        "and board changes: click or drag on it to go to that moment (on by default in story "
        "mode)",
        keys=(pygame.K_l,),
        home=SHOP,
    ),
    Binding(
        "+ / -",
        (*EVERYWHERE, LEVEL),
        _speed_key,
        N_("faster / slower (0.25x to 16x)"),
        "speed, 0.25x to 16x",
        keys=(pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS, pygame.K_MINUS, pygame.K_KP_MINUS),
        texts=("+", "-"),
    ),
    Binding(
        "R",
        (*EVERYWHERE, LEVEL),
        lambda g, e: g.restart_day(),
        N_("restart the day"),
        "restart the day (in a level: its day again, broken or fixed as it is now)",
        keys=(pygame.K_r,),
    ),
    Binding(
        N_("click"),
        (SHOP,),
        lambda g, e: g.pick(e.pos),
        N_("follow a character (click empty floor to stop)"),
        "follow a character: highlight, its story in the caption, its coroutine in the code view",
        buttons=(1,),
    ),
    Binding(
        N_("N / P"),
        (SHOP,),
        lambda g, e: g.follow(-1 if e.key == pygame.K_p else 1),
        N_("follow the next / previous character (keyboard for click)"),
        "follow the next / previous character (staff, then couples): the same as clicking "
        "them, for the keyboard",
        keys=(pygame.K_n, pygame.K_p),
    ),
    Binding(
        "I",
        EVERYWHERE,
        lambda g, e: g.toggle_panel("inspector"),
        N_("scheduler inspector"),
        "scheduler inspector: every task, its state, who ran last, who is next, timelines",
        keys=(pygame.K_i,),
        home=SHOP,
    ),
    Binding(
        "C",
        EVERYWHERE,
        lambda g, e: g.toggle_panel("code"),
        N_("live code view"),
        "live code view: the followed actor's `async def`, paused line highlighted",
        keys=(pygame.K_c,),
        home=SHOP,
    ),
    Binding(
        "S",
        EVERYWHERE,
        lambda g, e: g.toggle_split(),
        N_("side by side"),
        "side by side: both shops and a comparison of where the waiting went",
        keys=(pygame.K_s,),
        home=SHOP,
    ),
    Binding(
        "G",
        EVERYWHERE,
        lambda g, e: g.toggle_panel("charts"),
        N_("charts"),
        "charts: each couple's time, couples served over time",
        keys=(pygame.K_g,),
        home=SHOP,
    ),
    Binding(
        "T",
        EVERYWHERE,
        lambda g, e: g.toggle_story(),
        N_("story mode"),
        "story mode: the story beat by beat, pausing at each beat until `SPACE`",
        keys=(pygame.K_t,),
        home=SHOP,
    ),
    Binding(
        "4",
        ANYWHERE,
        lambda g, e: g.show_levels(),
        N_("levels: when async goes wrong"),
        "the level menu of *When async goes wrong*: four classic mistakes to predict, "
        "watch and fix, with your score",
        keys=(pygame.K_4,),
    ),
    Binding(
        "A / B / C / D",
        (LEVELS_MENU, LEVEL),
        _letter_key,
        N_("menu: play that level; level: your prediction"),
        "in the level menu, play that level; in a level, your answer to its question "
        "(or click one)",
        keys=ANSWERS,
    ),
    Binding(
        "F",
        (LEVEL,),
        lambda g, e: g.fix_level(),
        N_("fix the mistake: replay, compare"),
        "in a level: fix the mistake (the code view shows the diff), replay the day from "
        "the same seed and compare broken and fixed (or click the fix)",
        keys=(pygame.K_f,),
    ),
    Binding(
        "F11",
        ANYWHERE,
        lambda g, e: g.toggle_fullscreen(),
        N_("fullscreen on / off"),
        "fullscreen on / off (`--fullscreen`); the picture keeps its 16:9 shape with bars, "
        "clicks still land on the right character, and the window can be resized freely",
        keys=(pygame.K_F11,),
    ),
    Binding(
        "Z",
        ANYWHERE,
        lambda g, e: g.cycle_text_scale(),
        N_("text size 1 / 1.25 / 1.5"),
        "bigger text for a projector: every caption, panel and this help at 1 / 1.25 / 1.5 "
        "(`--text-scale`)",
        keys=(pygame.K_z,),
    ),
    Binding(
        "M",
        ANYWHERE,
        lambda g, e: g.toggle_mute(),
        N_("sound on / off"),
        "sound on / off (`--mute`; the volume is `--volume`)",
        keys=(pygame.K_m,),
    ),
    Binding(
        "F9",
        ANYWHERE,
        lambda g, e: g.toggle_recording(),
        N_("record a clip to recordings/ (again: stop)"),
        "start / stop recording what is on screen into `recordings/` (a red dot shows while "
        "it records; the dot is not in the clip)",
        keys=(pygame.K_F9,),
    ),
    Binding(
        "F2",
        ANYWHERE,
        lambda g, e: g.cycle_language(),
        N_("next language"),
        "next language (English, Spanish, Portuguese (Brazil), ...); also `--lang`",
        keys=(pygame.K_F2,),
    ),
    Binding(
        "F3",
        ANYWHERE,
        lambda g, e: g.cycle_palette(),
        N_("colours: default / colour-blind safe"),
        "colours: default / colour-blind safe (Okabe-Ito); also `--palette safe`",
        keys=(pygame.K_F3,),
    ),
    Binding(
        "F12",
        ANYWHERE,
        lambda g, e: g.snap(),
        N_("save a screenshot"),
        "save a screenshot to `screenshots/` (a notice says where, or why not)",
        keys=(pygame.K_F12,),
    ),
    Binding(
        "K",
        ANYWHERE,
        lambda g, e: share(g),
        N_("copy the link of this moment"),
        "copy the link of what is on screen (scene, shop, level, time, language...): "
        "`async-burgers LINK` or the web page opens that frame, paused",
        keys=(pygame.K_k,),
    ),
    Binding(
        N_("H or F1"),
        ANYWHERE,
        lambda g, e: g.toggle_panel("help"),
        N_("this help"),
        "this list of keys, over the game",
        keys=(pygame.K_h, pygame.K_F1),
    ),
    Binding(
        N_("ESC or Q"),
        ANYWHERE,
        lambda g, e: g.quit(),
        N_("quit"),
        "quit",
        keys=(pygame.K_ESCAPE, pygame.K_q),
    ),
)


def find(event: pygame.Event, scene: str, table: Iterable[Binding] = KEYS) -> Binding | None:
    """The row an input event belongs to in ``scene``, or None: key codes win over typed
    characters (so a layout's "+" on another key still means faster, but never steals it)."""
    rows = [b for b in table if scene in b.scenes]
    if event.type == pygame.KEYDOWN:
        text = getattr(event, "unicode", "")
        return next((b for b in rows if b.takes_key(event.key)), None) or next(
            (b for b in rows if b.takes_text(text)), None
        )
    if event.type == pygame.MOUSEBUTTONDOWN:
        return next((b for b in rows if event.button in b.buttons), None)
    return None


def help_rows(scene: str, table: Iterable[Binding] = KEYS) -> list[tuple[str, str, bool]]:
    """What the help overlay lists: every row, marked whether it works in ``scene``."""
    rows = []
    for b in table:
        away = b.home is not None and scene != b.home and scene in b.scenes
        text = _(BACK_TO.get(b.home or "", "{help}")).format(help=_(b.help)) if away else _(b.help)
        rows.append((_(b.label), text, scene in b.scenes))
    return rows


BACK_TO = {SHOP: N_("{help} (back to the shops)")}  # a ``home`` key pressed elsewhere


# -- the README's key table -----------------------------------------------------------
PLAIN_WORDS = {"/", "or", "click"}


def _keys_markdown(label: str) -> str:
    """'RIGHT or .' -> '`RIGHT` or `.`': key names in code, joining words plain."""
    return " ".join(w if w in PLAIN_WORDS else f"`{w}`" for w in label.split())


def markdown_table(table: Iterable[Binding] = KEYS) -> str:
    rows = list(table)
    lines = ["| key | where | what it does |", "|---|---|---|"]
    lines += [f"| {_keys_markdown(b.label)} | {b.where()} | {b.doc} |" for b in rows]
    homing = [b for b in rows if b.home is not None]
    if homing:
        names = ", ".join(f"`{b.label}`" for b in homing)
        homes = sorted({SCENE_WORDS.get(b.home or "", b.home or "") for b in homing})
        lines += ["", f"{names} pressed elsewhere go back to the {' / '.join(homes)} first."]
    return "\n".join(lines) + "\n"


BEGIN, END = "<!-- keys: begin (python -m game.app.keys) -->\n", "<!-- keys: end -->\n"


def readme_with_table(readme: str, table: Iterable[Binding] = KEYS) -> str:
    """The README with the part between the key-table markers written from ``table``."""
    start, stop = readme.index(BEGIN) + len(BEGIN), readme.index(END)
    return readme[:start] + markdown_table(table) + readme[stop:]


def main(argv: list[str]) -> int:
    """``python -m game.app.keys``: rewrite the README's key table; ``--print``: show it."""
    if argv[1:] == ["--print"]:
        print(markdown_table(), end="")
        return 0
    README.write_text(readme_with_table(README.read_text()))
    print(f"wrote the key table into {README}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
