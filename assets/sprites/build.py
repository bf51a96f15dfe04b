"""Every sheet of the game in a fixed order, and the command line that writes them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from .contact import contact_sheet
from .figure import Look
from .house import HOUSE
from .people import BOY, GIRL, customer_tags
from .poses import Tag
from .props import PROPS
from .sheets import Sheet, character_sheets, prop_sheet, write
from .staff import (
    CASHIER,
    CASHIER_COOK,
    CLEANER,
    COOK,
    cashier_cook_tags,
    cashier_tags,
    cleaner_tags,
    cook_tags,
)

ASSETS = Path(__file__).resolve().parent.parent  # the assets/ folder the game loads


class Character(NamedTuple):
    """One character sheet: who it is, what it can do, and whether couples recolour it."""

    name: str
    look: Look
    tags: Callable[[], list[Tag]]
    tinted: bool  # also write NAME_tint.png, the clothes layer the game multiplies by a colour


CHARACTERS: list[Character] = [
    Character("boy", BOY, customer_tags, True),
    Character("girl", GIRL, customer_tags, True),
    Character("cashier", CASHIER, cashier_tags, False),
    Character("cook", COOK, cook_tags, False),
    Character("cashier_cook", CASHIER_COOK, cashier_cook_tags, False),
    Character("cleaner", CLEANER, cleaner_tags, False),
]


def build_all() -> list[Sheet]:
    """Every sheet of the game, in a fixed order."""
    sheets: list[Sheet] = []
    for name, look, tags, tinted in CHARACTERS:
        sheets += character_sheets(name, look, tags, tinted)
    sheets.append(prop_sheet("props", PROPS))
    sheets.append(prop_sheet("house", HOUSE))
    return sheets


def main(argv: Sequence[str] | None = None) -> None:
    """Command line entry point of ``python assets/generate.py``."""
    # What the command does is the package docstring's first two paragraphs; the module map
    # after them is for readers of the code.
    about = "\n\n".join((sys.modules[__package__].__doc__ or "").split("\n\n")[:2])
    parser = argparse.ArgumentParser(description=about)
    parser.add_argument("--out", type=Path, default=ASSETS,
                        help="output folder (default: the assets/ folder of this script)")
    parser.add_argument("--contact", type=Path, default=None,
                        help="also write a contact sheet PNG here (for eyeballing)")
    args = parser.parse_args(argv)
    sheets = build_all()
    write(sheets, args.out)
    if args.contact is not None:
        contact_sheet(sheets, args.contact)
