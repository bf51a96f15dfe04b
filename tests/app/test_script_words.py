"""The `run SCRIPT.py` scene's words: in the player's language (F2 switches it there too),
laid out at every text scale inside their panels, and never printed over each other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game import i18n
from game.app.script_scene import SCRIPT, ScriptScene
from game.app.window import Game, open_window
from game.i18n import _
from game.script import run_script
from game.shop import ShopConfig
from game.view.script_labels import overlaps
from game.view.script_view import FLOOR, LEGEND, title
from game.view.text import set_scale

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NAMES = sorted(p.stem for p in EXAMPLES.glob("*.py"))
TITLES = ("tasks over virtual time", "console", "event loop", "YOUR SCRIPT", "PAUSED")
CODE = {"sleep", "Event/Queue/Lock"}  # legend words that are asyncio's names: stay code


@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    return {name: run_script(str(EXAMPLES / f"{name}.py")) for name in NAMES}


@pytest.fixture()
def game() -> Iterator[Game]:
    game = Game(ShopConfig(), open_window(headless=True))
    yield game
    i18n.use("en")
    set_scale(1.0)
    pygame.quit()


def shown(game: Game, record: dict) -> ScriptScene:
    scene = game.stage.scenes[SCRIPT]
    assert isinstance(scene, ScriptScene)
    scene.load(record)
    game.stage.show(SCRIPT)
    return scene


def drawn_words(game: Game, scene: ScriptScene) -> set[str]:
    game.draw()
    assert scene.view is not None
    return {words for words, _rect, _box in scene.view.drawn}


@pytest.mark.parametrize("lang", ["es", "pt_BR"])
def test_the_scene_speaks_the_language_with_no_english_left_in_titles_and_legend(
    game: Game, records: dict[str, dict], lang: str
) -> None:
    scene = shown(game, records["blocking_mistake"])
    assert scene.head is not None
    scene.head.seek(1.0)  # the loop blocked: the banner is up
    scene.head.paused = True
    english = drawn_words(game, scene)
    i18n.use(lang)
    words = drawn_words(game, scene)
    for text in TITLES + tuple(w for w, _c in LEGEND if w not in CODE):
        assert text in english
        assert _(text) in words, text
        if _(text) != text:  # Portuguese says "console" too
            assert text not in words, text
    banner = _("the loop is blocked: line {line} holds it {seconds} s; everyone else waits")
    assert any(w.startswith("the loop is blocked") for w in english)
    assert not any(w.startswith("the loop is blocked") for w in words)
    assert any(banner.split("{line}")[0].strip() in w for w in words)


def test_f2_switches_the_scene_language(game: Game, records: dict[str, dict]) -> None:
    scene = shown(game, records["producer_consumer"])
    assert "console" in drawn_words(game, scene)
    game.key(pygame.K_F2)
    assert i18n.language() != "en"
    words = drawn_words(game, scene)
    assert "console" not in words and _("console") in words
    assert _("tasks over virtual time") in words  # the timeline's cached layer redrawn too


def moments(scene: ScriptScene, every: int = 1) -> Iterator[int]:
    """Step through every ``every``-th moment of the record, following each task in turn."""
    assert scene.head is not None and scene.replay is not None
    ids = [t["id"] for t in scene.replay.tasks]
    for index in range(0, len(scene.replay) + 1, every):
        scene.head.step(index - scene.head.index)
        scene.selected = ids[index % len(ids)] if ids else None
        yield index


@pytest.mark.parametrize("scale", [1.25, 1.5])
def test_at_big_text_every_word_stays_inside_its_panel(
    game: Game, records: dict[str, dict], scale: float
) -> None:
    set_scale(scale)
    for name in ("burgers_concurrent", "blocking_mistake", "taskgroup_fails", "crawler_semaphore"):
        scene = shown(game, records[name])
        for index in moments(scene, every=3):
            game.draw()
            assert scene.view is not None
            for words, rect, box in scene.view.drawn:
                assert box.contains(rect), (name, index, words, rect, box)
            for box in {tuple(b) for _w, _r, b in scene.view.drawn}:
                inside = [(w, r) for w, r, b in scene.view.drawn if tuple(b) == box]
                assert overlaps(inside) == [], (name, index, box)


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_no_two_labels_on_the_floor_or_the_timeline_overlap(
    game: Game, records: dict[str, dict], scale: float
) -> None:
    set_scale(scale)
    for name in NAMES:
        scene = shown(game, records[name])
        for index in moments(scene):
            game.draw()
            assert scene.view is not None
            for area in ("floor", "timeline"):
                placed = scene.view.labels[area]
                assert overlaps(placed) == [], (name, index, area, overlaps(placed))
            assert all(FLOOR.contains(r) for _w, r in scene.view.labels["floor"])


def test_the_followed_tasks_bubble_is_whole_and_every_name_is_shown(
    game: Game, records: dict[str, dict]
) -> None:
    """The case that used to collide: main awaits gather(...) next to a Queue's get()."""
    scene = shown(game, records["burgers_concurrent"])
    assert scene.head is not None
    scene.head.seek(4.5)
    scene.selected = 1
    words = drawn_words(game, scene)
    assert "gather(Task-4, Task-5, Task-6)" in words
    moment = scene.head.moment()
    assert scene.view is not None
    for task in moment.tasks:
        if task.id in scene.view.spots:
            assert title(task.name, task.coro) in words or task.name in words, task.name


