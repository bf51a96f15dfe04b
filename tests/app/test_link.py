"""Links to a moment: a URL's query is the command line, on the desktop and in the page."""

from __future__ import annotations

import argparse

import pygame
import pytest

from game.app import link
from game.app.arguments import build_parser
from game.app.cli import main
from game.app.start import configure
from game.app.window import Game
from game.shop import ShopConfig


def test_a_link_is_the_command_line_it_stands_for() -> None:
    url = "https://school.example/burgers/?level=blocking-cook&lang=es&t=45&side=1&embed=1"
    assert link.to_argv(url) == [
        "--level", "blocking-cook", "--lang", "es", "--open-at", "45", "--side-by-side",
    ]  # fmt: skip
    assert link.to_argv("?mode=parallel&seed=3&speed=2&palette=safe&scene=house&fixed=0") == [
        "--mode", "parallel", "--seed", "3", "--speed", "2", "--palette", "safe",
        "--scene", "house",
    ]  # fmt: skip
    assert link.expand(["--mute", "?t=30", "--speed", "4"]) == [
        "--mute", "--open-at", "30", "--speed", "4",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("?colour=red", "unknown link parameter 'colour'"),
        ("?t=", "link parameter 't' needs a value"),
        ("?side=maybe", "side='maybe': use side=1 or side=0"),
    ],
)
def test_a_bad_link_is_one_line_and_exit_2(
    url: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([url]) == 2
    err = capsys.readouterr().err
    assert said in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_bad_value_in_a_link_is_the_clis_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["?t=4000"]) == 2
    assert "argument --open-at" in capsys.readouterr().err
    assert main(["?mode=serial"]) == 2
    assert "argument --mode" in capsys.readouterr().err


def test_the_state_on_screen_writes_a_link_that_reads_back(game: Game) -> None:
    game.time.advance_to(30)
    game.time.switch_mode()
    query = link.query_of(link.state_of(game))
    assert query == "mode=parallel&lang=en&t=30"  # the language on screen travels too
    args = build_parser().parse_args(link.to_argv("?" + query))
    assert (args.mode, args.open_at, args.lang) == ("parallel", 30.0, "en")


def test_a_link_opens_its_moment_paused_on_the_desktop(game: Game) -> None:
    args = build_parser().parse_args(link.to_argv("?t=12.5&scene=house"))
    configure(game, args)
    time = game.time
    assert time.paused and time.now == pytest.approx(12.5, abs=1 / 60)
    assert game.stage.name == "house"


def test_a_level_link_watches_the_level_at_its_moment(game: Game) -> None:
    args = build_parser().parse_args(link.to_argv("?level=blocking-cook&t=6"))
    configure(game, args)
    scene = game.stage.level_scene
    assert game.stage.name == "level" and scene.level.name == "blocking-cook"
    assert scene.phase == "watch" and game.time.paused and scene.ticks == 360
    assert link.state_of(game)["t"] == 6.0 and link.state_of(game)["level"] == "blocking-cook"


def test_the_desktop_takes_a_link_as_its_argument(tmp_path, monkeypatch) -> None:
    """``async-burgers LINK`` runs (its moment is the configure tests above)."""
    monkeypatch.chdir(tmp_path)
    assert main(["http://x/?t=3&mode=parallel&mute=1", "--frames", "2"]) == 0
    pygame.quit()


def test_no_link_no_change() -> None:
    args = build_parser().parse_args([])
    assert args.open_at is None
    assert isinstance(args, argparse.Namespace) and ShopConfig().mode == "concurrent"
