"""docs/performance.md, written by the benchmark itself (``--markdown``) from one run.

The figures in a hand-copied document go stale without anyone noticing; this one is the
output of a run, with the text that says how to read it, and its deterministic counts
(couples, resumes) are checked against a fresh run by ``tests/test_bench.py``.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from .report import Section, as_markdown

COUNTS_HEADING = "## Deterministic counts"

INTRO = """\
# Performance

*Written by `python -m game.bench --markdown docs/performance.md` from one full run: do
not edit by hand, run it again. `tests/test_bench.py` checks the deterministic counts
below against a fresh run, so a change that alters them fails until this file is
rewritten.*

Benchmarks, not tests: `python -m game.bench` prints figures and judges them against the
targets below; nothing in `pytest` depends on a time (`tests/test_bench.py` only runs
`--quick` to prove the command works, and compares the counts).

## How to run

```sh
python -m pip install -r requirements.txt -r bench-requirements.txt   # SimPy is optional
python -m game.bench                       # everything, ~3 min on 2 cores; targets judged
python -m game.bench --quick               # seconds; rough figures, targets not judged
python -m game.bench --only frame,sched    # sections: frame sim sched startup overload timetravel
python -m game.bench --markdown            # this whole document, on stdout
python -m game.bench --markdown docs/performance.md --machine "..."   # rewrite this file
python -m game.bench --only sim --profile 25   # + cProfile top 25 (figures then inflated)
```

The frame figures always use SDL's dummy video and audio drivers (set before pygame is
imported), so they run anywhere and measure software blitting only. The start-up and
memory figures of section 4 are taken in fresh child processes (`game/bench/probe.py`),
so they do not include this benchmark's own imports or caches; they read `/proc` (Linux).
"""

MEANINGS = {
    "frame": """\
1. **Frame cost.** A real `Game(config, screen)` at 1280x720. Each measured frame is one
   model tick (1/60 s of virtual time, both shops), `game.draw()`, and
   `pygame.display.flip()`, timed apart. *game.draw()* is the renderer (shop view + HUD,
   or both halves + comparison chart for side by side); *tick + draw + flip* is what one
   frame of the app loop costs (minus event polling). Budget = 16.7 ms (60 fps).
   - scenes: default settings at t = 120 s in the concurrent shop, the parallel shop and
     side by side (`game.split = True`); **stress**: `ShopConfig(first_couples=0,
     arrival_mean=0.5, couples=240)`, run until 200 couples are inside, in each shop.
   - **reference**: a 1280x720 background blit, 100 alpha sprites (real sprite frames),
     40 cached text labels and a flip: the issue's "~1.3 ms" yardstick. Measured half
     before and half after the scenes; each scene's draw + flip is shown as a multiple.
   - 60 warm-up frames are dropped (sprite tints and labels are cached lazily).""",
    "sim": """\
2. **Simulation speed.** No pygame. *default settings*: virtual seconds per wall second
   for one hour of each shop, advanced like `main.py --headless` (`Shop.fast_forward`:
   60 s steps + `prune`). *day of 10,000 couples*: wall seconds until all have left, with
   `cashiers=4, cooks=4, stations=8, tables=12, arrival_mean=6.0` (every till, cook and
   table there is; the parallel layout has 6 tables, each free again after ~30 s, so one
   couple every 6 s on average is the rate both shops keep up with: peak crowd and line
   are printed to show it). The note gives the share of that time spent in Python's
   cyclic GC (measured with `gc.callbacks`).""",
    "sched": """\
3. **Scheduler overhead.** *N tasks sleeping U(0,1)*: resumes per second with 100 and
   10,000 tasks each looping `await sleep(random())` (heap-bound, like the shop).
   *sleep(0) ping-pong*: 100 tasks each yielding 2,000 times, the same loop in our kernel
   and in asyncio (switches counted alike: one per resume). *M/M/3 queue*: one model
   (arrival rate 1, 3 servers, mean service 2.4 s, rho = 0.8, 20,000 customers) written for
   our kernel (`Semaphore`) and for SimPy (`Resource`), fed the same pre-drawn arrivals
   and service times, so both must report the **identical** mean wait (checked).""",
    "startup": """\
