"""A level's "write it yourself": the editor panel on the level's actor, the shop's verbs
beside it, and F5 turning the learner's text into the day on screen.

The level scene owns one ``LevelEditor``; this module holds what the editor does in a
level so the scene only forwards input, time and drawing to it. Compiling and running the
learner's code is the runner's work (``Runner``: the kitchen's engine in
``game/shop/learner.py``); here it is only called, and what it reports is marked in the
text: a SyntaxError at its line and column before anything runs, an exception or a
runaway step at its line once the day runs.
"""

from __future__ import annotations

import inspect
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

import pygame

from ..editor.verbs import Verb, verbs_of
from ..i18n import _
from ..shop import Shop, learner
from ..shop.levels import Level
from ..view.editor_view import draw_verbs
from ..view.goals_view import draw_goals, goals_height
from ..view.text import text_scale
from .editor_panel import EditorPanel

if TYPE_CHECKING:
    from ..editor.buffer import Clipboard


WIDE_VERBS = 504  # the verbs' column at text scale 1: the inspector's


class CodeError(Protocol):
    line: int  # in the learner's text, from 1
    col: int  # from 1, as Python's SyntaxError.offset and FILE:LINE:COL count it
    message: str


class Compiled(Protocol):
    ok: bool
    errors: Sequence[CodeError]


class Trouble(Protocol):
    """Something that went wrong in the learner's code while the day ran."""

    actor: str
    line: int | None
    message: str  # already in the player's language


class GoalCheck(Protocol):
    text: str  # the goal in the player's language
    met: bool
    why: str  # unmet: why, with the figure


class Day(Protocol):
    """The learner's day played to its end, headless: what the checklist shows."""

    solved: bool
    goals: Sequence[GoalCheck]


class Runner(Protocol):
    """What the editor asks the engine that runs a learner's code (running it is the level
    scene's ``run_code``, handed to the editor as ``on_run_code``)."""

    def starting_code(self, level: Level) -> str: ...

    def goal_texts(self, level: Level) -> Sequence[str]:
        """The level's goals in words, for the checklist before anything ran."""
        ...

    def actors(self, level: Level) -> Sequence[Callable[..., object]]:
        """The functions the learner starts from (whose parameters the verbs are read from)."""
        ...


class CodeStore(Protocol):
    """Where the learner's code per level is kept between runs (the user's data dir)."""

    def load(self, level_name: str) -> str | None: ...

    def save(self, level_name: str, source: str) -> str | None:
        """None when saved, else the problem in one line (the game goes on)."""
        ...


def broken_source(level: Level) -> str:
    """The level's broken actor as it is in our source (before an engine gives the file)."""
    return textwrap.dedent(inspect.getsource(level.broken_actor))


