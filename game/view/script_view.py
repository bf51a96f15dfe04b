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

import pygame

from ..script.replay import Lane, Moment, Replay, TaskView
from . import palette as P
from .arrows import draw_arrow
from .sheets import Library
from .text import label, outlined

W, H = 1280, 720
HUD = pygame.Rect(0, 0, W, 30)
FLOOR = pygame.Rect(0, 30, 700, 400)
CODE = pygame.Rect(704, 30, 576, 300)
INSPECT = pygame.Rect(704, 334, 576, 160)
CONSOLE = pygame.Rect(704, 498, 576, 218)
TIMELINE = pygame.Rect(0, 434, 700, 282)
WALL_H = 96
COUNTER_AT = (170, 88)  # top-left of the counter, inside the floor rect
SERVED = (250, 276)  # feet of the task at the counter (the one the loop runs)
LINE_X, LINE_GAP = 250, 50  # the line of ready tasks, right to left
LINE_ROWS = (338, 412)
TABLES = [(455 + 95 * c, 178 + 92 * r) for r in range(3) for c in range(3)]  # table centres
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


def colour_of(task_id: int) -> tuple[int, int, int]:
    clothes = P.COUPLE_CLOTHES[(task_id - 1) % len(P.COUPLE_CLOTHES)]
    return clothes[task_id % 2]


def sprite_of(task_id: int) -> str:
    return "boy" if task_id % 2 else "girl"


