"""Random small programs run on our kernel and on real asyncio with a virtual clock.

A program is a few tasks, each a list of steps over the subset the kernel serves: sleeps,
an event, a queue (bounded or not), a lock, a semaphore, a condition, gather (of small
children), cancel, join and raising. One interpreter runs it against either API; each
task (and gather child) writes down ``(virtual time, step, outcome)`` as it goes. The two
traces are compared per task, so the order of tasks *within* one instant is free (asyncio
takes extra loop turns for its callbacks) but every time, value, result, error and
cancellation must agree, and so must the set of tasks left waiting for ever.

asyncio runs on a loop whose ``time()`` is a number and whose selector, instead of
blocking, moves that number on to the next timer; with nothing scheduled it reports a
deadlock. ``python -m tests.scheduler.differential 5000 [--unspaced]`` runs a large batch.
"""

from __future__ import annotations

import asyncio
import contextlib
import selectors
import sys
from collections.abc import Callable
from dataclasses import dataclass
from random import Random
from typing import Any

from game import scheduler as k

Step = tuple[Any, ...]
Trace = dict[str, list[tuple[float, int, str]]]
KINDS = {  # step kind -> weight (gather only at the top level)
    "sleep": 6,
    "set": 2,
    "clear": 1,
    "wait": 3,
    "put": 3,
    "get": 3,
    "lock": 2,
    "sem": 2,
    "cwait": 1,
    "notify": 1,
    "notify_all": 1,
    "cancel": 2,
    "join": 1,
    "gather": 2,
    "raise": 1,
}


# -- programs ---------------------------------------------------------------------------
def random_steps(rng: Random, tasks: int, me: int, length: int, depth: int) -> list[Step]:
    """A task's steps; it joins only later tasks (a cycle of joins is a deadlock in both,
    but cancelling one recurses for ever in asyncio)."""
    kinds = [kind for kind in KINDS if depth == 0 or kind != "gather"]
    weights = [KINDS[kind] for kind in kinds]
    steps: list[Step] = []
    for _ in range(length):
        kind = rng.choices(kinds, weights)[0]
        if kind == "sleep":
            steps.append(("sleep", rng.choice([0, 1, 1, 2, 3])))
        elif kind in ("lock", "sem"):
            steps.append((kind, rng.choice([0, 1, 2])))
        elif kind == "cancel":
            steps.append((kind, rng.randrange(tasks)))
        elif kind == "join":
            later = list(range(me + 1, tasks))
            if me == 0 and depth == 0 and (not later or rng.random() < 0.2):
                later = [0]  # joining itself: only T0, which nobody joins (asyncio keeps a
                # self-awaiting task flagged, and a later ``await`` of it then fails)
            if not later:
                continue
            steps.append((kind, rng.choice(later)))
        elif kind == "gather":
            children = [
                random_steps(rng, tasks, me, rng.randint(1, 3), depth + 1)
                for _ in range(rng.randint(1, 3))
            ]
            steps.append(("gather", children, rng.random() < 0.5))
        elif kind == "raise":
            steps.append(("raise",))
            break
        else:
            steps.append((kind,))
    return steps


@dataclass
class Program:
    tasks: list[list[Step]]
    capacity: int
    permits: int

    @classmethod
    def random(cls, seed: int) -> Program:
        rng = Random(seed)
        n = rng.randint(2, 4)
        return cls(
            [random_steps(rng, n, i, rng.randint(1, 6), 0) for i in range(n)],
            rng.choice([0, 1, 1, 2]),
            rng.choice([1, 2]),
        )


# -- the two worlds ---------------------------------------------------------------------
class Deadlocked(Exception):
    """Nothing is scheduled and tasks still wait."""


class KernelWorld:
    """The program's verbs on our kernel."""

    Cancelled: type[BaseException] = k.Cancelled

    def __init__(self, program: Program) -> None:
        self.kernel = k.Kernel(strict=False)
        self.event = k.Event("e")
        self.queue: k.Queue[str] = k.Queue("q", program.capacity)
        self.lock = k.Lock("l")
        self.sem = k.Semaphore(program.permits, "s")
        self.cond = k.Condition("c")
        self.handles: list[Any] = []

    def now(self) -> float:
        return self.kernel.now

    sleep = staticmethod(k.sleep)
    gather = staticmethod(k.gather)

    async def cwait(self) -> None:
        await self.cond.wait()

    async def notify(self, everyone: bool) -> None:
        if everyone:
            self.cond.notify_all()
        else:
            self.cond.notify()

    async def join(self, handle: Any) -> Any:
        return await handle.join()

    @staticmethod
    def ended_cancelled(handle: Any) -> bool:
        return handle.state == k.CANCELLED

    def run(self, bodies: list[tuple[str, Any]]) -> list[str]:
        self.handles += [self.kernel.spawn(body, name) for name, body in bodies]
        with contextlib.suppress(k.Deadlock):
            self.kernel.run(limit=1000)
        return sorted(t.name for t in self.handles if t.alive)

    def close(self) -> None:
        self.kernel.close()


