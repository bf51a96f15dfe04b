"""Sprite sheets of the wrong shape are refused when loaded, with one line naming file and fault."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pygame
import pytest

from game.view.sheets import BUILTIN, AssetError, Library, Sheet

ROOT = Path(__file__).resolve().parents[2]
Json = dict  # the decoded JSON of a sheet, changed in place by a case


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A private copy of the game's own sheets, for one test to break."""
    out = tmp_path / "sheets"
    shutil.copytree(BUILTIN, out, ignore=shutil.ignore_patterns("*.py", "sprites"))
    return out


def edit(folder: Path, name: str, change: Callable[[Json], object]) -> Path:
    """Rewrite ``name``.json in ``folder`` as ``change`` makes it (given the decoded JSON)."""
    path = folder / f"{name}.json"
    path.write_text(
        json.dumps(change(json.loads(path.read_text(encoding="utf-8")))), encoding="utf-8"
    )
    return path


def inplace(change: Callable[[Json], object]) -> Callable[[Json], Json]:
    """A change that edits the JSON in place (``dict.pop``, ``update``), as ``edit`` wants it."""

    def apply(data: Json) -> Json:
        change(data)
        return data

    return apply


def refused(load: Callable[[], object], path: Path, match: str) -> str:
    """The one-line message ``load`` fails with; it names ``path`` and says ``match``."""
    with pytest.raises(AssetError, match=match) as caught:
        load()
    message = str(caught.value)
    assert str(path) in message
    assert "\n" not in message
    return message


def drop(key: str) -> Callable[[Json], Json]:
    return inplace(lambda data: data.pop(key))


def drop_meta(key: str) -> Callable[[Json], Json]:
    return inplace(lambda data: data["meta"].pop(key))


def set_top(**values: object) -> Callable[[Json], Json]:
    return inplace(lambda data: data.update(values))


def set_meta(**values: object) -> Callable[[Json], Json]:
    return inplace(lambda data: data["meta"].update(values))


def set_frame(index: int, **values: object) -> Callable[[Json], Json]:
    return inplace(lambda data: data["frames"][index]["frame"].update(values))


def set_tag(index: int, **values: object) -> Callable[[Json], Json]:
    return inplace(lambda data: data["meta"]["frameTags"][index].update(values))


def set_entry(index: int, **values: object) -> Callable[[Json], Json]:
    return inplace(lambda data: data["frames"][index].update(values))


