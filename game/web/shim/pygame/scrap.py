"""pygame.scrap: the page's clipboard (text only, which is all the game puts there)."""

from __future__ import annotations

from . import _backend as B
from .surface import error

SCRAP_TEXT = "text/plain;charset=utf-8"
_init = False


def init() -> None:
    global _init
    _init = True


def get_init() -> bool:
    return _init


def put_text(text: str) -> None:
    if not B.page.clipboard(str(text)):
        raise error("this browser gives the page no clipboard")


def put(kind: str, data: bytes) -> None:
    put_text(data.decode("utf-8", "replace"))
