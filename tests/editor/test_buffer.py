"""The editor's text model: typing, moving, selecting, undo, the clipboard and indentation."""

from __future__ import annotations

import pytest

from game.editor.buffer import Buffer, MemoryClipboard, Pos


def typed(text: str, *, at: Pos | None = None, start: str = "") -> Buffer:
    """A buffer holding ``start`` with ``text`` typed as keys: ``\\n`` is ENTER."""
    buffer = Buffer(start)
    if at is not None:
        buffer.place(at)
    for ch in text:
        if ch == "\n":
            buffer.newline()
        else:
            buffer.type(ch)
    return buffer


# -- typing -----------------------------------------------------------------------------------
def test_typing_inserts_at_the_cursor() -> None:
    buffer = typed("await ", start="x = me.next()", at=Pos(0, 4))
    assert buffer.text == "x = await me.next()"
    assert buffer.cursor == Pos(0, 10)


def test_text_from_any_layout_is_typed_as_it_comes() -> None:
    buffer = Buffer()
    buffer.type("é")
    buffer.type("ñ")
    buffer.type("日本")
    assert buffer.text == "éñ日本"
    assert buffer.cursor == Pos(0, 4)


def test_tabs_and_carriage_returns_come_in_as_spaces_and_newlines() -> None:
    buffer = Buffer("if x:\r\n\treturn 1\r\n")
    assert buffer.lines == ["if x:", "    return 1", ""]


def test_backspace_and_delete_join_lines() -> None:
    buffer = Buffer("ab\ncd")
    buffer.place(Pos(1, 0))
    buffer.backspace()
    assert buffer.text == "abcd" and buffer.cursor == Pos(0, 2)
    buffer.delete()
    assert buffer.text == "abd"
    buffer.move("end")
    buffer.delete()  # nothing after the end
    buffer.place(Pos(0, 0))
    buffer.backspace()  # nothing before the start
    assert buffer.text == "abd"


def test_backspace_in_leading_blanks_goes_back_one_indent() -> None:
    buffer = Buffer("        x")
    buffer.place(Pos(0, 8))
    buffer.backspace()
    assert buffer.text == "    x"
    buffer.place(Pos(0, 3))
    buffer.backspace()
    assert buffer.text == " x"


def test_word_backspace_and_delete() -> None:
    buffer = Buffer("order = await me.next_order(kitchen)")
    buffer.move("end")
    buffer.backspace(word=True)
    assert buffer.text == "order = await me.next_order(kitchen"
    buffer.backspace(word=True)
    assert buffer.text == "order = await me.next_order("
    buffer.place(Pos(0, 0))
    buffer.delete(word=True)
    assert buffer.text == "= await me.next_order("


# -- moving -----------------------------------------------------------------------------------
def test_left_and_right_cross_line_ends() -> None:
    buffer = Buffer("ab\ncd")
    buffer.place(Pos(0, 2))
    buffer.move("right")
    assert buffer.cursor == Pos(1, 0)
    buffer.move("left")
    assert buffer.cursor == Pos(0, 2)
    buffer.place(Pos(0, 0))
    buffer.move("left")
    assert buffer.cursor == Pos(0, 0)
    buffer.move("bottom")
    buffer.move("right")
    assert buffer.cursor == Pos(1, 2)


def test_up_and_down_keep_the_column_they_aim_for() -> None:
    buffer = Buffer("long line here\nab\nanother long one")
    buffer.place(Pos(0, 10))
    buffer.move("down")
    assert buffer.cursor == Pos(1, 2)
    buffer.move("down")
    assert buffer.cursor == Pos(2, 10)
    buffer.move("down")
    assert buffer.cursor == Pos(2, 16)  # past the last line: its end
    buffer.move("up")
    buffer.move("up")
    buffer.move("up")
    assert buffer.cursor == Pos(0, 0)


def test_home_goes_to_the_indent_then_the_line_start() -> None:
    buffer = Buffer("    await x")
    buffer.move("end")
    buffer.move("home")
    assert buffer.cursor == Pos(0, 4)
    buffer.move("home")
    assert buffer.cursor == Pos(0, 0)
    buffer.move("home")
    assert buffer.cursor == Pos(0, 4)


