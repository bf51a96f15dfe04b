"""The editor panel: keys, text input, mouse and the clipboard turned into the buffer's edits.

A scene owns one ``EditorPanel``, ``open``s it on the level's code and draws it where its
code view was; the panel knows nothing of the game around it. While it has focus it takes
every key and typed character (the game's one-key commands wait; the F keys still work,
F5 runs), and ESC gives the keys back. Text comes from pygame's TEXTINPUT events, so
accents, dead keys, other layouts and input methods type what the player sees on the key.

``on_run(text)`` (F5, Ctrl+Enter or the Run button) and ``on_close()`` (ESC) are how the
scene hears about it; ``mark_syntax`` and ``mark_error`` show what went wrong, where.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import pygame

from ..editor.buffer import Buffer, Clipboard, MemoryClipboard, Pos
from ..editor.syntax import Problem, check
from ..view.editor_view import EditorView, Mark

DOUBLE_CLICK_MS = 400
BLINK = 0.53  # seconds the cursor is on, then off
WHEEL_LINES = 3
KEY_REPEAT = (400, 33)  # ms before a held key repeats, ms between repeats
DRAG_LINES = 20  # lines a second a drag past the text's edge scrolls
MOVES = {
    pygame.K_LEFT: ("left", "word_left"),
    pygame.K_RIGHT: ("right", "word_right"),
    pygame.K_UP: ("up", "up"),
    pygame.K_DOWN: ("down", "down"),
    pygame.K_HOME: ("home", "top"),
    pygame.K_END: ("end", "bottom"),
    pygame.K_PAGEUP: ("page_up", "page_up"),
    pygame.K_PAGEDOWN: ("page_down", "page_down"),
}
PASSED_ON = frozenset(getattr(pygame, f"K_F{n}") for n in range(1, 13)) - {pygame.K_F5}
ENTER = (pygame.K_RETURN, pygame.K_KP_ENTER)


class SystemClipboard:
    """The desktop's clipboard (SDL's, through ``pygame.scrap``); where there is none (a
    browser, a display-less machine) a clipboard of the game's own."""

    def __init__(self) -> None:
        self.own = MemoryClipboard()

    def get(self) -> str:
        try:
            if pygame.scrap.has_text():
                return pygame.scrap.get_text()
        except pygame.error:
            pass
        return self.own.get()

    def put(self, text: str) -> None:
        self.own.put(text)
        with contextlib.suppress(pygame.error):  # ours still has it
            pygame.scrap.put_text(text)


def _ctrl(mods: int) -> bool:
    return bool(mods & (pygame.KMOD_CTRL | pygame.KMOD_META))


