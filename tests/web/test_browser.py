"""The game in a real browser: the built site from 127.0.0.1 in headless Chromium.

Each test opens the page as a player would (fixtures in tests/web/conftest.py) and reads
the game's state the way a player can: the link of the moment on screen (U puts it in
the address bar) and the picture on the canvas, compared with the desktop's frame."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import agreement
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
TICK = 1 / 60


def desktop_frame(tmp_path: Path, *argv: str) -> Image.Image:
    """The desktop's ``--screenshot`` (its own process: Playwright holds this one's loop)."""
    path = tmp_path / "desktop.png"
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run(
        [sys.executable, "-m", "game", *argv, "--screenshot", str(path)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return Image.open(path).convert("RGB")


def test_the_page_plays_takes_keys_and_keeps_the_score(open_tab) -> None:
    tab = open_tab()
    state = tab.wait_ready()
    assert state["ready"] and state["firstFrameMs"] > 0
    tab.press("Escape")  # a first visit opens on the first screen: close it
    before = tab.frames()
    tab.page.wait_for_timeout(1000)
    assert tab.frames() >= before + 20, "frames advance (the page draws every animation frame)"
    moving = float(tab.link()["t"])
    assert moving > 0

    tab.press("Space")  # pause: the moment stays
    paused = float(tab.link()["t"])
    tab.page.wait_for_timeout(400)
    assert float(tab.link()["t"]) == paused
    tab.press("ArrowRight")  # one step
    assert float(tab.link()["t"]) == pytest.approx(paused + TICK, abs=1e-3)

    tab.press("Tab")  # the other shop
    assert tab.link()["mode"] == "parallel"
    assert tab.link()["lang"] == "en"  # the browser's language (en-US)
    tab.press("F2")  # next language
    assert tab.link()["lang"] == "es"

    tab.press("4")  # the levels: choose the second, then predict its answer
    assert "level" not in tab.link() and "mode" not in tab.link()
    tab.press("b", "c")
    level = tab.link()
    assert level["level"] and level["lang"] == "es"

    tab.page.wait_for_timeout(2500)  # the page saves the game's data folder every 2 s
    assert tab.errors == [] and tab.foreign == []
    again = open_tab(context=tab.page.context)  # a later visit in the same browser
    again.wait_ready()
    saved = again.page.evaluate(
        "new TextDecoder().decode(pyodide.FS.readFile("
        "'/home/pyodide/.local/share/async-burgers/score.json'))"
    )
    assert level["level"] in saved
    assert again.errors == [] and again.foreign == []


def test_the_moment_of_a_link_is_the_desktops_frame(open_tab, tmp_path: Path) -> None:
    tab = open_tab("?t=30")
    tab.wait_ready()
    link = tab.link()
    assert float(link["t"]) == pytest.approx(30, abs=TICK) and "mode" not in link
    page = tab.canvas()
    share = agreement(page, desktop_frame(tmp_path, "--at", "30", "--lang", "en"))
    assert share >= 0.90, f"only {share:.1%} of pixels identical to the desktop's frame"
    assert tab.errors == [] and tab.foreign == []


def test_an_embedded_level_in_the_browsers_language(open_tab, tmp_path: Path) -> None:
    tab = open_tab("?embed=1&level=blocking-cook&t=45", locale="es-ES")
    tab.wait_ready()
    assert tab.page.is_hidden("header") and tab.page.is_hidden("footer")
    page = tab.canvas()
    link = tab.link()
    assert (link["level"], link["lang"], float(link["t"])) == ("blocking-cook", "es", 45)
    desktop = desktop_frame(tmp_path, "--level", "blocking-cook", "--lang", "es", "--at", "45")
    # the level shows its shop scaled down: the browser's smooth scaling is not pygame's
    # filter, so those pixels differ by a few levels (docs/web.md has the numbers)
    share = agreement(page, desktop, within=16)
    assert share >= 0.90, f"only {share:.1%} of pixels within 16 levels of the desktop's"
    assert tab.errors == [] and tab.foreign == []


def test_f12_downloads_the_screenshot_and_sounds_play_after_a_click(open_tab) -> None:
    tab = open_tab("?t=5")
    tab.wait_ready()
    tab.page.click("#screen", position={"x": 640, "y": 700})  # browsers' rule: a click first
    tab.page.wait_for_function("audio.state === 'running'")
    with tab.page.expect_download() as download:
        tab.press("F12")
    name = download.value.suggested_filename
    assert name.startswith("async-burgers-") and name.endswith(".png")
    assert Image.open(download.value.path()).size == (1280, 720)
    with tab.page.expect_download() as video:  # F9: the canvas as a video, no threads
        tab.press("F9")
        tab.page.wait_for_timeout(1200)
        tab.press("F9")
    assert video.value.suggested_filename.endswith(".webm")
    assert Path(video.value.path()).stat().st_size > 0
    tab.press("Space")  # the link opened paused: play, and the shop is heard
    tab.page.wait_for_function("[...channels.values()].some((c) => c.source)", timeout=30_000)
    assert tab.errors == [] and tab.foreign == []


def test_a_bad_link_says_why_on_the_page(open_tab) -> None:
    tab = open_tab("?colour=red")
    tab.page.wait_for_function("window.asyncBurgers.error", timeout=120_000)
    said = tab.page.text_content("#status")
    assert "unknown link parameter 'colour'" in said
    assert tab.foreign == []


# The level editor as the running game has it (``browser.running_game``), read, never
# changed, in the page's Python.
EDITOR_STATE = """
import json
from game.web.browser import running_game as _game

