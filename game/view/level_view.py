"""Painters of "When async goes wrong": the level menu, the question card, the loop-blocked
banner and the frozen marks, the coroutine slip, the mistake's code (and its fix as a
diff) and the result card. Each draws from the model and the level's data, nothing else.
"""

from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable, Sequence
from functools import lru_cache

import pygame

from ..i18n import N_, _, ngettext
from ..scheduler import Task
from ..scheduler.aio import NEVER_RETRIEVED
from ..shop import Shop
from ..shop.levels import Level, Result
from ..shop.people import Couple, Person
from . import palette as P
from . import words
from .code_view import state_words
from .hud import clock_text
from .placer import Placer
from .shop_view import frozen_people
from .story_card import wrap
from .text import fit, fitted, label, outlined, px, text_scale

RED = (255, 110, 100)
GREEN = (120, 230, 130)
AMBER = (255, 200, 90)
PAPER = (255, 250, 235)
DIM = (150, 145, 160)
Point = tuple[float, float]
ToScreen = Callable[[Point], tuple[int, int]]


def _panel(surface: pygame.Surface, rect: pygame.Rect, edge: tuple[int, int, int]) -> None:
    shade = pygame.Surface(rect.size, pygame.SRCALPHA)
    shade.fill((16, 18, 24, 236))
    surface.blit(shade, rect)
    pygame.draw.rect(surface, edge, rect, 2, border_radius=6)


def _fit(text: str, size: int, colour: tuple[int, int, int], width: int, bold: bool = False):
    """One line of text, cut with an ellipsis to ``width``."""
    img = label(text, size, colour, bold)
    while img.get_width() > width and len(text) > 4:
        text = text[:-3]
        img = label(text + "\u2026", size, colour, bold)
    return img


# -- the menu -------------------------------------------------------------------------------
MENU_LETTERS = "ABCD"  # the keys of the first four rows; UP / DOWN and ENTER reach every row


