"""A real FastAPI server on 127.0.0.1, timed with httpx, next to the game's prediction."""

from __future__ import annotations

import json

import pytest

from game.app import realdemo, serverdemo

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
pytest.importorskip("httpx")


def test_the_real_server_agrees_with_the_game_on_small_numbers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    requests, wait = 6, 0.05
    argv = ["--server", "--requests", str(requests), "--wait", str(wait), "--json"]
    assert realdemo.main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["host"] == "127.0.0.1" and data["requests"] == requests
    rows = {row["endpoint"]: row for row in data["endpoints"]}
    assert list(rows) == ["/burgers/await", "/burgers/blocking", "/burgers/thread"]
    awaited, blocking, thread = (rows[name] for name in rows)
    for row in rows.values():
        assert row["real"]["requests"] == requests and row["lesson"]
        assert row["real"]["total"] >= wait * 0.9  # nobody answers before the wait
    # the game's figures are exact; the real ones carry this machine's overhead
    assert awaited["game"]["total"] == pytest.approx(wait)
    assert blocking["game"]["total"] == pytest.approx(requests * wait)
    assert blocking["real"]["total"] >= requests * wait * 0.9  # served one by one
    assert awaited["real"]["total"] < blocking["real"]["total"]
    assert thread["real"]["total"] < blocking["real"]["total"]
    assert "time.sleep(0.05)" in blocking["code"] and "async def" in blocking["code"]
    assert "def read_burgers():" in thread["code"] and "async" not in thread["code"].split("\n")[1]


def test_the_table_puts_real_next_to_game_with_a_lesson_each() -> None:
    row = {"p50": 0.2, "p95": 0.2, "total": 0.2, "requests": 2, "endpoint": "await"}
    data = {
        "requests": 2,
        "wait": 0.2,
        "endpoints": [
            {"endpoint": "/burgers/await", "real": row, "game": row, "lesson": "it overlaps."}
        ],
    }
    text = serverdemo.report(data)
    assert "2 requests at once" in text and "/burgers/await" in text
    assert text.count("real") >= 1 and "game" in text and "lesson: it overlaps." in text


def test_without_the_extra_one_line_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(serverdemo, "missing", lambda: ["fastapi", "uvicorn"])
    assert realdemo.main(["--server", "--quick"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "fastapi, uvicorn" in err and "[server]" in err


@pytest.mark.parametrize(
    ("argv", "flag"),
    [
        (["--server", "--requests", "0"], "--requests"),
        (["--server", "--requests", "201"], "--requests"),
        (["--server", "--wait", "2"], "--wait"),
        (["--server", "--wait", "nan"], "--wait"),
    ],
)
def test_bad_server_arguments_are_one_line(
    argv: list[str], flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert realdemo.main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and flag in err and "Traceback" not in err