class ScriptView:
    """Draws one moment of a replayed script; ``pick`` tells which task a click is on."""

    def __init__(self, lib: Library, replay: Replay) -> None:
        self.lib = lib
        self.replay = replay
        self.lanes = replay.lanes()
        self.spots: dict[int, tuple[float, float]] = {}  # task id -> feet, this frame
        self.lane_rows: dict[int, pygame.Rect] = {}
        self._layer: tuple[int | None, pygame.Surface] | None = None  # (followed, timeline)
        self.source = replay.record["source"].splitlines()
        self.floor = self._floor()

    # -- the shop ----------------------------------------------------------------------------
    def _floor(self) -> pygame.Surface:
        """The room, drawn once: wall, floor, door, counter, tables."""
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
        room.blit(label("event loop", 15, P.WHITE, True), (COUNTER_AT[0] + 4, 8))
        return room

    def draw(
        self,
        surface: pygame.Surface,
        moment: Moment,
        selected: int | None,
        clock: float,
        status: str,
    ) -> None:
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
        block = moment.block
        cashier = self.lib.anim("cashier", "idle" if block or not moment.running else "talk")
        feet = (ox + SERVED[0], oy + COUNTER_AT[1] + 40)
        image = cashier.frame_at(0 if block else clock)
        surface.blit(image, (feet[0] - cashier.anchor[0], feet[1] - cashier.anchor[1]))
        counter = self.lib.prop("counter")
        surface.blit(counter, (ox + COUNTER_AT[0], oy + COUNTER_AT[1]))
        surface.blit(self.lib.prop("register"), (ox + COUNTER_AT[0] + 22, oy + COUNTER_AT[1] - 30))
        self._wall_clock(surface, moment)
        self.spots = self._places(moment)
        order = sorted(moment.tasks, key=lambda t: self.spots.get(t.id, (0, 0))[1])
        bubbles: list[tuple[str, tuple[int, int], bool]] = []
        for task in order:
            if task.id in self.spots:
                bubble = self._character(
                    surface,
                    task,
                    self.spots[task.id],
                    task.id == selected,
                    clock,
                    frozen=block is not None,
                )
                if bubble is not None:
                    bubbles.append(bubble)
        for words, at, chosen in sorted(bubbles, key=lambda b: b[2]):  # the followed one on top
            self._bubble(surface, words, at, chosen)
        if block is not None:
            self._frozen(surface, block, feet)
        elif moment.cpu is not None:
            self._computing(surface, moment.cpu, feet)
        self._arrows(surface, moment)
        hidden = sum(1 for t in moment.tasks if t.id not in self.spots and not t.ended)
        if hidden:
            surface.blit(outlined(f"+{hidden} more", 16, P.WHITE, P.INK), (ox + 8, oy + 372))
        done = sum(1 for t in moment.tasks if t.state in ("done", "cancelled"))
        words = outlined(f"left: {done}", 15, P.WHITE, P.INK)
        surface.blit(words, (ox + DOOR[0] + 80, oy + DOOR[1] + 2))

    def _wall_clock(self, surface: pygame.Surface, moment: Moment) -> None:
        x, y = FLOOR.x + CLOCK[0], FLOOR.y + CLOCK[1]
        surface.blit(self.lib.prop("clock"), (x - 13, y - 13))
        words = outlined(f"{moment.t:.2f} s", 16, P.WHITE, P.INK)
        surface.blit(words, words.get_rect(midright=(x - 18, y)))

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

    def _character(
        self,
        surface: pygame.Surface,
        task: TaskView,
        feet: tuple[float, float],
        chosen: bool,
        clock: float,
        frozen: bool,
    ) -> tuple[str, tuple[int, int], bool] | None:
        """Draws the task; returns its bubble (words, where, followed), drawn after all."""
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
        name = outlined(
            title(task.name, task.coro), 14, STATE_COLOURS.get(task.state, P.WHITE), P.INK
        )
        top = y - anim.anchor[1] - 2
        lift = 0
        if task.waiting_in_line:
            lift = 14 * ((LINE_X - (x - FLOOR.x)) // LINE_GAP % 2)
        elif task.state in ("done", "cancelled"):
            lift = 14 * ((x - FLOOR.x - 70) // 30 % 2)  # side by side at the door
        surface.blit(name, name.get_rect(midbottom=(x, top - lift)))
        if task.state in ("failed", "stopped"):
            for a, b in (((-9, -9), (9, 9)), ((-9, 9), (9, -9))):
                pygame.draw.line(
                    surface, RED, (x + a[0], top - 22 + a[1]), (x + b[0], top - 22 + b[1]), 4
                )
        if task.state == "awaiting" and task.what:
            words = task.what if chosen else short(task)
            return words, (x + 30 if facing > 0 else x - 30, y + 34), chosen
        return None

    def _bubble(
        self, surface: pygame.Surface, words: str, at: tuple[int, int], chosen: bool
    ) -> None:
        text = label(words, 13, P.INK, chosen)
        box = text.get_rect(midtop=at).inflate(8, 4)
        box.clamp_ip(FLOOR)
        pygame.draw.rect(surface, P.WHITE, box, border_radius=5)
        pygame.draw.rect(surface, P.GOLD if chosen else P.INK, box, 1, border_radius=5)
        surface.blit(text, text.get_rect(center=box.center))

    def _frozen(self, surface: pygame.Surface, block: dict, feet: tuple[int, int]) -> None:
        """The loop held by a blocking call: the cashier sweats, a banner says where."""
        surface.blit(self.lib.prop("sweat"), (feet[0] + 12, feet[1] - 78))
        words = (
            f"the loop is blocked: line {block['line']} holds it {block['seconds']:g} s; "
            "everyone else waits"
        )
        self._banner(surface, words)

    def _computing(self, surface: pygame.Surface, cpu: dict, feet: tuple[int, int]) -> None:
        """A CPU-bound step: no await for a while, so the loop is held the same way."""
        surface.blit(self.lib.prop("sweat"), (feet[0] + 12, feet[1] - 78))
        words = (
            f"the loop is held: line {cpu['line']} computed {cpu['seconds']:g} s "
            "(wall clock) without an await; everyone else waits"
        )
        self._banner(surface, words)

    def _banner(self, surface: pygame.Surface, words: str) -> None:
        banner = label(words, 17, P.WHITE, True)
        box = banner.get_rect(midbottom=(FLOOR.centerx, FLOOR.bottom - 6)).inflate(16, 8)
        pygame.draw.rect(surface, (150, 30, 30), box, border_radius=6)
        pygame.draw.rect(surface, P.INK, box, 2, border_radius=6)
        surface.blit(clip(banner, FLOOR.w - 24), banner.get_rect(center=box.center))

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
        surface.blit(label(self.replay.record["script"], 20, P.GOLD, True), (r.x + 10, r.y + 6))
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
        line_h, top = 16, r.y + 30
        room = (r.bottom - top - 6) // line_h
        first = 0
        if focus is not None and len(self.source) > room:
            first = max(0, min(focus - 1 - room // 2, len(self.source) - room))
        block_line = moment.block["line"] if moment.block else None
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
            surface.blit(label(f"{n:3d}", 14, DIM), (r.x + 8, y + 1))
            colour = AWAIT_TEXT if "await" in text else CODE_TEXT
            surface.blit(clip(label(text, 15, colour), r.w - 44 - 120), (r.x + 40, y))
            x = r.right - 8
            for task in reversed(at_line.get(n, [])[:4]):
                tag = label(task.name, 12, P.INK, True)
                box = tag.get_rect(topright=(x, y + 1)).inflate(6, 0)
                pygame.draw.rect(surface, colour_of(task.id), box, border_radius=4)
                if task.id == selected:
                    pygame.draw.rect(surface, P.GOLD, box, 2, border_radius=4)
                surface.blit(tag, tag.get_rect(center=box.center))
                x = box.left - 3

    def draw_inspector(self, surface: pygame.Surface, moment: Moment, selected: int | None) -> None:
        r = INSPECT
        pygame.draw.rect(surface, (24, 26, 34), r)
        pygame.draw.rect(surface, P.GOLD, r, 2, border_radius=6)
        task = moment.task(selected)
        x, y = r.x + 10, r.y + 6
        if task is None:
            surface.blit(label("Inspector", 20, P.GOLD, True), (x, y))
            hint = "Click a character or a lane (or press TAB) to follow a task."
            surface.blit(label(hint, 15, P.WHITE), (x, y + 26))
            return
        title = f"{task.name}: {task.coro}()"
        surface.blit(clip(label(title, 20, P.GOLD, True), r.w - 20), (x, y))
        y += 24
        state = label(f"{task.state}", 17, STATE_COLOURS.get(task.state, P.WHITE), True)
        surface.blit(state, (x, y))
        where = f"  since {task.since:g} s" + (f", line {task.line}" if task.line else "")
        surface.blit(label(where, 15, P.WHITE), (x + state.get_width(), y + 2))
        y += 20
        lines = self._inspector_lines(task, moment)
        for text, colour in lines[: (r.bottom - y - 4) // 17]:
            surface.blit(clip(label(text, 15, colour), r.w - 20), (x, y))
            y += 17

    def _inspector_lines(self, task: TaskView, moment: Moment) -> list[tuple[str, tuple]]:
        names = {t["id"]: t["name"] for t in self.replay.tasks}
        lines: list[tuple[str, tuple]] = []
        if task.state == "awaiting" and task.what:
            lines.append((f"awaits {task.what}", AWAIT_TEXT))
        if task.chain:
            calls = "  ->  ".join(f"{name} {file}:{line}" for name, file, line in task.chain)
            lines.append((f"await chain: {calls}", (255, 220, 150)))
        if task.state in ("ready", "running") and task.by is not None:
            lines.append((f"woken by {names.get(task.by, task.by)}", P.GOLD))
        if task.state == "running" and moment.cpu is not None:
            seconds = moment.cpu["seconds"]
            lines.append((f"this step computed {seconds:g} s without an await (CPU-bound)", RED))
        if task.state == "running" and moment.block is not None:
            lines.append((f"holds the loop: a blocking call at line {moment.block['line']}", RED))
        if task.state == "ready":
            lines.append(("ready: waits in line for the loop to run it", (120, 230, 120)))
        made = f"created at line {task.created_line}" if task.created_line else "created"
        if task.created_by is not None:
            made += f" by {names.get(task.created_by, task.created_by)}"
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
        surface.blit(label("console", 17, P.GOLD, True), (r.x + 10, r.y + 5))
        line_h = 16
        room = (r.h - 30) // line_h
        shown = moment.output[-room:]
        y = r.y + 26
        for entry in shown:
            colour = (255, 150, 150) if entry["stream"] == "stderr" else (220, 220, 220)
            stamp = label(f"{entry['t']:9.3f}", 14, DIM)
            surface.blit(stamp, (r.x + 8, y + 1))
            surface.blit(clip(label(entry["text"], 15, colour), r.w - 90), (r.x + 78, y))
            y += line_h
        stop = moment.stop
        if stop is not None:
            where = f"line {stop['line']}: " if stop.get("line") else ""
            words = label(where + stop["message"], 15, (255, 200, 90), True)
            surface.blit(clip(words, r.w - 16), (r.x + 8, r.bottom - 20))

    # -- the timeline ----------------------------------------------------------------------
    def bar(self) -> pygame.Rect:
        r = TIMELINE
        return pygame.Rect(r.x + NAME_W, r.y + 24, r.w - NAME_W - 12, r.h - 30)

    def x_of(self, t: float) -> int:
        bar, end = self.bar(), max(self.replay.end, 1e-9)
        return bar.x + round(min(max(t / end, 0.0), 1.0) * bar.w)

    def time_at(self, x: int) -> float:
        bar = self.bar()
        return min(max((x - bar.x) / max(1, bar.w), 0.0), 1.0) * self.replay.end

    def draw_timeline(self, surface: pygame.Surface, moment: Moment, selected: int | None) -> None:
        """The lanes are drawn once per followed task (a long run has thousands of spans);
        each frame adds only the playhead."""
        if self._layer is None or self._layer[0] != selected:
            layer = pygame.Surface((W, H))
            self._lanes_now(layer, selected)
            self._layer = (selected, layer)
        surface.blit(self._layer[1], TIMELINE, area=TIMELINE)
        bar = self.bar()
        x = self.x_of(moment.t)
        pygame.draw.line(surface, P.WHITE, (x, bar.y - 4), (x, bar.bottom), 2)

    def _lanes_now(self, surface: pygame.Surface, selected: int | None) -> None:
        r, bar = TIMELINE, self.bar()
        pygame.draw.rect(surface, (24, 26, 34), r)
        pygame.draw.rect(surface, P.GOLD, r, 2, border_radius=6)
        surface.blit(label("tasks over virtual time", 16, P.GOLD, True), (r.x + 10, r.y + 5))
        end = self.replay.end
        for k in range(5):
            t = end * k / 4
            tick = label(f"{t:g} s", 13, DIM)
            surface.blit(tick, tick.get_rect(midtop=(self.x_of(t), r.y + 7)))
        row_h = max(8, min(22, (bar.h - 20) // max(1, len(self.lanes))))
        rows = min(len(self.lanes), (bar.h - 20) // row_h)
        self.lane_rows = {}
        for block in self.replay.blocks:
            x0, x1 = self.x_of(block["t"]), self.x_of(block["t"] + block["seconds"])
            band = pygame.Surface((max(3, x1 - x0), max(1, rows * row_h)), pygame.SRCALPHA)
            band.fill((200, 40, 40, 90))
            surface.blit(band, (x0, bar.y))
        self._legend(surface, bar.bottom - 14)
        for k, lane in enumerate(self.lanes[:rows]):
            y = bar.y + k * row_h
            self.lane_rows[lane.id] = pygame.Rect(r.x, y, r.w, row_h)
            if lane.id == selected:
                pygame.draw.rect(surface, (60, 54, 30), (r.x + 4, y, r.w - 8, row_h))
            self._lane(surface, lane, y, row_h)

    def _legend(self, surface: pygame.Surface, y: int) -> None:
        x = TIMELINE.x + 10
        for words, colour in LEGEND:
            pygame.draw.rect(surface, colour, (x, y + 3, 14, 8))
            img = label(words, 13, P.WHITE)
            surface.blit(img, (x + 18, y))
            x += img.get_width() + 34

    def _lane(self, surface: pygame.Surface, lane: Lane, y: int, row_h: int) -> None:
        name = label(title(lane.name, lane.coro), min(14, row_h), colour_of(lane.id), True)
        surface.blit(
            clip(name, NAME_W - 14), (TIMELINE.x + 10, y + (row_h - name.get_height()) // 2)
        )
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
            ("YOUR SCRIPT", P.GOLD),
            (record["script"], P.WHITE),
            (f"t = {moment.t:.3f} s", P.WHITE),
            (f"step {moment.index}/{len(self.replay)}", P.WHITE),
            (status, (255, 220, 150)),
        ]
        if moment.finished:
            parts.append((f"exit {record['exit']}", RED if record["exit"] else (120, 230, 120)))
        x = 10
        for words, colour in parts:
            img = label(words, 18, colour, True)
            surface.blit(img, (x, (HUD.h - img.get_height()) // 2))
            x += img.get_width() + 18
        keys = label("SPACE play  RIGHT step  LEFT back  HOME/END  TAB task  ESC quit", 14, DIM)
        surface.blit(keys, keys.get_rect(midright=(W - 10, HUD.h // 2)))


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
    ("running", STATE_COLOURS["running"]),
    ("ready", STATE_COLOURS["ready"]),
    ("sleep", KIND_COLOURS["sleep"]),
    ("Event/Queue/Lock", KIND_COLOURS["event"]),
    ("a task", KIND_COLOURS["task"]),
    ("failed", STATE_COLOURS["failed"]),
    ("loop blocked", (200, 40, 40)),
)


def title(name: str, coro: str) -> str:
    """A task's name as shown: its own, or asyncio's "Task-3" with the coroutine's name."""
    return f"{name} {coro.rsplit('.', 1)[-1]}()" if name.startswith("Task-") else name


def draw_no_script(surface: pygame.Surface) -> None:
    """The scene before any script is loaded: how to bring one."""
    surface.fill(PANEL)
    lines = [
        ("Your own asyncio script, as the shop", 30, P.GOLD, True),
        ("Run it from a terminal, and every task becomes a character:", 20, P.WHITE, False),
        ("    async-burgers run my_script.py", 22, AWAIT_TEXT, True),
        ("    python main.py run examples/burgers_concurrent.py", 22, AWAIT_TEXT, True),
        (
            "It runs on real asyncio with a virtual clock: sleeps take no time, and the run can",
            18,
            CODE_TEXT,
            False,
        ),
        (
            "be paused, stepped, stepped back and seeked. The examples/ folder has some to try.",
            18,
            CODE_TEXT,
            False,
        ),
        ("1 / 2 / 3: the shops and the house   4: the levels   H: every key", 18, DIM, False),
    ]
    y = 160
    for text, size, colour, bold in lines:
        image = label(text, size, colour, bold)
        surface.blit(image, image.get_rect(midtop=(W // 2, y)))
        y += image.get_height() + 14


def short(task: TaskView) -> str:
    """The bubble's few words for what a task awaits."""
    what = task.what or ""
    if task.kind == "sleep":
        return what.replace("sleep until ", "sleep -> ")
    return what if len(what) <= 16 else what[:15] + "\u2026"


def clip(image: pygame.Surface, width: int) -> pygame.Surface:
    """``image`` cut at ``width`` pixels (a long line of code, a long print)."""
    if image.get_width() <= width:
        return image
    return image.subsurface((0, 0, max(1, width), image.get_height()))
