"""Panels as sections (after arcade's ``Section``): each is shown or not, covers a rectangle,
may take input, and draws itself over the scene from what the model says now.

A scene (or the window) keeps its sections in one ordered ``Sections`` list: they draw in
list order, so a later one covers an earlier one, and input goes the other way, top-down,
so the panel a player sees on top is the one a click lands on. The painters themselves
live in ``game/view``; a section only decides when and where they paint.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from ..i18n import _
from ..shop import MODES, PARALLEL
from ..view.banner import crash_rect, draw_crash, draw_notice, notice_rect
from ..view.charts import Charts
from ..view.code_view import CodeView
from ..view.hud import BAR_H, CAPTION_H, draw_help, help_panel
from ..view.inspector import Inspector, followed_task
from ..view.story_card import card_rect, card_text, draw_card
from ..view.text import px
from ..view.timeline import STRIP_H, bar_of, draw_timeline, strip_rect, time_at, x_of
from ..view.why import why_waiting
from .clock import TICK, tick_of
from .keys import help_rows

if TYPE_CHECKING:
    from .window import Game

SNAP = 5  # pixels: a click this near a mark on the timeline lands exactly on it
NOTICE_SECONDS = 4.0  # wall-clock seconds a notice stays up (it fades only by going)
NOTICE_ROWS = 3  # notices up at once, one above the other


class Section:
    """A panel: ``visible``, its ``rect``, ``handle`` (True when it took the event), ``draw``.
    ``opaque``: shown, it paints every pixel of the screen, so nothing under it is drawn."""

    name = "section"
    opaque = False

    def __init__(self, game: Game, rect: pygame.Rect | None = None) -> None:
        self.game = game
        self._rect = rect or pygame.Rect(0, 0, 0, 0)
        self.visible = False

    @property
    def rect(self) -> pygame.Rect:
        return self._rect

    def handle(self, event: pygame.Event) -> bool:
        """By default a shown panel keeps the clicks that land on it from what lies under."""
        return event.type == pygame.MOUSEBUTTONDOWN and self.rect.collidepoint(event.pos)

    def update(self, wall_dt: float) -> None:
        """Called every frame, shown or not, with the wall-clock seconds since the last."""

    def draw(self, surface: pygame.Surface) -> None:
        raise NotImplementedError


class Sections:
    """An ordered list of sections: draw order is list order; input goes top-down."""

    def __init__(self, *sections: Section) -> None:
        self.items = list(sections)

    def __iter__(self) -> Iterator[Section]:
        return iter(self.items)

    def __getitem__(self, name: str) -> Section:
        for section in self.items:
            if section.name == name:
                return section
        raise KeyError(name)

    def __contains__(self, name: object) -> bool:
        return any(section.name == name for section in self.items)

    def handle(self, event: pygame.Event) -> bool:
        return any(s.visible and s.handle(event) for s in reversed(self.items))

    def update(self, wall_dt: float) -> None:
        for section in self.items:
            section.update(wall_dt)

    def covered(self) -> bool:
        """Does a shown section paint the whole screen (the scene need not be drawn)?"""
        return any(s.visible and s.opaque for s in self.items)

    def draw(self, surface: pygame.Surface) -> None:
        shown = [s for s in self.items if s.visible]
        first = max((i for i, s in enumerate(shown) if s.opaque), default=0)
        for section in shown[first:]:  # from the top opaque one: the rest is painted over
            section.draw(surface)


# -- the shop scene's panels ------------------------------------------------------------
class InspectorPanel(Section):
    """Every task of the shop on screen, the last hand-over and who runs next (key I)."""

    name = "inspector"

    def __init__(self, game: Game, rect: pygame.Rect) -> None:
        super().__init__(game, rect)
        self.painter = Inspector(rect)
        short = rect.copy()
        short.height -= STRIP_H + 4
        self.short = Inspector(short)  # above the timeline strip while that is shown
        self.lowered = Inspector(short.move(0, STRIP_H + 4))  # under it, when it is on top

    @property
    def rect(self) -> pygame.Rect:
        """Where it is drawn: wider and lower with big text, shorter over the timeline."""
        return self.which().area(self.game.screen.get_size())

    def which(self) -> Inspector:
        timeline = self.game.panel("timeline")
        if not timeline.visible:
            return self.painter
        return self.lowered if getattr(timeline, "at_top", False) else self.short

    def draw(self, surface: pygame.Surface) -> None:
        self.which().draw(surface, self.game.time.shop, self.game.stage.shop_scene.selected)


class CodePanel(Section):
    """The followed actor's coroutine, paused line highlighted (key C, or a click)."""

    name = "code"

    def __init__(self, game: Game, rect: pygame.Rect) -> None:
        super().__init__(game, rect)
        self.painter = CodeView(rect)

    @property
    def rect(self) -> pygame.Rect:
        """Where it is drawn: larger with big text, under the timeline strip when that
        lies on top of the shop (the parallel shop's story)."""
        timeline = self.game.panel("timeline")
        on_top = timeline.visible and getattr(timeline, "at_top", False)
        self.painter.below = timeline.rect.bottom + 4 if on_top else None
        return self.painter.area()

    def draw(self, surface: pygame.Surface) -> None:
        self.rect  # noqa: B018 - lays the painter out under the strip, if it is on top
        shop = self.game.time.shop
        task = followed_task(shop, self.game.stage.shop_scene.selected)
        why = why_waiting(task, shop) if task is not None else []
        self.painter.draw(surface, task, why=why)


