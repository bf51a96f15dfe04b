"""The editor panel driven by pygame events as a player makes them: keys, typed text,
clicks, drags, the wheel, the clipboard, running and the error marks."""

from __future__ import annotations

import pygame
import pytest

from game.app.editor_panel import EditorPanel, SystemClipboard
from game.editor.buffer import MemoryClipboard, Pos
from game.view import text

RECT = pygame.Rect(508, 34, 768, 650)
CODE = "async def cook(shop, me):\n    while True:\n        order = await me.next_order(shop)\n"


@pytest.fixture
def screen():
    pygame.display.init()
    pygame.font.init()
    surface = pygame.display.set_mode((1280, 720))
    yield surface
    pygame.quit()


@pytest.fixture
def panel(screen: pygame.Surface) -> EditorPanel:
    panel = EditorPanel(RECT, MemoryClipboard())
    panel.open(CODE, "cook: async def cook")
    return panel


def key(panel: EditorPanel, k: int, mod: int = 0, unicode: str = "") -> bool:
    return panel.handle(pygame.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode))


def typed(panel: EditorPanel, text_: str) -> None:
    """As a keyboard does it: a KEYDOWN (which the panel takes and ignores), then the text."""
    for ch in text_:
        if ch == "\n":
            key(panel, pygame.K_RETURN)
        else:
            key(panel, pygame.K_SPACE if ch == " " else pygame.K_a, unicode=ch)
            panel.handle(pygame.Event(pygame.TEXTINPUT, text=ch))


def click(panel: EditorPanel, pos: tuple[int, int], button: int = 1) -> bool:
    taken = panel.handle(pygame.Event(pygame.MOUSEBUTTONDOWN, button=button, pos=pos))
    panel.handle(pygame.Event(pygame.MOUSEBUTTONUP, button=button, pos=pos))
    return taken


def point_of(panel: EditorPanel, pos: Pos) -> tuple[int, int]:
    view = panel.view
    return view.x_of(panel.buffer, pos) + 1, view.y_of(panel.buffer, pos.line) + 4


CTRL = pygame.KMOD_LCTRL
SHIFT = pygame.KMOD_LSHIFT


def test_typed_text_goes_in_and_every_key_is_kept_from_the_game(panel: EditorPanel) -> None:
    assert key(panel, pygame.K_r, unicode="r")  # R would replay the day: it waits
    assert key(panel, pygame.K_q, unicode="q")  # Q would quit
    assert key(panel, pygame.K_SPACE, unicode=" ")
    typed(panel, "# é ñ 日本")
    assert panel.text.startswith("# é ñ 日本async def")


def test_function_keys_still_reach_the_game(panel: EditorPanel) -> None:
    for k in (pygame.K_F1, pygame.K_F2, pygame.K_F11, pygame.K_F12):
        assert not key(panel, k)


def test_the_key_that_opened_it_is_not_typed(screen: pygame.Surface) -> None:
    panel = EditorPanel(RECT, MemoryClipboard())
    panel.open("x", key="e")
    panel.handle(pygame.Event(pygame.TEXTINPUT, text="e"))  # the E that opened it
    panel.handle(pygame.Event(pygame.TEXTINPUT, text="e"))  # a real one
    assert panel.text == "ex"


def test_escape_closes_and_gives_the_keys_back(panel: EditorPanel) -> None:
    closed = []
    panel.on_close = lambda: closed.append(True)
    assert key(panel, pygame.K_ESCAPE)
    assert closed == [True]
    assert not panel.visible and not panel.focused
    assert not key(panel, pygame.K_r, unicode="r")
    assert not panel.handle(pygame.Event(pygame.TEXTINPUT, text="r"))
    assert panel.text == CODE.rstrip("\n") + "\n"


def test_enter_indents_and_tab_is_four_spaces(panel: EditorPanel) -> None:
    key(panel, pygame.K_DOWN, mod=CTRL)  # nothing special with ctrl: down
    key(panel, pygame.K_END)
    typed(panel, "\nif order:\n")
    key(panel, pygame.K_TAB)
    typed(panel, "x")
    assert panel.buffer.lines[2:4] == ["        if order:", " " * 16 + "x"]
    key(panel, pygame.K_TAB, mod=SHIFT)
    assert panel.buffer.lines[3] == " " * 12 + "x"


def test_ctrl_keys_edit(panel: EditorPanel) -> None:
    clipboard = panel.buffer.clipboard
    key(panel, pygame.K_a, mod=CTRL)
    key(panel, pygame.K_c, mod=CTRL)
    assert clipboard.get() == panel.text
    key(panel, pygame.K_x, mod=CTRL)
    assert panel.text == ""
    key(panel, pygame.K_z, mod=CTRL)
    assert panel.text == clipboard.get()
    key(panel, pygame.K_z, mod=CTRL | SHIFT)
    assert panel.text == ""
    key(panel, pygame.K_z, mod=CTRL)
    key(panel, pygame.K_y, mod=CTRL)
    assert panel.text == ""
    key(panel, pygame.K_v, mod=CTRL)
    key(panel, pygame.K_v, mod=CTRL)
    assert panel.text == CODE * 2