4. **Start-up and memory.** *launch -> X*: wall clock from just before the parent spawns
   `python -m game.bench.probe first-frame` to X. The probe runs the real `main.py
   --frames 1` (via `runpy`) and only wraps `open_window`, `Game.__init__` and
   `pygame.display.flip` to note when each happened; *first frame flipped* therefore
   covers interpreter start, imports, display + font init, the sprite sheets, both shops,
   both shop views (static layers), the HUD/inspector/chart panels, one `clock.tick` (which
   may wait up to 1/60 s), the first draw and the flip. *python main.py --frames 1* is the
   whole process, launch to exit (adds `pygame.quit` and interpreter shutdown).
   *peak RSS*: the game played fast-forwarded at 16x (each 1/60 s frame = 16 ticks, every
   frame drawn and flipped) for 10 virtual minutes; peak = `VmHWM`, growth = `VmRSS` at
   minute 10 vs minute 2. (`ru_maxrss` is not used: Linux carries it across `exec`, so a
   child of a big parent reports the parent's size.)""",
    "overload": """\
5. **Overload.** The shop that cannot keep up: the concurrent shop, default staff, a
   couple every 4 s (`arrival_mean=4`; the line grows without bound), seed 1.
   *cost per arriving couple*: wall time of `Shop.fast_forward` for 1 h and for 4 h,
   divided by the couples that came in; the two take turns, three repeats each. Flat cost
   means the 4 h figure is at most 1.5x the 1 h one. *memory*: the same shop under
   `tracemalloc` (Python's heap, exact and the same on any machine): traced at 1 h, and the
   growth of its peak from 1 h to 4 h. Couples still inside (mostly in line) are whole
   objects, they are still playing; departed ones leave ~100 bytes of numbers each.
   *charts frame*: a game at default settings whose shops were run headless to 1 h and
   to 24 h, charts panel up; each frame is a tick, `game.draw()` and a flip, the two games
   taking turns frame by frame. *stress worst frame*: the 200-couple stress scene of
   section 1 built afresh three times per shop, the slowest frame of each run after its
   warm-up (the issue saw 18.7 ms in one run of three).
   When the cost target is missed, the run profiles the 4 h day once and names the
   functions with the most own time.""",
    "timetravel": """\
6. **Time travel** (issues 11 and 24). Every world of the day keeps a journal of its
   changes (`game/scheduler/journal.py`); a moment already lived is drawn from ghosts of
   the live worlds read back at that tick (`game/app/rewind.py`), so nothing here re-runs
   the day. *run 1 virtual hour on*: a fresh day's four worlds run one virtual hour,
   recording and not, taking turns (going past the horizon still runs the model).
   *records kept*: the Python heap (`tracemalloc`) the journals add, per virtual hour,
   measured over 20 virtual minutes. Then a real `Game` at default settings, paused,
   timeline up, is run **three virtual days** on (`--quick`: two hours) and: *seek to X
   from anywhere*: `game.seek(X)` from a random moment of the day, then `game.draw()` and
   a flip, 25 times each to minute 10, minute 60 and hour 24, and 25 random pairs;
   *held LEFT*: the real loop (`game.frame` + flip) with a LEFT press posted and the key
   held, from the same three moments, frames timed after the hold delay (each one tick
   further back), and the process's RSS at most above what it was before the press;
   *timeline drag*: the mouse pressed on the strip's right end and dragged to its left,
   one motion a frame (each frame lands on another moment of the three days). All that
   with the panels closed; then again with the inspector and the code view open
   (following the cook), and with the charts up: *a frame of the moment being lived* (the
   live model drawn, for comparison), *seek anywhere*, and *held LEFT* from minute 60
   (the coroutine panels read the await records; `tests/app/test_past.py` checks every
   panel drawn from records against a straight run). Wall time: on a shared machine a
   frame can lose the core to others.""",
}

