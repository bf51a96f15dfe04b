"""Poses every character shares: standing, the walk cycle, carrying a tray, sitting.

Sheets build their own gestures from these by overriding fields (``stand(face="talk")``).
"""

from __future__ import annotations

from dataclasses import replace

from .figure import Arm, Leg, Pose

Tag = tuple[str, int, list[Pose]]  # name, frame duration in ms, one pose per frame

NEAR_SHOULDER = (25.2, 36.5)  # where a standing character's near arm starts
GROUND = 73.5  # ankle height of a planted foot (shoe bottom lands on y=77)


def stand(bob: float = 0.0, **kw: object) -> Pose:
    """Neutral standing pose facing right; keyword args override any Pose field."""
    y = bob
    base = Pose(
        head=(25.0, 19.0 + y), neck=(24.0, 37.0 + y), hip=(24.0, 52.0 + y * 0.4),
        near_arm=Arm((25.2, 36.5 + y), (25.6, 44.5 + y), (26.4, 51.5 + y)),
        far_arm=Arm((22.4, 36.5 + y), (21.6, 44.5 + y), (22.2, 51.5 + y)),
        near_leg=Leg((25.4, 54), (25.6, 64), (25.6, GROUND)),
        far_leg=Leg((22.6, 54), (22.4, 64), (22.2, GROUND)),
    )
    return replace(base, **kw)  # type: ignore[arg-type]


WALK_LEGS: list[tuple[Leg, Leg, float]] = [
    # near leg, far leg, body bob
    (Leg((25, 54), (27.6, 63.6), (29.6, GROUND - 0.4), -12),
     Leg((23, 54), (20.6, 63.8), (17.4, GROUND - 1.2), 24), 0.8),
    (Leg((24.6, 54), (24.8, 63.8), (24.4, GROUND)),
     Leg((23, 54), (26.4, 62), (22, 70.4), 30), -0.6),
    (Leg((25, 54), (22.6, 63.8), (19.4, GROUND - 1.2), 24),
     Leg((23, 54), (25.6, 63.6), (27.6, GROUND - 0.4), -12), 0.8),
    (Leg((25, 54), (28.2, 62), (24, 70.4), 30),
     Leg((23, 54), (23.2, 63.8), (23.0, GROUND)), -0.6),
]


def walk(i: int, **kw: object) -> Pose:
    """Frame ``i`` of the 4-frame walk cycle; arms swing opposite to legs."""
    near, far, bob = WALK_LEGS[i]
    swing = (-4.5, 0, 4.5, 0)[i]
    y = bob
    pose = stand(
        bob, near_leg=near, far_leg=far, hip=(24.0, 52.0 + y * 0.5),
        near_arm=Arm((25.2, 36.5 + y), (25.2 + swing * 0.5, 44.4 + y), (25.8 + swing, 51 + y)),
        far_arm=Arm((22.4, 36.5 + y), (22.4 - swing * 0.5, 44.4 + y), (22.6 - swing, 51 + y)),
    )
    return replace(pose, **kw)  # type: ignore[arg-type]


def carry(i: int, **kw: object) -> Pose:
    """Walk frame ``i`` holding a tray with two burgers in front of the chest."""
    bob = WALK_LEGS[i][2]
    y = bob
    return walk(
        i, near_arm=Arm((25.2, 36.5 + y), (27.4, 44.6 + y), (32.4, 44.2 + y)),
        far_arm=Arm((22.4, 36.5 + y), (27, 45.2 + y), (41.6, 44.4 + y)),
        items=(("tray", (35.4, 43.6 + y), 0.0),), **kw)


def sit(**kw: object) -> Pose:
    """Seated on a stool (not drawn): hips ~y58, shins dangling, hands forward on a table."""
    base = Pose(
        head=(25.4, 24.0), neck=(23.6, 41.5), hip=(22.0, 56.0), seated=True,
        near_arm=Arm((24.4, 41.5), (27.6, 49.6), (34.4, 49.4)),
        far_arm=Arm((22.0, 41.5), (25.6, 49.8), (32.0, 49.8)),
        near_leg=Leg((23.0, 58.0), (33.4, 58.6), (33.8, 72.2)),
        far_leg=Leg((21.0, 58.0), (31.0, 58.8), (30.6, 72.8), 6),
    )
    return replace(base, **kw)  # type: ignore[arg-type]



def reach(elbow: tuple[float, float], hand: tuple[float, float], **kw: object) -> Arm:
    """The near arm of a standing character reaching out: gestures, paying, pointing."""
    return Arm(NEAR_SHOULDER, elbow, hand, **kw)  # type: ignore[arg-type]


def idle_tag() -> Tag:
    """Two breathing frames, hands relaxed: everyone idles the same way."""
    return ("idle", 500, [stand(0.0), stand(0.7)])


def walk_tag() -> Tag:
    """The 4-frame walk cycle."""
    return ("walk", 120, [walk(i) for i in range(4)])


def carry_tag(**kw: object) -> Tag:
    """Walking with a tray of two burgers; keyword args override any Pose field."""
    return ("carry", 120, [carry(i, **kw) for i in range(4)])
