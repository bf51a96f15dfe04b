"""Issue 22: the figures say what they mean. Side by side counts the staff and explains
the longer wait; each level's result card leads with the figure that carries its lesson;
a prediction is answered at once; the menu ticks only what was solved."""

from __future__ import annotations

import pygame
import pytest

from game.app.window import Game
from game.i18n import _
from game.shop import MODES, measure
from game.shop.levels import LEVELS, play
from game.view import split
from game.view.level_view import GREEN, draw_menu, menu_rows, proof_text, verdict_lines


def test_side_by_side_counts_the_staff_and_serves_per_worker(game: Game) -> None:
    game.advance_to(35)
    shops = [game.shops[m] for m in MODES]
    staff = [len(s.staff) for s in shops]
    assert staff == [2, 8]
    rows = {title: values for title, values, _top, _fmt in split.SplitView._rows(
        [measure(s) for s in shops], staff)}
    served = rows[_("couples served")]
    assert rows[_("served per worker")] == pytest.approx([served[0] / 2, served[1] / 8])
    assert _("waiting time you were free") in rows and _("waiting time standing guard") in rows
    assert split.staff_words(_("parallel shop"), 8) == "parallel shop: 8 people working"
    assert "2 people" in _(split.WHY_LONGER_WAIT) and "8" in _(split.WHY_LONGER_WAIT)
    game.split = True
    game.draw()  # at every text size the comparison draws
    from game.view.text import set_scale

    for scale in (1.25, 1.5):
        set_scale(scale)
        game.draw()


@pytest.fixture(scope="module")
def results():
    return {level.name: (play(level.name), play(level.name, fixed=True)) for level in LEVELS}


def test_each_result_card_leads_with_the_figure_of_its_lesson(results) -> None:  # noqa: ANN001
    for level in LEVELS:
        broken, fixed = results[level.name]
        text = proof_text(level, broken, fixed)
        figure = {**broken.figures, **broken.outcome.as_dict()}[level.proof_row]
        shown = f"{figure:.0f}" if level.proof_row == "blocked_seconds" else f"{figure:g}"
        if level.proof_row == "mean_wait":
            shown = f"{figure:.1f}"
        assert shown in text, (level.name, text)
    # level 2: the couple who never got burgers is the headline, not left out silently
    broken, fixed = results["forgotten-await"]
    assert broken.outcome.never_served == 1
    assert "never got burgers" in proof_text(LEVELS[1], broken, fixed)
    # level 3: how long the others were frozen, and that the burgers came no sooner
    broken, fixed = results["cpu-on-the-loop"]
    text = proof_text(LEVELS[2], broken, fixed)
    assert "frozen 72 s" in text and "no sooner" in text
    assert fixed.outcome.mean_wait >= broken.outcome.mean_wait  # it is so: the card says it


def test_level_one_asks_about_the_blocks_it_shows() -> None:
    assert "time.sleep(8)" not in _(LEVELS[0].question)
    assert "8 s or so" in _(LEVELS[0].question)


def test_a_prediction_is_answered_at_once_and_the_day_waits(game: Game) -> None:
    for level in LEVELS:
        game.start_level(level.name)
        game.key(pygame.K_f)  # not yet: the notice asks for the prediction
        assert game.notice.text == _("First your prediction: A, B, C or D.")
        wrong = (level.right + 1) % len(level.answers)
        game.letter(wrong)
        scene = game.level_scene
        shown = (level.name, game.notice.text)
        assert scene.verdict and game.paused and not game.notice.visible, shown
        lines = [text for text, *_rest in verdict_lines(level, wrong)]
        assert any(_(level.why).split()[0] in line for line in lines)
        assert any(_(level.answers[level.right]) in line for line in lines)
        game.draw()
        game.update(1.0)
        assert scene.ticks == 0
        game.key(pygame.K_SPACE)
        assert not scene.verdict and not game.paused
        game.update(0.25)
        assert scene.ticks == 15
    right = [t for t, *_r in verdict_lines(LEVELS[0], LEVELS[0].right)]
    assert not any(t.startswith(_("The answer is {answer}").split("{")[0]) for t in right)


def test_the_menu_ticks_only_solved_levels() -> None:
    surface = pygame.Surface((1280, 720))
    first = LEVELS[0].name
    rows = menu_rows((1280, 720), len(LEVELS))

    def green_in_row(predicted: dict[str, bool], solved: set[str]) -> int:
        draw_menu(surface, LEVELS, predicted, solved)
        area = surface.subsurface(rows[0])
        return sum(
            area.get_at((x, y))[:3] == GREEN
            for x in range(0, rows[0].w, 2)
            for y in range(0, rows[0].h, 2)
        )

    pygame.font.init()
    assert green_in_row({first: False}, set()) == 0  # predicted wrong, not solved: no tick
    assert green_in_row({first: False}, {first}) > 0  # solved: the tick


def test_arrows_speak_plain_words_and_have_a_legend(game: Game) -> None:
    from game.view.arrows import LEGEND, arrow_words, live_handoffs

    said: dict[str, set[str]] = {m: set() for m in MODES}
    for tick in range(1, 200 * 60, 15):
        game.advance_to(tick / 60)
        for mode in MODES:
            said[mode] |= {arrow_words(h) for h in live_handoffs(game.shops[mode], game.now)}
    for words in said.values():
        assert not any(w.startswith(("set:", "put:")) for w in words), words
    assert {_("next, please!"), _("an order to cook"), _("here is your number")} <= said[MODES[0]]
    assert any(w.startswith(_("board shows #{n}").split("{")[0]) for w in said[MODES[0]])
    assert {_("wait here, I cook it"), _("your burgers!")} <= said[MODES[1]]
    assert "await" in _(LEGEND)


def test_the_verdict_and_result_cards_fit_at_big_text(game: Game) -> None:
    from game.view.level_view import verdict_rect
    from game.view.text import label, px, set_scale

    for scale in (1.0, 1.5):
        set_scale(scale)
        for level in LEVELS:
            for answer in range(len(level.answers)):
                width = min(px(820), 1240) - px(60)
                lines = verdict_lines(level, answer, width)
                card = verdict_rect((1280, 720), len(lines))
                assert pygame.Rect(0, 0, 1280, 720).contains(card)
                for text, size, _colour, bold in lines:
                    assert label(text, size, (0, 0, 0), bold).get_width() <= card.w - px(40)
            game.start_level(level.name)
            game.letter(level.right)
            game.draw()
            game.key(pygame.K_SPACE)
            game.level_scene.fix(record=False)
            game.draw()
