"""The journal: a model's changes kept by tick, and ghosts that read them back at a tick."""

from __future__ import annotations

import pytest

from game.scheduler import Event, Kernel, sleep
from game.scheduler.awaits_record import AwaitsRecord, RecordedHandovers, past_at
from game.scheduler.blocking import block
from game.scheduler.journal import (
    Ghost,
    Journal,
    Past,
    RecArray,
    RecDeque,
    RecDict,
    RecList,
    Recorded,
    deactivate,
)


class Thing(Recorded):
    def __init__(self, name: str) -> None:
        self.name = name
        self.where = "home"
        self.friend: Thing | None = None
        self.bag = RecList()
        self.log = RecList(grow=True)
        self.seen = RecDeque(maxlen=2, grow=True)
        self.line = RecDeque()
        self.shelf = RecDict()
        self.counts = RecArray("q")

    @property
    def loud(self) -> str:
        return self.where.upper()

    def here(self, place: str) -> bool:
        return self.where == place

    @property
    def places(self) -> list[str]:
        return [self.where]


def world() -> tuple[Kernel, Journal, Thing, Thing]:
    """A kernel whose one task changes two things at t = 1, 2 and 3 (ticks of 1 s)."""
    kernel = Kernel()
    journal = Journal(lambda t: int(-(-t // 1)))  # the first whole second that shows t
    journal.activate()
    a, b = Thing("a"), Thing("b")
    journal.watch(kernel)

    async def story() -> None:
        await sleep(1)
        a.where, a.friend = "shop", b
        a.bag.append(1)
        a.log.append("went")
        a.seen.append("x")
        a.line.append(b)
        a.shelf["k"] = b
        a.counts.append(7)
        await sleep(1)
        a.where = "park"
        a.bag.append(2)
        a.log.append("walked")
        a.seen.append("y")
        a.seen.append("z")
        a.line.popleft()
        del a.shelf["k"]
        await sleep(1)
        a.where = "home"  # back, as at the start
        b.where = "park"

    kernel.spawn(story(), "story")
    journal.built()
    kernel.run_until(3.0)
    return kernel, journal, a, b


def at(journal: Journal, tick: int, thing: Thing) -> Thing:
    return Past(journal, tick, float(tick)).of(thing)  # type: ignore[no-any-return]


def test_attributes_read_back_as_they_were_at_each_tick() -> None:
    _kernel, journal, a, b = world()
    assert [at(journal, t, a).where for t in range(4)] == ["home", "shop", "park", "home"]
    assert [at(journal, t, b).where for t in range(4)] == ["home", "home", "home", "park"]
    assert at(journal, 0, a).friend is None
    past = Past(journal, 1, 1.0)
    assert past.of(a).friend is past.of(b)  # one ghost per object: ``is`` and ``id`` hold
    assert a.where == "home" and b.where == "park"  # the live objects are untouched


def test_containers_read_back_as_they_held_at_each_tick() -> None:
    _kernel, journal, a, b = world()
    assert [at(journal, t, a).bag for t in range(4)] == [(), (1,), (1, 2), (1, 2)]
    assert [list(at(journal, t, a).log) for t in range(3)] == [[], ["went"], ["went", "walked"]]
    assert [list(at(journal, t, a).seen) for t in range(3)] == [[], ["x"], ["y", "z"]]
    assert list(reversed(at(journal, 2, a).log)) == ["walked", "went"]
    past = Past(journal, 1, 1.0)
    assert past.of(a).line == (past.of(b),) and at(journal, 2, a).line == ()
    assert past.of(a).shelf == {"k": past.of(b)} and at(journal, 2, a).shelf == {}
    assert list(at(journal, 0, a).counts) == [] and list(at(journal, 3, a).counts) == [7]


def test_a_ghost_is_its_class_runs_its_methods_then_and_is_read_only() -> None:
    _kernel, journal, a, _b = world()
    ghost = at(journal, 2, a)
    assert isinstance(ghost, Thing) and type(ghost) is Ghost
    assert ghost.loud == "PARK" and ghost.here("park") and not ghost.here("home")
    with pytest.raises(AttributeError, match="read-only"):
        ghost.where = "moon"
    with pytest.raises(AttributeError):
        _ = ghost.nothing


def test_a_ghost_keeps_what_it_read_but_what_could_be_changed_in_place() -> None:
    """The past does not change: a second read of a ghost is Python's own lookup."""
    _kernel, journal, a, _b = world()
    ghost = at(journal, 2, a)
    assert (ghost.where, ghost.loud, ghost.here("park")) == ("park", "PARK", True)
    kept = vars(ghost)
    assert kept["where"] == "park" and kept["loud"] == "PARK" and "here" in kept
    first = ghost.places
    first.append("moon")  # a list a property builds is the caller's: built anew each read
    assert ghost.places == ["park"] and "places" not in kept


def test_only_changes_are_kept_and_the_last_of_a_tick() -> None:
    journal = Journal(lambda t: 5)
    journal.activate()
    thing = Thing("c")  # what it is built with lives in the object itself
    assert journal.entries == 0
    for place in ("a", "b", "c"):
        thing.where = place  # three changes in one tick: one value kept, after the first
    deactivate()
    thing.where = "not recorded"  # no journal active: nothing kept
    assert at(journal, 5, thing).where == "c" and at(journal, 4, thing).where == "home"
    assert journal.entries == 2  # what it was before, and the last value of the tick


def test_a_kernel_watched_by_a_journal_and_an_await_record_reads_back_its_tasks() -> None:
    """The journal keeps the crashes; the await record, what the tasks did step by step."""
    kernel = Kernel(strict=False)
    journal = Journal(lambda t: int(-(-t // 1)))
    journal.watch(kernel)
    AwaitsRecord.watch(journal, kernel)

    async def naps() -> None:
        await sleep(1)
        await sleep(1.5)

    async def breaks() -> None:
        await sleep(1.5)
        raise ValueError("boom")

    kernel.spawn(naps(), "naps")
    kernel.spawn(breaks(), "breaks")
    journal.built()
    kernel.run_until(3.0)
    names = [[t.name for t in past_at(journal, k, float(k)).of(kernel).tasks] for k in range(4)]
    # as the live kernel lists them: a crashed task stays listed until a prune
    assert names == [["naps", "breaks"], ["naps", "breaks"], ["naps", "breaks"], ["breaks"]]
    crashes = [len(past_at(journal, k, float(k)).of(kernel).crashes) for k in range(4)]
    assert crashes == [0, 0, 1, 1]
    alone = [len(Past(journal, k, float(k)).of(kernel).crashes) for k in range(4)]
    assert alone == crashes  # without the await record, the journal still has them
    resumes = [past_at(journal, k, float(k)).of(kernel).tasks[0].resumes for k in range(3)]
    assert resumes == [0, 2, 2]  # started and woken once by t = 1; on again at 2.5


def test_a_past_lists_the_tasks_the_live_kernel_listed_then_in_a_long_day() -> None:
    """Many more births than the record notes who is alive at, deaths, crashes, prunes:
    the tasks a past lists at every tick are the live kernel's then, in spawn order."""
    kernel = Kernel(strict=False)
    journal = Journal(lambda t: int(-(-t // 1)))
    journal.watch(kernel)
    AwaitsRecord.watch(journal, kernel)

    async def visitor(n: int) -> None:
        await sleep(n % 7 + 0.5)
        if n % 11 == 3:
            raise ValueError(f"visitor {n} tripped")
        await sleep(n % 5)

    async def door() -> None:
        for n in range(200):
            kernel.spawn(visitor(n), f"visitor {n}")
            await sleep(0.4 if n % 3 else 1.3)

    kernel.spawn(door(), "door")
    journal.built()
    seen = {0: [t.name for t in kernel.tasks]}
    for tick in range(1, 120):
        kernel.run_until(float(tick))
        if tick % 25 == 0:
            kernel.prune()
        seen[tick] = [t.name for t in kernel.tasks]
    assert max(len(names) for names in seen.values()) > 10 and len(seen[119]) < 200
    for tick, names in seen.items():
        assert [t.name for t in past_at(journal, tick, float(tick)).of(kernel).tasks] == names


def _handovers(recorded: bool) -> Kernel:
    """A day of naps, a wait, a held loop and a crash, with a hand-over log of 6."""
    kernel = Kernel(strict=False)
    kernel.record_handovers(6)
    if recorded:
        journal = Journal(lambda t: int(-(-t // 1)))
        journal.watch(kernel)
        AwaitsRecord.watch(journal, kernel)
    bell = Event("bell")

    async def napper() -> None:
        for _ in range(4):
            await sleep(0.7)
        bell.set()

    async def waiter() -> None:
        await bell.wait()
        block(1.2, "time.sleep")  # holds the loop: the napper waits, not run
        await sleep(0.1)
        raise ValueError("boom")

    async def ticker() -> None:
        while True:
            await sleep(0.25)

    kernel.spawn(napper(), "napper")
    kernel.spawn(waiter(), "waiter")
    kernel.spawn(ticker(), "ticker", daemon=True)
    return kernel


def test_a_recorded_kernel_reads_its_hand_over_log_from_the_await_records() -> None:
    """Recording, the kernel's log is the records' (no second copy per resume), and it
    reads as the plain log does: the same hand-overs, after a hold, a crash, a clear."""
    plain, recorded = _handovers(False), _handovers(True)
    assert type(recorded.trace) is RecordedHandovers and type(plain.trace) is not RecordedHandovers
    seen = set()
    for until in (0.5, 2.9, 3.0, 4.4, 6.0):
        plain.run_until(until)
        recorded.run_until(until)
        assert list(recorded.trace) == list(plain.trace) and len(plain.trace) > 0
        assert recorded.trace[-1] == plain.trace[-1] and recorded.trace[1:3] == plain.trace[1:3]
        seen |= {(h.time, h.after) for h in plain.trace}
    assert (4.0, "sleeping until 4.10") in seen  # the waiter, after holding the loop
    assert (4.1, "failed: ValueError('boom')") in seen
    plain.trace.clear()
    recorded.trace.clear()
    assert list(recorded.trace) == [] == list(plain.trace)
    plain.run_until(7.0)
    recorded.run_until(7.0)
    assert list(recorded.trace) == list(plain.trace) and len(plain.trace) == 4


def test_an_attribute_read_far_back_is_bisected_and_kept_up() -> None:
    """Past ``WALK`` changes, a read bisects an index of them, which later changes extend."""
    clock = Kernel()
    journal = Journal(lambda t: int(t))
    journal.watch(clock)
    journal.activate()
    thing = Thing("d")
    for t in range(1, 101):
        clock.now = float(t)
        journal.activate()  # as each step turns it on
        thing.where = f"at {t}"
    assert at(journal, 0, thing).where == "home" and at(journal, 3, thing).where == "at 3"
    for t in range(101, 201):
        clock.now = float(t)
        journal.activate()
        thing.where = f"at {t}"
    deactivate()
    assert [at(journal, t, thing).where for t in (0, 50, 150, 200, 999)] == [
        "home", "at 50", "at 150", "at 200", "at 200",
    ]  # fmt: skip


def born_while_running(changes: int) -> tuple[Journal, list[Thing], list[dict[str, object]]]:
    """A thing made by running code (so it keeps an undo log, not histories), changed at
    ``changes`` ticks, twice in some; and what it held at the end of each tick."""
    kernel = Kernel()
    journal = Journal(lambda t: int(-(-t // 1)))
    journal.watch(kernel)
    made: list[Thing] = []
    seen: list[dict[str, object]] = []

    def note() -> None:
        thing = made[0]
        seen.append(
            {"where": thing.where, "friend": thing.friend, "bag": tuple(thing.bag),
             "line": tuple(thing.line), "shelf": dict(thing.shelf)}
        )  # fmt: skip

    async def story() -> None:
        await sleep(1)
        made.append(Thing("e"))
        note()
        for t in range(2, changes + 2):
            await sleep(1)
            thing = made[0]
            thing.where = f"at {t}"
            if t % 3 == 0:
                thing.where = f"again at {t}"  # the tick's last value is the one shown
                thing.friend = made[0] if thing.friend is None else None
                thing.bag.append(t)
                thing.line.append(t)
                thing.shelf[t % 2] = t
            if t % 5 == 0 and thing.bag:
                thing.bag.remove(thing.bag[0])
                thing.line.popleft()
            note()

    kernel.spawn(story(), "story")
    journal.built()
    kernel.run_until(changes + 2.0)
    return journal, made, seen


def held_then(journal: Journal, thing: Thing, tick: int) -> dict[str, object]:
    ghost = at(journal, tick, thing)
    return {
        "where": ghost.where,
        "friend": ghost.friend._ghost_of if ghost.friend is not None else None,
        "bag": ghost.bag, "line": ghost.line,
        "shelf": {k: v for k, v in ghost.shelf.items()},
    }  # fmt: skip


def test_what_running_code_makes_keeps_an_undo_log_read_back_at_each_tick() -> None:
    """A change is (tick, attribute, the value before) in the object's own log; a read
    starts from the value now and walks back over what changed after its tick."""
    journal, (thing,), seen = born_while_running(12)
    assert thing.__dict__["\x02"][:3] == [2, "where", "home"]  # a log, not histories
    for tick, held in enumerate(seen, start=1):
        assert held_then(journal, thing, tick) == held, tick
    assert journal.settled(thing.__dict__, "where", 13) and not journal.settled(
        thing.__dict__, "where", 12
    )
    assert journal.settled(thing.__dict__, "name", 1)  # never changed


def test_an_undo_log_read_far_back_becomes_histories_that_later_changes_extend() -> None:
    journal, (thing,), seen = born_while_running(120)
    ticks = [1, 60, 2, 119, 120, 121, 3, 90]
    assert [held_then(journal, thing, t) for t in ticks] == [seen[t - 1] for t in ticks]
    assert thing.__dict__["\x02"] is not None and not isinstance(thing.__dict__["\x02"], list)
    journal.activate()  # a later change, recorded as a step would
    thing.where = "later"
    deactivate()
    assert at(journal, 999, thing).where == "later" and at(journal, 2, thing).where == "at 2"
    assert [held_then(journal, thing, t) for t in ticks] == [seen[t - 1] for t in ticks]