# case id: (sheet, change to its JSON, what the message must say)
SHAPES: dict[str, tuple[str, Callable[[Json], object], str]] = {
    "json is a list": ("props", lambda data: [data], r"the JSON is a list; a sheet is an object"),
    "json is a number": ("props", lambda data: 7, r"the JSON is the number 7"),
    "no meta": ("props", drop("meta"), r'"meta" is missing'),
    "meta is a list": ("props", set_top(meta=[]), r"meta must be an object"),
    "no frameTags": ("boy", drop_meta("frameTags"), r"meta\.frameTags is missing"),
    "frameTags empty": ("boy", set_meta(frameTags=[]), r"meta\.frameTags is empty"),
    "frameTags an object": (
        "boy",
        set_meta(frameTags={}),
        r"meta\.frameTags must be a list, not an object",
    ),
    "no frames": ("props", drop("frames"), r'"frames" is missing'),
    "frames empty": ("props", set_top(frames=[]), r"frames is empty"),
    "frames a text": (
        "props",
        set_top(frames="boy.png"),
        r"frames must be a list or an object, not the text 'boy.png'",
    ),
    "frame entry a number": (
        "props",
        inplace(lambda data: data["frames"].__setitem__(2, 5)),
        r"frames\[2\] must be an object, not the number 5",
    ),
    "frame without rectangle": (
        "props",
        inplace(lambda data: data["frames"][1].pop("frame")),
        r"frames\[1\]\.frame is missing",
    ),
    "frame outside the image": (
        "props",
        set_frame(3, x=10_000),
        r"frames\[3\]\.frame \(x=10000, .*\) reaches outside the "
        r"\d+x\d+ image \(meta\.size\)",
    ),
    "frame taller than the image": (
        "boy",
        set_frame(0, h=100_000),
        r"frames\[0\]\.frame .* reaches outside",
    ),
    "frame at negative x": (
        "props",
        set_frame(0, x=-4),
        r"frames\[0\]\.frame\.x must be at least 0, not -4",
    ),
    "frame of zero width": (
        "props",
        set_frame(0, w=0),
        r"frames\[0\]\.frame\.w must be at least 1, not 0",
    ),
    "frame size a float": (
        "props",
        set_frame(0, h=18.5),
        r"frames\[0\]\.frame\.h must be a whole number, not the number 18\.5",
    ),
    "frame size true": (
        "props",
        set_frame(0, w=True),
        r"frames\[0\]\.frame\.w must be a whole number, not true",
    ),
    "duration zero": (
        "boy",
        set_entry(0, duration=0),
        r"frames\[0\]\.duration must be a positive number of milliseconds",
    ),
    "duration text": (
        "boy",
        set_entry(5, duration="fast"),
        r"frames\[5\]\.duration must be a positive .* not the text 'fast'",
    ),
    "duration infinite": (
        "boy",
        set_entry(1, duration=float("inf")),
        r"frames\[1\]\.duration must be a positive",
    ),
    "tag past the last frame": (
        "boy",
        set_tag(-1, to=999),
        r"meta\.frameTags\[10\] \('sit_sad'\) runs to frame 999 but "
        r"the sheet has frames 0\.\.\d+ only",
    ),
    "tag running backwards": (
        "boy",
        set_tag(1, **{"from": 5, "to": 3}),
        r"meta\.frameTags\[1\] \('walk'\) runs backwards, from 5 to 3",
    ),
    "tag from negative": (
        "boy",
        set_tag(0, **{"from": -1}),
        r"meta\.frameTags\[0\]\.from must be at least 0, not -1",
    ),
    "tag without to": (
        "boy",
        inplace(lambda d: d["meta"]["frameTags"][2].pop("to")),
        r"meta\.frameTags\[2\]\.to is missing",
    ),
    "tag without a name": (
        "boy",
        set_tag(0, name=""),
        r"meta\.frameTags\[0\]\.name must be a non-empty text",
    ),
    "tag named twice": (
        "boy",
        set_tag(1, name="idle"),
        r"meta\.frameTags\[1\]: a second animation named 'idle'",
    ),
    "tag anchor a list": (
        "props",
        set_tag(0, anchor=[12, 18]),
        r"meta\.frameTags\[0\]\.anchor must be an object, not a list",
    ),
    "sheet anchor without y": (
        "boy",
        inplace(lambda d: d["meta"]["anchor"].pop("y")),
        r"meta\.anchor\.y is missing",
    ),
    "no meta.size": ("boy", drop_meta("size"), r"meta\.size is missing"),
    "meta.size without h": (
        "boy",
        inplace(lambda d: d["meta"]["size"].pop("h")),
        r"meta\.size\.h is missing",
    ),
}


@pytest.mark.parametrize("case", list(SHAPES))
def test_a_sheet_of_the_wrong_shape_is_refused_naming_file_and_fault(
    folder: Path, case: str
) -> None:
    name, change, match = SHAPES[case]
    path = edit(folder, name, change)
    refused(lambda: Sheet(name, folder), path, match)


def test_png_not_the_size_the_json_says(folder: Path) -> None:
    pygame.image.save(pygame.Surface((40, 30), pygame.SRCALPHA), str(folder / "boy.png"))
    message = refused(
        lambda: Sheet("boy", folder),
        folder / "boy.png",
        r"boy\.png is 40x30 pixels but boy\.json says \d+x\d+ \(meta\.size\)",
    )
    size = json.loads((folder / "boy.json").read_text())["meta"]["size"]
    assert f"{size['w']}x{size['h']}" in message


def test_meta_size_that_disagrees_with_the_png(folder: Path) -> None:
    edit(folder, "props", inplace(lambda d: d["meta"]["size"].update(w=d["meta"]["size"]["w"] + 1)))
    refused(lambda: Sheet("props", folder), folder / "props.png", r"pixels but props\.json says")