def test_altgr_types_instead_of_being_a_command(panel: EditorPanel) -> None:
    """AltGr is Ctrl+Alt: on many layouts it types @, {, [ ... as text."""
    key(panel, pygame.K_q, mod=CTRL | pygame.KMOD_RALT)
    panel.handle(pygame.Event(pygame.TEXTINPUT, text="@"))
    assert panel.text.startswith("@async")


def test_moves_with_shift_select_and_ctrl_jumps_words(panel: EditorPanel) -> None:
    key(panel, pygame.K_RIGHT, mod=CTRL | SHIFT)
    assert panel.buffer.selected_text() == "async "
    key(panel, pygame.K_END, mod=CTRL)
    assert panel.buffer.cursor == panel.buffer.end
    key(panel, pygame.K_PAGEUP)
    assert panel.buffer.cursor == Pos(0, 0)
    key(panel, pygame.K_BACKSPACE)
    key(panel, pygame.K_DELETE, mod=CTRL)
    assert panel.text.startswith("def cook")  # nothing before the start; the word after


def test_a_click_places_the_cursor_and_a_drag_selects(panel: EditorPanel) -> None:
    target = Pos(2, 14)
    assert click(panel, point_of(panel, target))
    assert panel.buffer.cursor == target
    start = point_of(panel, Pos(2, 8))
    panel.handle(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=start))
    panel.handle(
        pygame.Event(pygame.MOUSEMOTION, pos=point_of(panel, Pos(2, 13)), buttons=(1, 0, 0))
    )
    panel.handle(pygame.Event(pygame.MOUSEBUTTONUP, button=1, pos=start))
    assert panel.buffer.selected_text() == "order"
    # a motion after the button is up selects nothing more
    panel.handle(
        pygame.Event(pygame.MOUSEMOTION, pos=point_of(panel, Pos(0, 0)), buttons=(0, 0, 0))
    )
    assert panel.buffer.selected_text() == "order"


def test_double_click_selects_the_word(panel: EditorPanel) -> None:
    where = point_of(panel, Pos(2, 29))
    click(panel, where)
    click(panel, where)
    assert panel.buffer.selected_text() == "next_order"
    click(panel, where)
    assert panel.buffer.selected_text().strip() == "order = await me.next_order(shop)"


def test_a_click_outside_gives_the_keys_back_but_keeps_it_shown(panel: EditorPanel) -> None:
    assert not click(panel, (100, 100))
    assert panel.visible and not panel.focused
    assert click(panel, point_of(panel, Pos(0, 3)))
    assert panel.focused and panel.buffer.cursor == Pos(0, 3)


def test_the_wheel_scrolls_and_typing_brings_the_cursor_back(panel: EditorPanel) -> None:
    panel.open("\n".join(f"x{i} = {i}" for i in range(200)))
    panel.handle(pygame.Event(pygame.MOUSEMOTION, pos=RECT.center, buttons=(0, 0, 0)))
    panel.handle(pygame.Event(pygame.MOUSEWHEEL, x=0, y=-5))
    assert panel.view.top == 15
    panel.handle(pygame.Event(pygame.MOUSEWHEEL, x=0, y=10))
    assert panel.view.top == 0
    key(panel, pygame.K_END, mod=CTRL)
    assert panel.view.top + panel.view.rows(panel.buffer) > 199
    key(panel, pygame.K_HOME, mod=CTRL)
    assert panel.view.top == 0


def test_a_long_line_scrolls_sideways_to_the_cursor(panel: EditorPanel) -> None:
    panel.open("x = " + "1 + " * 200 + "1")
    key(panel, pygame.K_END)
    assert panel.view.left > 0
    x = panel.view.x_of(panel.buffer, panel.buffer.cursor)
    assert panel.view.text_rect(panel.buffer).collidepoint(x, panel.view.y_of(panel.buffer, 0))
    key(panel, pygame.K_HOME)
    assert panel.view.left == 0


def test_f5_and_ctrl_enter_run_the_text(panel: EditorPanel) -> None:
    ran: list[str] = []
    panel.on_run = ran.append
    key(panel, pygame.K_F5)
    key(panel, pygame.K_RETURN, mod=CTRL)
    assert ran == [panel.text, panel.text]
    assert click(panel, panel.view.run_rect.center)
    assert len(ran) == 3


