"""The key table is the truth: every row does what it says in the scenes it lists and
nothing elsewhere, the help overlay draws exactly its rows, the README prints them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from game import i18n
from game.app import keys, link
from game.app.clock import tick_of
from game.app.display import Display
from game.app.keys import (
    HOUSE,
    KEYS,
    LEVEL,
    LEVELS_MENU,
    SHOP,
    Binding,
    find,
    help_rows,
    markdown_table,
)
from game.app.level_scenes import FIXED, PREDICT, WATCH, YOURS
from game.app.sound import SoundPlayer
from game.app.window import TICK, Game
from game.i18n import _
from game.shop import CONCURRENT, PARALLEL
from game.view import palette as colours
from game.view.text import set_scale, text_scale

ROOT = Path(__file__).resolve().parents[2]


def press(game: Game, key: int, text: str = "") -> None:
    """A key as a player presses it: through the event queue and one frame."""
    pygame.event.post(pygame.Event(pygame.KEYDOWN, key=key, unicode=text))
    game.frame(0)


def click(game: Game, pos: tuple[int, int]) -> None:
    pygame.event.post(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
    game.frame(0)


def state(game: Game) -> dict[str, object]:
    """Everything a key could change."""
    return {
        "scene": game.scene,
        "mode": game.mode,
        "paused": game.paused,
        "speed": game.speed,
        "ticks": game.ticks,
        "selected": game.selected,
        "help": game.show_help,
        "inspector": game.show_inspector,
        "code": game.show_code,
        "charts": game.show_charts,
        "split": game.split,
        "story": game.story,
        "running": game.running,
        "notice": game.overlay.notice.visible,
    }


def row(label: str) -> Binding:
    return next(b for b in KEYS if b.label == label)


# -- what each row says it does, checked in one of its scenes -----------------------------
def check_tab(game: Game, scene: str) -> None:
    game.selected = object()
    press(game, pygame.K_TAB)
    assert (game.scene, game.mode, game.selected) == (scene, PARALLEL, None)
    press(game, pygame.K_TAB)
    assert (game.scene, game.mode) == (scene, CONCURRENT)


def check_scene_keys(game: Game, scene: str) -> None:
    press(game, pygame.K_2)
    assert (game.scene, game.mode) == (SHOP, PARALLEL)
    game.split = game.show_charts = True
    press(game, pygame.K_3)
    assert game.scene == HOUSE and not game.split and not game.show_charts
    assert game.mode == PARALLEL  # the house of the shop you were in
    press(game, pygame.K_1)
    assert (game.scene, game.mode) == (SHOP, CONCURRENT)


def check_space(game: Game, scene: str) -> None:
    press(game, pygame.K_SPACE)
    assert game.paused
    press(game, pygame.K_SPACE)
    assert not game.paused and game.scene == scene
    if scene == SHOP:  # story mode: SPACE goes on past the card instead of pausing
        game.start_story()
        while game.story.card is None:
            game.update(1 / 60)
        first = game.story.card
        assert game.paused
        press(game, pygame.K_SPACE)
        assert game.story.card is not first and not game.paused


def check_step(game: Game, scene: str) -> None:
    if scene == LEVEL:  # a level's own day: only once the question is answered
        level = game.level_scene
        press(game, pygame.K_SPACE)
        press(game, pygame.K_RIGHT)
        assert level.ticks == 0 and level.phase == PREDICT  # not over the question
        assert game.notice.text == _("First your prediction: A, B, C or D.")
        press(game, pygame.K_a)
        assert level.verdict and not game.notice.visible  # answered: the notice went
        press(game, pygame.K_RIGHT)
        assert level.ticks == 0  # the verdict card is up: SPACE first
        press(game, pygame.K_SPACE)
        game.paused = True
        press(game, pygame.K_RIGHT)
        press(game, pygame.K_PERIOD)
        assert level.ticks == 2 and game.scene == LEVEL
        return
    game.advance_to(2)
    press(game, pygame.K_RIGHT)
    assert game.ticks == 120  # running: the key adds nothing to the frame's own ticks
    assert game.notice.text == _("pause first: SPACE (then RIGHT / LEFT step one tick)")
    press(game, pygame.K_SPACE)
    assert not game.notice.visible  # paused: what the notice asked for is done
    press(game, pygame.K_RIGHT)
    assert game.now == pytest.approx(2 + TICK)
    press(game, pygame.K_PERIOD)
    assert game.now == pytest.approx(2 + 2 * TICK)
    assert game.scene == scene


def check_step_back(game: Game, scene: str) -> None:
    if scene == LEVEL:  # back over the level's own day, once the question is answered
        level = game.level_scene
        press(game, pygame.K_LEFT)
        assert level.phase == PREDICT
        assert game.notice.text == _("First your prediction: A, B, C or D.")
        press(game, pygame.K_a)
        press(game, pygame.K_SPACE)  # off the verdict card: the day runs
        level.advance_to(2)
        press(game, pygame.K_LEFT)
        assert level.ticks == 120  # running: like RIGHT, it is for a paused day
        assert game.notice.text == _("pause first: SPACE (then RIGHT / LEFT step one tick)")
        press(game, pygame.K_SPACE)
        press(game, pygame.K_LEFT)
        press(game, pygame.K_COMMA)
        assert level.ticks == 118 and level.horizon == 120 and game.scene == LEVEL
        assert level.shown().now == pytest.approx(118 * TICK)
        return
    game.advance_to(2)
    press(game, pygame.K_LEFT)
    assert game.ticks == 120  # running: like RIGHT, it is for a paused shop
    assert game.notice.text == _("pause first: SPACE (then RIGHT / LEFT step one tick)")
    press(game, pygame.K_SPACE)
    press(game, pygame.K_LEFT)
    assert game.ticks == 119
    press(game, pygame.K_COMMA)
    assert game.ticks == 118 and game.now == pytest.approx(118 * TICK)
    assert all(w.now == pytest.approx(118 * TICK) for w in [*game.shops.values()])
    assert game.scene == scene


def check_home(game: Game, scene: str) -> None:
    if scene == LEVEL:
        level = game.level_scene
        press(game, pygame.K_a)
        press(game, pygame.K_SPACE)
        level.advance_to(3)
        press(game, pygame.K_HOME)
        assert level.ticks == 0 and level.shown().now == 0.0 and level.horizon == 180
        return
    game.advance_to(3)
    press(game, pygame.K_HOME)
    assert game.ticks == 0 and game.shop.now == 0.0 and game.scene == scene
    assert game.horizon == 180  # the day so far is still known: the timeline can go back


def check_beats(game: Game, scene: str) -> None:
    press(game, pygame.K_RIGHTBRACKET)
    assert game.scene == SHOP
    first = game.shop.beats[-1]
    assert first.code == "C1" and first.time <= game.now < first.time + TICK
    press(game, pygame.K_RIGHTBRACKET)
    second = game.shop.beats[-1]
    assert second.code == "C2" and second.time <= game.now < second.time + TICK
    press(game, pygame.K_LEFTBRACKET)
    assert game.shop.beats[-1] == first and game.ticks == tick_of(first.time)
    press(game, pygame.K_LEFTBRACKET)  # none before the first: a notice says so
    assert game.overlay.notice.visible and game.ticks == tick_of(first.time)


def check_speed(game: Game, scene: str) -> None:
    for key, text in [(pygame.K_EQUALS, ""), (pygame.K_PLUS, ""), (pygame.K_KP_PLUS, "")]:
        press(game, key, text)
    assert game.speed == 8.0
    press(game, pygame.K_UNKNOWN, "+")  # a layout's "+" on some other key
    assert game.speed == 16.0
    press(game, pygame.K_EQUALS)
    assert game.speed == 16.0  # the top
    for key, text in [(pygame.K_MINUS, ""), (pygame.K_KP_MINUS, ""), (pygame.K_UNKNOWN, "-")]:
        press(game, key, text)
    assert game.speed == 2.0 and game.scene == scene


def check_restart(game: Game, scene: str) -> None:
    if scene == LEVEL:  # the level's own day again, the same code; the score as it was
        level = game.level_scene
        press(game, pygame.K_a)
        for _tick in range(30):
            level.step()
        watched = level.shop
        press(game, pygame.K_r)
        assert level.ticks == 0 and level.shop is not watched and level.phase == WATCH
        assert level.answer == 0 and game.scene == LEVEL
        return
    game.advance_to(5)
    shops = dict(game.shops)
    press(game, pygame.K_r)
    assert game.now == 0 and game.scene == scene
    assert all(game.shops[m] is not shops[m] for m in shops)


def check_click(game: Game, scene: str) -> None:
    game.advance_to(12)
    couple = game.shop.couples[0]
    x, y = couple.you.position_at(game.shop.now)
    click(game, (int(x), int(y - 30)))
    assert game.selected is couple and game.show_code and game.scene == scene
    click(game, (640, 600))  # empty floor
    assert game.selected is None


def check_follow(game: Game, scene: str) -> None:
    """N / P: the click's keyboard path, staff first then couples in arrival order."""
    game.advance_to(12)
    shop = game.shop
    inside = sorted((c for c in shop.couples if c.you.visible), key=lambda c: c.index)
    people = [*shop.staff, *inside]
    assert len(people) >= 3
    press(game, pygame.K_n)
    assert game.selected is people[0] and game.show_code and game.scene == scene
    press(game, pygame.K_n)
    assert game.selected is people[1]
    press(game, pygame.K_p)
    press(game, pygame.K_p)
    assert game.selected is people[-1]  # round the end
    press(game, pygame.K_n)
    assert game.selected is people[0]
    game.selected = None
    press(game, pygame.K_p)
    assert game.selected is people[-1]


