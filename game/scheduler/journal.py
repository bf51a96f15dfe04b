"""The past as a record: every change a model makes, kept by tick, and read back at any tick.

Coroutines cannot be copied, so a moment already lived cannot be resumed; it need not be, to
be *shown*: what a view reads of a model is its objects' attributes and containers, and
those can be kept as they change (salabim's "monitors", as functions of time). A model
object opts in by deriving from ``Recorded``; its containers are ``RecList``, ``RecDeque``,
``RecDict`` or ``RecArray``. While a ``Journal`` is active (``active``; the kernel's
``before_run`` hook turns it on for each step of the world it records), every change is
kept as (tick, value), the last per tick only, and only for attributes that do change
after they were first set: a value set once lives in the object itself.

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
from typing import Any, NamedTuple

from .instruments import Instrument

_ACTIVE: Journal | None = None  # the journal of the world whose code runs right now
_MISSING = object()
_PLAIN = (int, float, str, bool, type(None), bytes, complex)


class Recorded:
    """A model object whose attribute changes are recorded while a journal is active.
    (Its class has no properties with setters: attributes live in its ``__dict__``.)"""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        inside = self.__dict__
        journal = _ACTIVE
        if journal is not None:
            old = inside.get(name, _MISSING)
            if old is not _MISSING:
                if old is not value:
                    journal.changed(inside, name, old, value)
            elif journal._first == 0:  # built with the world: it lives all day long
                inside[_LONG] = True
        inside[name] = value


_HEADS: dict[str, str] = {}  # attribute -> the key of its latest change in the object
_INDEXES: dict[str, str] = {}  # attribute -> the key of its changes' index, once long
WALK = 24  # changes walked back before an attribute gets an index to bisect instead
_LONG = "\x02"  # in an object built with its world: index every attribute from the start


def _head(name: str) -> str:
    key = _HEADS.get(name)
    if key is None:
        key = _HEADS[name] = sys.intern(f"\x00{name}")
        _INDEXES[name] = sys.intern(f"\x01{name}")
    return key


class Journal:
    """What changed in one world, and when. ``key`` turns virtual time into the tick that
    first shows it; the clock is the watched kernel's ``now``.

    Changes are three columns, one row each (tick, value, the row of the same attribute's
    change before): 24 bytes a change, plus the value. An object keeps the row of each
    attribute's latest change in its own ``__dict__`` (under a key no attribute can
    have), so the journal holds no table of objects; reading walks back from there, and an
    attribute read far back more than ``WALK`` changes gets an index of its rows, bisected.
    """

    def __init__(self, key: Callable[[float], int]) -> None:
        self.key = key
        self.ticks = array("q")
        self.values: list[object] = []
        self.before = array("q")
        self.kernel: Any = None
        self.exact_only = ""  # why the past cannot be drawn from records, if ever
        self._time = -1.0
        self._tick = 0
        self._first = 0  # what is built shows at tick 0; what runs, from tick 1 on
        self._indexes = False  # has any attribute an index yet?

    @property
    def entries(self) -> int:
        """Changes kept in all (for the memory figures)."""
        return len(self.ticks)

    def tick(self) -> int:
        kernel = self.kernel
        now = kernel.now if kernel is not None else 0.0
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

    def changed(self, inside: dict[str, Any], name: str, old: object, new: object) -> None:
        """An attribute of the object whose ``__dict__`` is ``inside`` goes from ``old`` to
        ``new`` now (containers: their state, under the name "")."""
        kernel = self.kernel
        tick = self._tick if kernel is not None and kernel.now == self._time else self.tick()
        key = _HEADS.get(name) or _head(name)
        row = inside.get(key)
        ticks = self.ticks
        if row is None:  # the first change: what it was before, since always
            row = len(ticks)
            ticks.append(-1)
            self.values.append(old)
            self.before.append(-1)
            if _LONG in inside:  # it will change all day: bisect it from the start
                inside[_INDEXES[name]] = array("q", [row])
                self._indexes = True
        elif ticks[row] == tick:  # only the last value of a tick is ever shown
            self.values[row] = new
            return
        inside[key] = len(ticks)
        ticks.append(tick)
        self.values.append(new)
        self.before.append(row)
        if not self._indexes:  # only attributes read far back have an index to keep up
            return
        index = inside.get(_INDEXES[name])
        if index is not None:
            index.append(len(ticks) - 1)

    def value_at(self, inside: dict[str, Any], name: str, row: int, tick: int) -> object:
        """The value of the attribute whose latest change is ``row``, at ``tick``."""
        ticks, before = self.ticks, self.before
        walked = 0
        while ticks[row] > tick:
            row = before[row]
            walked += 1
            if walked > WALK:
                return self.values[self._bisect(inside, name, tick)]
        return self.values[row]

    def _bisect(self, inside: dict[str, Any], name: str, tick: int) -> int:
        index = inside.get(_INDEXES[name])
        if index is None:  # made once (a walk back), then kept up as the attribute changes
            rows = []
            row = inside[_HEADS[name]]
            while row >= 0:
                rows.append(row)
                row = self.before[row]
            index = inside[_INDEXES[name]] = array("q", reversed(rows))
            self._indexes = True  # from now on, changes look for an index
        ticks = self.ticks
        return index[bisect_right(index, tick, key=ticks.__getitem__) - 1]

    def latest(self, inside: dict[str, Any], name: str) -> int | None:
        """The row of the attribute's latest change (None: never changed)."""
        return inside.get(_HEADS.get(name) or _head(name))

    def activate(self) -> None:
        global _ACTIVE
        _ACTIVE = self

    def watch(self, kernel: Any) -> None:
        """Record this kernel's world: its clock, and its steps (the journal is on while
        each runs); crashes and plain blocking calls are noted too."""
        self.kernel = kernel
        self._switch = _Switch(self, kernel)
        kernel.add_instrument(self._switch)

    @property
    def crashes(self) -> list[tuple[int, object]]:
        """(tick, task) of every task that crashed, in order."""
        return self._switch.crashes if self.kernel is not None else []

    @property
    def traces(self) -> list[TaskTrace]:
        """Every task's trace, in spawn order."""
        return self._switch.every if self.kernel is not None else []


