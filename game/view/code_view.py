"""Live code view: the followed actor's ``async def`` with the line it is paused at.

The source comes from the coroutine's own code object and the highlighted line from its
frame (``cr_frame.f_lineno``), never from a hand-kept copy, so it is always the truth.
"""

from __future__ import annotations

import inspect
from functools import lru_cache
from types import CodeType

import pygame

from ..scheduler import SLEEPING, WAITING, Task
from . import palette as P
from .text import fit, label, px, text_scale

KEYWORDS = ("async def", "await", "async with", "while True", "return", "for", "if")
MAX_WIDTH = 664  # with big text: clear of the inspector on the right (see inspector.py)


@lru_cache(maxsize=64)
def source_of(code: CodeType) -> tuple[int, tuple[str, ...]]:
    """(first line number, lines) of the function that owns ``code``."""
    lines, start = inspect.getsourcelines(code)
    return start, tuple(line.rstrip("\n") for line in lines)


def paused_at(task: Task) -> tuple[CodeType, int, list[str]] | None:
    """The actor function's code, the line it is suspended on, and the await chain below."""
    stack = task.stack()
    if not stack:
        return None
    top = stack[0]
    chain = [
        getattr(f.code, "co_qualname", f.function)
        for f in stack[1:]
        if not f.filename.endswith("scheduler.py")
    ]
    return top.code, top.lineno, chain


def meaning(task: Task) -> str:
    """What the paused ``await`` means right now, in one short plain sentence."""
    waited = task.waiting_on
    if task.state == SLEEPING and task.wake_at is not None:
        return f"Asleep until {task.wake_at:.1f} s: meanwhile the scheduler runs the others."
    if task.state == WAITING and waited is not None:
        what = {
            "event": f"until '{waited.name}' happens",
            "queue": f"for the next item in '{waited.name}'",
        }.get(waited.kind, f"until '{waited.name}' is free")
        return f"Blocked {what}; the others run meanwhile."
    return f"The task is {task.state}."


class CodeView:
    def __init__(self, rect: pygame.Rect) -> None:
        self.rect = rect
        self.shade = pygame.Surface(rect.size, pygame.SRCALPHA)
        self.shade.fill((16, 18, 24, 236))

    def area(self) -> pygame.Rect:
        """The panel's rect at the current text scale: larger, below a taller HUD bar."""
        if text_scale() == 1.0:
            return self.rect
        r = self.rect
        return pygame.Rect(r.x, px(r.y), min(px(r.w), MAX_WIDTH), px(r.h))

    def draw(self, surface: pygame.Surface, task: Task | None, hint: str = "") -> None:
        r = self.area()
        if self.shade.get_size() != r.size:
            self.shade = pygame.Surface(r.size, pygame.SRCALPHA)
            self.shade.fill((16, 18, 24, 236))
        surface.blit(self.shade, r)
        pygame.draw.rect(surface, (255, 200, 90), r, 2, border_radius=6)
        x, y = r.x + 10, r.y + 8
        room_w = r.right - 8 - x
        paused = paused_at(task) if task is not None else None
        if task is None or paused is None:
            surface.blit(label("Live code view", 26, (255, 200, 90), True), (x, y))
            text = hint or "Click a character to see its coroutine."
            surface.blit(fit(text, 20, P.WHITE, width=room_w), (x, y + px(34)))
            return
        code, lineno, chain = paused
        start, lines = source_of(code)
        title = f"{task.name}: async def {code.co_name}"
        surface.blit(fit(title, 24, (255, 200, 90), True, width=room_w), (x, y))
        y += px(26)
        where = " > ".join(chain) if chain else code.co_name
        state = task.describe()
        text = f"paused at line {lineno} ({where}) - {state}"
        surface.blit(fit(text, 18, (170, 230, 170), width=room_w), (x, y))
        y += px(24)
        line_h = px(17)
        explain = fit(meaning(task), 18, (255, 220, 150), width=room_w)
        surface.blit(explain, (x, r.bottom - px(24)))
        room = (r.bottom - px(30) - y) // line_h
        current = lineno - start
        first = 0 if len(lines) <= room else max(0, min(current - room // 2, len(lines) - room))
        text_x = x + px(52)
        max_chars = (r.right - text_x - 8) // 8
        for i in range(first, min(len(lines), first + room)):
            text = lines[i].replace("\t", "    ")
            is_current = i == current
            if is_current:
                pygame.draw.rect(
                    surface, (120, 90, 20), (r.x + 4, y - 1, r.w - 8, line_h + 1), border_radius=3
                )
                pygame.draw.polygon(
                    surface,
                    (255, 200, 90),
                    [(x, y + px(2)), (x + px(10), y + px(8)), (x, y + px(14))],
                )
            colour = (
                (255, 240, 160)
                if is_current
                else ((150, 200, 255) if "await" in text else (215, 215, 215))
            )
            surface.blit(label(f"{start + i:4d}", 16, (120, 120, 140)), (x + px(12), y + 1))
            if text_scale() == 1.0:
                if len(text) > max_chars:
                    text = text[: max_chars - 1] + "…"
                surface.blit(label(text, 17, colour), (text_x, y))
            else:  # measured, not counted: the font is not monospaced
                line = fit(text, 17, colour, width=r.right - text_x - 8, shrink=False)
                surface.blit(line, (text_x, y))
            y += line_h
