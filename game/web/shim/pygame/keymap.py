"""The browser's key names (``KeyboardEvent.code`` and ``.key``) as pygame's key numbers.

Letters follow the keyboard's layout as pygame's do (the ``key`` the user typed); the
rest follows the physical key (``code``): ``Equal`` is ``K_EQUALS`` with or without shift,
as in pygame, while ``unicode`` carries the character typed."""

from __future__ import annotations

from . import constants as C

CODES = {
    "Escape": C.K_ESCAPE, "Tab": C.K_TAB, "Enter": C.K_RETURN, "NumpadEnter": C.K_KP_ENTER,
    "Backspace": C.K_BACKSPACE, "Delete": C.K_DELETE, "Insert": C.K_INSERT, "Space": C.K_SPACE,
    "ArrowLeft": C.K_LEFT, "ArrowRight": C.K_RIGHT, "ArrowUp": C.K_UP, "ArrowDown": C.K_DOWN,
    "Home": C.K_HOME, "End": C.K_END, "PageUp": C.K_PAGEUP, "PageDown": C.K_PAGEDOWN,
    "Minus": C.K_MINUS, "Equal": C.K_EQUALS, "BracketLeft": C.K_LEFTBRACKET,
    "BracketRight": C.K_RIGHTBRACKET, "Comma": C.K_COMMA, "Period": C.K_PERIOD,
    "Slash": C.K_SLASH, "Backslash": C.K_BACKSLASH, "Semicolon": C.K_SEMICOLON,
    "Quote": C.K_QUOTE, "Backquote": C.K_BACKQUOTE,
    "NumpadAdd": C.K_KP_PLUS, "NumpadSubtract": C.K_KP_MINUS, "NumpadMultiply": C.K_KP_MULTIPLY,
    "NumpadDivide": C.K_KP_DIVIDE, "NumpadDecimal": C.K_KP_PERIOD,
    "ShiftLeft": C.K_LSHIFT, "ShiftRight": C.K_RSHIFT, "ControlLeft": C.K_LCTRL,
    "ControlRight": C.K_RCTRL, "AltLeft": C.K_LALT, "AltRight": C.K_RALT,
    "MetaLeft": C.K_LMETA, "MetaRight": C.K_RMETA, "CapsLock": C.K_CAPSLOCK,
    **{f"F{n}": getattr(C, f"K_F{n}") for n in range(1, 13)},
    **{f"Digit{n}": getattr(C, f"K_{n}") for n in range(10)},
    **{f"Numpad{n}": getattr(C, f"K_KP{n}") for n in range(10)},
    **{f"Key{c}": ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
}


def key_of(code: str, key: str) -> int | None:
    """pygame's number for a browser key; None for a key pygame has no name for."""
    if len(key) == 1 and key.isalpha() and key.isascii() and code.startswith("Key"):
        return ord(key.lower())
    return CODES.get(code)