def check_language(game: Game, scene: str) -> None:
    assert i18n.language() == "en"
    press(game, pygame.K_F2)
    assert i18n.language() == "es" and _("PAUSED") == "EN PAUSA"
    assert game.overlay.notice.visible and game.notice.text == "Idioma: Español"
    press(game, pygame.K_F2)
    assert i18n.language() == "pt_BR" and game.notice.text == "Idioma: Português (Brasil)"
    press(game, pygame.K_F2)
    assert i18n.language() == "en" and game.notice.text == "Language: English"
    assert game.scene == scene


def check_palette(game: Game, scene: str) -> None:
    assert colours.in_use() == "default"
    press(game, pygame.K_F3)
    assert colours.in_use() == "safe" and game.overlay.notice.visible
    assert colours.PHASE_COLOURS["flirting"] == colours.OKABE_ITO["vermillion"]
    press(game, pygame.K_F3)
    assert colours.in_use() == "default" and game.scene == scene
    assert colours.PALETTES["default"]["phases"] == colours.PHASE_COLOURS


def panel_check(flag: str, key: int) -> Callable[[Game, str], None]:
    def check(game: Game, scene: str) -> None:
        press(game, key)
        assert game.scene == SHOP and getattr(game, flag) is True
        press(game, key)
        assert game.scene == SHOP and getattr(game, flag) is False

    return check