def deactivate() -> None:
    global _ACTIVE
    _ACTIVE = None


def active() -> Journal | None:
    return _ACTIVE


class PastWake(NamedTuple):
    """When a traced task was last woken (its ``Wake``'s time; the rest is not traced)."""

    time: float


class TaskTrace(Recorded):
    """What the past shows of a task (the timeline's wake-up mark, the crash banner): its
    name, group and actor, how often it has run, when it was last woken, and from which
    tick to which it lived. The coroutine itself is not kept."""

    def __init__(self, task: Any, tick: int) -> None:
        self.name = task.name
        self.group = task.group
        self.daemon = task.daemon
        self.actor = task.actor
        self.resumes = task.resumes
        self.woken_at = task.woken_by.time
        self.born = tick
        self.ended: int | None = None

    @property
    def alive(self) -> bool:
        return self.ended is None

    @property
    def woken_by(self) -> PastWake:
        return PastWake(self.woken_at)


class _Switch(Instrument):
    """Turns the journal on for each step of its kernel and off after; traces its tasks,
    notes crashes (by tick) and whether a plain blocking call ever held the loop."""

    def __init__(self, journal: Journal, kernel: Any) -> None:
        self.journal = journal
        self.kernel = kernel
        self.crashes: list[tuple[int, object]] = []
        self.traces: dict[Any, TaskTrace] = {}  # live task -> its trace
        self.every: list[TaskTrace] = []  # every task's trace, in spawn order

    def spawned(self, task: Any) -> None:
        global _ACTIVE
        before, _ACTIVE = _ACTIVE, None
        trace = self.traces[task] = TaskTrace(task, self.journal.tick())
        if self.journal._first == 0:  # a task of the world as built: it runs all day
            trace.__dict__[_LONG] = True
        self.every.append(trace)
        _ACTIVE = before

    def woken(self, task: Any, wake: Any) -> None:
        trace = self.traces.get(task)
        if trace is not None:
            global _ACTIVE
            before, _ACTIVE = _ACTIVE, self.journal
            trace.woken_at = wake.time
            _ACTIVE = before

    def before_run(self, task: object) -> None:
        global _ACTIVE
        _ACTIVE = self.journal

    def after_run(self, task: Any) -> None:
        global _ACTIVE
        trace = self.traces.get(task)
        if trace is not None:
            trace.resumes = task.resumes
        _ACTIVE = None
        if self.kernel.holding:  # the hold's tick is not the clock's: read the clock anew
            self.journal._time = -1.0
        if self.kernel.busy is not None and not self.journal.exact_only:
            self.journal.exact_only = "a plain blocking call held the loop"

    def ended(self, task: Any) -> None:
        global _ACTIVE
        trace = self.traces.pop(task, None)
        if trace is not None:
            before, _ACTIVE = _ACTIVE, self.journal
            trace.ended = self.journal.tick()
            _ACTIVE = before
        if task.error is not None:
            self.crashes.append((self.journal.tick(), task))


