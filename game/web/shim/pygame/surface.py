"""pygame's Surface on an HTML canvas: blits, fills and clip rects are worked out here in
Python (pygame's rules), and each becomes one canvas call with whole numbers."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from . import _backend as B
from .constants import BLEND_RGBA_MULT, SRCALPHA
from .rect import Rect, _make

_draw = B.canvas.blit
_fill = B.canvas.fill
_css_cache: dict[tuple, tuple[str, str, int]] = {}


class error(RuntimeError):  # noqa: N801 - pygame's name
    pass


def colour(value: Any) -> tuple[str, str, int]:
    """(css with alpha, css opaque, alpha) for a colour tuple, list or pygame-like Color."""
    key = value if isinstance(value, tuple) else tuple(value)
    found = _css_cache.get(key)
    if found is None:
        r, g, b = int(key[0]), int(key[1]), int(key[2])
        a = int(key[3]) if len(key) > 3 else 255
        found = (f"rgba({r},{g},{b},{a / 255:.4f})", f"rgb({r},{g},{b})", a)
        _css_cache[key] = found
    return found


class Surface:
    __slots__ = ("_s", "_w", "_h", "_alpha", "_clip", "_parent", "_at", "__weakref__")

    def __init__(
        self, size: Sequence[float], flags: int = 0, depth: int = 0, masks: Any = None, *,
        _handle: Any = None,
    ) -> None:
        w, h = int(size[0]), int(size[1])
        if w < 0 or h < 0:
            raise error("Invalid resolution for Surface")
        self._w, self._h = w, h
        self._alpha = bool(flags & SRCALPHA)
        self._s = _handle if _handle is not None else B.canvas.surface(w, h, self._alpha)
        self._clip = Rect(0, 0, w, h)
        self._parent: Surface | None = None
        self._at = (0, 0)

    # size
    def get_size(self) -> tuple[int, int]:
        return self._w, self._h

    def get_width(self) -> int:
        return self._w

    def get_height(self) -> int:
        return self._h

    def get_rect(self, **where: Any) -> Rect:
        rect = Rect(0, 0, self._w, self._h)
        for name, value in where.items():
            setattr(rect, name, value)
        return rect

    def get_flags(self) -> int:
        return SRCALPHA if self._alpha else 0

    def get_bitsize(self) -> int:
        return 32

    def get_alpha(self) -> int | None:
        return 255 if self._alpha else None

    def set_alpha(self, value: int | None, flags: int = 0) -> None:
        """Surface-wide alpha is not part of what the game draws with: only kept."""

    def get_parent(self) -> Surface | None:
        return self._parent

    def get_offset(self) -> tuple[int, int]:
        return self._at

    # clip
    def set_clip(self, rect: Any = None) -> None:
        whole = Rect(0, 0, self._w, self._h)
        self._clip = whole if rect is None else whole.clip(Rect(rect))
        c = self._clip
        B.canvas.setClip(self._s, c.x, c.y, c.w, c.h)

    def get_clip(self) -> Rect:
        return self._clip.copy()

    # painting
    def fill(self, color: Any, rect: Any = None, special_flags: int = 0) -> Rect:
        c = self._clip
        if rect is None:
            x0, y0, x1, y1 = c.x, c.y, c.x + c.w, c.y + c.h
        else:
            r = rect if isinstance(rect, Rect) else Rect(rect)
            if r.w < 0 or r.h < 0:
                r = r.copy()
                r.normalize()
            x0, y0 = max(r.x, c.x), max(r.y, c.y)
            x1, y1 = min(r.x + r.w, c.x + c.w), min(r.y + r.h, c.y + c.h)
        if x1 <= x0 or y1 <= y0:
            return _make(x0, y0, 0, 0)
        css, opaque, a = colour(color)
        if special_flags == BLEND_RGBA_MULT:
            key = tuple(color)
            B.canvas.multiply(self._s, *key[:3], key[3] if len(key) > 3 else 255,
                              x0, y0, x1 - x0, y1 - y0)
        elif special_flags:
            raise error(f"fill flag {special_flags} is not drawn in the page")
        else:
            _fill(self._s, css if self._alpha else opaque, x0, y0, x1 - x0, y1 - y0)
        return _make(x0, y0, x1 - x0, y1 - y0)

    def blit(
        self, source: Surface, dest: Any = (0, 0), area: Any = None, special_flags: int = 0
    ) -> Rect:
        if isinstance(dest, Rect):
            dx, dy = dest.x, dest.y
        else:
            dx, dy = int(dest[0]), int(dest[1])
        if area is None:
            ax, ay, aw, ah = 0, 0, source._w, source._h
        else:
            a = area if isinstance(area, Rect) else Rect(area)
            ax, ay, aw, ah = a.x, a.y, a.w, a.h
            if ax < 0:
                dx, aw, ax = dx - ax, aw + ax, 0
            if ay < 0:
                dy, ah, ay = dy - ay, ah + ay, 0
            aw, ah = min(aw, source._w - ax), min(ah, source._h - ay)
        c = self._clip
        x0, y0 = max(dx, c.x), max(dy, c.y)
        x1, y1 = min(dx + aw, c.x + c.w), min(dy + ah, c.y + c.h)
        if x1 <= x0 or y1 <= y0:
            return _make(dx, dy, 0, 0)
        _draw(self._s, source._s, ax + x0 - dx, ay + y0 - dy, x1 - x0, y1 - y0, x0, y0)
        return _make(x0, y0, x1 - x0, y1 - y0)

    def blits(self, sequence: Iterable[Any], doreturn: bool = True) -> list[Rect] | None:
        rects = [self.blit(*item) for item in sequence]
        return rects if doreturn else None

    def fblits(self, sequence: Iterable[Any], special_flags: int = 0) -> None:
        blit = self.blit
        for source, dest in sequence:
            blit(source, dest)

    # new surfaces
    def copy(self) -> Surface:
        return Surface((self._w, self._h), SRCALPHA if self._alpha else 0,
                       _handle=B.canvas.copy(self._s, self._alpha))

    def convert(self, *args: Any) -> Surface:
        return Surface((self._w, self._h), 0, _handle=B.canvas.copy(self._s, False))

    def convert_alpha(self, *args: Any) -> Surface:
        return Surface((self._w, self._h), SRCALPHA, _handle=B.canvas.copy(self._s, True))

    def subsurface(self, *args: Any) -> Surface:
        r = Rect(*args)
        if r.x < 0 or r.y < 0 or r.right > self._w or r.bottom > self._h:
            raise ValueError("subsurface rectangle outside surface area")
        sub = Surface(
            r.size, SRCALPHA if self._alpha else 0,
            _handle=B.canvas.subsurface(self._s, r.x, r.y, r.w, r.h),
        )
        sub._parent, sub._at = self, (r.x, r.y)
        return sub

    def get_bounding_rect(self, min_alpha: int = 1) -> Rect:
        return Rect(*B.to_py(B.canvas.bounds(self._s, min_alpha)))

    # pixels
    def _rgba(self) -> bytes:
        return bytes(B.to_py(B.canvas.pixels(self._s)))

    def get_at(self, pos: Sequence[int]) -> tuple[int, int, int, int]:
        x, y = int(pos[0]), int(pos[1])
        if not (0 <= x < self._w and 0 <= y < self._h):
            raise IndexError("pixel index out of range")
        px = B.to_py(B.canvas.pixel(self._s, x, y))
        return tuple(int(v) for v in px)  # type: ignore[return-value]

    def lock(self) -> None:
        pass

    def unlock(self) -> None:
        pass

    def __repr__(self) -> str:
        return f"<Surface({self._w}x{self._h}x32{' SRCALPHA' if self._alpha else ''})>"