class _VirtualSelector(selectors.SelectSelector):
    """Never blocks: a timeout moves the virtual clock on; no timeout means deadlock."""

    def __init__(self, clock: list[float]) -> None:
        super().__init__()
        self.clock = clock

    def select(self, timeout: float | None = None) -> list[Any]:
        if timeout is None:
            raise Deadlocked
        self.clock[0] += timeout
        return []


class _VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self) -> None:
        self.clock = [0.0]
        super().__init__(_VirtualSelector(self.clock))
        self.set_exception_handler(lambda loop, context: None)  # unretrieved task errors

    def time(self) -> float:
        return self.clock[0]


class AsyncioWorld:
    """The same verbs on asyncio (a Condition needs its lock held around wait and notify)."""

    Cancelled: type[BaseException] = asyncio.CancelledError

    def __init__(self, program: Program) -> None:
        self.loop = _VirtualLoop()
        asyncio.set_event_loop(self.loop)
        self.event = asyncio.Event()
        self.queue: asyncio.Queue[str] = asyncio.Queue(program.capacity)
        self.lock = asyncio.Lock()
        self.sem = asyncio.Semaphore(program.permits)
        self.cond = asyncio.Condition()
        self.handles: list[Any] = []

    def now(self) -> float:
        return self.loop.time()

    sleep = staticmethod(asyncio.sleep)
    gather = staticmethod(asyncio.gather)

    async def cwait(self) -> None:
        async with self.cond:
            await self.cond.wait()

    async def notify(self, everyone: bool) -> None:
        async with self.cond:
            if everyone:
                self.cond.notify_all()
            else:
                self.cond.notify()

    async def join(self, handle: Any) -> Any:
        return await handle

    @staticmethod
    def ended_cancelled(handle: Any) -> bool:
        return handle.done() and handle.cancelled()

    def run(self, bodies: list[tuple[str, Any]]) -> list[str]:
        self.handles += [self.loop.create_task(body, name=name) for name, body in bodies]
        self.waiter = self.loop.create_task(self._everyone())
        with contextlib.suppress(Deadlocked):
            self.loop.run_until_complete(self.waiter)
        return sorted(t.get_name() for t in self.handles if not t.done())

    @staticmethod
    async def _everyone() -> None:
        """Until every task has ended, gather children too (as the kernel's ``run``)."""
        me = asyncio.current_task()
        while others := [t for t in asyncio.all_tasks() if t is not me]:
            await asyncio.wait(others)

    def close(self) -> None:
        """Cancel what is left, so nothing is destroyed pending."""
        for _ in range(5):
            left = [t for t in asyncio.all_tasks(self.loop) if not t.done()]
            if not left:
                break
            for t in left:
                t.cancel()
            try:
                self.loop.run_until_complete(asyncio.wait(left))
            except Deadlocked:
                continue
        self.loop.close()
        asyncio.set_event_loop(None)


# -- the interpreter --------------------------------------------------------------------
def outcome(exc: BaseException, world: Any) -> str:
    return "cancelled" if isinstance(exc, world.Cancelled) else type(exc).__name__


