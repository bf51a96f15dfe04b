"""The scheduler inspector: every task, its state, the hand-over order, and timeline strips.

It reads the kernel's own task list and trace, so what it shows is what the scheduler
knows; stepping frame by frame shows one task run up to its next ``await`` and hand over.
"""

from __future__ import annotations

import pygame

from ..i18n import _, ngettext
from ..scheduler import FAILED, READY, RUNNING, SLEEPING, WAITING, Task
from ..shop import Shop
from ..shop.people import Couple, Staff, Timeline
from . import cues, words
from . import palette as P
from .text import fit, fitted, font, label, px, text_scale
from .why import why_waiting

STATE_COLOURS = P.STATE_COLOURS  # the palette in use (F3), keyed by the kernel's states
assert {RUNNING, READY, SLEEPING, WAITING, FAILED} <= set(STATE_COLOURS)
STRIP_SECONDS = 60.0
WHY_TITLE, WHY = (255, 200, 90), (200, 225, 255)
MAX_WIDTH = 600  # with big text: the code view (left) and this panel (right) never overlap


def cut(text: str, size: int, width: int) -> str:
    """``text`` cut with an ellipsis to fit ``width`` pixels (at the scaled size)."""
    size = px(size)
    if font(size).size(text)[0] <= width:
        return text
    while len(text) > 4 and font(size).size(text + "\u2026")[0] > width:
        text = text[:-2]
    return text.rstrip() + "\u2026"


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


def row_state(shop: Shop, task: Task) -> tuple[str, tuple[int, int, int], str]:
    """A task's state, colour and state words; while a blocking call holds the loop, the
    blocker is the one running and whoever fell due meanwhile is ready, overdue by so long."""
    kernel = shop.kernel
    busy = kernel.busy
    if busy is not None:
        if task is busy.task:
            text = _("running: {call}, {seconds} s").format(
                call=busy.what, seconds=f"{shop.now - busy.start:.1f}"
            )
            return RUNNING, STATE_COLOURS[RUNNING], text
        late = kernel.overdue(task)
        if late > 0:
            text = _("ready, overdue by {seconds} s").format(seconds=f"{late:.1f}")
            return READY, STATE_COLOURS[READY], text
    return task.state, STATE_COLOURS.get(task.state, (200, 200, 200)), short_state(task)


def short_state(task: Task) -> str:
    return short_state_text(task.describe())


def short_state_text(text: str) -> str:
    """'waiting on queue X' -> "waits on queue 'X'", in the player's language."""
    return words.state_text(text)


