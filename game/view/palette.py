"""Colours of the scenes and of the couples' clothes (the model only knows palette indices)."""

from __future__ import annotations

Colour = tuple[int, int, int]

COUPLE_CLOTHES: list[tuple[Colour, Colour]] = [  # (you, crush) for each palette index
    ((230, 90, 80), (250, 170, 60)),
    ((80, 140, 230), (230, 110, 170)),
    ((150, 110, 210), (120, 200, 220)),
    ((240, 200, 70), (200, 90, 120)),
    ((90, 120, 150), (250, 140, 110)),
    ((200, 130, 80), (140, 170, 230)),
    ((110, 110, 120), (230, 200, 150)),
    ((70, 170, 190), (240, 120, 90)),
    ((180, 80, 150), (160, 210, 120)),
    ((230, 150, 180), (110, 130, 200)),
    ((170, 160, 100), (200, 110, 90)),
    ((120, 90, 70), (220, 220, 110)),
]
PROTAGONIST_CLOTHES: tuple[Colour, Colour] = ((60, 200, 120), (70, 215, 170))

INK = (40, 30, 35)
WHITE = (255, 255, 255)
GOLD = (255, 200, 40)
LED_ON = (120, 255, 110)
LED_OFF = (30, 52, 30)
WARM_LABEL = (235, 120, 30)
COOL_LABEL = (40, 120, 190)
KITCHEN_WARM = (120, 110, 100)
KITCHEN_COOL = (150, 170, 185)
PHASE_COLOURS: dict[str, Colour] = {
    "in line": (170, 170, 170),
    "ordering": (250, 190, 70),
    "flirting": (240, 100, 150),
    "fetching": (250, 150, 60),
    "standing": (90, 110, 200),
    "eating": (100, 190, 100),
    "leaving": (200, 200, 200),
    "idle": (200, 200, 200),
}
