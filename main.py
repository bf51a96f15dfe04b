"""Async Burgers: `python main.py` opens the game; `--help` lists everything else."""

from game.app.cli import main

if __name__ == "__main__":
    raise SystemExit(main(prog="main.py"))
