from decimal import Decimal

import pytest

from returndesk.core.codes import classify
from returndesk.core.return_case import UNMATCHED_PREFIX, CaseSource
from returndesk.receiving.manual_case import ManualCaseError, manual_case, suggested_order
from returndesk.settings.model import Settings


def make(code="1Z999AA10123456784", order="", market="SE"):
    return manual_case(classify(code), order_number=order, market_code=market, settings=Settings())


def test_a_manual_case_is_flagged_and_kept_from_nshift():
    case = make(order="#1001")
    assert case.source is CaseSource.MANUAL
    assert case.return_id == f"{UNMATCHED_PREFIX}1Z999AA10123456784"
    assert not case.sent_to_nshift
    assert case.lines == []
    assert ("orderNumber", "#1001") in case.alt_order_ids
    assert case.currency == "SEK"


def test_the_market_sets_currency_and_tax():
    case = make(market="DE")
    market = Settings().market("DE")
    assert (case.currency, case.tax_rate) == (market.currency, market.tax_rate)


def test_an_unknown_market_is_a_clear_message():
    with pytest.raises(ManualCaseError, match="market XX is not configured"):
        make(market="XX")


def test_an_order_number_with_control_characters_is_refused():
    with pytest.raises(ManualCaseError, match="order number is not valid"):
        make(order="#10\x0701")


def test_items_are_added_by_scanning_and_counted():
    case = make()
    first = case.add_manual_line("7350000000017")
    case.add_manual_line(" 7350000000017 ")
    other = case.add_manual_line("sku-9")
    assert [line.order_item_id for line in case.lines] == ["M1", "M2"]
    assert (first.expected_qty, first.scanned_qty, first.present, first.accepted) == (
        2,
        2,
        True,
        True,
    )
    assert other.sku == "SKU-9"
    assert other.manual


def test_an_accepted_manual_item_needs_its_refund_typed():
    case = make()
    line = case.add_manual_line("SKU-1")
    assert [p.message for p in case.problems()] == ["enter its refund (net or gross)"]
    case.set_gross(line.order_item_id, Decimal("0"))  # an explicit 0 is a decision too
    assert case.problems() == []
    case.decide(line.order_item_id, present=True, accepted=False)
    assert case.problems() == []  # a rejected item refunds 0 anyway


def test_an_rma_case_takes_no_new_lines():
    case = make()
    case.source = CaseSource.RMA
    with pytest.raises(ValueError, match="only a return received without an RMA"):
        case.add_manual_line("SKU-1")


def test_the_order_number_is_prefilled_only_from_an_order_code():
    assert suggested_order(classify("#1001")) == "#1001"
    assert suggested_order(classify("1Z999AA10123456784")) == ""
