"""Turn a received :class:`ReturnCase` into the wms-update nShift gets.

Every line of the return is sent, present or not, because nShift requires the exact number of
items; a line that is missing or rejected refunds 0.
"""

from __future__ import annotations

from datetime import datetime

from returndesk.core.return_case import Problem, ReturnCase
from returndesk.core.wms_update import AltOrderId, WmsItem, WmsReturn, WmsUpdate


class CaseNotReady(ValueError):
    """The case still has problems the operator must fix before it can be submitted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(_describe(p) for p in problems))


def _describe(problem: Problem) -> str:
    if problem.order_item_id is None:
        return problem.message
    return f"item {problem.order_item_id}: {problem.message}"


def build_wms_update(case: ReturnCase, updated_at: datetime) -> WmsUpdate:
    """Build the body; ``updated_at`` is frozen at capture (timezone-aware)."""
    problems = case.problems()
    if problems:
        raise CaseNotReady(problems)
    items = []
    for line in case.lines:
        refund = case.refund(line)
        items.append(
            WmsItem(
                forward_order_item_id=line.order_item_id,
                return_item_id=line.return_item_id,
                sku=line.sku,
                product_id=line.product_id,
                product_variant_id=line.product_variant_id,
                quantity=line.expected_qty,
                is_present=bool(line.present),
                is_accepted=bool(line.present and line.accepted),
                return_reason_code=line.reason_code,
                return_condition_code=line.condition_code,
                net_amount=refund.net,
                tax_amount=refund.tax,
                gross_amount=refund.gross,
            )
        )
    ret = WmsReturn(
        market_code=case.market_code,
        forward_order_id=case.forward_order_id,
        updated_at=updated_at,
        alt_forward_order_ids=[AltOrderId(type=t, value=v) for t, v in case.alt_order_ids],
        return_id=case.return_id,
        currency=case.currency,
        item_count=len(items),
        items=items,
    )
    return WmsUpdate(returns=[ret])