class Inspector:
    """A panel on the right of the scene."""

    def __init__(self, rect: pygame.Rect, grow: bool = True) -> None:
        self.rect = rect
        self.grow = grow  # big text widens it leftwards; a column beside others keeps its width
        self.shade = pygame.Surface(rect.size, pygame.SRCALPHA)
        self.shade.fill((18, 16, 28, 228))

    def area(self, screen: tuple[int, int]) -> pygame.Rect:
        """The panel's rect at the current text scale: wider, below a taller HUD bar."""
        if text_scale() == 1.0:
            return self.rect
        w, h = screen
        width = min(px(self.rect.w), MAX_WIDTH) if self.grow else self.rect.w
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
        clock = label(_("t = {seconds} s").format(seconds=f"{shop.now:8.3f}"), 20, P.WHITE)
        title = fit(
            _("Scheduler inspector"),
            26,
            (140, 200, 255),
            True,
            width=r.w - 30 - clock.get_width(),
        )
        surface.blit(title, (x, y))
        surface.blit(clock, clock.get_rect(topright=(r.right - 10, y + 4)))
        y += px(26)
        room = r.right - 8 - x  # width left for a line of text
        trace = list(kernel.trace or [])
        if kernel.busy is not None:  # what a blocking call's task did after it lies ahead
            trace = [h for h in trace if h.time <= shop.now]
        last_time = trace[-1].time if trace else None
        tick = [h for h in trace if last_time is not None and h.time == last_time]
        ran = {h.name for h in tick}
        if tick:
            title = _("hand-over at {seconds} s, in turn:").format(seconds=f"{last_time:.2f}")
            surface.blit(fit(title, 18, (255, 230, 120), True, width=room), (x, y))
            y += px(18)
            shown = tick[-3:]
            if len(tick) > 3:
                surface.blit(label(before_these(len(tick) - 3), 16, (200, 200, 160)), (x, y))
                y += px(16)
            for n, handover in enumerate(shown, start=len(tick) - len(shown) + 1):
                text = _("{n}. {name} ran, then awaits: {state}").format(
                    n=n, name=words.name(handover.name), state=short_state_text(handover.after)
                )
                surface.blit(fit(text, 18, (255, 230, 120), width=room - 8), (x + 8, y))
                y += px(18)
        else:
            surface.blit(label(_("nothing has run yet"), 18, (255, 230, 120)), (x, y))
            y += px(18)
        upcoming = self._next_up(shop)
        text = (
            _("next up: {tasks}").format(tasks=", ".join(upcoming))
            if upcoming
            else _("next up: (nothing scheduled)")
        )
        surface.blit(fit(text, 18, (170, 230, 170), width=room), (x, y))
        y += px(22)
        task = followed_task(shop, selected)
        if task is not None:  # the followed character: why is it waiting?
            title = _("why is {name} waiting?").format(name=words.name(task.name))
            surface.blit(fit(title, 18, WHY_TITLE, True, width=room), (x, y))
            y += px(19)
            for line in why_waiting(task, shop):
                surface.blit(label(cut(line, 18, room - 12), 18, WHY), (x + 8, y))
                y += px(18)
        y += px(4)
        strips_top = r.bottom - px(150)
        name_w = px(124)  # the task name column (a longer translated name pushes its state on)
        for group, tasks in task_rows(shop):
            if y > strips_top - px(40):
                break
            surface.blit(label(words.group(group).upper(), 18, (200, 200, 200), True), (x, y))
            y += px(18)
            for shown, task in enumerate(tasks):
                if y > strips_top - px(22):
                    surface.blit(
                        label(more_tasks(len(tasks) - shown), 18, (180, 180, 180)), (x + 14, y)
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
                if selected is not None and task.actor is selected:  # followed: outlined too
                    pygame.draw.rect(
                        surface, P.GOLD, (r.x + 4, y - 1, r.w - 8, px(19)), 1, border_radius=3
                    )
                state_now, colour, text = row_state(shop, task)
                cues.marker(surface, state_now, (x + 6, y + px(8)), colour)
                name = fit(words.name(task.name), 18, P.WHITE, True, width=name_w - 2)
                surface.blit(name, (x + 16, y))
                state_x = max(x + 16 + name_w, x + 16 + name.get_width() + 8)
                room = r.right - 6 - state_x  # a long error: smaller, then cut short
                state = fitted(cut(text, 12, room), 18, colour, room, least=12)
                surface.blit(state, (state_x, y))
                y += px(19)
            y += px(4)
        strips = pygame.Rect(r.x + 8, strips_top, r.w - 16, px(142))
        self._draw_strips(surface, shop, strips)

    @staticmethod
    def _next_up(shop: Shop) -> list[str]:
        """The ready queue in order, else who wakes next (at the earliest wake-up time)."""
        kernel = shop.kernel
        if kernel.busy is not None:
            text = _("nobody: {name} holds the loop until {seconds}s")
            return [
                text.format(
                    name=words.name(kernel.busy.task.name), seconds=f"{kernel.busy.end:.2f}"
                )
            ]
        if kernel.ready:
            return [words.name(t.name) for t in kernel.ready][:4]
        sleepers = sorted(
            (t for t in kernel.tasks if t.state == SLEEPING),
            key=lambda t: (t.wake_at, t._sleep_seq),
        )
        if not sleepers:
            return []
        first = sleepers[0].wake_at
        at = f"{first:.2f}"
        return [
            _("{name} at {seconds}s").format(name=words.name(t.name), seconds=at)
            for t in sleepers
            if t.wake_at == first
        ][:3]

    def _draw_strips(self, surface: pygame.Surface, shop: Shop, area: pygame.Rect) -> None:
        """Last minute of virtual time per worker and per couple, coloured by what they did."""
        seconds = f"{STRIP_SECONDS:.0f}"
        title = _("last {seconds} s").format(seconds=seconds)
        surface.blit(label(title, 18, (200, 200, 200), True), (area.x, area.y))
        head = px(18)
        rows: list[tuple[str, Timeline]] = [(words.name(s.name), s.timeline) for s in shop.staff]
        couples: list[Couple] = sorted(shop.couples, key=lambda c: c.index)[-6:]
        rows += [(words.couple_name(c), c.timeline) for c in couples]
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
                if phase.start > shop.now:
                    continue  # stamped by a blocking call's task, later than the drawn time
                end = min(end, shop.now)
                if end < start:
                    break
                x0 = bar_x + max(0.0, phase.start - start) / STRIP_SECONDS * bar_w
                x1 = bar_x + (end - start) / STRIP_SECONDS * bar_w
                colour = busy_colour(phase.label)
                bar = pygame.Rect(round(x0), y, max(1, round(x1) - round(x0)), height - 2)
                cues.fill(surface, bar, colour, phase.label)


def busy_colour(label_text: str) -> tuple[int, int, int]:
    """A timeline phase's colour in the palette in use (an unknown one purple)."""
    return P.PHASE_COLOURS.get(label_text, (200, 120, 200))


def before_these(n: int) -> str:
    return ngettext("  ({n} before this one)", "  ({n} before these)", n).format(n=n)


def more_tasks(n: int) -> str:
    return ngettext("... {n} more", "... {n} more", n).format(n=n)


def followed_task(shop: Shop, selected: object) -> Task | None:
    """The scheduler task that drives the selected couple or staff member."""
    if not isinstance(selected, (Couple, Staff)):
        return None
    for task in shop.kernel.tasks:
        if task.actor is selected:
            return task
    return None
