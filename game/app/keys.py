"""Every key of the game in one table: which keys, in which scenes, which action, and the
words the help overlay and the README's "Playing" table show for them.

A row names an action; who carries it out is whoever has it, asked in this order: the
scene on screen, the stage, the time, the settings, the overlay, the window (as textual
does with ``BINDINGS`` and ``action_*`` methods). ``"toggle_panel('code')"`` calls
``action_toggle_panel("code")``; a row's ``arg`` adds what the event says (which key,
where the click was). A scene class may bring rows of its own (``BINDINGS``): they are
collected after this table's. The window looks keys up in the collected table and nowhere
else, the help overlay draws it, and ``python -m game.app.keys`` writes the README's key
table from it (a test checks it did), so the three can never disagree.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from ..i18n import N_, _

if TYPE_CHECKING:
    from .scenes import Scene

SHOP, HOUSE = "shop", "house"
LEVELS_MENU, LEVEL = "levels", "level"  # "When async goes wrong": the menu, and a level
SCENE_WORDS = {SHOP: "shops", HOUSE: "house", LEVELS_MENU: "level menu", LEVEL: "levels"}
EVERYWHERE = (SHOP, HOUSE)
ALL = "*"  # in a row's scenes: every scene, a new one too
ANYWHERE = (ALL,)  # the keys that work in every scene
HOLD_DELAY = 0.35  # a key marked ``repeat`` acts again every frame once held this long
README = Path(__file__).resolve().parents[2] / "README.md"

Arg = Callable[[pygame.Event], object]  # what an event adds to its row's action
MINUS = (pygame.K_MINUS, pygame.K_KP_MINUS)


@dataclass(frozen=True)
class Binding:
    """One row of the table: the keys (or mouse buttons) and what they do, where."""

    label: str  # as a player reads it: "RIGHT or .", "1 / 2 / 3", "click"
    scenes: tuple[str, ...]  # the scenes it works in (``ALL``: every one); elsewhere nothing
    action: str  # "quit", "toggle_panel('code')": ``action_quit()``, ...("code")
    help: str  # one short line in the help overlay
    doc: str  # the README's fuller sentence
    keys: tuple[int, ...] = ()
    texts: tuple[str, ...] = ()  # typed characters that also trigger it (keyboard layouts)
    buttons: tuple[int, ...] = ()  # mouse buttons
    home: str | None = None  # pressed in another of its scenes, it shows this one first
    repeat: bool = False  # held down while paused, it acts again every frame after a delay
    arg: Arg | None = None  # the event's part of the call: which key, where the click was

    def works_in(self, scene: str) -> bool:
        return ALL in self.scenes or scene in self.scenes

    def call(self, event: pygame.Event) -> tuple[str, tuple[object, ...]]:
        """The method to call (``action_`` and the name) and its arguments, for ``event``."""
        name, args = parse(self.action)
        if self.arg is not None:
            args = (*args, self.arg(event))
        return f"action_{name}", args

    def takes_key(self, key: int) -> bool:
        return key in self.keys

    def takes_text(self, text: str) -> bool:
        return bool(text) and text in self.texts

    def where(self, words: Mapping[str, str] = SCENE_WORDS) -> str:
        """The scenes a player uses it in (a ``home`` key's other scenes only lead there),
        in the README's words for them (``words``: every scene there is, in order)."""
        scenes = list(words) if ALL in self.scenes else self.scenes
        shown = [s for s in scenes if self.home is None or s == self.home]
        return ", ".join(words.get(s, s) for s in shown)


def parse(action: str) -> tuple[str, tuple[object, ...]]:
    """``"toggle_panel('code')"`` -> ``("toggle_panel", ("code",))``: a name, and literals."""
    if "(" not in action:
        return action, ()
    name, _paren, rest = action.partition("(")
    args = ast.literal_eval(f"({rest[:-1]},)") if rest[:-1].strip() else ()
    return name, tuple(args)


ANSWERS = (pygame.K_a, pygame.K_b, pygame.K_c, pygame.K_d)
WORLD_KEYS = (pygame.K_1, pygame.K_2, pygame.K_3)


def _world(event: pygame.Event) -> int:
    """1 / 2 / 3: which world the key names."""
    return WORLD_KEYS.index(event.key) + 1


def _letter(event: pygame.Event) -> int:
    return ANSWERS.index(event.key) if event.key in ANSWERS else "abcd".find(event.unicode)


def _speed_step(event: pygame.Event) -> int:
    slower = event.key in MINUS or getattr(event, "unicode", "") == "-"
    return -1 if slower else 1


def _beat_direction(event: pygame.Event) -> int:
    back = event.key == pygame.K_LEFTBRACKET or getattr(event, "unicode", "") == "["
    return -1 if back else 1


def _pos(event: pygame.Event) -> tuple[int, int]:
    return event.pos


def _follow_step(event: pygame.Event) -> int:
    return -1 if event.key == pygame.K_p else 1


KEYS: tuple[Binding, ...] = (
    Binding(
        "TAB",
        EVERYWHERE,
        "switch_mode",
        N_("switch concurrent / parallel (same couples, same moment)"),
        "switch concurrent / parallel shop (both run in lockstep on the same couples); "
        "in the house, the two houses",
        keys=(pygame.K_TAB,),
    ),
    Binding(
        "1 / 2 / 3",
        ANYWHERE,
        "show_world",
        N_("concurrent shop / parallel shop / house cleaning"),
        "concurrent shop / parallel shop / the house-cleaning scene",
        keys=WORLD_KEYS,
        arg=_world,
    ),
    Binding(
        N_("SPACE"),
        (*EVERYWHERE, LEVEL),
        "space",
        N_("pause / resume (story mode: continue)"),
        "pause / resume; in story mode, on to the next beat",
        keys=(pygame.K_SPACE,),
    ),
    Binding(
        N_("RIGHT or ."),
        (*EVERYWHERE, LEVEL),
        "step_paused",
        N_("while paused: one tick of virtual time; hold to repeat"),
        "while paused: advance exactly one tick (1/60 s of virtual time); hold to repeat",
        keys=(pygame.K_RIGHT, pygame.K_PERIOD),
        repeat=True,
    ),
    Binding(
        N_("LEFT or ,"),
        (*EVERYWHERE, LEVEL),
        "step_back",
        N_("while paused: one tick back; hold to play backwards"),
        "while paused: step exactly one tick back (the mirror of `RIGHT`); hold to play "
        "the day backwards",
        keys=(pygame.K_LEFT, pygame.K_COMMA),
        texts=(",",),
        repeat=True,
    ),
    Binding(
        "HOME",
        (*EVERYWHERE, LEVEL),
        "seek_home",
        N_("back to the start of the day"),
        "back to the start of the day (in a level: of its day), read back from the records",
        keys=(pygame.K_HOME,),
    ),
    Binding(
        "[ / ]",
        EVERYWHERE,
        "jump_beat",
        N_("previous / next story beat"),
        "to the previous / next beat (C1 ... C7, P1 ... P6) of the followed couple's story "
        "(of the protagonists' when nobody is followed) in the shop on screen",
        keys=(pygame.K_LEFTBRACKET, pygame.K_RIGHTBRACKET),
        arg=_beat_direction,
        texts=("[", "]"),
        home=SHOP,
    ),
    Binding(
        "L",
        EVERYWHERE,
        "toggle_panel('timeline')",
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
        "change_speed",
        N_("faster / slower (0.25x to 16x)"),
        "speed, 0.25x to 16x",
        keys=(pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS, *MINUS),
        arg=_speed_step,
        texts=("+", "-"),
    ),
    Binding(
        "R",
        (*EVERYWHERE, LEVEL),
        "restart_day",
        N_("restart the day"),
        "restart the day (in a level: its day again, broken or fixed as it is now)",
        keys=(pygame.K_r,),
    ),
    Binding(
        N_("click"),
        (SHOP,),
        "pick",
        N_("follow a character (click empty floor to stop)"),
        "follow a character: highlight, its story in the caption, its coroutine in the code view",
        buttons=(1,),
        arg=_pos,
    ),
    Binding(
        N_("N / P"),
        (SHOP,),
        "follow",
        N_("follow the next / previous character (keyboard for click)"),
        "follow the next / previous character (staff, then couples): the same as clicking "
        "them, for the keyboard",
        keys=(pygame.K_n, pygame.K_p),
        arg=_follow_step,
    ),
    Binding(
        "I",
        EVERYWHERE,
        "toggle_panel('inspector')",
        N_("scheduler inspector"),
        "scheduler inspector: every task, its state, who ran last, who is next, timelines",
        keys=(pygame.K_i,),
        home=SHOP,
    ),
    Binding(
        "C",
        EVERYWHERE,
        "toggle_panel('code')",
        N_("live code view"),
        "live code view: the followed actor's `async def`, paused line highlighted",
        keys=(pygame.K_c,),
        home=SHOP,
    ),
    Binding(
        "S",
        EVERYWHERE,
        "toggle_split",
        N_("side by side"),
        "side by side: both shops and a comparison of where the waiting went",
        keys=(pygame.K_s,),
        home=SHOP,
    ),
    Binding(
        "G",
        EVERYWHERE,
        "toggle_panel('charts')",
        N_("charts"),
        "charts: each couple's time, couples served over time",
        keys=(pygame.K_g,),
        home=SHOP,
    ),
    Binding(
        "T",
        EVERYWHERE,
        "toggle_story",
        N_("story mode"),
        "story mode: the story beat by beat, pausing at each beat until `SPACE`",
        keys=(pygame.K_t,),
        home=SHOP,
    ),
    Binding(
        "4",
        ANYWHERE,
        "show_levels",
        N_("levels: when async goes wrong"),
        "the level menu of *When async goes wrong*: classic mistakes to predict, "
        "watch and fix, with your score",
        keys=(pygame.K_4,),
    ),
    Binding(
        "A / B / C / D",
        (LEVELS_MENU, LEVEL),
        "letter",
        N_("menu: play that level; level: your prediction"),
        "in the level menu, play that level; in a level, your answer to its question "
        "(or click one)",
        keys=ANSWERS,
        arg=_letter,
    ),
    Binding(
        "K",
        (LEVELS_MENU,),
        "kitchen",
        N_("the kitchen: write every actor yourself"),
        "in the level menu: the kitchen, the normal concurrent shop with every actor "
        "(cashier, cook, couples, arrivals) yours to rewrite in the editor, and the story's "
        "day as the goals to beat (or click its row)",
        keys=(pygame.K_k,),
    ),
    Binding(
        "F",
        (LEVEL,),
        "fix",
        N_("fix the mistake: replay, compare"),
        "in a level: fix the mistake (the code view shows the diff), replay the day from "
        "the same seed and compare broken and fixed (or click the fix)",
        keys=(pygame.K_f,),
    ),
    Binding(
        "E",
        (LEVEL,),
        "open_editor",
        N_("write the actor's code yourself (F5 runs it, ESC leaves)"),
        "in a level: open the level's actor in an editor (or click its button) and write "
        "the fix yourself; while it is open, keys type text, `F5` or `Ctrl+Enter` plays the "
        "day again from its seed with your code, `ESC` goes back to the shop",
        keys=(pygame.K_e,),
        arg=lambda event: getattr(event, "unicode", ""),  # its character is not typed
    ),
    Binding(
        "F5",
        (LEVEL,),
        "run_code",
        N_("play the day with your code"),
        "in a level: play the day again from its seed with the code in the editor "
        "(a syntax error is marked in the editor, and nothing runs)",
        keys=(pygame.K_F5,),
    ),
    Binding(
        "F11",
        ANYWHERE,
        "toggle_fullscreen",
        N_("fullscreen on / off"),
        "fullscreen on / off (`--fullscreen`); the picture keeps its 16:9 shape with bars, "
        "clicks still land on the right character, and the window can be resized freely",
        keys=(pygame.K_F11,),
    ),
    Binding(
        "Z",
        ANYWHERE,
        "cycle_text_scale",
        N_("text size 1 / 1.25 / 1.5"),
        "bigger text for a projector: every caption, panel and this help at 1 / 1.25 / 1.5 "
        "(`--text-scale`)",
        keys=(pygame.K_z,),
    ),
    Binding(
        "M",
        ANYWHERE,
        "toggle_mute",
        N_("sound on / off"),
        "sound on / off (`--mute`; the volume is `--volume`)",
        keys=(pygame.K_m,),
    ),
    Binding(
        "F9",
        ANYWHERE,
        "toggle_recording",
        N_("record a clip to recordings/ (again: stop)"),
        "start / stop recording what is on screen into `recordings/` (a red dot shows while "
        "it records; the dot is not in the clip)",
        keys=(pygame.K_F9,),
    ),
    Binding(
        "F2",
        ANYWHERE,
        "cycle_language",
        N_("next language"),
        "next language (English, Spanish, Portuguese (Brazil), ...); also `--lang`",
        keys=(pygame.K_F2,),
    ),
    Binding(
        "F3",
        ANYWHERE,
        "cycle_palette",
        N_("colours: default / colour-blind safe"),
        "colours: default / colour-blind safe (Okabe-Ito); also `--palette safe`",
        keys=(pygame.K_F3,),
    ),
    Binding(
        "F12",
        ANYWHERE,
        "snap",
        N_("save a screenshot"),
        "save a screenshot to `screenshots/` (a notice says where, or why not)",
        keys=(pygame.K_F12,),
    ),
    Binding(
        "U",
        ANYWHERE,
        "copy_link",
        N_("copy the link of this moment"),
        "copy the link of what is on screen (scene, shop, level, time, language...): "
        "`async-burgers LINK` or the web page opens that frame, paused",
        keys=(pygame.K_u,),
    ),
    Binding(
        N_("H or F1"),
        ANYWHERE,
        "toggle_help",
        N_("this help"),
        "this list of keys, over the game",
        keys=(pygame.K_h, pygame.K_F1),
    ),
    Binding(
        "W",
        ANYWHERE,
        "toggle_welcome",
        N_("the first screen: what this is, where to start"),
        "the first screen (shown on the very first run): what this game is and the path "
        "through it: the story (`T`), the house (`3`), the levels (`4`), the code (`C`), your "
        "own script (`5`)",
        keys=(pygame.K_w,),
    ),
    Binding(
        N_("ESC or Q"),
        ANYWHERE,
        "quit",
        N_("quit"),
        "quit",
        keys=(pygame.K_ESCAPE, pygame.K_q),
    ),
)


def collect(scenes: Iterable[type[Scene]] = ()) -> tuple[Binding, ...]:
    """The whole table: this module's rows, then each scene's own (``BINDINGS``), in order;
    a scene's row without scenes of its own works in that scene."""
    rows = list(KEYS)
    for scene in scenes:
        for b in getattr(scene, "BINDINGS", ()):
            rows.append(b if b.scenes else replace(b, scenes=(scene.name,)))
    return tuple(rows)


def find(event: pygame.Event, scene: str, table: Iterable[Binding] = KEYS) -> Binding | None:
    """The row an input event belongs to in ``scene``, or None: key codes win over typed
    characters (so a layout's "+" on another key still means faster, but never steals it)."""
    rows = [b for b in table if b.works_in(scene)]
    if event.type == pygame.KEYDOWN:
        text = getattr(event, "unicode", "")
        return next((b for b in rows if b.takes_key(event.key)), None) or next(
            (b for b in rows if b.takes_text(text)), None
        )
    if event.type == pygame.MOUSEBUTTONDOWN:
        return next((b for b in rows if event.button in b.buttons), None)
    return None


def help_rows(scene: str, table: Iterable[Binding] = KEYS) -> list[tuple[str, str, bool]]:
    """What the help overlay lists: every row, marked whether it works in ``scene``; keys
    that several rows share (SPACE in the shops and, differently, in the script scene) are
    listed once: the row that works here, else the first (another scene's own meaning of
    SPACE would only read as a second, greyed SPACE)."""
    table = list(table)
    rows = []
    for b in table:
        if b is not listed_row(b.label, scene, table):
            continue
        away = b.home is not None and scene != b.home and b.works_in(scene)
        text = _(BACK_TO.get(b.home or "", "{help}")).format(help=_(b.help)) if away else _(b.help)
        rows.append((_(b.label), text, b.works_in(scene)))
    return rows


def listed_row(label: str, scene: str, table: Sequence[Binding]) -> Binding:
    """Of the rows with these keys, the one the help lists in ``scene``."""
    same = [b for b in table if b.label == label]
    return next((b for b in same if b.works_in(scene)), same[0])


BACK_TO = {SHOP: N_("{help} (back to the shops)")}  # a ``home`` key pressed elsewhere


# -- the README's key table -----------------------------------------------------------
PLAIN_WORDS = {"/", "or", "click"}


def _keys_markdown(label: str) -> str:
    """'RIGHT or .' -> '`RIGHT` or `.`': key names in code, joining words plain."""
    return " ".join(w if w in PLAIN_WORDS else f"`{w}`" for w in label.split())


def scene_words(scenes: Iterable[type[Scene]]) -> dict[str, str]:
    """What the README calls each scene: ``SCENE_WORDS``, or a scene class's ``words``."""
    return {c.name: SCENE_WORDS.get(c.name) or c.words or c.name for c in scenes}


def markdown_table(table: Iterable[Binding] = KEYS, words: Mapping[str, str] = SCENE_WORDS) -> str:
    rows = list(table)
    lines = ["| key | where | what it does |", "|---|---|---|"]
    lines += [f"| {_keys_markdown(b.label)} | {b.where(words)} | {b.doc} |" for b in rows]
    homing = [b for b in rows if b.home is not None]
    if homing:
        names = ", ".join(f"`{b.label}`" for b in homing)
        homes = sorted({words.get(b.home or "", b.home or "") for b in homing})
        lines += ["", f"{names} pressed elsewhere go back to the {' / '.join(homes)} first."]
    return "\n".join(lines) + "\n"


BEGIN, END = "<!-- keys: begin (python -m game.app.keys) -->\n", "<!-- keys: end -->\n"


def readme_with_table(
    readme: str, table: Iterable[Binding] = KEYS, words: Mapping[str, str] = SCENE_WORDS
) -> str:
    """The README with the part between the key-table markers written from ``table``."""
    start, stop = readme.index(BEGIN) + len(BEGIN), readme.index(END)
    return readme[:start] + markdown_table(table, words) + readme[stop:]


def main(
    argv: list[str], table: Iterable[Binding] = KEYS, words: Mapping[str, str] = SCENE_WORDS
) -> int:
    """``python -m game.app.keys``: rewrite the README's key table; ``--print``: show it.
    Run as a script, ``table`` is the whole collected table (the scenes' own rows too)."""
    table = tuple(table)
    if argv[1:] == ["--print"]:
        print(markdown_table(table, words), end="")
        return 0
    README.write_text(readme_with_table(README.read_text(), table, words))
    print(f"wrote the key table into {README}")
    return 0


if __name__ == "__main__":
    from .stage import SCENES  # as a script only: the stage's scenes import this table

    raise SystemExit(main(sys.argv, collect(SCENES), scene_words(SCENES)))
