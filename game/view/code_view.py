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
from .text import label


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

    def draw(self, surface: pygame.Surface, task: Task | None, hint: str = "") -> None:
        r = self.rect
        surface.blit(self.shade, r)
        pygame.draw.rect(surface, (255, 200, 90), r, 2, border_radius=6)
        x, y = r.x + 10, r.y + 8
        paused = paused_at(task) if task is not None else None
        if task is None or paused is None:
            surface.blit(label("Live code view", 26, (255, 200, 90), True), (x, y))
            text = hint or "Click a character to see its coroutine."
            surface.blit(label(text, 20, P.WHITE), (x, y + 34))
            return
        code, lineno, chain = paused
        start, lines = source_of(code)
        title = f"{task.name}: async def {code.co_name}"
        surface.blit(label(title, 24, (255, 200, 90), True), (x, y))
        y += 26
        where = " > ".join(chain) if chain else code.co_name
        state = task.describe()
        surface.blit(
            label(f"paused at line {lineno} ({where}) - {state}", 18, (170, 230, 170)), (x, y)
        )
        y += 24
        line_h = 17
        explain = label(meaning(task), 18, (255, 220, 150))
        surface.blit(explain, (x, r.bottom - 24))
        room = (r.bottom - 30 - y) // line_h
        current = lineno - start
        first = 0 if len(lines) <= room else max(0, min(current - room // 2, len(lines) - room))
        text_x = x + 52
        max_chars = (r.right - text_x - 8) // 8
        for i in range(first, min(len(lines), first + room)):
            text = lines[i].replace("\t", "    ")
            is_current = i == current
            if is_current:
                pygame.draw.rect(
                    surface, (120, 90, 20), (r.x + 4, y - 1, r.w - 8, line_h + 1), border_radius=3
                )
                pygame.draw.polygon(
                    surface, (255, 200, 90), [(x, y + 2), (x + 10, y + 8), (x, y + 14)]
                )
            colour = (
                (255, 240, 160)
                if is_current
                else ((150, 200, 255) if "await" in text else (215, 215, 215))
            )
            surface.blit(label(f"{start + i:4d}", 16, (120, 120, 140)), (x + 12, y + 1))
            if len(text) > max_chars:
                text = text[: max_chars - 1] + "…"
            surface.blit(label(text, 17, colour), (text_x, y))
            y += line_h
