"""A return received without an RMA: the operator names the order and adds the items.

nShift's wms-update must list the return's exact items by their forward-order item ids, and
only the RMA carries those. So a parcel without one is kept in history only — flagged as
received without an RMA, with the parcel code, order number and every item's decision and
refund — for customer service to reconcile from the evidence export.
"""

from __future__ import annotations

from returndesk.core.codes import CodeKind, ParcelCode
from returndesk.core.operator_text import Say
from returndesk.core.return_case import UNMATCHED_PREFIX, CaseSource, ReturnCase
from returndesk.settings.model import Settings


class ManualCaseError(ValueError):
    """The details do not make a case; the message is for the operator."""


def manual_case(
    parcel: ParcelCode,
    *,
    order_number: str,
    market_code: str | None,
    settings: Settings,
) -> ReturnCase:
    order = order_number.strip()
    if len(order) > 100 or any(ord(c) < 32 for c in order):
        raise ManualCaseError(Say("the order number is not valid: type it as printed"))
    try:
        market = settings.market(market_code)
    except KeyError as exc:
        raise ManualCaseError(str(exc).strip("'\"")) from None
    return ReturnCase(
        return_id=f"{UNMATCHED_PREFIX}{parcel.text}",
        forward_order_id=order,
        currency=market.currency,
        tax_rate=market.tax_rate,
        lines=[],
        market_code=(market_code or settings.station.market_code).upper(),
        alt_order_ids=[("parcelCode", parcel.text), *([("orderNumber", order)] if order else [])],
        source=CaseSource.MANUAL,
        rules=settings.grading,
    )


def suggested_order(parcel: ParcelCode) -> str:
    """The order number the scanned code already is, to prefill the form."""
    return parcel.text if CodeKind.ORDER in parcel.kinds else ""
