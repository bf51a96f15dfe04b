"""Live code view: the followed actor's ``async def``, the line it is paused at, and the
chain of calls below that line down to the ``await`` that is actually suspended.

Sources and line numbers come from the coroutine frames themselves (``Task.stack()``:
``cr_frame.f_lineno`` of each coroutine in the ``cr_await`` chain), never from a hand-kept
copy, so what the learner reads is the truth: ``concurrent_couple -> talk_until -> sleep``.
"""

from __future__ import annotations

import inspect
import linecache
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import CodeType

import pygame

from ..i18n import _
from ..scheduler import SLEEPING, WAITING, Task
from . import palette as P
from . import words
from .text import fit, fitted, label, px, text_scale

MAX_WIDTH = 664  # with big text: clear of the inspector on the right (see inspector.py)
GOLD = (255, 200, 90)
CHAIN = (170, 230, 170)
ARROW = " -> "
WHY = (200, 225, 255)
WHY_H = 17  # line height of the "why am I waiting?" lines


@dataclass(frozen=True)
class Link:
    """One call in the chain from the actor down to the ``await`` that is suspended."""

    name: str  # what the learner reads: "talk_until", "sleep", "Event.wait"
    where: str  # "couple.py 85", or "scheduler" for the kernel's own awaitable
    text: str  # that line of the real source, or what the kernel's await means now


@lru_cache(maxsize=64)
def source_of(code: CodeType) -> tuple[int, tuple[str, ...]]:
    """(first line number, lines) of the function that owns ``code``: what
    ``inspect.getsourcelines`` gives, read from ``linecache`` (where a learner's code is
    too) without ``inspect.getmodule``, whose walk over every module imports the lazy ones
    (pygame's surfarray, then numpy: a tenth of a second the first time the view opens)."""
    lines = linecache.getlines(code.co_filename)
    start = code.co_firstlineno
    if not lines or start > len(lines):
        raise OSError(f"could not get the source of {code.co_name} in {code.co_filename}")
    block = inspect.getblock(lines[start - 1 :])
    return start, tuple(line.rstrip("\n") for line in block)


@lru_cache(maxsize=64)
def _in_kernel(filename: str) -> bool:
    path = Path(filename)
    return "scheduler" in (path.stem, path.parent.name)


@lru_cache(maxsize=64)
def _file_name(filename: str) -> str:
    return Path(filename).name


def _kernel_name(task: Task, function: str) -> str:
    """The public name of the kernel awaitable a task is suspended in."""
    if task.state == SLEEPING:
        return "sleep"
    waited = task.waiting_on  # (``__class__``: the past's ghost of it names its real class)
    owner = waited.__class__.__name__ if waited is not None else ""
    verb = {"__aenter__": "acquire"}.get(function, function.lstrip("_"))
    return f"{owner}.{verb}" if owner and owner != "_PutSide" else verb


def await_chain(task: Task) -> list[Link]:
    """The actor's own call, each verb it is inside, and last the kernel's awaitable."""
    links: list[Link] = []
    for frame in task.stack():
        if _in_kernel(frame.filename):
            links.append(Link(_kernel_name(task, frame.function), "scheduler", state_words(task)))
            break
        text = linecache.getline(frame.filename, frame.lineno).strip()
        links.append(Link(frame.function, f"{_file_name(frame.filename)} {frame.lineno}", text))
    return links


def paused_at(task: Task) -> tuple[CodeType, int, list[str]] | None:
    """The actor function's code, the line it is suspended on, and the calls below it."""
    stack = task.stack()
    if not stack:
        return None
    top = stack[0]
    return top.code, top.lineno, [link.name for link in await_chain(task)[1:]]


def state_words(task: Task) -> str:
    """The suspended await in a few words: 'asleep until 44.2 s', 'blocked on event X'."""
    waited = task.waiting_on
    if task.state == SLEEPING and task.wake_at is not None:
        return _("asleep until {seconds} s").format(seconds=f"{task.wake_at:.1f}")
    if task.state == WAITING and waited is not None:
        return _("blocked on {kind} '{name}'").format(
            kind=words.kind(waited.kind), name=words.name(waited.name)
        )
    return words.state(task.state)


def meaning(task: Task) -> str:
    """What the paused ``await`` means right now, in one short plain sentence."""
    waited = task.waiting_on
    if task.state == SLEEPING and task.wake_at is not None:
        return _("Asleep until {seconds} s: meanwhile the scheduler runs the others.").format(
            seconds=f"{task.wake_at:.1f}"
        )
    if task.state == WAITING and waited is not None:
        message = {
            "event": _("Blocked until '{name}' happens; the others run meanwhile."),
            "queue": _("Blocked for the next item in '{name}'; the others run meanwhile."),
        }.get(waited.kind, _("Blocked until '{name}' is free; the others run meanwhile."))
        return message.format(name=words.name(waited.name))
    return _("The task is {state}.").format(state=words.state(task.state))