# -- containers -------------------------------------------------------------------------
# ``grow`` containers only ever grow at their end (histories): their past is a prefix, so
# only their length is recorded. The others record what they hold after each change.


def _note(container: Any, old: object) -> None:
    journal = _ACTIVE
    if journal is not None:
        journal.changed(container.__dict__, "", old, container._state())


class RecList(list):  # type: ignore[type-arg]
    """A list whose changes are recorded; ``grow=True``: it only ever grows at its end."""

    def __init__(self, items: Iterable[Any] = (), *, grow: bool = False) -> None:
        super().__init__(items)
        self.grow = grow

    def _state(self) -> object:
        return len(self) if self.grow else tuple(self)

    def _past(self, state: object) -> Any:
        return (self, 0, state) if self.grow else state


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

    def _state(self) -> object:
        return len(self.every) if self.grow else tuple(self)

    def _past(self, state: Any) -> Any:
        if not self.grow:
            return state
        start = 0 if self.maxlen is None else max(0, state - self.maxlen)
        return (self.every, start, state)

    def append(self, item: Any) -> None:
        if self.grow:
            deque.append(self, item)
            if _ACTIVE is not None:  # kept aside only in a recorded world
                old = len(self.every)
                self.every.append(item)
                _note(self, old)
            return
        if _ACTIVE is None:
            deque.append(self, item)
            return
        old = tuple(self)
        deque.append(self, item)
        _note(self, old)


class RecDict(dict):  # type: ignore[type-arg]
    """A dict whose changes are recorded (what it holds after each change, in order)."""

    def _state(self) -> object:
        return tuple(self.items())

    def _past(self, state: Any) -> dict[Any, Any]:
        return dict(state)


class RecArray(array):  # type: ignore[type-arg]
    """A typed column whose length is recorded: its past is a prefix, or, if it is kept
    sorted (``insert``), only its length is right (``sorted_past``: what holds then)."""

    def _state(self) -> object:
        return len(self)

    def _past(self, state: Any) -> array[Any]:
        return self[:state]

    def append(self, value: Any) -> None:
        old = len(self)
        array.append(self, value)
        _note(self, old)

    def insert(self, index: int, value: Any) -> None:
        old = len(self)
        array.insert(self, index, value)
        _note(self, old)


def _recording(kind: type, base: type, names: tuple[str, ...]) -> None:
    """Give ``kind`` versions of ``base``'s changing methods that record what it holds."""

    def wrap(name: str) -> Callable[..., Any]:
        method = getattr(base, name)

        def changed(self: Any, *args: Any, **kwargs: Any) -> Any:
            if _ACTIVE is None:
                return method(self, *args, **kwargs)
            if getattr(self, "grow", False) and name != "append":
                raise TypeError(f"a growing record only appends, not {name}")
            old = self._state()
            result = method(self, *args, **kwargs)
            _note(self, old)
            return result

        changed.__name__ = name
        return changed

    for name in names:
        setattr(kind, name, wrap(name))


