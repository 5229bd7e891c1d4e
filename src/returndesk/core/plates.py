"""Licence-plate ids: ``LP`` for an item, ``LR`` for a return's parcel, then ten characters of
Crockford's base 32 (no I, L, O or U, so nothing is misread or mistyped).

Fifty random bits per plate: stations in a warehouse make them apart, without coordinating,
and two plates coincide about once in a million after some thirty million plates.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ITEM_PREFIX = "LP"
RETURN_PREFIX = "LR"
PLATE = re.compile(r"^L[PR][0-9A-HJKMNP-TV-Z]{10}$")


def new_plate_id(prefix: str = ITEM_PREFIX) -> str:
    if prefix not in (ITEM_PREFIX, RETURN_PREFIX):
        raise ValueError(f"a plate id starts with {ITEM_PREFIX} or {RETURN_PREFIX}")
    return prefix + "".join(secrets.choice(ALPHABET) for _ in range(10))


def is_plate_id(text: str) -> bool:
    return PLATE.fullmatch(text.strip().upper()) is not None
