"""The house as a learner sees it: not blank, dust going away, the race panel drawn."""

from __future__ import annotations

from collections.abc import Iterator

import pygame
import pytest

from game.house import CONCURRENT, MODES, PARALLEL, House, HouseConfig, forecast
from game.house import layout as L
from game.view import house_view
from game.view.house_view import HouseView, animation_names, clock
from game.view.sheets import Library

TICK = 1 / 60


@pytest.fixture(scope="module")
def screen() -> Iterator[pygame.Surface]:
    pygame.display.init()
    pygame.font.init()
    yield pygame.display.set_mode((L.WIDTH, L.HEIGHT))
    pygame.quit()


@pytest.fixture(scope="module")
def lib(screen: pygame.Surface) -> Library:
    return Library()


def pixels(surface: pygame.Surface, rect: pygame.Rect | None = None) -> list[tuple[int, ...]]:
    area = surface.subsurface(rect) if rect else surface
    raw = pygame.image.tobytes(area, "RGB")
    return [tuple(raw[i : i + 3]) for i in range(0, len(raw), 3)]


def dusty(surface: pygame.Surface, rect: pygame.Rect) -> int:
    """Pixels of the dust piles' warm grey in ``rect`` (floors are brown or white and blue)."""
    return sum(1 for r, g, b in pixels(surface, rect) if 100 <= r <= 175 and r >= g >= b >= r - 14)


def floor_of(room_index: int) -> pygame.Rect:
    x, y, w, h = L.ROOMS[room_index].rect
    return pygame.Rect(x + 8, y + L.WALL + 40, w - 16, h - L.WALL - 64)


def render(lib: Library, screen: pygame.Surface, mode: str, t: float) -> pygame.Surface:
    house = House(HouseConfig(mode=mode))
    house.kernel.run_until(t)
    HouseView(lib, house).draw(screen, house)
    house.close()
    return screen.copy()


def test_every_sprite_the_house_view_uses_exists(lib: Library) -> None:
    for sheet, tag in animation_names():
        assert lib[sheet].anim(tag).frames, (sheet, tag)


@pytest.mark.parametrize("mode", MODES)
def test_frames_are_not_blank_and_change_as_rooms_get_clean(
    lib: Library, screen: pygame.Surface, mode: str
) -> None:
    end = forecast(HouseConfig()).concurrent.finished_at + 1
    frames = [render(lib, screen, mode, t) for t in (0.0, 10.0, end)]
    for frame in frames:
        assert len(set(pixels(pygame.transform.scale_by(frame, 0.25)))) > 60
    raw = [pygame.image.tobytes(f, "RGB") for f in frames]
    assert len(set(raw)) == 3
    for index in range(len(L.ROOMS)):
        before, after = dusty(frames[0], floor_of(index)), dusty(frames[-1], floor_of(index))
        assert before > 400 and after < before / 10, (L.ROOMS[index].name, before, after)


def test_concurrent_cleans_one_room_while_parallel_cleans_all(
    lib: Library, screen: pygame.Surface
) -> None:
    start = {m: render(lib, screen, m, 0.0) for m in MODES}
    later = {m: render(lib, screen, m, 4.2) for m in MODES}  # same dust frame as at 0
    changed = {
        m: [
            dusty(start[m], floor_of(i)) != dusty(later[m], floor_of(i))
            for i in range(len(L.ROOMS))
        ]
        for m in MODES
    }
    assert changed[CONCURRENT] == [True] + [False] * 8  # only your room so far
    assert all(changed[PARALLEL])


def test_the_race_panel_shows_both_finish_times(
    lib: Library, screen: pygame.Surface, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts: list[str] = []
    real_label = house_view.label

    def spy(text: str, *args: object, **kwargs: object) -> pygame.Surface:
        texts.append(text)
        return real_label(text, *args, **kwargs)  # type: ignore[arg-type]

    real_fit = house_view.fit

    def spy_fit(text: str, *args: object, **kwargs: object) -> pygame.Surface:
        texts.append(text)
        return real_fit(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(house_view, "label", spy)
    monkeypatch.setattr(house_view, "fit", spy_fit)
    house, other = House(HouseConfig()), House(HouseConfig(mode=PARALLEL))
    for h in (house, other):
        h.kernel.run_until(30.0)
    HouseView(lib, house).draw(screen, house, other=other)
    both = forecast(HouseConfig())
    joined = " | ".join(texts)
    assert clock(both.concurrent.finished_at) in joined
    assert clock(both.parallel.finished_at) in joined
    assert f"{both.sooner:.1f}x sooner" in joined
    assert "helpers: done at" in joined  # the helpers finished while you still mop
    panel = set(pixels(screen, pygame.Rect(0, 0, L.WIDTH, L.TOP_BAR)))
    assert house_view.ONE_COLOUR in panel and house_view.MANY_COLOUR in panel
    house.close()


def test_text_per_frame_comes_from_a_small_cached_set(
    lib: Library, screen: pygame.Surface, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Labels are cached by text, so the texts a whole run asks for must be a bounded set
    (whole seconds, whole percentages, names), never something new every frame."""
    texts: set[str] = set()
    for name in ("label", "outlined"):
        real = getattr(house_view, name)

        def spy(text: str, *args: object, _real=real, **kwargs: object) -> pygame.Surface:
            texts.add(text)
            return _real(text, *args, **kwargs)

        monkeypatch.setattr(house_view, name, spy)
    house = House(HouseConfig())
    view = HouseView(lib, house)
    frames = 0
    while not house.done:
        house.advance(TICK * 10)
        view.draw(screen, house)
        frames += 1
    assert frames > 1000
    assert len(texts) < 450  # ~260 clock seconds + 100 percentages + names and notes