_LIST = ("append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse")
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
        self.arrivals = array(self.typecode)

    def insert(self, index: int, value: Any) -> None:
        old = len(self)
        array.insert(self, index, value)
        if _ACTIVE is not None:
            self.arrivals.append(value)
            _note(self, old)

    def _past(self, state: Any) -> array[Any]:
        return array(self.typecode, sorted(self.arrivals[:state]))


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
                ghost._ghost_seen.clear()
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
            journal, inside = self.journal, value.__dict__
            row = journal.latest(inside, "")
            state = value._state() if row is None else journal.value_at(inside, "", row, self.tick)
            past = value._past(state)
            if isinstance(past, dict):
                ghost = {self.of(k): self.of(v) for k, v in past.items()}
            elif isinstance(past, array):
                ghost = past
            elif isinstance(value, RecArray) or not getattr(value, "grow", False):
                ghost = tuple(self.of(v) for v in past)
            else:
                ghost = PastSeq(self, *past)
        elif kind is list or kind is deque:  # never changed in place (else a RecList)
            ghost = tuple(self.of(v) for v in value)
        elif kind is dict:
            ghost = {self.of(k): self.of(v) for k, v in value.items()}
        elif value is self.journal.kernel:
            ghost = self._kernel if self._kernel is not None else PastKernel(self)
        elif isinstance(value, Recorded) or _is_model(kind):
            ghost = Ghost(value, self)
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
    """The recorded world's kernel as the view sees it then: its clock and its crashes;
    nobody running, no blocking call (a world that had one is not drawn from records)."""

    def __init__(self, past: Past) -> None:
        self.now = past.now
        self.busy = None
        self.current = None
        self.ready: tuple[object, ...] = ()
        crashes = past.journal.crashes
        self.crashes = [task for tick, task in crashes if tick <= past.tick]
        self._past = past

    @property
    def tasks(self) -> list[Any]:
        """The tasks alive then, in spawn order (as traces read then)."""
        past, tick = self._past, self._past.tick
        alive = []
        for trace in past.journal.traces:
            if trace.born > tick:
                break
            ghost = past.of(trace)
            if ghost.ended is None:
                alive.append(ghost)
        return alive


def _is_model(kind: type) -> bool:
    """Objects of the game's own classes are read through ghosts (their attributes may be
    recorded, or lead to objects that are); the rest (functions, layouts' numbers) as is."""
    module = kind.__module__
    return module.startswith("game.") and not getattr(kind, "_as_is", False)


class Ghost:
    """An object as it was at the past's tick: read-only, attributes by bisection (each
    read once per ghost: the past does not change)."""

    __slots__ = ("_ghost_of", "_ghost_in", "_ghost_seen", "__weakref__")

    def __init__(self, obj: object, past: Past) -> None:
        object.__setattr__(self, "_ghost_of", obj)
        object.__setattr__(self, "_ghost_in", past)
        object.__setattr__(self, "_ghost_seen", {})

    @property  # type: ignore[misc]
    def __class__(self) -> type:  # isinstance sees the real class
        return type(self._ghost_of)

    def __getattr__(self, name: str) -> Any:
        seen = self._ghost_seen
        value = seen.get(name, _MISSING)
        if value is not _MISSING:
            return value
        obj, past = self._ghost_of, self._ghost_in
        inside = getattr(obj, "__dict__", None)
        if inside is not None:
            row = inside.get(_HEADS.get(name) or _head(name))
            if row is not None:
                value = seen[name] = past.of(past.journal.value_at(inside, name, row, past.tick))
                return value
            if name in inside:
                value = seen[name] = past.of(inside[name])
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
                return attr.__get__(self, type(obj))  # properties and methods run on the ghost
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
