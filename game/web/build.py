"""Build the static site: index.html, the page's scripts, Pyodide's runtime, the game.

Pyodide comes from the npm registry (``npm pack pyodide@PYODIDE``, pinned and checked
against its published SHA-1, cached so a second build needs no network); the game travels
as one zip the page unpacks into Pyodide's file system, with the browser pygame
(``shim/pygame``) beside it; pygame's default font, freesansbold.ttf, is taken from the
installed pygame-ce and served as a web font. The site asks nothing of any other host.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import zipfile
from pathlib import Path

from .. import __version__
from ..resources import builtin_dir
from . import fonttable

PYODIDE = "0.29.5"  # npm's "shasum" of the tarball below
PYTHON = "3.13"  # the Python inside this Pyodide
PYTHON_ENV = "ASYNC_BURGERS_PYTHON313"  # a CPython 3.13 to compile the game for the page
PYODIDE_SHA1 = "e48542d416bd2e0bd23245ad3ea3a45c2a7fcecc"
RUNTIME = (
    "pyodide.js",
    "pyodide.mjs",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
    "package.json",
)
CACHED = (  # what the page's service worker keeps (page/sw.js): the runtime the page loads
    "pyodide.js",
    "pyodide.asm.js",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
PAGE = Path(__file__).with_name("page")
SHIM = Path(__file__).with_name("shim")
GAME = Path(__file__).resolve().parents[1]
ROOT = GAME.parent
PURE_DEPENDENCIES = ("platformdirs",)  # what the game imports beyond the standard library
CACHE_ENV = "ASYNC_BURGERS_WEB_CACHE"
MARK = "build.json"  # a folder holding this was built here: a rebuild may replace it


class BuildError(Exception):
    """A build that cannot go on, said in one line."""


def cache_dir() -> Path:
    chosen = os.environ.get(CACHE_ENV)
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "async-burgers" / "web"


def sha1(path: Path) -> str:
    digest = hashlib.sha1()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def pyodide_tarball(cache: Path, version: str = PYODIDE) -> Path:
    """npm's tarball of Pyodide, from the cache or fetched once with ``npm pack``."""
    tarball = cache / f"pyodide-{version}.tgz"
    if tarball.exists() and (version != PYODIDE or sha1(tarball) == PYODIDE_SHA1):
        return tarball
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError(
            f"the build needs npm (Node.js) to fetch Pyodide {version}: install nodejs and "
            f"npm, or put pyodide-{version}.tgz (npm pack pyodide@{version}) in {cache}"
        )
    cache.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [npm, "pack", f"pyodide@{version}", "--pack-destination", str(cache), "--silent"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not tarball.exists():
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise BuildError(f"npm pack pyodide@{version} failed: {last}")
    if version == PYODIDE and sha1(tarball) != PYODIDE_SHA1:
        tarball.unlink()
        raise BuildError(f"pyodide-{version}.tgz is not the published file (SHA-1 differs)")
    return tarball


def write_runtime(tarball: Path, into: Path) -> None:
    into.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as archive:
        for name in RUNTIME:
            member = archive.getmember(f"package/{name}")
            source = archive.extractfile(member)
            assert source is not None
            (into / name).write_bytes(source.read())


def write_service_worker(site: Path) -> None:
    """page/sw.js with the runtime's fingerprint: another runtime, another cache."""
    digest = hashlib.sha1()
    for name in CACHED:
        digest.update(name.encode() + b"\0" + (site / "pyodide" / name).read_bytes())
    files = json.dumps([f"pyodide/{name}" for name in CACHED])
    text = (PAGE / "sw.js").read_text(encoding="utf-8")
    text = text.replace("@FINGERPRINT@", digest.hexdigest()[:16]).replace("@FILES@", files)
    (site / "sw.js").write_text(text, encoding="utf-8")


def write_boot(site: Path) -> None:
    """page/boot.js with the build's fingerprint (the runtime and the game): the page's
    kept copy of Python's started memory belongs to one build."""
    digest = hashlib.sha1()
    for path in (site / "pyodide" / "pyodide.asm.wasm", site / "game.zip"):
        digest.update(path.read_bytes())
    text = (PAGE / "boot.js").read_text(encoding="utf-8")
    (site / "boot.js").write_text(text.replace("@BUILD@", digest.hexdigest()[:16]), "utf-8")


def _game_files() -> list[tuple[Path, str]]:
    """(file, its name in the zip): the game's package as an installed wheel lays it out."""
    files: list[tuple[Path, str]] = []
    for path in sorted(GAME.rglob("*")):
        rel = path.relative_to(GAME)
        if not path.is_file() or "__pycache__" in rel.parts or rel.parts[:2] == ("web", "shim"):
            continue
        if path.suffix == ".py" or (rel.parts[0] == "locale" and path.suffix == ".mo"):
            files.append((path, f"game/{rel.as_posix()}"))
    assets = builtin_dir()
    for path in sorted(assets.rglob("*")):
        if path.is_file() and path.suffix in (".png", ".json", ".wav"):
            files.append((path, f"game/assets/{path.relative_to(assets).as_posix()}"))
    for path in sorted((SHIM / "pygame").rglob("*.py")):
        files.append((path, f"shim/pygame/{path.relative_to(SHIM / 'pygame').as_posix()}"))
    for name in PURE_DEPENDENCIES:
        module = __import__(name)
        package = Path(module.__file__).parent
        for path in sorted(package.rglob("*.py")):
            files.append((path, f"{name}/{path.relative_to(package).as_posix()}"))
    main = ROOT / "main.py"
    if main.exists():
        files.append((main, "main.py"))
    return files


def write_game(into: Path) -> int:
    """The game's zip; returns how many files it holds."""
    files = _game_files()
    with zipfile.ZipFile(into, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path, name in files:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))  # reproducible
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return len(files)


