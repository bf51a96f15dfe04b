"""``python -m game.web build OUT/`` writes the static site (game/web/build.py);
``python -m game.web bench [SITE]`` measures it in Chromium (game/web/bench.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .bench import main as bench_main
from .build import PYODIDE, BuildError, build, cache_dir


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m game.web",
        description="Build the game's web page: a static folder any web server can serve.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("build", help="write the site into OUT (npm fetches Pyodide once)")
    cmd.add_argument("out", metavar="OUT", help="the folder to write (empty, or a former build)")
    cmd.add_argument(
        "--cache", metavar="DIR", default=None, help=f"where npm's tarball is kept ({cache_dir()})"
    )
    bench = sub.add_parser("bench", help="measure the page in Chromium against the desktop")
    bench.add_argument("site", metavar="SITE", nargs="?", help="a built site (else one is built)")
    bench.add_argument("--json", metavar="FILE", help="also write the numbers as JSON")
    args = parser.parse_args(argv)
    if args.command == "bench":
        return bench_main(args.site, args.json)
    try:
        info = build(Path(args.out), Path(args.cache) if args.cache else None)
    except BuildError as error:
        print(f"python -m game.web: error: {error}", file=sys.stderr)
        return 2
    megabytes = int(info["bytes"]) / 1e6  # type: ignore[call-overload]
    print(
        f"wrote {args.out}: Pyodide {PYODIDE}, the game ({info['game_files']} files), "
        f"{megabytes:.1f} MB; serve it with: python -m http.server -d {args.out}"
    )
    print(
        "the game is precompiled for the page's Python 3.13"
        if info["precompiled"]
        else "no CPython 3.13 here (python3.13, or ASYNC_BURGERS_PYTHON313=PATH): the page "
        "compiles the game's modules at each start, about 2 s slower"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