def test_word_moves() -> None:
    buffer = Buffer("tray = await me.cook(order)\nnext")
    stops = []
    for _ in range(9):
        buffer.move("word_right")
        stops.append(buffer.cursor.col if buffer.cursor.line == 0 else ("line", 1))
    assert stops == [5, 7, 13, 15, 16, 20, 21, 26, 27]
    buffer.move("word_right")
    assert buffer.cursor == Pos(1, 0)
    buffer.move("word_left")
    assert buffer.cursor == Pos(0, 27)
    buffer.move("word_left")
    assert buffer.cursor == Pos(0, 26)
    buffer.move("word_left")
    assert buffer.cursor == Pos(0, 21)


def test_page_up_and_down_move_a_page() -> None:
    buffer = Buffer("\n".join(f"line {i}" for i in range(50)))
    buffer.page = 10
    buffer.move("page_down")
    assert buffer.cursor == Pos(10, 0)
    buffer.move("page_down", select=True)
    assert buffer.selection() == (Pos(10, 0), Pos(20, 0))
    buffer.move("page_up")
    buffer.move("page_up")
    buffer.move("page_up")
    assert buffer.cursor == Pos(0, 0)


def test_unknown_move_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="sideways"):
        Buffer().move("sideways")


# -- selection -----------------------------------------------------------------------------------
def test_shift_moves_select_and_typing_replaces_the_selection() -> None:
    buffer = Buffer("tray = me.cook_burgers_sync(order, grill)")
    buffer.place(Pos(0, 7))
    for _ in range(len("me.cook_burgers_sync")):
        buffer.move("right", select=True)
    assert buffer.selected_text() == "me.cook_burgers_sync"
    buffer.type("await me.cook_burgers")
    assert buffer.text == "tray = await me.cook_burgers(order, grill)"
    assert buffer.selection() is None


def test_selection_either_way_round_and_collapsing() -> None:
    buffer = Buffer("abc\ndef")
    buffer.place(Pos(1, 2))
    buffer.move("up", select=True)
    buffer.move("left", select=True)
    assert buffer.selection() == (Pos(0, 1), Pos(1, 2))
    assert buffer.selected_text() == "bc\nde"
    buffer.move("right")  # collapses to the selection's end
    assert buffer.cursor == Pos(1, 2) and buffer.selection() is None
    buffer.select(Pos(0, 1), Pos(1, 2))
    buffer.move("left")
    assert buffer.cursor == Pos(0, 1)


def test_select_all_then_delete() -> None:
    buffer = Buffer("a\nb\nc")
    buffer.select_all()
    assert buffer.selected_text() == "a\nb\nc"
    buffer.backspace()
    assert buffer.text == "" and buffer.cursor == Pos(0, 0)


def test_double_click_selects_a_word_and_triple_click_a_line() -> None:
    buffer = Buffer("order = await me.next_order(shop.kitchen)\nx")
    buffer.select_word(Pos(0, 20))
    assert buffer.selected_text() == "next_order"
    buffer.select_word(Pos(0, 5))  # just after "order"
    assert buffer.selected_text() == "order"
    buffer.select_word(Pos(0, 6))  # on the equals sign
    assert buffer.selected_text() == "="
    buffer.select_word(Pos(0, 27))  # just after a word, before the bracket: the word
    assert buffer.selected_text() == "next_order"
    buffer.select_line(0)
    assert buffer.selected_text() == "order = await me.next_order(shop.kitchen)\n"
    buffer.select_word(Pos(1, 1))  # the end of the last line
    assert buffer.selected_text() == "x"


def test_a_click_extends_with_shift() -> None:
    buffer = Buffer("hello world")
    buffer.place(Pos(0, 2))
    buffer.place(Pos(0, 8), select=True)
    assert buffer.selected_text() == "llo wo"
    buffer.place(Pos(0, 0), select=True)
    assert buffer.selected_text() == "he"


