"""Hush what C libraries print straight to file descriptor 2 (stdlib only).

libasound (SDL's sound, with no card) and libpng (a damaged image) write their own lines
to stderr, below Python, before the error comes back to us; we report it in one line of
our own instead, so a learner sees one clear sentence, not a library's internals.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def quiet_stderr() -> Iterator[None]:
    """Send fd 2 to the null device meanwhile (Python's own ``sys.stderr`` is flushed first)."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):  # no fd 2 (pythonw): nothing to hush
        yield
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(null, 2)
        finally:
            os.close(null)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