def interpret(world: Any, program: Program, spaced: bool = True) -> tuple[Trace, list[str]]:
    """Run ``program`` in ``world``. ``spaced``: after each step a task sleeps a moment of
    its own (n/1024 s), so what it did is seen by the tasks it woke before its next step
    and no two tasks' steps fall in the same instant by their timers: who runs first
    *within* an instant is where the kernel's rules differ from asyncio's (see the
    package's rules), everything else must agree."""
    trace: Trace = {}
    frozen = [False]
    moments: dict[str, float] = {}
    # odd multiples of 2**-24 in [2**-14, 2**-12), a different one for each task and the
    # same in both worlds: exact sums, rarely equal ones (two timers due at the same
    # instant may go either way in asyncio, whose timer heap does not keep their order)
    odd = Random(repr(program.tasks)).sample(range(2**9, 2**11), 64)

    def name_them(who: str, steps: list[Step]) -> None:
        moments[who] = (2 * odd[len(moments)] + 1) / 2**24
        for i, step in enumerate(steps):
            if step[0] == "gather":
                for c, child in enumerate(step[1]):
                    name_them(f"{who}.{i}.{c}", child)

    for n, steps in enumerate(program.tasks):
        name_them(f"T{n}", steps)

    def moment(who: str) -> float:
        return moments[who]

    def note(who: str, i: int, what: str) -> None:
        if not frozen[0]:
            trace.setdefault(who, []).append((world.now(), i, what))

    async def body(who: str, steps: list[Step]) -> str:
        i = -1
        try:
            if spaced:
                await world.sleep(moment(who))
            for i, step in enumerate(steps):
                note(who, i, await run_step(who, i, step))
                if spaced:
                    await world.sleep(moment(who))
        except world.Cancelled:
            note(who, i, "cancelled")
            raise
        except ValueError:
            note(who, i, "raised")
            raise
        note(who, len(steps), "done")
        return f"{who} done"

    async def run_step(who: str, i: int, step: Step) -> str:
        kind = step[0]
        if kind == "sleep":
            await world.sleep(step[1])
        elif kind == "set":
            world.event.set()
        elif kind == "clear":
            world.event.clear()
        elif kind == "wait":
            await world.event.wait()
        elif kind == "put":
            await world.queue.put(f"{who}.{i}")
            return f"put full={world.queue.full()}"
        elif kind == "get":
            return "got " + await world.queue.get()
        elif kind == "lock":
            async with world.lock:
                await world.sleep(step[1])
        elif kind == "sem":
            async with world.sem:
                await world.sleep(step[1])
        elif kind == "cwait":
            await world.cwait()
        elif kind in ("notify", "notify_all"):
            await world.notify(kind == "notify_all")
        elif kind == "cancel":
            world.handles[step[1]].cancel()
        elif kind == "join":
            joined = world.handles[step[1]]
            try:
                return "joined " + str(await world.join(joined))
            except world.Cancelled:
                if not world.ended_cancelled(joined):
                    raise  # our own cancellation
                return "join cancelled"
            except (ValueError, RuntimeError) as exc:
                return "join " + outcome(exc, world)
        elif kind == "gather":
            children, return_exceptions = step[1], step[2]
            coros = [body(f"{who}.{i}.{c}", s) for c, s in enumerate(children)]
            try:
                results = await world.gather(*coros, return_exceptions=return_exceptions)
            except ValueError as exc:
                return "gather " + outcome(exc, world)
            return "gathered " + ",".join(
                r if isinstance(r, str) else outcome(r, world) for r in results
            )
        elif kind == "raise":
            raise ValueError(f"{who} raised")
        return kind

    stuck = world.run([(f"T{n}", body(f"T{n}", s)) for n, s in enumerate(program.tasks)])
    frozen[0] = True
    world.close()
    return trace, stuck


def differences(program: Program, spaced: bool = True) -> list[str]:
    """What differs between the kernel's run and asyncio's, task by task."""
    ours, our_stuck = interpret(KernelWorld(program), program, spaced)
    theirs, their_stuck = interpret(AsyncioWorld(program), program, spaced)
    found = []
    for who in sorted(set(ours) | set(theirs)):
        if ours.get(who) != theirs.get(who):
            found.append(f"{who}: kernel {ours.get(who)}\n     asyncio {theirs.get(who)}")
    if our_stuck != their_stuck:
        found.append(f"stuck: kernel {our_stuck} asyncio {their_stuck}")
    return found


def survey(
    seeds: range, show: Callable[[str], None] | None = None, spaced: bool = True
) -> dict[int, list[str]]:
    found = {}
    for seed in seeds:
        diff = differences(Program.random(seed), spaced)
        if diff:
            found[seed] = diff
            if show:
                show(f"seed {seed}: {Program.random(seed)}\n  " + "\n  ".join(diff))
    return found


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    spaced = "--unspaced" not in sys.argv
    found = survey(range(count), print, spaced)
    print(f"{len(found)} of {count} programs differ ({'spaced' if spaced else 'unspaced'})")
