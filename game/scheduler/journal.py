"""The past as a record: every change a model makes, kept by tick, and read back at any tick.

Coroutines cannot be copied, so a moment already lived cannot be resumed; it need not be, to
be *shown*: what a view reads of a model is its objects' attributes and containers, and
those can be kept as they change (salabim's "monitors", as functions of time). A model
object opts in by deriving from ``Recorded``; its containers are ``RecList``, ``RecDeque``,
``RecDict`` or ``RecArray``. While a ``Journal`` is active (``active``; the kernel's
``before_run`` hook turns it on for each step of the world it records), every change is
kept as (tick, the value before), the first per tick only, and only for attributes that
do change after they were first set: the value now lives in the object itself.

``Past(journal, tick, now)`` answers the same reads at ``tick``: ``past.of(obj)`` is a
*ghost* of ``obj`` whose attributes (and whose class's properties and methods, run on the
ghost) are what they were then, found by bisection; ghosts of the same object are the same
ghost, so ``is`` and ``id`` work; ``isinstance`` sees the real class. Containers read as
tuples (dicts as dicts) of what they held. The journal keeps the objects it recorded
alive: an object id is never reused while the past may ask about it.

Stdlib only, like the rest of the scheduler: the model decides what is recorded, the app
decides which tick a virtual time shows at (``key``).
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable
from types import MethodType
from typing import Any

from .instruments import Instrument

_ACTIVE: Journal | None = None  # the journal of the world whose code runs right now
_MISSING = object()
_PLAIN = (int, float, str, bool, type(None), bytes, complex)
# what a ghost's property or method gives that is kept for its next read: what cannot
# be changed in place (a list it builds is built anew each time, as on the live object)
_KEPT = frozenset((*_PLAIN, tuple, frozenset, MethodType))


class Recorded:
    """A model object whose attribute changes are recorded while a journal is active.
    (Its class has no properties with setters: attributes live in its ``__dict__``.)"""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        inside = self.__dict__
        journal = _ACTIVE
        if journal is None:
            inside[name] = value
            return
        old = inside.get(name, _MISSING)
        inside[name] = value
        if old is value:
            return
        if old is _MISSING:
            if journal._first == 0:  # built with the world: it lives all day long
                inside[_LOG] = _HISTORIES
            return
        # ``Journal.log`` and ``Journal.changed``, inlined: the hot path of a recorded world
        log = inside.get(_LOG)
        tick = journal._tick  # a step's clock stands still: set as it is turned on
        if log is None:
            log = inside[_LOG] = [tick, name, old]
            journal._logs.append(log)
        elif log is not _HISTORIES:
            if log[-3] != tick or log[-2] != name:  # only the last value of a tick shows
                log += (tick, name, old)
        else:
            key = _HEADS.get(name) or _head(name)
            head = inside.get(key)
            if head is None:
                journal._first_change(inside, key, old, value, tick)
            else:
                ticks, values = head
                if ticks[-1] == tick:
                    values[-1] = value
                else:
                    ticks.append(tick)
                    values.append(value)

    def _begin(self, **attrs: object) -> None:
        """Set what a new object starts with, in one go: a value set first is not a change
        (it lives in the object itself), so there is nothing to record, and a hook call per
        attribute is the cost of a recorded world's constructors."""
        inside = self.__dict__
        inside.update(attrs)
        journal = _ACTIVE
        if journal is not None and journal._first == 0:  # as in ``__setattr__``
            inside[_LOG] = _HISTORIES


_HEADS: dict[str, str] = {}  # attribute -> the key of its history in the object
WALK = 24  # changes walked back before an object's attributes get histories of their own
_LOG = "\x02"  # in an object's ``__dict__``: its undo log, or ``_HISTORIES``
# an object built with its world (or read far back) keeps a history per attribute instead
_HISTORIES: Any = type("Histories", (), {"__repr__": lambda self: "<histories>"})()


def _head(name: str) -> str:
    key = _HEADS.get(name)
    if key is None:
        key = _HEADS[name] = sys.intern(f"\x00{name}")
    return key


class _Still:
    """The clock of a journal that watches no kernel (yet): it reads 0."""

    now = 0.0