def test_png_that_is_not_an_image(folder: Path) -> None:
    (folder / "house.png").write_bytes(b"\x89PNG\r\n\x1a\n this is not really a picture")
    refused(lambda: Sheet("house", folder), folder / "house.png", r"is not a readable image")


def test_json_that_is_not_utf8(folder: Path) -> None:
    path = folder / "cook.json"
    path.write_bytes('{"meta": "Crème"}'.encode("latin-1"))
    refused(lambda: Sheet("cook", folder), path, r"is not UTF-8 text \(byte 0xe8 at offset 12\)")


def test_json_that_is_not_json(folder: Path) -> None:
    path = folder / "cook.json"
    path.write_text('{"frames": [],\n "meta": {,}}', encoding="utf-8")
    refused(
        lambda: Sheet("cook", folder),
        path,
        r"is not valid JSON: Expecting property name enclosed in double quotes at line 2 "
        r"column 11",
    )


def test_json_nested_too_deeply_to_read(folder: Path) -> None:
    path = folder / "cook.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    refused(lambda: Sheet("cook", folder), path, r"is not valid JSON: nested too deeply")


def test_empty_json_file(folder: Path) -> None:
    path = folder / "cook.json"
    path.write_bytes(b"")
    refused(lambda: Sheet("cook", folder), path, r"is not valid JSON: Expecting value at line 1")


def test_the_hash_layout_and_a_byte_order_mark_are_still_read(folder: Path) -> None:
    def to_hash(data: Json) -> Json:
        data["frames"] = {entry["filename"]: entry for entry in data["frames"]}
        return data

    path = edit(folder, "cook", to_hash)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    mine, ours = Sheet("cook", folder), Sheet("cook", BUILTIN)
    assert mine.anims.keys() == ours.anims.keys()
    for tag, anim in ours.anims.items():
        assert mine.anim(tag).durations == anim.durations
        assert mine.anim(tag).anchor == anim.anchor
        assert [f.get_size() for f in mine.anim(tag).frames] == [f.get_size() for f in anim.frames]


def test_another_folder_missing_an_animation_the_game_draws(folder: Path) -> None:
    def drop_last_tag(data: Json) -> Json:
        data["meta"]["frameTags"].pop()
        return data

    path = edit(folder, "girl", drop_last_tag)
    assert Sheet("girl", folder).anims  # a valid sheet on its own...
    refused(
        lambda: Library(folder),
        path,  # ...but the game would stop when she is sad
        r"girl\.json has no animation 'sit_sad', which the game draws",
    )


def test_a_missing_animation_is_named_in_the_file_when_asked_for(folder: Path) -> None:
    sheet = Sheet("props", folder)
    refused(lambda: sheet.anim("unicorn"), folder / "props.json", r"has no animation 'unicorn'")


def test_a_tint_sheet_must_match_its_base(folder: Path) -> None:
    def shorter_walk(data: Json) -> Json:
        walk = next(t for t in data["meta"]["frameTags"] if t["name"] == "walk")
        walk["to"] -= 1
        return data

    path = edit(folder, "boy_tint", shorter_walk)
    refused(
        lambda: Library(folder),
        path,
        r"animation 'walk' has 3 frames but boy\.json has 4; a tint must match its base",
    )


def test_a_tint_frame_of_another_size(folder: Path) -> None:
    path = edit(folder, "girl_tint", set_frame(0, w=40))
    refused(lambda: Library(folder), path, r"frame 0 of 'idle' is 40x80 but girl\.json has 48x80")


def test_the_games_own_sheets_pass_every_check() -> None:
    library = Library(BUILTIN)
    assert set(library.sheets) == set(Library.SHEETS)
    assert all(sheet.anims for sheet in library.sheets.values())


