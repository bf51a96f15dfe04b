"""Issue 10 in the window: the level menu, predict / watch / fix, what is drawn meanwhile."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.app.cli import main
from game.app.keys import LEVEL, LEVELS_MENU
from game.app.level_scenes import FIXED, PREDICT, WATCH
from game.app.window import Game
from game.shop.levels import LEVELS, level_named
from game.view.inspector import row_state
from game.view.level_view import fix_diff, menu_rows, mistake_line
from game.view.shop_view import frozen_people


def click(game: Game, pos: tuple[int, int]) -> None:
    pygame.event.post(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
    game.frame(0)


def test_the_whole_level_by_mouse(game: Game) -> None:
    game.key(pygame.K_4)
    game.draw()
    rows = menu_rows(game.screen.get_size(), len(LEVELS))
    click(game, rows[3].center)
    scene = game.level_scene
    assert game.scene == LEVEL and scene.level.name == "one-after-another"
    assert scene.phase == PREDICT
    game.draw()
    click(game, scene.answer_rects[scene.level.right].center)
    assert scene.phase == WATCH and game.score.predicted == {"one-after-another": True}
    game.draw()
    game.update(0.25)
    assert scene.verdict and scene.ticks == 0  # right or wrong first: the day waits
    click(game, (640, 360))  # off the verdict card
    game.update(0.25)
    assert scene.ticks == 15  # its own clock, in whole ticks
    game.draw()
    click(game, scene.fix_rect.center)
    assert scene.phase == FIXED and scene.ticks == 0  # the day replays from the start
    game.draw()
    game.key(pygame.K_4)
    assert game.scene == LEVELS_MENU and game.score.solved == {"one-after-another"}


def test_a_level_holds_still_while_predicting_and_paused(game: Game) -> None:
    game.start_level("blocking-cook")
    game.update(1.0)
    assert game.level_scene.ticks == 0  # the question is up
    game.letter(1)
    game.key(pygame.K_SPACE)  # off the verdict card
    game.paused = True
    game.update(1.0)
    assert game.level_scene.ticks == 0
    game.paused = False
    game.change_speed(+1)
    game.update(0.25)
    assert game.level_scene.ticks == 30  # 2x


def test_during_a_block_the_blocker_runs_and_the_others_are_overdue(game: Game) -> None:
    game.start_level("blocking-cook")
    scene = game.level_scene
    scene.watch()
    shop = scene.shop
    assert shop is not None
    while shop.kernel.busy is None or shop.now - shop.kernel.busy.start < 2.0:
        scene.step()
    busy = shop.kernel.busy
    assert busy is not None
    frozen = frozen_people(shop)
    assert frozen and id(busy.task.actor) not in frozen
    assert all(when <= shop.now for when in frozen.values())
    state, colour, text = row_state(shop, busy.task)
    assert state == "running" and text.startswith("running: time.sleep")
    overdue = [t for t in shop.kernel.tasks if shop.kernel.overdue(t) > 0]
    assert overdue
    assert all("overdue by" in row_state(shop, t)[2] for t in overdue)
    from game.view.why import why_waiting

    assert why_waiting(busy.task, shop)[0].startswith("not waiting: running time.sleep")
    assert all("holds the loop until" in why_waiting(t, shop)[0] for t in overdue)
    cook = busy.task.actor
    activity, since, _ = cook.shown_at(shop.now)  # what he did then, not after the call
    assert since <= shop.now and activity in ("walking", "cooking", "standing")
    game.draw()  # banner, marks, code view on the cause: no error


def test_leaving_level_two_hears_python_warn(game: Game) -> None:
    game.start_level("forgotten-await")
    game.letter(0)
    game.level_scene.advance_to(40)
    game.draw()  # the slip reads the real coroutine object's repr
    held = game.level_scene.held_coroutine()
    assert type(held).__name__ == "coroutine"
    del held
    game.fix_level()
    said = game.level_scene.python_said
    assert said == ["RuntimeWarning: coroutine 'Couple.order_at' was never awaited"]
    assert game.notice.visible and "never awaited" in game.notice.text


def test_a_corrupt_score_file_costs_the_score_not_the_game(
    game: Game, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ASYNC_BURGERS_DATA", str(tmp_path))
    (tmp_path / "score.json").write_text("{broken")
    game.key(pygame.K_4)
    game.draw()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("warning: score file is damaged")
    assert game.notice.visible and game.notice.error
    game.key(pygame.K_a)
    game.key(pygame.K_b)
    assert json.loads((tmp_path / "score.json").read_text())["predicted"] == {
        "blocking-cook": True
    }


def test_every_level_has_its_cause_and_a_small_diff() -> None:
    for level in LEVELS:
        start = mistake_line(level.broken_actor)
        assert start > 0
        diff = fix_diff(level)
        changed = [line for sign, line in diff if sign in "-+"]
        added = [line.strip() for sign, line in diff if sign == "+"]
        marked = fix_lines(level.fixed_actor)
        if marked:  # the lines the fix marks are in the diff, and the diff stays small
            assert set(marked) <= set(added), (level.name, marked, diff)
            assert 2 <= len(changed) <= 10, (level.name, diff)
        else:  # the fix is the story's own actor: one await more
            assert 2 <= len(changed) <= 6, (level.name, diff)
            assert any("await" in line for line in added)


def fix_lines(fn: object) -> list[str]:
    """The code of the lines ``fn``'s source marks ``# FIX``."""
    import inspect

    lines = inspect.getsource(fn).splitlines()  # type: ignore[arg-type]
    return [line.split("  #")[0].strip() for line in lines if "# FIX" in line]


