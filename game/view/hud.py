"""The heads-up display: mode, clock, speed, PAUSED, live metrics and the story caption."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import pygame

from ..i18n import _, ngettext
from ..shop import Metrics, Shop, measure
from ..shop.people import Couple, Staff
from ..shop.story import BEATS
from . import cues, words
from . import palette as P
from .text import fit, font, label, px, text_scale

BAR_H = 30
CAPTION_H = 34


def clock_text(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes:02d}:{secs:02d}"


def caption_for(shop: Shop, selected: object = None) -> str:
    """One plain sentence: the followed character's doing, else the protagonist's beat."""
    if isinstance(selected, Couple):
        return _("{who}: {doing}").format(
            who=words.couple_name(selected), doing=words.caption(selected)
        )
    if isinstance(selected, Staff):
        doing = words.phase(selected.timeline.current or "idle")
        return _("{who}: {doing}").format(who=words.name(selected.name), doing=doing)
    couple = shop.protagonist
    if couple is None:
        return _("Waiting for you and your crush to come in...")
    if couple.left_at is not None:
        return _("You and your crush have left, full and happy. The shop goes on.")
    if shop.beats:
        return _(BEATS[shop.beats[-1].code])
    return _("You and your crush walk in.")


def caption_phase(shop: Shop, selected: object = None) -> str | None:
    """The phase the caption speaks of, for its icon: the followed couple's, or yours."""
    couple = selected if isinstance(selected, Couple) else None
    if couple is None and selected is None:
        couple = shop.protagonist
        if couple is not None and couple.left_at is not None:
            couple = None
    return couple.phase if couple is not None else None


