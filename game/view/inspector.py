"""The scheduler inspector: every task, its state, the hand-over order, and timeline strips.

It reads the kernel's own task list and trace, so what it shows is what the scheduler
knows; stepping frame by frame shows one task run up to its next ``await`` and hand over.
"""

from __future__ import annotations

import pygame

from ..scheduler import FAILED, READY, RUNNING, SLEEPING, WAITING, Task
from ..shop import Shop
from ..shop.people import Couple, Staff, Timeline
from . import palette as P
from .text import fit, label, px, text_scale

STATE_COLOURS = {
    RUNNING: (255, 230, 80),
    READY: (120, 230, 120),
    SLEEPING: (120, 170, 255),
    WAITING: (255, 140, 90),
    FAILED: (255, 60, 60),
}
GROUP_TITLES = {"staff": "staff", "couples": "couples", "door": "door"}
STRIP_SECONDS = 60.0
MAX_WIDTH = 600  # with big text: the code view (left) and this panel (right) never overlap


def task_rows(shop: Shop) -> list[tuple[str, list[Task]]]:
    """Live tasks grouped by actor kind, in spawn order (the order the kernel knows them)."""
    groups: dict[str, list[Task]] = {}
    for task in shop.kernel.tasks:
        if task.alive or task.state == FAILED:
            groups.setdefault(task.group, []).append(task)
    order = ["staff", "couples", "door"]
    return [(g, groups[g]) for g in order if g in groups] + [
        (g, ts) for g, ts in groups.items() if g not in order
    ]


def short_state(task: Task) -> str:
    return short_state_text(task.describe())


def short_state_text(text: str) -> str:
    """'waiting on queue X' -> 'on queue X'; 'sleeping until 4.00' -> 'sleeps to 4.00'."""
    return text.replace("waiting on ", "on ").replace("sleeping until", "sleeps to")