def check_story(game: Game, scene: str) -> None:
    press(game, pygame.K_t)
    assert game.scene == SHOP and game.story is not None and game.mode == CONCURRENT
    press(game, pygame.K_t)
    assert game.story is None


def check_f12(game: Game, scene: str, tmp_path: Path) -> None:
    game.screenshot_dir = tmp_path
    press(game, pygame.K_F12)
    saved = list(tmp_path.glob("*.png"))
    assert len(saved) == 1 and game.overlay.notice.visible and not game.notice.error
    assert saved[0].name in game.notice.text and game.scene == scene


def check_link(game: Game, scene: str) -> None:
    """U: the link on screen reopens this moment: the same scene, shop, level and time."""
    press(game, pygame.K_u)
    assert game.notice.visible and game.scene == scene
    url = game.notice.text.split(": ", 1)[1]
    argv = link.to_argv(url)
    if scene in (SHOP, HOUSE):
        assert argv[argv.index("--open-at") + 1] == f"{game.now:g}"
        assert ("--scene" in argv) == (scene == HOUSE)
    if scene == LEVEL:
        assert argv[argv.index("--level") + 1] == game.level_scene.level.name


def check_fullscreen(game: Game, scene: str) -> None:
    window = pygame.display.set_mode((900, 600), pygame.RESIZABLE)
    game.display = Display(window)
    press(game, pygame.K_F11)
    assert game.display.fullscreen and game.scene == scene
    assert game.display.window.get_size() == pygame.display.get_desktop_sizes()[0]
    press(game, pygame.K_F11)
    assert not game.display.fullscreen and game.display.window.get_size() == (900, 600)


