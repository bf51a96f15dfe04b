"""Draws one shop at the current virtual time: room, furniture, people, bubbles, board.

How each person and tray looks comes from ``poses`` (derived from the model, never stored
in it), so a frame depends only on the shop at that moment. Everything static (walls,
floor, posters, counters) is composed once into cached layers;
per frame only the living things are blitted, batched with ``fblits``.
"""

from __future__ import annotations

import math

import pygame

from .. import i18n
from ..i18n import _, ngettext
from ..shop import Shop
from ..shop import layout as L
from ..shop.layout import Table
from ..shop.people import Couple, Person, Point, Tray
from ..shop.places import Counter
from . import motion
from . import palette as P
from .arrows import draw_handoffs
from .digits import draw_digits
from .placer import HEAD_TOP, Placer, head_rect
from .poses import (
    SHEET_FOR_ROLE,
    TAGS,
    animation_names,
    bubble_for,
    facing,
    tag_for,
    tills_by_server,
    tray_spots,
)
from .sheets import Library
from .text import label, outlined

# the asset tests ask the renderer which animations it uses
__all__ = ["ShopView", "animation_names", "frozen_people"]
TABLE_DROP = 44  # tables stand a little nearer the viewer than their stools: top at elbow height


class ShopView:
    """The painter for one shop mode. Build once per mode; ``draw`` every frame."""

    def __init__(self, lib: Library, shop: Shop) -> None:
        self.placer = Placer(pygame.Rect(0, 0, 0, 0))  # the last frame's floating labels
        self.till_rects: list[pygame.Rect] = []
        self.tag_rect: pygame.Rect | None = None  # where 'you & crush' went last frame
        self.lib = lib
        self.mode = shop.config.mode
        self.layout = shop.layout
        self.warm = shop.concurrent
        self.background = self._build_background()
        self.background_words = i18n.generation()  # the board's words: rebuilt on F2
        self.speed = 1.0
        counters = self._build_counters()
        self.counters_at = counters.get_bounding_rect()  # blit only the part with pixels
        self.counters = counters.subsurface(self.counters_at).copy()
        self.window_rect = pygame.Rect(L.KITCHEN_WINDOW).inflate(-18, -18)
        self._dress_everyone()
        self._prop_cache: dict[str, pygame.Surface] = {}
        self._tills: dict[int, Counter] = {}
        self.frozen: dict[int, float] = {}  # see ``frozen_people``

    def _dress_everyone(self) -> None:
        """Tint every couple colour up front: no hitch when a new couple walks in, and the
        memory is spent once at start, not creeping up as the day goes on."""
        for clothes in [*P.COUPLE_CLOTHES, P.PROTAGONIST_CLOTHES]:
            for sheet, colour in zip(("boy", "girl"), clothes, strict=True):
                for tag in TAGS[sheet]:
                    for looks in (1, -1):
                        self.lib.anim(sheet, tag, looks, colour)

    # -- static layers ----------------------------------------------------------------
    def _tile(self, surface: pygame.Surface, tile: pygame.Surface, rect: pygame.Rect) -> None:
        tw, th = tile.get_size()
        blits = [
            (tile, (x, y))
            for y in range(rect.top, rect.bottom, th)
            for x in range(rect.left, rect.right, tw)
        ]
        surface.set_clip(rect)
        surface.fblits(blits)
        surface.set_clip(None)

    def _build_background(self) -> pygame.Surface:
        lib, warm = self.lib, self.warm
        bg = pygame.Surface((L.WIDTH, L.HEIGHT)).convert()
        wall = lib.prop("wall_warm" if warm else "wall_cool")
        floor = lib.prop("floor_warm" if warm else "floor_cool")
        self._tile(bg, wall, pygame.Rect(0, 0, L.WIDTH, L.WALL_BOTTOM))
        self._tile(bg, floor, pygame.Rect(0, L.WALL_BOTTOM, L.WIDTH, L.HEIGHT - L.WALL_BOTTOM))
        pygame.draw.line(bg, P.INK, (0, L.WALL_BOTTOM), (L.WIDTH, L.WALL_BOTTOM), 3)
        bg.blit(lib.prop("door"), (12, L.WALL_BOTTOM - 170))
        if warm:
            self._warm_decor(bg)
        else:
            self._cool_decor(bg)
        if warm:  # only the concurrent shop has turn numbers and their board
            bg.blit(lib.prop("display"), L.DISPLAY[:2])
            colour = P.WARM_LABEL
            x, y, w, h = L.DISPLAY
            top = outlined(_("ORDER #"), 24, colour, P.WHITE)
            bottom = outlined(_("READY"), 24, colour, P.WHITE)
            bg.blit(top, top.get_rect(midtop=(x + w // 2, y + 10)))
            bg.blit(bottom, bottom.get_rect(midbottom=(x + w // 2, y + h - 8)))
        stool = lib.prop("stool" if warm else "stool_cool")
        for table in self.layout.tables:
            for seat in table.seats:
                bg.blit(stool, stool.get_rect(midbottom=(seat[0], seat[1] + 2)))
        return bg

    def _warm_decor(self, bg: pygame.Surface) -> None:
        lib = self.lib
        x, y, w, h = L.KITCHEN_WINDOW
        kitchen = pygame.Rect(x, y, w, h)
        self._tile(bg, lib["house"].image_of("floor_tile"), kitchen)
        pygame.draw.rect(bg, P.KITCHEN_WARM, (x, y, w, 70))
        for i in range(len(self.layout.kitchen)):
            grill = lib.prop("grill")
            bg.blit(grill, grill.get_rect(midbottom=(175 + i * 75, y + h - 10)))
        bg.blit(lib.prop("kitchen_window"), (x, y))
        poster_b, poster_f = lib.prop("poster_burger"), lib.prop("poster_fries")
        bg.blit(poster_b, (1060, 40))
        bg.blit(poster_f, (1160 - 12, 70))
        bg.blit(lib.prop("plant"), (1225, L.WALL_BOTTOM - 70))

    def _cool_decor(self, bg: pygame.Surface) -> None:
        lib = self.lib
        kitchen = pygame.Rect(140, 40, L.WIDTH - 150, L.WALL_BOTTOM - 40)
        self._tile(bg, lib["house"].image_of("floor_tile"), kitchen)
        pygame.draw.rect(bg, P.KITCHEN_COOL, (140, 40, L.WIDTH - 150, 60))
        pygame.draw.rect(bg, P.INK, kitchen, 3)
        grill = lib.prop("grill")
        for station in self.layout.stations:
            gx, gy = station.grill_spot
            bg.blit(grill, grill.get_rect(midbottom=(gx - 20, gy - 30)))

    def _build_counters(self) -> pygame.Surface:
        """Counters are in front of the staff behind them, so they form their own layer."""
        lib = self.lib
        layer = pygame.Surface((L.WIDTH, L.HEIGHT), pygame.SRCALPHA).convert_alpha()
        if self.warm:
            layer.blit(lib.prop("pickup"), L.PICKUP_COUNTER[:2])
            layer.blit(lib.prop("counter"), L.REGISTER_COUNTER[:2])
            register = lib.prop("register")
            for station in self.layout.stations:
                x = station.staff_spot[0]
                till = register.get_rect(midbottom=(x - 34, L.WALL_BOTTOM + 6))
                layer.blit(register, till)
                self.till_rects.append(till)  # floating labels keep off the tills
        else:
            station_img = lib.prop("station")
            for station in self.layout.stations:
                x = station.staff_spot[0]
                rect = station_img.get_rect(midtop=(x, L.WALL_BOTTOM - 10))
                layer.blit(station_img, rect)
                panel = pygame.Rect(0, 0, 28, 32)  # the sprite's dark number panel
                panel.center = (rect.x + 70, rect.y + 46)
                draw_digits(layer, str(station.index + 1), panel, P.LED_ON)
        return layer

    # -- per frame --------------------------------------------------------------------
    def draw(
        self,
        surface: pygame.Surface,
        shop: Shop,
        selected: object = None,
        speed: float = 1.0,
        legend: bool = True,
    ) -> None:
        """The shop at ``shop.now``; ``speed`` (virtual seconds per wall second) times what
        blinks in wall seconds, so no speed makes it flash faster (``motion``)."""
        t = shop.now
        self.speed = speed
        if self.background_words != i18n.generation():
            self.background = self._build_background()
            self.background_words = i18n.generation()
        self._tills = tills_by_server(shop)
        self.frozen = frozen_people(shop)
        self.placer = Placer(surface.get_rect(), heads_of(shop, t))  # this frame's labels
        self.tag_rect = None
        for till in self.till_rects:
            self.placer.add_fixed(till)
        surface.blit(self.background, (0, 0))
        if self.warm:
            self._draw_kitchen_warm(surface, shop, t)
        else:
            self._draw_kitchen_cool(surface, shop, t)
        for staff in shop.staff:
            if staff.role in ("cashier", "cashier_cook"):  # behind the counters
                self._draw_person(surface, staff, t, None)
        surface.blit(self.counters, self.counters_at)
        self._draw_counter_items(surface, shop)
        if self.warm:
            self._draw_board(surface, shop)
        if shop.fountain is not None:
            draw_fountain(surface, shop.fountain.spot)
        self._draw_floor(surface, shop, t, selected, legend)

    def _draw_kitchen_warm(self, surface: pygame.Surface, shop: Shop, t: float) -> None:
        x, y, w, _h = L.KITCHEN_WINDOW
        slips = [*shop.cooking, *shop.kitchen.items]
        busy = shop.kernel.busy
        held = getattr(busy.task.actor, "carrying", None) if busy is not None else None
        if held is not None and held.order not in slips:  # still on the grill at time t
            slips.insert(0, held.order)
        slip = self.lib.prop("order_slip")
        for i, order in enumerate(slips[:9]):
            sx = x + w - 40 - i * 26
            surface.blit(slip, (sx, y + 14))
            surface.blit(label(str(order.number), 16, P.INK, True), (sx + 5, y + 28))
        surface.set_clip(self.window_rect)
        for i, cook in enumerate(s for s in shop.staff if s.role == "cook"):
            if cook.shown_at(t)[0] == "cooking":
                self._steam(surface, (175 + i * 75, y + 120), t)
            self._draw_person(surface, cook, t, None)
        for helper in shop.helpers:  # level 3's sous-chef, working beside the cook
            self._draw_person(surface, helper, t, None)
        surface.set_clip(None)

    def _draw_kitchen_cool(self, surface: pygame.Surface, shop: Shop, t: float) -> None:
        for staff in shop.staff:
            if staff.activity == "cooking":
                gx, gy = staff.pos
                self._steam(surface, (gx - 20, gy - 100), t)

    def _steam(self, surface: pygame.Surface, at: tuple[float, float], t: float) -> None:
        steam = self.lib["props"].anim("steam")
        for k in range(2):
            frame = steam.frame_at(t + k * 0.35)
            surface.blit(frame, (at[0] - 20 + 22 * k, at[1] - 30))

    def _draw_counter_items(self, surface: pygame.Surface, shop: Shop) -> None:
        tray_img = self.lib.prop("tray")
        for tray, spot in tray_spots(shop):
            self._draw_tray(surface, tray, spot, tray_img)

    def _draw_tray(
        self, surface: pygame.Surface, tray: Tray, spot: Point, image: pygame.Surface
    ) -> None:
        rect = image.get_rect(midbottom=spot)
        surface.blit(image, rect)
        if tray.number is not None:
            tag = outlined(f"#{tray.number}", 18, P.INK, P.WHITE)
            at = tag.get_rect(midtop=(rect.centerx, rect.bottom - 2))
            surface.blit(tag, at)
            self.placer.add_fixed(at)  # painted on the counter: floating labels keep off

    def _draw_board(self, surface: pygame.Surface, shop: Shop) -> None:
        x, y, w, h = L.DISPLAY
        screen = pygame.Rect(x + 60, y + 38, w - 120, h - 76)
        number = shop.display.number
        text = f"{number % 100:02d}" if number is not None else "--"
        since = shop.now - shop.display.changed_at
        if number is not None and motion.board_new(since, self.speed):  # a new number: look up!
            if motion.board_dark(shop.now, since, self.speed):  # unless motion is reduced
                text = "  "
            pygame.draw.rect(surface, P.LED_ON, screen.inflate(14, 10), 3, border_radius=6)
        draw_digits(surface, text, screen, P.LED_ON, P.LED_OFF)

    def _draw_floor(
        self, surface: pygame.Surface, shop: Shop, t: float, selected: object, legend: bool
    ) -> None:
        """Tables and customers, far to near, then what floats above them."""
        table_img = self.lib.prop("table" if self.warm else "table_cool")
        # (depth, 0 for a table / 1 for a person, table or person, couple)
        items: list[tuple[float, int, Table | Person, Couple | None]] = [
            (table.center[1] + 5, 0, table, None)  # in front of its seated couple (y + 4)
            for table in self.layout.tables
        ]
        for couple in shop.couples:
            for person in couple.people:
                if person.visible:
                    items.append((person.position_at(t)[1], 1, person, couple))
        items.sort(key=lambda item: (item[0], item[1]))
        for _depth, _kind, thing, couple in items:
            if isinstance(thing, Table):
                cx, cy = thing.center
                surface.blit(table_img, table_img.get_rect(midbottom=(cx, cy + TABLE_DROP)))
            else:
                self._draw_person(surface, thing, t, couple)
        for couple in shop.couples:
            self._draw_table_things(surface, couple)
        for couple in shop.couples:
            self._draw_feelings(surface, couple, t)
        for staff in shop.staff:
            self._draw_bubble(surface, staff, self._when(staff, t), self._facing(staff, None))
        outside = len(shop.line) - len(self.layout.line)
        if outside > 0:  # the rest of the line waits at the door, out of sight
            x, y = self.layout.line[-1]
            more = ngettext("+{n} more in line", "+{n} more in line", outside).format(n=outside)
            tag = outlined(more, 20, P.WHITE, P.INK)
            self.placer.blit(surface, tag, (x + 30, y - 86))
        if selected is not None:
            self._draw_selection(surface, selected, t)
        draw_handoffs(surface, shop, t, self.placer, legend)  # who woke whom, over the floor

    def _colour(self, person: Person, couple: Couple | None) -> tuple[int, int, int] | None:
        if couple is None:
            return None
        clothes = (
            P.PROTAGONIST_CLOTHES
            if couple.protagonist
            else (P.COUPLE_CLOTHES[couple.plan.palette % len(P.COUPLE_CLOTHES)])
        )
        return clothes[0] if person is couple.you else clothes[1]

    def _facing(self, person: Person, couple: Couple | None) -> int:
        till: Counter | None = self._tills.get(id(person))
        return facing(person, couple.table if couple is not None else None, till)

    def _draw_person(
        self, surface: pygame.Surface, person: Person, t: float, couple: Couple | None
    ) -> None:
        activity, since, _ = person.shown_at(t)
        ahead = person.since > t  # a blocking call's task: what it took came later too
        anim = self.lib.anim(
            SHEET_FOR_ROLE[person.role],
            tag_for(person, activity, False if ahead else None),
            self._facing(person, couple),
            self._colour(person, couple),
        )
        x, y = person.position_at(t)
        frame = anim.frame_at(self._when(person, t) - since)
        surface.blit(frame, (round(x - anim.anchor[0]), round(y - anim.anchor[1])))

    def _when(self, person: Person, t: float) -> float:
        """The time a person's animations show: ``t``, or, while a blocking call holds the
        loop, the moment they became ready to go on (they stand still from then on)."""
        return min(t, self.frozen.get(id(person), t)) if self.frozen else t

    def _draw_table_things(self, surface: pygame.Surface, couple: Couple) -> None:
        table = couple.table
        if table is None or not couple.you.seated:
            return
        cx, cy = table.center
        top = cy + TABLE_DROP - 66  # the middle of the table top
        tray = couple.order.tray if couple.order else None
        if tray is not None and tray.holder == "table":
            tray_img = self.lib.prop("tray")
            surface.blit(tray_img, tray_img.get_rect(midbottom=(cx, top + 6)))
        elif couple.number is not None and couple.phase in ("flirting", "fetching"):
            ticket = self.lib.prop("ticket")
            rect = ticket.get_rect(midbottom=(cx, top + 4))
            surface.blit(ticket, rect)
            number = label(str(couple.number), 20, P.INK, True)
            surface.blit(number, number.get_rect(center=rect.center))

    def _draw_feelings(self, surface: pygame.Surface, couple: Couple, now: float) -> None:
        props = self.lib["props"]
        for person in couple.people:
            if not person.visible:
                continue
            x, y = person.position_at(now)
            head = (x, y - 84)
            looks = self._facing(person, couple)
            t = self._when(person, now)  # stands still while the loop is held
            if person.activity == "listening":  # hearts: the crush of the one talking
                heart = props.anim("heart")
                if motion.reduced():  # one still heart over the head says the same
                    surface.blit(heart.frames[0], (head[0] + 10 * looks - 8, head[1] - 6))
                for k in range(0 if motion.reduced() else 2):
                    phase = (t * 0.6 + k * 0.5 + looks * 0.25) % 1.0
                    hx = head[0] + 10 * looks + 8 * math.sin((phase + k) * 6.28)
                    frame = heart.frame_at(phase)
                    surface.blit(frame, (hx - 8, head[1] + 10 - phase * 34))
            elif person.activity == "waiting":
                if person is couple.you:  # a ticking clock and how long they have stood
                    clock = props.anim("clock").frame_at(t)
                    surface.blit(clock, (x - 50, y - 70))
                    waited = t - (couple.ordered_at or t)
                    text = outlined(f"{waited:.0f}s", 16, P.INK, P.WHITE)
                    surface.blit(text, text.get_rect(midtop=(x - 37, y - 44)))
                else:
                    sweat = props.image_of("sweat")
                    if motion.blink_on(t / self.speed):
                        surface.blit(sweat, (x + 12, y - 86))
            self._draw_bubble(surface, person, t, looks)
        if couple.protagonist:
            self._draw_protagonist_tag(surface, couple, now)

    def _draw_bubble(self, surface: pygame.Surface, person: Person, t: float, looks: int) -> None:
        bubble = bubble_for(person)
        if not bubble:
            return
        props = self.lib["props"]
        name = {"order": "bubble_order", "talk": "bubble_talk", "sad": "bubble_sad"}[bubble]
        frame = props.anim(name).frame_at(t - person.since)
        x, y = person.position_at(t)
        if looks > 0:
            at = surface.blit(frame, (x + 6, y - 78 - frame.get_height()))
        else:
            flipped = self._flipped_prop(name, frame)
            at = surface.blit(flipped, (x - 6 - frame.get_width(), y - 78 - frame.get_height()))
        self.placer.add_fixed(at)  # a bubble: the floating labels keep off it too

    def _flipped_prop(self, name: str, frame: pygame.Surface) -> pygame.Surface:
        key = f"{name}:{id(frame)}"
        if key not in self._prop_cache:
            self._prop_cache[key] = pygame.transform.flip(frame, True, False)
        return self._prop_cache[key]

    def _draw_protagonist_tag(self, surface: pygame.Surface, couple: Couple, t: float) -> None:
        """'you & crush' over you (one person, not the floor between the two of you when
        one fetches the tray), pointing down at you, clear of every head and label."""
        x, y = couple.you.position_at(t)
        tag = outlined(_("you & crush"), 18, P.GOLD, P.INK)
        point = 8
        size = (tag.get_width(), tag.get_height() + point)
        rect = self.placer.place(size, (x, y - HEAD_TOP - 2 + motion.bob(t, 3)), ways=UP_FIRST)
        self.tag_rect = rect
        if rect is None:
            return
        surface.blit(tag, rect.topleft)
        tip_y = rect.bottom
        cx = min(max(x, rect.x + 8), rect.right - 8)  # the point leans towards you
        pygame.draw.polygon(
            surface, P.GOLD, [(cx - 6, tip_y - point), (cx + 6, tip_y - point), (cx, tip_y)]
        )
        head = (x, y - HEAD_TOP + 2)
        if abs(cx - x) > 4 or head[1] - tip_y > 24:  # pushed aside: a leader down to you
            pygame.draw.line(surface, P.INK, (cx, tip_y), head, 4)
            pygame.draw.line(surface, P.GOLD, (cx, tip_y), head, 2)

    def _draw_selection(self, surface: pygame.Surface, selected: object, t: float) -> None:
        people = selected.people if isinstance(selected, Couple) else (selected,)
        for person in people:
            if isinstance(person, Person) and person.visible:
                x, y = person.position_at(t)
                pygame.draw.ellipse(surface, P.GOLD, (x - 24, y - 8, 48, 16), 3)

    # -- picking ----------------------------------------------------------------------
    @staticmethod
    def pick(shop: Shop, point: tuple[float, float]) -> object | None:
        """The couple or staff member under ``point`` (nearest body), or None."""
        best, best_d = None, 40.0
        candidates: list[tuple[Person, object]] = [(s, s) for s in shop.staff]
        candidates += [(p, c) for c in shop.couples for p in c.people if p.visible]
        for person, owner in candidates:
            x, y = person.position_at(shop.now)
            d = math.dist((x, y - 38), point)
            if d < best_d:
                best, best_d = owner, d
        return best


UP_FIRST = ((0, -1), (1, 0), (-1, 0))  # a tag over someone's head moves up, then aside


def heads_of(shop: Shop, t: float) -> list[pygame.Rect]:
    """Every visible character's head at ``t``: no floating label may cover one."""
    people: list[Person] = [*shop.staff, *shop.helpers]
    people += [p for c in shop.couples for p in c.people if p.visible]
    return [head_rect(p.position_at(t)) for p in people]


def frozen_people(shop: Shop) -> dict[int, float]:
    """While a plain blocking call holds the loop: id(person) -> the moment they were due
    to go on (empty otherwise). The blocker is not among them: it is the one running."""
    kernel = shop.kernel
    busy = kernel.busy
    if busy is None:
        return {}
    frozen: dict[int, float] = {}
    for task in kernel.tasks:
        late = kernel.overdue(task)
        if late <= 0 or task is busy.task:
            continue
        actor = task.actor
        people = actor.people if isinstance(actor, Couple) else (actor,)
        for person in people:
            if isinstance(person, Person):
                frozen[id(person)] = shop.now - late
    return frozen


def draw_fountain(surface: pygame.Surface, spot: Point) -> None:
    """Level 4's drinks fountain, just behind where the one pouring stands."""
    x, y = int(spot[0]), int(spot[1])
    body = pygame.Rect(0, 0, 96, 118)
    body.midbottom = (x, y - 26)
    pygame.draw.rect(surface, (60, 140, 200), body, border_radius=10)
    pygame.draw.rect(surface, P.INK, body, 3, border_radius=10)
    pygame.draw.rect(surface, (210, 235, 250), body.inflate(-24, -66).move(0, -18), border_radius=5)
    tag = label("DRINKS", 18, P.WHITE, True)
    surface.blit(tag, tag.get_rect(midbottom=(x, body.bottom - 30)))
    for dx in (-20, 20):
        pygame.draw.rect(surface, (40, 40, 50), (x + dx - 5, body.bottom - 26, 10, 14))
