"""The installable command: a wheel that declares what it imports, carries its assets and
runs from any folder in an environment that has nothing but what the wheel asked for."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pygame
import pytest

ROOT = Path(__file__).resolve().parent.parent
# modules run only as ``python -m ...`` by maintainers, and the extra each one needs
TOOLS = {"game.catalogs": "catalogs"}
# import name -> distribution, where they differ
DISTRIBUTION = {"PIL": "pillow", "pygame": "pygame-ce"}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_package_is_in_the_wheel_list() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text()
    listed = pyproject.split("packages = [", 1)[1].split("]", 1)[0]
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "game").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    missing = sorted(p for p in found if f'"{p}"' not in listed)
    assert not missing, f"add to pyproject's [tool.setuptools] packages: {missing}"


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    from game import __version__
    from game.app.cli import main

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"async-burgers {__version__}"


# -- requirements files and CI ----------------------------------------------------------
def pins(path: Path) -> dict[str, str]:
    found = {}
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-r"):
            name, version = line.split("==")
            found[canonical(name)] = version
    return found


def test_requirements_pin_what_pyproject_declares_and_dev_includes_them() -> None:
    listed = (ROOT / "pyproject.toml").read_text().split("\ndependencies = [", 1)[1]
    dependencies = re.findall(r'"([^"]+)"', listed.split("]", 1)[0])
    declared = {canonical(re.split(r"[<>=~!;\[ ]", d, maxsplit=1)[0]) for d in dependencies}
    play = pins(ROOT / "requirements.txt")
    assert set(play) == declared, "requirements.txt pins exactly what playing needs"
    for dep in dependencies:
        name, lower = re.match(r"([\w.-]+)>=([\w.]+)", dep).groups()
        assert play[canonical(name)] == lower, f"pyproject's {dep} starts at the pinned version"
    dev = (ROOT / "requirements-dev.txt").read_text()
    assert "-r requirements.txt" in dev.splitlines()
    tools = pins(ROOT / "requirements-dev.txt")
    assert {"pytest", "hypothesis", "ruff", "babel", "pytest-repeat"} <= set(tools)
    assert not set(tools) & set(play), "requirements-dev.txt adds to the playing pins"


def readme_commands() -> list[str]:
    block = (ROOT / "README.md").read_text().split("```sh\n", 1)[1].split("```", 1)[0]
    return block.strip().splitlines()


def test_ci_runs_the_readmes_test_command_after_ruff() -> None:
    play, tests = readme_commands()
    assert "venv" in play and play.endswith("pip install -r requirements.txt && python main.py")
    assert tests.endswith("pip install -r requirements-dev.txt && python -m pytest")
    lines = [line for line in (ROOT / ".ci/run").read_text().splitlines() if line.strip()]
    assert lines[-1] == tests, "CI runs exactly the README's test command"
    assert "ruff check ." in lines[-2]


# -- the wheel --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel from a copy of the sources (the checkout gets no build/ or egg-info)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    shutil.copytree(ROOT / "game", src / "game", ignore=skip)
    shutil.copytree(ROOT / "assets", src / "assets", ignore=skip)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    out = tmp / "dist"
    pip = [sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q", "-w", str(out)]
    done = subprocess.run(pip, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:  # no package index: build with the setuptools we have
        done = subprocess.run(
            [*pip, "--no-build-isolation"], capture_output=True, text=True, timeout=300
        )
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("async_burgers-*.whl")
    return built


def declared_requirements(wheel: Path) -> dict[str, set[str | None]]:
    """Distribution -> the extras that bring it (None: always), from the wheel's METADATA."""
    with zipfile.ZipFile(wheel) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(name).decode()
    found: dict[str, set[str | None]] = {}
    for line in metadata.splitlines():
        if line.startswith("Requires-Dist:"):
            spec = line.split(":", 1)[1].strip()
            dist = canonical(re.split(r"[<>=~!;\[ (]", spec, maxsplit=1)[0])
            extra = re.search(r"extra\s*==\s*['\"]([\w-]+)['\"]", spec)
            found.setdefault(dist, set()).add(extra.group(1) if extra else None)
    return found


def third_party_imports() -> list[tuple[str, str, bool]]:
    """(module, imported top-level name, guarded) for every import in game/ that is neither
    the standard library nor the game; guarded: inside a function or a ``try``."""
    found = []
    for path in sorted((ROOT / "game").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        tree = ast.parse(path.read_text(), str(path))
        guarded_nodes: set[int] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Try):
                guarded_nodes |= {id(n) for n in ast.walk(node) if n is not node}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top == "game":
                    continue
                found.append((module, top, id(node) in guarded_nodes))
    return found