def test_run_takes_the_language_and_the_text_scale(tmp_path: Path) -> None:
    from game.app.cli import main

    shot = tmp_path / "es.png"
    script = str(EXAMPLES / "blocking_mistake.py")
    try:
        code = main(
            ["run", script, "--lang", "es", "--text-scale", "1.5", "--screenshot", str(shot)]
        )
        assert code == 0 and shot.stat().st_size > 0
        assert i18n.language() == "es"
    finally:
        i18n.use("en")
        set_scale(1.0)
    assert main(["run", script, "--text-scale", "3", "--headless"]) == 2
    assert main(["run", script, "--lang", "xx", "--headless"]) == 2


def test_a_long_print_wraps_in_the_console_instead_of_being_cut(
    game: Game, records: dict[str, dict]
) -> None:
    scene = shown(game, records["forgot_await"])
    assert scene.head is not None
    scene.head.seek(0.1)
    game.draw()
    assert scene.view is not None
    console = [w.strip() for w, _r, b in scene.view.drawn if b.y > 490 and b.x > 700]
    assert "was never awaited" in " ".join(console)


@pytest.mark.parametrize("lang", ["en", "es", "pt_BR"])
def test_the_blocked_banner_is_shown_whole_at_big_text(
    game: Game, records: dict[str, dict], lang: str
) -> None:
    i18n.use(lang)
    set_scale(1.5)
    scene = shown(game, records["blocking_mistake"])
    assert scene.head is not None
    scene.head.seek(1.0)
    game.draw()
    assert scene.view is not None
    floor = " ".join(w for w, _r, b in scene.view.drawn if b == FLOOR)
    banner = _("the loop is blocked: line {line} holds it {seconds} s; everyone else waits")
    assert banner.format(line=13, seconds=2) in floor


def test_z_in_the_scene_lays_its_panels_out_again(game: Game, records: dict[str, dict]) -> None:
    from game.view.text import text_scale

    scene = shown(game, records["burgers_concurrent"])
    game.draw()
    assert scene.view is not None
    small = scene.view.bar()
    game.key(pygame.K_z)
    assert text_scale() == 1.25
    game.draw()
    assert scene.view.bar().y > small.y  # the timeline's header grew with its words
    assert all(box.contains(rect) for _w, rect, box in scene.view.drawn)
