"""Async Burgers: `python main.py` opens the game; `--help` lists everything else."""

import sys

from game.app.cli import main, web_main

if __name__ == "__main__":
    if sys.platform == "emscripten":  # in a web page (Pyodide, docs/web.md): the page's loop
        import asyncio

        asyncio.run(web_main())
    else:
        raise SystemExit(main(prog="main.py"))
