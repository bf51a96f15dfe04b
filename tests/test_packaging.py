"""The installable command: a wheel that carries its assets and runs from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pygame
import pytest

ROOT = Path(__file__).resolve().parent.parent


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


def build_wheel(tmp: Path) -> Path:
    """A wheel from a copy of the sources (the checkout gets no build/ or egg-info)."""
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
    (wheel,) = out.glob("async_burgers-*.whl")
    return wheel


def test_the_wheel_installs_into_a_fresh_venv_and_runs_from_anywhere(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    env_dir = tmp_path / "venv"
    # system site-packages: pygame-ce and Pillow come from this interpreter, not the network
    venv.create(env_dir, system_site_packages=True, with_pip=False)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / ("python.exe" if os.name == "nt" else "python")
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q"]
    done = subprocess.run(
        [*install, "--no-deps", "--no-index", str(wheel)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "ASYNC_BURGERS_ASSETS", "VIRTUAL_ENV")
    }
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
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

    version = run(command, "--version")
    assert version.returncode == 0 and version.stdout.startswith("async-burgers "), version
    shot = run(command, "--screenshot", "out.png", "--at", "5")
    assert shot.returncode == 0, shot.stderr
    image = pygame.image.load(str(elsewhere / "out.png"))
    assert image.get_size() == (1280, 720)
    where = (
        "import game.resources as r; print(r.assets_dir(), (r.sounds_dir() / 'door.wav').is_file())"
    )
    located = run(python, "-c", where)
    assert str(env_dir) in located.stdout, "the installed game must use its own assets"
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
    assert str(env_dir) in spoken.stdout, "the installed game must read its own catalogs"
    assert "['en', 'es', 'pt_BR'] EN PAUSA" in spoken.stdout, spoken
    module = run(python, "-m", "game", "--version")
    assert module.returncode == 0 and "python -m game" in module.stdout
