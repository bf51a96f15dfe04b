"""The game in every language it ships: complete catalogs, the same placeholders, compiled
files that match their sources, glyphs the font has, and words that fit their boxes."""

from __future__ import annotations

import gettext
import string
from pathlib import Path

import pygame
import pytest

from game import catalogs, i18n
from game.app.cli import main as cli_main
from game.app.keys import KEYS, help_rows
from game.app.window import Game, open_window
from game.house import layout as house_layout
from game.i18n import _, ngettext
from game.shop import CONCURRENT, MODES, PARALLEL, ShopConfig
from game.shop.layout import DISPLAY
from game.shop.story import BEATS, STEPS
from game.view import hud, split, story_card, words
from game.view.charts import EACH_COUPLE, LEGEND
from game.view.house_view import CAPTION, CONTRAST, ROW_LABEL_RIGHT
from game.view.text import font

SHIPPED = ["en", "es", "pt_BR"]
TRANSLATED = ["es", "pt_BR"]


@pytest.fixture(scope="module")
def template():
    return catalogs.extract()


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_three_languages_ship_and_english_comes_first() -> None:
    assert i18n.languages() == SHIPPED


def test_catalogs_and_compiled_files_are_up_to_date() -> None:
    """``python -m game.catalogs --check``: the .pot has every marked message, each .po
    exactly those, and each .mo is what its .po compiles to."""
    assert catalogs.main(["catalogs", "--check"]) == 0


def test_strings_are_extracted(template) -> None:  # noqa: ANN001
    ids = [m.id for m in template if m.id]
    assert len(ids) > 200
    for beat in BEATS.values():
        assert beat in ids
    for binding in KEYS:
        assert binding.help in ids


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_catalog_covers_every_message_and_no_more(template, lang: str) -> None:  # noqa: ANN001
    catalog = catalogs.load(lang)
    want = {m.id if isinstance(m.id, str) else m.id[0] for m in template if m.id}
    have = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    assert want - have == set(), "missing"
    assert have - want == set(), "stale"
    for message in catalog:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(forms) and len(forms) == (catalog.num_plurals if message.pluralizable else 1)
        assert not message.fuzzy, message.id


@pytest.mark.parametrize("lang", TRANSLATED)
def test_placeholders_match(lang: str) -> None:
    for message in catalogs.load(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(fields(i) for i in ids))
        for form in forms:
            assert fields(form) == wanted, (message.id, form)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_are_real_translations(lang: str) -> None:
    """Written for learners, not left in English: most messages differ from their ids."""
    catalog = catalogs.load(lang)
    messages = [m for m in catalog if m.id]
    same = [m.id for m in messages if m.string == m.id]
    assert len(same) < 0.1 * len(messages), same


@pytest.mark.parametrize("lang", SHIPPED)
def test_mo_file_reads_as_the_po_says(lang: str) -> None:
    path = catalogs.po_path(lang).with_suffix(".mo")
    with path.open("rb") as fp:
        compiled = gettext.GNUTranslations(fp)
    for message in catalogs.load(lang):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            for n in (0, 1, 2, 5):
                index = gettext.c2py(catalogs.load(lang).plural_expr)(n)
                assert compiled.ngettext(*message.id, n) == message.string[index]
        else:
            assert compiled.gettext(message.id) == message.string


def all_text(lang: str) -> list[str]:
    strings = []
    for message in catalogs.load(lang):
        if message.id:
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            strings += forms
    return strings


def missing_glyphs(text: str, bold: bool) -> list[str]:
    """Characters of ``text`` the game's font draws as its replacement box: a character
    the font lacks renders exactly like a private-use one (U+E000), which no font has."""
    f = pygame.font.Font(None, 24)
    f.bold = bold

    def image(c: str) -> bytes:
        return pygame.image.tobytes(f.render(c, True, (255, 255, 255), (0, 0, 0)), "RGB")

    box = image("\ue000")
    return sorted({c for c in text if not c.isspace() and image(c) == box})