class LevelEditor:
    """The editor in a level: opened with ``E``, run with ``F5``, left with ``ESC``."""

    def __init__(
        self,
        screen_size: tuple[int, int],
        runner: Runner | None,
        *,
        clipboard: Clipboard | None = None,
        store: CodeStore | None = None,
    ) -> None:
        self.size = screen_size
        self.runner = runner
        self.store = store  # None: the learner's code is kept while the game runs only
        self.panel = EditorPanel(pygame.Rect(0, 0, 0, 0), clipboard)
        self.verbs_at = pygame.Rect(0, 0, 0, 0)
        self.layout()
        self.panel.on_run = self.run
        self.panel.on_reset = self.starting_code
        self.level: Level | None = None
        self.verbs: list[Verb] = []
        self.first_verb = 0
        self.verb_rects: list[pygame.Rect] = []  # where each shown verb was drawn
        self.texts: dict[str, str] = {}  # the learner's text per level, kept while playing
        # the scene's run_code: compiles, plays the day headless (the goals) and on screen
        self.on_run_code: Callable[[str], Compiled] | None = None
        self.say: Callable[[str, bool], None] | None = None  # the scene's one-line notice
        self.day: Day | None = None  # the learner's last day, played to its end (the scene's)

    @property
    def visible(self) -> bool:
        return self.panel.visible

    @property
    def focused(self) -> bool:
        return self.panel.focused

    def starting_code(self) -> str:
        """The current level's code as the learner first gets it."""
        if self.level is None:
            return ""
        if self.runner is not None:
            return self.runner.starting_code(self.level)
        return broken_source(self.level)

    def code_for(self, level: Level) -> str:
        """The learner's text for ``level``: what they wrote, or the level's starting code."""
        if level.name in self.texts:
            return self.texts[level.name]
        kept = self.store.load(level.name) if self.store is not None else None
        if kept is not None:
            return kept
        if self.runner is not None:
            return self.runner.starting_code(level)
        return broken_source(level)

    def open(self, level: Level, shop: Shop | None = None, key: str = "") -> None:
        """Show the editor on the level's code (as the learner left it); ``key``: the
        character of the key that opened it (not typed)."""
        if self.level is not level:
            self.level = level
            self.day = None
            self.panel.load(self.code_for(level))
            self.first_verb = 0
            self.verbs = self.verbs_for(level, shop)
        self.panel.open(title=self.title(), key=key)

    def title(self) -> str:
        """The panel's title, in the language of the moment (F2 switches it live)."""
        if self.level is not None and not self.level.answers:
            return _("The kitchen: every actor is yours")
        part = _(self.level.part) if self.level is not None else ""
        return _("Your {part}: write it yourself").format(part=part)

    def verbs_for(self, level: Level, shop: Shop | None) -> list[Verb]:
        """Each starting actor's verbs (a verb two actors share, once)."""
        starters = self.runner.actors(level) if self.runner is not None else []
        objects = {"shop": shop} if shop is not None else None
        found: dict[str, Verb] = {}
        for actor in starters or [level.broken_actor]:
            for verb in verbs_of(actor, [level.broken_actor, level.fixed_actor], objects):
                found.setdefault(verb.call, verb)
        return list(found.values())

    def close(self) -> None:
        self.keep()
        self.panel.close()

    def keep(self, save: bool = True) -> None:
        """The learner's text kept for this level (and saved, if there is a store and it
        changed): on leaving the editor; a run saves it itself."""
        if self.level is None:
            return
        name, text = self.level.name, self.panel.text
        changed = self.texts.get(name) != text
        self.texts[name] = text
        if save and self.store is not None and changed:
            problem = self.store.save(name, text)
            if problem:
                self._say(problem, True)

    def run(self, text: str | None = None) -> bool:
        """F5: a SyntaxError is marked and nothing runs; else the scene's ``run_code``
        compiles and plays it (its errors marked here too). True when a day started."""
        if self.level is None:
            return False
        self.keep(save=False)
        if self.panel.check() is not None:
            return False
        if self.on_run_code is None:
            self._say(_("This build cannot run your code: the engine is missing."), True)
            return False
        try:
            compiled = self.on_run_code(self.panel.text)
        except Exception as error:  # noqa: BLE001 - whatever it was, the game goes on
            print(f"could not play the learner's code: {error!r}", file=sys.stderr)
            self._say(_("Your code could not be played: {error}").format(error=error), True)
            return False
        if not compiled.ok:
            error = compiled.errors[0]
            self.panel.mark_syntax(error.line, max(0, error.col - 1), error.message)
            self.panel.open()
            return False
        self.panel.clear_marks()
        self.panel.close()
        return True

    def mark_trouble(self, trouble: Trouble) -> None:
        """What went wrong while the learner's day ran, marked at its line (seen when the
        editor opens): whose it was and what happened."""
        if trouble.line is not None:
            self.panel.mark_error(trouble.line, f"{trouble.actor}: {trouble.message}")

    def checklist(self) -> tuple[list[tuple[str, bool | None, str]], bool | None]:
        """The goals as the checklist shows them, and whether the level is solved (None:
        not played with the learner's code yet)."""
        if self.day is not None:
            return [(g.text, g.met, g.why) for g in self.day.goals], self.day.solved
        if self.runner is None or self.level is None:
            return [], None
        return [(text, None, "") for text in self.runner.goal_texts(self.level)], None

    def _say(self, text: str, error: bool) -> None:
        if self.say is not None:
            self.say(text, error)

    # -- input, time, drawing ---------------------------------------------------------------
    def layout(self) -> None:
        """The editor where the shop and the code view were, the verbs where the inspector
        was; with big text the code gets more of the width (a line of code is long)."""
        w, h = self.size
        verbs_w = round(WIDE_VERBS - (text_scale() - 1.0) * 280)
        self.verbs_at = pygame.Rect(4, 34, verbs_w, h - 70)
        panel = pygame.Rect(verbs_w + 8, 34, w - verbs_w - 12, h - 70)
        if panel != self.panel.rect:
            self.panel.rect = panel

    def handle(self, event: pygame.Event) -> bool:
        if not self.panel.visible:
            return False
        self.layout()
        if self.panel.handle(event):
            return True
        if event.type == pygame.MOUSEWHEEL and self.verbs_at.collidepoint(self.panel.hover):
            self.first_verb = min(max(0, self.first_verb - event.y), max(0, len(self.verbs) - 1))
            return True
        if event.type == pygame.MOUSEBUTTONDOWN and self.verbs_at.collidepoint(event.pos):
            for i, rect in enumerate(self.verb_rects):
                if event.button == 1 and rect.collidepoint(event.pos):
                    self.write_verb(self.verbs[self.first_verb + i])
            return True
        return False

    def write_verb(self, verb: Verb) -> None:
        """A click on a verb: its call written at the cursor, the keys back in the editor."""
        self.panel.buffer.insert(verb.call_text)
        self.panel.focus()
        self.panel.view.show(self.panel.buffer)

    def update(self, wall_dt: float) -> None:
        self.panel.update(wall_dt)

    def draw(self, surface: pygame.Surface) -> None:
        if not self.panel.visible:
            return
        self.layout()
        self.panel.title = self.title()
        lines, solved = self.checklist()
        verbs = self.verbs_at
        if lines:  # the goals under the verbs, so the learner reads what the day must do
            tall = min(goals_height(lines), verbs.h // 2)
            goals = pygame.Rect(verbs.x, verbs.bottom - tall, verbs.w, tall)
            verbs = pygame.Rect(verbs.x, verbs.y, verbs.w, verbs.h - tall - 4)
            draw_goals(surface, goals, lines, solved)
        self.verb_rects = draw_verbs(surface, verbs, self.verbs, self.first_verb)
        self.panel.draw(surface)


class LearnerRunner:
    """The kitchen's engine (``game/shop/learner.py``) as the editor calls it."""

    def __init__(self, engine: Any) -> None:
        self.learner = engine

    def starting_code(self, level: Level) -> str:
        return self.learner.starting_code(level)

    def compile(self, level: Level, source: str) -> Compiled:
        return self.learner.compile_level_code(level, source, filename=f"{level.name}.py")

    def build(self, level: Level, compiled: Compiled) -> Shop:
        return self.learner.build_shop(level, compiled, strict=False)

    def run_until(self, shop: Shop, t: float) -> None:
        self.learner.run_until(shop, t)

    def problems(self, shop: Shop) -> Sequence[Trouble]:
        return self.learner.problems(shop)

    def play(self, level: Level, compiled: Compiled) -> Day:
        return self.learner.play(level, compiled)

    def goal_texts(self, level: Level) -> Sequence[str]:
        return [_(goal.text).format(limit=goal.limit) for goal in level.goals]

    def actors(self, level: Level) -> Sequence[Callable[..., object]]:
        return [self.learner.starter(level, part) for part in level.parts]


def default_runner() -> Runner:
    """The kitchen's engine: what the level scene runs learner code with."""
    return LearnerRunner(learner)