def test_level_screenshot_from_the_command_line(tmp_path: Path) -> None:
    shot = tmp_path / "level.png"
    assert main(["--level", "cpu-on-the-loop", "--screenshot", str(shot), "--at", "14"]) == 0
    assert pygame.image.load(str(shot)).get_size() == (1280, 720)
    assert not list(tmp_path.glob("*.json"))  # a picture keeps no score
    fixed = tmp_path / "fixed.png"
    assert main(["--level", "cpu-on-the-loop", "--fixed", "--screenshot", str(fixed)]) == 0
    assert fixed.exists()


def test_level_named_lists_the_levels() -> None:
    with pytest.raises(KeyError, match="blocking-cook, forgotten-await"):
        level_named("nope")


def test_readme_has_a_paragraph_per_level_and_the_pictures_exist() -> None:
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## When async goes wrong", 1)[1].split("\n## ", 1)[0]
    for level in LEVELS:
        assert f"**`{level.name}`" in section
        for state in ("broken", "fixed"):
            assert (root / "docs" / "screenshots" / f"level-{level.name}-{state}.png").exists()
    for picture in re_pictures(section):
        assert (root / picture).exists(), picture


def re_pictures(text: str) -> list[str]:
    import re

    return re.findall(r"\]\((docs/screenshots/[^)]+)\)", text)


def test_a_level_actor_that_raises_is_reported_by_name(
    game: Game, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from dataclasses import replace

    from game.shop import levels

    async def burning_cook(shop, me, grill):  # noqa: ANN001 - test double
        await shop.kitchen.get()
        raise RuntimeError("grill on fire")

    level = replace(level_named("blocking-cook"), broken=levels.Cast(cook=burning_cook))
    game.level_scene.start(level)
    game.show_scene(LEVEL)
    game.level_scene.watch()
    game.level_scene.advance_to(30)
    err = capsys.readouterr().err
    assert "actor 'cook' crashed: RuntimeError('grill on fire')" in err
    assert game.paused and game.notice.error


@pytest.mark.parametrize("lang", ["en", "es", "pt_BR"])
def test_every_level_screen_draws_in_every_language(game: Game, lang: str) -> None:
    from game import i18n

    i18n.use(lang)
    game.show_levels()
    game.draw()
    for level in LEVELS:
        game.start_level(level.name)
        game.draw()  # the question
        game.letter(level.right)
        scene = game.level_scene
        scene.advance_to(45)
        game.draw()  # watching
        game.fix_level()
        scene.advance_to(20)
        game.draw()  # the result card and the diff
    assert game.score.solved == {level.name for level in LEVELS}


def test_v_shows_the_level_s_shop_full_size_and_back(game: Game) -> None:
    """For the back row: V draws the level's shop as large as the screen allows, with the
    people and the level's labels scaled with it; V again brings the panels back."""
    game.key(pygame.K_4)
    game.key(pygame.K_a)  # level 1
    game.key(pygame.K_b)  # the prediction
    game.key(pygame.K_SPACE)  # off the verdict
    scene = game.level_scene
    for _ in range(600):
        game.update(1 / 60)
    small = scene.shop_at.copy()
    cook = next(p for p in scene.shop.staff if p.name == "cook")
    near = scene.to_screen(cook.position_at(scene.shop.now))
    game.key(pygame.K_v)
    assert scene.big and scene.scale > 0.85 and scene.shop_at.w > small.w * 1.4
    assert game.screen.get_rect().contains(scene.shop_at) and scene.shop_at.top >= 30
    far = scene.to_screen(cook.position_at(scene.shop.now))
    assert scene.shop_at.collidepoint(far) and far != near
    game.draw()
    assert all(
        scene.shop_at.contains(r) or not r.colliderect(scene.shop_at) for r in scene.placer.placed
    )
    game.key(pygame.K_v)
    assert not scene.big and scene.shop_at == small and scene.scale == 0.6
