"""Level 8, def or async def? The web server: each couple is a request, the one cashier the
server's event loop. An async def endpoint with a blocking call holds every request up;
async def with await, or a plain def (run on the thread pool's 40 threads), keep the server
answering. The three endpoints are the ones ``webserver.py`` predicts for N requests at
once, and the thread pool's limit shows past 40."""

from __future__ import annotations

import inspect
import textwrap

import pytest
from learner_days import play_code, unmet  # tests/shop/learner_days.py

from game.shop import learner, server, webserver
from game.shop.levels import level_named, play

LEVEL = "def-or-async-def"
HEAD = "from fastapi import FastAPI\nfrom kitchen import get_burgers, get_burgers_sync\n\n"


def endpoint(body: str, head: str = "async def read_burgers():", route: bool = True) -> str:
    return (
        HEAD
        + "app = FastAPI()\n\n"
        + ("@app.get('/burgers')\n" if route else "")
        + head
        + "\n"
        + textwrap.indent(textwrap.dedent(body), "    ")
    )


RIGHT = {
    "async def, await get_burgers": endpoint("burgers = await get_burgers(2)\nreturn burgers\n"),
    "plain def: FastAPI runs it on a thread": endpoint(
        "return get_burgers_sync(2)\n", head="def read_burgers():"
    ),
    "plain def with time.sleep first": "import time\n"
    + endpoint("time.sleep(1)\nreturn get_burgers_sync(2)\n", head="def read_burgers():"),
    "async def, the blocking call sent to a thread": endpoint(
        "return await asyncio.to_thread(get_burgers_sync, 2)\n"
    ),
    "async def, run_in_executor, no route but the name": endpoint(
        "loop = asyncio.get_running_loop()\n"
        "return await loop.run_in_executor(None, get_burgers_sync, 2)\n",
        route=False,
    ),
}
HELD = {"loop-free"}
WRONG = {
    "async def with the blocking call": (endpoint("return get_burgers_sync(2)\n"), HELD),
    "async def, time.sleep before the await": (
        "import time\n" + endpoint("time.sleep(3)\nreturn await get_burgers(2)\n"),
        HELD,
    ),
    "async def, get_burgers without await": (
        endpoint("burgers = get_burgers(2)\nreturn burgers\n"),
        {"runs", "everyone-served"},
    ),
    "plain def, get_burgers without await": (
        endpoint("return get_burgers(2)\n", head="def read_burgers():"),
        {"runs", "everyone-served"},
    ),
    "an answer that is not burgers": (
        endpoint("await asyncio.sleep(8)\nreturn {'burgers': 2}\n"),
        {"runs", "everyone-served"},
    ),
}


@pytest.mark.parametrize("fix", list(RIGHT))
def test_await_or_plain_def_keeps_the_server_answering(fix: str) -> None:
    result = play_code(LEVEL, RIGHT[fix])
    assert result.solved, unmet(result)
    assert result.figures["never_served"] == 0
    assert result.figures["longest_block"] == 0.0


@pytest.mark.parametrize("fix", list(WRONG))
def test_blocking_or_unawaited_endpoints_do_not(fix: str) -> None:
    code, goals = WRONG[fix]
    result = play_code(LEVEL, code)
    assert not result.solved
    why = unmet(result)
    assert set(why) == goals, why
    if "loop-free" in why:
        assert "the loop was held for" in why["loop-free"]
    if "runs" in why:
        assert "GET /burgers #" in why["runs"]
        assert "not burgers" in why["runs"] or "not the burgers" in why["runs"], why


def test_a_coroutine_returned_is_never_awaited_as_python_says() -> None:
    result = play_code(LEVEL, WRONG["async def, get_burgers without await"][0])
    assert any("coroutine 'get_burgers' was never awaited" in s for s in result.python_said)


@pytest.mark.parametrize(("fixed", "solved"), [(False, False), (True, True)])
def test_headless_broken_and_fixed(fixed: bool, solved: bool) -> None:
    result = play(LEVEL, fixed)
    assert result.solved is solved
    assert result.outcome.never_served == 0
    assert result.problems == []
    assert (result.outcome.blocked_seconds > 60) is not fixed


def test_the_starting_code_is_fastapi_shaped() -> None:
    code = learner.starting_code(level_named(LEVEL))
    assert "from fastapi import FastAPI" in code
    assert '@app.get("/burgers")\nasync def read_burgers():' in code
    assert "get_burgers_sync(2)" in code


def test_an_endpoint_is_needed() -> None:
    compiled = learner.compile_level_code(level_named(LEVEL), HEAD + "app = FastAPI()\n")
    assert not compiled.ok
    assert "read_burgers" in compiled.errors[0].message


def test_the_41st_request_waits_for_a_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """The thread pool's limit, in the level's own server: with a pool of 1 thread a
    request that comes while another cooks waits for it, as request 41 does with FastAPI's
    40 (one cashier reads requests too slowly for 40 to pile up in the shop)."""
    monkeypatch.setattr(webserver, "POOL", 1)
    plain = play_code(LEVEL, RIGHT["plain def: FastAPI runs it on a thread"])
    monkeypatch.setattr(webserver, "POOL", 40)
    roomy = play_code(LEVEL, RIGHT["plain def: FastAPI runs it on a thread"])
    assert plain.solved and roomy.solved
    assert plain.figures["mean_wait"] > roomy.figures["mean_wait"]


def test_the_note_says_what_the_model_predicts() -> None:
    """The level's note quotes 50 requests at once, 8 s each: the three endpoints' totals."""
    totals = {e: webserver.predict(e, 50, 8.0).total for e in webserver.ENDPOINTS}
    assert totals == {"await": 8.0, "thread": 16.0, "blocking": 400.0}
    note = level_named(LEVEL).note
    assert "in 8 s" in note and "in 16 s" in note and "in 400 s" in note
    assert "41 to 50" in note and webserver.POOL == 40


def test_get_burgers_outside_a_request_says_so() -> None:
    with pytest.raises(RuntimeError, match="belongs to a request"):
        server.get_burgers_sync(2)


def test_the_server_runs_each_endpoint_where_fastapi_does() -> None:
    """FastAPI's own choice for each endpoint of these tests (awaited on the loop, or run
    on the thread pool) is the level's server's; and the pool is AnyIO's 40 threads."""
    models = pytest.importorskip("fastapi.dependencies.models")
    anyio = pytest.importorskip("anyio")
    level = level_named(LEVEL)
    for code in [*RIGHT.values(), *(code for code, _goals in WRONG.values())]:
        compiled = learner.compile_level_code(level, "import asyncio\n" + code)
        fn = compiled.functions["endpoint"]
        assert models._is_coroutine_callable(fn) is inspect.iscoroutinefunction(fn), code

    async def pool_size() -> float:
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    assert anyio.run(pool_size) == webserver.POOL == 40
