"""The story is the code: actors hold only story steps, and the README shows the real ones."""

from __future__ import annotations

import ast
import inspect
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from game.shop import MODES, actors
from game.shop.story import BEATS, STEPS, story_order

ROOT = Path(__file__).resolve().parents[2]
ACTORS: list[Callable[..., object]] = [
    actors.concurrent_couple,
    actors.parallel_couple,
    actors.cashier,
    actors.cook,
    actors.cashier_cook,
]
PLUMBING = ("beat(", "enter(", "reach(", ".holder", ".carrying", ".table =", "record(", "both(")


def body_lines(function: Callable[..., object]) -> list[str]:
    """The function's lines after its ``def``, docstring included, blank lines not."""
    lines = inspect.getsource(function).splitlines()[1:]
    return [line.strip() for line in lines if line.strip()]


def readme_section(title: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    start = text.index(f"## {title}")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


@pytest.mark.parametrize("function", ACTORS, ids=lambda f: f.__name__)
def test_every_actor_is_at_most_twelve_lines_of_story(function: Callable[..., object]) -> None:
    lines = body_lines(function)
    assert len(lines) <= 12, lines
    for line in lines:
        assert not any(word in line for word in PLUMBING), f"plumbing in the story: {line}"


@pytest.mark.parametrize("function", ACTORS[2:], ids=lambda f: f.__name__)
def test_staff_are_a_loop_of_story_steps(function: Callable[..., object]) -> None:
    tree = ast.parse(inspect.getsource(function))
    body = tree.body[0].body  # type: ignore[attr-defined]
    loops = [node for node in body if isinstance(node, ast.While)]
    assert len(loops) == 1 and isinstance(loops[0].test, ast.Constant) and loops[0].test.value


def test_readme_shows_the_real_couple_functions() -> None:
    """Fails as soon as README.md and game/shop/actors.py drift apart."""
    blocks = re.findall(r"```python\n(.*?)```", readme_section("The story is the code"), re.S)
    for function in (actors.concurrent_couple, actors.parallel_couple):
        source = inspect.getsource(function)
        assert any(block == source for block in blocks), f"README's {function.__name__} differs"


@pytest.mark.parametrize("mode", MODES)
def test_each_beat_of_the_comic_has_one_step(mode: str) -> None:
    beats = [step.beat for step in STEPS[mode].values() if step.beat is not None]
    assert sorted(beats) == sorted(story_order(mode))
    assert set(beats) <= BEATS.keys()
    for name, step in STEPS[mode].items():
        assert step.phase or step.caption or step.beat, f"{mode} step {name!r} does nothing"
