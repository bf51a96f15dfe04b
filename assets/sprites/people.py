"""The customers: the boy and the girl of every couple, and their tint sheets.

Their clothes are neutral grey on the base sheet and also painted on a ``_tint`` sheet, so the
game can give every couple its own colours by multiplying the tint layer.
"""

from __future__ import annotations

from .figure import Arm, Leg, Look, Pose
from .palette import (
    CLOTH_BOTTOM,
    CLOTH_TOP,
    HAIR_AUBURN,
    HAIR_DARK,
    SKIN_FAIR,
    SKIN_TAN,
    SNEAKERS,
)
from .poses import GROUND, Tag, carry_tag, idle_tag, reach, sit, stand, walk_tag

BOY = Look(skin=SKIN_TAN, hair="curly", hair_col=HAIR_DARK, top=CLOTH_TOP, bottom="trousers",
           bottom_col=CLOTH_BOTTOM, cloth=True, shoes=SNEAKERS)
GIRL = Look(skin=SKIN_FAIR, hair="long", hair_col=HAIR_AUBURN, top=CLOTH_TOP, bottom="skirt",
            bottom_col=CLOTH_BOTTOM, cloth=True, shoes=((200, 60, 90), (150, 40, 66)))


def customer_tags() -> list[Tag]:
    """Tag name, frame duration (ms) and poses of the boy and girl sheets."""
    crossed_far = Arm((26.0, 37.0), (29.4, 45.6), (20.4, 43.6), front=True)
    crossed_near = Arm((22.6, 37.0), (19.6, 45.4), (29.6, 42.0))

    def wait(i: int) -> Pose:
        tap = -26.0 if i % 2 else 0.0
        lift_y = 1.0 if i % 2 else 0.0
        return stand(
            0.0, near_arm=crossed_near, far_arm=crossed_far,
            face="grumpy" if i < 2 else "grumpy2", turn=1,
            near_leg=Leg((25.4, 54), (27, 64), (28.4, GROUND - lift_y), tap),
            far_leg=Leg((22.6, 54), (21.8, 64), (20.6, GROUND)),
            extras=(("sweat", (32.4, 10.8 + (1.2 if i in (1, 2) else 0)), 0.0),) if i >= 2 else (),
        )

    def talk(i: int) -> Pose:
        hands = [(35.4, 43.6), (33.6, 46.4), (36.0, 40.6), (33.0, 47.6)]
        elbows = [(29.6, 48.8), (29.2, 49.8), (30.0, 47.4), (29.0, 50.0)]
        return sit(face="talk" if i % 2 == 0 else "grin", head=(25.4, 24.0 - (i % 2) * 0.6),
                   near_arm=Arm((24.4, 41.5), elbows[i], hands[i],
                                point=((0.5, -0.9),) if i == 2 else ()))

    def flirt(i: int) -> Pose:
        return sit(
            face="flirt" if i == 0 else "flirt2", neck=(26.2, 42.5),
            head=(28.6 + i * 0.4, 26.0 - i * 0.4),
            near_arm=Arm((26.8, 42.5), (35.4, 51.0), (34.8, 40.6 - i * 0.4)),
            far_arm=Arm((24.4, 42.5), (32.0, 51.4), (31.0, 41.0 - i * 0.4)),
            extras=(("heart", (40.2, 17.0 - i * 2.0), 0.0),))

    def glance(i: int) -> Pose:
        return sit(face="curious" if i == 0 else "curious2", turn=-1, head=(23.2, 23.4 - i * 0.4),
                   neck=(23.0, 41.5), chin=-1.8 - i * 0.4, gaze=(0.0, -0.6))

    def eat(i: int) -> Pose:
        at = [(34.6, 31.4), (36.0, 38.4), (34.4, 31.0), (36.2, 39.2)][i]
        return sit(
            face="eat" if i % 2 == 0 else "chew", head=(25.4, 24.0 + (0.4 if i == 2 else 0)),
            near_arm=Arm((24.4, 41.5), (28.4, 48.6), (at[0] - 1.0, at[1] + 3.4)),
            far_arm=Arm((22.0, 41.5), (27.0, 48.8), (at[0] - 4.4, at[1] + 2.4)),
            items=(("burger", at, 0.0),))

    def sad(i: int) -> Pose:
        return sit(
            face="sad" if i == 0 else "sad2", neck=(21.6, 43.0), head=(23.4, 28.0 + i * 0.6),
            near_arm=Arm((22.6, 43.0), (25.2, 51.2), (31.2, 55.4 + i * 0.3)),
            far_arm=Arm((20.4, 43.0), (23.0, 51.2), (29.0, 55.8)))

    point = reach((31.4, 39.4), (38.6, 35.4), point=((0.9, -0.45),))
    point2 = reach((31.6, 38.4), (37.4, 32.6), point=((0.1, -1.0), (0.55, -0.85)))
    return [
        idle_tag(),
        walk_tag(),
        ("order", 260, [stand(0.0, face="talk", near_arm=point),
                        stand(0.3, face="talk2", near_arm=point2)]),
        ("pay", 300, [stand(0.0, near_arm=reach((30.2, 42.6), (35.8, 40.2)),
                            items=(("card", (37.6, 38.4), 0.0),)),
                      stand(0.4, near_arm=reach((30.8, 42.0), (37.2, 40.4)),
                            items=(("card", (39.0, 38.6), 0.0),), face="shy")]),
        ("wait", 180, [wait(i) for i in range(4)]),
        carry_tag(),
        ("sit_talk", 220, [talk(i) for i in range(4)]),
        ("sit_flirt", 420, [flirt(i) for i in range(2)]),
        ("sit_glance", 500, [glance(i) for i in range(2)]),
        ("sit_eat", 200, [eat(i) for i in range(4)]),
        ("sit_sad", 600, [sad(i) for i in range(2)]),
    ]