class ChartsPanel(Section):
    """Both shops' charts over the whole screen (key G)."""

    name = "charts"
    opaque = True

    def __init__(self, game: Game, size: tuple[int, int]) -> None:
        super().__init__(game, pygame.Rect((0, 0), size))
        self.painter = Charts(size)

    def draw(self, surface: pygame.Surface) -> None:
        self.painter.draw(surface, [self.game.time.shops[m] for m in MODES])


class StoryCard(Section):
    """Story mode's card; shown exactly while the story has a card up."""

    name = "story"

    @property
    def visible(self) -> bool:
        story = self.game.time.story
        return story is not None and story.card is not None

    @visible.setter
    def visible(self, value: bool) -> None:
        """Shown by the story, not by a key: a toggle has nothing to set."""

    @property
    def lift(self) -> int:
        """Clear of the timeline strip when it is shown under the card."""
        timeline = self.game.panel("timeline")
        if not timeline.visible or getattr(timeline, "at_top", False):
            return 0
        return self.game.screen.get_height() - timeline.rect.top

    def top(self, text: str) -> int | None:
        """None: the card goes across the bottom. A y: it goes up there instead, because
        at the bottom it would cover you and your crush, whom it talks about."""
        time = self.game.time
        couple = time.shop.protagonist
        if couple is None or not couple.you.visible:
            return None
        size = self.game.screen.get_size()
        bottom = card_rect(size, text, self.lift)
        people = [p.position_at(time.now) for p in couple.people if p.visible]
        bodies = [pygame.Rect(round(x) - 24, round(y) - 110, 48, 110) for x, y in people]
        if bottom.collidelist(bodies) < 0:
            return None
        timeline = self.game.panel("timeline")
        on_top = timeline.visible and getattr(timeline, "at_top", False)
        below = timeline.rect.bottom if on_top else 0
        top = max(below, px(BAR_H)) + 6
        up = card_rect(size, text, 0, top)
        return top if up.collidelist(bodies) < 0 else None

    def _text(self) -> str:
        story = self.game.time.story
        card = story.card if story is not None else None
        return card_text(card.kind, card.mode, card.code) if card is not None else ""

    @property
    def rect(self) -> pygame.Rect:
        text = self._text()
        return card_rect(self.game.screen.get_size(), text, self.lift, self.top(text))

    def draw(self, surface: pygame.Surface) -> None:
        story = self.game.time.story
        card = story.card if story is not None else None
        if card is not None:
            text = card_text(card.kind, card.mode, card.code)
            draw_card(surface, card.kind, card.mode, card.code, text, self.lift, self.top(text))


