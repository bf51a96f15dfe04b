"""The sprite sheets in assets/ are complete, valid, and exactly what assets/generate.py draws.

The generator is the ``assets/sprites`` package behind that one command; it is run as a user
runs it, in a subprocess, into a fresh folder.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

ASSETS = Path(__file__).resolve().parent.parent / "assets"
GENERATOR = ASSETS / "generate.py"

CUSTOMER_TAGS = {
    "idle": 2,
    "walk": 4,
    "order": 2,
    "pay": 2,
    "wait": 4,
    "carry": 4,
    "sit_talk": 4,
    "sit_flirt": 2,
    "sit_glance": 2,
    "sit_eat": 4,
    "sit_sad": 2,
}
CHARACTER_TAGS: dict[str, dict[str, int]] = {
    "boy": CUSTOMER_TAGS,
    "girl": CUSTOMER_TAGS,
    "boy_tint": CUSTOMER_TAGS,
    "girl_tint": CUSTOMER_TAGS,
    "cashier": {"idle": 2, "talk": 2, "pay": 2, "give": 2, "shout": 2, "walk": 4},
    "cook": {"idle": 2, "cook": 4, "walk": 4, "carry": 4},
    "cashier_cook": {"idle": 2, "talk": 2, "walk": 4, "cook": 4, "carry": 4},
    "cleaner": {"idle": 2, "walk": 4, "mop": 4, "tired": 2},
}
# tag: (frame count, (w, h))
PROP_TAGS: dict[str, dict[str, tuple[int, tuple[int, int]]]] = {
    "props": {
        "burger": (1, (24, 18)),
        "tray": (1, (56, 26)),
        "ticket": (1, (22, 26)),
        "heart": (2, (16, 14)),
        "steam": (4, (24, 36)),
        "sweat": (1, (10, 14)),
        "clock": (2, (26, 26)),
        "bubble_order": (1, (70, 50)),
        "bubble_talk": (2, (44, 34)),
        "bubble_sad": (1, (44, 34)),
        "register": (1, (60, 46)),
        "counter": (1, (200, 96)),
        "pickup": (1, (170, 96)),
        "station": (1, (140, 100)),
        "kitchen_window": (1, (400, 210)),
        "grill": (2, (120, 64)),
        "order_slip": (1, (20, 30)),
        "display": (1, (230, 140)),
        "table": (1, (104, 80)),
        "stool": (1, (40, 44)),
        "table_cool": (1, (104, 80)),
        "stool_cool": (1, (40, 44)),
        "poster_burger": (1, (120, 160)),
        "poster_fries": (1, (120, 160)),
        "door": (1, (110, 170)),
        "plant": (1, (46, 80)),
        "floor_warm": (1, (64, 64)),
        "floor_cool": (1, (64, 64)),
        "wall_warm": (1, (64, 64)),
        "wall_cool": (1, (64, 64)),
        "icon": (1, (32, 32)),
    },
    "house": {
        "floor_wood": (1, (64, 64)),
        "floor_tile": (1, (64, 64)),
        "wall_house": (1, (64, 64)),
        "dust": (2, (30, 22)),
        "sparkle": (2, (22, 22)),
        "bucket": (1, (30, 32)),
        "bed": (1, (120, 76)),
        "sofa": (1, (130, 70)),
        "bookshelf": (1, (72, 110)),
        "bath": (1, (120, 64)),
        "desk": (1, (100, 70)),
        "stove": (1, (80, 80)),
    },
}
ALL_SHEETS = [*CHARACTER_TAGS, *PROP_TAGS]


def load(name: str) -> tuple[dict, pygame.Surface]:
    """JSON data and image of one committed sheet."""
    data = json.loads((ASSETS / f"{name}.json").read_text(encoding="utf-8"))
    return data, pygame.image.load(str(ASSETS / data["meta"]["image"]))


def frame(image: pygame.Surface, entry: dict) -> pygame.Surface:
    """The sub-image of one JSON frame entry."""
    f = entry["frame"]
    return image.subsurface((f["x"], f["y"], f["w"], f["h"]))


def tag_frames(data: dict, tag: str) -> list[dict]:
    """Frame entries of one tag, in order."""
    (entry,) = [t for t in data["meta"]["frameTags"] if t["name"] == tag]
    return data["frames"][entry["from"] : entry["to"] + 1]


@pytest.fixture(scope="module")
def generator_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One fresh run of the generator: (the empty folder it wrote, its contact sheet)."""
    out = tmp_path_factory.mktemp("assets")
    contact = tmp_path_factory.mktemp("contact") / "contact.png"
    subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(out), "--contact", str(contact)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return out, contact


