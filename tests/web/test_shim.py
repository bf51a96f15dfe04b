"""The browser pygame (game/web/shim/pygame) against pygame-ce, in CPython: the same
numbers, the same Rect arithmetic, the same blit, fill and clip rules, the same events.
Its JavaScript half draws on a stand-in made of pygame-ce surfaces (tests/web/fakepage.py),
so what is compared here is the shim's own logic; tests/web/test_browser.py compares whole
frames drawn by the real canvas."""

from __future__ import annotations

import io
from pathlib import Path

import pygame
import pytest
from fakepage import load
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

web, canvas, page = load()
constants, _metrics = web.constants, web._metrics

ints = st.integers(-60, 60)
sizes = st.integers(0, 40)
rects = st.tuples(ints, ints, sizes, sizes)
FIELDS = (
    "x", "y", "w", "h", "left", "top", "right", "bottom", "centerx", "centery", "center",
    "size", "topleft", "topright", "bottomleft", "bottomright", "midtop", "midbottom",
    "midleft", "midright",
)  # fmt: skip


def same(ours: object, theirs: object) -> bool:
    return tuple(ours) == tuple(theirs)  # type: ignore[call-overload]


def test_the_constants_are_pygames_numbers() -> None:
    names = [n for n in dir(constants) if not n.startswith("_")]
    assert len(names) > 200
    for name in names:
        assert getattr(constants, name) == getattr(pygame, name), name
    for name in ("K_a", "K_F12", "K_LEFT", "KEYDOWN", "MOUSEBUTTONDOWN", "SRCALPHA"):
        assert getattr(web, name) == getattr(pygame, name)


def test_the_default_fonts_line_metrics_are_pygames() -> None:
    pygame.font.init()
    for size in (*range(1, 80), 96, 120, 200):
        real = pygame.font.Font(None, size)
        ours = web.font.Font(None, size)
        assert ours.get_height() == real.get_height() == real.size("x")[1], size
        assert ours.get_linesize() == real.get_linesize(), size
        assert ours.get_ascent() == real.get_ascent(), size
        rendered = ours.render("x", True, (255, 255, 255))
        assert rendered.get_height() == real.render("x", True, (255, 255, 255)).get_height()
    assert _metrics.SCALE == 0.6875


@given(rects, st.sampled_from(FIELDS), st.tuples(ints, ints))
def test_rect_fields_read_and_set_as_in_pygame(r: tuple, field: str, value: tuple) -> None:
    ours, theirs = web.Rect(r), pygame.Rect(r)
    assert same(ours, theirs) and getattr(ours, field) == getattr(theirs, field)
    new = value if isinstance(getattr(theirs, field), tuple) else value[0]
    setattr(ours, field, new)
    setattr(theirs, field, new)
    assert same(ours, theirs)


@given(rects, rects, ints, ints)
def test_rect_methods_agree_with_pygame(a: tuple, b: tuple, dx: int, dy: int) -> None:
    A, B = web.Rect(a), web.Rect(b)
    PA, PB = pygame.Rect(a), pygame.Rect(b)
    assert same(A.clip(B), PA.clip(PB))
    assert same(A.union(B), PA.union(PB))
    assert same(A.move(dx, dy), PA.move(dx, dy))
    assert same(A.inflate(dx, dy), PA.inflate(dx, dy))
    assert same(A.clamp(B), PA.clamp(PB))
    assert A.colliderect(B) == PA.colliderect(PB)
    assert A.contains(B) == PA.contains(PB)
    assert A.collidepoint(dx, dy) == PA.collidepoint(dx, dy)
    assert A.collidelist([B, A]) == PA.collidelist([PB, PA])
    assert bool(A) == bool(PA) and (A == B) == (PA == PB)


def test_rect_takes_what_pygame_takes() -> None:
    forms = [(1.7, 2.2, 3.5, 4.5), ((1, 2), (3, 4)), ([5, 6, 7, 8],), (pygame.Rect(1, 2, 3, 4),)]
    for args in forms:
        assert same(web.Rect(*args), pygame.Rect(*args))
    r = web.Rect(0, 0, 10, 10)
    r.center = (10.6, 10.5)
    assert same(r, (5, 5, 10, 10))
    with pytest.raises(AttributeError):
        r.colour = 1  # type: ignore[attr-defined]


def pixels(surface: object) -> bytes:
    inner = surface._s if hasattr(surface, "_s") else surface  # type: ignore[attr-defined]
    return pygame.image.tobytes(inner, "RGBA")


