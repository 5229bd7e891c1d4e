"""Turn an RMA, read through the mapping and joined to its nShift return, into a case.

The case's lines are nShift's items when nShift was asked (the wms-update must carry exactly
those), each with what the RMA says of it: description, price, tax rate, reason. Without
nShift's items, the RMA's items are the lines, with the order item ids the mapping found (or
their position, 1, 2, …).
"""

from __future__ import annotations

from returndesk.core.money import MINOR_UNITS
from returndesk.core.operator_text import Say
from returndesk.core.return_case import ReturnCase, ReturnLine
from returndesk.receiving.join import Join, NotReceivable, pair_items
from returndesk.settings.model import JoinSource, Settings
from returndesk.vendors.returnmate import Rma
from returndesk.vendors.rma_fields import ExpectedReturn, read_rma

__all__ = ["NotReceivable", "case_from_mapped_rma", "case_from_rma"]


def case_from_rma(expected: ExpectedReturn, join: Join, settings: Settings) -> ReturnCase:
    rma = expected.rma
    if not rma.items and not join.nshift_items:
        raise NotReceivable(Say("{rma} lists no items", rma=rma.rma_number))
    market_code = expected.market or join.market_code
    try:
        market = settings.market(market_code)
    except KeyError as exc:
        raise NotReceivable(str(exc).strip("'\"")) from None
    currency = expected.currency or join.currency or market.currency
    if currency not in MINOR_UNITS:
        raise NotReceivable(
            Say(
                "{rma}: the currency {currency} is not supported",
                rma=rma.rma_number,
                currency=currency,
            )
        )
    reasons = set(settings.codes.reasons)
    lines = []
    for position, (ours, theirs) in enumerate(pair_items(expected.items, join.nshift_items)):
        if theirs is None and join.nshift_items:
            continue  # an RMA item nShift does not have cannot be sent; see missing_at_nshift
        reason = ((ours.reason if ours else None) or "").upper() or None
        order_item_id = (
            (theirs.original_order_item_id if theirs else None)
            or (ours.order_item_id if ours else None)
            or str(position + 1)
        )
        sku = (ours.sku if ours else None) or (theirs.sku if theirs else None)
        sku = sku or (theirs.product_variant_id if theirs else None) or order_item_id
        lines.append(
            ReturnLine(
                order_item_id=order_item_id,
                sku=sku,
                description=(ours.description if ours else None) or sku,
                expected_qty=ours.quantity if ours else 1,
                # None: the RMA gives no price; the operator enters the refund
                unit_gross=ours.unit_price if ours else None,
                tax_rate=ours.tax_rate if ours else None,
                gtin=ours.gtin if ours else None,
                return_item_id=(ours.return_item_id if ours else None)
                or (theirs.return_order_item_id if theirs else None),
                product_id=(ours.product_id if ours else None)
                or (theirs.product_id if theirs else None),
                product_variant_id=(ours.product_variant_id if ours else None)
                or (theirs.product_variant_id if theirs else None),
                # prefilled only when the RMA's reason is one of the station's codes
                reason_code=reason if reason in reasons else None,
            )
        )
    alt = [("rmaNumber", rma.rma_number)]
    if rma.order_number and rma.order_number != join.forward_order_id:
        alt.append(("orderNumber", rma.order_number))
    return ReturnCase(
        return_id=join.return_id,
        forward_order_id=join.forward_order_id,
        currency=currency,
        tax_rate=market.tax_rate,
        lines=lines,
        market_code=market_code.upper() if market_code else None,
        alt_order_ids=alt,
        rma_id=rma.id,
        rma_number=rma.rma_number,
        rules=settings.grading,
    )


def missing_at_nshift(expected: ExpectedReturn, join: Join) -> list[str]:
    """SKUs the RMA lists that nShift's return does not have (shown, never sent)."""
    if not join.nshift_items:
        return []
    return [
        ours.sku
        for ours, theirs in pair_items(expected.items, join.nshift_items)
        if ours is not None and theirs is None
    ]


def case_from_mapped_rma(rma: Rma, settings: Settings) -> ReturnCase:
    """The case of an RMA whose mapping names its nShift return: no network is asked."""
    expected = read_rma(rma, settings.returnmate.fields)
    if not expected.nshift_return_id or not expected.forward_order_id:
        raise NotReceivable(
            Say(
                "{rma}: the mapping names no nShift return ([returnmate.fields])",
                rma=rma.rma_number,
            )
        )
    join = Join(expected.nshift_return_id, expected.forward_order_id, JoinSource.MAPPING)
    return case_from_rma(expected, join, settings)