def run_screenshot(assets: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "ASYNC_BURGERS_ASSETS": str(assets),
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
    }
    return subprocess.run(
        [sys.executable, "main.py", "--screenshot", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("fault", ["list json", "missing png"])
def test_main_with_a_bad_sheet_folder_says_one_line_and_exits_2(
    folder: Path, tmp_path: Path, fault: str
) -> None:
    if fault == "list json":
        bad = edit(folder, "cashier", lambda data: [data])
    else:
        bad = folder / "cashier.png"
        bad.unlink()
    out = tmp_path / "out.png"
    result = run_screenshot(folder, out)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("main.py: error: ")
    assert str(bad) in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists()


# -- numbers too big to use, images cut off or too big to decode --------------------------
@pytest.mark.parametrize(
    ("change", "match"),
    [
        (
            inplace(lambda d: d["frames"][0].update(duration=10**400)),
            r"frames\[0\]\.duration must be a positive number of milliseconds up to 3,600,000, "
            r"not a 401-digit number",
        ),
        (
            inplace(lambda d: d["meta"]["frameTags"][0].update(anchor={"x": 10**30, "y": 0})),
            r"meta\.frameTags\[0\]\.anchor\.x must be from -10000 to 10000, not a 31-digit number",
        ),
        (
            inplace(lambda d: d["meta"].update(anchor={"x": 0, "y": -(10**30)})),
            r"meta\.anchor\.y must be from -10000 to 10000",
        ),
        (
            inplace(lambda d: d["meta"]["size"].update(w=16384, h=16384)),
            r"meta\.size\.w must be from 1 to 8192, not 16384",
        ),
    ],
    ids=["400-digit duration", "anchor 10**30", "sheet anchor", "16384 square"],
)
def test_numbers_too_big_to_draw_are_refused_when_loaded(
    folder: Path, change: Callable[[Json], Json], match: str
) -> None:
    path = edit(folder, "props", change)
    refused(lambda: Sheet("props", folder), path, match)


def png_chunk(kind: bytes, body: bytes) -> bytes:
    import struct
    import zlib

    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def test_a_png_that_would_decode_to_a_gigabyte_is_refused_before_decoding(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import struct
    import zlib

    side = 16384  # 16384 x 16384 RGBA = 1 GiB, from a file of a few kilobytes
    rows = zlib.compress(b"\0" * (side * 4 + 1) * 64)  # (only the first rows: never decoded)
    header = struct.pack(">IIBBBBB", side, side, 8, 6, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header)
    png += png_chunk(b"IDAT", rows) + png_chunk(b"IEND", b"")
    (folder / "props.png").write_bytes(png)

    def no_decoding(*args: object) -> None:
        raise AssertionError("the image was decoded")

    monkeypatch.setattr(pygame.image, "load", no_decoding)
    refused(
        lambda: Sheet("props", folder),
        folder / "props.png",
        r"props\.png is 16384x16384 pixels but props\.json says 400x2166 \(meta\.size\)",
    )


def test_a_cut_off_png_is_our_one_line_not_libpngs(folder: Path) -> None:
    png = folder / "props.png"
    png.write_bytes(png.read_bytes()[:5000])
    code = (
        "from pathlib import Path; from game.view.sheets import Sheet; "
        f"Sheet('props', Path({str(folder)!r}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "SDL_VIDEODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "libpng" not in done.stderr
    assert "props.png is not a readable image: cut off after 5,000 bytes" in done.stderr


@pytest.mark.parametrize("run", [["--record", "CLIP", "--seconds", "1"], ["--screenshot", "SHOT"]])
def test_a_bad_sheet_is_one_line_naming_the_program_as_run(
    folder: Path, tmp_path: Path, run: list[str]
) -> None:
    bad = edit(folder, "props", lambda data: [data])
    clip, shot = tmp_path / "c.gif", tmp_path / "s.png"
    argv = [str(clip) if a == "CLIP" else str(shot) if a == "SHOT" else a for a in run]
    env = {**os.environ, "ASYNC_BURGERS_ASSETS": str(folder), "SDL_VIDEODRIVER": "dummy"}
    env["SDL_AUDIODRIVER"] = "dummy"
    done = subprocess.run(
        [sys.executable, "-m", "game", *argv],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("python -m game: error: "), done.stderr
    assert str(bad) in lines[0]
    assert not clip.exists() and not shot.exists()
