"""pygame.mouse: where the pointer is on the game's canvas, and its buttons."""

from __future__ import annotations

from . import event as _event


def get_pos() -> tuple[int, int]:
    return _event.mouse["pos"]  # type: ignore[return-value]


def get_pressed(num_buttons: int = 3) -> tuple[bool, ...]:
    return _event.mouse["buttons"]  # type: ignore[return-value]


def set_visible(value: bool) -> int:
    return 1


def get_visible() -> bool:
    return True
