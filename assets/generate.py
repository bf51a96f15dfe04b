#!/usr/bin/env python3
"""Redraw every sprite sheet in this folder: ``python assets/generate.py [--out DIR]``.

The drawing code lives in the ``sprites`` package next to this script (one module per sheet
family); this file stays so the one command in the README keeps working.
"""

from sprites import main

if __name__ == "__main__":
    main()