def test_a_syntax_error_is_marked_and_nothing_runs(panel: EditorPanel) -> None:
    ran: list[str] = []
    panel.on_run = ran.append
    panel.open("async def cook(me):\n    order = await me.next_order(\n    x = 1\n")
    key(panel, pygame.K_F5)
    assert ran == []
    (mark,) = panel.marks
    assert mark.kind == "syntax" and mark.line == 2
    assert panel.buffer.cursor.line == 1  # the cursor went to it


def test_the_syntax_mark_follows_the_fix_and_goes(panel: EditorPanel) -> None:
    panel.open("x = (1,\ny = 2\n")
    assert panel.check() is not None
    panel.buffer.place(Pos(0, 7))
    typed(panel, ")")
    panel.update(0.016)
    assert panel.marks == []


def test_a_runtime_error_marks_its_line_until_that_line_changes(panel: EditorPanel) -> None:
    panel.mark_error(3, "ZeroDivisionError: division by zero")
    panel.update(0.016)
    assert [m.line for m in panel.marks] == [3]
    panel.buffer.place(Pos(0, 0))
    typed(panel, "#")  # another line: the mark stays
    panel.update(0.016)
    assert [m.line for m in panel.marks] == [3]
    panel.buffer.place(Pos(2, 9))
    typed(panel, "x")
    panel.update(0.016)
    assert panel.marks == []


@pytest.mark.parametrize("scale", [1.0, 1.5])
def test_it_draws_with_marks_at_every_text_scale(panel: EditorPanel, scale: float) -> None:
    text.set_scale(scale)
    surface = pygame.Surface((1280, 720))
    panel.mark_syntax(2, 8, "invalid syntax")
    panel.mark_error(3, "NameError: name 'x' is not defined")
    panel.draw(surface)
    inside = surface.subsurface(RECT)
    colours = {inside.get_at((x, y))[:3] for x in range(0, RECT.w, 7) for y in range(0, RECT.h, 7)}
    assert len(colours) > 20  # text, numbers, marks, not a blank box


def test_the_system_clipboard_round_trips_or_falls_back(screen: pygame.Surface) -> None:
    clipboard = SystemClipboard()
    clipboard.put("await me.next_order(shop.kitchen)")
    assert clipboard.get() == "await me.next_order(shop.kitchen)"


def test_the_clipboard_falls_back_when_the_system_has_none(
    screen: pygame.Surface, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise pygame.error("no clipboard")

    monkeypatch.setattr(pygame.scrap, "put_text", broken)
    monkeypatch.setattr(pygame.scrap, "has_text", broken)
    clipboard = SystemClipboard()
    clipboard.put("kept")
    assert clipboard.get() == "kept"


def test_start_again_puts_the_starting_code_back_and_undo_brings_mine(panel: EditorPanel) -> None:
    panel.on_reset = lambda: "async def cook(shop, me):\n    ...\n"
    typed(panel, "# mine\n")
    mine = panel.text
    assert click(panel, panel.view.reset_rect.center)
    assert panel.text == "async def cook(shop, me):\n    ...\n"
    key(panel, pygame.K_z, mod=CTRL)
    assert panel.text == mine


def test_the_wheel_elsewhere_is_not_the_editors_once_it_gave_the_keys_back(
    panel: EditorPanel,
) -> None:
    panel.open("\n".join(f"x{i} = {i}" for i in range(200)))
    click(panel, (100, 100))  # outside: the keys go back to the game
    panel.handle(pygame.Event(pygame.MOUSEMOTION, pos=(100, 100), buttons=(0, 0, 0)))
    assert not panel.handle(pygame.Event(pygame.MOUSEWHEEL, x=0, y=-5))
    panel.handle(pygame.Event(pygame.MOUSEMOTION, pos=RECT.center, buttons=(0, 0, 0)))
    assert panel.handle(pygame.Event(pygame.MOUSEWHEEL, x=0, y=-5))
    assert panel.view.top == 15


def test_held_keys_repeat_only_while_the_editor_has_them(panel: EditorPanel) -> None:
    from game.app.editor_panel import KEY_REPEAT

    assert pygame.key.get_repeat() == KEY_REPEAT
    key(panel, pygame.K_ESCAPE)
    assert pygame.key.get_repeat() == (0, 0)


def test_a_drag_past_the_bottom_scrolls_and_selects_on(panel: EditorPanel) -> None:
    panel.open("\n".join(f"x{i} = {i}" for i in range(200)))
    start = point_of(panel, Pos(0, 0))
    panel.handle(pygame.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=start))
    below = (start[0], RECT.bottom + 20)
    panel.handle(pygame.Event(pygame.MOUSEMOTION, pos=below, buttons=(1, 0, 0)))
    for _ in range(60):  # a second of frames
        panel.update(1 / 60)
    assert panel.view.top >= 15
    selected = panel.buffer.selection()
    assert selected is not None and selected[1].line > panel.view.rows(panel.buffer)
