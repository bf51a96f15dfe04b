"""Colours of the scenes and of the couples' clothes (the model only knows palette indices).

Two palettes for what colour tells apart (phases, shops, task states): ``default`` and
``safe``, the Okabe-Ito colour-blind-safe set (Okabe & Ito 2008). ``use`` switches them live
(F3, ``--palette``) by updating these dicts in place, so every painter reads the palette
in use. Colour is never the only cue: ``cues.py`` adds a shape or pattern to each.
"""

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

# Okabe-Ito (https://jfly.uni-koeln.de/color/), plus a light grey for "nothing going on"
OKABE_ITO: dict[str, Colour] = {
    "orange": (230, 159, 0),
    "sky blue": (86, 180, 233),
    "bluish green": (0, 158, 115),
    "yellow": (240, 228, 66),
    "blue": (0, 114, 178),
    "vermillion": (213, 94, 0),
    "reddish purple": (204, 121, 167),
    "light grey": (200, 200, 200),
}
OI = OKABE_ITO

PALETTES: dict[str, dict[str, dict[str, Colour]]] = {
    "default": {
        "phases": {
            "in line": (170, 170, 170),
            "ordering": (250, 190, 70),
            "flirting": (240, 100, 150),
            "fetching": (250, 150, 60),
            "standing": (90, 110, 200),
            "eating": (100, 190, 100),
            "leaving": (200, 200, 200),
            "idle": (200, 200, 200),
            "taking order": (250, 190, 70),
            "passing order": (250, 150, 60),
            "cooking": (230, 90, 60),
        },
        "shops": {"concurrent": (255, 170, 70), "parallel": (90, 180, 240)},
        "states": {
            "running": (255, 230, 80),
            "ready": (120, 230, 120),
            "sleeping": (120, 170, 255),
            "waiting": (255, 140, 90),
            "failed": (255, 60, 60),
        },
        "hud": {"flirting": (255, 150, 190), "standing": (160, 180, 255)},
    },
    "safe": {
        "phases": {  # chosen for the widest smallest distance under protan and deutan vision
            "in line": OI["light grey"],
            "ordering": OI["yellow"],
            "flirting": OI["vermillion"],
            "fetching": OI["sky blue"],
            "standing": OI["blue"],
            "eating": OI["bluish green"],
            "leaving": OI["light grey"],
            "idle": OI["light grey"],
            "taking order": OI["yellow"],
            "passing order": OI["sky blue"],
            "cooking": OI["vermillion"],
        },
        "shops": {"concurrent": OI["orange"], "parallel": OI["sky blue"]},
        "states": {
            "running": OI["yellow"],
            "ready": OI["bluish green"],
            "sleeping": OI["sky blue"],
            "waiting": OI["light grey"],
            "failed": OI["vermillion"],
        },
        "hud": {"flirting": (240, 140, 90), "standing": OI["sky blue"]},
    },
}

# the palette in use: painters read these; ``use`` refills them
PHASE_COLOURS: dict[str, Colour] = dict(PALETTES["default"]["phases"])
SHOP_COLOURS: dict[str, Colour] = dict(PALETTES["default"]["shops"])
STATE_COLOURS: dict[str, Colour] = dict(PALETTES["default"]["states"])
HUD_COLOURS: dict[str, Colour] = dict(PALETTES["default"]["hud"])
_in_use = ["default"]


def use(name: str) -> None:
    """Draw with palette ``name`` from the next frame on (KeyError names an unknown one)."""
    chosen = PALETTES[name]
    for live, part in (
        (PHASE_COLOURS, "phases"),
        (SHOP_COLOURS, "shops"),
        (STATE_COLOURS, "states"),
        (HUD_COLOURS, "hud"),
    ):
        live.clear()
        live.update(chosen[part])
    _in_use[0] = name


def in_use() -> str:
    return _in_use[0]


def cycle() -> str:
    """The next palette (F3), now in use."""
    names = list(PALETTES)
    use(names[(names.index(in_use()) + 1) % len(names)])
    return in_use()