class Journal:
    """What changed in one world, and when. ``key`` turns virtual time into the tick that
    first shows it; the clock is the watched kernel's ``now``.

    Most objects live briefly and change a few times: each keeps an undo log in its own
    ``__dict__`` (under a key no attribute can have), one flat list of (tick, attribute,
    the value before) for every change, in order; the value now lives in the object. A
    change is then one list extend, and a read at a tick starts from the value now and
    walks back over the changes made after that tick (the journal holds no table of
    objects, only their logs, for the count). An object built with its world changes all
    day: each of its attributes keeps a history of its own there instead (ticks and
    values, bisected), as do an object's attributes once a read walks back more than
    ``WALK`` changes.
    """

    def __init__(self, key: Callable[[float], int]) -> None:
        self.key = key
        self.kernel: Any = None
        self._clock: Any = _Still
        self._switch: _Switch | None = None
        self._time = -1.0
        self._tick = 0
        self._first = 0  # what is built shows at tick 0; what runs, from tick 1 on
        self._logs: list[list[Any]] = []  # every undo log, for the count
        self._long: list[array[int]] = []  # the ticks of every history of its own
        self._moved = 0  # log entries whose object got histories of its own since

    @property
    def entries(self) -> int:
        """Changes kept in all (for the memory figures)."""
        logged = sum(len(log) // 3 for log in self._logs)
        return logged - self._moved + sum(len(ticks) for ticks in self._long)

    def tick(self) -> int:
        now = self._clock.now
        kernel = self.kernel
        if now != self._time:
            # a step holding the loop in a plain call: what it does shows as the live
            # model shows it, from the tick the hold began (``after_run`` forgets it)
            held = kernel.held_from if kernel is not None and kernel.holding else None
            self._time, self._tick = now, max(self._first, self.key(now if held is None else held))
        return self._tick

    def built(self) -> None:
        """The world is built: from now on changes are made by its running code, which
        tick 0 (the world as built, before any run) never shows."""
        global _ACTIVE
        _ACTIVE = None
        self._first, self._time = 1, -1.0

    def log(self, inside: dict[str, Any], name: str, old: object) -> None:
        """An attribute of an object that keeps an undo log changes now from ``old``
        (containers: their state, under the name "")."""
        tick = self._tick if self._clock.now == self._time else self.tick()
        log = inside.get(_LOG)
        if log is None:
            log = inside[_LOG] = [tick, name, old]
            self._logs.append(log)
        elif log[-3] != tick or log[-2] != name:
            log += (tick, name, old)

    def changed(self, inside: dict[str, Any], name: str, old: object, new: object) -> None:
        """An attribute of an object that keeps histories goes from ``old`` to ``new`` now
        (containers: their state, under the name ""). ``old`` is only read at an
        attribute's first change."""
        key = _HEADS.get(name) or _head(name)
        head = inside.get(key)
        tick = self._tick if self._clock.now == self._time else self.tick()
        if head is None:
            self._first_change(inside, key, old, new, tick)
        else:
            ticks, values = head
            if ticks[-1] == tick:
                values[-1] = new
            else:
                ticks.append(tick)
                values.append(new)

    def _first_change(
        self, inside: dict[str, Any], key: str, old: object, new: object, tick: int
    ) -> None:
        """The first change of a history: what it was before, since always (tick 0, which
        no change made by running code shows at), then what it is now."""
        ticks = array("I", (0, tick))
        inside[key] = (ticks, [old, new])
        self._long.append(ticks)

    def read(self, inside: dict[str, Any], name: str, tick: int, now: object) -> object:
        """The attribute's value at ``tick``, ``now`` being its value now."""
        log = inside.get(_LOG)
        if log is None:
            return now
        if log is _HISTORIES:
            head = inside.get(_HEADS.get(name) or _head(name))
            if head is None:
                return now
            ticks, values = head
            return values[bisect_right(ticks, tick) - 1]
        at = len(log) - 3
        value = now
        walked = 0
        while at >= 0:
            if log[at] <= tick:
                return value
            if log[at + 1] == name:
                value = log[at + 2]
            at -= 3
            walked += 1
            if walked == WALK and name:  # far back: histories, bisected from now on
                self._histories(inside, log)
                return self.read(inside, name, tick, now)
        return value

    def _histories(self, inside: dict[str, Any], log: list[Any]) -> None:
        """An object read far back: its undo log becomes a history per attribute, which
        its later changes extend."""
        rows: dict[str, list[int]] = {}
        for at in range(0, len(log), 3):
            rows.setdefault(log[at + 1], []).append(at)
        for name, ats in rows.items():
            ticks = array("I", [0, *(log[at] for at in ats)])
            values = [log[at + 2] for at in ats]
            values.append(inside[name])
            inside[_HEADS.get(name) or _head(name)] = (ticks, values)
            self._long.append(ticks)
        inside[_LOG] = _HISTORIES
        self._moved += len(log) // 3

    def settled(self, inside: dict[str, Any], name: str, tick: int) -> bool:
        """Has the attribute changed for the last time by ``tick`` (or never)? Then its value
        at ``tick`` is the one it has now."""
        log = inside.get(_LOG)
        if log is None:
            return True
        if log is _HISTORIES:
            head = inside.get(_HEADS.get(name) or _head(name))
            return head is None or bool(head[0][-1] <= tick)
        at = len(log) - 3
        while at >= 0 and log[at] > tick:
            if log[at + 1] == name:
                return False
            at -= 3
        return True

    def activate(self) -> None:
        """Record what changes from now on, at the tick of this moment (like a step, the
        changes made while it is on do not move the clock; turn it on again after)."""
        global _ACTIVE
        self.tick()
        _ACTIVE = self

    def watch(self, kernel: Any) -> None:
        """Record this kernel's world: its clock, and its steps (the journal is on while
        each runs), and its crashes."""
        self.kernel = self._clock = kernel
        self._time = -1.0
        self._switch = _Switch(self, kernel)
        kernel.add_instrument(self._switch)

    @property
    def crashes(self) -> list[tuple[int, object]]:
        """(tick, task) of every task that crashed, in order."""
        return self._switch.crashes if self._switch is not None else []


def deactivate() -> None:
    global _ACTIVE
    _ACTIVE = None


def active() -> Journal | None:
    return _ACTIVE


class _Switch(Instrument):
    """Turns the journal on for each step of its kernel and off after, and notes crashes
    (by tick). What the tasks did step by step is the await record's
    (``awaits_record.py``): this hook runs on every step, so it does nothing else."""

    def __init__(self, journal: Journal, kernel: Any) -> None:
        self.journal = journal
        self.kernel = kernel
        self.crashes: list[tuple[int, object]] = []

    def before_run(self, task: Any) -> None:
        global _ACTIVE
        journal = _ACTIVE = self.journal
        now = self.kernel.now
        if now != journal._time:  # the tick its changes show at (``Recorded`` reads it)
            journal._time = now
            journal._tick = max(journal._first, journal.key(now))

    def after_run(self, task: Any) -> None:
        global _ACTIVE
        _ACTIVE = None
        if self.kernel.holding:  # the hold's tick is not the clock's: read the clock anew
            self.journal._time = -1.0

    def ended(self, task: Any) -> None:
        if task.error is not None:
            self.crashes.append((self.journal.tick(), task))


# -- containers -------------------------------------------------------------------------
# ``grow`` containers only ever grow at their end (histories): their past is a prefix, so
# only the tick of each item put in while recording is kept (a typed column). The others
# record what they hold after each change. Each reads its own past (``_past_in``).


def _built_long(container: Any) -> None:
    """A container built with its world changes all day: a history of its own."""
    journal = _ACTIVE
    if journal is not None and journal._first == 0:
        container.__dict__[_LOG] = _HISTORIES


def _change(container: Any, journal: Journal, method: Callable[..., Any], *args: Any) -> Any:
    """Make a change to a recorded container: with a history, its state after the change
    goes there; else its state before goes to its undo log."""
    inside = container.__dict__
    if inside.get(_LOG) is _HISTORIES:
        old = None if _EMPTY in inside else container._state()
        result = method(container, *args)
        journal.changed(inside, "", old, container._state())
        return result
    journal.log(inside, "", container._state())
    return method(container, *args)


def _prefix(at: array[int], total: int, tick: int) -> int:
    """How many of ``total`` items were in by ``tick``, the last ``len(at)`` put in at
    the ticks ``at`` (the others before any of them)."""
    return total - len(at) + bisect_right(at, tick)


class RecList(list):  # type: ignore[type-arg]
    """A list whose changes are recorded; ``grow=True``: it only ever grows at its end."""

    def __init__(self, items: Iterable[Any] = (), *, grow: bool = False) -> None:
        super().__init__(items)
        self.grow = grow
        self._at = array("I")
        _built_long(self)

    def _state(self) -> object:
        return len(self) if self.grow else tuple(self)

    def append(self, item: Any) -> None:
        journal = _ACTIVE
        if journal is None or self.grow:
            list.append(self, item)
            if journal is not None:
                self._at.append(
                    journal._tick if journal._clock.now == journal._time else journal.tick()
                )
            return
        _change(self, journal, list.append, item)

    def _past_in(self, past: Past) -> Any:
        if self.grow:
            return PastSeq(past, self, 0, _prefix(self._at, len(self), past.tick))
        held = past.journal.read(self.__dict__, "", past.tick, self)
        return tuple(past.of(v) for v in held)  # type: ignore[attr-defined]


class RecDeque(deque):  # type: ignore[type-arg]
    """A deque whose changes are recorded. ``grow=True``: a log that is only appended to
    (a ``maxlen`` drops its oldest): every item is kept aside, its past is the last
    ``maxlen`` of a prefix."""

    def __init__(
        self, items: Iterable[Any] = (), maxlen: int | None = None, *, grow: bool = False
    ) -> None:
        super().__init__(items, maxlen)
        self.grow = grow
        self.every: list[Any] = list(self) if grow else []
        self._at = array("I")
        _built_long(self)

    def _state(self) -> object:
        return len(self.every) if self.grow else tuple(self)

    def append(self, item: Any) -> None:
        journal = _ACTIVE
        if journal is None:
            deque.append(self, item)
        elif self.grow:
            deque.append(self, item)
            self.every.append(item)  # kept aside only in a recorded world
            self._at.append(
                journal._tick if journal._clock.now == journal._time else journal.tick()
            )
        else:
            _change(self, journal, deque.append, item)

    def _past_in(self, past: Past) -> Any:
        if self.grow:
            end = _prefix(self._at, len(self.every), past.tick)
            start = 0 if self.maxlen is None else max(0, end - self.maxlen)
            return PastSeq(past, self.every, start, end)
        held = past.journal.read(self.__dict__, "", past.tick, self)
        return tuple(past.of(v) for v in held)  # type: ignore[attr-defined]


class RecDict(dict):  # type: ignore[type-arg]
    """A dict whose changes are recorded (what it holds after each change, in order)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _built_long(self)

    def _state(self) -> object:
        """Keys and values in one flat tuple (k0, v0, k1, v1...): one object a change."""
        flat: list[Any] = []
        for item in self.items():
            flat += item
        return tuple(flat)

    def _past_in(self, past: Past) -> dict[Any, Any]:
        flat: Any = past.journal.read(self.__dict__, "", past.tick, None)
        if flat is None:
            flat = self._state()
        of = past.of
        return {of(flat[i]): of(flat[i + 1]) for i in range(0, len(flat), 2)}


class RecArray(array):  # type: ignore[type-arg]
    """A typed column whose length is recorded (the tick of each item put in): its past
    is a prefix, or, if it is kept sorted (``insert``), only its length is right
    (``SortedRecArray``: what holds then)."""

    def __init__(self, *args: Any) -> None:
        self._at = array("I")

    def _state(self) -> object:
        return len(self)

    def _count(self, tick: int) -> int:
        return _prefix(self._at, len(self), tick)

    def _past_in(self, past: Past) -> array[Any]:
        return self[: self._count(past.tick)]

    def append(self, value: Any) -> None:
        array.append(self, value)
        journal = _ACTIVE
        if journal is not None:
            self._at.append(
                journal._tick if journal._clock.now == journal._time else journal.tick()
            )

    def insert(self, index: int, value: Any) -> None:
        array.insert(self, index, value)
        journal = _ACTIVE
        if journal is not None:
            self._at.append(
                journal._tick if journal._clock.now == journal._time else journal.tick()
            )


_EMPTY = _head("")  # where a container with a history keeps it


def _recording(kind: type, base: type, names: tuple[str, ...]) -> None:
    """Give ``kind`` versions of ``base``'s changing methods that record what it holds."""

    def wrap(name: str) -> Callable[..., Any]:
        method = getattr(base, name)

        def changed(self: Any, *args: Any, **kwargs: Any) -> Any:
            journal = _ACTIVE
            if journal is None:
                return method(self, *args, **kwargs)
            if getattr(self, "grow", False):
                raise TypeError(f"a growing record only appends, not {name}")
            if kwargs:  # (``list.sort(key=...)``)
                return _change(self, journal, lambda c, *a: method(c, *a, **kwargs), *args)
            return _change(self, journal, method, *args)

        changed.__name__ = name
        return changed

    for name in names:
        setattr(kind, name, wrap(name))


_LIST = ("extend", "insert", "remove", "pop", "clear", "sort", "reverse")
_recording(RecList, list, (*_LIST, "__setitem__", "__delitem__", "__iadd__"))
_recording(
    RecDeque,
    deque,
    ("appendleft", "extend", "extendleft", "insert", "remove", "pop", "popleft", "clear",
     "rotate", "__setitem__", "__delitem__"),
)  # fmt: skip
_recording(
    RecDict, dict, ("__setitem__", "__delitem__", "pop", "popitem", "clear", "update", "setdefault")
)


class SortedRecArray(RecArray):
    """A typed column kept in ascending order (``insort``): its past is the ascending
    order of what had been put in by then, so what came in is kept in that order too."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.arrivals = array(self.typecode)

    def insert(self, index: int, value: Any) -> None:
        array.insert(self, index, value)
        journal = _ACTIVE
        if journal is not None:
            self.arrivals.append(value)
            self._at.append(
                journal._tick if journal._clock.now == journal._time else journal.tick()
            )

    def append(self, value: Any) -> None:
        self.insert(len(self), value)

    def _past_in(self, past: Past) -> array[Any]:
        arrivals = self.arrivals
        n = _prefix(self._at, len(arrivals), past.tick)
        return array(self.typecode, sorted(arrivals[:n]))


_CONTAINERS = (RecList, RecDeque, RecDict, RecArray)


# -- reading the past --------------------------------------------------------------------
class Past:
    """One world at one tick, read back from its journal: ``of(obj)`` is obj's ghost."""

    def __init__(self, journal: Journal, tick: int, now: float, kernel: object = None) -> None:
        self.journal = journal
        self.tick = tick
        self.now = now
        self._ghosts: dict[int, object] = {}
        self._kernel = kernel  # what a ghost's ``kernel`` is (the app's stand-in)

    def release(self) -> None:
        """Forget the ghosts made (they refer to this past and, through what they have
        read, to each other: the cycles are cut here)."""
        for ghost in self._ghosts.values():
            if type(ghost) is Ghost:
                ghost.__dict__.clear()
        self._ghosts = {}

    def of(self, value: Any) -> Any:
        """``value`` as it was then: a ghost, a container's past, or the value itself."""
        kind = type(value)
        if kind in _PLAIN:
            return value
        if kind is tuple:
            return tuple(self.of(v) for v in value)
        key = id(value)
        ghost = self._ghosts.get(key)
        if ghost is not None:
            return ghost
        if isinstance(value, _CONTAINERS):
            ghost = value._past_in(self)
        elif kind is list or kind is deque:  # never changed in place (else a RecList)
            ghost = tuple(self.of(v) for v in value)
        elif kind is dict:
            ghost = {self.of(k): self.of(v) for k, v in value.items()}
        elif value is self.journal.kernel:
            ghost = self._kernel if self._kernel is not None else PastKernel(self)
        elif isinstance(value, Recorded) or _is_model(kind):
            own = getattr(kind, "_past_of", None)  # a record that reads its own past
            ghost = Ghost(value, self) if own is None else own(value, self)
        else:
            return value
        self._ghosts[key] = ghost
        return ghost


class PastSeq:
    """A history's past: ``items[start:end]``, read-only, each item read as it was then
    (on demand: a day's history is long, a view reads a few of its latest)."""

    __slots__ = ("_past", "_items", "_start", "_end")

    def __init__(self, past: Past, items: Any, start: int, end: int) -> None:
        self._past, self._items, self._start, self._end = past, items, start, end

    def __len__(self) -> int:
        return self._end - self._start

    def __bool__(self) -> bool:
        return self._end > self._start

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        n = len(self)
        if index < 0:
            index += n
        if not 0 <= index < n:
            raise IndexError("past history index out of range")
        return self._past.of(self._items[self._start + index])

    def __iter__(self) -> Any:
        of, items = self._past.of, self._items
        return (of(items[i]) for i in range(self._start, self._end))

    def __reversed__(self) -> Any:
        of, items = self._past.of, self._items
        return (of(items[i]) for i in range(self._end - 1, self._start - 1, -1))

    def __contains__(self, item: object) -> bool:
        return any(x is item or x == item for x in self)


class PastKernel:
    """The recorded world's kernel as the view sees it then, where no await record
    (``awaits_record.RecordedKernel``) answers for its tasks: its clock and its crashes;
    nobody running, no blocking call."""

    def __init__(self, past: Past) -> None:
        self.now = past.now
        self.busy = None
        self.current = None
        self.ready: tuple[object, ...] = ()
        crashes = past.journal.crashes
        self.crashes = [task for tick, task in crashes if tick <= past.tick]


def _is_model(kind: type) -> bool:
    """Objects of the game's own classes are read through ghosts (their attributes may be
    recorded, or lead to objects that are); the rest (functions, layouts' numbers) as is."""
    module = kind.__module__
    return module.startswith("game.") and not getattr(kind, "_as_is", False)


class Ghost:
    """An object as it was at the past's tick: read-only, attributes by bisection. The
    past does not change, so what is read of a ghost (an attribute, a bound method, a
    property's value that cannot be changed in place) is kept in its ``__dict__``, where
    Python finds it on every later read without calling ``__getattr__``."""

    __slots__ = ("_ghost_of", "_ghost_in", "__dict__", "__weakref__")

    def __init__(self, obj: object, past: Past) -> None:
        object.__setattr__(self, "_ghost_of", obj)
        object.__setattr__(self, "_ghost_in", past)

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # isinstance sees the real class
        return type(self._ghost_of)

    def __getattr__(self, name: str) -> Any:
        obj, past = self._ghost_of, self._ghost_in
        seen = self.__dict__
        inside = getattr(obj, "__dict__", None)
        if inside is not None and name in inside:
            value = past.journal.read(inside, name, past.tick, inside[name])
            value = seen[name] = past.of(value)
            return value
        for klass in type(obj).__mro__:
            attr = klass.__dict__.get(name, _MISSING)
            if attr is _MISSING:
                continue
            if hasattr(attr, "__get__"):
                if isinstance(attr, type):
                    return attr
                if type(attr).__name__ == "member_descriptor":  # a slot of the real object
                    return past.of(attr.__get__(obj, type(obj)))
                value = attr.__get__(self, type(obj))  # properties and methods run on the ghost
                if type(value) in _KEPT:
                    seen[name] = value
                return value
            value = seen[name] = past.of(attr)
            return value
        raise AttributeError(f"{type(obj).__name__!r} had no attribute {name!r}")

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"the past is read-only: cannot set {name!r}")

    def __repr__(self) -> str:
        return f"<past of {type(self._ghost_of).__name__} at tick {self._ghost_in.tick}>"

    def __len__(self) -> int:
        return type(self._ghost_of).__len__(self)  # type: ignore[attr-defined,no-any-return]

    def __bool__(self) -> bool:
        kind = type(self._ghost_of)
        if hasattr(kind, "__bool__"):
            return kind.__bool__(self)  # type: ignore[no-any-return]
        if hasattr(kind, "__len__"):
            return kind.__len__(self) > 0  # type: ignore[attr-defined,no-any-return]
        return True

    def __iter__(self) -> Any:
        return type(self._ghost_of).__iter__(self)  # type: ignore[attr-defined]

    def __getitem__(self, key: Any) -> Any:
        return type(self._ghost_of).__getitem__(self, key)  # type: ignore[attr-defined]

    def __contains__(self, item: object) -> bool:
        return type(self._ghost_of).__contains__(self, item)  # type: ignore[attr-defined,no-any-return]
