"""The workers: cashier, cook, the parallel shop's cashier-cook, and the house cleaner.

They share the customers' body and idle and walk cycles; their looks (uniform, hat, apron) say
which job they do, and their own tags show the work (taking orders, cooking, mopping).
"""

from __future__ import annotations

from .figure import Arm, Look
from .palette import (
    DARK_PANTS,
    DENIM,
    HAIR_BLACK,
    HAIR_BLOND,
    HAIR_DARK,
    NAVY,
    RED,
    SHOES,
    SKIN_DARK,
    SKIN_OLIVE,
    SKIN_PEACH,
    TEAL,
    WHITE_CLOTH,
    YELLOW,
)
from .poses import Tag, carry_tag, idle_tag, reach, stand, walk_tag
from .shapes import Pt, lerp

CASHIER = Look(skin=SKIN_PEACH, hair="short", hair_col=HAIR_BLACK, top=RED, bottom="trousers",
               bottom_col=DARK_PANTS, hat="cap", hat_col=RED, apron=WHITE_CLOTH,
               extras=frozenset({"bib", "badge"}))
COOK = Look(skin=SKIN_DARK, hair="short", hair_col=HAIR_BLACK, top=WHITE_CLOTH, bottom="checked",
            bottom_col=WHITE_CLOTH, hat="toque", sleeves="long", extras=frozenset({"buttons"}),
            drop=5.0)
CASHIER_COOK = Look(skin=SKIN_OLIVE, hair="short", hair_col=HAIR_DARK, top=TEAL,
                    bottom="trousers", bottom_col=NAVY, hat="paper", apron=NAVY,
                    extras=frozenset({"bib", "badge"}))
CLEANER = Look(skin=SKIN_PEACH, hair="short", hair_col=HAIR_BLOND, top=YELLOW, bottom="overalls",
               bottom_col=DENIM, hat="scarf", hat_col=RED, shoes=SHOES)



def talk_tag() -> Tag:
    """Open-palm gesture while talking to a customer."""
    return ("talk", 240, [
        stand(0.0, face="talk", near_arm=reach((29.4, 43.4), (34.0, 40.4))),
        stand(0.4, face="grin", near_arm=reach((29.8, 43.8), (35.0, 42.2))),
    ])


def cook_tag() -> Tag:
    """Flipping a patty with a spatula held forward."""
    frames = []
    spat = [(4.0, None), (-14.0, (43.0, 40.0)), (-24.0, (42.0, 33.0)), (2.0, (43.4, 42.6))]
    for i, (ang, patty) in enumerate(spat):
        hand = (33.6, 47.0 - (1.5 if i in (1, 2) else 0))
        items: list[tuple[str, Pt, float]] = [("spatula", hand, ang)]
        if patty is not None:
            items.append(("patty", patty, (0.0, -30.0, 35.0, 10.0)[i]))
        frames.append(stand(
            0.3 * (i % 2), face="focus", gaze=(0.6, 0.8),
            near_arm=reach((28.4, 45.0), hand),
            far_arm=Arm((22.4, 36.5), (22.6, 44.6), (25.4, 50.0)),
            extras=tuple(items)))
    return ("cook", 150, frames)


def cashier_tags() -> list[Tag]:
    """Cashier: takes orders, payment, hands out tickets, shouts to the kitchen."""
    give = [reach((30.6, 42.0), (36.4, 41.0)), reach((31.0, 41.4), (37.8, 40.0))]
    return [
        idle_tag(),
        talk_tag(),
        ("pay", 300, [stand(0.0, face="smile", near_arm=reach((30.0, 43.8), (36.0, 44.0))),
                      stand(0.3, face="grin", near_arm=reach((29.6, 43.6), (35.2, 42.8)),
                            items=(("card", (36.4, 40.8), 0.0),))]),
        ("give", 320, [stand(0.0, face="grin", near_arm=give[0],
                             extras=(("ticket", (37.4, 38.4), 0.0),)),
                       stand(0.3, face="smile", near_arm=give[1],
                             extras=(("ticket", (38.8, 37.4), 0.0),))]),
        ("shout", 260, [stand(0.0, face="shout", turn=-1, head=(23.6, 19.2),
                              near_arm=Arm((24.0, 36.5), (17.0, 35.4), (13.6, 28.6)),
                              extras=(("shout", (9.0, 25.2), 0.0),)),
                        stand(-0.5, face="shout", turn=-1, head=(23.0, 18.6),
                              near_arm=Arm((24.0, 36.0), (16.6, 34.8), (13.0, 28.0)),
                              extras=(("shout", (7.6, 24.4), 1.0),))]),
        walk_tag(),
    ]


def cook_tags() -> list[Tag]:
    """Kitchen cook: grills, then carries the tray out himself, grinning."""
    return [idle_tag(), cook_tag(), walk_tag(), carry_tag(face="grin")]


def cashier_cook_tags() -> list[Tag]:
    """Parallel-shop cashier who also cooks."""
    return [idle_tag(), talk_tag(), walk_tag(), cook_tag(), carry_tag()]


def cleaner_tags() -> list[Tag]:
    """House cleaner with a mop."""
    mops = []
    for i in range(4):
        dx = (0.0, 2.6, 5.0, 2.2)[i]
        top = (28.0 + dx * 0.4, 34.0)
        head_x = 34.0 + dx * 1.1
        grip = lerp(top, (head_x, 70.0), 0.36)
        mops.append(stand(
            0.4 * (i % 2), face="grin" if i % 2 else "smile",
            near_arm=reach((26.4, 44.0), grip),
            far_arm=Arm((22.4, 36.5), (25.4, 41.0), lerp(top, (head_x, 70.0), 0.1)),
            items=(("mop", top, head_x),)))
    tired = [stand(1.0, face="tired", near_arm=Arm((25.2, 37.5), (38.4, 28.0), (34.0, 14.6)),
                   extras=(("sweat", (16.6, 12.4), 0.0),)),
             stand(1.4, face="tired", near_arm=Arm((25.2, 37.9), (37.6, 27.6), (31.0, 13.2)),
                   extras=(("sweat", (15.8, 15.4), 0.0),))]
    return [idle_tag(), walk_tag(), ("mop", 180, mops), ("tired", 400, tired)]