def check_text_scale(game: Game, scene: str) -> None:
    try:
        seen = []
        for _press in range(3):
            press(game, pygame.K_z)
            seen.append(text_scale())
            said = _("Text size: {scale}x").format(scale=f"{seen[-1]:g}")
            assert game.overlay.notice.visible and game.notice.text == said
        assert seen == [1.25, 1.5, 1.0] and game.scene == scene
    finally:
        set_scale(1.0)


def check_mute(game: Game, scene: str) -> None:
    game.sound = SoundPlayer(volume=0.5)
    try:
        press(game, pygame.K_m)
        assert game.sound.muted and game.sound.playing == [] and game.scene == scene
        silent = _("No sound on this computer: playing silently")
        assert game.notice.text == (_("Sound: off") if game.sound.available else silent)
        press(game, pygame.K_m)
        assert not game.sound.muted
        assert game.notice.text == (_("Sound: on") if game.sound.available else silent)
    finally:
        game.sound.close()
        game.sound = None
        pygame.mixer.quit()


def check_record(game: Game, scene: str, tmp_path: Path) -> None:
    game.recorder.folder = tmp_path / "recordings"
    press(game, pygame.K_F9)
    assert game.recorder.recording and game.scene == scene
    for _frame in range(5):
        game.frame(1 / 20)
    press(game, pygame.K_F9)
    assert not game.recorder.recording
    saved = game.recorder.finish()
    assert saved is not None and saved.parent == game.recorder.folder
    assert saved.read_bytes()[:6] == b"GIF89a"


def check_help(game: Game, scene: str) -> None:
    press(game, pygame.K_h)
    assert game.show_help and game.scene == scene
    press(game, pygame.K_F1)
    assert not game.show_help


def check_welcome(game: Game, scene: str) -> None:
    press(game, pygame.K_w)
    assert game.overlay.welcome.visible and game.paused and game.scene == scene
    press(game, pygame.K_w)
    assert not game.overlay.welcome.visible and game.scene == scene


def check_quit(game: Game, scene: str) -> None:
    for key in (pygame.K_ESCAPE, pygame.K_q):
        game.running = True
        press(game, key)
        assert not game.running and game.scene == scene


def check_levels(game: Game, scene: str) -> None:
    press(game, pygame.K_4)
    assert game.scene == LEVELS_MENU
    press(game, pygame.K_4)
    assert game.scene == LEVELS_MENU


def check_letters(game: Game, scene: str) -> None:
    if scene == LEVELS_MENU:
        press(game, pygame.K_b)  # the second level
        assert game.scene == LEVEL
    level = game.level_scene.level
    assert game.stage.level_scene.phase == PREDICT
    press(game, pygame.K_c)
    assert game.stage.level_scene.phase == WATCH and game.level_scene.answer == 2
    assert game.score.predicted == {level.name: level.right == 2}
    press(game, pygame.K_a)  # the first answer counts
    assert game.level_scene.answer == 2 and game.score.predicted[level.name] == (level.right == 2)


def check_fix(game: Game, scene: str) -> None:
    press(game, pygame.K_f)  # no fix before a prediction: a notice says so
    assert game.stage.level_scene.phase == PREDICT and game.overlay.notice.visible
    press(game, pygame.K_a)
    press(game, pygame.K_f)
    scene_ = game.level_scene
    assert scene_.phase == FIXED and scene_.results is not None
    assert game.score.solved == {scene_.level.name}


def check_kitchen(game: Game, scene: str) -> None:
    press(game, pygame.K_k)
    level = game.stage.level_scene
    assert game.stage.name == LEVEL and level.level.name == "kitchen"
    assert level.phase == WATCH  # no question: the normal day runs at once