@pytest.mark.slow
def test_the_wheel_declares_every_third_party_module_the_game_imports(wheel: Path) -> None:
    declared = declared_requirements(wheel)
    imports = third_party_imports()
    assert {"pygame", "PIL", "platformdirs"} <= {top for _, top, _ in imports}
    problems = []
    for module, top, guarded in imports:
        dist = canonical(DISTRIBUTION.get(top, top))
        extras = declared.get(dist)
        if not extras:
            problems.append(f"{module} imports {top}: the wheel does not declare {dist}")
        elif None not in extras:
            tool_extra = TOOLS.get(module)
            if not guarded and tool_extra not in extras:
                problems.append(
                    f"{module} imports {top} unguarded, but {dist} comes only with {extras}"
                )
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def isolated(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv without the system's site-packages, holding the wheel and what it declares."""
    env_dir = tmp_path_factory.mktemp("isolated") / "venv"
    venv.create(env_dir, system_site_packages=False, with_pip=False)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q"]
    done = subprocess.run(
        [*install, "--disable-pip-version-check", str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if done.returncode != 0 and not os.environ.get("CI"):
        offline = ("NewConnectionError", "No matching distribution", "Could not find a version")
        if any(word in done.stderr for word in offline):
            pytest.skip(f"no package index to install the wheel's dependencies from: {done.stderr}")
    assert done.returncode == 0, done.stderr
    return env_dir


@pytest.mark.slow
def test_the_wheel_installs_into_an_isolated_venv_and_runs_from_anywhere(
    isolated: Path, tmp_path: Path
) -> None:
    bindir = isolated / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "ASYNC_BURGERS_ASSETS", "VIRTUAL_ENV", "PYTHONHOME")
    }
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYTHONNOUSERSITE="1")
    env["ASYNC_BURGERS_DATA"] = str(tmp_path / "data")
    command = bindir / ("async-burgers.exe" if os.name == "nt" else "async-burgers")

    def run(*argv: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(a) for a in argv],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    alone = run(python, "-c", "import sys; print(sys.flags.no_user_site, sys.path)")
    assert str(ROOT) not in alone.stdout and "site-packages" in alone.stdout
    assert not any(
        p.endswith("site-packages") and not p.startswith(str(isolated))
        for p in eval(alone.stdout.split(" ", 1)[1])  # noqa: S307 - our own repr
    ), "the venv sees no site-packages but its own"
    every_module = (
        "import importlib, pkgutil, game; "
        f"tools = {sorted(TOOLS)!r}; "
        "names = [m.name for m in pkgutil.walk_packages(game.__path__, 'game.')]; "
        "[importlib.import_module(n) for n in names if n not in tools]; print(len(names))"
    )
    imported = run(python, "-c", every_module)
    assert imported.returncode == 0, imported.stderr
    version = run(command, "--version")
    assert version.returncode == 0 and version.stdout.startswith("async-burgers "), version
    shot = run(command, "--screenshot", "out.png", "--at", "5")
    assert shot.returncode == 0, shot.stderr
    image = pygame.image.load(str(elsewhere / "out.png"))
    assert image.get_size() == (1280, 720)
    clip = run(command, "--record", "clip.gif", "--seconds", "1", "--fps", "5", "--width", "320")
    assert clip.returncode == 0, clip.stderr
    assert (elsewhere / "clip.gif").read_bytes()[:6] == b"GIF89a"
    play = run(command, "--frames", "3")
    assert play.returncode == 0, play.stderr
    where = (
        "import game.resources as r; print(r.assets_dir(), (r.sounds_dir() / 'door.wav').is_file())"
    )
    located = run(python, "-c", where)
    assert str(isolated) in located.stdout, "the installed game must use its own assets"
    assert located.stdout.split()[-1] == "True", "the sounds travel in the wheel too"
    spanish = run(command, "--lang", "es", "--screenshot", "es.png", "--at", "5")
    assert spanish.returncode == 0, spanish.stderr
    assert pygame.image.tobytes(pygame.image.load(str(elsewhere / "es.png")), "RGB") != (
        pygame.image.tobytes(image, "RGB")
    ), "the Spanish frame has Spanish words"
    speaks = (
        "import game.i18n as i; i.use('es'); print(i.LOCALE_DIR, i.languages(), i._('PAUSED'))"
    )
    spoken = run(python, "-c", speaks)
    assert str(isolated) in spoken.stdout, "the installed game must read its own catalogs"
    assert "['en', 'es', 'pt_BR'] EN PAUSA" in spoken.stdout, spoken
    module = run(python, "-m", "game", "--version")
    assert module.returncode == 0 and "python -m game" in module.stdout