def both(paint) -> tuple[bytes, bytes]:  # noqa: ANN001
    """The same painting on a shim surface (drawn through the stand-in) and on pygame's."""
    out = []
    for lib in (web, pygame):
        target = lib.Surface((40, 30), lib.SRCALPHA)
        sprite = lib.Surface((12, 9), lib.SRCALPHA)
        sprite.fill((200, 40, 10, 255))
        sprite.fill((10, 200, 40, 128), (3, 2, 5, 4))
        paint(lib, target, sprite)
        out.append(pixels(target))
    return out[0], out[1]


@given(st.tuples(ints, ints), st.one_of(st.none(), rects), st.one_of(st.none(), rects))
def test_blit_areas_and_clips_cover_the_pixels_pygame_covers(dest, area, clip) -> None:
    def paint(lib, target, sprite) -> None:  # noqa: ANN001
        target.fill((0, 0, 90, 255))
        target.set_clip(clip)
        placed = target.blit(sprite, dest, area)
        paint.rects.append(tuple(placed) if placed else None)

    paint.rects = []
    ours, theirs = both(paint)
    assert ours == theirs
    assert paint.rects[0] == paint.rects[1] or not (paint.rects[0] and paint.rects[1])


inside = st.tuples(st.integers(0, 20), st.integers(0, 10), sizes, st.integers(0, 19))


@given(rects, st.one_of(st.none(), rects), inside, st.integers(0, 6))
def test_fills_and_rects_write_the_pixels_pygame_writes(rect, clip, shape, width) -> None:
    """Fills anywhere, under any clip; outlines and lines inside the surface (pygame-ce
    outlines a rect crossing an edge or the clip in ways of its own; the game never does)."""

    def paint(lib, target, sprite) -> None:  # noqa: ANN001
        target.set_clip(clip)
        target.fill((250, 250, 0, 100), rect)
        lib.draw.rect(target, (90, 0, 0), rect)
        target.set_clip(None)
        x, y, w, h = shape
        lib.draw.rect(target, (0, 250, 250, 200), shape, width)
        lib.draw.line(target, (9, 9, 9), (x, y), (x + w, y), width)
        lib.draw.line(target, (9, 9, 9), (x, y), (x, y + h), width)

    ours, theirs = both(paint)
    assert ours == theirs


def test_a_subsurface_draws_into_its_parent_within_its_own_clip() -> None:
    def paint(lib, target, sprite) -> None:  # noqa: ANN001
        sub = target.subsurface((5, 4, 20, 10))
        sub.set_clip((2, 2, 30, 5))
        sub.fill((1, 2, 3, 255))
        sub.blit(sprite, (-3, -1))
        part = sprite.subsurface(lib.Rect(2, 1, 6, 6))
        target.blit(part, (30, 20))
        assert part.get_offset() == (2, 1) and part.get_parent() is sprite

    ours, theirs = both(paint)
    assert ours == theirs


def test_tinting_and_bounds_are_pygames() -> None:
    def paint(lib, target, sprite) -> None:  # noqa: ANN001
        layer = sprite.copy()
        layer.fill((128, 255, 64, 255), special_flags=lib.BLEND_RGBA_MULT)
        target.blit(layer, (4, 4))
        assert tuple(target.get_bounding_rect()) == (4, 4, 12, 9)

    ours, theirs = both(paint)
    assert ours == theirs


def test_dom_keys_become_pygames_keys_and_text() -> None:
    page.queue[:] = [
        ["kd", "KeyA", "a", 0], ["kd", "Tab", "Tab", 0], ["kd", "Equal", "+", 1],
        ["kd", "ArrowLeft", "ArrowLeft", 0], ["kd", "F2", "F2", 0], ["kd", "Digit4", "4", 0],
        ["kd", "KeyZ", "y", 0], ["ku", "KeyA", "a", 0], ["kd", "KeyC", "c", 2],
    ]  # fmt: skip
    events = web.event.get()
    keys = [(e.type, e.key, e.unicode) for e in events]
    assert keys == [
        (pygame.KEYDOWN, pygame.K_a, "a"), (pygame.KEYDOWN, pygame.K_TAB, "\t"[:0]),
        (pygame.KEYDOWN, pygame.K_EQUALS, "+"), (pygame.KEYDOWN, pygame.K_LEFT, ""),
        (pygame.KEYDOWN, pygame.K_F2, ""), (pygame.KEYDOWN, pygame.K_4, "4"),
        (pygame.KEYDOWN, pygame.K_y, "y"),  # a QWERTZ keyboard's Y is pygame's K_y
        (pygame.KEYUP, pygame.K_a, ""), (pygame.KEYDOWN, pygame.K_c, ""),
    ]  # fmt: skip
    assert events[2].mod & pygame.KMOD_SHIFT and events[-1].mod & pygame.KMOD_CTRL
    held = web.key.get_pressed()
    assert held[pygame.K_LEFT] and not held[pygame.K_a] and not held[pygame.K_RIGHT]
    page.queue[:] = [["blur"]]
    web.event.get()
    assert not web.key.get_pressed()[pygame.K_LEFT]


