"""The web server on the game's kernel: what it predicts for the three endpoints."""

from __future__ import annotations

import pytest

from game.shop.webserver import ENDPOINTS, POOL, percentile, predict


def test_awaited_requests_all_finish_after_one_wait() -> None:
    figures = predict("await", 50, 0.2)
    assert figures.latencies == (0.2,) * 50
    assert figures.p50 == figures.p95 == figures.total == 0.2


def test_a_blocking_call_serves_requests_one_by_one() -> None:
    figures = predict("blocking", 5, 0.2)
    assert figures.latencies == pytest.approx((0.2, 0.4, 0.6, 0.8, 1.0))
    assert figures.total == pytest.approx(1.0)


def test_plain_def_runs_in_a_pool_and_the_next_request_waits() -> None:
    figures = predict("thread", POOL + 10, 0.2)
    assert sorted(figures.latencies) == pytest.approx([0.2] * POOL + [0.4] * 10)
    assert figures.total == pytest.approx(0.4)
    assert predict("thread", POOL, 0.2).total == pytest.approx(0.2)


def test_percentiles_interpolate_and_handle_tiny_samples() -> None:
    assert percentile([], 50) == 0.0
    assert percentile([3.0], 95) == 3.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == pytest.approx(2.5)
    assert percentile(list(range(101)), 95) == pytest.approx(95.0)


def test_an_unknown_endpoint_is_named() -> None:
    with pytest.raises(ValueError, match="'sync'"):
        predict("sync", 1, 0.1)
    assert ENDPOINTS == ("await", "blocking", "thread")
