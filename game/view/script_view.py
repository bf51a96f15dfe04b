"""A learner's own script drawn as the shop: every task a character, the loop the cashier.

Reads a ``Moment`` of ``game.script.replay`` and never changes it. The running task stands
at the counter (one at a time: the loop serves one), the ready ones queue in the line, the
awaiting ones sit at a table under a bubble saying what they await, finished ones leave
by the door, failed ones are marked. Around the floor: the script with each task's line,
the inspector (state, await chain from the real frames), the console (prints at their
virtual time) and a timeline with a lane per task.
"""

from __future__ import annotations

import math
import re

import pygame

from .. import i18n
from ..i18n import N_, _
from ..script.replay import Lane, Moment, Replay, TaskView
from . import palette as P
from .arrows import draw_arrow
from .script_labels import Placer, shortened
from .sheets import Library
from .text import fit, font, label, outlined, px, text_scale

W, H = 1280, 720
HUD = pygame.Rect(0, 0, W, 30)
FLOOR = pygame.Rect(0, 30, 700, 400)
CODE = pygame.Rect(704, 30, 576, 300)
INSPECT = pygame.Rect(704, 334, 576, 160)
CONSOLE = pygame.Rect(704, 498, 576, 218)
TIMELINE = pygame.Rect(0, 434, 700, 282)
WALL_H = 96
COUNTER_AT = (170, 88)  # top-left of the counter, inside the floor rect
COUNTER_W = 200
SERVED = (250, 276)  # feet of the task at the counter (the one the loop runs)
LINE_X, LINE_GAP = 250, 50  # the line of ready tasks, right to left
LINE_ROWS = (338, 412)
TABLE_GAP = 95  # between neighbouring tables' centres
TABLES = [(455 + TABLE_GAP * c, 178 + 92 * r) for r in range(3) for c in range(3)]  # table centres
DOOR = (14, 6)
CLOCK = (640, 48)
NAME_W = 118  # the timeline's name column

STATE_COLOURS = {
    "running": (255, 230, 80),
    "created": (120, 230, 120),
    "ready": (120, 230, 120),
    "awaiting": (120, 170, 255),
    "done": (170, 170, 170),
    "cancelled": (150, 150, 150),
    "failed": (255, 70, 70),
    "stopped": (255, 120, 40),
}
PANEL = (16, 18, 24)
DIM = (120, 120, 140)
CODE_TEXT = (215, 215, 215)
AWAIT_TEXT = (150, 200, 255)
RED = (255, 90, 90)


STATE_WORDS = {  # a task's state as the inspector and the legend say it
    "running": N_("running"),
    "created": N_("created"),
    "ready": N_("ready"),
    "awaiting": N_("awaiting"),
    "done": N_("done"),
    "cancelled": N_("cancelled"),
    "failed": N_("failed"),
    "stopped": N_("stopped"),
}
AWAITS = (  # the record's English words for what a task awaits -> a translated sentence
    (re.compile(r"sleep until (?P<t>\S+) s"), N_("sleep until {t} s")),
    (re.compile(r"thread (?P<name>\S+) until (?P<t>\S+) s"), N_("thread {name} until {t} s")),
    (re.compile(r"task (?P<name>.+)"), N_("task {name}")),
    (re.compile(r"TaskGroup: its children"), N_("TaskGroup: its children")),
    (re.compile(r"a future"), N_("a future")),
)


def state_words(state: str) -> str:
    return _(STATE_WORDS[state]) if state in STATE_WORDS else state


def awaits_words(what: str) -> str:
    """What a task awaits in the player's language; code (``Queue 'line'.get()``,
    ``gather(...)``) stays code."""
    for pattern, words in AWAITS:
        found = pattern.fullmatch(what)
        if found:
            return _(words).format(**found.groupdict())
    return what


def colour_of(task_id: int) -> tuple[int, int, int]:
    clothes = P.COUPLE_CLOTHES[(task_id - 1) % len(P.COUPLE_CLOTHES)]
    return clothes[task_id % 2]


def sprite_of(task_id: int) -> str:
    return "boy" if task_id % 2 else "girl"


def height(size: int, bold: bool = False) -> int:
    """The height of a line of text of ``size`` (at the current text scale), as drawn."""
    return font(size, bold).get_linesize()


