"""The side panel's verbs come from the real methods: signatures and docstrings."""

from __future__ import annotations

import inspect

from game.editor.verbs import Verb, calls, first_line, signature_text, verbs_of
from game.shop import people
from game.shop.levels import LEVELS, build
from game.shop.mistakes import blocking_cook, forgetful_couple


def by_call(verbs: list[Verb]) -> dict[str, Verb]:
    return {verb.call: verb for verb in verbs}


def test_the_cooks_verbs_are_the_staffs_methods() -> None:
    verbs = by_call(verbs_of(blocking_cook))
    next_order = verbs["me.next_order"]
    assert next_order.awaited
    assert next_order.params == "(kitchen: Queue[Order]) -> Order"
    assert next_order.doc == first_line(people.Staff.next_order)
    assert next_order.text == "await me.next_order(kitchen: Queue[Order]) -> Order"
    assert next_order.call_text == "await me.next_order(kitchen)"  # what a click writes
    assert verbs["me.put_down"].call_text == "me.put_down(tray, place)"
    # the plain call the level's actor makes is listed, as a plain call
    assert not verbs["me.cook_burgers_sync"].awaited
    assert not verbs["me.put_down"].awaited
    # plumbing nobody calls is not
    assert "me.idle" not in verbs and "me.busy" not in verbs


def test_every_awaitable_method_is_listed_and_none_twice() -> None:
    verbs = verbs_of(blocking_cook)
    calls_ = [v.call for v in verbs]
    assert len(calls_) == len(set(calls_))
    for name, _method in inspect.getmembers(people.Staff, inspect.iscoroutinefunction):
        if not name.startswith("_"):
            assert f"me.{name}" in calls_


def test_calls_one_step_further_are_read_from_the_live_shop() -> None:
    level = next(lv for lv in LEVELS if lv.broken_actor is forgetful_couple)
    shop = build(level, False, strict=False)
    verbs = by_call(verbs_of(forgetful_couple, [level.fixed_actor], {"shop": shop}))
    take = verbs["shop.tables.take"]
    assert take.awaited and take.params.startswith("(couple: Couple)")
    assert not verbs["shop.display.shows"].awaited
    assert verbs["couple.order_at"].params == "(counter: Counter, burgers: int = 2) -> object"


def test_the_order_follows_the_parameters_then_names() -> None:
    calls_ = [v.call for v in verbs_of(forgetful_couple)]
    assert calls_ == sorted(calls_)  # one parameter with verbs: by name
    assert all(c.startswith("couple.") for c in calls_)


def test_every_level_has_verbs_with_a_signature() -> None:
    for level in LEVELS:
        verbs = verbs_of(level.broken_actor, [level.fixed_actor])
        asks = inspect.signature(level.broken_actor).parameters  # an endpoint asks nobody
        assert len(verbs) >= (5 if asks else 2), level.name
        assert all(v.params.startswith("(") for v in verbs)


def test_calls_reads_attribute_chains() -> None:
    found = calls([forgetful_couple])
    assert ("couple", "order_at") in found
    assert ("shop", "tables", "take") in found


def test_signature_text_leaves_self_out_and_shows_defaults() -> None:
    def f(self, a: int, b: str = "x", *rest: int, **more: str) -> bool:  # noqa: ANN001
        return True

    assert signature_text(f) == "(a: int, b: str = 'x', *rest: int, **more: str) -> bool"


def test_first_line_joins_a_wrapped_first_paragraph() -> None:
    def f() -> None:
        """One sentence
        that wraps.

        More detail."""

    assert first_line(f) == "One sentence that wraps."
