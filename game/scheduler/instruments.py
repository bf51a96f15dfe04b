"""Observers of the kernel (curio's ``Activation``, trio's ``Instrument``).

Subclass ``Instrument`` and override only the hooks you need; the kernel calls only those,
and with no instrument attached it checks a single empty mapping per step.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    from .task import Task, Wake

HOOKS = ("spawned", "woken", "before_run", "after_run", "ended")


class Instrument:
    """Base of kernel observers. Hooks run inside the kernel: keep them quick, and never
    advance the kernel from one."""

    def spawned(self, task: Task) -> None:
        """``task`` was created; it runs first at the current virtual time."""

    def woken(self, task: Task, wake: Wake) -> None:
        """``task`` became ready; ``wake`` says when, how and by whom (``task.woken_by``)."""

    def before_run(self, task: Task) -> None:
        """``task`` is about to resume."""

    def after_run(self, task: Task) -> None:
        """``task`` ran up to its next await (``task.describe()`` says on what) or ended."""

    def ended(self, task: Task) -> None:
        """``task`` ended: done, failed, cancelled or interrupted (``task.state``)."""


@dataclass(frozen=True)
class Handover:
    """One resume, for the inspector: at ``time`` task ``name`` ran until it was ``after``."""

    time: float
    name: str
    after: str
    resume: int


class HandoverLog(Instrument):
    """The hand-over list the inspector shows: after each resume, who ran and what it
    awaits now. Keeps the last ``maxlen`` (all if None); reads like a sequence."""

    def __init__(self, maxlen: int | None = None) -> None:
        self.maxlen = maxlen
        self._log: deque[Handover] = deque(maxlen=maxlen)

    def after_run(self, task: Task) -> None:
        self._log.append(Handover(task.kernel.now, task.name, task.describe(), task.resumes))

    def __len__(self) -> int:
        return len(self._log)

    def __iter__(self) -> Iterator[Handover]:
        return iter(self._log)

    @overload
    def __getitem__(self, index: int) -> Handover: ...
    @overload
    def __getitem__(self, index: slice) -> list[Handover]: ...
    def __getitem__(self, index: int | slice) -> Handover | list[Handover]:
        if isinstance(index, slice):
            return list(self._log)[index]
        return self._log[index]

    def clear(self) -> None:
        self._log.clear()
