"""How people and trays look, worked out from the model: sprite tags, facing, bubbles, spots.

The model says what happens (activities and since when, walks, who holds which tray, which
place a tray lies on); this module says how that looks. Every function here is a pure
function of the model at one moment, so a frame can be drawn for any time without having
watched the ones before it.
"""

from __future__ import annotations

from ..shop import Shop
from ..shop.layout import Table
from ..shop.people import SIDE_BY_SIDE, Person, Point, Tray
from ..shop.places import Counter

SHEET_FOR_ROLE = {
    "boy": "boy",
    "girl": "girl",
    "cashier": "cashier",
    "cook": "cook",
    "cashier_cook": "cashier_cook",
}
TAGS = {
    "boy": {
        "idle",
        "walk",
        "order",
        "pay",
        "wait",
        "carry",
        "sit_talk",
        "sit_flirt",
        "sit_glance",
        "sit_eat",
        "sit_sad",
    },
    "cashier": {"idle", "talk", "pay", "give", "shout", "walk"},
    "cook": {"idle", "cook", "walk", "carry"},
    "cashier_cook": {"idle", "talk", "walk", "cook", "carry"},
}
TAGS["girl"] = TAGS["boy"]
FALLBACK = {"pay": "talk", "give": "talk", "shout": "talk", "carry": "walk", "talk": "idle"}

# What each activity of the model looks like (before the role's fallbacks).
TAG_FOR_ACTIVITY = {
    "standing": "idle",
    "walking": "walk",
    "ordering": "order",
    "paying": "pay",
    "waiting": "wait",
    "sitting": "sit_talk",  # seated, quiet: the talking pose without a bubble
    "talking": "sit_talk",
    "listening": "sit_flirt",
    "glancing": "sit_glance",
    "eating": "sit_eat",
    "taking the order": "talk",
    "taking the money": "pay",
    "calling the order": "shout",
    "giving the ticket": "give",
    "cooking": "cook",
    "working out a recipe": "idle",  # level 3: thinking, hands still
    "pouring drinks": "pay",  # level 4: an arm out to the tap
    "cleaning the grill": "cook",  # level 10: scraping it clean at closing time
}
# The speech bubble of someone speaking while they do this.
BUBBLE_FOR_ACTIVITY = {"ordering": "order", "calling the order": "order", "talking": "talk"}
COUNTER_TOP = 252.0  # parallel shop: where a tray stands on a counter (its feet)


def tag_for(person: Person, activity: str | None = None, carrying: bool | None = None) -> str:
    """The animation for what the person is doing (every role shows every activity);
    ``activity`` / ``carrying``: what they did and held at the drawn time, if not now."""
    tag = TAG_FOR_ACTIVITY[activity or person.activity]
    holds = person.carrying is not None if carrying is None else carrying
    if tag == "walk" and holds:
        tag = "carry"
    tags = TAGS[person.role]
    while tag not in tags:
        tag = FALLBACK.get(tag, "idle")
    return tag


def animation_names() -> set[tuple[str, str]]:
    """Every (sheet, tag) the renderer may ask for: the asset tests check they all exist."""
    return {(SHEET_FOR_ROLE[role], tag) for role, tags in TAGS.items() for tag in tags}


def bubble_for(person: Person) -> str:
    """'order', 'talk' or '' (nobody speaking)."""
    return BUBBLE_FOR_ACTIVITY.get(person.activity, "") if person.speaking else ""


def _sign(dx: float) -> int:
    return 1 if dx > 0 else -1


def facing(person: Person, table: Table | None = None, till: Counter | None = None) -> int:
    """+1 right, -1 left. Seated people face their table and cooks their grill; anyone
    else faces the way they last walked, and a server who walked no real distance sideways
    looks at the customers' side of their till once a couple has come to it."""
    if person.seated and table is not None:
        return _sign(table.center[0] - person.pos[0])
    if person.activity == "cooking":
        return -1  # the grill is on the cook's left
    (ax, _), (bx, _) = person.segment.a, person.segment.b
    if abs(bx - ax) > 1:
        return _sign(bx - ax)
    if till is not None and till.customer is not None:
        station = till.station
        you_x = station.customer_spot[0] - SIDE_BY_SIDE  # the one who orders stands left
        if abs(you_x - station.staff_spot[0]) > 1:
            return _sign(you_x - station.staff_spot[0])
    return 1


def tills_by_server(shop: Shop) -> dict[int, Counter]:
    """id(server) -> the till they serve at."""
    return {id(c.server): c for c in shop.counters if c.server is not None}


def tray_spots(shop: Shop) -> list[tuple[Tray, Point]]:
    """Trays lying on a counter and the spot their feet stand on, in the order to draw."""
    spots = shop.layout.tray_spots
    pickup = shop.pickup
    out = [(tray, spots[pickup.slot_of[n]]) for n, tray in pickup.trays.items() if spots]
    out += [(c.tray, (c.station.staff_spot[0], COUNTER_TOP)) for c in shop.counters if c.tray]
    return out
