"""The shop as a web server (level 8): requests are couples, the one cashier its event loop.

The seed's last chapter is FastAPI's ``@app.get('/burgers') async def read_burgers():
burgers = await get_burgers(2)``. Here the framework is ours, as small as the lesson
needs, and plays on the shop's kernel: ``serve`` is the cashier who reads each request
(takes the order), gives its ticket and hands it to a handler task of its own, the way a
framework does. The handler runs the learner's endpoint as FastAPI would:

- ``async def``: on the loop itself. ``await get_burgers(2)`` sends the order to the cook
  and waits; the loop takes the next request meanwhile. A blocking call inside
  (``get_burgers_sync(2)``, ``time.sleep``) holds the loop: every request waits.
- plain ``def``: on one of ``webserver.POOL`` (40) threads, each a temporary cashier-cook
  who cooks the order himself; the 41st request at once waits for a free thread.

The answer (the response) must be the burgers ``get_burgers`` or ``get_burgers_sync``
made for that request; anything else is the request's error, reported with its name, as
a server logs a 500. ``webserver.py`` predicts the same three endpoints for N requests at
once (and ``realdemo --server`` measures them on a real server).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

from ..scheduler import Kernel, Semaphore, blocking, run_in_worker, sleep
from . import webserver
from .staff import Order, Tray

if TYPE_CHECKING:
    from .places import Counter
    from .staff import Staff
    from .world import Shop

PATH = "/burgers"


class FastAPI:
    """The part of FastAPI's app a level's file uses: ``@app.get(path)`` keeps the
    endpoint and gives it back unchanged."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.routes: dict[str, Callable[..., Any]] = {}

    def get(self, path: str, **kwargs: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        def route(endpoint: Callable[..., Any]) -> Callable[..., Any]:
            self.routes[path] = endpoint
            return endpoint

        return route


def endpoint_in(names: dict[str, Any]) -> Callable[..., Any] | None:
    """The file's ``GET /burgers`` endpoint: routed on a ``FastAPI`` app, else the
    function called ``read_burgers``."""
    for value in names.values():
        if isinstance(value, FastAPI) and PATH in value.routes:
            return value.routes[PATH]
    found = names.get("read_burgers")
    return found if callable(found) else None


class Request:
    """One request being handled: its order, in its shop."""

    def __init__(self, shop: Shop, order: Order) -> None:
        self.shop = shop
        self.order = order


# Each kernel's requests being handled, by their handler task's name. A task the endpoint
# makes (``run_in_executor``, ``create_task``) is named after it: "GET /burgers #3: ...".
_HANDLING: WeakKeyDictionary[Kernel, dict[str, Request]] = WeakKeyDictionary()


def _handler_name(order: Order) -> str:
    return f"GET {PATH} #{order.number}"


def _request(what: str) -> Request:
    kernel = blocking.ACTIVE_KERNELS[-1] if blocking.ACTIVE_KERNELS else None
    task = kernel.current if kernel is not None else None
    handling = _HANDLING.get(kernel, {}) if kernel is not None else {}
    request = handling.get(task.name.split(": ", 1)[0]) if task is not None else None
    if request is None:
        raise RuntimeError(f"{what}() belongs to a request: call it from the endpoint")
    return request


def _count(count: int) -> None:
    if not isinstance(count, int) or count < 1:
        raise ValueError(f"a whole number of burgers, at least 1, not {count!r}")


async def get_burgers(count: int) -> Tray:
    """Have the cook make this request's burgers, and wait for them: the loop serves
    other requests meanwhile (``await get_burgers(2)``)."""
    _count(count)
    request = _request("get_burgers")
    order, shop = request.order, request.shop
    await shop.kitchen.put(order)
    await shop.display.shows(order.number).wait()  # the cook has put the tray down
    return order.tray


def get_burgers_sync(count: int) -> Tray:
    """Make this request's burgers right here, in a plain blocking call (like a
    synchronous database driver): on the loop it holds every request up; on a thread it
    takes only that thread's time."""
    _count(count)
    order = _request("get_burgers_sync").order
    blocking.block(order.cook_time, "get_burgers_sync")
    order.tray = Tray(order)
    return order.tray


async def serve(shop: Shop, me: Staff, counter: Counter) -> None:
    """The server's event loop, as the cashier: read each request, give its ticket, and
    hand it to a handler task of its own; then the next request, at once."""
    threads = Semaphore(webserver.POOL, name="thread pool")  # a plain def's 40 threads
    while True:
        request = await me.next_please(counter)
        order = await me.take_order(request)  # the request, read
        await me.give_ticket(request, order)
        name = _handler_name(order)
        _HANDLING.setdefault(shop.kernel, {})[name] = Request(shop, order)
        shop.kernel.spawn(respond(shop, me, order, threads), name, group="requests", actor=me)


async def respond(shop: Shop, me: Staff, order: Order, threads: Semaphore) -> None:
    """Run the endpoint for one request as FastAPI does, and send its answer."""
    endpoint = shop.cast.endpoint if shop.cast is not None else None
    if endpoint is None:
        raise RuntimeError(f"no endpoint for GET {PATH}")
    try:
        answer = await _run(endpoint, threads)
    finally:
        _HANDLING.get(shop.kernel, {}).pop(_handler_name(order), None)
    if not isinstance(answer, Tray) or answer.order is not order:
        if inspect.iscoroutine(answer):
            del answer  # dropped now, as a server drops it: Python warns it was never awaited
            raise TypeError(f"{endpoint.__name__}() returned a coroutine, not burgers: await it")
        raise TypeError(
            f"{endpoint.__name__}() returned {answer!r}, not the burgers of order {order.id}"
        )
    await sleep(0)  # sending the answer is an await: once the loop is free again
    if answer.holder == "grill":  # made by get_burgers_sync: the answer, sent
        me.put_down(answer, shop.pickup)


async def _run(endpoint: Callable[..., Any], threads: Semaphore) -> Any:
    """An ``async def`` endpoint awaited on the loop; a plain ``def`` on a free thread."""
    if inspect.iscoroutinefunction(endpoint):
        return await endpoint()  # on the loop
    await threads.acquire()  # a free thread of the pool, or wait for one
    try:
        return await run_in_worker(endpoint, name="thread pool")
    finally:
        threads.release()
