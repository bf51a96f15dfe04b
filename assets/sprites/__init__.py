"""Draw every Async Burgers sprite sheet with pygame primitives, deterministically.

Run ``python assets/generate.py [--out DIR] [--contact PNG]``. Each sheet NAME becomes
``NAME.png`` (RGBA) plus ``NAME.json`` in the Aseprite "array" JSON convention.
Shapes are painted at ``S`` times the final size, with a dark outline and one flat shade,
then ``smoothscale``d down for anti-aliased edges. No randomness, no fonts, no images.

Modules, from the ground up: ``palette`` and ``shapes`` (colours, 1x shapes), ``painter``
(outline, shade, tint layer), ``food`` and ``items`` (things drawn on several sheets),
``figure`` and ``poses`` (the one body every character shares), then one module per sheet
family (``people``, ``staff``, ``props``, ``house``), ``sheets`` (packing, PNG + JSON),
``contact`` (a proof sheet for eyeballing) and ``build`` (the fixed order and the command).
"""

import os

# Before pygame is imported anywhere below: no banner, and no window or sound card needed.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from .build import build_all, main  # noqa: E402

__all__ = ["build_all", "main"]
