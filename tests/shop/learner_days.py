"""A level's day played with a learner's code, for the tests of right and wrong fixes."""

from __future__ import annotations

import textwrap

from game.shop import learner
from game.shop.levels import KITCHEN, level_named


def play_code(level_name: str, code: str, *, import_asyncio: bool = True) -> learner.Day:
    """The whole day of ``level_name`` with ``code`` as its parts (which must compile)."""
    level = KITCHEN if level_name == "kitchen" else level_named(level_name)
    text = ("import asyncio\n" if import_asyncio else "") + textwrap.dedent(code)
    compiled = learner.compile_level_code(level, text)
    assert compiled.ok, compiled.errors
    return learner.play(level, compiled)


def unmet(result: learner.Day) -> dict[str, str]:
    """Each goal the day did not meet, with why."""
    return {g.name: g.why for g in result.goals if not g.met}
