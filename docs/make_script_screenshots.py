"""Render the `run SCRIPT.py` screenshots headless: `python docs/make_script_screenshots.py`.

Examples at a moment that teaches something: the concurrent shop while the cook grills
and the couples wait at their tables, and the blocking mistake while time.sleep holds the
loop (the cashier frozen, everyone else ready but waiting); the same in Spanish, and with
the projector's big text (--text-scale 1.5), the way a class sees them.
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

SHOTS = {  # picture: (example, virtual time, language, text scale)
    "script-concurrent.png": ("burgers_concurrent.py", 4.5, "en", 1.0),
    "script-blocking.png": ("blocking_mistake.py", 1.0, "en", 1.0),
    "script-concurrent-es.png": ("burgers_concurrent.py", 4.5, "es", 1.0),
    "script-producer-consumer-big-text.png": ("producer_consumer.py", 2.0, "en", 1.5),
    "script-blocking-pt_BR-big-text.png": ("blocking_mistake.py", 1.0, "pt_BR", 1.5),
}

if __name__ == "__main__":
    for name, (example, at, lang, scale) in SHOTS.items():
        out = ROOT / "docs" / "screenshots" / name
        script = str(ROOT / "examples" / example)
        code = main(
            ["run", script, "--screenshot", str(out), "--at", str(at), "--lang", lang]
            + ["--text-scale", str(scale)]
        )
        print(out if code == 0 else f"{out}: exit {code}")