class ScriptView:
    """Draws one moment of a replayed script; ``pick`` tells which task a click is on.

    Every word drawn is in the player's language and laid out at the current text scale;
    ``drawn`` keeps each text's rectangle and the panel box it belongs in, and ``labels``
    the floor's and the timeline's words (kept apart by a ``Placer``), for the tests."""

    def __init__(self, lib: Library, replay: Replay) -> None:
        self.lib = lib
        self.replay = replay
        self.lanes = replay.lanes()
        self.spots: dict[int, tuple[float, float]] = {}  # task id -> feet, this frame
        self.lane_rows: dict[int, pygame.Rect] = {}
        self._layer: tuple | None = None  # (key, timeline, its drawn words, its labels)
        self.source = replay.record["source"].splitlines()
        self.floor = self._floor()
        self.drawn: list[tuple[str, pygame.Rect, pygame.Rect]] = []  # (words, rect, box)
        self.labels: dict[str, list[tuple[str, pygame.Rect]]] = {}  # area -> placed words

    def _put(
        self,
        surface: pygame.Surface,
        image: pygame.Surface,
        rect: pygame.Rect,
        box: pygame.Rect,
        words: str,
    ) -> pygame.Rect:
        """Blit ``image`` at ``rect`` and note it as text of the panel ``box``."""
        surface.blit(image, rect)
        self.drawn.append((words, pygame.Rect(rect), box))
        return rect

    # -- the shop ----------------------------------------------------------------------------
    def _floor(self) -> pygame.Surface:
        """The room, drawn once: wall, floor, door, counter, tables (no words: those change
        with the language and the text scale)."""
        room = pygame.Surface(FLOOR.size)
        wall, tile = self.lib.prop("wall_warm"), self.lib.prop("floor_warm")
        for x in range(0, FLOOR.w, 64):
            for y in range(0, FLOOR.h, 64):
                room.blit(wall if y < WALL_H else tile, (x, y))
        pygame.draw.line(room, P.INK, (0, WALL_H), (FLOOR.w, WALL_H), 3)
        door = pygame.transform.smoothscale_by(self.lib.prop("door"), 0.62)
        room.blit(door, DOOR)
        room.blit(self.lib.prop("plant"), (FLOOR.w - 56, WALL_H - 78))
        for cx, cy in TABLES:
            table = pygame.transform.smoothscale_by(self.lib.prop("table"), 0.62)
            stool = pygame.transform.smoothscale_by(self.lib.prop("stool"), 0.62)
            for side in (-1, 1):
                room.blit(stool, stool.get_rect(center=(cx + side * 30, cy + 6)))
            room.blit(table, table.get_rect(center=(cx, cy)))
        return room

    def draw(
        self,
        surface: pygame.Surface,
        moment: Moment,
        selected: int | None,
        clock: float,
        status: str,
    ) -> None:
        self.drawn = []
        self.labels = {}
        surface.fill(PANEL)
        self.draw_floor(surface, moment, selected, clock)
        self.draw_code(surface, moment, selected)
        self.draw_inspector(surface, moment, selected)
        self.draw_console(surface, moment)
        self.draw_timeline(surface, moment, selected)
        self.draw_hud(surface, moment, status)

    def draw_floor(
        self, surface: pygame.Surface, moment: Moment, selected: int | None, clock: float
    ) -> None:
        surface.blit(self.floor, FLOOR)
        ox, oy = FLOOR.topleft
        placer = Placer(FLOOR.inflate(-4, -4))
        block = moment.block
        cashier = self.lib.anim("cashier", "idle" if block or not moment.running else "talk")
        feet = (ox + SERVED[0], oy + COUNTER_AT[1] + 40)
        image = cashier.frame_at(0 if block else clock)
        surface.blit(image, (feet[0] - cashier.anchor[0], feet[1] - cashier.anchor[1]))
        counter = self.lib.prop("counter")
        surface.blit(counter, (ox + COUNTER_AT[0], oy + COUNTER_AT[1]))
        surface.blit(self.lib.prop("register"), (ox + COUNTER_AT[0] + 22, oy + COUNTER_AT[1] - 30))
        words: list[tuple[str, pygame.Surface, pygame.Rect]] = []  # fixed ones first
        held = []  # the banner of a held loop: always shown, the others keep off it
        if block is not None:
            held = self._frozen(surface, block, feet)
        elif moment.cpu is not None:
            held = self._computing(surface, moment.cpu, feet)
        for text, image, rect in held:
            self._put(surface, image, rect, FLOOR, text)
        if held:
            lines = [rect for _t, _i, rect in held]
            placer.reserve(" ".join(t for t, _i, _r in held), lines[0].unionall(lines[1:]))
        clock_at = (ox + CLOCK[0], oy + CLOCK[1])
        surface.blit(self.lib.prop("clock"), (clock_at[0] - 13, clock_at[1] - 13))
        now = outlined(f"{moment.t:.2f} s", 16, P.WHITE, P.INK)
        words.append(
            (f"{moment.t:.2f} s", now, now.get_rect(midright=(clock_at[0] - 18, clock_at[1])))
        )
        done = sum(1 for t in moment.tasks if t.state in ("done", "cancelled"))
        gone = _("left: {count}").format(count=done)
        left = outlined(gone, 15, P.WHITE, P.INK)
        words.append((gone, left, left.get_rect(topleft=(ox + DOOR[0] + 80, oy + DOOR[1] + 2))))
        self.spots = self._places(moment)
        hidden = sum(1 for t in moment.tasks if t.id not in self.spots and not t.ended)
        if hidden:
            more = _("+{count} more").format(count=hidden)
            image = outlined(more, 16, P.WHITE, P.INK)
            words.append((more, image, image.get_rect(bottomleft=(ox + 8, FLOOR.bottom - 6))))
        for text, image, rect in words:
            rect.clamp_ip(placer.bounds)
            if placer.free(rect):
                placer.reserve(text, rect)
                self._put(surface, image, rect, FLOOR, text)
        said = shortened(_("event loop"), COUNTER_W, 15, True)  # over the loop's counter
        loop = outlined(said, 15, P.WHITE, P.INK)
        top = (ox + COUNTER_AT[0] + COUNTER_W // 2, oy + 6)
        rect = placer.place(
            said, loop.get_size(), top, "midtop", [(dx, 0) for dx in range(0, 200, 20)]
        )
        if rect is not None:
            self._put(surface, loop, rect, FLOOR, said)
        order = sorted(moment.tasks, key=lambda t: self.spots.get(t.id, (0, 0))[1])
        names: list[tuple[TaskView, tuple[int, int], int]] = []
        bubbles: list[tuple[TaskView, tuple[int, int]]] = []
        for task in order:
            if task.id in self.spots:
                top, bubble = self._character(
                    surface,
                    task,
                    self.spots[task.id],
                    task.id == selected,
                    clock,
                    frozen=block is not None,
                )
                names.append((task, top, self._lift(task, top[0])))
                if bubble is not None:
                    bubbles.append((task, bubble))
        self._arrows(surface, moment)
        first = (selected, moment.running.id if moment.running else None)

        def rank(task: TaskView) -> tuple[int, int]:
            return (0 if task.id == first[0] else 1 if task.id == first[1] else 2, task.id)

        chosen = [(t, b) for t, b in bubbles if t.id == selected]
        for task, top, lift in sorted(names, key=lambda n: rank(n[0])):
            self._name(surface, placer, task, top, lift)
            if task.id == selected:  # the followed task's bubble before the others' names
                for _task, at in chosen:
                    self._bubble(surface, placer, awaits_words(task.what or ""), at, True)
        for task, at in sorted(bubbles, key=lambda b: (b[1][1], b[1][0])):
            if task.id != selected:
                self._bubble(surface, placer, short(task), at, False)
        self.labels["floor"] = placer.taken

    def _places(self, moment: Moment) -> dict[int, tuple[float, float]]:
        """Where each task stands: counter, line, a table, the door, the failed bench."""
        ox, oy = FLOOR.topleft
        spots: dict[int, tuple[float, float]] = {}
        line = [t for t in moment.tasks if t.waiting_in_line]
        line.sort(key=lambda t: (t.since, t.id))
        seats = [t for t in moment.tasks if t.state == "awaiting"]
        running = moment.running
        if running is not None:
            spots[running.id] = (ox + SERVED[0], oy + SERVED[1])
        per_row = 5
        for k, task in enumerate(line[: per_row * len(LINE_ROWS)]):
            row, col = divmod(k, per_row)
            spots[task.id] = (ox + LINE_X - col * LINE_GAP, oy + LINE_ROWS[row])
        for k, task in enumerate(seats[: 2 * len(TABLES)]):
            table, second = k % len(TABLES), k >= len(TABLES)
            cx, cy = TABLES[table]
            spots[task.id] = (ox + cx + (30 if second else -30), oy + cy + 14)
        gone = [t for t in moment.tasks if t.state in ("done", "cancelled")]
        recent = [t for t in gone if moment.t - t.since < 0.75 or self._just(moment, t)]
        for k, task in enumerate(recent[-3:]):
            spots[task.id] = (ox + 70 + 30 * k, oy + 200)
        bad = [t for t in moment.tasks if t.state in ("failed", "stopped")]
        for k, task in enumerate(bad[:6]):
            spots[task.id] = (ox + 34 + 46 * (k % 3), oy + 300 + 70 * (k // 3))
        return spots

    @staticmethod
    def _just(moment: Moment, task: TaskView) -> bool:
        event = moment.event
        return event is not None and event.get("task") == task.id

    def _lift(self, task: TaskView, x: int) -> int:
        """How far a name starts above its head: neighbours in line and at the door take
        turns, one row up or not."""
        row = height(14, True) + 2
        if task.waiting_in_line:
            return row * ((LINE_X - (x - FLOOR.x)) // LINE_GAP % 2)
        if task.state in ("done", "cancelled"):
            return row * ((x - FLOOR.x - 70) // 30 % 2)
        return 0

    def _character(
        self,
        surface: pygame.Surface,
        task: TaskView,
        feet: tuple[float, float],
        chosen: bool,
        clock: float,
        frozen: bool,
    ) -> tuple[tuple[int, int], tuple[int, int] | None]:
        """Draws the task; returns where its name goes (above its head) and where its
        bubble does (under its table), both drawn after every character."""
        sheet, colour = sprite_of(task.id), colour_of(task.id)
        tag, facing = {
            "running": ("order", 1),
            "awaiting": ("sit_talk", 1),
            "done": ("walk", -1),
            "cancelled": ("walk", -1),
            "failed": ("sit_sad", 1),
            "stopped": ("sit_sad", 1),
        }.get(task.state, ("wait", 1))
        if task.state == "awaiting":
            facing = 1 if any(feet[0] - FLOOR.x == cx - 30 for cx, _ in TABLES) else -1
        anim = self.lib.anim(sheet, tag, facing, colour)
        x, y = round(feet[0]), round(feet[1])
        if chosen:
            pygame.draw.ellipse(surface, P.GOLD, (x - 22, y - 7, 44, 14), 3)
        image = anim.frame_at(0 if frozen else clock)
        if task.state in ("done", "cancelled"):
            image = image.copy()
            image.set_alpha(150)
        surface.blit(image, (x - anim.anchor[0], y - anim.anchor[1]))
        top = y - anim.anchor[1] - 2
        if task.state in ("failed", "stopped"):
            for a, b in (((-9, -9), (9, 9)), ((-9, 9), (9, -9))):
                pygame.draw.line(
                    surface, RED, (x + a[0], top - 22 + a[1]), (x + b[0], top - 22 + b[1]), 4
                )
        bubble = None
        if task.state == "awaiting" and task.what:
            bubble = (x + 30 if facing > 0 else x - 30, y + 34)
        return (x, top), bubble

    def _name(
        self,
        surface: pygame.Surface,
        placer: Placer,
        task: TaskView,
        top: tuple[int, int],
        lift: int,
    ) -> None:
        """The task's name over its head, or a step higher, or shorter, where it is free."""
        colour = STATE_COLOURS.get(task.state, P.WHITE)
        full = title(task.name, task.coro)
        row = height(14, True) + 2
        steps = [(0, -lift), (0, -lift - row), (0, -lift - 2 * row), (0, -lift + row)]
        tries = [full] if full == task.name else [full, task.name]
        tries.append(shortened(task.name, 2 * LINE_GAP - 8, 14, True))
        tries.append(shortened(task.name, LINE_GAP - 6, 14, True))
        for words in dict.fromkeys(t for t in tries if t):
            image = outlined(words, 14, colour, P.INK)
            rect = placer.place(words, image.get_size(), top, "midbottom", steps)
            if rect is not None:
                self._put(surface, image, rect, FLOOR, words)
                return

    def _bubble(
        self,
        surface: pygame.Surface,
        placer: Placer,
        words: str,
        at: tuple[int, int],
        chosen: bool,
    ) -> None:
        """What a task awaits, under its table: whole if there is room, else cut to the
        table's width, else a row lower or higher; left out when there is no room at all
        (the inspector says it)."""
        table = TABLE_GAP - 6
        row = height(13, chosen) + 6
        widest = FLOOR.w - 20 if chosen else 2 * TABLE_GAP
        steps = [(0, 0), (0, row), (0, -row)]
        for width in dict.fromkeys((widest, table, table * 2 // 3)):
            text = shortened(words, width - 8, 13, chosen)
            if not text:
                continue
            image = label(text, 13, P.INK, chosen)
            size = (image.get_width() + 8, image.get_height() + 4)
            box = placer.place(text, size, at, "midtop", steps)
            if box is not None:
                pygame.draw.rect(surface, P.WHITE, box, border_radius=5)
                pygame.draw.rect(surface, P.GOLD if chosen else P.INK, box, 1, border_radius=5)
                self._put(surface, image, image.get_rect(center=box.center), FLOOR, text)
                return

    def _frozen(
        self, surface: pygame.Surface, block: dict, feet: tuple[int, int]
    ) -> list[tuple[str, pygame.Surface, pygame.Rect]]:
        """The loop held by a blocking call: the cashier sweats, a banner says where."""
        surface.blit(self.lib.prop("sweat"), (feet[0] + 12, feet[1] - 78))
        words = _(
            "the loop is blocked: line {line} holds it {seconds} s; everyone else waits"
        ).format(line=block["line"], seconds=f"{block['seconds']:g}")
        return self._banner(surface, words)

    def _computing(
        self, surface: pygame.Surface, cpu: dict, feet: tuple[int, int]
    ) -> list[tuple[str, pygame.Surface, pygame.Rect]]:
        """A CPU-bound step: no await for a while, so the loop is held the same way."""
        surface.blit(self.lib.prop("sweat"), (feet[0] + 12, feet[1] - 78))
        words = _(
            "the loop is held: line {line} computed {seconds} s (wall clock) without an "
            "await; everyone else waits"
        ).format(line=cpu["line"], seconds=f"{cpu['seconds']:g}")
        return self._banner(surface, words)

    def _banner(
        self, surface: pygame.Surface, words: str
    ) -> list[tuple[str, pygame.Surface, pygame.Rect]]:
        """A red band at the floor's foot (its words wrap onto a second line when long);
        returns its lines, for the floor's words to keep off."""
        lines = wrapped(words, 17, True, FLOOR.w - 36, 2)
        images = [label(line, 17, P.WHITE, True) for line in lines]
        box = pygame.Rect(0, 0, max(i.get_width() for i in images) + 16, 0)
        box.h = sum(i.get_height() for i in images) + 8
        box.midbottom = (FLOOR.centerx, FLOOR.bottom - 6)
        pygame.draw.rect(surface, (150, 30, 30), box, border_radius=6)
        pygame.draw.rect(surface, P.INK, box, 2, border_radius=6)
        placed, y = [], box.y + 4
        for line, image in zip(lines, images, strict=True):
            placed.append((line, image, image.get_rect(midtop=(box.centerx, y))))
            y += image.get_height()
        return placed

    def _arrows(self, surface: pygame.Surface, moment: Moment) -> None:
        clock = (FLOOR.x + CLOCK[0], FLOOR.y + CLOCK[1] + 14)
        for wake in self.replay.wakes_at(moment.index):
            end = self.spots.get(wake["to"])
            if end is None:
                continue
            source = wake["from"]
            start = clock if source == "clock" else self.spots.get(source)
            if start is None:
                continue
            a = (start[0], start[1] - (0 if source == "clock" else 50))
            b = (end[0], end[1] - 50)
            if math.dist(a, b) > 30:
                draw_arrow(surface, a, b, 1.0)

    # -- the script ------------------------------------------------------------------------
    def draw_code(self, surface: pygame.Surface, moment: Moment, selected: int | None) -> None:
        r = CODE
        pygame.draw.rect(surface, (24, 26, 34), r)
        pygame.draw.rect(surface, P.GOLD, r, 2, border_radius=6)
        name = self.replay.record["script"]
        heading = fit(name, 20, P.GOLD, True, width=r.w - 20, smallest=14)
        self._put(surface, heading, heading.get_rect(topleft=(r.x + 10, r.y + px(6))), r, name)
        chosen = moment.task(selected)
        focus = chosen.line if chosen and chosen.line else None
        if focus is None and moment.running is not None:
            focus = moment.running.line
        if focus is None and moment.block is not None:
            focus = moment.block["line"]
        hot = moment.cpu["line"] if moment.cpu is not None and moment.block is None else None
        at_line: dict[int, list[TaskView]] = {}
        for task in moment.tasks:
            line = task.line
            if task.state == "running" and moment.block is not None:
                line = moment.block["line"]  # held inside the step, at the blocking call
            elif task.state == "running" and moment.cpu is not None:
                line = moment.cpu["line"]  # where the watchdog saw it computing
            if line is not None and not task.ended:
                at_line.setdefault(line, []).append(task)
        line_h = height(15) + px(3)
        top = r.y + px(12) + heading.get_height()
        room = max(1, (r.bottom - top - 6) // line_h)
        first = 0
        if focus is not None and len(self.source) > room:
            first = max(0, min(focus - 1 - room // 2, len(self.source) - room))
        block_line = moment.block["line"] if moment.block else None
        numbers = label("999", 14, DIM).get_width() + px(10)
        for i in range(first, min(len(self.source), first + room)):
            n, y = i + 1, top + (i - first) * line_h
            text = self.source[i].replace("\t", "    ")
            if n == focus:
                pygame.draw.rect(
                    surface, (120, 90, 20), (r.x + 4, y - 1, r.w - 8, line_h), border_radius=3
                )
            if n in (block_line, hot):
                pygame.draw.rect(
                    surface, (140, 30, 30), (r.x + 4, y - 1, r.w - 8, line_h), border_radius=3
                )
            number = label(f"{n:3d}", 14, DIM)
            self._put(surface, number, number.get_rect(topleft=(r.x + 8, y + 1)), r, str(n))
            x = r.right - 8
            for task in reversed(at_line.get(n, [])[:4]):
                tag = label(task.name, 12, P.INK, True)
                box = tag.get_rect(topright=(x, y + 1)).inflate(6, 0)
                if box.left < r.x + 8 + numbers + 60:
                    break
                pygame.draw.rect(surface, colour_of(task.id), box, border_radius=4)
                if task.id == selected:
                    pygame.draw.rect(surface, P.GOLD, box, 2, border_radius=4)
                self._put(surface, tag, tag.get_rect(center=box.center), r, task.name)
                x = box.left - 3
            colour = AWAIT_TEXT if "await" in text else CODE_TEXT
            code = clip(label(text, 15, colour), x - 6 - (r.x + 8 + numbers))
            self._put(surface, code, code.get_rect(topleft=(r.x + 8 + numbers, y)), r, text)

    def draw_inspector(self, surface: pygame.Surface, moment: Moment, selected: int | None) -> None:
        r = INSPECT
        pygame.draw.rect(surface, (24, 26, 34), r)
        pygame.draw.rect(surface, P.GOLD, r, 2, border_radius=6)
        task = moment.task(selected)
        x, y = r.x + 10, r.y + px(6)
        if task is None:
            words = _("Inspector")
            heading = fit(words, 20, P.GOLD, True, width=r.w - 20, smallest=14)
            y += self._put(surface, heading, heading.get_rect(topleft=(x, y)), r, words).h + 6
            hint = _("Click a character or a lane (or press TAB) to follow a task.")
            for line in wrapped(hint, 15, False, r.w - 20, 3):
                image = label(line, 15, P.WHITE)
                y += self._put(surface, image, image.get_rect(topleft=(x, y)), r, line).h + 2
            return
        words = f"{task.name}: {task.coro}()"
        heading = fit(words, 20, P.GOLD, True, width=r.w - 20, smallest=14)
        y += self._put(surface, heading, heading.get_rect(topleft=(x, y)), r, words).h + px(4)
        said = state_words(task.state)
        state = label(said, 17, STATE_COLOURS.get(task.state, P.WHITE), True)
        self._put(surface, state, state.get_rect(topleft=(x, y)), r, said)
        if task.line:
            where = _("since {t} s, line {line}").format(t=f"{task.since:g}", line=task.line)
        else:
            where = _("since {t} s").format(t=f"{task.since:g}")
        where = shortened(where, r.w - 20 - state.get_width() - px(10), 15)
        since = label(where, 15, P.WHITE)
        at = since.get_rect(bottomleft=(x + state.get_width() + px(10), y + state.get_height()))
        self._put(surface, since, at, r, where)
        y += state.get_height() + px(3)
        step = height(15) + px(3)
        for text, colour in self._inspector_lines(task, moment)[
            : max(0, (r.bottom - y - 4) // step)
        ]:
            text = shortened(text, r.w - 20, 15)
            image = label(text, 15, colour)
            self._put(surface, image, image.get_rect(topleft=(x, y)), r, text)
            y += step

    def _inspector_lines(self, task: TaskView, moment: Moment) -> list[tuple[str, tuple]]:
        names = {t["id"]: t["name"] for t in self.replay.tasks}
        lines: list[tuple[str, tuple]] = []
        if task.state == "awaiting" and task.what:
            lines.append((_("awaits {what}").format(what=awaits_words(task.what)), AWAIT_TEXT))
        if task.chain:
            calls = "  ->  ".join(f"{name} {file}:{line}" for name, file, line in task.chain)
            lines.append((_("await chain: {calls}").format(calls=calls), (255, 220, 150)))
        if task.state in ("ready", "running") and task.by is not None:
            by = names.get(task.by, task.by)
            lines.append((_("woken by {name}").format(name=by), P.GOLD))
        if task.state == "running" and moment.cpu is not None:
            seconds = f"{moment.cpu['seconds']:g}"
            lines.append(
                (
                    _("this step computed {seconds} s without an await (CPU-bound)").format(
                        seconds=seconds
                    ),
                    RED,
                )
            )
        if task.state == "running" and moment.block is not None:
            line = moment.block["line"]
            lines.append(
                (_("holds the loop: a blocking call at line {line}").format(line=line), RED)
            )
        if task.state == "ready":
            lines.append((_("ready: waits in line for the loop to run it"), (120, 230, 120)))
        by = names.get(task.created_by, task.created_by) if task.created_by is not None else None
        if task.created_line and by is not None:
            made = _("created at line {line} by {name}").format(line=task.created_line, name=by)
        elif task.created_line:
            made = _("created at line {line}").format(line=task.created_line)
        elif by is not None:
            made = _("created by {name}").format(name=by)
        else:
            made = _("created")
        lines.append((made, DIM))
        if task.error:
            lines.append((task.error, RED))
        if task.traceback:
            tail = [s for s in task.traceback.splitlines() if s.strip()][-3:-1]
            lines += [(s, (255, 170, 170)) for s in tail]
        return lines

    def draw_console(self, surface: pygame.Surface, moment: Moment) -> None:
        r = CONSOLE
        pygame.draw.rect(surface, (10, 10, 14), r)
        pygame.draw.rect(surface, P.GOLD, r, 2, border_radius=6)
        words = _("console")
        heading = fit(words, 17, P.GOLD, True, width=r.w - 20, smallest=14)
        head = self._put(
            surface, heading, heading.get_rect(topleft=(r.x + 10, r.y + px(5))), r, words
        )
        line_h = height(15) + px(1)
        stop = moment.stop
        foot = r.bottom - 4 - (height(15, True) + 2 if stop is not None else 0)
        y = head.bottom + px(4)
        room = max(0, (foot - y) // line_h)
        stamps = label("00000.000", 14, DIM).get_width() + px(10)
        width = r.w - 16 - stamps
        shown: list[tuple[str, str, tuple[int, int, int]]] = []  # (stamp or "", text, colour)
        for entry in reversed(moment.output):  # the newest prints, wrapped, as many as fit
            if len(shown) >= room:
                break
            colour = (255, 150, 150) if entry["stream"] == "stderr" else (220, 220, 220)
            pieces = broken(entry["text"], 15, width)
            stamp = f"{entry['t']:9.3f}"
            shown[:0] = [(stamp if k == 0 else "", piece, colour) for k, piece in enumerate(pieces)]
        for when, piece, colour in shown[-room:] if room else []:
            if when:
                stamp = label(when, 14, DIM)
                at = stamp.get_rect(topright=(r.x + 8 + stamps - px(10), y + 1))
                self._put(surface, stamp, at, r, when)
            text = label(piece, 15, colour)
            self._put(surface, text, text.get_rect(topleft=(r.x + 8 + stamps, y)), r, piece)
            y += line_h
        if stop is not None:
            where = _("line {line}: ").format(line=stop["line"]) if stop.get("line") else ""
            said = shortened(where + stop["message"], r.w - 16, 15, True)
            image = label(said, 15, (255, 200, 90), True)
            self._put(surface, image, image.get_rect(bottomleft=(r.x + 8, r.bottom - 4)), r, said)

    # -- the timeline ----------------------------------------------------------------------
    def _legend_rows(self) -> list[list[tuple[str, tuple[int, int, int], int]]]:
        """The legend's entries (words, colour, width) in rows that fit the panel."""
        rows: list[list[tuple[str, tuple[int, int, int], int]]] = [[]]
        room, x = TIMELINE.w - 20, 0
        for words, colour in LEGEND:
            said = _(words)
            w = px(18) + label(said, 13, P.WHITE).get_width()
            if rows[-1] and x + w > room:
                rows.append([])
                x = 0
            rows[-1].append((said, colour, w))
            x += w + px(20)
        return rows

    def _header(self) -> tuple[int, int]:
        """Heights of the timeline's title row and of its row of time ticks."""
        return height(16, True) + px(6), height(13) + px(4)

    def bar(self) -> pygame.Rect:
        r = TIMELINE
        title_h, ticks_h = self._header()
        legend_h = len(self._legend_rows()) * (height(13) + px(4))
        top = r.y + px(5) + title_h + ticks_h
        return pygame.Rect(r.x + NAME_W, top, r.w - NAME_W - 14, r.bottom - 6 - legend_h - top)

    def x_of(self, t: float) -> int:
        bar, end = self.bar(), max(self.replay.end, 1e-9)
        return bar.x + round(min(max(t / end, 0.0), 1.0) * bar.w)

    def time_at(self, x: int) -> float:
        bar = self.bar()
        return min(max((x - bar.x) / max(1, bar.w), 0.0), 1.0) * self.replay.end

    def draw_timeline(self, surface: pygame.Surface, moment: Moment, selected: int | None) -> None:
        """The lanes are drawn once per followed task, language and text scale (a long run
        has thousands of spans); each frame adds only the playhead."""
        key = (selected, i18n.generation(), text_scale())
        if self._layer is None or self._layer[0] != key:
            layer = pygame.Surface((W, H))
            drawn, self.drawn = self.drawn, []
            placed = self._lanes_now(layer, selected)
            self._layer = (key, layer, self.drawn, placed)
            self.drawn = drawn
        surface.blit(self._layer[1], TIMELINE, area=TIMELINE)
        self.drawn += self._layer[2]
        self.labels["timeline"] = self._layer[3]
        bar = self.bar()
        x = self.x_of(moment.t)
        pygame.draw.line(surface, P.WHITE, (x, bar.y - 2), (x, bar.bottom), 2)

    def _lanes_now(self, surface: pygame.Surface, selected: int | None) -> list:
        r, bar = TIMELINE, self.bar()
        pygame.draw.rect(surface, (24, 26, 34), r)
        pygame.draw.rect(surface, P.GOLD, r, 2, border_radius=6)
        placer = Placer(r.inflate(-4, -4))
        words = _("tasks over virtual time")
        heading = fit(words, 16, P.GOLD, True, width=r.w - 20, smallest=13)
        rect = heading.get_rect(topleft=(r.x + 10, r.y + px(5)))
        placer.reserve(words, rect)
        self._put(surface, heading, rect, r, words)
        end = self.replay.end
        tick_y = r.y + px(5) + self._header()[0]
        for k in range(5):
            t = end * k / 4
            said = f"{t:g} s"
            tick = label(said, 13, DIM)
            spot = placer.place(said, tick.get_size(), (self.x_of(t), tick_y), "midtop")
            if spot is not None:
                self._put(surface, tick, spot, r, said)
        lanes_h = bar.h
        row_h = max(8, min(px(22), lanes_h // max(1, len(self.lanes))))
        rows = min(len(self.lanes), lanes_h // row_h)
        self.lane_rows = {}
        for block in self.replay.blocks:
            x0, x1 = self.x_of(block["t"]), self.x_of(block["t"] + block["seconds"])
            band = pygame.Surface((max(3, x1 - x0), max(1, rows * row_h)), pygame.SRCALPHA)
            band.fill((200, 40, 40, 90))
            surface.blit(band, (x0, bar.y))
        self._legend(surface, placer, bar.bottom + px(4))
        for k, lane in enumerate(self.lanes[:rows]):
            y = bar.y + k * row_h
            self.lane_rows[lane.id] = pygame.Rect(r.x, y, r.w, row_h)
            if lane.id == selected:
                pygame.draw.rect(surface, (60, 54, 30), (r.x + 4, y, r.w - 8, row_h))
            self._lane(surface, placer, lane, y, row_h)
        return placer.taken

    def _legend(self, surface: pygame.Surface, placer: Placer, y: int) -> None:
        for row in self._legend_rows():
            x = TIMELINE.x + 10
            for said, colour, w in row:
                img = label(said, 13, P.WHITE)
                pygame.draw.rect(surface, colour, (x, y + img.get_height() // 2 - 4, px(14), 8))
                rect = img.get_rect(topleft=(x + px(18), y))
                placer.reserve(said, rect)
                self._put(surface, img, rect, TIMELINE, said)
                x += w + px(20)
            y += height(13) + px(4)

    def _lane(
        self, surface: pygame.Surface, placer: Placer, lane: Lane, y: int, row_h: int
    ) -> None:
        size = min(14, max(6, round(row_h / text_scale())))
        words = shortened(title(lane.name, lane.coro), NAME_W - 14, size, True)
        if words and height(size, True) <= row_h + 2:
            name = label(words, size, colour_of(lane.id), True)
            rect = name.get_rect(midleft=(TIMELINE.x + 10, y + row_h // 2))
            if placer.free(rect):
                placer.reserve(words, rect)
                self._put(surface, name, rect, TIMELINE, words)
        mid = y + row_h // 2
        for t0, t1, state, _kind in lane.spans:
            x0, x1 = self.x_of(t0), self.x_of(t1)
            colour = STATE_COLOURS.get(state, P.WHITE)
            if state == "awaiting":
                colour = KIND_COLOURS.get(_kind or "", colour)
                pygame.draw.rect(surface, colour, (x0, mid - 3, max(1, x1 - x0), 7))
            elif state in ("ready", "created"):
                pygame.draw.rect(surface, colour, (x0, mid - 1, max(1, x1 - x0), 3))
            elif state == "running":
                pygame.draw.rect(surface, colour, (x0 - 1, y + 2, max(3, x1 - x0), row_h - 4))
            elif state in ("failed", "stopped"):
                pygame.draw.circle(surface, colour, (x0, mid), max(3, row_h // 3))

    def lane_at(self, pos: tuple[int, int]) -> int | None:
        return next((i for i, rect in self.lane_rows.items() if rect.collidepoint(pos)), None)

    def pick(self, pos: tuple[int, int]) -> int | None:
        """The task whose character (or lane) is under ``pos``."""
        for task_id, (x, y) in self.spots.items():
            if pygame.Rect(x - 22, y - 80, 44, 84).collidepoint(pos):
                return task_id
        return self.lane_at(pos)

    # -- the bar on top ----------------------------------------------------------------------
    def draw_hud(self, surface: pygame.Surface, moment: Moment, status: str) -> None:
        pygame.draw.rect(surface, (40, 34, 30), HUD)
        record = self.replay.record
        parts = [
            (_("YOUR SCRIPT"), P.GOLD),
            (record["script"], P.WHITE),
            (f"t = {moment.t:.3f} s", P.WHITE),
            (_("step {index}/{count}").format(index=moment.index, count=len(self.replay)), P.WHITE),
            (status, (255, 220, 150)),
        ]
        if moment.finished:
            code = record["exit"]
            parts.append((_("exit {code}").format(code=code), RED if code else (120, 230, 120)))
        x, gap, size = 10, px(14), px(18)
        while (
            size > 12
            and 10 + sum(label(w, size, c, True, fixed=True).get_width() + gap for w, c in parts)
            > W - 10
        ):
            size -= 1  # big text: the bar's words shrink before any is cut
        for words, colour in parts:
            img = label(words, size, colour, True, fixed=True)
            rect = img.get_rect(midleft=(x, HUD.h // 2))
            if rect.right > W - 10:
                break
            self._put(surface, img, rect, HUD, words)
            x = rect.right + gap
        hint = _("SPACE play  RIGHT step  LEFT back  HOME/END  TAB task  H keys")
        keys = label(hint, 14, DIM)
        if x + keys.get_width() <= W - 10:  # no room with big text: H shows every key
            self._put(surface, keys, keys.get_rect(midright=(W - 10, HUD.h // 2)), HUD, hint)


KIND_COLOURS = {
    "sleep": (120, 170, 255),
    "thread": (120, 170, 255),
    "event": (255, 150, 80),
    "queue": (255, 150, 80),
    "lock": (255, 150, 80),
    "task": (200, 140, 255),
    "gather": (200, 140, 255),
    "taskgroup": (200, 140, 255),
    "wait_for": (200, 140, 255),
}
LEGEND = (
    (N_("running"), STATE_COLOURS["running"]),
    (N_("ready"), STATE_COLOURS["ready"]),
    (N_("sleep"), KIND_COLOURS["sleep"]),
    (N_("Event/Queue/Lock"), KIND_COLOURS["event"]),
    (N_("a task"), KIND_COLOURS["task"]),
    (N_("failed"), STATE_COLOURS["failed"]),
    (N_("loop blocked"), (200, 40, 40)),
)


def title(name: str, coro: str) -> str:
    """A task's name as shown: its own, or asyncio's "Task-3" with the coroutine's name."""
    return f"{name} {coro.rsplit('.', 1)[-1]}()" if name.startswith("Task-") else name


def draw_no_script(surface: pygame.Surface, can_run: bool = True) -> None:
    """The scene before any script is loaded: how to bring one (``can_run`` False: in the
    web page, which cannot run one, and says why)."""
    surface.fill(PANEL)
    lines = [
        (_("Your own asyncio script, as the shop"), 30, P.GOLD, True),
    ]
    if not can_run:
        why = _(
            "Not in this web page: a script runs in a Python process of its own, so that "
            "it can never freeze the game, and a web page cannot start one. On a computer "
            "with the game installed:"
        )
        lines.append((why, 20, P.GOLD, False))
    lines += [
        (_("Run it from a terminal, and every task becomes a character:"), 20, P.WHITE, False),
        ("    async-burgers run my_script.py", 22, AWAIT_TEXT, True),
        ("    python main.py run examples/burgers_concurrent.py", 22, AWAIT_TEXT, True),
        (
            _(
                "It runs on real asyncio with a virtual clock: sleeps take no time, and the "
                "run can be paused, stepped, stepped back and seeked. The examples/ folder "
                "has some to try."
            ),
            18,
            CODE_TEXT,
            False,
        ),
        (_("1 / 2 / 3: the shops and the house   4: the levels   H: every key"), 18, DIM, False),
    ]
    y = px(130)
    for text, size, colour, bold in lines:
        for line in wrapped(text, size, bold, W - 80, 4):
            image = label(line, size, colour, bold)
            surface.blit(image, image.get_rect(midtop=(W // 2, y)))
            y += image.get_height() + px(4)
        y += px(10)


def short(task: TaskView) -> str:
    """The bubble's few words for what a task awaits (cut to its table by the placer)."""
    what = awaits_words(task.what or "")
    if task.kind == "sleep":
        return "sleep -> " + (task.what or "").removeprefix("sleep until ")
    return what


def wrapped(text: str, size: int, bold: bool, width: int, most: int) -> list[str]:
    """``text`` in lines of ``width`` pixels at most, ``most`` lines (the last shortened)."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and label(lines[-1] + " " + word, size, (0, 0, 0), bold).get_width() <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = [*lines[: most - 1], " ".join(lines[most - 1 :])]
    return [shortened(line, width, size, bold) for line in lines]


def broken(text: str, size: int, width: int, most: int = 6) -> list[str]:
    """A print in lines of ``width`` pixels, broken at spaces where it can and anywhere
    where it must (a long path, a traceback line), at most ``most`` (the last shortened)."""
    lines: list[str] = []
    rest = text.rstrip() or " "
    while rest and len(lines) < most:
        if label(rest, size, (0, 0, 0)).get_width() <= width:
            lines.append(rest)
            break
        lo, hi = 1, len(rest)  # the longest start that fits, by bisection
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if label(rest[:mid], size, (0, 0, 0)).get_width() <= width:
                lo = mid
            else:
                hi = mid - 1
        cut = rest.rfind(" ", 0, lo + 1)
        cut = cut if cut > lo // 2 else lo
        lines.append(rest[:cut])
        rest = "  " + rest[cut:].lstrip()  # a continued line is indented
    if rest and len(lines) == most and lines[-1] != rest:
        lines[-1] = shortened(lines[-1] + rest.lstrip(), width, size)
    return lines


def clip(image: pygame.Surface, width: int) -> pygame.Surface:
    """``image`` cut at ``width`` pixels (a long line of code, a long print)."""
    if image.get_width() <= width:
        return image
    return image.subsurface((0, 0, max(1, width), image.get_height()))
