"""pygame.event from the page's DOM events: the page queues keys, clicks, motion and the
window's size as small lists; ``get`` turns them into pygame Events with pygame's numbers
(the key names of ``keymap``), and keeps which keys are held for ``key.get_pressed``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import _backend as B
from . import constants as C
from .keymap import key_of

NAMES = {
    C.QUIT: "Quit", C.KEYDOWN: "KeyDown", C.KEYUP: "KeyUp", C.MOUSEMOTION: "MouseMotion",
    C.MOUSEBUTTONDOWN: "MouseButtonDown", C.MOUSEBUTTONUP: "MouseButtonUp",
    C.MOUSEWHEEL: "MouseWheel", C.VIDEORESIZE: "VideoResize", C.TEXTINPUT: "TextInput",
    C.TEXTEDITING: "TextEditing",
    C.WINDOWSIZECHANGED: "WindowSizeChanged",
}


class Event:
    def __init__(self, type: int, dict: dict[str, Any] | None = None, **attrs: Any) -> None:  # noqa: A002
        self.__dict__.update(dict or {})
        self.__dict__.update(attrs)
        self.__dict__["type"] = type

    @property
    def dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "type"}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Event) and self.__dict__ == other.__dict__

    def __bool__(self) -> bool:
        return self.type != C.NOEVENT

    def __repr__(self) -> str:
        return f"<Event({self.type}-{event_name(self.type)} {self.dict})>"


EventType = Event
_posted: list[Event] = []
held: set[int] = set()
mods = 0
mouse = {"pos": (0, 0), "buttons": (False, False, False)}
_MODS = {1: C.KMOD_SHIFT, 2: C.KMOD_CTRL, 4: C.KMOD_ALT, 8: C.KMOD_META}


def event_name(type: int) -> str:  # noqa: A002
    return NAMES.get(type, "UserEvent" if type >= C.USEREVENT else "Unknown")


def _mods(bits: int) -> int:
    return sum(m for bit, m in _MODS.items() if bits & bit)


def translate(raw: list[Any]) -> Event | None:
    """One queued DOM event ([kind, ...] from boot.js) as a pygame Event; None to drop."""
    global mods
    kind = raw[0]
    if kind in ("kd", "ku"):
        _, code, key, bits = raw
        number = key_of(str(code), str(key))
        mods = _mods(int(bits))
        if number is None:
            return None
        text = str(key) if kind == "kd" and len(str(key)) == 1 and not (int(bits) & 10) else ""
        if kind == "kd":
            held.add(number)
            return Event(C.KEYDOWN, key=number, mod=mods, unicode=text, scancode=0)
        held.discard(number)
        return Event(C.KEYUP, key=number, mod=mods, unicode="", scancode=0)
    if kind in ("md", "mu"):
        _, x, y, button = raw
        pos = (int(x), int(y))
        mouse["pos"] = pos
        pressed = list(mouse["buttons"])
        if 1 <= int(button) <= 3:
            pressed[int(button) - 1] = kind == "md"
        mouse["buttons"] = tuple(pressed)
        etype = C.MOUSEBUTTONDOWN if kind == "md" else C.MOUSEBUTTONUP
        return Event(etype, pos=pos, button=int(button), touch=False, window=None)
    if kind == "mm":
        _, x, y, dx, dy = raw
        mouse["pos"] = (int(x), int(y))
        return Event(C.MOUSEMOTION, pos=mouse["pos"], rel=(int(dx), int(dy)),
                     buttons=mouse["buttons"], touch=False, window=None)
    if kind == "wheel":
        _, dx, dy = raw
        return Event(C.MOUSEWHEEL, x=int(dx), y=int(dy), flipped=False, precise_x=float(dx),
                     precise_y=float(dy), touch=False, window=None)
    if kind == "text":  # what the page's text field received: characters, not keys
        return Event(C.TEXTINPUT, text=str(raw[1]), window=None)
    if kind == "editing":  # an input method's word, not yet chosen
        text = str(raw[1])
        return Event(C.TEXTEDITING, text=text, start=len(text), length=0, window=None)
    if kind == "blur":  # the page lost focus: nothing stays held
        held.clear()
        return None
    return None


def _drain() -> list[Event]:
    raw = B.to_py(B.page.drain())
    events = [e for e in (translate(r) for r in raw) if e is not None]  # type: ignore[union-attr]
    if _posted:
        events = _posted + events
        _posted.clear()
    return events


def get(eventtype: Any = None, pump: bool = True, exclude: Any = None) -> list[Event]:
    events = _drain()
    if eventtype is None and exclude is None:
        return events
    wanted = _set(eventtype)
    unwanted = _set(exclude)
    keep = [e for e in events if (wanted and e.type not in wanted) or e.type in unwanted]
    _posted.extend(keep)
    return [e for e in events if e not in keep]


def _set(types: Any) -> set[int]:
    if types is None:
        return set()
    return set(types) if isinstance(types, Iterable) else {types}


def poll() -> Event:
    events = _drain()
    if not events:
        return Event(C.NOEVENT)
    _posted.extend(events[1:])
    return events[0]


def pump() -> None:
    _posted.extend(_drain())


def post(event: Event) -> bool:
    _posted.append(event)
    return True


def clear(eventtype: Any = None, pump: bool = True) -> None:
    get(eventtype)


def peek(eventtype: Any = None, pump: bool = True) -> bool:
    _posted.extend(_drain())
    wanted = _set(eventtype)
    return any(not wanted or e.type in wanted for e in _posted)


def set_allowed(types: Any) -> None:
    pass


def set_blocked(types: Any) -> None:
    pass


def get_grab() -> bool:
    return False


def set_grab(value: bool) -> None:
    pass


def custom_type() -> int:
    global _next_type
    _next_type += 1
    return _next_type - 1


_next_type = C.USEREVENT + 1
