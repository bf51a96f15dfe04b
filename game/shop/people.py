"""People in the shop, gathered: the person they all are (``person.py``), the staff and
what they make (``staff.py``), the couples (``couple.py``).

The model keeps what the story needs: activities, walks (``segment``), trays and places.
How it looks is derived in ``game/view/poses.py``. Import from here or from the module.
"""

from __future__ import annotations

from .couple import SIDE_BY_SIDE, Couple, CouplePlan
from .person import SEATED, Person, Phase, Point, Segment, Timeline
from .staff import RECIPE_SECONDS, Order, Staff, Tray, recipe_for

__all__ = [
    "RECIPE_SECONDS",
    "SEATED",
    "SIDE_BY_SIDE",
    "Couple",
    "CouplePlan",
    "Order",
    "Person",
    "Phase",
    "Point",
    "Segment",
    "Staff",
    "Timeline",
    "Tray",
    "recipe_for",
]