class Inspector:
    """A panel on the right of the scene."""

    def __init__(self, rect: pygame.Rect) -> None:
        self.rect = rect
        self.shade = pygame.Surface(rect.size, pygame.SRCALPHA)
        self.shade.fill((18, 16, 28, 228))

    def area(self, screen: tuple[int, int]) -> pygame.Rect:
        """The panel's rect at the current text scale: wider, below a taller HUD bar."""
        if text_scale() == 1.0:
            return self.rect
        w, h = screen
        width = min(px(self.rect.w), MAX_WIDTH)
        top, bottom = px(self.rect.top), h - px(h - self.rect.bottom)
        return pygame.Rect(self.rect.right - width, top, width, bottom - top)

    def draw(self, surface: pygame.Surface, shop: Shop, selected: object = None) -> None:
        r = self.area(surface.get_size())
        if self.shade.get_size() != r.size:
            self.shade = pygame.Surface(r.size, pygame.SRCALPHA)
            self.shade.fill((18, 16, 28, 228))
        surface.blit(self.shade, r)
        pygame.draw.rect(surface, (140, 200, 255), r, 2, border_radius=6)
        x, y = r.x + 10, r.y + 8
        kernel = shop.kernel
        clock = label(f"t = {shop.now:8.3f} s", 20, P.WHITE)
        title = fit(
            "Scheduler inspector", 26, (140, 200, 255), True, width=r.w - 30 - clock.get_width()
        )
        surface.blit(title, (x, y))
        surface.blit(
            clock,
            (r.right - 130 if text_scale() == 1.0 else r.right - 10 - clock.get_width(), y + 4),
        )
        y += px(26)
        room = r.right - 8 - x  # width left for a line of text
        trace = list(kernel.trace or [])
        last_time = trace[-1].time if trace else None
        tick = [h for h in trace if last_time is not None and h.time == last_time]
        ran = {h.name for h in tick}
        if tick:
            title = f"hand-over at {last_time:.2f} s, in turn:"
            surface.blit(fit(title, 18, (255, 230, 120), True, width=room), (x, y))
            y += px(18)
            shown = tick[-3:]
            if len(tick) > 3:
                surface.blit(
                    label(f"  ({len(tick) - 3} before these)", 16, (200, 200, 160)), (x, y)
                )
                y += px(16)
            for n, handover in enumerate(shown, start=len(tick) - len(shown) + 1):
                text = f"{n}. {handover.name} ran, then awaits: {short_state_text(handover.after)}"
                surface.blit(fit(text, 18, (255, 230, 120), width=room - 8), (x + 8, y))
                y += px(18)
        else:
            surface.blit(label("nothing has run yet", 18, (255, 230, 120)), (x, y))
            y += px(18)
        upcoming = self._next_up(shop)
        text = "next up: " + (", ".join(upcoming) or "(nothing scheduled)")
        surface.blit(fit(text, 18, (170, 230, 170), width=room), (x, y))
        y += px(24)
        strips_top = r.bottom - px(150)
        name_w = px(124)  # the task name column
        for group, tasks in task_rows(shop):
            if y > strips_top - px(40):
                break
            surface.blit(
                label(GROUP_TITLES.get(group, group).upper(), 18, (200, 200, 200), True), (x, y)
            )
            y += px(18)
            for shown, task in enumerate(tasks):
                if y > strips_top - px(22):
                    surface.blit(
                        label(f"... {len(tasks) - shown} more", 18, (180, 180, 180)), (x + 14, y)
                    )
                    y += px(18)
                    break
                highlight = task.name in ran or (selected is not None and task.actor is selected)
                if highlight:
                    pygame.draw.rect(
                        surface,
                        (70, 60, 30) if task.name in ran else (40, 60, 90),
                        (r.x + 4, y - 1, r.w - 8, px(19)),
                        border_radius=3,
                    )
                colour = STATE_COLOURS.get(task.state, (200, 200, 200))
                pygame.draw.circle(surface, colour, (x + 6, y + px(8)), px(5))
                surface.blit(fit(task.name, 18, P.WHITE, True, width=name_w - 2), (x + 16, y))
                state = fit(short_state(task), 18, colour, width=room - 16 - name_w)
                surface.blit(state, (x + 16 + name_w, y))
                y += px(19)
            y += px(4)
        strips = pygame.Rect(r.x + 8, strips_top, r.w - 16, px(142))
        self._draw_strips(surface, shop, strips)

    @staticmethod
    def _next_up(shop: Shop) -> list[str]:
        """The ready queue in order, else who wakes next (at the earliest wake-up time)."""
        kernel = shop.kernel
        if kernel.ready:
            return [t.name for t in kernel.ready][:4]
        sleepers = sorted(
            (t for t in kernel.tasks if t.state == SLEEPING),
            key=lambda t: (t.wake_at, t._sleep_seq),
        )
        if not sleepers:
            return []
        first = sleepers[0].wake_at
        return [f"{t.name} @ {first:.2f}s" for t in sleepers if t.wake_at == first][:3]

    def _draw_strips(self, surface: pygame.Surface, shop: Shop, area: pygame.Rect) -> None:
        """Last minute of virtual time per worker and per couple, coloured by what they did."""
        surface.blit(
            label(f"last {STRIP_SECONDS:.0f} s", 18, (200, 200, 200), True), (area.x, area.y)
        )
        head = px(18)
        rows: list[tuple[str, Timeline]] = [(s.name, s.timeline) for s in shop.staff]
        couples: list[Couple] = sorted(shop.couples, key=lambda c: c.index)[-6:]
        rows += [(c.name if not c.protagonist else "you & crush", c.timeline) for c in couples]
        top = area.y + head
        height = max(6, min(px(14), (area.h - head - 2) // max(1, len(rows))))
        bar_x, bar_w = area.x + px(110), area.w - px(112)
        start = shop.now - STRIP_SECONDS
        for i, (name, timeline) in enumerate(rows[: (area.h - head - 2) // height]):
            y = top + i * height
            size = min(16, height + 3) if text_scale() == 1.0 else min(px(16), height + 2)
            surface.blit(label(name, size, P.WHITE, fixed=True), (area.x, y - 1))
            pygame.draw.rect(surface, (50, 50, 60), (bar_x, y, bar_w, height - 2))
            for phase in reversed(timeline.phases):
                end = phase.end if phase.end is not None else shop.now
                if end < start:
                    break
                x0 = bar_x + max(0.0, phase.start - start) / STRIP_SECONDS * bar_w
                x1 = bar_x + (end - start) / STRIP_SECONDS * bar_w
                colour = P.PHASE_COLOURS.get(phase.label, busy_colour(phase.label))
                pygame.draw.rect(surface, colour, (x0, y, max(1.0, x1 - x0), height - 2))


def busy_colour(label_text: str) -> tuple[int, int, int]:
    """Staff phases: idle grey, busy work in warm colours."""
    return {
        "taking order": (250, 190, 70),
        "passing order": (250, 150, 60),
        "cooking": (230, 90, 60),
    }.get(label_text, (200, 120, 200))


def followed_task(shop: Shop, selected: object) -> Task | None:
    """The scheduler task that drives the selected couple or staff member."""
    if not isinstance(selected, (Couple, Staff)):
        return None
    for task in shop.kernel.tasks:
        if task.actor is selected:
            return task
    return None
