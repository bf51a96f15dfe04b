"""Command line of the benchmarks: pick sections, print text or Markdown tables."""

from __future__ import annotations

import argparse
import cProfile
import importlib
import platform
import pstats
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .doc import document
from .report import Section, as_text

SECTIONS = {
    "frame": "frames",
    "sim": "sim",
    "sched": "sched",
    "startup": "startup",
    "overload": "overload",
}


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m game.bench", description="Async Burgers performance benchmarks."
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="few repeats, short runs: proves it works, figures are rough",
    )
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help=f"comma-separated sections to run ({','.join(SECTIONS)})",
    )
    parser.add_argument(
        "--markdown",
        nargs="?",
        const="-",
        metavar="FILE",
        help="the whole docs/performance.md document from this run: on stdout, or "
        "written to FILE (the tables then print as text meanwhile)",
    )
    parser.add_argument(
        "--machine",
        default="",
        metavar="TEXT",
        help="what to say about the machine in the document (e.g. 'a shared 2-core VM')",
    )
    parser.add_argument(
        "--profile",
        type=int,
        metavar="N",
        default=0,
        help="also run under cProfile and print the top N functions by own "
        "time (figures are then inflated)",
    )
    args = parser.parse_args(argv)
    args.only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in args.only if s not in SECTIONS]
    if unknown or not args.only:
        parser.error(
            f"--only: unknown section(s) {', '.join(unknown) or '(none)'}; "
            f"choose from {', '.join(SECTIONS)}"
        )
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    judged = not args.quick
    doc_to_stdout = args.markdown == "-"
    out = sys.stderr if doc_to_stdout else sys.stdout  # the document alone on stdout
    machine = (
        f"python {platform.python_version()}, {platform.machine()}, "
        f"{platform.platform(terse=True)}, {_cores()} cores"
    )
    print(
        f"Async Burgers benchmarks{' (--quick: targets not judged)' if args.quick else ''}",
        file=out,
    )
    print(machine, file=out)
    sections: list[Section] = []
    profiler = cProfile.Profile() if args.profile else None
    for name in args.only:
        start = time.perf_counter()
        module = importlib.import_module(f".{SECTIONS[name]}", __package__)
        if profiler is not None:
            profiler.enable()
        section = module.run(args.quick)
        if profiler is not None:
            profiler.disable()
        sections.append(section)
        print(file=out)
        print(as_text(section, judged), file=out)
        print(f"  ({time.perf_counter() - start:.1f} s)", file=out, flush=True)
    checks = [c for s in sections for c in s.checks]
    if judged and checks:
        passed = sum(c.ok for c in checks)
        print(f"\ntargets: {passed} of {len(checks)} pass", file=out)
        for c in checks:
            if not c.ok:
                print(f"  FAIL {c.target}: {c.measured}", file=out)
    if profiler is not None:
        print(file=out)
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.profile)
    if args.markdown:
        text = document(
            args.only, sections, judged=judged, platform_line=machine, note=args.machine
        )
        if doc_to_stdout:
            sys.stdout.write(text)
        else:
            Path(args.markdown).write_text(text)
            print(f"\nwrote {args.markdown}", file=out)
    return 0


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


if __name__ == "__main__":
    raise SystemExit(main())