class Hud:
    """Draws over the scene; keeps its own translucent strips so they are built once."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        # tall enough for the largest text scale; each frame blits only the part it needs
        self.bar = pygame.Surface((width, BAR_H * 2), pygame.SRCALPHA)
        self.bar.fill((25, 20, 30, 200))
        self.caption_strip = pygame.Surface((width, CAPTION_H * 2), pygame.SRCALPHA)
        self.caption_strip.fill((25, 20, 30, 210))

    @staticmethod
    def metrics(shop: Shop) -> Metrics:
        """A shop's metrics now. Measured every frame, never kept from an earlier frame: the
        bar must show the figures of the moment drawn, however the player got there (all
        but the 95th percentile of the wait, which no bar shows)."""
        return measure(shop, p95=False)

    def draw(
        self,
        surface: pygame.Surface,
        shop: Shop,
        *,
        speed: float,
        paused: bool,
        selected: object = None,
        x: int = 0,
        width: int | None = None,
        caption: bool = True,
        compact: bool = False,
    ) -> None:
        width = width or self.width
        surface.blit(self.bar, (x, 0), (0, 0, width, px(BAR_H)))
        m = self.metrics(shop)
        warm = shop.concurrent
        colour = (255, 190, 90) if warm else (120, 210, 255)
        size, gap = (20, 10) if compact else (24, 18)
        served = _("served {n}").format(n=m.served)
        fast = _("{speed}x").format(speed=f"{speed:g}")
        flirt, stand = f"{m.flirt_share:.0%}", f"{m.stand_share:.0%}"
        wait = f"{m.mean_wait:.0f}"
        items = [  # (words, shorter words for big text, colour, the phase it shows)
            (
                _("CONCURRENT SHOP") if warm else _("PARALLEL SHOP"),
                _("CONCURRENT") if warm else _("PARALLEL"),
                colour,
                None,
            ),
            (clock_text(shop.now), clock_text(shop.now), P.WHITE, None),
            (fast, fast, P.WHITE, None),
            (served, served, P.WHITE, None),
            (
                _("mean wait {seconds}s").format(seconds=wait),
                _("wait {seconds}s").format(seconds=wait),
                P.WHITE,
                None,
            ),
            (
                # translators: the share of the waiting for burgers spent free (talking)
                _("free while waiting {share}").format(share=flirt),
                # translators: short for "free while waiting {share}" when big text leaves no room
                _("free {share}").format(share=flirt),
                None,
                "flirting",
            ),
            (
                # translators: the share of the waiting for burgers spent standing at a counter
                _("standing guard {share}").format(share=stand),
                # translators: short for "standing guard {share}" when big text leaves no room
                _("guard {share}").format(share=stand),
                None,
                "standing",
            ),
        ]
        phases = [item[3] for item in items]
        colours = [col or P.HUD_COLOURS[phase or ""] for _w, _s, col, phase in items]
        images = [label(item[0], size, c, True) for item, c in zip(items, colours, strict=True)]
        icons = px(22) * sum(1 for p in phases if p)
        space = width - 10 - px(90)
        # big text: the short words when the long ones would not all fit, a little smaller
        # (never below the designed size) when even those would not: every item stays shown
        if text_scale() > 1 and icons + sum(i.get_width() + px(gap) for i in images) > space:
            for real in range(px(size), size - 1, -1):
                images = [
                    label(item[1], real, c, True, fixed=True)
                    for item, c in zip(items, colours, strict=True)
                ]
                if icons + sum(i.get_width() + px(gap) for i in images) <= space:
                    break
        cx = x + 10
        for img, phase, col in zip(images, phases, colours, strict=True):
            room = px(22) if phase else 0  # an icon before the words: not by colour alone
            if cx + room + img.get_width() > x + width - px(90):
                break
            if phase:
                cues.icon(surface, phase, (cx + px(9), px(BAR_H) // 2), col)
            surface.blit(img, (cx + room, px(8 if compact else 7)))
            cx += room + img.get_width() + px(gap)
        if paused:
            draw_paused_badge(surface, x + width)
        else:
            hint = label(_("H: help"), 20, (200, 200, 200))
            surface.blit(hint, hint.get_rect(topright=(x + width - 10, px(9))))
        if caption:
            phase = caption_phase(shop, selected)
            self.draw_caption(surface, caption_for(shop, selected), x, width, phase)

    def draw_caption(
        self, surface: pygame.Surface, text: str, x: int, width: int, phase: str | None = None
    ) -> None:
        """The story's sentence; with an icon of the phase it speaks of, when there is one."""
        height = px(CAPTION_H)
        y = self.height - height
        surface.blit(self.caption_strip, (x, y), (0, 0, width, height))
        left = x + 12
        if phase in cues.ICONS:
            cues.icon(surface, phase, (x + px(22), y + height // 2), P.PHASE_COLOURS[phase])
            left = x + px(40)
        room = x + width - left - 8
        if text_scale() > 1:  # as large as fits, never past the edge
            img = fit(text, 26, P.WHITE, width=room, smallest=20)
        else:
            img = label(text, 26, P.WHITE)
            if img.get_width() > room:
                img = label(text, 20, P.WHITE)
        surface.blit(img, img.get_rect(midleft=(left, y + height // 2)))


def draw_paused_badge(surface: pygame.Surface, right: int, top: int = 4) -> None:
    badge = label(" {} ".format(_("PAUSED")), 24, (30, 20, 20), True)
    rect = badge.get_rect(topright=(right - 8, top)).inflate(6, 2)
    rect.bottom = min(rect.bottom, surface.get_height() - 4)  # big text near the bottom edge
    pygame.draw.rect(surface, (255, 210, 60), rect, border_radius=5)
    surface.blit(badge, badge.get_rect(center=rect.center))


GREY = (120, 115, 125)  # a help line for a key that does nothing in this scene
HELP_SIZE = 26  # the help's text size as designed (scale 1)
HELP_ROW = 34  # line height of the help overlay at text size 26 (scale 1)
HELP_WIDTH = 760  # the panel's width at text size 26, when one column of rows fits


@dataclass(frozen=True)
class HelpLayout:
    """How the help overlay fits the screen: one text size, one or two columns of rows
    (each row's text wrapped to its column), the panel that holds them."""

    size: int  # text size in pixels, already at the text scale
    step: int  # line height
    key_w: int  # the key column, from a row's left edge to its text
    columns: list[list[tuple[int, list[str]]]]  # (row index, wrapped lines) per column
    panel: pygame.Rect

    @property
    def head(self) -> int:
        """From the panel's top to the first row (the title's band)."""
        return round(self.size * 62 / 26)


def _width(text: str, size: int, bold: bool = False) -> int:
    """Measured, not rendered: laying the overlay out costs no labels."""
    return font(size, bold, fixed=True).size(text)[0]


def _wrap(text: str, size: int, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and _width(trial, size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line]


def _columns(wrapped: list[tuple[int, list[str]]], count: int) -> list[list[tuple[int, list[str]]]]:
    """The rows in order, in ``count`` columns as even in wrapped lines as a split can be."""
    if count == 1 or len(wrapped) < 2:
        return [wrapped]
    sizes = [len(lines) for _, lines in wrapped]
    split = min(range(1, len(wrapped)), key=lambda k: max(sum(sizes[:k]), sum(sizes[k:])))
    return [wrapped[:split], wrapped[split:]]


def _help_tries() -> list[tuple[int, int]]:
    """(text size, columns) from the most wanted down. As designed (scale 1) the table is
    one column, its text a little smaller (down to 22) when the rows outgrow the window;
    big text keeps its size and takes two columns first."""
    sizes = range(px(26), 15, -1)
    if text_scale() == 1.0:
        return [(s, 1) for s in sizes if s >= 22] + [(s, c) for s in sizes for c in (1, 2)]
    return [(s, c) for s in sizes for c in (1, 2)]


def help_layout(
    screen: tuple[int, int], rows: Sequence[tuple[str, str, bool]], extra: int = 0
) -> HelpLayout:
    """The help's layout for these rows (worked out once per screen, rows, footer and text
    scale: the overlay asks for it every frame it is up, and wrapping is not free)."""
    return _help_layout(tuple(screen), tuple(rows), extra, text_scale())


@lru_cache(maxsize=32)
def _help_layout(
    screen: tuple[int, int], rows: tuple[tuple[str, str, bool], ...], extra: int, _scale: float
) -> HelpLayout:
    """The largest text that fits the screen, in one column or two: a projector's big text
    needs both, with the longer explanations wrapped. A line may be a little tighter than
    its text size asks (down to 30/34) before the text gets smaller. At scale 1 it is one
    column, 760 pixels wide at text size 26 unless a (translated) line needs more room."""
    w, h = screen
    count_rows = max(1, len(rows))
    for size, count in _help_tries():
        natural, tightest = round(size * HELP_ROW / 26), round(size * 30 / 26)
        head = round(size * 70 / 26)  # title band above the rows and the margin below
        widest = max((_width(k, size, True) for k, _k, _a in rows), default=0)
        key_w = max(round(size * 170 / 26), widest + size)
        if count == 1:  # one column: as wide as its longest line, within the screen
            longest = max((_width(t, size) for _k, t, _a in rows), default=0)
            width = min(w - 20, max(round(size * HELP_WIDTH / 26), 30 + key_w + longest + 30))
        else:
            width = w - 20
        text_w = (width - 10) // count - 30 - key_w - 10
        if text_w < 8 * size:
            continue
        wrapped = [(i, _wrap(t, size, text_w)) for i, (_k, t, _a) in enumerate(rows)]
        columns = _columns(wrapped, count)
        lines = max(sum(len(t) for _i, t in col) for col in columns) if columns else 0
        lines += extra  # a footer line under the columns
        step = min(natural, (h - 20 - head) // max(1, lines))
        if step >= tightest:
            panel = pygame.Rect(0, 0, width, head + step * lines)
            panel.center = (w // 2, h // 2)
            return HelpLayout(size, step, key_w, columns, panel)
    # a tiny window: the smallest text, one column, cut at the bottom
    step = max(1, (h - 90) // count_rows)
    panel = pygame.Rect(0, 0, w - 20, 70 + step * count_rows)
    panel.center = (w // 2, h // 2)
    return HelpLayout(16, step, 120, [[(i, [t]) for i, (_, t, _) in enumerate(rows)]], panel)


def help_choice(
    screen: tuple[int, int], rows: Sequence[tuple[str, str, bool]]
) -> tuple[list[tuple[str, str, bool]], int]:
    """The rows the help shows, and how many it leaves out. All of them while big text still
    makes them bigger than designed; when the whole table would fit only at the designed
    size or smaller (a projector's 1.25 or 1.5 and a long table), the rows that work in the
    scene on screen, bigger, and one line saying how many more work elsewhere."""
    rows = list(rows)
    if text_scale() > 1.0 and help_layout(screen, rows).size <= HELP_SIZE:
        here = [row for row in rows if row[2]]
        if 0 < len(here) < len(rows) and help_layout(screen, here, 1).size > HELP_SIZE:
            return here, len(rows) - len(here)
    return rows, 0


def help_panel(size: tuple[int, int], rows: Sequence[tuple[str, str, bool]]) -> pygame.Rect:
    """Where the help overlay sits for these rows of the key table."""
    shown, hidden = help_choice(size, rows)
    return help_layout(size, shown, 1 if hidden else 0).panel


def draw_help(surface: pygame.Surface, rows: Sequence[tuple[str, str, bool]]) -> None:
    """The controls, one line per key of the app's key table: (keys, what, works here).
    Keys that do nothing in the scene on screen are greyed, not hidden."""
    rows, hidden = help_choice(surface.get_size(), rows)
    layout = help_layout(surface.get_size(), rows, 1 if hidden else 0)
    panel, size = layout.panel, layout.size
    shade = pygame.Surface(panel.size, pygame.SRCALPHA)
    shade.fill((20, 15, 25, 230))
    surface.blit(shade, panel)
    pygame.draw.rect(surface, (255, 200, 90), panel, 3, border_radius=8)
    title = label(
        _("Async Burgers - controls"), round(size * 34 / 26), (255, 200, 90), True, fixed=True
    )
    surface.blit(title, title.get_rect(midtop=(panel.centerx, panel.top + round(size * 16 / 26))))
    column_w = (panel.w - 10) // len(layout.columns)
    for c, column in enumerate(layout.columns):
        x = panel.left + c * column_w + 30
        y = panel.top + layout.head
        for index, text in column:
            keys, _what, active = rows[index]
            key_colour, text_colour = ((255, 220, 140), P.WHITE) if active else (GREY, GREY)
            surface.blit(label(keys, size, key_colour, True, fixed=True), (x, y))
            for line in text:
                surface.blit(label(line, size, text_colour, fixed=True), (x + layout.key_w, y))
                y += layout.step
    if hidden:
        more = ngettext(
            "{n} more key works in other scenes: H there lists it",
            "{n} more keys work in other scenes: H there lists them",
            hidden,
        ).format(n=hidden)
        note_size = size
        note = label(more, note_size, GREY, fixed=True)
        while note.get_width() > panel.w - 60 and note_size > 12:
            note_size -= 1
            note = label(more, note_size, GREY, fixed=True)
        surface.blit(note, note.get_rect(midbottom=(panel.centerx, panel.bottom - 8)))
