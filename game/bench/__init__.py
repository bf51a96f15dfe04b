"""Performance benchmarks with targets: ``python -m game.bench [--quick] [--only ...]``.

Benchmarks, not tests: they print figures (median, p99, min-max over repeats) and judge
them against the targets in docs/performance.md; only a full run is judged. This package
imports nothing heavy, so the start-up probe it contains measures the game, not us.
"""