def test_the_pages_typed_text_is_pygames_textinput() -> None:
    page.queue[:] = [
        ["kd", "KeyE", "e", 0], ["text", "e"], ["text", "é"], ["kd", "Backspace", "Backspace", 0],
    ]  # fmt: skip
    down, typed, accented, back = web.event.get()
    assert (down.type, down.key) == (pygame.KEYDOWN, pygame.K_e)
    assert (typed.type, typed.text) == (pygame.TEXTINPUT, "e")
    assert (accented.type, accented.text) == (pygame.TEXTINPUT, "é")
    assert (back.type, back.key, back.unicode) == (pygame.KEYDOWN, pygame.K_BACKSPACE, "")
    assert web.event.event_name(typed.type) == "TextInput"
    page.queue[:] = [["editing", "ka"], ["text", "か"]]  # an input method: a word, then chosen
    editing, chosen = web.event.get()
    assert (editing.type, editing.text, chosen.type, chosen.text) == (
        pygame.TEXTEDITING, "ka", pygame.TEXTINPUT, "か",
    )
    assert web.font.match_font("dejavusansmono,monospace") is None  # the editor's code font
    web.key.start_text_input()
    web.key.set_text_input_rect(pygame.Rect(40, 60, 2, 18))  # the editor's cursor
    assert page.text_rects[-1] == (40, 60, 2, 18)


def test_clicks_and_motion_carry_canvas_positions() -> None:
    page.queue[:] = [["md", 10, 20, 1], ["mm", 15, 22, 5, 2], ["mu", 15, 22, 1], ["wheel", 0, -1]]
    down, motion, up, wheel = web.event.get()
    assert (down.type, down.pos, down.button) == (pygame.MOUSEBUTTONDOWN, (10, 20), 1)
    assert (motion.type, motion.rel) == (pygame.MOUSEMOTION, (5, 2))
    assert motion.buttons == (True, False, False)
    assert (up.type, up.pos) == (pygame.MOUSEBUTTONUP, (15, 22)) and web.mouse.get_pos() == (15, 22)
    assert wheel.type == pygame.MOUSEWHEEL and wheel.y == -1
    posted = web.Event(pygame.KEYDOWN, key=pygame.K_SPACE, unicode=" ")
    web.event.post(posted)
    assert web.event.get() == [posted] and posted.dict == {"key": pygame.K_SPACE, "unicode": " "}


def test_images_come_decoded_and_screenshots_go_out_as_real_pngs(tmp_path: Path) -> None:
    picture = pygame.Surface((3, 2), pygame.SRCALPHA)
    picture.fill((10, 20, 30, 255))
    picture.set_at((2, 1), (200, 100, 50, 128))
    path = tmp_path / "a.png"
    page.images[str(path)] = picture
    loaded = web.image.load(str(path))
    assert loaded.get_size() == (3, 2) and loaded.get_at((2, 1)) == (200, 100, 50, 128)
    with pytest.raises(FileNotFoundError):
        web.image.load(str(tmp_path / "missing.png"))
    out = tmp_path / "shot.png"
    web.image.save(loaded, str(out))
    name, data, kind = page.downloads[-1]
    assert (name, kind) == ("shot.png", "image/png") and data == out.read_bytes()
    back = Image.open(io.BytesIO(data))
    assert back.size == (3, 2) and back.getpixel((2, 1)) == (200, 100, 50, 128)
    assert web.image.tobytes(loaded, "RGB")[-3:] == bytes((200, 100, 50))


def test_text_is_sized_by_the_page_and_bold_widens_each_letter() -> None:
    font = web.font.Font(None, 32)  # 22 pixels per em
    plain = font.size("Hello")
    font.bold = True
    assert font.size("Hello")[0] == plain[0] + 5 * (22 // 10) and plain[1] == 22
    label = font.render("Hello", True, (255, 255, 255))
    assert label.get_size() == (font.size("Hello")[0], font.get_linesize())
    assert font.render("", True, (0, 0, 0)).get_width() == 0
    with pytest.raises(FileNotFoundError):
        web.font.Font("Comic.ttf", 12)


def test_the_clock_never_sleeps_and_flip_ends_the_frame() -> None:
    clock = web.Clock()
    clock.tick(60)
    assert 0 <= clock.tick(60) < 50
    screen = web.display.set_mode((64, 36))
    assert web.display.get_surface() is screen and screen.get_size() == (64, 36)
    before = page.frames
    web.display.flip()
    assert page.frames == before + 1 and web.display.frame_done


def test_the_clipboard_is_the_pages() -> None:
    web.scrap.put_text("?t=30")
    assert page.clipped[-1] == "?t=30"
