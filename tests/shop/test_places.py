"""The places: a line and a pickup counter whose cost does not grow with the crowd."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.shop import Shop, ShopConfig
from game.shop.people import Couple, Order, Tray
from game.shop.places import PickupCounter

OVERFLOW = ShopConfig(arrival_mean=4.0, first_couples=0, couples=0, seed=1)


def test_an_overflowing_line_never_compares_couples(monkeypatch: pytest.MonkeyPatch) -> None:
    """The line finds a couple by who it is, never by searching for an equal one."""
    searched_from: set[str] = set()

    def note_search(self: Couple, other: object) -> bool:
        searched_from.add(sys._getframe(1).f_code.co_filename)
        return self is other

    monkeypatch.setattr(Couple, "__eq__", note_search)
    shop = Shop(OVERFLOW)
    shop.fast_forward(900)
    assert len(shop.line) > 100  # it really did overflow
    ours = ("places.py", "actors.py", "couple.py", "staff.py", "person.py")
    places = {f for f in searched_from if f.endswith(ours)}
    assert not places
    shop.kernel.close()


def test_places_in_line_follow_the_order_of_arrival() -> None:
    shop = Shop(OVERFLOW)
    shop.fast_forward(600)
    line = list(shop.line.couples)
    assert [c.index for c in line] == sorted(c.index for c in line)
    assert [shop.line.place_of(c) for c in line] == list(range(len(line)))
    last = len(shop.layout.line) - 1
    for place, couple in enumerate(line[: last + 1]):  # the visible ones stand on their spot
        x, y = shop.layout.line_spot(place)
        assert couple.you.pos == (x - 17, y) and couple.crush.pos == (x + 17, y)
    shop.kernel.close()


def test_only_the_head_of_the_line_may_leave_it() -> None:
    shop = Shop(OVERFLOW)
    shop.fast_forward(120)
    second = list(shop.line.couples)[1]
    with pytest.raises(RuntimeError, match="from behind"):
        shop.line.leave(second)
    shop.kernel.close()


def tray(number: int) -> Tray:
    return Tray(Order(number, None, 2, number=number))  # type: ignore[arg-type]


@given(st.lists(st.integers(1, 40), max_size=120))
def test_a_tray_goes_to_the_first_free_place_and_the_rest_pile_on_the_last(
    numbers: list[int],
) -> None:
    """Against the plain rule: put on the first place no tray lies on, else on the last."""
    shop = Shop(ShopConfig())
    pickup = PickupCounter(shop)
    spots = shop.layout.tray_spots
    on_counter: dict[int, int] = {}  # the plain rule's view: number -> place
    for number in numbers:  # a number seen before is taken off, a new one is put down
        if number in on_counter:
            assert pickup.take(number).number == number
            del on_counter[number]
        else:
            used = set(on_counter.values())
            free = [i for i in range(len(spots)) if i not in used]
            want = free[0] if free else len(spots) - 1
            pickup.put(tray(number))
            on_counter[number] = want
            assert pickup.slot_of[number] == want
    assert list(pickup.trays) == list(on_counter)  # drawn in the order they were put down
    with pytest.raises(LookupError, match="no tray with number 99"):
        pickup.take(99)
    shop.kernel.close()
