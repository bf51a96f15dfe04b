"""Python colouring by the stdlib ``tokenize``, and the syntax check made before anything runs.

Code being typed is unfinished most of the time: an open bracket, a string not yet closed,
an indent half-way. ``tokenize`` stops at such places (which ones depends on the Python
version); the lines it did not reach are coloured by a small scanner of our own, line by
line, so colouring never raises and never waits for the code to be right.
"""

from __future__ import annotations

import builtins
import io
import keyword
import re
import token
import tokenize
from collections.abc import Sequence
from dataclasses import dataclass

ASYNC_WORDS = frozenset({"async", "await"})  # the lesson's own words: a colour of their own
KEYWORDS = frozenset(keyword.kwlist) - ASYNC_WORDS
BUILTINS = frozenset(name for name in dir(builtins) if not name.startswith("_")) - KEYWORDS
DEFINES = frozenset({"def", "class"})

# kinds a span can be (the panel's palette has one colour for each)
PLAIN, KEYWORD, ASYNC, BUILTIN, STRING, COMMENT, NUMBER, DEFINED, CALL, OP = (
    "plain",
    "keyword",
    "async",
    "builtin",
    "string",
    "comment",
    "number",
    "defined",
    "call",
    "op",
)


@dataclass(frozen=True)
class Span:
    """Columns ``start``..``end`` of one line are of ``kind``."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True)
class Problem:
    """Where the code cannot even be compiled: 1-based ``line``, 0-based ``col``."""

    line: int
    col: int
    message: str
    end_col: int | None = None  # where the marked stretch ends, when Python says


def check(text: str, filename: str = "<level>") -> Problem | None:
    """Python's own verdict on the text (compiled, never run): None when it compiles."""
    try:
        compile(text, filename, "exec", dont_inherit=True)
    except SyntaxError as error:
        line = error.lineno or 1
        col = max(0, (error.offset or 1) - 1)
        end = None
        if getattr(error, "end_lineno", None) == line and error.end_offset:
            end = max(col + 1, error.end_offset - 1)
        return Problem(line, col, error.msg or "invalid syntax", end)
    except ValueError as error:  # a null byte, on older Pythons
        return Problem(1, 0, str(error))
    return None


def spans(lines: Sequence[str]) -> list[list[Span]]:
    """Each line's coloured stretches, in order (stretches not given are plain)."""
    out: list[list[Span]] = [[] for _ in lines]
    tokens: list[tokenize.TokenInfo] = []
    reached = 0  # how many lines tokenize finished
    source = io.StringIO("\n".join(lines) + "\n")
    try:
        for tok in tokenize.generate_tokens(source.readline):
            tokens.append(tok)
    except (tokenize.TokenError, SyntaxError):
        # tokens of a line the tokenizer broke off in may be missing: scan that line again
        reached = max(0, min(tokens[-1].start[0] - 1, len(lines)) if tokens else 0)
        while tokens and tokens[-1].start[0] > reached:
            tokens.pop()
    else:
        reached = len(lines)
    _colour_tokens(tokens, out, len(lines))
    if reached < len(lines):
        _scan(lines, reached, out)
    return out


def _colour_tokens(tokens: list[tokenize.TokenInfo], out: list[list[Span]], count: int) -> None:
    meaningful = [t for t in tokens if t.type not in _LAYOUT]
    open_string: dict[int, int] = {}  # row: where a string never closed starts
    for i, tok in enumerate(meaningful):
        row = tok.start[0]
        if row in open_string:
            continue
        if tok.type == token.ERRORTOKEN and tok.string.lstrip()[:1] in ("'", '"'):
            open_string[row] = tok.start[1]  # a quote never closed: string to the line's end
            out[row - 1].append(Span(tok.start[1], 1 << 30, STRING))
            continue
        kind = _kind_of(tok, meaningful[i - 1] if i else None, meaningful[i + 1 : i + 2])
        if kind == PLAIN:
            continue
        (row, col), (end_row, end_col) = tok.start, tok.end
        for r in range(row, min(end_row, count) + 1):
            start = col if r == row else 0
            stop = end_col if r == end_row else 1 << 30
            out[r - 1].append(Span(start, stop, kind))


_LAYOUT = frozenset({token.NEWLINE, token.NL, token.INDENT, token.DEDENT, token.ENDMARKER})


def _kind_of(
    tok: tokenize.TokenInfo, before: tokenize.TokenInfo | None, after: list[tokenize.TokenInfo]
) -> str:
    if tok.type == token.COMMENT:
        return COMMENT
    if tok.type == token.STRING or tok.type in _STRING_PARTS:
        return STRING
    if tok.type == token.NUMBER:
        return NUMBER
    if tok.type == token.OP:
        return OP
    if tok.type == token.NAME:
        called = bool(after) and after[0].string == "("
        return _name_kind(tok.string, before.string if before else "", called)
    return PLAIN


# Python 3.12 cuts f-strings into parts; the parts are string too
_STRING_PARTS = frozenset(
    getattr(token, name)
    for name in ("FSTRING_START", "FSTRING_MIDDLE", "FSTRING_END")
    if hasattr(token, name)
)


def _name_kind(name: str, before: str, called: bool) -> str:
    if name in ASYNC_WORDS:
        return ASYNC
    if name in KEYWORDS:
        return KEYWORD
    if before in DEFINES:
        return DEFINED
    if called:
        return BUILTIN if name in BUILTINS and before != "." else CALL
    if name in BUILTINS and before != ".":
        return BUILTIN
    return PLAIN


_SCAN = re.compile(
    r"(?P<comment>#.*)"
    r"|(?P<string>(?:[rRbBfFuU]{1,2})?(?P<q>\"\"\"|'''|\"|')(?:\\.|(?!(?P=q)).)*(?:(?P=q))?)"
    r"|(?P<number>\b\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?[jJ]?)"
    r"|(?P<name>[^\W\d]\w*)"
    r"|(?P<op>[^\s\w])"
)


def _scan(lines: Sequence[str], first: int, out: list[list[Span]]) -> None:
    """Colour lines ``first``.. with a scanner that knows strings, comments, numbers and
    names, and carries an open triple-quoted string from line to line."""
    open_quote = ""
    for n in range(first, len(lines)):
        text, col = lines[n], 0
        if open_quote:
            close = text.find(open_quote)
            if close < 0:
                out[n].append(Span(0, len(text), STRING))
                continue
            col = close + 3
            out[n].append(Span(0, col, STRING))
            open_quote = ""
        previous, words = "", []
        for match in _SCAN.finditer(text, col):
            kind = match.lastgroup if match.lastgroup != "q" else "string"
            start, end = match.span()
            if kind == "string":
                quote = match.group("q")
                body = match.group("string")
                closed = len(body) >= 2 * len(quote) + _prefix(body) and body.endswith(quote)
                if len(quote) == 3 and not closed:
                    open_quote = quote
                words.append(Span(start, end, STRING))
            elif kind == "name":
                called = text[end:].lstrip().startswith("(")
                kind = _name_kind(match.group(), previous, called)
                if kind != PLAIN:
                    words.append(Span(start, end, kind))
                previous = match.group()
                continue
            else:
                words.append(Span(start, end, {"comment": COMMENT, "number": NUMBER}.get(kind, OP)))
            previous = match.group()
        out[n].extend(words)


def _prefix(body: str) -> int:
    return len(body) - len(body.lstrip("rRbBfFuU"))
