"""The receiving rules of ReturnCase, without Qt: units, repeats, prices, decisions."""

from decimal import Decimal

import pytest

from returndesk.core.return_case import (
    Decision,
    ReturnCase,
    ReturnLine,
    ScanOutcome,
)
from returndesk.receiving.summaries import case_summary, inspection_note
from returndesk.settings.model import Settings


def two_of_one(price="100.00", tax_rate=None):
    line = ReturnLine(
        order_item_id="1",
        sku="TEE-BLK-M",
        description="Organic tee",
        expected_qty=2,
        unit_gross=None if price is None else Decimal(price),
        gtin="7350000000017",
        tax_rate=tax_rate,
    )
    other = ReturnLine("2", "CAP", "Cap", 1, Decimal("50.00"))
    return ReturnCase("R1", "F1", "SEK", Decimal("0.25"), [line, other], rma_id="rma_1")


def test_f5_on_a_quantity_of_two_refunds_both_units():
    case = two_of_one()
    case.accept_all()
    assert case.refund(case.lines[0]).gross == Decimal("200.00")
    assert case.lines[0].units_text() == "2/2"
    assert case.shortfalls() == []


def test_one_scan_of_two_refunds_one_unit_and_every_record_says_so():
    case = two_of_one()
    assert case.scan("7350000000017").outcome is ScanOutcome.COUNTED
    case.set_decision("1", Decision.ACCEPTED)
    case.set_decision("2", Decision.ACCEPTED)
    line = case.lines[0]
    assert line.units_text() == "1/2"
    assert line.short == 1
    assert case.refund(line).gross == Decimal("100.00")
    assert case.shortfalls() == [line]
    summary = case_summary(case)
    assert summary["lines"][0]["units"] == "1 of 2"
    assert "Short: TEE-BLK-M 1 of 2." in inspection_note(case, "Ada", Settings())


def test_a_brisk_second_scan_counts_a_second_unit():
    case = two_of_one()
    case.scan("TEE-BLK-M")
    result = case.scan("TEE-BLK-M", repeat_after_ms=400)
    assert result.outcome is ScanOutcome.COUNTED
    assert case.lines[0].units == 2


def test_a_repeat_faster_than_a_person_is_a_double_read_and_refused():
    case = two_of_one()
    case.scan("TEE-BLK-M")
    result = case.scan("TEE-BLK-M", repeat_after_ms=80)
    assert result.outcome is ScanOutcome.DOUBLE_READ
    assert result.outcome.refused
    assert case.lines[0].units == 1


def test_a_repeat_on_a_complete_line_is_refused_but_a_later_scan_over_counts():
    case = two_of_one()
    case.scan("CAP")
    assert case.scan("CAP", repeat_after_ms=600).outcome is ScanOutcome.REPEAT_COMPLETE
    assert case.lines[1].units == 1
    assert case.scan("CAP").outcome is ScanOutcome.OVER  # outside the repeat window


def test_an_accepted_line_without_a_price_blocks_the_submission_until_typed():
    case = two_of_one(price=None)
    case.accept_all()
    problems = case.problems()
    assert [p.order_item_id for p in problems] == ["1"]
    assert "no price is known" in problems[0].message
    assert case.price_unknown(case.lines[0])
    case.set_gross("1", Decimal("180.00"))
    assert case.problems() == []
    # a rejected line without a price needs nothing typed: it refunds 0
    other = two_of_one(price=None)
    other.set_decision("1", Decision.REJECTED)
    other.set_decision("2", Decision.ACCEPTED)
    assert other.problems() == []


def test_an_items_own_tax_rate_is_used_for_that_line():
    case = two_of_one(price="112.00", tax_rate=Decimal("0.12"))
    case.accept_all()
    refund = case.refund(case.lines[0])
    assert (refund.net, refund.tax, refund.gross) == (
        Decimal("200.00"),
        Decimal("24.00"),
        Decimal("224.00"),
    )
    assert case.refund(case.lines[1]).tax == Decimal("10.00")  # the market's 25 %
    assert case.set_net("1", Decimal("100.00")).gross == Decimal("112.00")


def test_present_is_not_accepted():
    case = two_of_one()
    case.set_decision("1", Decision.PRESENT)
    line = case.lines[0]
    assert (line.present, line.accepted) == (True, None)
    assert line.decision is Decision.PRESENT
    assert case.refund(line).gross == 0
    assert any(p.order_item_id == "1" for p in case.problems())


def test_a_scan_marks_present_and_never_accepts():
    case = two_of_one()
    case.scan("CAP")
    assert case.lines[1].decision is Decision.PRESENT


def test_an_unexpected_item_is_kept_with_the_return():
    case = two_of_one()
    assert case.scan("4006381333931").outcome is ScanOutcome.UNEXPECTED
    assert case.scan("4006381333931").unexpected_count == 2
    case.accept_all()
    assert [(u.code, u.count) for u in case.unexpected] == [("4006381333931", 2)]
    assert case_summary(case)["unexpected"] == [{"code": "4006381333931", "count": 2}]
    note = inspection_note(case, "Ada", Settings())
    assert "Unexpected items in the parcel (not in the return): 4006381333931 x2." in note


@pytest.mark.parametrize("decision", list(Decision))
def test_every_decision_can_be_taken_back(decision):
    case = two_of_one()
    case.set_decision("1", decision)
    assert case.lines[0].decision is decision
    case.set_decision("1", Decision.UNDECIDED)
    assert case.lines[0].decision is Decision.UNDECIDED
