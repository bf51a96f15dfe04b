"""The model's own words, as the player reads them in their language.

The model names things in English identifiers (a couple's phase "flirting", a task
"cashier 2", an event "display shows #7", a state "sleeping until 4.00"): those stay the
keys the metrics, colours and tests use. Here each known pattern becomes a whole
translated sentence with named placeholders; a name no pattern knows is shown as it is.
"""

from __future__ import annotations

import re

from .. import i18n
from ..i18n import N_, _
from ..shop.people import Couple

PHASES: dict[str, str] = {  # couples' and staff's timeline phases, cleaners' too
    "in line": N_("in line"),
    "ordering": N_("ordering"),
    "flirting": N_("flirting"),
    "fetching": N_("fetching"),
    "standing": N_("standing"),
    "eating": N_("eating"),
    "leaving": N_("leaving"),
    "idle": N_("idle"),
    "taking order": N_("taking an order"),
    "passing order": N_("passing the order"),
    "cooking": N_("cooking"),
    "switching": N_("switching rooms"),
    "mopping": N_("mopping"),
    "done": N_("done"),
}

STATES: dict[str, str] = {  # the scheduler's task states
    "ready": N_("ready"),
    "running": N_("running"),
    "sleeping": N_("sleeping"),
    "waiting": N_("waiting"),
    "done": N_("done"),
    "failed": N_("failed"),
    "cancelled": N_("cancelled"),
    "new": N_("new"),
}

KINDS: dict[str, str] = {
    "event": N_("event"),
    "queue": N_("queue"),
    "lock": N_("lock"),
    "semaphore": N_("semaphore"),
    "condition": N_("condition"),
}

GROUPS: dict[str, str] = {
    "staff": N_("staff"),
    "couples": N_("couples"),
    "door": N_("door"),
    "cleaners": N_("cleaners"),
    "requests": N_("requests"),  # level 8: the web server's handlers
}

ROOMS: dict[str, str] = {  # the house's rooms (house/layout.py)
    "your room": N_("your room"),
    "kitchen": N_("kitchen"),
    "laundry": N_("laundry"),
    "study": N_("study"),
    "bedroom": N_("bedroom"),
    "bathroom": N_("bathroom"),
    "kids' room": N_("kids' room"),
    "living room": N_("living room"),
    "hall": N_("hall"),
}

# (pattern over the model's name, message with the same named groups as placeholders)
NAMES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), m)
    for p, m in (
        (r"you & crush", N_("you & crush")),
        (r"you", N_("you")),
        (r"arrivals", N_("arrivals")),
        (r"couple #(?P<n>\d+)", N_("couple #{n}")),
        (r"cashier", N_("cashier")),
        (r"cashier (?P<n>\d+)", N_("cashier {n}")),
        (r"cook", N_("cook")),
        (r"cook (?P<n>\d+)", N_("cook {n}")),
        (r"cashier-cook (?P<n>\d+)", N_("cashier-cook {n}")),
        (r"helper (?P<n>\d+)", N_("helper {n}")),
        (r"kitchen order slips", N_("kitchen order slips")),
        (r"free counters", N_("free counters")),
        (r"free tables", N_("free tables")),
        (r"pickup counter", N_("pickup counter")),
        (r"line moves for (?P<who>.+)", N_("line moves for {who}")),
        (r"reply to (?P<who>.+)", N_("reply to {who}")),
        (r"display shows #(?P<n>\d+)", N_("board shows #{n}")),
        (r"burgers at counter (?P<n>\d+)", N_("burgers at counter {n}")),
        (r"counter (?P<n>\d+) orders", N_("counter {n} orders")),
        (r"till (?P<n>\d+) orders", N_("till {n} orders")),
        (r"station (?P<n>\d+) orders", N_("counter {n} orders")),
        (r"drinks fountain", N_("drinks fountain")),
        (r"(?P<who>.+): burgers", N_("{who}: burgers")),  # gather's children (level 4)
        (r"(?P<who>.+): drinks", N_("{who}: drinks")),
        (r"(?P<who>.+) gathers", N_("{who} gathers")),
        (r"(?P<who>.+) finished", N_("{who} finished")),
        (r"(?P<what>.+) \(full\)", N_("{what} (full)")),
    )
]

_STATE_TEXT = [
    (re.compile(r"sleeping until (?P<t>[\d.]+)"), N_("sleeps until {t}")),
    (re.compile(r"waiting on (?P<kind>\w+) (?P<name>.+)"), N_("waits on {kind} '{name}'")),
    (re.compile(r"failed: (?P<error>.+)"), N_("failed: {error}")),
]


def phase(label: str) -> str:
    """A timeline phase ("flirting") in the player's language."""
    return _(PHASES[label]) if label in PHASES else label


def state(name: str) -> str:
    return _(STATES[name]) if name in STATES else name


def kind(name: str) -> str:
    return _(KINDS[name]) if name in KINDS else name


def group(name: str) -> str:
    return _(GROUPS[name]) if name in GROUPS else name


def room(name: str) -> str:
    return _(ROOMS[name]) if name in ROOMS else name


_named: dict[tuple[int, str], str] = {}  # (language generation, name) -> words: the same
# few dozen names come back every frame, and each costs a pass over the patterns


def name(text: str) -> str:
    """A model name ("cashier 2", "reply to couple #4") in the player's language."""
    key = (i18n.generation(), text)
    said = _named.get(key)
    if said is None:
        if len(_named) >= 2048:
            _named.clear()  # a new language, or a long day of new couples: start afresh
        said = _named[key] = _name(text)
    return said


def _name(text: str) -> str:
    for pattern, message in NAMES:
        found = pattern.fullmatch(text)
        if found:
            parts = {k: name(v) for k, v in found.groupdict().items()}
            return _(message).format(**parts)
    return text


def state_text(text: str) -> str:
    """A task's state in words, as ``Task.describe`` says it, in the player's language."""
    for pattern, message in _STATE_TEXT:
        found = pattern.fullmatch(text)
        if found:
            parts = found.groupdict()
            if "kind" in parts:
                parts["kind"], parts["name"] = kind(parts["kind"]), name(parts["name"])
            return _(message).format(**parts)
    return state(text)


def couple_name(couple: Couple) -> str:
    return _("you & crush") if couple.protagonist else name(couple.name)


def caption(couple: Couple) -> str:
    """What the story says the couple is doing now (``story.STEPS``), translated."""
    template = couple.caption_template
    if not template:
        return phase(couple.phase)
    return _(template).format(number=couple.number)