_scene = _game().stage.level_scene
_panel = _scene.editor.panel
json.dumps({"phase": _scene.phase, "visible": _panel.visible, "focused": _panel.focused,
            "text": _panel.text})
"""


def test_the_editor_takes_typed_text_accents_backspace_and_enter(open_tab) -> None:
    import json

    tab = open_tab("?level=blocking-cook")
    tab.wait_ready()

    def editor() -> dict:
        return json.loads(tab.page.evaluate("(code) => pyodide.runPython(code)", EDITOR_STATE))

    assert editor()["phase"] == "predict"
    tab.press("a")  # an answer to the level's question
    assert editor()["phase"] != "predict"
    tab.press("e")  # E: write it yourself
    opened = editor()
    assert opened["visible"] and opened["focused"]
    start = opened["text"]
    assert start, "the level's code to fix"

    tab.page.keyboard.type("# café")  # "é" is not on the keyboard: it comes as text only
    tab.settle()
    typed = editor()["text"]
    assert typed == "# café" + start, "typed at the cursor (the start), the opening E not typed"

    tab.press("Backspace")
    assert editor()["text"] == "# caf" + start
    tab.press("Enter")
    tab.page.keyboard.insert_text("ñ")  # an input method's committed text
    tab.settle()
    assert editor()["text"] == "# caf\nñ" + start

    tab.press("Escape")  # ESC gives the keys back to the game; the text stays
    left = editor()
    assert not left["focused"] and left["text"] == "# caf\nñ" + start
    tab.press("e")  # the game's key again (not typed): the editor on the same text
    assert editor()["text"] == "# caf\nñ" + start
    assert tab.errors == [] and tab.foreign == []


LEARNER_STATE = EDITOR_STATE.rsplit("\n_scene", 1)[0] + """
_scene = _game().stage.level_scene
_day = _scene.day
json.dumps({"phase": _scene.phase, "text": _scene.editor.panel.text,
            "problems": [[p.actor, p.kind, str(p)] for p in _scene.problems],
            "played": [[p.actor, p.kind] for p in _day.problems] if _day else None})
"""


def test_an_endless_loop_in_the_editor_is_stopped_and_the_page_goes_on(open_tab) -> None:
    """The page has no threads for the desktop's watchdog: its own (sys.monitoring on the
    learner's code) stops the step, the day goes on and the page keeps drawing."""
    import json

    tab = open_tab("?level=blocking-cook")
    tab.wait_ready()

    def learner() -> dict:
        return json.loads(tab.page.evaluate("(code) => pyodide.runPython(code)", LEARNER_STATE))

    tab.press("a", "e")  # an answer, then E: write it yourself
    tab.press("Control+End")
    tab.page.keyboard.type("async def cook(shop, me, grill):")
    tab.press("Enter")
    tab.page.keyboard.type("while True:")
    tab.press("Enter")
    tab.page.keyboard.type("pass")
    tab.settle()
    assert learner()["text"].endswith(
        "async def cook(shop, me, grill):\n    while True:\n        pass"
    )
    tab.press("F5")  # run it: the day played aside, then on screen
    tab.page.wait_for_function("window.asyncBurgers.frames > 0")
    before = tab.frames()
    tab.page.wait_for_timeout(3000)
    assert tab.frames() > before + 30, "the page kept drawing"
    state = learner()
    assert state["phase"] == "yours"
    assert state["played"] and state["played"][0] == ["cook", "runaway"]
    assert [p[:2] for p in state["problems"]] == [["cook", "runaway"]]
    assert "never reached an await" in state["problems"][0][2]
    assert tab.errors == [] and tab.foreign == []


def test_a_later_visit_starts_from_what_the_browser_kept(open_tab, browser, origin) -> None:
    """The first visit keeps the runtime (sw.js) and Python's started memory (snapshot.js);
    the next one starts from them, and the game plays the same."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        tab = open_tab("?t=30", context=context)
        first = tab.wait_ready()
        assert not first["fromSnapshot"]
        tab.page.wait_for_function(
            "window.asyncBurgers.runtimeKept && window.asyncBurgers.snapshotKept",
            timeout=180_000,
        )
        tab.page.reload()
        later = tab.wait_ready()
        assert later["fromSnapshot"], later["loaded"]
        assert set(first["loaded"]) <= set(later["loaded"])
        tab.settle(10)
        assert float(tab.link()["t"]) == pytest.approx(30, abs=1e-3), "the same moment, paused"
        tab.press("Space")
        tab.page.wait_for_timeout(500)
        assert float(tab.link()["t"]) > 30, "and it plays"
        assert tab.errors == [] and tab.foreign == []
    finally:
        context.close()
