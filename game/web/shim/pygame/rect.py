"""pygame's Rect in plain Python: whole numbers (floats are cut toward zero, as pygame does),
every named point and the methods the game calls, checked against pygame-ce by the tests."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any


def _n(value: Any) -> int:
    return int(value)


def _half(n: int) -> int:
    """C's ``n / 2`` on ints: toward zero (pygame's inflate and centre use it)."""
    return int(n / 2)


def _four(args: tuple) -> tuple[int, int, int, int]:
    if len(args) == 1:
        arg = args[0]
        if isinstance(arg, Rect):
            return arg.x, arg.y, arg.w, arg.h
        if hasattr(arg, "rect") and not isinstance(arg, Sequence):
            rect = arg.rect() if callable(arg.rect) else arg.rect
            return _four((rect,))
        args = tuple(arg)
    if len(args) == 2:
        (x, y), (w, h) = args
        return _n(x), _n(y), _n(w), _n(h)
    if len(args) == 4:
        x, y, w, h = args
        return _n(x), _n(y), _n(w), _n(h)
    raise TypeError("Argument must be rect style object")


def _ints(args: tuple) -> bool:
    a, b, c, d = args
    return type(a) is int and type(b) is int and type(c) is int and type(d) is int  # noqa: E721


class Rect:
    __slots__ = ("x", "y", "w", "h")

    def __init__(self, *args: Any) -> None:
        if len(args) == 4 and _ints(args):  # the common case, without the parsing
            x, y, w, h = args
        else:
            x, y, w, h = _four(args)
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)
        object.__setattr__(self, "w", w)
        object.__setattr__(self, "h", h)

    def __setattr__(self, name: str, value: Any) -> None:
        if name in ("x", "y", "w", "h"):
            object.__setattr__(self, name, _n(value))
        else:
            prop = getattr(type(self), name, None)
            if not isinstance(prop, property) or prop.fset is None:
                raise AttributeError(f"'Rect' object has no attribute '{name}'")
            prop.fset(self, value)

    # sizes and edges
    width = property(lambda r: r.w, lambda r, v: setattr(r, "w", v))
    height = property(lambda r: r.h, lambda r, v: setattr(r, "h", v))
    left = property(lambda r: r.x, lambda r, v: setattr(r, "x", v))
    top = property(lambda r: r.y, lambda r, v: setattr(r, "y", v))
    right = property(lambda r: r.x + r.w, lambda r, v: setattr(r, "x", _n(v) - r.w))
    bottom = property(lambda r: r.y + r.h, lambda r, v: setattr(r, "y", _n(v) - r.h))
    centerx = property(
        lambda r: r.x + _half(r.w), lambda r, v: setattr(r, "x", _n(v) - _half(r.w))
    )
    centery = property(
        lambda r: r.y + _half(r.h), lambda r, v: setattr(r, "y", _n(v) - _half(r.h))
    )

    @property
    def size(self) -> tuple[int, int]:
        return self.w, self.h

    @size.setter
    def size(self, value: Sequence[float]) -> None:
        self.w, self.h = value

    def _pair(xname: str, yname: str) -> property:  # noqa: N805 - a property maker
        def get(r: Rect) -> tuple[int, int]:
            return getattr(r, xname), getattr(r, yname)

        def put(r: Rect, value: Sequence[float]) -> None:
            setattr(r, xname, value[0])
            setattr(r, yname, value[1])

        return property(get, put)

    topleft = _pair("left", "top")
    topright = _pair("right", "top")
    bottomleft = _pair("left", "bottom")
    bottomright = _pair("right", "bottom")
    midtop = _pair("centerx", "top")
    midbottom = _pair("centerx", "bottom")
    midleft = _pair("left", "centery")
    midright = _pair("right", "centery")
    center = _pair("centerx", "centery")
    del _pair

    # the sequence protocol: Rect is (x, y, w, h)
    def __iter__(self) -> Iterator[int]:
        return iter((self.x, self.y, self.w, self.h))

    def __len__(self) -> int:
        return 4

    def __getitem__(self, i: int | slice) -> Any:
        return (self.x, self.y, self.w, self.h)[i]

    def __setitem__(self, i: int, value: float) -> None:
        setattr(self, ("x", "y", "w", "h")[i], value)

    def __eq__(self, other: object) -> bool:
        try:
            return tuple(self) == _four((other,))
        except (TypeError, ValueError):
            return NotImplemented

    def __hash__(self) -> int:  # pygame's Rect is unhashable; the game never hashes one
        raise TypeError("unhashable type: 'Rect'")

    def __bool__(self) -> bool:
        return self.w != 0 and self.h != 0

    def __repr__(self) -> str:
        return f"Rect({self.x}, {self.y}, {self.w}, {self.h})"

    def __copy__(self) -> Rect:
        return Rect(self.x, self.y, self.w, self.h)

    def copy(self) -> Rect:
        return _make(self.x, self.y, self.w, self.h)

    def update(self, *args: Any) -> None:
        self.x, self.y, self.w, self.h = _four(args)

    # moving and resizing
    def move(self, *args: Any) -> Rect:
        dx, dy = args[0] if len(args) == 1 else args
        return Rect(self.x + _n(dx), self.y + _n(dy), self.w, self.h)

    def move_ip(self, *args: Any) -> None:
        dx, dy = args[0] if len(args) == 1 else args
        self.x += _n(dx)
        self.y += _n(dy)

    def inflate(self, *args: Any) -> Rect:
        dx, dy = args[0] if len(args) == 1 else args
        dx, dy = _n(dx), _n(dy)
        return _make(self.x - _half(dx), self.y - _half(dy), self.w + dx, self.h + dy)

    def inflate_ip(self, *args: Any) -> None:
        self.update(self.inflate(*args))

    def scale_by(self, x: float, y: float | None = None) -> Rect:
        y = x if y is None else y
        w, h = _n(self.w * x), _n(self.h * y)
        return Rect(self.x - _half(w - self.w), self.y - _half(h - self.h), w, h)

    def clamp(self, *args: Any) -> Rect:
        a = Rect(*args)
        if self.w >= a.w:
            x = a.x + _half(a.w) - _half(self.w)
        else:
            x = a.x if self.x < a.x else min(self.x, a.right - self.w)
        if self.h >= a.h:
            y = a.y + _half(a.h) - _half(self.h)
        else:
            y = a.y if self.y < a.y else min(self.y, a.bottom - self.h)
        return Rect(x, y, self.w, self.h)

    def clamp_ip(self, *args: Any) -> None:
        self.update(self.clamp(*args))

    def normalize(self) -> None:
        if self.w < 0:
            self.x, self.w = self.x + self.w, -self.w
        if self.h < 0:
            self.y, self.h = self.y + self.h, -self.h

    # two rects
    def clip(self, *args: Any) -> Rect:
        b = _rect(args)
        x0, y0 = max(self.x, b.x), max(self.y, b.y)
        x1, y1 = min(self.x + self.w, b.x + b.w), min(self.y + self.h, b.y + b.h)
        if x1 <= x0 or y1 <= y0:
            return _make(self.x, self.y, 0, 0)
        return _make(x0, y0, x1 - x0, y1 - y0)

    def union(self, *args: Any) -> Rect:
        b = Rect(*args)
        x0, y0 = min(self.x, b.x), min(self.y, b.y)
        return Rect(x0, y0, max(self.right, b.right) - x0, max(self.bottom, b.bottom) - y0)

    def union_ip(self, *args: Any) -> None:
        self.update(self.union(*args))

    def unionall(self, rects: Sequence[Any]) -> Rect:
        out = self.copy()
        for r in rects:
            out = out.union(r)
        return out

    def contains(self, *args: Any) -> bool:
        b = Rect(*args)
        return (
            self.x <= b.x
            and self.y <= b.y
            and b.right <= self.right
            and b.bottom <= self.bottom
            and self.right > b.x
            and self.bottom > b.y
        )

    def collidepoint(self, *args: Any) -> bool:
        x, y = args[0] if len(args) == 1 else args
        return self.x <= x < self.x + self.w and self.y <= y < self.y + self.h

    def colliderect(self, *args: Any) -> bool:
        b = _rect(args)
        if not (self.w and self.h and b.w and b.h):
            return False
        return (
            min(self.x, self.right) < max(b.x, b.right)
            and min(self.y, self.bottom) < max(b.y, b.bottom)
            and max(self.x, self.right) > min(b.x, b.right)
            and max(self.y, self.bottom) > min(b.y, b.bottom)
        )

    def collidelist(self, rects: Sequence[Any]) -> int:
        for i, r in enumerate(rects):
            if self.colliderect(r):
                return i
        return -1

    def collidelistall(self, rects: Sequence[Any]) -> list[int]:
        return [i for i, r in enumerate(rects) if self.colliderect(r)]


FRect = Rect


_new = object.__new__
_set_x, _set_y = Rect.x.__set__, Rect.y.__set__  # type: ignore[attr-defined]
_set_w, _set_h = Rect.w.__set__, Rect.h.__set__  # type: ignore[attr-defined]


def _make(x: int, y: int, w: int, h: int) -> Rect:
    """A Rect of four whole numbers, made without parsing (the drawing's hot path)."""
    r = _new(Rect)
    _set_x(r, x)
    _set_y(r, y)
    _set_w(r, w)
    _set_h(r, h)
    return r


def _rect(args: tuple) -> Rect:
    """The argument(s) of a two-rect method as a Rect (a Rect itself: as it is)."""
    if len(args) == 1 and type(args[0]) is Rect:  # noqa: E721
        return args[0]
    return Rect(*args)