def check_edit(game: Game, scene: str) -> None:
    press(game, pygame.K_e)  # no editor before a prediction: a notice says so
    assert not game.stage.level_scene.editor.visible and game.overlay.notice.visible
    press(game, pygame.K_a)
    press(game, pygame.K_e)
    assert game.stage.level_scene.editor.visible and game.stage.level_scene.editor.focused
    press(game, pygame.K_q)  # the editor has the keys: Q does not quit
    assert game.running
    press(game, pygame.K_ESCAPE)
    assert not game.stage.level_scene.editor.visible and game.running


def check_run(game: Game, scene: str) -> None:
    press(game, pygame.K_F5)  # nothing to run before a prediction
    assert game.stage.level_scene.phase == PREDICT and game.overlay.notice.visible
    press(game, pygame.K_a)
    press(game, pygame.K_F5)  # the editor's text (the level's starting code) plays the day
    assert game.stage.level_scene.phase == YOURS and game.stage.level_scene.ticks == 0


EFFECTS: dict[str, Callable[..., None]] = {
    "TAB": check_tab,
    "1 / 2 / 3": check_scene_keys,
    "SPACE": check_space,
    "RIGHT or .": check_step,
    "LEFT or ,": check_step_back,
    "HOME": check_home,
    "[ / ]": check_beats,
    "L": panel_check("show_timeline", pygame.K_l),
    "+ / -": check_speed,
    "R": check_restart,
    "click": check_click,
    "N / P": check_follow,
    "I": panel_check("show_inspector", pygame.K_i),
    "C": panel_check("show_code", pygame.K_c),
    "S": panel_check("split", pygame.K_s),
    "G": panel_check("show_charts", pygame.K_g),
    "T": check_story,
    "4": check_levels,
    "A / B / C / D": check_letters,
    "K": check_kitchen,
    "F": check_fix,
    "E": check_edit,
    "F5": check_run,
    "F11": check_fullscreen,
    "Z": check_text_scale,
    "M": check_mute,
    "F9": check_record,
    "F2": check_language,
    "F3": check_palette,
    "F12": check_f12,
    "U": check_link,
    "H or F1": check_help,
    "W": check_welcome,
    "ESC or Q": check_quit,
}
SCENES = (SHOP, HOUSE, LEVELS_MENU, LEVEL)
CLICK_ROW_SCENES = (SHOP, HOUSE)  # the level scenes take clicks of their own (answers, menu)
WRITES_FILES = {"F12", "F9"}  # their checks get a folder of their own


def test_every_row_of_the_table_has_its_check() -> None:
    assert list(EFFECTS) == [b.label for b in KEYS]
    assert all(set(b.scenes) <= {*SCENES, keys.ALL} for b in KEYS)


@pytest.mark.parametrize("scene", SCENES)
@pytest.mark.parametrize("label", [b.label for b in KEYS])
def test_each_key_does_what_its_row_says_where_it_says(
    game: Game, label: str, scene: str, tmp_path: Path
) -> None:
    game.scene = scene
    game.frame(0)
    binding = row(label)
    if binding.works_in(scene):
        effect = EFFECTS[label]
        if label in WRITES_FILES:
            effect(game, scene, tmp_path)
        else:
            effect(game, scene)
        return
    game.advance_to(12)  # people about, so a click could hit someone
    before = state(game)
    for key in binding.keys:  # (unless another row of this scene has the same key)
        if find(pygame.Event(pygame.KEYDOWN, key=key, unicode=""), scene) is None:
            press(game, key)
    for button in binding.buttons if scene in CLICK_ROW_SCENES else ():
        for couple in game.shop.couples:
            x, y = couple.you.position_at(game.shop.now)
            pygame.event.post(
                pygame.Event(pygame.MOUSEBUTTONDOWN, button=button, pos=(int(x), int(y - 30)))
            )
        game.frame(0)
    assert state(game) == before


def test_no_key_means_two_things_in_one_scene() -> None:
    for scene in SCENES:
        seen: dict[object, str] = {}
        for binding in KEYS:
            if not binding.works_in(scene):
                continue
            for code in [*binding.keys, *binding.texts, *(f"mouse{b}" for b in binding.buttons)]:
                assert code not in seen, f"{code!r} is in {seen[code]!r} and {binding.label!r}"
                seen[code] = binding.label