@pytest.fixture(scope="module")
def regenerated(generator_run: tuple[Path, Path]) -> Path:
    return generator_run[0]


def test_generator_reproduces_committed_assets_byte_for_byte(regenerated: Path) -> None:
    committed = sorted(p.name for p in ASSETS.iterdir() if p.suffix in (".png", ".json"))
    produced = sorted(p.name for p in regenerated.iterdir())
    assert produced == committed  # nothing missing, nothing extra
    assert len(produced) == 2 * len(ALL_SHEETS)  # a PNG and a JSON for every sheet
    for name in produced:
        assert (regenerated / name).read_bytes() == (ASSETS / name).read_bytes(), name


def test_contact_sheet_is_written_and_drawn(generator_run: tuple[Path, Path]) -> None:
    contact = generator_run[1]
    everything = pygame.image.load(str(contact))
    props = pygame.image.load(str(contact.with_name("contact_props.png")))
    assert everything.get_width() >= props.get_width()
    assert everything.get_height() > props.get_height() > 0
    assert (
        len(
            {
                everything.get_at((x, y))[:3]
                for x in range(0, everything.get_width(), 7)
                for y in range(0, everything.get_height(), 7)
            }
        )
        > 100
    )  # drawn, not blank


def test_every_expected_sheet_is_committed() -> None:
    names = {p.stem for p in ASSETS.glob("*.json")}
    assert names == set(ALL_SHEETS)


@pytest.mark.parametrize("name", ALL_SHEETS)
def test_sheet_json_is_a_valid_aseprite_array(name: str) -> None:
    data, image = load(name)
    meta = data["meta"]
    assert meta["image"] == f"{name}.png"
    assert meta["format"] == "RGBA8888"
    assert (meta["size"]["w"], meta["size"]["h"]) == image.get_size()
    for entry in data["frames"]:
        f = entry["frame"]
        assert f["x"] >= 0 and f["y"] >= 0 and f["w"] > 0 and f["h"] > 0
        assert f["x"] + f["w"] <= image.get_width() and f["y"] + f["h"] <= image.get_height()
        assert entry["sourceSize"] == {"w": f["w"], "h": f["h"]}
        assert entry["spriteSourceSize"] == {"x": 0, "y": 0, "w": f["w"], "h": f["h"]}
        assert entry["rotated"] is False and entry["trimmed"] is False
        assert entry["duration"] > 0
    # tags are consecutive, in order, and cover every frame exactly once
    expected_from = 0
    for tag in meta["frameTags"]:
        assert tag["from"] == expected_from and tag["to"] >= tag["from"]
        assert tag["direction"] == "forward"
        for k, entry in enumerate(tag_frames(data, tag["name"])):
            assert entry["filename"] == f"{tag['name']} {k}"
        expected_from = tag["to"] + 1
    assert expected_from == len(data["frames"])


@pytest.mark.parametrize("name", list(CHARACTER_TAGS))
def test_character_tags_frames_and_anchor(name: str) -> None:
    data, _ = load(name)
    counts = {t["name"]: t["to"] - t["from"] + 1 for t in data["meta"]["frameTags"]}
    assert counts == CHARACTER_TAGS[name]
    assert data["meta"]["anchor"] == {"x": 24, "y": 77}
    assert all(e["frame"]["w"] == 48 and e["frame"]["h"] == 80 for e in data["frames"])


