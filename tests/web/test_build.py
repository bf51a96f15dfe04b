"""``python -m game.web build``: a self-contained static folder, or one line saying why not."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from game.web import build as web


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    try:
        web.build(out)
    except web.BuildError as error:
        pytest.skip(f"the site cannot be built here: {error}")
    return out


def test_the_site_holds_the_runtime_the_game_and_the_page(built: Path) -> None:
    for name in ("index.html", "boot.js", "pgcanvas.js", "fonts/freesansbold.ttf", "game.zip"):
        assert (built / name).is_file(), name
    for name in web.RUNTIME:
        assert (built / "pyodide" / name).is_file(), name
    info = json.loads((built / "build.json").read_text())
    assert info["pyodide"] == web.PYODIDE and info["bytes"] <= 20_000_000
    names = zipfile.ZipFile(built / "game.zip").namelist()
    assert "game/app/window.py" in names and "shim/pygame/__init__.py" in names
    assert "game/assets/props.png" in names and "game/assets/sounds/door.wav" in names
    assert "platformdirs/__init__.py" in names and "shim/pygame/_advances.json" in names
    assert not [n for n in names if n.startswith(("tests/", "game/web/shim"))]
    compiled = [n for n in names if "__pycache__" in n]
    assert all(n.endswith(".cpython-313.pyc") for n in compiled)  # only for the page's Python
    assert bool(compiled) == info["precompiled"]
    page = (built / "index.html").read_text() + (built / "boot.js").read_text()
    assert "http://" not in page and "https://" not in page  # nothing from another host


def test_a_folder_not_built_here_is_refused(tmp_path: Path, built: Path, capsys) -> None:
    from game.web.__main__ import main

    (tmp_path / "notes.txt").write_text("mine")
    assert main(["build", str(tmp_path), "--cache", str(web.cache_dir())]) == 2
    err = capsys.readouterr().err
    assert "is not empty and not a site built here" in err and err.count("\n") == 1
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_without_npm_or_a_cached_tarball_the_build_says_what_it_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web.shutil, "which", lambda name: None)
    with pytest.raises(web.BuildError, match="needs npm"):
        web.pyodide_tarball(tmp_path)
