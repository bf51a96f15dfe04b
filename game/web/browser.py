"""The game's start in the page (game/web/page/boot.js awaits ``start``): the page's address
becomes the command line (a link to a moment, game/app/link.py), the browser's language
the game's, the game's data folder the one the page keeps in the browser's storage; then
the same ``web_main`` as main.py's runs the same main loop."""

from __future__ import annotations

import asyncio
import gc
import os
import sys

DATA = "/home/pyodide/.local/share/async-burgers"  # mounted on IndexedDB by the page
FREEZE_AFTER_S = 3.0  # wall seconds: the game has started and drawn its first frames
HOME = "/home/pyodide"  # screenshots/ and recordings/ go here (F12 also downloads)


def settings(query: str, language: str) -> tuple[list[str], dict[str, str]]:
    """The command-line arguments and environment of a page at ``?query``."""
    from ..app.link import to_argv

    argv = to_argv(query) if query.strip("?") else []
    env = {
        "LANG": language.replace("-", "_") + ".UTF-8",  # "es-ES": the game's Spanish
        "ASYNC_BURGERS_DATA": DATA,
        "PYGAME_HIDE_SUPPORT_PROMPT": "1",
    }
    return argv, env


async def start(query: str, language: str) -> int:
    import js  # type: ignore[import-not-found]

    from ..app import link
    from ..app.cli import web_main

    try:
        argv, env = settings(query, language)
    except link.LinkError as error:
        print(f"main.py: error: {error}", file=sys.stderr)
        js.asyncBurgers.error = str(error)
        return 2
    os.environ.update(env)
    os.makedirs(HOME, exist_ok=True)
    os.chdir(HOME)
    link.BASE = str(js.location.origin) + str(js.location.pathname)
    # a full collection in WebAssembly walks every object the game made at its start
    # (sheets, worlds, labels): frozen once the game runs, later collections skip them
    # (with collections off the slowest frames were about half as slow, on a quiet moment
    # of our shared machine; with the freeze the difference was within its noise)
    asyncio.get_event_loop().call_later(FREEZE_AFTER_S, gc.freeze)
    code = await web_main(argv)
    if code:
        js.asyncBurgers.error = f"the game ended with exit code {code}"
    return code


def running_game() -> object:
    """The game the page runs (for the page's tests and bench, which read it): a local of
    ``play`` (game/app/start.py) on the task the page awaits, found down the await chain."""
    for task in asyncio.all_tasks(asyncio.get_event_loop()):
        coro = task.get_coro()
        while coro is not None:
            frame = getattr(coro, "cr_frame", None)
            found = frame.f_locals.get("game") if frame is not None else None
            if found is not None and hasattr(found, "stage"):
                return found
            coro = getattr(coro, "cr_await", None)
    raise LookupError("no running game")
