"""Who woke whom in the shops: each hand-over the arrows show names the right waker."""

from __future__ import annotations

from collections import deque

from game.shop import CONCURRENT, PARALLEL, Shop, ShopConfig
from game.shop.people import Couple, Staff


def shop_with_wakes(mode: str, seconds: float) -> Shop:
    shop = Shop(ShopConfig(mode=mode))
    shop.record_wakes().handoffs = deque()  # keep them all, not only the recent ones
    shop.fast_forward(seconds)
    return shop


def test_concurrent_shop_hand_overs_name_their_wakers() -> None:
    shop = shop_with_wakes(CONCURRENT, 120)
    assert shop.wakes is not None
    seen = {(h.how, h.what.split(" #")[0].split(" ")[0]) for h in shop.wakes.handoffs}
    assert ("put", "free") in seen and ("shows", "") not in seen
    for h in shop.wakes.handoffs:
        if h.what == "free counters":  # "next, please": the cashier wakes the couple in line
            assert isinstance(h.waker, Staff) and h.waker.role == "cashier"
            assert isinstance(h.woken, Couple)
        if h.what == "kitchen order slips":  # the slip on the rail wakes the cook
            assert isinstance(h.waker, Staff) and h.waker.role == "cashier"
            assert isinstance(h.woken, Staff) and h.woken.role == "cook"
        if h.how == "shows":  # the board: the cook who put the tray down, to its couple
            assert isinstance(h.waker, Staff) and h.waker.role == "cook"
            assert isinstance(h.woken, Couple) and h.what == f"display shows #{h.woken.number}"
    boards = [h for h in shop.wakes.handoffs if h.how == "shows"]
    assert [h.what for h in boards] == [f"display shows #{n}" for _, n in shop.display.history]
    assert [h.time for h in boards] == [t for t, _ in shop.display.history]


def test_parallel_cashier_cook_wakes_the_couple_at_his_counter() -> None:
    shop = shop_with_wakes(PARALLEL, 120)
    assert shop.wakes is not None
    served = [h for h in shop.wakes.handoffs if h.what.startswith("burgers at counter")]
    assert served, "no burgers put down in two minutes"
    for h in served:
        assert h.how == "set" and isinstance(h.waker, Staff) and isinstance(h.woken, Couple)
        counter = next(c for c in shop.counters if c.server is h.waker)
        assert h.what == f"burgers at counter {counter.number}"
        assert h.woken.served_at == h.time  # woken the moment the tray is put down


def test_a_shop_without_wake_records_pays_nothing() -> None:
    shop = Shop(ShopConfig())
    shop.fast_forward(30)
    assert shop.wakes is None and not shop.kernel.instruments
