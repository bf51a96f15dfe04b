"""Draws the house-cleaning scene: rooms getting clean, the cleaner(s), and the race panel.

API for the game window (build once per house mode, draw every frame)::

    view = HouseView(lib, house)
    view.draw(surface, house, other=house_of_the_other_mode)  # other is optional

Walls, floors, furniture, room names and the caption are composed once into a cached
background. Per frame only dust, sparkles, cleaners, progress bars and the top panel are
drawn, from cached sprites and labels: no surface is allocated per frame. Both finish
times come from ``game.house.forecast`` (a cached headless run of the same seed), so the
panel can show the whole race from the first frame.
"""

from __future__ import annotations

import math

import pygame

from .. import i18n
from ..house import House, Room, forecast
from ..house import layout as L
from ..house.cleaner import Cleaner
from ..i18n import N_, _, ngettext
from . import motion, words
from . import palette as P
from .placer import Placer, head_rect
from .sheets import Library
from .text import fit, fitted, label, outlined, text_scale

CLEANER_TAGS = ("idle", "walk", "mop", "tired")
HOUSE_TAGS = (
    "floor_wood",
    "floor_tile",
    "wall_house",
    "dust",
    "sparkle",
    "bucket",
    "bed",
    "sofa",
    "bookshelf",
    "bath",
    "desk",
    "stove",
)
CAPTION = N_(
    "Cleaning is all work and no waiting: one cleaner switching rooms (concurrency) is "
    "no faster; helpers in parallel are."
)
CONTRAST = N_("Burgers are mostly waiting: there concurrency shines.")

DUST_SCALES = (1.6, 1.15, 0.75)  # a pile shrinks in three steps as it is mopped away
WALL_INK = (70, 55, 50)
PANEL_BG = (34, 28, 40)
ONE_COLOUR = (240, 150, 60)  # the one switching cleaner (warm, like the concurrent shop)
MANY_COLOUR = (80, 170, 235)  # the helpers in parallel (cool, like the parallel shop)
ACTIVE = (255, 214, 70)
BAR_BACK = (60, 52, 60)
BAR_CLEAN = (110, 210, 120)

# top panel geometry: a clock, then one race row per mode
ROW_LABEL_RIGHT = 372
BAR_LEFT, BAR_RIGHT = 382, 858
NOTE_LEFT = 866
NOTICE_X = 700  # the "helpers are done" notice, right of the bathroom's name
CLEANER_HEAD_TOP, CLEANER_HEAD_H = 74, 32  # a cleaner's head, above the point they stand on
TAG_ABOVE = 84  # the "you" tag's bottom, above your feet


def clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    return f"{minutes}:{secs:02d}"


def animation_names() -> set[tuple[str, str]]:
    """Every (sheet, tag) this view uses: the asset tests check they all exist."""
    return {("cleaner", t) for t in CLEANER_TAGS} | {("house", t) for t in HOUSE_TAGS}


