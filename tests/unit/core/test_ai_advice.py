"""WM Tech's advice: applied or overridden, never converted across currencies, always kept."""

from __future__ import annotations

from decimal import Decimal

import pytest

from returndesk.core.ai_advice import Advice, AdviceError, ShiftTally, apply, disagrees, override
from returndesk.core.return_case import ReturnCase, ReturnLine


def case(currency: str = "SEK") -> ReturnCase:
    lines = [
        ReturnLine("oi_1", "SKU-1", "Sweater", 1, Decimal("499.00")),
        ReturnLine("oi_2", "SKU-2", "Scarf", 1, Decimal("199.00")),
    ]
    return ReturnCase("ret_1", "ord_1", currency, Decimal("0.25"), lines)


def advice(decision: str = "approved", refund: str | None = "450.00", currency: str = "SEK"):
    return Advice.from_result(
        {
            "request_id": "req_1",
            "decision": decision,
            "confidence": 0.93,
            "reason": "Matches the catalogue photo",
            "refund_amount": refund,
            "currency": currency,
            "policy_rule_matched": "unused_item_full_refund",
        },
        photo="p.jpg",
    )


def test_applying_an_approval_accepts_with_the_suggested_refund_split_by_tax():
    c = case()
    verdict = apply(c, "oi_1", advice())
    line = c.line("oi_1")
    assert (line.present, line.accepted) == (True, True)
    amounts = c.refund(line)
    assert amounts.gross == Decimal("450.00")
    assert amounts.net == Decimal("360.00")
    assert amounts.tax == Decimal("90.00")
    assert verdict.action == "applied"
    assert not disagrees(c, "oi_1", verdict.advice)


def test_applying_a_rejection_refunds_nothing():
    c = case()
    apply(c, "oi_2", advice("rejected", "0"))
    line = c.line("oi_2")
    assert line.accepted is False
    assert c.refund(line).gross == 0


def test_a_suggestion_in_another_currency_is_not_converted():
    c = case("SEK")
    with pytest.raises(AdviceError, match="not converted"):
        apply(c, "oi_1", advice(currency="EUR"))
    assert c.line("oi_1").accepted is None  # nothing changed


def test_an_unclear_answer_must_be_decided_by_the_operator():
    with pytest.raises(AdviceError, match="decide this item yourself"):
        apply(case(), "oi_1", advice("needs_review"))


def test_an_override_needs_a_reason_and_disagreement_is_visible():
    c = case()
    c.decide("oi_1", present=True, accepted=False)  # the operator sees a stain the AI missed
    with pytest.raises(AdviceError, match="reason"):
        override(c, "oi_1", advice(), " ")
    verdict = override(c, "oi_1", advice(), "AI_DAMAGE_MISSED")
    assert verdict.override_reason == "AI_DAMAGE_MISSED"
    assert disagrees(c, "oi_1", verdict.advice)


def test_the_shift_tally():
    c = case()
    verdicts = {"oi_1": apply(c, "oi_1", advice())}
    c.decide("oi_2", present=True, accepted=True)
    verdicts["oi_2"] = override(c, "oi_2", advice("rejected", "0"), "POLICY_EXCEPTION")
    tally = ShiftTally()
    tally.count(c, verdicts)
    assert (tally.advised, tally.applied, tally.overridden, tally.disagreed) == (2, 1, 1, 1)


def test_an_incomplete_answer_is_refused():
    with pytest.raises(AdviceError):
        Advice.from_result({"decision": "approved"})