HISTORY = """\
## Earlier misses, and what fixed them

Kept for the reasons behind the code; the current figures are the ones above.

- *a seek back in a one-hour day: 152 ms median (p99 244 ms), to minute 10 48 ms; held
  LEFT from minute 60: 9 of 240 frames over 16.7 ms, the worst 393 ms, +287 MB; a drag
  backwards ~12 fps late in an hour* (issue 24, on a busy machine). Every seek back
  re-ran both shops and both houses from the seed; held LEFT re-ran the day every 30
  ticks and kept pre-drawn frames. Now the past is read back from records
  (`game/scheduler/journal.py`), whatever the distance.

- *ours vs SimPy on M/M/3: 0.87x; vs asyncio per switch: 0.96x.* `Kernel.run()` called
  `run_until` once per distinct wake-up time, and every `await sleep()` built three
  objects. Now `run()` is one pass of `run_until(limit, settle=False)`, `sleep` yields the
  float itself from a `types.coroutine`, the wake-up is inlined and the join event is made
  on demand.
- *a day of 10,000 couples: 3.1-3.4 s,* 31-40 % of it in full GC passes over ~230,000
  objects of departed couples. `Shop.fast_forward` prunes finished tasks and
  `gc.freeze()`s between 60 s steps; departed couples now leave only numbers
  (`game/shop/ledger.py`).
- *side by side: 7.8 ms:* `smoothscale` of each half (1.6 ms each) and the counters layer
  blitted as a full-screen alpha surface. The counters layer is cropped to its bounding
  rect; while the game runs, the two halves take turns repainting (each shop at 30 Hz).
- *RSS +12 % from minute 2 to 10:* the sprite-variant cache filled as new couple colours
  walked in, and the label cache grew to 2,000 entries. Every couple colour is tinted
  when the views are built; labels are an LRU of 600.
- *the overflowing shop (issue 14): 334 -> 1,030 us per couple from 1 h to 4 h, ~6.7 KB
  kept per couple, charts 4 ms at 1 h and 22 ms at 24 h.* Every departed `Couple` was
  kept whole, `measure` and the charts walked them all, the charts drew every served
  couple; `Line.stand_in` looks itself up with `list.index` and the dataclass `__eq__`.
  Departed couples now leave a ledger of numbers, `measure` adds running sums, the charts
  take the last couples from the ledger and draw at most one step per pixel column. (The
  line's own fix is on branch `story`.)
"""


def machine_line(platform_line: str, note: str) -> str:
    from importlib import metadata

    try:
        pygame_version = f", pygame-ce {metadata.version('pygame-ce')}"
    except metadata.PackageNotFoundError:
        pygame_version = ""
    day = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d")
    text = f"Machine: {platform_line}{pygame_version}; run on {day}."
    return f"{text} {note}".strip()


def document(
    keys: Sequence[str],
    sections: Sequence[Section],
    *,
    judged: bool,
    platform_line: str,
    note: str,
) -> str:
    """The whole Markdown document for the sections run (``keys`` name them)."""
    out = [INTRO, "## What each figure means", ""]
    out.append(
        "Every row is a **median**, a nearest-rank **p99** and **min - max** over its `n` "
        "samples: frames for frame figures, whole repeats for the others. Ratios (against "
        "the reference frame, asyncio, SimPy, 1 h vs 4 h) come from the same process and "
        "run, their two sides taking turns, so a noisy moment hits both."
    )
    out += ["", *[MEANINGS[k] for k in keys if k in MEANINGS], ""]
    out += ["## Targets", "", "| target | this run | verdict |", "|---|---|---|"]
    for section in sections:
        for c in section.checks:
            verdict = ("PASS" if c.ok else "**FAIL**") if judged else "not judged (--quick)"
            out.append(f"| {c.target} | {c.measured} | {verdict} |")
    checks = [c for s in sections for c in s.checks]
    if judged:
        out += ["", f"{sum(c.ok for c in checks)} of {len(checks)} targets pass."]
    out += ["", "## Figures from one run", "", machine_line(platform_line, note), ""]
    out.append(
        "**It is noisy**: the same figure moves by 1.5-2x between runs on a shared machine. "
        "Read medians, compare ratios measured in one run, and re-run before believing a "
        "small difference."
    )
    for section in sections:
        out += ["", as_markdown(section, judged)]
    out += ["", COUNTS_HEADING, ""]
    out.append(
        "The same on any machine (they depend on the code and the seeds only); "
        "`tests/test_bench.py` recomputes them and compares."
    )
    out += ["", "| figure | count |", "|---|---:|"]
    counts = [(name, value) for s in sections for name, value in s.counts]
    out += [f"| {name} | {value} |" for name, value in counts] or ["| (none in these sections) | |"]
    out += ["", "## Misses in this run", ""]
    misses = [c for c in checks if not c.ok]
    if not judged:
        out.append("Not judged: a `--quick` run.")
    elif not misses:
        out.append("None: every target passes.")
    for c in misses if judged else []:
        out.append(f"- **{c.target}**: {c.measured}." + (f" {c.hint}." if c.hint else ""))
    out += ["", HISTORY]
    return "\n".join(out).rstrip() + "\n"


def counts_in(text: str) -> dict[str, str]:
    """The deterministic counts table of a document written by ``document``."""
    if COUNTS_HEADING not in text:
        return {}
    body = text.split(COUNTS_HEADING, 1)[1].split("\n## ", 1)[0]
    rows = [line.strip("|").split("|") for line in body.splitlines() if line.startswith("| ")]
    return {name.strip(): value.strip() for name, value in rows[1:] if value.strip()}
