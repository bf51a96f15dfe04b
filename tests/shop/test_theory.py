"""Against queueing theory: the parallel shop stripped to its bones is an M/M/c queue.

With walking, ordering, paying and eating set to zero, Poisson arrivals and exponential
cooking times, a couple's time in line is the M/M/c waiting time Wq, whose mean is given by
the Erlang C formula. We compare with a batch-means confidence interval: the run is cut into
20 batches and the mean must lie within 4 standard errors of the theory (about a 1-in-10,000
false alarm for a correct model); a 20% sanity bound catches a wildly wrong model
even if its batches happen to be noisy.
"""

from __future__ import annotations

import math
import statistics

import pytest

from game.shop import PARALLEL, Shop, ShopConfig, measure


def erlang_c_wait(arrival_rate: float, service_rate: float, servers: int) -> float:
    """Mean wait in queue Wq of an M/M/c queue."""
    a = arrival_rate / service_rate
    rho = a / servers
    assert rho < 1
    top = a**servers / math.factorial(servers) / (1 - rho)
    bottom = sum(a**k / math.factorial(k) for k in range(servers)) + top
    return (top / bottom) / (servers * service_rate - arrival_rate)


def bare_config(servers: int, arrival_mean: float, cook_mean: float, couples: int) -> ShopConfig:
    return ShopConfig(
        mode=PARALLEL,
        stations=servers,
        couples=couples,
        first_couples=0,
        seed=2024,
        arrival_mean=arrival_mean,
        cook_time=cook_mean,
        cook_spread="exponential",
        order_time=0.0,
        pay_time=0.0,
        eat_time=0.0,
        walk_speed=math.inf,
        tables=12,
    )


def test_erlang_c_formula_known_value() -> None:
    # M/M/1: Wq = rho / (mu - lambda)
    assert erlang_c_wait(0.5, 1.0, 1) == pytest.approx(1.0)
    assert erlang_c_wait(0.2, 0.1, 3) == pytest.approx(40 / 9)


@pytest.mark.parametrize(("servers", "arrival_mean", "cook_mean"), [(3, 5.0, 10.0), (1, 10.0, 7.0)])
def test_parallel_shop_waits_like_erlang_c(servers: int, arrival_mean: float, cook_mean: float):
    couples = 12_000
    shop = Shop(bare_config(servers, arrival_mean, cook_mean, couples))
    shop.run_until_empty()
    ordered = sorted(shop.departed, key=lambda c: c.index)
    waits = [c.turn_at - c.arrived for c in ordered[500:]]  # drop the empty-shop warm-up
    size = len(waits) // 20
    batches = [statistics.fmean(waits[i * size : (i + 1) * size]) for i in range(20)]
    mean = statistics.fmean(batches)
    stderr = statistics.stdev(batches) / math.sqrt(len(batches))
    theory = erlang_c_wait(1 / arrival_mean, 1 / cook_mean, servers)
    assert abs(mean - theory) < 4 * stderr, (mean, theory, stderr)
    assert mean == pytest.approx(theory, rel=0.20)


def test_littles_law_holds_for_the_recorded_line() -> None:
    shop = Shop(bare_config(3, 5.0, 10.0, 5_000))
    shop.run_until_empty()
    metrics = measure(shop)
    arrival_rate = metrics.arrived / metrics.time
    assert metrics.mean_in_line == pytest.approx(arrival_rate * metrics.mean_line_wait, rel=0.02)
