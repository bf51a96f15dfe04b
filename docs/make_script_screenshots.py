"""Render the `run SCRIPT.py` screenshots headless: `python docs/make_script_screenshots.py`.

Two examples at a moment that teaches something: the concurrent shop while the cook grills
and the couples wait at their tables, and the blocking mistake while time.sleep holds the
loop (the cashier frozen, everyone else ready but waiting).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from game.app.cli import main  # noqa: E402

SHOTS = {  # picture: (example, virtual time)
    "script-concurrent.png": ("burgers_concurrent.py", 4.5),
    "script-blocking.png": ("blocking_mistake.py", 1.0),
}

if __name__ == "__main__":
    for name, (example, at) in SHOTS.items():
        out = ROOT / "docs" / "screenshots" / name
        code = main(
            ["run", str(ROOT / "examples" / example), "--screenshot", str(out), "--at", str(at)]
        )
        print(out if code == 0 else f"{out}: exit {code}")
