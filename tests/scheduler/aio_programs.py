"""Random asyncio programs for the differential test: the same source runs on real asyncio
(on a virtual clock) and on the game's ``asyncio``; what they log, and when, must agree.

A program is a ``main`` that starts a few workers (``create_task``, ``gather``, a
``TaskGroup``) sharing a lock, a semaphore, events and a queue; each worker is a random
sequence of steps: sleeps, critical sections, waits and sets, puts and gets, ``wait_for``
and ``timeout`` around sub-coroutines, gathers (with and without ``return_exceptions``),
tasks awaited or cancelled, failures caught, ``to_thread`` calls. Sleeps are random floats,
so no two timers fall due at the same virtual instant: the order of events is then fixed
by asyncio's semantics alone, not by how a heap breaks ties.
"""

from __future__ import annotations

from random import Random

HEADER = """\
LOG = []


def log(*what):
    LOG.append((round(asyncio.get_running_loop().time(), 6), *what))


def pure(n):
    return sum(i * i for i in range(n))
"""


class Program:
    """Builds one program's source from a seed."""

    def __init__(self, seed: int, max_depth: int = 2) -> None:
        self.rng = Random(seed)
        self.max_depth = max_depth
        self.functions: list[str] = []
        self.count = 0

    def duration(self) -> float:
        return round(self.rng.uniform(0.05, 3.0), 6) + self.rng.random() * 1e-4

    def new_function(self, depth: int) -> str:
        """A fresh ``async def`` (its name is returned); its body is random steps."""
        self.count += 1
        name = f"f{self.count}"
        rng = self.rng
        body: list[str] = [f'log("{name}", "starts")']
        for _ in range(rng.randint(1, 4)):
            body += self.step(name, depth)
        if depth > 0 and rng.random() < 0.2:
            body += [f'raise ValueError("{name}")']
        body += [f'log("{name}", "ends")', f'return "{name}"']
        guarded = ["try:", *indent(body), "except asyncio.CancelledError:"]
        guarded += indent([f'log("{name}", "cancelled")'])
        guarded += indent(["return 'refused'" if rng.random() < 0.1 else "raise"])
        self.functions.append(
            f"async def {name}(lock, sem, evs, q):\n" + "\n".join(indent(guarded)) + "\n"
        )
        return name

    def call(self, depth: int) -> str:
        return f"{self.new_function(depth + 1)}(lock, sem, evs, q)"

    def step(self, me: str, depth: int) -> list[str]:
        rng = self.rng
        kinds = ["sleep", "sleep0", "lock", "sem", "wait", "set", "put", "get", "thread"]
        if depth < self.max_depth:
            kinds += ["wait_for", "timeout", "gather", "task", "cancel", "group"] * 2
        kind = rng.choice(kinds)
        d = self.duration()
        e = rng.randrange(3)
        if kind == "sleep":
            return [f"await asyncio.sleep({d})", f'log("{me}", "slept")']
        if kind == "sleep0":
            return ["await asyncio.sleep(0)", f'log("{me}", "yielded")']
        if kind in ("lock", "sem"):
            return [
                f"async with {kind}:",
                *indent([f'log("{me}", "in {kind}")', f"await asyncio.sleep({d})"]),
                f'log("{me}", "out of {kind}")',
            ]
        if kind == "wait":
            return [f"await evs[{e}].wait()", f'log("{me}", "saw", {e})']
        if kind == "set":
            return [f"evs[{e}].set()", f'log("{me}", "set", {e})']
        if kind == "put":
            return [f'await q.put("{me}")', f'log("{me}", "put", q.qsize())']
        if kind == "get":
            return ["item = await q.get()", "q.task_done()", f'log("{me}", "got", item)']
        if kind == "thread":
            n = rng.randint(1, 50)
            return [f"r = await asyncio.to_thread(pure, {n})", f'log("{me}", "thread", r)']
        if kind == "wait_for":
            return [
                "try:",
                *indent([f"r = await asyncio.wait_for({self.call(depth)}, {d})"]),
                *indent([f'log("{me}", "in time", r)']),
                "except TimeoutError:",
                *indent([f'log("{me}", "too late")']),
                "except ValueError as exc:",
                *indent([f'log("{me}", "failed", str(exc))']),
            ]
        if kind == "timeout":
            return [
                "try:",
                *indent([f"async with asyncio.timeout({d}):"]),
                *indent(indent([f"r = await {self.call(depth)}", f'log("{me}", "got", r)'])),
                "except TimeoutError:",
                *indent([f'log("{me}", "timed out")']),
                "except ValueError as exc:",
                *indent([f'log("{me}", "failed", str(exc))']),
            ]
        if kind == "gather":
            calls = ", ".join(self.call(depth) for _ in range(rng.randint(1, 3)))
            flag = rng.random() < 0.5
            return [
                "try:",
                *indent([f"rs = await asyncio.gather({calls}, return_exceptions={flag})"]),
                *indent([f'log("{me}", "gathered", [repr(r) for r in rs])']),
                "except ValueError as exc:",
                *indent([f'log("{me}", "gather failed", str(exc))']),
            ]
        if kind == "task":
            inner = self.step(me, depth + 1)
            return [
                f"t = asyncio.create_task({self.call(depth)})",
                *inner,
                "try:",
                *indent(["r = await t", f'log("{me}", "joined", r)']),
                "except ValueError as exc:",
                *indent([f'log("{me}", "task failed", str(exc))']),
            ]
        if kind == "cancel":
            return [
                f"t = asyncio.create_task({self.call(depth)})",
                f"await asyncio.sleep({d})",
                f'log("{me}", "cancels", t.cancel())',
                "try:",
                *indent(["r = await t", f'log("{me}", "not cancelled", r)']),
                "except asyncio.CancelledError:",
                *indent([f'log("{me}", "cancelled it")']),
                "except ValueError as exc:",
                *indent([f'log("{me}", "it failed", str(exc))']),
            ]
        # a task group
        creates = [f"tg.create_task({self.call(depth)})" for _ in range(rng.randint(1, 3))]
        return [
            "try:",
            *indent(["async with asyncio.TaskGroup() as tg:", *indent(creates)]),
            *indent([f'log("{me}", "group done")']),
            "except* ValueError as group:",
            *indent([f'log("{me}", "group failed", sorted(map(str, group.exceptions)))']),
        ]

    def source(self) -> str:
        rng = self.rng
        workers = [self.new_function(0) for _ in range(rng.randint(2, 4))]
        starts = []
        for i, name in enumerate(workers):
            call = f"{name}(lock, sem, evs, q)"
            starts.append(f"t{i} = asyncio.create_task({call})")
        main = [
            "lock = asyncio.Lock()",
            f"sem = asyncio.Semaphore({rng.randint(1, 2)})",
            "evs = [asyncio.Event() for _ in range(3)]",
            f"q = asyncio.Queue(maxsize={rng.randint(0, 2)})",
            *starts,
        ]
        for e in rng.sample(range(3), 3):  # every event is set, some time
            main += [f"await asyncio.sleep({self.duration() * 2})", f"evs[{e}].set()"]
        for _ in range(6):  # enough items and room for the workers' gets and puts
            main += ['q.put_nowait("main") if not q.full() else None', "await asyncio.sleep(1.5)"]
            main += ["q.get_nowait() if q.qsize() > 1 else None"]
        joined = ", ".join(f"t{i}" for i in range(len(workers)))
        main += [f"rs = await asyncio.gather({joined}, return_exceptions=True)"]
        main += ['log("main", "results", [repr(r) for r in rs])']
        text = HEADER + "\n\n" + "\n\n".join(self.functions)
        return text + "\n\nasync def main():\n" + "\n".join(indent(main)) + "\n"


def indent(lines: list[str]) -> list[str]:
    return ["    " + line for line in lines]


def program(seed: int) -> str:
    return Program(seed).source()
