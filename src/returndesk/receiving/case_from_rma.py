"""Turn a ReturnMate RMA into the :class:`ReturnCase` the operator works on."""

from __future__ import annotations

from decimal import Decimal

from returndesk.core.return_case import ReturnCase, ReturnLine
from returndesk.settings.model import Settings
from returndesk.vendors.returnmate import Rma


class NotReceivable(ValueError):
    """The RMA cannot become an nShift wms-update; the message says why."""


def case_from_rma(rma: Rma, settings: Settings) -> ReturnCase:
    if not rma.nshift_return_id or not rma.forward_order_id:
        raise NotReceivable(f"{rma.rma_number} has no nShift return; receive it without an RMA")
    if not rma.items:
        raise NotReceivable(f"{rma.rma_number} lists no items")
    market = settings.market(rma.market_code)
    reasons = set(settings.codes.reasons)
    lines = []
    for index, item in enumerate(rma.items):
        reason = (item.reason or "").upper() or None
        lines.append(
            ReturnLine(
                order_item_id=item.order_item_id or item.id or str(index + 1),
                sku=item.sku,
                description=item.description or item.sku,
                expected_qty=item.quantity,
                # an RMA without a price refunds 0 until the operator enters the amount
                unit_gross=item.unit_price if item.unit_price is not None else Decimal(0),
                gtin=item.gtin,
                return_item_id=item.id,
                product_id=item.product_id,
                product_variant_id=item.product_variant_id,
                # prefilled only when the RMA's reason is one of the station's codes
                reason_code=reason if reason in reasons else None,
            )
        )
    alt = [("rmaNumber", rma.rma_number)]
    if rma.order_number:
        alt.append(("orderNumber", rma.order_number))
    return ReturnCase(
        return_id=rma.nshift_return_id,
        forward_order_id=rma.forward_order_id,
        currency=rma.currency or market.currency,
        tax_rate=market.tax_rate,
        lines=lines,
        market_code=rma.market_code,
        alt_order_ids=alt,
        rma_id=rma.id,
        rma_number=rma.rma_number,
    )
