"""A script's record read back at any moment: what the view draws is ``Replay.at(i, t)``.

A run is deterministic, so the record is the whole story: pausing, stepping back and
seeking are reading it at another index, never running the script again. Moments are the
record's task events and blocking calls in the order they happened (``seq``); between two
moments virtual time may pass (a sleep, a held loop) with nothing else changing.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

DONE = ("done", "cancelled")
ENDED = ("done", "cancelled", "failed", "stopped")


@dataclass(frozen=True)
class TaskView:
    """One task at one moment: where it is in the shop and in the script."""

    id: int
    name: str
    coro: str
    state: str  # created, ready, running, awaiting, done, cancelled, failed, stopped
    line: int | None
    since: float  # virtual time it entered this state
    what: str | None = None  # what it awaits, in words
    kind: str | None = None  # sleep, event, queue, lock, task, gather, future, ...
    chain: tuple[tuple[str, str, int], ...] = ()
    by: int | str | None = None  # who woke (or created) it
    error: str | None = None
    traceback: str | None = None
    created_line: int | None = None
    created_by: int | str | None = None

    @property
    def waiting_in_line(self) -> bool:
        return self.state in ("created", "ready")

    @property
    def ended(self) -> bool:
        return self.state in ENDED


@dataclass(frozen=True)
class Moment:
    index: int  # moments applied: 0 = before anything happened
    t: float
    tasks: tuple[TaskView, ...]
    event: dict[str, Any] | None  # the moment's own entry (a task event or a block)
    block: dict[str, Any] | None  # the loop held by a blocking call right now
    output: tuple[dict[str, Any], ...]
    finished: bool  # every moment applied and the run over
    stop: dict[str, Any] | None
    cpu: dict[str, Any] | None = None  # the step running now computed this long (wall clock)

    @property
    def running(self) -> TaskView | None:
        return next((t for t in self.tasks if t.state == "running"), None)

    def task(self, task_id: int | None) -> TaskView | None:
        return next((t for t in self.tasks if t.id == task_id), None)


@dataclass
class Lane:
    """A task's life as spans of one state each, for the timeline strip."""

    id: int
    name: str
    coro: str
    spans: list[tuple[float, float, str, str | None]] = field(default_factory=list)


class Replay:
    def __init__(self, record: dict[str, Any]) -> None:
        self.record = record
        self.tasks = record["tasks"]
        moments: list[dict[str, Any]] = []
        for task in self.tasks:
            for event in task["events"]:
                moments.append(dict(event, task=task["id"]))
        for block in record["blocked"]:
            moments.append(dict(block, state="blocked"))
        moments.sort(key=lambda m: m["seq"])
        self.moments = moments
        self.seqs = [m["seq"] for m in moments]
        self.times = [m["t"] for m in moments]
        self.by_task = {
            task["id"]: ([e["seq"] for e in task["events"]], task["events"]) for task in self.tasks
        }
        self.output = sorted(record["output"], key=lambda o: (o["t"], o["seq"]))
        self.end = max([record["end"], *self.times, *(o["t"] for o in self.output)])
        self.blocks = record["blocked"]
        self.cpu = self._cpu_steps(record.get("cpu", []))
        self.woken: dict[int, tuple[list[int], list[dict[str, Any]]]] = {}
        for wake in record["wakes"]:  # in seq order already
            seqs, wakes = self.woken.setdefault(wake["to"], ([], []))
            seqs.append(wake["seq"])
            wakes.append(wake)

    def _cpu_steps(self, entries: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
        """Each CPU-bound step by the seq of its "running" moment: the step it measured."""
        steps: dict[int, dict[str, Any]] = {}
        for entry in entries:
            seqs, events = self.by_task.get(entry["task"], ([], []))
            k = bisect.bisect_right(seqs, entry["seq"])
            while k > 0 and events[k - 1]["state"] != "running":
                k -= 1
            if k > 0:
                steps[events[k - 1]["seq"]] = entry
        return steps

    def __len__(self) -> int:
        return len(self.moments)

    def time_of(self, index: int) -> float:
        """Virtual time of the ``index``-th moment applied (0: before the first)."""
        return self.times[index - 1] if index > 0 else 0.0

    def index_at(self, t: float) -> int:
        """How many moments have happened by virtual time ``t``."""
        return bisect.bisect_right(self.times, t)

    def at(self, index: int, t: float | None = None) -> Moment:
        index = max(0, min(index, len(self.moments)))
        now = self.time_of(index) if t is None else max(t, self.time_of(index))
        seq = self.seqs[index - 1] if index > 0 else 0
        views = []
        for task in self.tasks:
            seqs, events = self.by_task[task["id"]]
            k = bisect.bisect_right(seqs, seq)
            if k == 0:
                continue  # not created yet
            views.append(self._view(task, events[k - 1], events[0]))
        event = self.moments[index - 1] if index > 0 else None
        block = next(
            (b for b in self.blocks if b["seq"] <= seq and b["t"] <= now < b["t"] + b["seconds"]),
            None,
        )
        if block is None and event is not None and event["state"] == "blocked":
            block = event  # the moment the loop is held, before its time runs
        printed = tuple(o for o in self.output if o["seq"] <= seq or o["t"] < now)
        finished = index == len(self.moments) and now >= self.end
        return Moment(
            index,
            now,
            tuple(views),
            event,
            block,
            printed,
            finished,
            self.record["stop"] if finished or index == len(self.moments) else None,
            self.cpu.get(event["seq"]) if event is not None else None,
        )

    @staticmethod
    def _view(task: dict[str, Any], event: dict[str, Any], first: dict[str, Any]) -> TaskView:
        return TaskView(
            id=task["id"],
            name=task["name"],
            coro=task["coro"],
            state=event["state"],
            line=event["line"],
            since=event["t"],
            what=event.get("what"),
            kind=event.get("kind"),
            chain=tuple(tuple(c) for c in event.get("chain", ())),
            by=event.get("by"),
            error=event.get("error"),
            traceback=event.get("traceback"),
            created_line=first["line"],
            created_by=first.get("by"),
        )

    def lanes(self) -> list[Lane]:
        """Each task's states over virtual time (zero-length runs kept: they are the steps)."""
        lanes = []
        for task in self.tasks:
            lane = Lane(task["id"], task["name"], task["coro"])
            events = task["events"]
            for event, after in zip(events, [*events[1:], None], strict=True):
                end = after["t"] if after is not None else self.end
                if event["state"] in DONE:
                    end = event["t"]
                lane.spans.append((event["t"], end, event["state"], event.get("kind")))
            lanes.append(lane)
        return lanes

    def wakes_at(self, index: int) -> list[dict[str, Any]]:
        """Who woke whom, for the tasks still waiting in line (or running) after being woken."""
        moment = self.at(index)
        seq = self.seqs[index - 1] if index > 0 else 0
        found = []
        for task in moment.tasks:
            if task.state not in ("ready", "running") or task.id not in self.woken:
                continue
            seqs, wakes = self.woken[task.id]
            k = bisect.bisect_right(seqs, seq)
            if k:
                found.append(wakes[k - 1])
        return found