class CodeView:
    def __init__(self, rect: pygame.Rect) -> None:
        self.rect = rect
        self.shade = pygame.Surface(rect.size, pygame.SRCALPHA)
        self.shade.fill((16, 18, 24, 236))
        self.below: int | None = None  # a strip on top of the shop: the panel starts under it

    def area(self) -> pygame.Rect:
        """The panel's rect at the current text scale: larger, below a taller HUD bar (and
        below ``below``, where a strip lies over the top of the shop)."""
        r = self.rect
        if text_scale() != 1.0:
            r = pygame.Rect(r.x, px(r.y), min(px(r.w), MAX_WIDTH), px(r.h))
        if self.below is not None and r.y < self.below:
            r = r.move(0, self.below - r.y)
        return r

    def draw(
        self, surface: pygame.Surface, task: Task | None, hint: str = "", why: Sequence[str] = ()
    ) -> None:
        """The task's code; ``why``: the "why am I waiting?" lines under it, if any."""
        r = self.area()
        if self.shade.get_size() != r.size:
            self.shade = pygame.Surface(r.size, pygame.SRCALPHA)
            self.shade.fill((16, 18, 24, 236))
        surface.blit(self.shade, r)
        pygame.draw.rect(surface, GOLD, r, 2, border_radius=6)
        x, y = r.x + 10, r.y + 8
        paused = paused_at(task) if task is not None else None
        if task is None or paused is None:
            surface.blit(label(_("Live code view"), 26, GOLD, True), (x, y))
            text = hint or _("Click a character (or press N) to see its coroutine.")
            surface.blit(fitted(text, 20, P.WHITE, r.right - 8 - x), (x, y + px(34)))
            return
        code, lineno, _below = paused
        chain = await_chain(task)
        title = _("{name}: async def {function}").format(
            name=words.name(task.name), function=code.co_name
        )
        surface.blit(fit(title, 24, GOLD, True, width=r.right - 8 - x), (x, y))
        y += px(26)
        names = ARROW.join(link.name for link in chain)
        paused_text = _("paused at line {line}: {calls}").format(line=lineno, calls=names)
        self._text(surface, paused_text, 18, CHAIN, x, y, r.right)
        y += px(22)
        line_h = px(17)
        bottom = r.bottom - px(28) - (len(why) + 1) * px(WHY_H) if why else r.bottom - px(28)
        below = chain[1:]  # the calls inside the highlighted line
        chain_top = bottom - (len(below) * line_h + px(6) if below else 0)
        if below and (chain_top - y) // line_h < 2:  # a small box: the listing comes first
            below, chain_top = [], bottom
        y = self._listing(surface, code, lineno, x, y, (chain_top - y) // line_h, line_h)
        if below:  # right under the listing, or as low as it must to fit
            self._chain(surface, below, x, min(y + px(4), chain_top) + px(4), line_h)
        if why:
            self._why(surface, task, why, x, bottom + px(2))
        self._text(surface, meaning(task), 18, (255, 220, 150), x, r.bottom - px(24), r.right)

    def _why(self, surface: pygame.Surface, task: Task, why: Sequence[str], x: int, y: int) -> None:
        r = self.area()
        pygame.draw.line(surface, (90, 90, 110), (r.x + 8, y), (r.right - 8, y))
        surface.blit(label(_("why am I waiting?"), 17, GOLD, True), (x, y + 3))
        for i, line in enumerate(why):
            self._text(surface, line, 16, WHY, x + 12, y + 3 + px(WHY_H) * (i + 1), r.right)

    def _text(
        self,
        surface: pygame.Surface,
        text: str,
        size: int,
        colour: tuple[int, int, int],
        x: int,
        y: int,
        right: int,
    ) -> None:
        """One line of text, cut with an ellipsis where the panel ends (measured, at any
        text scale: the font is not monospaced)."""
        img = label(text, size, colour)
        while img.get_width() > right - x - 8 and len(text) > 4:
            text = text[: -max(2, (img.get_width() - (right - x - 8)) // px(7))].rstrip()
            img = label(text + "\u2026", size, colour)
        surface.blit(img, (x, y))

    def _listing(
        self,
        surface: pygame.Surface,
        code: CodeType,
        lineno: int,
        x: int,
        y: int,
        room: int,
        line_h: int,
    ) -> int:
        """The actor's whole function (scrolled if it does not fit), paused line marked."""
        r = self.area()
        start, lines = source_of(code)
        current = lineno - start
        first = 0 if len(lines) <= room else max(0, min(current - room // 2, len(lines) - room))
        text_x = x + px(52)
        for i in range(first, min(len(lines), first + max(room, 1))):
            text = lines[i].replace("\t", "    ")
            is_current = i == current
            if is_current:
                pygame.draw.rect(
                    surface, (120, 90, 20), (r.x + 4, y - 1, r.w - 8, line_h + 1), border_radius=3
                )
                pygame.draw.polygon(
                    surface, GOLD, [(x, y + px(2)), (x + px(10), y + px(8)), (x, y + px(14))]
                )
            colour = (
                (255, 240, 160)
                if is_current
                else ((150, 200, 255) if "await" in text else (215, 215, 215))
            )
            surface.blit(label(f"{start + i:4d}", 16, (120, 120, 140)), (x + px(12), y + 1))
            self._text(surface, text, 17, colour, text_x, y, r.right)
            y += line_h
        return y

    def _chain(
        self, surface: pygame.Surface, links: list[Link], x: int, y: int, line_h: int
    ) -> None:
        """Inside the paused line: each call down to the kernel's await, with its source."""
        r = self.area()
        pygame.draw.line(surface, (90, 90, 110), (r.x + 8, y - 3), (r.right - 8, y - 3))
        for depth, link in enumerate(links):
            indent = x + px(12) + px(14) * depth
            name = label(ARROW.strip() + " " + link.name, 16, CHAIN, True)
            surface.blit(name, (indent, y))
            shown = _("scheduler") if link.where == "scheduler" else link.where
            where = label(shown, 15, (120, 120, 140))
            surface.blit(where, (indent + name.get_width() + px(8), y + 1))
            text_x = indent + name.get_width() + where.get_width() + px(18)
            is_kernel = link.where == "scheduler"
            colour = (255, 220, 150) if is_kernel else (150, 200, 255)
            self._text(surface, link.text, 16, colour, text_x, y, r.right)
            y += line_h