def test_find_only_answers_for_the_scenes_a_row_lists() -> None:
    menu_only = Binding("J", ("menu",), "noop", "menu", "menu", keys=(pygame.K_j,))
    table = (*KEYS, menu_only)
    event = pygame.Event(pygame.KEYDOWN, key=pygame.K_j, unicode="j")
    assert find(event, "menu", table) is menu_only
    assert find(event, SHOP, table) is None
    assert find(pygame.Event(pygame.KEYDOWN, key=pygame.K_1, unicode="+"), SHOP) is row(
        "1 / 2 / 3"
    )  # a key code wins over the character it types
    assert find(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=(0, 0)), HOUSE) is None


# -- the help overlay and the README are the table ----------------------------------------
@pytest.mark.parametrize("scene", SCENES)
def test_help_overlay_draws_exactly_the_table(
    game: Game, scene: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from game.view import hud

    drawn: list[tuple[str, tuple[int, ...]]] = []
    real = hud.label

    def recording(  # noqa: ANN202
        text: str, size: int, colour: tuple[int, ...], bold: bool = False, *, fixed: bool = False
    ):
        drawn.append((text, colour))
        return real(text, size, colour, bold, fixed=fixed)

    game.scene = scene
    game.show_help = True
    monkeypatch.setattr(hud, "label", recording)
    game.sections["help"].draw(game.screen)
    lines = [text for text, _ in drawn[1:]]  # after the title
    table = game.stage.bindings  # this module's rows and the scenes' own
    expected = [(label, text) for label, text, _ in help_rows(scene, table)]
    rows: list[tuple[str, list[str]]] = []  # each key, then its text (wrapped in parts)
    for text in lines:
        starts_row = len(rows) < len(expected) and text == expected[len(rows)][0]
        if starts_row and (not rows or rows[-1][1]):
            rows.append((text, []))
        else:
            rows[-1][1].append(text)
    assert [(key, " ".join(parts)) for key, parts in rows] == expected
    # every row, a key several rows share once (the row that works here, else the first)
    shown = [b.label for b in table if b is keys.listed_row(b.label, scene, table)]
    assert shown == [key for key, _ in rows]
    assert len(set(shown)) == len(shown)  # no key listed twice
    greyed = {text for text, colour in drawn if colour == hud.GREY}
    again = {b.label for b in table[len(KEYS) :]}  # a scene's own row may reuse a key's label
    for binding in KEYS:
        if binding.label in again:
            continue
        assert (binding.label in greyed) == (not binding.works_in(scene)), binding.label
        if binding.home is not None and scene != binding.home and binding.works_in(scene):
            assert any("back to the shops" in line for line in lines)


def test_readme_key_table_is_the_table() -> None:
    readme = (ROOT / "README.md").read_text()
    from game.app.stage import SCENES  # the scenes' own rows and names too: as the script

    whole = keys.collect(SCENES), keys.scene_words(SCENES)
    assert keys.readme_with_table(readme, *whole) == readme
    for binding in KEYS:
        assert f"| {binding.doc} |" in readme


def test_keys_module_prints_and_writes_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "README.md"
    stale.write_text(f"# x\n\n## Playing\n\n{keys.BEGIN}| old |\n{keys.END}\nmore\n")
    monkeypatch.setattr(keys, "README", stale)
    assert keys.main(["keys", "--print"]) == 0
    assert capsys.readouterr().out == markdown_table()
    assert keys.main(["keys"]) == 0
    assert (
        stale.read_text()
        == f"# x\n\n## Playing\n\n{keys.BEGIN}{markdown_table()}{keys.END}\nmore\n"
    )


@pytest.mark.parametrize("scene", SCENES)
def test_every_row_names_an_action_that_someone_there_carries_out(game: Game, scene: str) -> None:
    """A row's action is an ``action_*`` method of the scene it acts in (its ``home``, if it
    goes there first) or of a room of the window: never a name nobody answers to."""
    for binding in game.stage.bindings:
        if not binding.works_in(scene):
            continue
        game.scene = binding.home or scene
        method = f"action_{keys.parse(binding.action)[0]}"
        assert any(hasattr(actor, method) for actor in game.actors()), (binding.label, scene)
