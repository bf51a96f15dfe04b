"""``python -m game``: the same as the ``async-burgers`` command and ``python main.py``."""

from .app.cli import main

if __name__ == "__main__":
    raise SystemExit(main(prog="python -m game"))
