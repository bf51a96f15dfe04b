"""The editor's text as lines, a cursor and a selection, with the edits a code editor makes.

Pure Python, no pygame, so every key a learner presses is a method tested on its own: the
panel maps keys and mouse to these calls and draws what they leave. Positions are
``Pos(line, col)``, both 0-based, ``col`` counted in characters. The selection runs from
``anchor`` to ``cursor`` (either way round); without one ``anchor`` is None.

Undo keeps whole snapshots (a level's actor is a few dozen lines): typing a word, a run of
backspaces or deletes each coalesce into one step, and any move starts a new one. Tabs
become spaces when text comes in (indentation is Python's grammar: one kind of blank).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

INDENT = 4
UNDO_LIMIT = 500
OPENERS = ("(", "[", "{")
ENDS_BLOCK = ("return", "pass", "break", "continue", "raise")


@dataclass(frozen=True, order=True)
class Pos:
    line: int
    col: int


class Clipboard(Protocol):
    """Where copy puts text and paste gets it (the system's, or one in memory)."""

    def get(self) -> str: ...

    def put(self, text: str) -> None: ...


class MemoryClipboard:
    """A clipboard of our own, for tests and where the system has none."""

    def __init__(self, text: str = "") -> None:
        self.text = text

    def get(self) -> str:
        return self.text

    def put(self, text: str) -> None:
        self.text = text


@dataclass(frozen=True)
class _State:
    lines: tuple[str, ...]
    cursor: Pos
    anchor: Pos | None


def clean(text: str) -> str:
    """One kind of line end, no tabs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.expandtabs(INDENT) for line in text.split("\n"))


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _code_part(line: str) -> str:
    """The line without its comment (a ``#`` outside a string), right-stripped."""
    quote = ""
    i = 0
    while i < len(line):
        ch = line[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            return line[:i].rstrip()
        i += 1
    return line.rstrip()


class Buffer:
    """Lines of text, the cursor and the selection, undo and redo, and the clipboard."""

    def __init__(self, text: str = "", clipboard: Clipboard | None = None) -> None:
        self.clipboard: Clipboard = clipboard if clipboard is not None else MemoryClipboard()
        self.page = 20  # lines a page up/down moves: the panel sets how many it shows
        self.version = 0  # goes up with every change of the text (the panel's caches)
        self.set_text(text)

    # -- the text ---------------------------------------------------------------------------
    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def set_text(self, text: str) -> None:
        """New text, the cursor at its start, nothing to undo."""
        self.lines: list[str] = clean(text).split("\n")
        self.cursor = Pos(0, 0)
        self.anchor: Pos | None = None
        self.goal: int | None = None  # the column up/down aim for
        self._undo: list[_State] = []
        self._redo: list[_State] = []
        self._kind: str | None = None  # the last edit, while it may still coalesce
        self._line_copy = ""  # a whole line copied without a selection (pasted above)
        self.version += 1

    def line(self, n: int) -> str:
        return self.lines[n]

    def clamp(self, pos: Pos) -> Pos:
        line = min(max(pos.line, 0), len(self.lines) - 1)
        return Pos(line, min(max(pos.col, 0), len(self.lines[line])))

    @property
    def end(self) -> Pos:
        return Pos(len(self.lines) - 1, len(self.lines[-1]))

    # -- selection --------------------------------------------------------------------------
    def selection(self) -> tuple[Pos, Pos] | None:
        """(start, end) in text order, or None when nothing is selected."""
        if self.anchor is None or self.anchor == self.cursor:
            return None
        return min(self.anchor, self.cursor), max(self.anchor, self.cursor)

    def selected_text(self) -> str:
        sel = self.selection()
        return self.between(*sel) if sel else ""

    def between(self, start: Pos, end: Pos) -> str:
        if start.line == end.line:
            return self.lines[start.line][start.col : end.col]
        parts = [self.lines[start.line][start.col :]]
        parts += self.lines[start.line + 1 : end.line]
        parts.append(self.lines[end.line][: end.col])
        return "\n".join(parts)

    def select_all(self) -> None:
        self.anchor, self.cursor = Pos(0, 0), self.end
        self._stop()

    def select(self, anchor: Pos, cursor: Pos) -> None:
        self.anchor, self.cursor = self.clamp(anchor), self.clamp(cursor)
        self._stop()

    def word_at(self, pos: Pos) -> tuple[Pos, Pos]:
        """The word (or run of the same kind of character) around ``pos``."""
        pos = self.clamp(pos)
        text = self.lines[pos.line]
        if not text:
            return pos, pos
        col = pos.col
        if col == len(text) or (col > 0 and not is_word(text[col]) and is_word(text[col - 1])):
            col -= 1  # just after a word: that word
        kind = _kind(text[col])
        start = col
        while start > 0 and _kind(text[start - 1]) == kind:
            start -= 1
        end = col + 1
        while end < len(text) and _kind(text[end]) == kind:
            end += 1
        return Pos(pos.line, start), Pos(pos.line, end)

    def select_word(self, pos: Pos) -> None:
        """A double click: the word under it."""
        start, end = self.word_at(pos)
        self.select(start, end)

    def select_line(self, line: int) -> None:
        """A triple click: the whole line (and its line end)."""
        line = min(max(line, 0), len(self.lines) - 1)
        end = Pos(line + 1, 0) if line + 1 < len(self.lines) else Pos(line, len(self.lines[line]))
        self.select(Pos(line, 0), end)

    # -- moving -----------------------------------------------------------------------------
    def place(self, pos: Pos, select: bool = False) -> None:
        """Put the cursor at ``pos`` (a click), extending the selection if ``select``."""
        self._move_to(self.clamp(pos), select)

    def move(self, where: str, select: bool = False) -> None:
        """left, right, up, down, home, end, word_left, word_right, page_up, page_down,
        top, bottom: the cursor keys (with shift: ``select``)."""
        sel = self.selection()
        if sel is not None and not select and where in ("left", "right"):
            self._move_to(sel[0] if where == "left" else sel[1], False)
            return
        c = self.cursor
        keep_goal = where in ("up", "down", "page_up", "page_down")
        if where == "left":
            before = Pos(c.line - 1, 1 << 30) if c.line else c  # the line above's end
            target = Pos(c.line, c.col - 1) if c.col else before
        elif where == "right":
            at_end = c.col >= len(self.lines[c.line])
            target = (
                Pos(c.line + 1, 0)
                if at_end and c.line + 1 < len(self.lines)
                else Pos(c.line, c.col + 1)
            )
        elif where in ("up", "down", "page_up", "page_down"):
            step = {"up": -1, "down": 1, "page_up": -self.page, "page_down": self.page}[where]
            goal = self.goal if self.goal is not None else c.col
            line = c.line + step
            if line < 0:
                target = Pos(0, 0)
            elif line >= len(self.lines):
                target = self.end
            else:
                target = Pos(line, goal)
            self._move_to(self.clamp(target), select)
            self.goal = goal
            return
        elif where == "home":
            indent = indent_of(self.lines[c.line])
            target = Pos(c.line, 0 if c.col == indent else indent)
        elif where == "end":
            target = Pos(c.line, len(self.lines[c.line]))
        elif where == "word_left":
            target = self._word_left(c)
        elif where == "word_right":
            target = self._word_right(c)
        elif where == "top":
            target = Pos(0, 0)
        elif where == "bottom":
            target = self.end
        else:
            raise ValueError(f"no such move: {where!r}")
        self._move_to(self.clamp(target), select)
        if not keep_goal:
            self.goal = None

    def _move_to(self, pos: Pos, select: bool) -> None:
        if select:
            if self.anchor is None:
                self.anchor = self.cursor
        else:
            self.anchor = None
        self.cursor = pos
        self.goal = None
        self._stop()

    def _word_left(self, c: Pos) -> Pos:
        if c.col == 0:
            return Pos(c.line - 1, 1 << 30) if c.line else c
        text, col = self.lines[c.line], c.col
        while col > 0 and text[col - 1] == " ":
            col -= 1
        if col > 0:
            kind = _kind(text[col - 1])
            while col > 0 and _kind(text[col - 1]) == kind:
                col -= 1
        return Pos(c.line, col)

    def _word_right(self, c: Pos) -> Pos:
        text, col = self.lines[c.line], c.col
        if col >= len(text):
            return Pos(c.line + 1, 0) if c.line + 1 < len(self.lines) else c
        kind = _kind(text[col])
        if kind != "space":
            while col < len(text) and _kind(text[col]) == kind:
                col += 1
        while col < len(text) and text[col] == " ":
            col += 1
        return Pos(c.line, col)

    # -- editing ----------------------------------------------------------------------------
    def type(self, text: str) -> None:
        """Typed characters (pygame's text input): one undo step per word typed."""
        if not text:
            return
        text = clean(text)
        last = self.lines[self.cursor.line][self.cursor.col - 1 : self.cursor.col]
        new_word = last == " " and not text.isspace()
        self._record("type", coalesce="\n" not in text and not new_word)
        self._replace_selection(text)

    def insert(self, text: str) -> None:
        """Text put in as one step (a paste): it replaces the selection."""
        self._record("insert", coalesce=False)
        self._replace_selection(clean(text))

    def newline(self) -> None:
        """ENTER: a new line at the same indent, one more after ``:`` or an open bracket,
        one less after ``return``, ``pass``, ``break``, ``continue`` or ``raise``."""
        self._record("newline", coalesce=False)
        sel = self.selection()
        if sel:
            self.cursor, self.anchor = self._replace(*sel, ""), None
        c = self.cursor
        text = self.lines[c.line]
        before, after = text[: c.col], text[c.col :]
        depth = min(indent_of(text), c.col)
        code = _code_part(before)
        if code.endswith(":") or code.endswith(OPENERS):
            depth += INDENT
        elif code.strip().split(" ")[0] in ENDS_BLOCK:
            depth = max(0, depth - INDENT)
        if not before.strip():
            before = ""  # a line of only blanks keeps none
        self.lines[c.line : c.line + 1] = [before, " " * depth + after.lstrip(" ")]
        self.cursor = Pos(c.line + 1, depth)
        self._changed()

    def backspace(self, word: bool = False) -> None:
        """Delete the selection, or back to the last indent stop in leading blanks, or the
        character (``word``: the word) before the cursor."""
        if self._delete_selection("backspace"):
            return
        c = self.cursor
        if c == Pos(0, 0):
            return
        text = self.lines[c.line]
        if word:
            start = self._word_left(c)
        elif c.col and not text[: c.col].strip():
            start = Pos(c.line, (c.col - 1) // INDENT * INDENT)
        elif c.col:
            start = Pos(c.line, c.col - 1)
        else:
            start = Pos(c.line - 1, len(self.lines[c.line - 1]))
        self._record("backspace", coalesce=not word)
        self.cursor = self._replace(self.clamp(start), c, "")
        self._changed()

    def delete(self, word: bool = False) -> None:
        """Delete the selection, or the character (``word``: the word) after the cursor."""
        if self._delete_selection("delete"):
            return
        c = self.cursor
        if c == self.end:
            return
        end = (
            self._word_right(c)
            if word
            else self.clamp(
                Pos(c.line, c.col + 1) if c.col < len(self.lines[c.line]) else Pos(c.line + 1, 0)
            )
        )
        self._record("delete", coalesce=not word)
        self.cursor = self._replace(c, end, "")
        self._changed()

    def tab(self) -> None:
        """TAB: spaces to the next indent stop, or every selected line one indent in."""
        sel = self.selection()
        if sel and sel[0].line != sel[1].line:
            self._shift_lines(INDENT)
            return
        self._record("tab", coalesce=False)
        col = (sel[0] if sel else self.cursor).col
        self._replace_selection(" " * (INDENT - col % INDENT))

    def dedent(self) -> None:
        """SHIFT+TAB: the cursor's line (or every selected line) one indent out."""
        self._shift_lines(-INDENT)

    def toggle_comment(self) -> None:
        """CTRL+/: comment the cursor's line (or the selected lines) out, or back in."""
        rows = self._rows()
        texts = [self.lines[n] for n in rows if self.lines[n].strip()]
        if not texts:
            return
        self._record("comment", coalesce=False)
        uncomment = all(t.lstrip().startswith("#") for t in texts)
        depth = min(indent_of(t) for t in texts)
        for n in rows:
            text = self.lines[n]
            if not text.strip():
                continue
            if uncomment:
                at = text.index("#")
                cut = 2 if text[at + 1 : at + 2] == " " else 1
                self.lines[n] = text[:at] + text[at + cut :]
                self._shift_marks(n, at, -cut)
            else:
                self.lines[n] = text[:depth] + "# " + text[depth:]
                self._shift_marks(n, depth, 2)
        self.goal = None
        self.version += 1

    # -- clipboard --------------------------------------------------------------------------
    def copy(self) -> None:
        """The selection, or the whole line when nothing is selected."""
        text = self.selected_text()
        if not text:
            text = self.lines[self.cursor.line] + "\n"
            self._line_copy = text
        else:
            self._line_copy = ""
        self.clipboard.put(text)

    def cut(self) -> None:
        self.copy()
        if self._delete_selection("cut"):
            return
        self._record("cut", coalesce=False)  # the whole line goes
        n = self.cursor.line
        if len(self.lines) == 1:
            self.lines[0] = ""
        else:
            del self.lines[n]
        self.cursor = self.clamp(Pos(n, self.cursor.col))
        self._changed()

    def paste(self) -> None:
        """The clipboard's text at the cursor (a whole copied line: above the cursor's)."""
        text = self.clipboard.get()
        if not text:
            return
        if text == self._line_copy and self.selection() is None:
            self._record("paste", coalesce=False)
            c = self.cursor
            self._replace(Pos(c.line, 0), Pos(c.line, 0), clean(text))
            self.cursor = Pos(c.line + text.count("\n"), c.col)
            self._changed()
            return
        self.insert(text)

    # -- undo -------------------------------------------------------------------------------
    def undo(self) -> None:
        if not self._undo:
            return
        self._redo.append(self._state())
        self._restore(self._undo.pop())

    def redo(self) -> None:
        if not self._redo:
            return
        self._undo.append(self._state())
        self._restore(self._redo.pop())

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    # -- inside -----------------------------------------------------------------------------
    def _state(self) -> _State:
        return _State(tuple(self.lines), self.cursor, self.anchor)

    def _restore(self, state: _State) -> None:
        self.lines = list(state.lines)
        self.cursor, self.anchor = state.cursor, state.anchor
        self._kind = None
        self.goal = None
        self.version += 1

    def _record(self, kind: str, coalesce: bool) -> None:
        """Keep the text as it is now for undo, unless this edit continues the last one."""
        if not (coalesce and self._kind == kind and self.selection() is None):
            self._undo.append(self._state())
            del self._undo[:-UNDO_LIMIT]
        self._redo.clear()
        self._kind = kind

    def _stop(self) -> None:
        """A move: the next edit is a step of its own."""
        self._kind = None

    def _changed(self) -> None:
        self.anchor = None
        self.goal = None
        self.version += 1

    def _replace(self, start: Pos, end: Pos, text: str) -> Pos:
        """Put ``text`` where ``start``..``end`` was; the position just after it."""
        before = self.lines[start.line][: start.col]
        after = self.lines[end.line][end.col :]
        new = text.split("\n")
        new[0] = before + new[0]
        col = len(new[-1])
        new[-1] += after
        self.lines[start.line : end.line + 1] = new
        return Pos(start.line + len(new) - 1, col)

    def _replace_selection(self, text: str) -> None:
        sel = self.selection() or (self.cursor, self.cursor)
        self.cursor = self._replace(*sel, text)
        self._changed()

    def _delete_selection(self, kind: str) -> bool:
        sel = self.selection()
        if sel is None:
            return False
        self._record(kind, coalesce=False)
        self.cursor = self._replace(*sel, "")
        self._changed()
        return True

    def _rows(self) -> range:
        """The lines a line-wise edit acts on: the selected ones (a selection ending at a
        line's start leaves that line out), or the cursor's."""
        sel = self.selection()
        if sel is None:
            return range(self.cursor.line, self.cursor.line + 1)
        start, end = sel
        last = end.line - 1 if end.col == 0 and end.line > start.line else end.line
        return range(start.line, last + 1)

    def _shift_lines(self, by: int) -> None:
        rows = self._rows()
        if by < 0 and not any(indent_of(self.lines[n]) for n in rows):
            return
        self._record("indent", coalesce=False)
        for n in rows:
            text = self.lines[n]
            if by > 0:
                if text.strip():
                    self.lines[n] = " " * by + text
                    self._shift_marks(n, 0, by)
            else:
                depth = indent_of(text)
                cut = (depth - 1) % INDENT + 1 if depth else 0
                self.lines[n] = text[cut:]
                self._shift_marks(n, 0, -cut)
        self.goal = None
        self.version += 1

    def _shift_marks(self, line: int, at: int, by: int) -> None:
        """Keep the cursor and anchor on their characters when a line gains or loses
        ``by`` characters at column ``at``."""

        def moved(pos: Pos) -> Pos:
            if pos.line != line or pos.col < at or (by > 0 and pos.col == at):
                return pos
            return Pos(line, max(at, pos.col + by))

        self.cursor = moved(self.cursor)
        if self.anchor is not None:
            self.anchor = moved(self.anchor)


def _kind(ch: str) -> str:
    if ch == " ":
        return "space"
    return "word" if is_word(ch) else "mark"