# -- undo ------------------------------------------------------------------------------------
def test_typing_a_word_undoes_as_one_step() -> None:
    buffer = typed("await me.cook", start="")
    buffer.undo()
    assert buffer.text == "await "  # "me.cook" was the last word typed
    buffer.undo()
    assert buffer.text == ""
    assert not buffer.can_undo
    buffer.redo()
    buffer.redo()
    assert buffer.text == "await me.cook"
    assert not buffer.can_redo


def test_a_move_ends_an_undo_step() -> None:
    buffer = typed("abc")
    buffer.move("left")
    buffer.type("X")
    assert buffer.text == "abXc"
    buffer.undo()
    assert buffer.text == "abc"
    assert buffer.cursor == Pos(0, 2)


def test_backspaces_coalesce_and_undo_restores_the_cursor() -> None:
    buffer = Buffer("order = me.cook_sync()")
    buffer.place(Pos(0, 20))
    for _ in range(5):
        buffer.backspace()
    assert buffer.text == "order = me.cook()"
    buffer.undo()
    assert buffer.text == "order = me.cook_sync()"
    assert buffer.cursor == Pos(0, 20)


def test_a_new_edit_forgets_what_could_be_redone() -> None:
    buffer = typed("ab")
    buffer.undo()
    assert buffer.can_redo
    buffer.type("z")
    assert not buffer.can_redo
    assert buffer.text == "z"


def test_undo_restores_the_selection_that_was_replaced() -> None:
    buffer = Buffer("one two")
    buffer.select(Pos(0, 4), Pos(0, 7))
    buffer.type("2")
    buffer.undo()
    assert buffer.text == "one two"
    assert buffer.selection() == (Pos(0, 4), Pos(0, 7))


def test_set_text_starts_a_fresh_history() -> None:
    buffer = typed("x")
    version = buffer.version
    buffer.set_text("y")
    assert not buffer.can_undo and buffer.version > version


# -- clipboard --------------------------------------------------------------------------------
def test_copy_cut_paste_through_the_clipboard() -> None:
    clipboard = MemoryClipboard()
    buffer = Buffer("await me.carry(tray)", clipboard)
    buffer.select(Pos(0, 0), Pos(0, 6))
    buffer.cut()
    assert clipboard.text == "await " and buffer.text == "me.carry(tray)"
    buffer.move("end")
    buffer.paste()
    assert buffer.text == "me.carry(tray)await "
    buffer.undo()
    assert buffer.text == "me.carry(tray)"


def test_paste_replaces_the_selection_and_keeps_many_lines() -> None:
    clipboard = MemoryClipboard("a = 1\r\n\tb = 2")
    buffer = Buffer("XX", clipboard)
    buffer.select_all()
    buffer.paste()
    assert buffer.lines == ["a = 1", "    b = 2"]
    assert buffer.cursor == Pos(1, 9)


def test_copy_without_a_selection_takes_the_line_and_pastes_it_above() -> None:
    clipboard = MemoryClipboard()
    buffer = Buffer("first\nsecond", clipboard)
    buffer.place(Pos(0, 3))
    buffer.copy()
    assert clipboard.text == "first\n"
    buffer.place(Pos(1, 2))
    buffer.paste()
    assert buffer.lines == ["first", "first", "second"]
    assert buffer.cursor == Pos(2, 2)


def test_cut_without_a_selection_takes_the_whole_line() -> None:
    clipboard = MemoryClipboard()
    buffer = Buffer("a\nb\nc", clipboard)
    buffer.place(Pos(1, 0))
    buffer.cut()
    assert buffer.lines == ["a", "c"] and clipboard.text == "b\n"
    buffer.undo()
    assert buffer.lines == ["a", "b", "c"]


def test_pasting_an_empty_clipboard_does_nothing() -> None:
    buffer = Buffer("x", MemoryClipboard(""))
    buffer.paste()
    assert buffer.text == "x" and not buffer.can_undo