@pytest.mark.parametrize("name", list(PROP_TAGS))
def test_prop_tags_sizes_and_anchors(name: str) -> None:
    data, _ = load(name)
    tags = {t["name"]: t for t in data["meta"]["frameTags"]}
    assert set(tags) == set(PROP_TAGS[name])
    for tag, (count, (w, h)) in PROP_TAGS[name].items():
        frames = tag_frames(data, tag)
        assert len(frames) == count, tag
        assert all((e["frame"]["w"], e["frame"]["h"]) == (w, h) for e in frames), tag
        assert tags[tag]["anchor"] == {"x": w // 2, "y": h}


@pytest.mark.parametrize("name", ["boy", "girl"])
def test_tint_sheet_matches_base_and_only_covers_base_pixels(name: str) -> None:
    base_data, base = load(name)
    tint_data, tint = load(f"{name}_tint")
    assert [e["frame"] for e in tint_data["frames"]] == [e["frame"] for e in base_data["frames"]]
    assert [e["duration"] for e in tint_data["frames"]] == [
        e["duration"] for e in base_data["frames"]
    ]
    assert tint_data["meta"]["frameTags"] == base_data["meta"]["frameTags"]
    assert tint.get_size() == base.get_size()
    outside = pygame.mask.from_surface(base, 0)
    outside.invert()
    tint_mask = pygame.mask.from_surface(tint, 0)
    assert tint_mask.overlap_area(outside, (0, 0)) == 0
    for entry in tint_data["frames"]:  # every frame shows some clothes
        assert pygame.mask.from_surface(frame(tint, entry), 127).count() > 150, entry["filename"]


@pytest.mark.parametrize("name", list(CHARACTER_TAGS))
def test_character_frames_are_drawn_and_animated(name: str) -> None:
    data, image = load(name)
    minimum = 150 if name.endswith("_tint") else 700
    for tag in data["meta"]["frameTags"]:
        frames = [frame(image, e) for e in tag_frames(data, tag["name"])]
        for f in frames:
            assert pygame.mask.from_surface(f, 127).count() > minimum, tag["name"]
        if name.endswith("_tint"):
            continue  # clothes may legitimately stay still while the body moves
        raw = [pygame.image.tobytes(f, "RGBA") for f in frames]
        assert len(set(raw)) == len(raw), f"{name} {tag['name']} has identical frames"


@pytest.mark.parametrize("name", list(PROP_TAGS))
def test_prop_frames_are_drawn_and_animated(name: str) -> None:
    data, image = load(name)
    for tag in data["meta"]["frameTags"]:
        frames = [frame(image, e) for e in tag_frames(data, tag["name"])]
        for f in frames:
            assert pygame.mask.from_surface(f, 127).count() > f.get_width() * f.get_height() // 10
        raw = [pygame.image.tobytes(f, "RGBA") for f in frames]
        assert len(set(raw)) == len(raw), f"{name} {tag['name']} has identical frames"


def test_tiles_are_opaque_and_floor_warm_is_the_orange_checker() -> None:
    data, image = load("props")
    for tag in ("floor_warm", "floor_cool", "wall_warm", "wall_cool"):
        tile = frame(image, tag_frames(data, tag)[0])
        assert pygame.mask.from_surface(tile, 254).count() == 64 * 64, tag
    tile = frame(image, tag_frames(data, "floor_warm")[0])
    assert tuple(tile.get_at((8, 8)))[:3] == (240, 140, 60)
    assert tuple(tile.get_at((40, 8)))[:3] == (250, 190, 120)
    assert tuple(tile.get_at((8, 40)))[:3] == (250, 190, 120)
    assert tuple(tile.get_at((40, 40)))[:3] == (240, 140, 60)


def test_display_screen_and_kitchen_window_opening() -> None:
    data, image = load("props")
    display = frame(image, tag_frames(data, "display")[0])
    assert tuple(display.get_at((115, 70))) == (20, 22, 20, 255)
    window = frame(image, tag_frames(data, "kitchen_window")[0])
    assert window.get_at((200, 110)).a == 0  # the kitchen behind shows through
    assert window.get_at((5, 100)).a == 255