@pytest.mark.parametrize("lang", SHIPPED)
def test_the_font_has_every_glyph(lang: str) -> None:
    """Render each catalog's strings: no character may lack a glyph (ñ, ç, ã, ¿, ¡...)."""
    pygame.font.init()
    try:
        assert missing_glyphs("中a", False) == ["中"]  # the check can fail
        text = "".join(all_text(lang))
        assert {"ñ", "ç", "ã", "¿", "¡", "á", "ê"} & set(text) or lang == "en"
        for bold in (False, True):
            assert missing_glyphs(text, bold) == [], lang
    finally:
        pygame.font.quit()


def test_switching_language_live_and_back() -> None:
    i18n.use("es")
    assert _("PAUSED") == "EN PAUSA"
    assert ngettext("+{n} more in line", "+{n} more in line", 3).format(n=3) == "+3 más en la fila"
    i18n.use("pt_BR")
    assert words.name("cashier-cook 3") == "caixa-cozinheiro 3"
    assert words.name("reply to couple #4") == "resposta para casal nº 4"
    assert words.state_text("waiting on queue free tables") == "espera em fila 'mesas livres'"
    before = i18n.generation()
    assert i18n.cycle() == "en" and i18n.generation() == before + 1
    assert _("PAUSED") == "PAUSED"
    with pytest.raises(LookupError, match="xx"):
        i18n.use("xx")


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LANG": "es_ES.UTF-8"}, "es"),
        ({"LANG": "es_MX.UTF-8"}, "es"),
        ({"LANGUAGE": "pt_BR:pt", "LANG": "de_DE.UTF-8"}, "pt_BR"),
        ({"LC_ALL": "pt_PT.UTF-8"}, "pt_BR"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_default_language_is_the_systems(env: dict[str, str], lang: str) -> None:
    assert i18n.system_language(env) == lang


def test_lang_flag(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["--lang", "xx", "--screenshot", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--lang" in err[0] and "'xx'" in err[0]
    out = tmp_path / "es.png"
    assert cli_main(["--lang", "pt-BR", "--screenshot", str(out), "--at", "5"]) == 0
    assert out.exists() and i18n.language() == "pt_BR"


# -- translations fit their boxes at text scale 1.0 -----------------------------------------
def width(text: str, size: int, bold: bool = False) -> int:
    return font(size, bold).size(text)[0]


@pytest.fixture
def fonts():
    pygame.font.init()
    yield
    pygame.quit()


@pytest.mark.parametrize("lang", SHIPPED)
def test_long_translations_still_fit(lang: str, fonts) -> None:  # noqa: ANN001
    i18n.use(lang)
    # the HUD: every item of the full-width bar, with wide numbers, fits before "H: help"
    items = [
        _("CONCURRENT SHOP"),
        "00:00",
        "16x",
        _("served {n}").format(n=999),
        _("mean wait {seconds}s").format(seconds="999"),
        _("free while waiting {share}").format(share="100%"),
        _("standing guard {share}").format(share="100%"),
    ]
    used = 10 + sum(width(t, 24, True) + 18 for t in items) + 2 * 22
    assert used <= 1280 - 90, f"HUD {used}"
    # captions: a couple's step, with its name, fits the caption strip in its small size
    for mode in (CONCURRENT, PARALLEL):
        for step in STEPS[mode].values():
            if step.caption:
                who = _("couple #{n}").format(n=99)
                text = _("{who}: {doing}").format(who=who, doing=_(step.caption).format(number=99))
                assert width(text, 20) <= 1280 - 52, text
    for text in [
        _("Waiting for you and your crush to come in..."),
        _("You and your crush have left, full and happy. The shop goes on."),
        *(_(b) for b in BEATS.values()),
    ]:
        assert width(text, 20) <= 1280 - 52, text
    # the story card: each line of a card within its 900 px, the card on the screen
    for code in BEATS:
        text = story_card.card_text("beat", CONCURRENT if code[0] == "C" else PARALLEL, code)
        assert all(width(line, 34) <= 900 for line in story_card.wrap(text, 34, 900))
        assert story_card.card_rect((1280, 720), text).top >= 40
    assert story_card.card_rect((1280, 720), story_card.card_text("end", PARALLEL, "")).top >= 0
    for kind, mode in story_card.HEADINGS:
        assert width(story_card.heading(kind, mode, "C7"), 26, True) <= 980 - 48
    assert width(_("SPACE: continue"), 22) < 300
    # help: at its designed size, every row in a panel within the screen, each wrapped line
    # inside its column (too many rows for one column: two, the longer texts wrapped)
    for scene in ("shop", "house"):
        layout = hud.help_layout((1280, 720), help_rows(scene))
        assert layout.size >= 22, scene
        assert pygame.Rect(10, 10, 1260, 700).contains(layout.panel), scene
        column_w = layout.panel.w // len(layout.columns) - 30 - layout.key_w
        for column in layout.columns:
            for _row, lines in column:
                assert all(width(line, layout.size) <= column_w for line in lines), scene
    # the charts' legend and headings; the split view's row titles
    for phase in LEGEND:
        assert width(words.phase(phase), 24) <= 185 - 32 - 4, phase
    for heading in EACH_COUPLE.values():
        assert width(_(heading), 28, True) <= 390 * 1.35  # shrinks to fit, not below 21 px
    for title in [
        _("waiting time you were free"),
        _("waiting time standing guard"),
        _("mean wait for burgers"),
        _("couples served"),
        _("served per worker"),
    ]:
        assert width(title, 22) <= split.TITLE_W - 8, title
    # the legend: both shops, their staff counted, on one line
    names = [split.staff_words(_(split.SHOP_NAMES[m]), 8) for m in MODES]
    assert split.TITLE_W + sum(width(n, 22) + 52 for n in names) <= 1240, names
    assert len(story_card.wrap(_(split.WHY_LONGER_WAIT), 20, 1240)) <= 2
    # the board's words over the LED screen; the inspector's and code view's sentences
    for word in (_("ORDER #"), _("READY")):
        assert width(word, 24, True) + 4 <= DISPLAY[2] - 40, word
    assert width(_("Scheduler inspector"), 26, True) <= 466 - 150
    for meaning in [
        _("Asleep until {seconds} s: meanwhile the scheduler runs the others.").format(
            seconds="9999.9"
        ),
        _("Blocked until '{name}' happens; the others run meanwhile.").format(
            name=_("burgers at counter {n}").format(n=8)
        ),
        _("Blocked for the next item in '{name}'; the others run meanwhile.").format(
            name=_("kitchen order slips")
        ),
    ]:
        assert width(meaning, 18) <= 640 - 28, meaning
    # the house: room names in their rooms, the race rows left of their bars
    for spec in house_layout.ROOMS:
        assert width(words.room(spec.name), 22, True) + 14 <= spec.rect[2] // 2, spec.name
    for row in (
        _("one cleaner switching rooms"),
        ngettext("{count} helper in parallel", "{count} helpers in parallel", 9).format(
            count=_("nine")
        ),
    ):
        assert width(row, 20, True) + 20 <= ROW_LABEL_RIGHT, row
    for line, size in ((_(CAPTION), 21), (_(CONTRAST), 19)):
        assert width(line, size, True) <= (1280 - 230) * 1.25  # shrinks a little at most


@pytest.mark.parametrize("lang", SHIPPED)
def test_every_screen_draws_in_every_language(lang: str, tmp_path: Path) -> None:
    """Shops, side by side, inspector, code view, charts, help, house and story card."""
    i18n.use(lang)
    game = Game(ShopConfig(), open_window(headless=True))
    try:
        game.advance_to(70)
        game.paused = True
        game.selected = next(c for c in game.shop.couples if c.phase == "flirting")
        for setup in (
            {"show_inspector": True, "show_code": True},
            {"split": True},
            {"show_charts": True},
            {"show_help": True},
            {"scene": "house"},
        ):
            for name, value in setup.items():
                setattr(game, name, value)
            game.draw()
            for name in setup:
                setattr(game, name, "shop" if name == "scene" else False)
        game.start_story()
        while game.story.card is None:
            game.update(1 / 60)
        game.draw()
        pygame.image.save(game.screen, str(tmp_path / "card.png"))
    finally:
        pygame.quit()