# -- indentation ------------------------------------------------------------------------------
def test_enter_keeps_the_indent_and_adds_one_after_a_colon() -> None:
    buffer = typed("async def cook(me):\nwhile True:\norder = 1\n", start="")
    assert buffer.lines == [
        "async def cook(me):",
        "    while True:",
        "        order = 1",
        "        ",
    ]


def test_enter_after_a_colon_with_a_comment() -> None:
    buffer = typed("if x:  # the cook's turn\n")
    assert buffer.lines[-1] == "    "


def test_a_colon_in_a_string_is_not_a_block() -> None:
    buffer = typed('x = "a:"\n')
    assert buffer.lines[-1] == ""
    buffer = typed("print('#', x):\n")  # the '#' is inside a string, the ':' is not
    assert buffer.lines[-1] == "    "


def test_enter_after_return_or_pass_goes_one_indent_out() -> None:
    buffer = typed("def f():\nreturn 1\n")
    assert buffer.lines == ["def f():", "    return 1", ""]
    buffer = typed("    while True:\npass\n", start="")
    assert buffer.lines[-1] == "    "


def test_enter_after_an_open_bracket_indents() -> None:
    buffer = typed("await gather(\n")
    assert buffer.lines[-1] == "    "


def test_enter_in_the_middle_of_a_line_carries_the_rest_at_the_indent() -> None:
    buffer = Buffer("    a = 1; b = 2")
    buffer.place(Pos(0, 10))
    buffer.newline()
    assert buffer.lines == ["    a = 1;", "    b = 2"]
    assert buffer.cursor == Pos(1, 4)


def test_enter_on_a_blank_line_leaves_no_trailing_blanks() -> None:
    buffer = typed("if x:\n\n")
    assert buffer.lines == ["if x:", "", "    "]


def test_enter_replaces_a_selection() -> None:
    buffer = Buffer("abXYcd")
    buffer.select(Pos(0, 2), Pos(0, 4))
    buffer.newline()
    assert buffer.lines == ["ab", "cd"]


def test_tab_is_spaces_to_the_next_stop() -> None:
    buffer = Buffer("ab")
    buffer.tab()
    assert buffer.text == "    ab"
    buffer.move("end")
    buffer.tab()
    assert buffer.text == "    ab  "
    buffer.undo()
    assert buffer.text == "    ab"


def test_tab_and_shift_tab_on_selected_lines() -> None:
    buffer = Buffer("a\n  b\n\nc\nd")
    buffer.select(Pos(0, 0), Pos(3, 1))
    buffer.tab()
    assert buffer.lines == ["    a", "      b", "", "    c", "d"]
    assert buffer.selection() == (Pos(0, 0), Pos(3, 5))
    buffer.dedent()
    assert buffer.lines == ["a", "    b", "", "c", "d"]
    buffer.dedent()
    assert buffer.lines == ["a", "b", "", "c", "d"]
    buffer.undo()
    buffer.undo()
    buffer.undo()
    assert buffer.lines == ["a", "  b", "", "c", "d"]


def test_a_selection_ending_at_a_line_start_leaves_that_line_alone() -> None:
    buffer = Buffer("a\nb\nc")
    buffer.select(Pos(0, 0), Pos(2, 0))
    buffer.tab()
    assert buffer.lines == ["    a", "    b", "c"]


def test_shift_tab_keeps_the_cursor_on_its_character() -> None:
    buffer = Buffer("        await x")
    buffer.place(Pos(0, 10))
    buffer.dedent()
    assert buffer.text == "    await x" and buffer.cursor == Pos(0, 6)
    buffer.dedent()
    buffer.dedent()  # nothing left to take: no step to undo
    assert buffer.text == "await x"
    buffer.undo()
    assert buffer.text == "    await x"


def test_toggle_comment_on_lines() -> None:
    buffer = Buffer("    a = 1\n    b = 2")
    buffer.select(Pos(0, 0), Pos(1, 3))
    buffer.toggle_comment()
    assert buffer.lines == ["    # a = 1", "    # b = 2"]
    buffer.toggle_comment()
    assert buffer.lines == ["    a = 1", "    b = 2"]