class EditorPanel:
    """The learner's code in an editor: shown or not (``visible``), taking keys or not
    (``focused``)."""

    def __init__(self, rect: pygame.Rect, clipboard: Clipboard | None = None) -> None:
        self.buffer = Buffer("", clipboard if clipboard is not None else SystemClipboard())
        self.view = EditorView(rect)
        self.title = ""
        self.visible = False
        self.focused = False
        self.marks: list[Mark] = []
        self.status = ""  # one line in the footer when there is no error to show
        self.on_run: Callable[[str], None] | None = None
        self.on_close: Callable[[], None] | None = None
        self.on_reset: Callable[[], str] | None = None  # the starting code, for "Start again"
        self.composing = ""  # what an input method is composing, not typed yet
        self.blink = 0.0
        self.dragging = False
        self._click: tuple[int, Pos, int] = (-(10**6), Pos(-1, -1), 0)  # time, where, count
        self._swallow = ""  # the key that opened the panel, if its character comes after it
        self._checked = -1  # the buffer version the live syntax mark was worked out for
        self._error_text = ""  # the text of the line a run-time error was marked on
        self.hover = (-1, -1)  # where the pointer last moved, on the canvas
        self._drag_debt = 0.0  # lines a drag past the edge owes the scroll

    # -- what the scene calls ------------------------------------------------------------
    @property
    def rect(self) -> pygame.Rect:
        return self.view.rect

    @rect.setter
    def rect(self, value: pygame.Rect) -> None:
        self.view.rect = pygame.Rect(value)

    @property
    def text(self) -> str:
        return self.buffer.text

    def load(self, text: str, title: str = "") -> None:
        """New text (the level's code, or the learner's kept from last time): no marks, no
        undo history, the cursor at the start."""
        self.buffer.set_text(text)
        self.title = title
        self.marks = []
        self.status = ""
        self.view.top = self.view.left = 0

    def open(self, text: str | None = None, title: str | None = None, key: str = "") -> None:
        """Show and focus the panel (on new ``text``, or on what it had). ``key``: the
        character of the key that opened it, if any, so it is not typed too."""
        if text is not None:
            self.load(text, self.title if title is None else title)
        elif title is not None:
            self.title = title
        self.visible = True
        self.focus(key)

    def focus(self, key: str = "") -> None:
        self.focused = True
        self._swallow = key
        self.blink = 0.0
        pygame.key.start_text_input()
        pygame.key.set_text_input_rect(self.view.cursor_rect(self.buffer))
        pygame.key.set_repeat(*KEY_REPEAT)  # a held BACKSPACE or arrow goes on, as in editors

    def blur(self) -> None:
        """Keys go back to the game; the panel stays where it is."""
        if self.focused:
            # ends an input method's half-composed word; then text input goes back on, as
            # SDL starts it: the game's keys read typed characters (a "+" on any layout)
            pygame.key.stop_text_input()
            pygame.key.start_text_input()
            pygame.key.set_repeat(0)  # the game's keys act once per press (held: its own rows)
        self.focused = False
        self.dragging = False
        self.composing = ""

    def close(self) -> None:
        self.blur()
        self.visible = False

    def start_again(self, text: str) -> None:
        """The starting code back in place of the learner's, as one edit (Ctrl+Z undoes it)."""
        self.buffer.select_all()
        self.buffer.insert(text)
        self.buffer.place(Pos(0, 0))
        self.marks = []
        self.view.show(self.buffer)

    def mark_syntax(self, line: int, col: int, message: str, end_col: int | None = None) -> None:
        """A SyntaxError: 1-based ``line``, 0-based ``col``; the cursor goes there."""
        self.marks = [Mark("syntax", line, message, col, end_col)]
        self._checked = self.buffer.version
        self.buffer.place(Pos(line - 1, col))
        self.view.show(self.buffer)

    def mark_problem(self, problem: Problem) -> None:
        self.mark_syntax(problem.line, problem.col, problem.message, problem.end_col)

    def mark_error(self, line: int, message: str) -> None:
        """An exception raised at run time on ``line`` (1-based) of the learner's text."""
        self.marks = [m for m in self.marks if m.kind != "error"]
        self.marks.append(Mark("error", line, message))
        self._error_text = self._line_text(line)
        if not self.focused:  # the editor opens on it (never moves a cursor being typed at)
            where = min(max(0, line - 1), len(self.buffer.lines) - 1)
            self.buffer.place(Pos(where, len(self._error_text) - len(self._error_text.lstrip())))
        self.view.show(self.buffer, Pos(max(0, min(line - 1, len(self.buffer.lines) - 1)), 0))

    def clear_marks(self) -> None:
        self.marks = []

    def check(self) -> Problem | None:
        """Python's verdict before anything runs; a SyntaxError is marked where it is."""
        problem = check(self.text, "<level>")
        if problem is not None:
            self.mark_problem(problem)
        else:
            self.marks = [m for m in self.marks if m.kind != "syntax"]
        return problem

    def run(self) -> None:
        """F5: the text checked, then handed to whoever runs it."""
        if self.check() is None and self.on_run is not None:
            self.on_run(self.text)

    # -- input ------------------------------------------------------------------------------
    def handle(self, event: pygame.Event) -> bool:
        """True when the panel took the event."""
        if not self.visible:
            return False
        kind = event.type
        if kind == pygame.MOUSEBUTTONDOWN:
            return self._press(event)
        if kind == pygame.MOUSEMOTION:
            self.hover = event.pos  # canvas pixels (the wheel's event has no position)
            if self.dragging:
                self.buffer.place(self.view.pos_at(self.buffer, event.pos), select=True)
                self.view.show(self.buffer)
                return True
            return False
        if kind == pygame.MOUSEBUTTONUP and event.button == 1 and self.dragging:
            self.dragging = False
            return True
        if kind == pygame.MOUSEWHEEL:
            unknown = self.hover == (-1, -1)  # no motion seen yet: the focused panel's
            if not (self.rect.collidepoint(self.hover) or (unknown and self.focused)):
                return False
            if event.x:
                self.view.scroll_sideways(self.buffer, -event.x * self.view.font.size("m")[0] * 4)
            if event.y:
                self.view.scroll(self.buffer, -event.y * WHEEL_LINES)
            return True
        if not self.focused:
            return False
        if kind == pygame.TEXTINPUT:
            return self._text(event.text)
        if kind == pygame.TEXTEDITING:
            self.composing = event.text
            return True
        if kind == pygame.KEYDOWN:
            return self._key(event)
        return kind == pygame.KEYUP and event.key not in PASSED_ON

    def update(self, wall_dt: float) -> None:
        self.blink = (self.blink + wall_dt) % (2 * BLINK)
        if self.dragging:
            self._drag_scroll(wall_dt)
        if self.marks and any(m.kind == "syntax" for m in self.marks):
            self._recheck()
        if any(m.kind == "error" for m in self.marks):
            self._drop_stale_error()

    def draw(self, surface: pygame.Surface) -> None:
        if not self.visible:
            return
        self.buffer.page = max(1, self.view.rows(self.buffer) - 1)
        self.view.draw(
            surface,
            self.buffer,
            title=self.title,
            focused=self.focused,
            marks=self.marks,
            cursor_on=self.blink < BLINK,
            composing=self.composing,
            status=self.status,
        )

    # -- inside -----------------------------------------------------------------------------
    def _text(self, text: str) -> bool:
        if self._swallow:
            swallow, self._swallow = self._swallow, ""
            if text == swallow:
                return True  # the opening key's own character
        self.composing = ""
        if text and text.isprintable():
            self.buffer.type(text)
            self._after_edit()
        return True

    def _key(self, event: pygame.Event) -> bool:
        key, mods = event.key, getattr(event, "mod", 0)
        ctrl, shift = _ctrl(mods), bool(mods & pygame.KMOD_SHIFT)
        if key in PASSED_ON:
            return False  # help, language, fullscreen, screenshots... still work
        self._swallow = ""
        buffer = self.buffer
        if key == pygame.K_ESCAPE:
            if self.composing:
                self.composing = ""
                return True
            self.close()
            if self.on_close is not None:
                self.on_close()
            return True
        if key == pygame.K_F5 or (key in ENTER and ctrl):
            self.run()
            return True
        if key in MOVES:
            plain, with_ctrl = MOVES[key]
            buffer.move(with_ctrl if ctrl else plain, select=shift)
        elif key in ENTER:
            buffer.newline()
        elif key == pygame.K_BACKSPACE:
            buffer.backspace(word=ctrl)
        elif key == pygame.K_DELETE:
            if shift and not ctrl:
                buffer.cut()
            else:
                buffer.delete(word=ctrl)
        elif key == pygame.K_TAB and shift:
            buffer.dedent()
        elif key == pygame.K_TAB:
            buffer.tab()
        elif key == pygame.K_INSERT and ctrl:
            buffer.copy()
        elif key == pygame.K_INSERT and shift:
            buffer.paste()
        elif ctrl and not (mods & pygame.KMOD_ALT):  # AltGr is Ctrl+Alt: it types
            self._command(key, shift)
        else:
            return True  # a key that types comes as text; the others do nothing here
        self._after_edit()
        return True

    def _command(self, key: int, shift: bool) -> None:
        buffer = self.buffer
        if key == pygame.K_a:
            buffer.select_all()
        elif key == pygame.K_c:
            buffer.copy()
        elif key == pygame.K_x:
            buffer.cut()
        elif key == pygame.K_v:
            buffer.paste()
        elif key == pygame.K_z and not shift:
            buffer.undo()
        elif key in (pygame.K_y, pygame.K_z):
            buffer.redo()
        elif key in (pygame.K_SLASH, pygame.K_KP_DIVIDE):
            buffer.toggle_comment()

    def _after_edit(self) -> None:
        self.blink = 0.0  # the cursor shows right after a key
        self.view.show(self.buffer)
        with contextlib.suppress(pygame.error):
            pygame.key.set_text_input_rect(self.view.cursor_rect(self.buffer))

    def _press(self, event: pygame.Event) -> bool:
        if event.button != 1:
            return self.rect.collidepoint(event.pos)
        if not self.rect.collidepoint(event.pos):
            self.blur()  # a click elsewhere: the game has the keys again
            return False
        if self.view.run_rect.collidepoint(event.pos):
            self.run()
            return True
        if self.view.reset_rect.collidepoint(event.pos):
            if self.on_reset is not None:
                self.start_again(self.on_reset())
            return True
        if not self.focused:
            self.focus()
        if not self.view.text_rect(self.buffer).collidepoint(event.pos):
            return True
        pos = self.view.pos_at(self.buffer, event.pos)
        now = pygame.time.get_ticks()
        last, where, count = self._click
        count = count + 1 if now - last <= DOUBLE_CLICK_MS and where == pos else 1
        self._click = (now, pos, count)
        shift = bool(pygame.key.get_mods() & pygame.KMOD_SHIFT)
        if count == 2:
            self.buffer.select_word(pos)
        elif count >= 3:
            self.buffer.select_line(pos.line)
        else:
            self.buffer.place(pos, select=shift)
            self.dragging = True
        self._after_edit()
        return True

    def _drag_scroll(self, wall_dt: float) -> None:
        """A drag held above or below the text scrolls it, the selection following (about
        DRAG_LINES lines a second)."""
        area = self.view.text_rect(self.buffer)
        y = self.hover[1]
        if area.top <= y < area.bottom:
            self._drag_debt = 0.0
            return
        self._drag_debt += wall_dt * DRAG_LINES
        lines = int(self._drag_debt)
        if not lines:
            return
        self._drag_debt -= lines
        self.view.scroll(self.buffer, lines if y >= area.bottom else -lines)
        edge = area.bottom - 1 if y >= area.bottom else area.top
        self.buffer.place(self.view.pos_at(self.buffer, (self.hover[0], edge)), select=True)

    def _recheck(self) -> None:
        """Once a SyntaxError is marked, the mark follows the learner's typing (and goes
        once the code compiles), checked again at most once per change."""
        if self._checked == self.buffer.version:
            return
        self._checked = self.buffer.version
        problem = check(self.text, "<level>")
        others = [m for m in self.marks if m.kind != "syntax"]
        if problem is None:
            self.marks = others
        else:
            mark = Mark("syntax", problem.line, problem.message, problem.col, problem.end_col)
            self.marks = [*others, mark]

    def _line_text(self, line: int) -> str:
        lines = self.buffer.lines
        return lines[line - 1] if 0 < line <= len(lines) else ""

    def _drop_stale_error(self) -> None:
        """A run-time error's mark stays until its line is edited."""
        for mark in self.marks:
            if mark.kind == "error" and self._line_text(mark.line) != self._error_text:
                self.marks = [m for m in self.marks if m.kind != "error"]
                return
