""" "Why am I waiting?": the answer for a followed character, in a few plain lines.

What the task is suspended on (from the kernel: ``Task.parked_on`` and its wait queue), who
else waits there and in what order, who will wake it, and, once it has been woken, by whom
and when (``Task.woken_by``). The code view and the inspector both show it, in the
player's language.
"""

from __future__ import annotations

from ..i18n import N_, _
from ..scheduler import READY, RUNNING, SLEEPING, WAITING, Task, Waitable
from ..shop import Shop
from ..shop.people import Couple
from . import words

WHOEVER = {  # a wait queue's verb: who wakes a task parked there
    "set": N_("whoever sets it"),
    "put": N_("whoever puts something in"),
    "got": N_("whoever takes something out"),
    "released": N_("whoever releases it"),
    "notified": N_("whoever notifies it"),
}
HOW = {  # what a waker did, in a wake record
    "set": N_("set"),
    "put": N_("put"),
    "got": N_("got"),
    "released": N_("released"),
    "notified": N_("notified"),
    "cancelled": N_("cancelled"),
    "shows": N_("shows"),
}


def how(verb: str) -> str:
    return _(HOW[verb]) if verb in HOW else verb


def waker_of(shop: Shop, waitable: Waitable, verb: str) -> str:
    """Who will wake a task parked on ``waitable``, named from the shop when it can be."""
    for counter in shop.counters:
        if waitable is counter.ready:
            server = words.name(counter.server.name) if counter.server is not None else "?"
            return _("{server}, setting it when the burgers are down").format(server=server)
        if waitable is counter.requests:
            return _("a couple at this till, putting in its order")
    if waitable is shop.free_counters:
        return _("a server, putting in their till when free: next, please!")
    if waitable is shop.kitchen:
        return _("a cashier, pinning the next order slip on the rail")
    name = waitable.name
    if name.startswith("reply to "):
        return _("the server at the till, replying: a number, or 'wait here'")
    if name.startswith("line moves"):
        return _("the couple ahead, stepping forward")
    if name.startswith("display shows"):
        return _("the cook, putting the tray down")
    return _(WHOEVER[verb]) if verb in WHOEVER else verb


def board_wait(task: Task, shop: Shop) -> str | None:
    """A couple flirting in the concurrent shop is not blocked: it talks (in sleeps) and
    glances at the board, whose event it checks between bits of talk."""
    couple = task.actor
    if not isinstance(couple, Couple) or couple.number is None or couple.phase != "flirting":
        return None
    number = couple.number
    if shop.display.has_shown(number):
        return _(
            "not blocked: flirting; #{number} is on the board, seen at the next glance"
        ).format(number=number)
    return _(
        "not blocked: flirting, glancing at the board for #{number} (the cook puts it up)"
    ).format(number=number)


def why_waiting(task: Task, shop: Shop) -> list[str]:
    """The answer, a line each: what it waits on, who else and in what order, who wakes it,
    and the last wake-up."""
    lines: list[str] = []
    busy = shop.kernel.busy
    if busy is not None:  # a plain blocking call holds the loop (issue 10)
        end = f"{busy.end:.2f}"
        if task is busy.task:
            return [
                _(
                    "not waiting: running {call}, a plain call that holds the loop until {t} s"
                ).format(call=busy.what, t=end),
                _("no await in it: nobody else can run until it returns"),
            ]
        late = shop.kernel.overdue(task)
        if late > 0:
            text = _("ready for {seconds} s, but {name} holds the loop until {t} s")
            lines.append(text.format(seconds=f"{late:.1f}", name=words.name(busy.task.name), t=end))
            lines.append(last_wake(task))
            return lines
    parked = task.parked_on
    if task.state == WAITING and parked is not None:
        on = parked.waitable
        lines.append(
            _("blocked on {kind} '{name}'").format(
                kind=words.kind(on.kind), name=words.name(on.name)
            )
        )
        queue = parked.waiting
        if len(queue) > 1:
            names = [
                _("{name} (me)").format(name=words.name(t.name))
                if t is task
                else words.name(t.name)
                for t in queue[:5]
            ]
            order = ", ".join(f"{i}. {n}" for i, n in enumerate(names, start=1))
            more = f" +{len(queue) - 5}" if len(queue) > 5 else ""
            lines.append(_("waiting there, first woken first: {order}").format(order=order) + more)
        else:
            lines.append(_("nobody else waits there"))
        lines.append(_("who wakes it: {who}").format(who=waker_of(shop, on, parked.verb)))
    elif task.state == SLEEPING and task.wake_at is not None:
        lines.append(board_wait(task, shop) or _("not blocked: asleep on its own timer"))
        lines.append(
            _("its timer wakes it at {t} s; nobody else is needed").format(t=f"{task.wake_at:.2f}")
        )
    elif task.state in (READY, RUNNING):
        lines.append(
            _("not waiting: {state}, the scheduler runs it next").format(
                state=words.state(task.state)
            )
        )
    else:
        lines.append(_("not waiting: {state}").format(state=words.state(task.state)))
    lines.append(last_wake(task))
    return lines


def last_wake(task: Task) -> str:
    wake = task.woken_by
    t = f"{wake.time:.2f}"
    if wake.how == "spawned" or (wake.by is None and wake.how != "timer"):
        return _("started at {t} s").format(t=t)
    if wake.how == "timer":
        return _("last woken by its timer at {t} s").format(t=t)
    assert wake.by is not None
    who = words.name(wake.by.name)
    if wake.on is None:
        return _("last woken at {t} s by {who} ({how})").format(t=t, who=who, how=how(wake.how))
    return _("last woken at {t} s by {who} ({how} on {kind} '{name}')").format(
        t=t,
        who=who,
        how=how(wake.how),
        kind=words.kind(wake.on.kind),
        name=words.name(wake.on.name),
    )