class HouseView:
    """The painter for one house mode. Build once per mode; ``draw`` every frame."""

    def __init__(self, lib: Library, house: House) -> None:
        self.lib = lib
        self.config = house.config
        self.concurrent = house.concurrent
        self.forecast = forecast(house.config)
        sheet = lib["house"]
        self.dust = [
            [pygame.transform.smoothscale_by(f, s) for f in sheet.anim("dust").frames]
            for s in DUST_SCALES
        ]
        self.sparkle = sheet.anim("sparkle")
        self.bucket = sheet.image_of("bucket")
        self.furniture = {tag: self._furniture(sheet.image_of(tag), tag) for tag in HOUSE_TAGS}
        self.background = self._build_background(house)
        # the background's lettering is baked in the language and at the text scale of now
        self._built_for = (i18n.generation(), text_scale())
        self._house = house
        self.speed = 1.0
        self._blits: list[tuple[pygame.Surface, tuple[float, float]]] = []
        self.placer = Placer(self.house_rect())  # this frame's floating words (a test reads it)

    @staticmethod
    def house_rect() -> pygame.Rect:
        """The rooms, between the race panel and the caption: floating words stay inside."""
        return pygame.Rect(0, L.TOP_BAR, L.WIDTH, L.HEIGHT - L.TOP_BAR - L.CAPTION)

    @staticmethod
    def head_of(cleaner: Cleaner, t: float) -> pygame.Rect:
        rect = head_rect(cleaner.position_at(t))
        rect.height = CLEANER_HEAD_H
        rect.top = round(cleaner.position_at(t)[1]) - CLEANER_HEAD_TOP
        return rect

    # -- static layers ----------------------------------------------------------------
    @staticmethod
    def _furniture(image: pygame.Surface, tag: str) -> pygame.Surface:
        """Tall furniture is shrunk to fit under the back wall of its room."""
        return pygame.transform.smoothscale_by(image, 0.8) if tag == "bookshelf" else image

    def _build_background(self, house: House) -> pygame.Surface:
        sheet = self.lib["house"]
        bg = pygame.Surface((L.WIDTH, L.HEIGHT)).convert()
        bg.fill(PANEL_BG)
        wall = sheet.image_of("wall_house")
        chores = {room.index for room in house.rooms}
        for spec in L.ROOMS:
            x, y, w, h = spec.rect
            self._tile(bg, wall, pygame.Rect(x, y, w, L.WALL))
            self._tile(bg, sheet.image_of(spec.floor), pygame.Rect(x, y + L.WALL, w, h - L.WALL))
            pygame.draw.line(bg, WALL_INK, (x, y + L.WALL), (x + w, y + L.WALL), 3)
            for tag, (fx, fy) in spec.furniture:
                image = self.furniture[tag]
                bg.blit(image, image.get_rect(midbottom=(fx, fy)))
        self._draw_walls(bg)
        for spec in L.ROOMS:
            x, y, w, h = spec.rect
            if spec.index not in chores:  # not on today's list: greyed out
                veil = pygame.Surface((w, h), pygame.SRCALPHA)
                veil.fill((40, 34, 46, 150))
                bg.blit(veil, (x, y))
                note = outlined(_("already tidy: not on the list"), 22, P.WHITE, P.INK)
                bg.blit(note, note.get_rect(center=(x + w // 2, y + h // 2 + 20)))
            bg.blit(outlined(words.room(spec.name), 22, P.INK, P.WHITE), (x + 10, y + 6))
        self._draw_caption(bg)
        return bg

    @staticmethod
    def _tile(surface: pygame.Surface, tile: pygame.Surface, rect: pygame.Rect) -> None:
        tw, th = tile.get_size()
        surface.set_clip(rect)
        surface.fblits(
            [
                (tile, (x, y))
                for y in range(rect.top, rect.bottom, th)
                for x in range(rect.left, rect.right, tw)
            ]
        )
        surface.set_clip(None)

    def _draw_walls(self, bg: pygame.Surface) -> None:
        """Walls between the rooms, each with a door: side doors and doorways at the back."""
        for a, b in L.doors():
            ra = L.cell_rect(*a)
            if a[1] == b[1]:  # side wall between two rooms of a row
                x = ra[0] + ra[2]
                (__, door_y), __ = L.door_between(a, b)
                top, bottom = ra[1], ra[1] + ra[3]
                pygame.draw.line(bg, WALL_INK, (x, top), (x, door_y - 76), 6)
                pygame.draw.line(bg, WALL_INK, (x, door_y + 12), (x, bottom), 6)
                for y in (door_y - 76, door_y + 12):
                    pygame.draw.line(bg, WALL_INK, (x - 9, y), (x + 9, y), 4)
            else:  # floor line between two rows, and a doorway in the lower back wall
                rb = L.cell_rect(*b)
                y = rb[1]
                cx = rb[0] + rb[2] // 2
                half = L.DOOR_WIDTH // 2
                pygame.draw.line(bg, WALL_INK, (rb[0], y), (cx - half, y), 6)
                pygame.draw.line(bg, WALL_INK, (cx + half, y), (rb[0] + rb[2], y), 6)
                door = pygame.Rect(cx - half, y + 4, L.DOOR_WIDTH, L.WALL - 4)
                pygame.draw.rect(bg, (92, 70, 58), door)
                pygame.draw.rect(bg, (150, 110, 80), door.inflate(8, 0), 4)
        house = pygame.Rect(0, L.TOP_BAR, L.WIDTH, L.HEIGHT - L.TOP_BAR - L.CAPTION)
        pygame.draw.rect(bg, WALL_INK, house, 6)

    @staticmethod
    def _draw_caption(bg: pygame.Surface) -> None:
        top = L.HEIGHT - L.CAPTION
        if text_scale() == 1.0:  # as designed: clear of the PAUSED badge in the corner
            room = L.WIDTH - 230
            first = fitted(_(CAPTION), 21, P.WHITE, room, True)
            second = fitted(_(CONTRAST), 19, (200, 200, 210), room)
        else:  # big text: centred clear of the bigger badge, within the caption's two lines
            badge = label(" {} ".format(_("PAUSED")), 24, P.INK, True).get_width() + 20
            room = min(L.WIDTH - 300, L.WIDTH - 2 * badge)
            first = fit(_(CAPTION), 21, P.WHITE, True, width=room, height=19, smallest=14)
            second = fit(_(CONTRAST), 19, (200, 200, 210), width=room, height=18, smallest=14)
        bg.blit(first, first.get_rect(midtop=(L.WIDTH // 2, top + 4)))
        bg.blit(second, second.get_rect(midtop=(L.WIDTH // 2, top + 22)))

    # -- per frame --------------------------------------------------------------------
    def draw(
        self, surface: pygame.Surface, house: House, other: House | None = None, speed: float = 1.0
    ) -> None:
        """One frame at ``house.now``; ``other`` (the other mode, same seed) is optional;
        ``speed`` times the eye-catchers (twinkles) in wall seconds."""
        t = house.now
        self.speed = speed
        if self._built_for != (i18n.generation(), text_scale()):  # F2 or Z: re-letter the rooms
            self.background = self._build_background(self._house)
            self._built_for = (i18n.generation(), text_scale())
        surface.blit(self.background, (0, 0))
        blits = self._blits
        blits.clear()
        for room in house.rooms:
            self._room_things(blits, room, t)
        surface.fblits(blits)
        blits.clear()
        cleaners = sorted(house.cleaners, key=lambda c: c.position_at(t)[1])
        for cleaner in cleaners:
            self._cleaner(blits, cleaner, t)
        surface.fblits(blits)
        self.placer = placer = Placer(self.house_rect(), [self.head_of(c, t) for c in cleaners])
        for spec in L.ROOMS:  # the names baked in the background
            x, y, _w, _h = spec.rect
            name = outlined(words.room(spec.name), 22, P.INK, P.WHITE)
            placer.add_fixed(name.get_rect(topleft=(x + 10, y + 6)))
        for room in house.rooms:
            self._room_overlay(surface, room, t)
        notice = self._notice(house, other, t)
        if notice is not None:
            placer.add_fixed(notice[1].inflate(20, 10))
        self._you_tag(surface, house, t)
        self._panel(surface, house, t)
        if notice is not None:
            self._draw_notice(surface, *notice)

    def _room_things(self, blits: list, room: Room, t: float) -> None:
        """Dust piles that are left (the one being mopped shrinks), sparkles when clean."""
        worked = room.worked_at(t)
        frame = int(t / 0.3) % 2
        n = len(room.piles)
        for k, (x, y) in enumerate(room.piles):
            end = room.pile_end(k)
            if worked >= end:
                if room.clean or k < room.pile_index(worked):
                    self._sparkle(blits, (x, y), t + k * 0.37, big=room.clean)
                continue
            start = end - room.work / n
            gone = max(0.0, (worked - start) / (end - start))
            image = self.dust[min(len(DUST_SCALES) - 1, int(gone * len(DUST_SCALES)))][frame]
            blits.append((image, (x - image.get_width() / 2, y - image.get_height())))

    def _sparkle(self, blits: list, at: tuple[float, float], t: float, big: bool) -> None:
        wall = t / self.speed
        if not big and not motion.twinkle(wall):
            return  # a cleaned-up spot twinkles now and then; a clean room all the time
        image = self.sparkle.frames[0] if motion.reduced() else self.sparkle.frame_at(wall)
        blits.append((image, (at[0] - 11, at[1] - 26 - motion.bob(t, 4))))

    def _cleaner(self, blits: list, cleaner: Cleaner, t: float) -> None:
        x, y = cleaner.position_at(t)
        if cleaner.pose != "walk":
            bx = x - 30 * cleaner.facing
            blits.append((self.bucket, (bx - 15, y - 30)))
        anim = self.lib.anim("cleaner", cleaner.pose, cleaner.facing)
        frame = anim.frame_at(t - cleaner.pose_since)
        blits.append((frame, (round(x - anim.anchor[0]), round(y - anim.anchor[1]))))

    def _room_overlay(self, surface: pygame.Surface, room: Room, t: float) -> None:
        """Progress bar and percentage; a gold frame while somebody mops the room."""
        x, y, w, h = room.spec.rect
        fraction = room.clean_fraction_at(t)
        bar = pygame.Rect(x + 14, y + h - 18, w - 86, 10)
        pygame.draw.rect(surface, BAR_BACK, bar.inflate(4, 4), border_radius=4)
        fill = bar.copy()
        fill.width = round(bar.width * fraction)
        if fill.width:
            pygame.draw.rect(surface, BAR_CLEAN, fill, border_radius=3)
        text = _("clean!") if room.clean else f"{int(fraction * 100)}%"
        tag = outlined(text, 20, P.INK, P.WHITE)
        where = tag.get_rect(midleft=(bar.right + 8, bar.centery))
        surface.blit(tag, where)
        self.placer.add_fixed(where)
        self.placer.add_fixed(bar.inflate(4, 4))
        if room.mopped_at(t):
            pygame.draw.rect(surface, ACTIVE, (x + 3, y + 3, w - 6, h - 6), 4, border_radius=4)

    def _you_tag(self, surface: pygame.Surface, house: House, t: float) -> None:
        """The "you" tag over your head, with its pointer (the placer keeps it off the
        helpers' heads and the rooms' words); switching rooms, a note above says where to."""
        you = house.cleaners[0]
        x, y = you.position_at(t)
        y -= TAG_ABOVE + motion.bob(t, 3)
        tag = outlined(_("you"), 18, P.GOLD, P.INK)
        w, h = tag.get_size()
        spot = self.placer.place((w, h + 8), (x, y + 8))  # the tag and its pointer below it
        if spot is None:
            return
        surface.blit(tag, (spot.x, spot.y))
        tip_x, tip_y = spot.centerx, spot.bottom - 1
        pygame.draw.polygon(
            surface, P.GOLD, [(tip_x - 5, tip_y - 6), (tip_x + 5, tip_y - 6), (tip_x, tip_y)]
        )
        x, y = spot.centerx, spot.y
        if you.timeline.current == "switching":  # the price of concurrency, named
            going = you.going_to
            text = (
                _("off to the {room}...").format(room=words.room(going.name))
                if going
                else _("setting up in the {room}").format(room=words.room(you.room.name))
            )
            note = outlined(text, 18, P.WHITE, P.INK)
            self.placer.blit(surface, note, (x, y - 8))

    # -- the race panel -----------------------------------------------------------------
    def _panel(self, surface: pygame.Surface, house: House, t: float) -> None:
        """Both finish times as a race: one cleaner switching vs helpers in parallel."""
        one, many = self.forecast.concurrent, self.forecast.parallel
        helpers = len(house.rooms)
        scale = (BAR_RIGHT - BAR_LEFT) / max(one.finished_at, many.finished_at)
        # the panel's strip has a fixed height: its text grows only as far as it fits
        title = label(clock(t), 34, P.WHITE, True, fixed=True)
        surface.blit(title, title.get_rect(midleft=(12, L.TOP_BAR // 2)))
        rows = (
            (
                True,
                _("one cleaner switching rooms"),
                one.finished_at,
                ONE_COLOUR,
                _("{total}  = {mopping} mopping + {switching} switching").format(
                    total=clock(one.finished_at),
                    mopping=clock(one.mopping),
                    switching=clock(one.switching),
                ),
            ),
            (
                False,
                ngettext(
                    "{count} helper in parallel", "{count} helpers in parallel", helpers
                ).format(count=_number(helpers)),
                many.finished_at,
                MANY_COLOUR,
                _("{total}  = the biggest room").format(total=clock(many.finished_at)),
            ),
        )
        for row, (concurrent, text, finish, colour, note) in enumerate(rows):
            cy = 11 + row * 19
            mine = concurrent == self.concurrent
            ink = P.WHITE if mine else (170, 165, 175)
            name = fit(text, 20, ink, mine, width=ROW_LABEL_RIGHT - 120, height=19, smallest=16)
            surface.blit(name, name.get_rect(midright=(ROW_LABEL_RIGHT, cy)))
            if mine:
                pygame.draw.polygon(
                    surface,
                    P.GOLD,
                    [
                        (ROW_LABEL_RIGHT - name.get_width() - 14, cy - 5),
                        (ROW_LABEL_RIGHT - name.get_width() - 14, cy + 5),
                        (ROW_LABEL_RIGHT - name.get_width() - 6, cy),
                    ],
                )
            track = pygame.Rect(BAR_LEFT, cy - 6, round(finish * scale), 12)
            pygame.draw.rect(surface, BAR_BACK, track, border_radius=3)
            done = track.copy()
            done.width = round(min(t, finish) * scale)
            if done.width:
                pygame.draw.rect(surface, colour, done, border_radius=3)
            pygame.draw.rect(surface, colour, track, 1, border_radius=3)
            tail = fit(note, 18, ink, width=L.WIDTH - NOTE_LEFT - 150, height=19, smallest=14)
            surface.blit(tail, tail.get_rect(midleft=(NOTE_LEFT, cy)))
        now_x = BAR_LEFT + min(t, one.finished_at) * scale
        pygame.draw.line(surface, P.WHITE, (now_x, 2), (now_x, L.TOP_BAR - 3), 2)
        times = f"{self.forecast.sooner:.1f}"
        sooner = label(_("{times}x sooner").format(times=times), 28, ACTIVE, True, fixed=True)
        surface.blit(sooner, sooner.get_rect(midright=(L.WIDTH - 10, L.TOP_BAR // 2)))

    def _notice(
        self, house: House, other: House | None, t: float
    ) -> tuple[pygame.Surface, pygame.Rect] | None:
        """The moment that teaches: the helpers are done while the lone cleaner goes on
        (its words and where they go; None while there is nothing to say)."""
        many = self.forecast.parallel.finished_at
        if other is not None and not other.concurrent:
            many = other.finished_at if other.finished_at is not None else math.inf
        if house.done:
            text = _("All clean at {time}").format(time=clock(house.finished_at or t))
        elif self.concurrent and t >= many:
            n = len(house.rooms)
            text = ngettext(
                "{count} helper: done at {time}", "{count} helpers: done at {time}", n
            ).format(count=_number(n).capitalize(), time=clock(many))
        else:
            return None
        tag = label(text, 26, ACTIVE, True, fixed=True)  # placed between two rooms' names
        return tag, tag.get_rect(midtop=(NOTICE_X, L.TOP_BAR + 8))

    @staticmethod
    def _draw_notice(surface: pygame.Surface, tag: pygame.Surface, rect: pygame.Rect) -> None:
        pygame.draw.rect(surface, PANEL_BG, rect.inflate(20, 10), border_radius=8)
        pygame.draw.rect(surface, ACTIVE, rect.inflate(20, 10), 2, border_radius=8)
        surface.blit(tag, rect)


NUMBER_WORDS = (
    N_("no"),
    N_("one"),
    N_("two"),
    N_("three"),
    N_("four"),
    N_("five"),
    N_("six"),
    N_("seven"),
    N_("eight"),
    N_("nine"),
)


def _number(n: int) -> str:
    """A small count in words ("nine helpers"), a big one in digits."""
    return _(NUMBER_WORDS[n]) if 0 <= n < len(NUMBER_WORDS) else str(n)
