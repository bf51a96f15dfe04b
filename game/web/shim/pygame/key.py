"""pygame.key: which keys are held (from the events ``event.get`` has seen) and their names."""

from __future__ import annotations

from . import _backend
from . import constants as C
from . import event as _event

_NAMES = {v: k[2:].lower() for k, v in vars(C).items() if k.startswith("K_")}


class ScancodeWrapper(tuple):
    """``get_pressed()[K_LEFT]``: pygame's keys are large numbers, so a lookup, not a list."""

    def __new__(cls, held: frozenset[int]) -> ScancodeWrapper:
        wrapper = super().__new__(cls, ())
        wrapper.held = held  # type: ignore[attr-defined]
        return wrapper

    def __getitem__(self, key: int) -> bool:  # type: ignore[override]
        return key in self.held  # type: ignore[attr-defined]


def get_pressed() -> ScancodeWrapper:
    return ScancodeWrapper(frozenset(_event.held))


def get_mods() -> int:
    return _event.mods


def name(key: int, use_compat: bool = True) -> str:
    return _NAMES.get(key, "unknown key")


def get_focused() -> bool:
    return True


def set_repeat(delay: int = 0, interval: int = 0) -> None:
    """The game repeats held keys itself (``Game.repeat_held``); the page sends none."""


def get_repeat() -> tuple[int, int]:
    return 0, 0


def start_text_input() -> None:
    """The page's text field always takes typed text (event ``text``); nothing to start."""


def stop_text_input() -> None:
    pass


text_input_rect: tuple[int, int, int, int] | None = None


def set_text_input_rect(rect: object) -> None:
    """Where the text goes (the editor's cursor): the page moves its text field there, so
    an input method's list of words opens by the cursor, as on the desktop."""
    global text_input_rect
    x, y, w, h = (int(v) for v in rect)  # type: ignore[attr-defined]
    text_input_rect = (x, y, w, h)
    _backend.page.textRect(x, y, w, h)