class TimelinePanel(Section):
    """The day so far with the story's beats and the board's changes (key L; on by default
    in story mode): click or drag anywhere on it to go to that moment."""

    name = "timeline"

    def __init__(self, game: Game) -> None:
        w, h = game.screen.get_size()
        super().__init__(game, strip_rect((w, h), h - CAPTION_H - 4))
        self.top_rect = strip_rect((w, h), BAR_H + 4 + STRIP_H)
        self.dragging = False
        self.target: int | None = None  # a drag's latest tick, sought once per frame

    @property
    def at_top(self) -> bool:
        """In the parallel shop's story the strip goes under the HUD: at the bottom it would
        hide the shop's only row of tables, where the story ends."""
        game = self.game
        return (
            game.time.story is not None
            and game.time.mode == PARALLEL
            and not game.stage.shop_scene.split
        )

    @property
    def rect(self) -> pygame.Rect:
        return self.top_rect if self.at_top else self._rect

    def tick_at(self, x: int) -> int:
        """The tick under ``x``; a click on (or next to) a beat's mark or the followed
        character's wake-up lands exactly on it."""
        time = self.game.time
        day = time.horizon * TICK
        for t in self.marked_times():
            if abs(x_of(bar_of(self.rect), t, day) - x) <= SNAP:
                return min(tick_of(t), time.horizon)
        return min(tick_of(time_at(self.rect, x, day)), time.horizon)

    def marked_times(self) -> list[float]:
        time = self.game.time
        task = followed_task(time.shop, self.game.stage.shop_scene.selected)
        woken = [task.woken_by.time] if task is not None and task.resumes > 1 else []
        return woken + [beat.time for beat in time.marks()[0]]

    def handle(self, event: pygame.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and self.rect.collidepoint(event.pos):
            if event.button == 1:
                self.dragging = True
                self.game.time.seek(self.tick_at(event.pos[0]))
            return True
        if event.type == pygame.MOUSEMOTION and self.dragging:
            self.target = self.tick_at(event.pos[0])
            return True
        if event.type == pygame.MOUSEBUTTONUP and self.dragging:
            self.dragging = False
            self.update(0.0)
            return True
        return False

    def update(self, wall_dt: float) -> None:
        """A drag sends many motions a frame: only the last is sought."""
        if self.target is not None:
            target, self.target = self.target, None
            if target != self.game.time.ticks:
                self.game.time.seek(target)

    def draw(self, surface: pygame.Surface) -> None:
        time = self.game.time
        beats, board = time.marks()
        marked = self.marked_times()
        woken = marked[0] if len(marked) > len(beats) else None
        draw_timeline(
            surface,
            self.rect,
            time.now,
            time.horizon * TICK,
            [(beat.time, beat.code) for beat in beats],
            board,
            woken,
        )


class CrashBanner(Section):
    """Names the last actor of the shop on screen that raised; shown while there is one."""

    name = "crash"

    @property
    def visible(self) -> bool:
        return bool(self.game.time.shop.kernel.crashes)

    @visible.setter
    def visible(self, value: bool) -> None:
        """Shown by the kernel's crash list, not by a key."""

    def text(self) -> str:
        task = self.game.time.shop.kernel.crashes[-1]
        return _("actor '{name}' crashed: {error}").format(name=task.name, error=repr(task.error))

    @property
    def rect(self) -> pygame.Rect:
        if not self.visible:
            return pygame.Rect(0, 0, 0, 0)
        return crash_rect(self.text(), self.game.screen.get_width())

    def draw(self, surface: pygame.Surface) -> None:
        draw_crash(surface, self.text())


# -- the window's own panels, over any scene ----------------------------------------------
class HelpPanel(Section):
    """The key table as the player reads it (keys H, F1); greys what this scene ignores."""

    name = "help"

    @property
    def rect(self) -> pygame.Rect:
        return help_panel(self.game.screen.get_size(), self.rows())

    def rows(self) -> list[tuple[str, str, bool]]:
        stage = self.game.stage
        return help_rows(stage.name, stage.bindings)

    def draw(self, surface: pygame.Surface) -> None:
        draw_help(surface, self.rows())


@dataclass
class NoticeLine:
    text: str
    error: bool
    reason: str | None  # what it is about: it goes when that goes (``Notice.clear``)
    left: float


class Notice(Section):
    """One-line messages that go away by themselves after a few seconds (or on a click).

    They queue: a new one goes under those still up (never over them), at most
    ``NOTICE_ROWS`` at once; one with the same ``reason`` (or the same words) replaces
    the old, and ``clear(reason)`` takes one down as soon as what it said is no longer so.
    """

    name = "notice"

    def __init__(self, game: Game, seconds: float = NOTICE_SECONDS) -> None:
        self.lines: list[NoticeLine] = []
        super().__init__(game)
        self.seconds = seconds

    @property
    def text(self) -> str:
        """The newest notice's words ("" when none is up)."""
        return self.lines[-1].text if self.lines else ""

    @property
    def error(self) -> bool:
        return bool(self.lines) and self.lines[-1].error

    @property
    def visible(self) -> bool:
        return bool(self.lines)

    @visible.setter
    def visible(self, value: bool) -> None:
        if not value:
            self.lines.clear()
        elif self.lines:
            self.lines[-1].left = self.seconds

    def show(self, text: str, error: bool = False, reason: str | None = None) -> None:
        self.lines = [
            n for n in self.lines if n.text != text and (reason is None or n.reason != reason)
        ]
        self.lines.append(NoticeLine(text, error, reason, self.seconds))
        del self.lines[:-NOTICE_ROWS]

    def clear(self, reason: str) -> None:
        """Take down the notice about ``reason``: what it said is no longer so."""
        self.lines = [n for n in self.lines if n.reason != reason]

    def rects(self) -> list[pygame.Rect]:
        """Each notice's place, oldest first (the newest is the lowest)."""
        size = self.game.screen.get_size()
        count = len(self.lines)
        return [notice_rect(n.text, size, count - 1 - i) for i, n in enumerate(self.lines)]

    @property
    def rect(self) -> pygame.Rect:
        rects = self.rects()
        return rects[0].unionall(rects[1:]) if rects else pygame.Rect(0, 0, 0, 0)

    def handle(self, event: pygame.Event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN:
            for line, rect in zip(self.lines, self.rects(), strict=True):
                if rect.collidepoint(event.pos):
                    self.lines.remove(line)  # clicked away
                    return True
        return False

    def update(self, wall_dt: float) -> None:
        for line in self.lines:
            line.left -= wall_dt
        self.lines = [n for n in self.lines if n.left > 0.0]

    def draw(self, surface: pygame.Surface) -> None:
        count = len(self.lines)
        for i, line in enumerate(self.lines):
            draw_notice(surface, line.text, line.error, count - 1 - i)
