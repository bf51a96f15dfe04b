""""Why am I waiting?": the answer for a followed character, in a few plain lines.

What the task is suspended on (from the kernel: ``Task.parked_on`` and its wait queue), who
else waits there and in what order, who will wake it, and, once it has been woken, by whom
and when (``Task.woken_by``). The code view and the inspector both show it.
"""

from __future__ import annotations

from ..scheduler import READY, RUNNING, SLEEPING, WAITING, Task, Waitable
from ..shop import Shop
from ..shop.people import Couple

WHO_WAKES = {  # a wait queue's verb: what the waker does there
    "set": "sets it",
    "put": "puts something in",
    "got": "takes something out",
    "released": "releases it",
    "notified": "notifies it",
}


def who(task: Task) -> str:
    return task.name


def waker_of(shop: Shop, waitable: Waitable, verb: str) -> str:
    """Who will wake a task parked on ``waitable``, named from the shop when it can be."""
    for counter in shop.counters:
        server = counter.server.name if counter.server is not None else "the server"
        if waitable is counter.ready:
            return f"{server}, setting it when the burgers are down"
        if waitable is counter.requests:
            return "a couple at this till, putting in its order"
    if waitable is shop.free_counters:
        return "a server, putting in their till when free: next, please!"
    if waitable is shop.kitchen:
        return "a cashier, pinning the next order slip on the rail"
    name = waitable.name
    if name.startswith("reply to "):
        return "the server at the till, replying: a number, or 'wait here'"
    if name.startswith("line moves"):
        return "the couple ahead, stepping forward"
    if name.startswith("display shows"):
        return "the cook, putting the tray down"
    return f"whoever {WHO_WAKES.get(verb, verb)}"


def board_wait(task: Task, shop: Shop) -> str | None:
    """A couple flirting in the concurrent shop is not blocked: it talks (in sleeps) and
    glances at the board, whose event it checks between bits of talk."""
    couple = task.actor
    if not isinstance(couple, Couple) or couple.number is None or couple.phase != "flirting":
        return None
    number = couple.number
    if shop.display.has_shown(number):
        return f"not blocked: flirting; #{number} is on the board, seen at the next glance"
    return f"not blocked: flirting, glancing at the board for #{number} (the cook puts it up)"


def why_waiting(task: Task, shop: Shop) -> list[str]:
    """The answer, a line each: what it waits on, who else and in what order, who wakes it,
    and the last wake-up."""
    lines: list[str] = []
    parked = task.parked_on
    if task.state == WAITING and parked is not None:
        on = parked.waitable
        lines.append(f"blocked on {on.kind} '{on.name}'")
        queue = parked.waiting
        if len(queue) > 1:
            order = ", ".join(
                f"{i}. {who(t)}" + (" (me)" if t is task else "")
                for i, t in enumerate(queue[:5], start=1)
            )
            more = f" +{len(queue) - 5}" if len(queue) > 5 else ""
            lines.append(f"waiting there, first woken first: {order}{more}")
        else:
            lines.append("nobody else waits there")
        lines.append(f"who wakes it: {waker_of(shop, on, parked.verb)}")
    elif task.state == SLEEPING and task.wake_at is not None:
        lines.append(board_wait(task, shop) or "not blocked: asleep on its own timer")
        lines.append(f"its timer wakes it at {task.wake_at:.2f} s; nobody else is needed")
    elif task.state in (READY, RUNNING):
        lines.append(f"not waiting: {task.state}, the scheduler runs it next")
    else:
        lines.append(f"not waiting: {task.state}")
    lines.append(last_wake(task))
    return lines


def last_wake(task: Task) -> str:
    wake = task.woken_by
    if wake.how == "spawned" or (wake.by is None and wake.how != "timer"):
        return f"started at {wake.time:.2f} s"
    if wake.how == "timer":
        return f"last woken by its timer at {wake.time:.2f} s"
    assert wake.by is not None
    on = f" on {wake.on.kind} '{wake.on.name}'" if wake.on is not None else ""
    return f"last woken at {wake.time:.2f} s by {wake.by.name} ({wake.how}{on})"
