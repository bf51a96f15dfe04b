"""Colours every sheet shares, named once so people, staff, props and the house match.

A ``Pair`` is (fill, shade): a part is painted in its shade, then lit on its upper side.
"""

from __future__ import annotations

RGB = tuple[int, int, int]
Pair = tuple[RGB, RGB]  # (fill, shade)

OUTLINE: RGB = (46, 30, 38)
WHITE: RGB = (255, 255, 255)
CLOTH_BASE = 215  # grey level of customer clothes on base sheets; tint = base * 255 / 215

SKIN_TAN: Pair = ((200, 138, 96), (164, 104, 72))
SKIN_FAIR: Pair = ((255, 216, 184), (236, 172, 142))
SKIN_PEACH: Pair = ((245, 194, 152), (218, 152, 116))
SKIN_DARK: Pair = ((150, 98, 68), (118, 72, 50))
SKIN_OLIVE: Pair = ((226, 172, 124), (194, 136, 96))
HAIR_DARK: Pair = ((66, 44, 36), (42, 28, 24))
HAIR_AUBURN: Pair = ((168, 80, 44), (128, 56, 32))
HAIR_BLACK: Pair = ((44, 38, 46), (26, 22, 30))
HAIR_BLOND: Pair = ((236, 192, 92), (200, 150, 64))
CLOTH_TOP: Pair = ((215, 215, 215), (170, 170, 170))
CLOTH_BOTTOM: Pair = ((150, 150, 150), (118, 118, 118))
SHOES: Pair = ((70, 52, 48), (44, 32, 30))
SNEAKERS: Pair = ((245, 245, 240), (196, 196, 200))
RED: Pair = ((222, 52, 40), (168, 30, 28))
WHITE_CLOTH: Pair = ((252, 252, 248), (206, 210, 220))
DARK_PANTS: Pair = ((64, 62, 84), (44, 42, 60))
TEAL: Pair = ((30, 160, 170), (18, 116, 128))
NAVY: Pair = ((40, 62, 112), (26, 40, 80))
DENIM: Pair = ((70, 110, 180), (48, 80, 140))
YELLOW: Pair = ((255, 206, 60), (226, 160, 30))
BUN: Pair = ((240, 164, 70), (206, 120, 46))
PATTY: Pair = ((124, 68, 42), (90, 46, 30))
CHEESE: Pair = ((255, 204, 40), (236, 160, 20))
LETTUCE: Pair = ((120, 200, 70), (80, 150, 50))
ORANGE: Pair = ((240, 130, 50), (206, 96, 34))
BLUE: Pair = ((70, 150, 220), (44, 108, 176))
CHROME: Pair = ((214, 220, 228), (150, 160, 176))
STEEL: Pair = ((120, 128, 140), (84, 90, 102))
WOOD: Pair = ((176, 112, 64), (134, 80, 44))
CREAM: Pair = ((255, 246, 214), (232, 214, 170))
BLUSH: RGB = (255, 138, 160)
TONGUE: RGB = (236, 96, 96)
MOUTH: RGB = (120, 36, 44)
HEART_PINK: Pair = ((255, 90, 124), (220, 44, 86))  # the props' heart and the talk bubble's


def darker(col: RGB, k: float) -> RGB:
    """``col`` with every channel scaled by ``k`` and truncated (shades of furniture)."""
    return tuple(int(v * k) for v in col)  # type: ignore[return-value]


def lighter(col: RGB, d: int) -> RGB:
    """``col`` with ``d`` added to every channel, clipped at 255 (highlights)."""
    return tuple(min(255, v + d) for v in col)  # type: ignore[return-value]
