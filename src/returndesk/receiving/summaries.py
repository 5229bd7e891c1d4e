"""What a submitted return leaves behind in words: its history summary (with how the operator
used WM Tech's advice) and the internal note ReturnMate gets."""

from __future__ import annotations

from typing import Any

from returndesk.core.ai_advice import disagrees
from returndesk.core.return_case import CaseSource, ReturnCase, ReturnLine
from returndesk.settings.model import Settings


def case_summary(case: ReturnCase) -> dict[str, Any]:
    """What history keeps of a received return (amounts stay exact)."""
    return {
        "return_id": case.return_id,
        "rma_number": case.rma_number,
        "rma_id": case.rma_id,
        "source": case.source.value,
        "forward_order_id": case.forward_order_id,
        "market_code": case.market_code,
        "alt_order_ids": [list(pair) for pair in case.alt_order_ids],
        "currency": case.currency,
        "tax_rate": case.tax_rate,
        "total_refund": case.total_refund(),
        "accepted": case.accepted_count(),
        "lines": [
            {
                "order_item_id": line.order_item_id,
                "sku": line.sku,
                "description": line.description,
                "manual": line.manual,
                "expected_qty": line.expected_qty,
                "scanned_qty": line.scanned_qty,
                "units_present": line.units,
                "units": f"{line.units} of {line.expected_qty}",
                "present": line.present,
                "accepted": line.accepted,
                "decision": line.decision.value,
                "reason_code": line.reason_code,
                "condition_code": line.condition_code,
                "grade": line.grade,
                **_guided_record(line),
                **_route_record(case, line),
                "tax_rate": case.rate_of(line),
                "net": case.refund(line).net,
                "tax": case.refund(line).tax,
                "gross": case.refund(line).gross,
                **_ai_record(case, line.order_item_id),
            }
            for line in case.lines
        ],
        "unexpected": [{"code": u.code, "count": u.count} for u in case.unexpected],
    }


def _guided_record(line: ReturnLine) -> dict[str, Any]:
    """The questions that gave the grade, and their answers (guided grading only)."""
    if line.grade_answers is None:
        return {}
    guide, asked = line.grade_answers
    return {"graded_by": {"guide": guide, "answers": [{"ask": q, "yes": a} for q, a in asked]}}


def _route_record(case: ReturnCase, line: ReturnLine) -> dict[str, Any]:
    """Where the item goes, and where the rules would have sent it when the operator chose."""
    route = case.route(line)
    if route is None:
        return {"disposition": None}
    record: dict[str, Any] = {"disposition": route.as_record()}
    if route.overridden:
        default = case.default_route(line)
        record["rules_disposition"] = default.as_record() if default else None
    return record


def _routes_in_words(case: ReturnCase) -> str:
    """``Routes: JEANS-1 A restock (BIN-R1), TEE-2 D recycle (overridden).``; "" if none."""
    parts = []
    for line in case.lines:
        route = case.route(line)
        if route is None:
            continue
        text = f"{line.sku} {line.grade or 'ungraded'} {route.disposition.code}"
        if route.disposition.destination:
            text += f" ({route.disposition.destination})"
        if route.overridden:
            text += " (chosen by the operator)"
        parts.append(text)
    return ("Routes: " + ", ".join(parts) + ".") if parts else ""


def _ai_record(case: ReturnCase, order_item_id: str) -> dict[str, Any]:
    """The advice and what the operator did with it; nothing when no advice was shown."""
    verdict = case.verdicts.get(order_item_id)
    if verdict is None:
        return {}
    return {
        "ai": {
            "advice": verdict.advice.as_record(),
            "action": verdict.action,
            "override_reason": verdict.override_reason,
            "disagrees": disagrees(case, order_item_id, verdict.advice),
        }
    }


def inspection_note(case: ReturnCase, operator: str | None, settings: Settings) -> str:
    missing = [line.sku for line in case.lines if line.present is False]
    rejected = [line.sku for line in case.lines if line.present and not line.accepted]
    short = [f"{line.sku} {line.units} of {line.expected_qty}" for line in case.shortfalls()]
    parts = [
        f"Received at {settings.station.name} by {operator or 'unknown operator'}:",
        f"{case.accepted_count()} of {len(case.lines)} items accepted,",
        f"refund {case.total_refund()} {case.currency}.",
    ]
    if case.source is CaseSource.MANUAL:
        parts.insert(0, "RECEIVED WITHOUT RMA.")
    if missing:
        parts.append("Missing: " + ", ".join(missing) + ".")
    if short:
        parts.append("Short: " + ", ".join(short) + ".")
    if rejected:
        parts.append("Rejected: " + ", ".join(rejected) + ".")
    if case.unexpected:
        extra = [u.code if u.count == 1 else f"{u.code} x{u.count}" for u in case.unexpected]
        parts.append(
            "Unexpected items in the parcel (not in the return): " + ", ".join(extra) + "."
        )
    routes = _routes_in_words(case)
    if routes:
        parts.append(routes)
    return " ".join(parts)