PYC_TOOL = """
import importlib.util, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc
src, root = sys.argv[1], sys.argv[2]
if sys.version_info[:2] != (3, 13):
    sys.exit(3)
with zipfile.ZipFile(src) as archive:
    sources = [(n, archive.read(n)) for n in archive.namelist() if n.endswith(".py")]
with zipfile.ZipFile(src, "a", zipfile.ZIP_DEFLATED) as archive:
    for name, data in sources:
        code = compile(data, root + name, "exec", dont_inherit=True)
        pyc = _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)
        folder, _, file = name.rpartition("/")
        cached = (folder + "/" if folder else "") + "__pycache__/" + file[:-3] + ".cpython-313.pyc"
        info = zipfile.ZipInfo(cached, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, pyc)
"""


def precompile(game_zip: Path, python: str | None = None) -> bool:
    """Compiled modules for the page's Python (3.13) in the zip, when a CPython 3.13 is on
    this machine: the page then skips compiling the game at every start. Unchecked hash
    pycs: the page's unpacked files have no useful modification times."""
    python = python or os.environ.get(PYTHON_ENV) or shutil.which(f"python{PYTHON}")
    if python is None:
        return False
    try:
        done = subprocess.run(
            [python, "-c", PYC_TOOL, str(game_zip), "/app/"], capture_output=True, text=True
        )
    except OSError:
        return False
    return done.returncode == 0


def default_font() -> Path:
    """pygame's own default font, from the installed pygame-ce (GNU FreeFont, GPL with the
    font exception: see fonts/README.txt in the site)."""
    import importlib.util

    spec = importlib.util.find_spec("pygame")
    if spec is None or spec.origin is None:
        raise BuildError("the build needs pygame-ce installed: its default font goes in the page")
    font = Path(spec.origin).with_name("freesansbold.ttf")
    if not font.exists():
        raise BuildError(f"pygame-ce has no default font at {font}")
    return font


FONT_NOTE = """freesansbold.ttf: FreeSans Bold from GNU FreeFont, as shipped inside pygame-ce as
its default font. GNU FreeFont is free software under the GNU General Public License v3 or
later, with the font exception: documents (such as this page) that use the font are not
themselves covered by the GPL. Source: https://www.gnu.org/software/freefont/
"""


def _prepare(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BuildError(f"{str(out)!r} is a file, not a folder")
    if out.exists() and any(out.iterdir()):
        if not (out / MARK).exists():
            raise BuildError(f"{str(out)!r} is not empty and not a site built here: choose another")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def build(out: Path, cache: Path | None = None) -> dict[str, object]:
    """Write the site into ``out``; returns what went in (also saved as build.json)."""
    out = Path(out)
    tarball = pyodide_tarball(cache or cache_dir())
    _prepare(out)
    write_runtime(tarball, out / "pyodide")
    files = write_game(out / "game.zip")
    with zipfile.ZipFile(out / "game.zip", "a", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("shim/pygame/_advances.json", date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, json.dumps(fonttable.table(), ensure_ascii=False))
    compiled = precompile(out / "game.zip")
    for name in ("index.html", "pgcanvas.js", "snapshot.js"):
        shutil.copyfile(PAGE / name, out / name)
    write_boot(out)
    write_service_worker(out)
    (out / "fonts").mkdir()
    shutil.copyfile(default_font(), out / "fonts" / "freesansbold.ttf")
    (out / "fonts" / "README.txt").write_text(FONT_NOTE)
    sizes = {p.relative_to(out).as_posix(): p.stat().st_size for p in sorted(out.rglob("*"))}
    sizes = {name: size for name, size in sizes.items() if (out / name).is_file()}
    info = {
        "game": __version__,
        "pyodide": PYODIDE,
        "game_files": files,
        "precompiled": compiled,
        "bytes": sum(sizes.values()),
        "files": sizes,
    }
    (out / MARK).write_text(json.dumps(info, indent=1) + "\n")
    return info
