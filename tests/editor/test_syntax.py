"""Colouring by tokenize that never breaks on unfinished code, and the compile-only check."""

from __future__ import annotations

import pytest

from game.editor import syntax
from game.editor.syntax import Problem, Span, check, spans


def kinds(line: str, coloured: list[Span]) -> dict[str, str]:
    """Each coloured stretch's text -> its kind (stretches to the line's end cut there)."""
    return {line[s.start : s.end]: s.kind for s in coloured}


def test_a_finished_actor_is_coloured_by_tokenize() -> None:
    lines = [
        "async def cook(shop, me):",
        '    """Cooks in turn."""',
        "    while True:",
        "        order = await me.next_order(shop.kitchen)  # the rail",
        "        print(len(order), 3.5, 'x')",
    ]
    out = spans(lines)
    assert kinds(lines[0], out[0]) == {
        "async": syntax.ASYNC,
        "def": syntax.KEYWORD,
        "cook": syntax.DEFINED,
        "(": syntax.OP,
        ",": syntax.OP,
        ")": syntax.OP,
        ":": syntax.OP,
    }
    assert kinds(lines[1], out[1]) == {'"""Cooks in turn."""': syntax.STRING}
    got = kinds(lines[3], out[3])
    assert got["await"] == syntax.ASYNC
    assert got["next_order"] == syntax.CALL
    assert got["# the rail"] == syntax.COMMENT
    assert "kitchen" not in got  # a plain name: no colour
    got = kinds(lines[4], out[4])
    assert got["print"] == syntax.BUILTIN and got["len"] == syntax.BUILTIN
    assert got["3.5"] == syntax.NUMBER and got["'x'"] == syntax.STRING


def test_a_string_over_several_lines_is_string_on_each() -> None:
    lines = ['x = """one', "two", 'three""" + y']
    out = spans(lines)
    assert out[1] == [Span(0, 1 << 30, syntax.STRING)]
    assert kinds(lines[2], out[2])['three"""'] == syntax.STRING


@pytest.mark.parametrize(
    "text",
    [
        'x = "never closed\ny = 2',
        'x = """never closed\ny = 2\nz = 3',
        "await gather(\n    a(),\n",
        "if x:\n        a\n    b\n",
        "x = 'it''s",
        "def f(:\n  )]}\n",
        "\\",
        "x = 1 \\\n",
        "@\n$ ? `",
        "f'{x'\n",
        '"""',
        "",
    ],
)
def test_unfinished_code_never_raises_and_colours_every_line(text: str) -> None:
    lines = text.split("\n")
    out = spans(lines)
    assert len(out) == len(lines)
    for line, coloured in zip(lines, out, strict=True):
        for span in coloured:
            assert 0 <= span.start <= len(line) and span.start < span.end


def test_a_string_never_closed_is_string_to_the_end_of_its_line() -> None:
    lines = ['x = "never closed', "y = 2"]
    out = spans(lines)
    assert Span(4, 1 << 30, syntax.STRING) in out[0]
    assert kinds(lines[1], out[1])["2"] == syntax.NUMBER  # the next line is code again


def test_lines_after_an_open_triple_quote_are_string() -> None:
    lines = ["a = 1", 'x = """never closed', "y = 2", 'done""" ; b = 3']
    out = spans(lines)
    assert kinds(lines[0], out[0])["1"] == syntax.NUMBER
    assert kinds(lines[2], out[2]) == {"y = 2": syntax.STRING}
    assert kinds(lines[3], out[3])['done"""'] == syntax.STRING


def test_lines_after_a_bad_dedent_are_still_coloured() -> None:
    lines = ["if x:", "        a = 1", "    b = await c()", "d = 'q'"]
    out = spans(lines)
    assert kinds(lines[2], out[2])["await"] == syntax.ASYNC
    assert kinds(lines[3], out[3])["'q'"] == syntax.STRING


def test_check_finds_nothing_in_good_code() -> None:
    assert check("async def f():\n    await g()\n") is None


def test_check_marks_the_line_and_column_of_a_syntax_error() -> None:
    problem = check("async def f():\n    x = = 1\n")
    assert isinstance(problem, Problem)
    assert problem.line == 2 and problem.col == 8
    assert problem.message == "invalid syntax"


def test_check_knows_await_outside_async_def() -> None:
    problem = check("def f():\n    await g()\n")
    assert problem is not None and problem.line == 2
    assert "await" in problem.message


def test_check_knows_bad_indentation() -> None:
    problem = check("if x:\n        a\n    b\n")
    assert problem is not None and problem.line == 3
    assert "indent" in problem.message


def test_check_compiles_and_never_runs() -> None:
    assert check("raise SystemExit(3)\nimport sys\nsys.exit(1)\n") is None


def test_check_on_a_null_byte_is_a_problem_not_a_crash() -> None:
    problem = check("x = 1\x00\n")
    assert problem is not None and problem.line >= 1