def menu_rows(size: tuple[int, int], count: int) -> list[pygame.Rect]:
    """One wide row a level up to four; more, two columns of rows (level 1 top left)."""
    w, _ = size
    if count <= 4:
        return [pygame.Rect(w // 2 - 470, 210 + i * 108, 940, 96) for i in range(count)]
    per = (count + 1) // 2
    step = min(108, 420 // per)  # clear of the kitchen's row under them
    return [
        pygame.Rect(w // 2 - 600 + (i // per) * 610, 210 + (i % per) * step, 590, step - 10)
        for i in range(count)
    ]


def draw_menu(
    surface: pygame.Surface,
    levels: Sequence[Level],
    predicted: dict[str, bool],
    solved: set[str],
    chosen: int | None = None,
) -> list[pygame.Rect]:
    """The level list, a tick by each solved level, the row ``chosen`` by UP / DOWN
    outlined; returns each row's rectangle."""
    w, h = surface.get_size()
    surface.fill((28, 24, 34))
    title = outlined(_("WHEN ASYNC GOES WRONG"), 52, AMBER, P.INK)
    surface.blit(title, title.get_rect(midtop=(w // 2, 46)))
    sub = _("Classic mistakes: predict what happens, watch it break, then fix it.")
    surface.blit(label(sub, 26, P.WHITE), label(sub, 26, P.WHITE).get_rect(midtop=(w // 2, 116)))
    right, n = sum(predicted.values()), len(levels)
    score = _("predictions right: {right} of {n}    levels solved: {solved} of {n}").format(
        right=right, n=n, solved=len(solved)
    )
    img = label(score, 24, GREEN, True)
    surface.blit(img, img.get_rect(midtop=(w // 2, 160)))
    rects = menu_rows((w, h), len(levels))
    for index, (level, rect) in enumerate(zip(levels, rects, strict=False)):
        letter = MENU_LETTERS[index] if index < len(MENU_LETTERS) else str(level.number)
        pygame.draw.rect(surface, (48, 42, 58), rect, border_radius=10)
        pygame.draw.rect(surface, AMBER if level.name in solved else DIM, rect, 2, border_radius=10)
        if index == chosen:
            pygame.draw.rect(surface, P.WHITE, rect.inflate(6, 6), 3, border_radius=12)
        key = label(letter, 40, AMBER if index < len(MENU_LETTERS) else DIM, True)
        surface.blit(key, key.get_rect(center=(rect.x + 40, rect.centery)))
        # the marks first, right-aligned: the title and the command line give way to them
        big = text_scale() > 1.0  # big text: the marks go on the lower line, by the command
        compact = rect.height < 80  # eleven levels: lower rows, smaller text in them
        title_size, command_size = (26, 19) if compact else (30, 22)
        # the command line under the title (on low rows: at the row's foot)
        line_y = rect.bottom - (27 if big else 24) if compact else rect.y + (54 if big else 56)
        mark_y = line_y + 16 if big else rect.centery
        mx = rect.right - 20
        if level.name in solved:  # "solved" with its tick (drawn: the font has no check mark)
            img = label(_("solved"), 24, GREEN, True)
            mx -= img.get_width()
            surface.blit(img, (mx, mark_y - img.get_height() // 2))
            pygame.draw.lines(
                surface,
                GREEN,
                False,
                [(mx - 30, mark_y), (mx - 22, mark_y + 9), (mx - 8, mark_y - 10)],
                5,
            )
            mx -= 60
        if level.name in predicted:  # the first prediction, right or wrong: no tick
            right = predicted[level.name]
            text = _("predicted right") if right else _("predicted wrong")
            img = label(text, 22, GREEN if right else RED)
            mx -= img.get_width()
            surface.blit(img, (mx, mark_y - img.get_height() // 2))
        title_room = (rect.right - 20 if big else mx - 16) - (rect.x + 80)
        title = fitted(f"{level.number}. {_(level.title)}", title_size, P.WHITE, title_room, True)
        surface.blit(title, (rect.x + 80, rect.y + (3 if compact else 8 if big else 14)))
        command = _("--level {name}   ({part} plays the mistake)").format(
            name=level.name, part=_(level.part)
        )
        command_room = mx - 16 - (rect.x + 80)
        surface.blit(fitted(command, command_size, DIM, command_room), (rect.x + 80, line_y))
    hint = _(
        "A - D, UP / DOWN + ENTER or click: play a level      1 / 2 / 3: back to the shops"
        "      H: help"
    )
    img = label(hint, 22, DIM)
    surface.blit(img, img.get_rect(midbottom=(w // 2, h - 18)))
    return rects


# -- predict ----------------------------------------------------------------------------------
def question_rects(size: tuple[int, int], level: Level) -> tuple[pygame.Rect, list[pygame.Rect]]:
    w, h = size
    card = pygame.Rect(0, 0, 1000, 210 + 62 * len(level.answers))
    card.center = (w // 2, h // 2 + 10)
    answers = [
        pygame.Rect(card.x + 30, card.y + 160 + 62 * i, card.w - 60, 52)
        for i in range(len(level.answers))
    ]
    return card, answers


def draw_question(surface: pygame.Surface, level: Level) -> list[pygame.Rect]:
    """The prediction card; returns each answer's rectangle (for clicks)."""
    card, answers = question_rects(surface.get_size(), level)
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill((0, 0, 0, 120))
    surface.blit(shade, (0, 0))
    pygame.draw.rect(surface, PAPER, card, border_radius=12)
    pygame.draw.rect(surface, P.WARM_LABEL, card, 4, border_radius=12)
    head = _("LEVEL {number}: {title} - PREDICT").format(
        number=level.number, title=_(level.title).upper()
    )
    surface.blit(label(head, 26, P.WARM_LABEL, True), (card.x + 28, card.y + 18))
    for i, line in enumerate(wrap(_(level.question), 30, card.w - 60)[:3]):
        surface.blit(label(line, 30, P.INK), (card.x + 28, card.y + 58 + 34 * i))
    for letter, answer, rect in zip(level.letters, level.answers, answers, strict=True):
        pygame.draw.rect(surface, (245, 232, 205), rect, border_radius=8)
        pygame.draw.rect(surface, (200, 170, 120), rect, 2, border_radius=8)
        key = label(letter, 30, P.WARM_LABEL, True)
        surface.blit(key, key.get_rect(center=(rect.x + 28, rect.centery)))
        surface.blit(label(_(answer), 26, P.INK), (rect.x + 60, rect.y + 12))
    hint = label(
        _("press A, B, C or D (or click an answer), then watch it run"), 22, (120, 110, 100)
    )
    surface.blit(hint, hint.get_rect(bottomright=(card.right - 18, card.bottom - 10)))
    return answers


# -- watch: what the loop does ----------------------------------------------------------------
def draw_block_banner(
    surface: pygame.Surface,
    shop: Shop,
    at: tuple[int, int],
    width: int = 1280,
    placer: Placer | None = None,
) -> None:
    """'THE LOOP IS BLOCKED 3.4 s' while a plain call holds it; nothing otherwise. Never
    wider than ``width`` (big text shrinks it to fit, then cuts the call's name short)."""
    busy = shop.kernel.busy
    if busy is None:
        return
    blocked = shop.now - busy.start
    text = _("THE LOOP IS BLOCKED {seconds} s  -  {name} is inside {call}").format(
        seconds=f"{blocked:4.1f}", name=words.name(busy.task.name), call=busy.what
    )
    img = fit(text, 26, (255, 255, 255), True, width=width - 24, smallest=18)
    if img.get_width() > width - 24:  # at scale 1 too: a long translation shrinks
        img = fitted(text, 26, (255, 255, 255), width - 24, True, least=16)
    rect = img.get_rect(midtop=at).inflate(24, 10)
    pygame.draw.rect(surface, (190, 40, 40), rect, border_radius=8)
    pygame.draw.rect(surface, (255, 220, 120), rect, 2, border_radius=8)
    surface.blit(img, img.get_rect(center=rect.center))
    if placer is not None:
        placer.add_fixed(rect)


def draw_frozen_marks(
    surface: pygame.Surface, shop: Shop, to_screen: ToScreen, placer: Placer | None = None
) -> None:
    """'ready, but the loop is busy' over everyone who is due to go on and cannot, each
    where the placer finds room (neighbours' labels never overlap, nor cover a head)."""
    frozen = frozen_people(shop)
    if not frozen:
        return
    placer = placer or Placer(surface.get_rect())
    t = shop.now
    people: list[Person] = [s for s in shop.staff if id(s) in frozen]
    for couple in shop.couples:
        if any(id(p) in frozen for p in couple.people):
            people.append(couple.you)
    for person in people:
        if not person.visible:
            continue
        x, y = person.position_at(t)
        late = t - frozen.get(id(person), frozen.get(id(_partner(shop, person)), t))
        text = _("ready, but the loop is busy {seconds}s").format(seconds=f"{late:.1f}")
        lines = [label(line, 14, P.INK, True) for line in wrap(text, 14, px(110))]
        line_h = lines[0].get_height() + 1
        size = (max(i.get_width() for i in lines) + 8, 2 + line_h * len(lines))
        sx, sy = to_screen((x + 17 if person.role == "boy" else x, y - 102))
        rect = placer.place(size, (sx, sy), step=6)
        if rect is None:
            continue
        pygame.draw.rect(surface, (255, 225, 110), rect, border_radius=5)
        pygame.draw.rect(surface, P.INK, rect, 1, border_radius=5)
        for i, img in enumerate(lines):
            surface.blit(img, img.get_rect(midtop=(rect.centerx, rect.y + 1 + line_h * i)))


def draw_thinking(
    surface: pygame.Surface, shop: Shop, to_screen: ToScreen, placer: Placer | None = None
) -> None:
    """Level 3: who is working the recipe out (the cook on the loop, or the worker)."""
    placer = placer or Placer(surface.get_rect())
    t = shop.now
    for person in [*shop.staff, *shop.helpers]:
        if person.shown_at(t)[0] != "working out a recipe":
            continue
        x, y = person.position_at(t)
        text = (
            _("working out a recipe, on a worker")
            if person in shop.helpers
            else _("working out a recipe, on the loop")
        )
        img = label(text, 14, P.INK, True)
        size = (img.get_width() + 8, img.get_height() + 4)
        rect = placer.place(size, to_screen((x, y - 104)), step=6)
        if rect is None:
            continue
        pygame.draw.rect(surface, (200, 235, 255), rect, border_radius=5)
        pygame.draw.rect(surface, P.INK, rect, 1, border_radius=5)
        surface.blit(img, img.get_rect(center=rect.center))


def _sign(
    surface: pygame.Surface,
    text: str,
    colour: tuple[int, int, int],
    at: tuple[float, float],
    placer: Placer,
) -> None:
    lines = [label(line, 14, P.INK, True) for line in wrap(text, 14, px(220))]
    line_h = lines[0].get_height() + 1
    size = (max(i.get_width() for i in lines) + 10, 4 + line_h * len(lines))
    rect = placer.place(size, (int(at[0]), int(at[1])), step=6)
    if rect is None:
        return
    pygame.draw.rect(surface, colour, rect, border_radius=5)
    pygame.draw.rect(surface, P.INK, rect, 1, border_radius=5)
    for i, img in enumerate(lines):
        surface.blit(img, img.get_rect(midtop=(rect.centerx, rect.y + 2 + line_h * i)))


def draw_closing(
    surface: pygame.Surface, shop: Shop, to_screen: ToScreen, placer: Placer | None = None
) -> None:
    """Level 10: from closing time on, a sign by the door: closed, or still open because a
    cancelled task has not stopped."""
    closing, t = shop.closing_at, shop.now
    if closing is None or t < closing:
        return
    placer = placer or Placer(surface.get_rect())
    closed = shop.closed_at
    if closed is not None and t >= closed:
        text = _("CLOSED at {time}: every task stopped when cancelled")
        text = text.format(time=clock_text(closed))
        colour = (170, 235, 170)
    else:
        text = _("closing time was {time}: a task swallowed its cancellation, still open")
        text = text.format(time=clock_text(closing))
        colour = (255, 170, 160)
    x, y = shop.layout.door
    _sign(surface, text, colour, to_screen((x + 110, y + 110)), placer)


def draw_for_nobody(
    surface: pygame.Surface, shop: Shop, to_screen: ToScreen, placer: Placer | None = None
) -> None:
    """Level 11: the fountain out of order, and the trays fetched by an errand whose couple
    had already gone."""
    placer = placer or Placer(surface.get_rect())
    fountain = shop.fountain
    if fountain is not None and fountain.breaks_at is not None and shop.now >= fountain.breaks_at:
        x, y = fountain.spot
        _sign(surface, _("OUT OF ORDER"), (255, 170, 160), to_screen((x - 40, y - 140)), placer)
    n = shop.for_nobody
    if not n:
        return
    text = ngettext(
        "{n} tray fetched for nobody: an errand ran on after its couple had gone",
        "{n} trays fetched for nobody: errands ran on after their couples had gone",
        n,
    ).format(n=n)
    x, y = shop.layout.pickup_spot
    _sign(surface, text, (255, 225, 110), to_screen((x + 60, y + 150)), placer)


def _partner(shop: Shop, person: Person) -> Person | None:
    for couple in shop.couples:
        if person is couple.you:
            return couple.crush
    return None


def draw_slip(
    surface: pygame.Surface,
    couple: Couple,
    what: object,
    to_screen: ToScreen,
    bounds: pygame.Rect,
    placer: Placer | None = None,
) -> None:
    """Level 2: the slip they hold instead of a ticket: the real repr of what they got,
    over their table, clear of the heads there (the top row's too) and of other labels."""
    if couple.table is None or not couple.you.seated:
        return
    placer = placer or Placer(bounds)
    cx, cy = couple.table.center
    img = label(f"number = {what!r}", 14, P.INK)
    size = (img.get_width() + 10, img.get_height() + 8)
    x, y = to_screen((cx, cy - 40))
    x = min(x, bounds.right - 4 - size[0] // 2)
    rect = placer.place(size, (x, y), step=5, ways=((0, 1), (0, -1), (-1, 0), (1, 0)))
    if rect is None:
        return
    pygame.draw.rect(surface, PAPER, rect, border_radius=3)
    pygame.draw.rect(surface, RED, rect, 2, border_radius=3)
    surface.blit(img, img.get_rect(center=rect.center))


# -- code: the mistake, and the fix as a diff ---------------------------------------------------
@lru_cache(maxsize=16)
def source_lines(fn: Callable[..., object]) -> tuple[int, tuple[str, ...]]:
    lines, start = inspect.getsourcelines(fn)
    return start, tuple(line.rstrip("\n") for line in lines)


def mistake_line(fn: Callable[..., object]) -> int:
    """The line number of the ``# MISTAKE`` (or ``# FIX``) the level points at."""
    start, lines = source_lines(fn)
    for i, line in enumerate(lines):
        if "# MISTAKE" in line or "# FIX" in line:
            return start + i
    return start


def fix_diff(level: Level) -> list[tuple[str, str]]:
    """The change from the broken actor to the fixed one: ('-', line), ('+', line), and a
    line of context either side (' ', line), from the two functions' real sources."""

    def code(fn: Callable[..., object]) -> list[str]:  # no docstring, comments, blank lines
        _, lines = source_lines(fn)
        return [s.split("  #")[0].rstrip() for s in lines if '"""' not in s and s.strip()]

    body_old, body_new = code(level.broken_actor), code(level.fixed_actor)
    out: list[tuple[str, str]] = []
    for line in difflib.unified_diff(body_old[1:], body_new[1:], lineterm="", n=1):
        if line.startswith(("---", "+++", "@@")):
            continue
        out.append((line[0], line[1:]))
    return out


def draw_code(
    surface: pygame.Surface,
    rect: pygame.Rect,
    level: Level,
    task: Task | None,
    fixed: bool,
    shop: Shop | None = None,
) -> None:
    """Watching: the broken actor from its source, the mistake marked as the cause and the
    task's paused line marked. Fixed: the diff, wrong line -> right line."""
    _panel(surface, rect, AMBER)
    x, y = rect.x + 10, rect.y + 6
    if fixed:
        surface.blit(
            label(
                _("The fix: {function}").format(function=level.fixed_actor.__name__),
                22,
                GREEN,
                True,
            ),
            (x, y),
        )
        y += 28
        diff = fix_diff(level)
        step = max(15, min(19, (rect.bottom - 6 - y) // max(1, len(diff))))  # a long fix fits
        size = 16 if step >= 18 else 14
        room = (rect.bottom - 6 - y) // step
        if len(diff) > room:  # still too long: its start, and a line that says so
            diff = [*diff[: room - 1], (" ", "...")]
        for sign, text in diff:
            colour = {"-": RED, "+": GREEN}.get(sign, (200, 200, 200))
            if sign in "-+":
                band = pygame.Surface((rect.w - 8, step - 1), pygame.SRCALPHA)
                band.fill((*colour, 50))
                surface.blit(band, (rect.x + 4, y - 1))
            surface.blit(_fit(f"{sign} {text.rstrip()}", size, colour, rect.w - 24), (x, y))
            y += step
        return
    fn = level.broken_actor
    start, lines = source_lines(fn)
    cause = mistake_line(fn)
    frames = task.stack() if task is not None and task.alive else []
    own = [f for f in frames if f.code is fn.__code__]  # a request's handler runs the endpoint
    paused = (own or frames)[0].lineno if frames else None
    where = state_words(task) if task is not None and task.alive else ""
    busy = shop.kernel.busy if shop is not None else None
    if shop is not None and busy is not None and busy.task is task:  # still in the plain call
        paused = cause
        where = _("running, inside {call} ({seconds} of {total} s): no await to hand over at")
        where = where.format(
            call=busy.what, seconds=f"{shop.now - busy.start:.1f}", total=f"{busy.seconds:.1f}"
        )
    who = words.name(task.name) if task is not None else _(level.part)
    surface.blit(
        label(
            _("{who}: async def {function}").format(who=who, function=fn.__name__), 20, AMBER, True
        ),
        (x, y),
    )
    y += 24
    room = (rect.bottom - 30 - y) // 16
    body = list(enumerate(lines))[1:]
    first = max(0, min(cause - start - 1 - room // 2, len(body) - room))
    for i, line in body[first : first + room]:
        n = start + i
        if n == cause:
            pygame.draw.rect(
                surface, (110, 30, 30), (rect.x + 4, y - 1, rect.w - 8, 17), border_radius=3
            )
        if n == paused:
            pygame.draw.polygon(surface, AMBER, [(x, y + 2), (x + 9, y + 8), (x, y + 14)])
        colour = (
            (255, 200, 190)
            if n == cause
            else ((150, 200, 255) if "await" in line else (215, 215, 215))
        )
        surface.blit(label(f"{n:4d}", 14, (120, 120, 140)), (x + 12, y + 1))
        surface.blit(_fit(line, 15, colour, rect.w - 70), (x + 52, y))
        y += 16
    note = _("the cause: line {line}").format(line=cause)
    if paused:
        note += "    " + _("line {line}: {state}").format(line=paused, state=where)
    surface.blit(_fit(note, 16, RED, rect.w - 20, True), (x, rect.bottom - 24))


# -- the result card ----------------------------------------------------------------------------
RESULT_ROWS: tuple[tuple[str, str, str], ...] = (
    ("mean_wait", N_("mean wait, paid -> all in hand"), "{:.1f} s"),
    ("mean_visit", N_("mean time, door -> all in hand"), "{:.1f} s"),
    ("served", N_("couples served"), "{:d}"),
    ("blocked_seconds", N_("seconds the loop was blocked"), "{:.1f} s"),
    ("never_served", N_("couples who never got burgers"), "{:d}"),
)

LEVEL_ROWS: dict[str, tuple[str, str]] = {  # figures only some levels have (goals.py)
    "closing_delay": (N_("seconds open after closing time"), "{:.0f} s"),
    "orphans": (N_("errands run on after their couple left"), "{:d}"),
}


def proof_text(level: Level, broken: Result, fixed: Result) -> str:
    """The result card's headline: the level's lesson in the figures of the two days."""
    b, f = broken.outcome, fixed.outcome
    figures = {}
    for side, out in (("broken", b), ("fixed", f)):
        figures[f"{side}_blocked"] = f"{out.blocked_seconds:.0f}"
        figures[f"{side}_wait"] = f"{out.mean_wait:.1f}"
        figures[f"{side}_never"] = f"{out.never_served:d}"
        figures[f"{side}_time"] = f"{out.time:.0f}"
    for side, result in (("broken", broken), ("fixed", fixed)):  # a level's own figures
        for key, value in result.figures.items():
            shown = f"{value:.0f}" if isinstance(value, float) else str(value)
            figures.setdefault(f"{side}_{key}", shown)
    return _(level.proof).format(**figures) if level.proof else ""


def draw_result(
    surface: pygame.Surface,
    rect: pygame.Rect,
    level: Level,
    broken: Result,
    fixed: Result,
    answer: int | None,
) -> None:
    """Broken against fixed, every number from the two days' metrics: first the figure that
    carries the lesson in one sentence, its row marked in the table; a mean that leaves out
    the couples never served says so."""
    _panel(surface, rect, GREEN)
    x, y = rect.x + 14, rect.y + 10
    surface.blit(
        label(_("Level {number}: broken vs fixed").format(number=level.number), 24, GREEN, True),
        (x, y),
    )
    y += 32
    for line in wrap(proof_text(level, broken, fixed), 20, rect.w - 28):
        surface.blit(label(line, 20, AMBER), (x, y))
        y += 23
    y += 8
    col1, col2 = rect.right - 190, rect.right - 90
    surface.blit(label(_("broken"), 18, RED, True), (col1, y))
    surface.blit(label(_("fixed"), 18, GREEN, True), (col2, y))
    y += 24
    b = {**broken.figures, **broken.outcome.as_dict()}
    f = {**fixed.figures, **fixed.outcome.as_dict()}
    left_out = broken.outcome.never_served > 0
    rows = RESULT_ROWS
    if level.proof_row in LEVEL_ROWS:  # a level's own figure, the one its headline rests on
        rows = (*rows, (level.proof_row, *LEVEL_ROWS[level.proof_row]))
    for key, text, fmt in rows:
        if key == level.proof_row:  # the row the headline rests on
            band = pygame.Surface((rect.w - 12, 22), pygame.SRCALPHA)
            band.fill((*AMBER, 45))
            surface.blit(band, (rect.x + 6, y - 2))
        surface.blit(fitted(_(text), 18, P.WHITE, col1 - x - 8), (x, y))
        broken_value = fmt.format(b[key])
        if key == "mean_wait" and left_out:
            broken_value += " *"
        surface.blit(label(broken_value, 18, RED), (col1, y))
        surface.blit(label(fmt.format(f[key]), 18, GREEN), (col2, y))
        y += 24
    y += 2
    day = _("(same seed, same {n} couples; each day played to its end)").format(n=b["arrived"])
    surface.blit(_fit(day, 15, DIM, rect.w - 28), (x, y))
    y += 20
    if left_out:
        star = ngettext(
            "* of those served: {n} couple never got burgers, so has no wait to count",
            "* of those served: {n} couples never got burgers, so have no wait to count",
            broken.outcome.never_served,
        ).format(n=broken.outcome.never_served)
        for line in wrap(star, 15, rect.w - 28):
            surface.blit(label(line, 15, (255, 170, 160)), (x, y))
            y += 18
        y += 2
    y += 4
    for line in wrap(_(level.note), 17, rect.w - 40) if level.note else []:
        surface.blit(label(line, 17, (230, 230, 200)), (x, y))
        y += 20
    y += 6
    if answer is not None:
        right = answer == level.right
        said = (
            _("You predicted {letter}: right!")
            if right
            else _("You predicted {letter}: not quite.")
        ).format(letter=level.letters[answer])
        surface.blit(label(said, 20, GREEN if right else RED, True), (x, y))
        y += 24
        for line in wrap(
            f"{level.letters[level.right]}: {_(level.answers[level.right])}", 18, rect.w - 28
        ):
            surface.blit(label(line, 18, P.WHITE), (x, y))
            y += 21
        y += 6
    shown = broken.python_said[:2]  # a few say it all; the rest are counted
    for text in shown:
        heard = (
            _("Python logged, as the task was let go:")
            if text.startswith(NEVER_RETRIEVED)
            else _("Python said, as the coroutine was destroyed:")
        )
        surface.blit(label(heard, 17, AMBER, True), (x, y))
        y += 21
        for line in wrap(text, 16, rect.w - 28):
            surface.blit(label(line, 16, (255, 230, 160)), (x, y))
            y += 19
        y += 6
    if len(broken.python_said) > len(shown):
        more = _("lines Python said in all: {count}").format(count=len(broken.python_said))
        surface.blit(label(more, 16, (255, 230, 160)), (x, y))
        y += 25
    for line in wrap(_(level.lesson), 22, rect.w - 110):  # (bold type runs wider)
        surface.blit(label(line, 22, AMBER, True), (x, y))
        y += 26


# -- right after the prediction ---------------------------------------------------------------
def verdict_rect(size: tuple[int, int], lines: int) -> pygame.Rect:
    w, h = size
    card = pygame.Rect(0, 0, min(px(820), w - 40), px(126) + px(30) * lines)
    card.center = (w // 2, h // 2)
    return card


def verdict_lines(
    level: Level, answer: int, width: int = 760
) -> list[tuple[str, int, tuple[int, int, int], bool]]:
    """What the verdict card says, line by line: (text, size, colour, bold)."""
    right = answer == level.right
    out: list[tuple[str, int, tuple[int, int, int], bool]] = []
    said = f"{level.letters[answer]}: {_(level.answers[answer])}"
    for line in wrap(_("You said {answer}").format(answer=said), 24, width):
        out.append((line, 24, P.INK, False))
    if not right:
        answer_text = f"{level.letters[level.right]}: {_(level.answers[level.right])}"
        text = _("The answer is {answer}").format(answer=answer_text)
        for line in wrap(text, 24, width * 9 // 10):  # (bold type runs wider)
            out.append((line, 24, P.INK, True))
    for line in wrap(_(level.why), 22, width) if level.why else []:
        out.append((line, 22, (90, 70, 60), False))
    return out


def draw_verdict(surface: pygame.Surface, level: Level, answer: int) -> pygame.Rect:
    """Right or wrong at once, and one line why, before the day runs; returns the card."""
    right = answer == level.right
    width = min(px(820), surface.get_width() - 40) - px(60)
    lines = verdict_lines(level, answer, width)
    card = verdict_rect(surface.get_size(), len(lines))
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill((0, 0, 0, 110))
    surface.blit(shade, (0, 0))
    edge = (40, 150, 60) if right else (200, 60, 50)
    pygame.draw.rect(surface, PAPER, card, border_radius=12)
    pygame.draw.rect(surface, edge, card, 5, border_radius=12)
    head = _("RIGHT!") if right else _("NOT QUITE")
    surface.blit(outlined(head, 40, GREEN if right else RED, P.INK), (card.x + 28, card.y + 14))
    y = card.y + px(72)
    for text, size, colour, bold in lines:
        surface.blit(label(text, size, colour, bold), (card.x + px(30), y))
        y += px(30)
    hint = label(_("SPACE: watch it happen"), 22, (120, 110, 100), True)
    surface.blit(hint, hint.get_rect(bottomright=(card.right - 20, card.bottom - 12)))
    return card
