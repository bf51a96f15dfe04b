"""Async Burgers: concurrent vs parallel burgers, driven by a coroutine scheduler."""

__version__ = "0.1.0"
