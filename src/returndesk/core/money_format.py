"""Amounts as the operator reads and types them, per language; never through ``float``.

English keeps the unambiguous ``1 299.00`` (thin-space groups); Swedish writes ``1 299,00``
and German ``1.299,00``. When typing, groups are never needed and both ``,`` and ``.`` are
read as the decimal point, so a German operator's ``12.50`` is not taken for 1250.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from returndesk.core.money import MoneyError, minor_units, to_decimal
from returndesk.core.operator_text import Say

THIN_SPACE = "\u2009"


@dataclass(frozen=True, slots=True)
class NumberStyle:
    decimal: str = "."
    group: str = THIN_SPACE


STYLES = {
    "en": NumberStyle(".", THIN_SPACE),
    "sv": NumberStyle(",", THIN_SPACE),
    "de": NumberStyle(",", "."),
}


def style_for(language: str) -> NumberStyle:
    return STYLES.get(language, STYLES["en"])


def format_amount(amount: Decimal, currency: str, style: NumberStyle = STYLES["en"]) -> str:
    text = f"{amount:,.{minor_units(currency)}f}"
    return text.replace(",", "\0").replace(".", style.decimal).replace("\0", style.group)


def plain_amount(amount: Decimal, currency: str, style: NumberStyle = STYLES["en"]) -> str:
    """Without groups: what an edit field starts with."""
    return f"{amount:.{minor_units(currency)}f}".replace(".", style.decimal)


def parse_amount(text: str) -> Decimal:
    """Read a typed amount: spaces and thin spaces are dropped, ``,`` or ``.`` is the point."""
    cleaned = "".join(text.split()).replace(THIN_SPACE, "").replace("\u00a0", "")
    if cleaned.count(",") + cleaned.count(".") > 1:
        raise MoneyError(
            Say("{typed}: type the amount without thousands separators", typed=repr(text[:40]))
        )
    return to_decimal(cleaned.replace(",", "."))
