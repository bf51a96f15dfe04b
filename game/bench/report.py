"""Figures, summaries and targets, and the tables they print as (text or Markdown).

Every benchmark returns a ``Section``: its figures (each a median, p99 and min-max over
its samples) and the targets judged on them, so all sections print the same way.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Summary:
    """Median, nearest-rank p99 and range of some samples: robust to one noisy repeat."""

    median: float
    p99: float
    low: float
    high: float
    n: int


def summarize(samples: Sequence[float]) -> Summary:
    if not samples:
        raise ValueError("summarize needs at least one sample")
    ordered = sorted(samples)
    n = len(ordered)
    mid = n // 2
    median = ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    p99 = ordered[max(1, math.ceil(0.99 * n)) - 1]
    return Summary(median, p99, ordered[0], ordered[-1], n)


def num(x: float) -> str:
    """Three significant figures or so, with k/M for big rates, so columns stay narrow."""
    if math.isnan(x):
        return "n/a"
    a = abs(x)
    if a >= 1e6:
        return f"{x / 1e6:.2f}M"
    if a >= 1e4:
        return f"{x / 1e3:.0f}k"
    if a >= 100:
        return f"{x:.0f}"
    if a >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


@dataclass(frozen=True)
class Figure:
    """One measured quantity: its samples' summary, its unit and what to know about it."""

    name: str
    unit: str
    stats: Summary
    note: str = ""


@dataclass(frozen=True)
class Check:
    """A target from the issue, judged on figures of this run."""

    target: str
    measured: str
    ok: bool
    hint: str = ""  # on a miss: what it is made of (e.g. a profile's top functions)


@dataclass
class Section:
    title: str
    figures: list[Figure] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    counts: list[tuple[str, str]] = field(default_factory=list)  # deterministic: any machine

    def add(self, name: str, unit: str, samples: Sequence[float], note: str = "") -> Summary:
        stats = summarize(samples)
        self.figures.append(Figure(name, unit, stats, note))
        return stats

    def check(self, target: str, measured: str, ok: bool, hint: str = "") -> None:
        self.checks.append(Check(target, measured, ok, hint))

    def count(self, name: str, value: int | float | str) -> None:
        """A figure that does not depend on the machine (couples, resumes): a test checks
        the committed document's against a fresh run."""
        text = f"{value:,}" if isinstance(value, int) else str(value)
        self.counts.append((name, text))


HEAD = ("figure", "median", "p99", "min - max", "n", "unit", "notes")


def _rows(section: Section) -> list[tuple[str, ...]]:
    return [
        (
            f.name,
            num(f.stats.median),
            num(f.stats.p99),
            f"{num(f.stats.low)} - {num(f.stats.high)}",
            str(f.stats.n),
            f.unit,
            f.note,
        )
        for f in section.figures
    ]


def as_text(section: Section, judged: bool) -> str:
    rows = [HEAD, *_rows(section)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(HEAD) - 1)]
    lines = [f"== {section.title} =="]
    for row in rows:
        cells = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row[:-1], widths, strict=True))
        ]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    lines += [f"  note: {n}" for n in section.notes]
    lines += [f"  count: {name} = {value}" for name, value in section.counts]
    for c in section.checks:
        verdict = ("PASS" if c.ok else "FAIL") if judged else "----"
        lines.append(f"  [{verdict}] {c.target}: {c.measured}")
        if judged and not c.ok and c.hint:
            lines.append(f"         {c.hint}")
    return "\n".join(lines)


def as_markdown(section: Section, judged: bool) -> str:
    lines = [f"### {section.title}", "", "| " + " | ".join(HEAD) + " |"]
    lines.append("|" + "|".join(["---", *["---:"] * 4, "---", "---"]) + "|")
    lines += ["| " + " | ".join(r) + " |" for r in _rows(section)]
    lines.append("")
    lines += [f"- note: {n}" for n in section.notes]
    for c in section.checks:
        verdict = ("**PASS**" if c.ok else "**FAIL**") if judged else "(not judged)"
        lines.append(f"- {verdict} {c.target}: {c.measured}")
    return "\n".join(lines)
