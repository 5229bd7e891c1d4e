"""What a scanned or typed parcel code can be: RMA, order, nShift return, tracking, SSCC.

A code may fit several kinds (an 11-digit order number is also a plausible tracking number);
the caller looks each candidate up and asks the operator when more than one return matches,
never guessing silently. Patterns for RMA/order/return ids are settings; the defaults match
ReturnMate's documented formats and the demo data.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from returndesk.core.gs1 import is_valid
from returndesk.core.operator_text import Say

MAX_CODE_LENGTH = 200


class CodeKind(StrEnum):
    RMA = "rma"
    ORDER = "order"
    NSHIFT_RETURN = "nshift_return"
    TRACKING = "tracking"
    SSCC = "sscc"


DEFAULT_PATTERNS: Mapping[CodeKind, Sequence[str]] = {
    CodeKind.RMA: [r"^RMA-\d{4}-\d{6}$"],
    CodeKind.ORDER: [r"^#\d{3,}$", r"^\d{11}$"],
    CodeKind.NSHIFT_RETURN: [r"^NSR\d{8}$"],
    CodeKind.TRACKING: [r"^1Z[0-9A-Z]{16}$", r"^[A-Z]{2}\d{9}[A-Z]{2}$"],
}


@dataclass(frozen=True, slots=True)
class ParcelCode:
    text: str
    kinds: tuple[CodeKind, ...]


class CodeError(ValueError):
    """The input cannot be a parcel code; the message is for the operator."""


def checked_text(raw: str) -> str:
    """A typed or looked-up code's text, checked and upper-cased. Scans are normalised once,
    before they are classified (``scanning.normaliser``); this is only what a string that
    did not come through a scanner must pass too."""
    text = raw.strip()
    if not text:
        raise CodeError(Say("nothing was scanned"))
    if len(text) > MAX_CODE_LENGTH:
        raise CodeError(
            Say("a code longer than {limit} characters is not a parcel code", limit=MAX_CODE_LENGTH)
        )
    if any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in text):
        raise CodeError(Say("the code contains control characters; scan it again"))
    return text.upper()


def classify(raw: str, patterns: Mapping[CodeKind, Sequence[str]] = DEFAULT_PATTERNS) -> ParcelCode:
    text = checked_text(raw)
    kinds: list[CodeKind] = []
    sscc = text[2:] if text.startswith("00") and len(text) == 20 else text
    if len(sscc) == 18 and sscc.isdigit() and is_valid(sscc):
        kinds.append(CodeKind.SSCC)
        text = sscc
    for kind, expressions in patterns.items():
        if any(re.fullmatch(expression, text) for expression in expressions):
            kinds.append(kind)
    return ParcelCode(text, tuple(kinds))
