"""Who is followed, named so that it survives a seek: a couple by arrival, staff by name.

A seek back rebuilds the shops from the seed, so the followed character is kept as a key
and looked up again in whichever shop is on screen (and simply not shown while they are
not in it). Both the time (the followed couple's story beats) and the shop scene use it.
"""

from __future__ import annotations

from ..shop import Shop
from ..shop.people import Couple, Staff

Follow = tuple[str, object] | None


def actor_key(actor: object) -> Follow:
    """What names a followed character across rebuilt shops."""
    if isinstance(actor, Couple):
        return ("couple", actor.index)
    if isinstance(actor, Staff):
        return ("staff", actor.name)
    return None


def resolve(shop: Shop, key: Follow) -> Couple | Staff | None:
    """The character ``key`` names in ``shop``, if they are in it now."""
    if key is None:
        return None
    kind, name = key
    if kind == "couple":
        return next((c for c in shop.couples if c.index == name), None)
    return next((s for s in shop.staff if s.name == name), None)
