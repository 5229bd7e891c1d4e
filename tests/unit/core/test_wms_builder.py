from datetime import UTC, datetime
from decimal import Decimal

import pytest

from returndesk.core.return_case import CaseSource, ReturnCase, ReturnLine
from returndesk.core.wms_builder import CaseNotReady, build_wms_update

NOW = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)


def make_case(currency="SEK", rate="0.25", prices=("249.00", "699.00", "1299.00")) -> ReturnCase:
    lines = [
        ReturnLine(
            order_item_id=str(i + 1),
            sku=f"SKU-{i + 1}",
            description=f"item {i + 1}",
            expected_qty=1,
            unit_gross=Decimal(p),
            reason_code="BAD_FIT",
        )
        for i, p in enumerate(prices)
    ]
    return ReturnCase(
        return_id="NSR1",
        forward_order_id="20260000001",
        currency=currency,
        tax_rate=Decimal(rate),
        lines=lines,
        market_code="SE",
        alt_order_ids=[("orderNumber", "#10007")],
    )


def items(case):
    return build_wms_update(case, NOW).returns[0].items


def test_all_accepted_refunds_the_price_split_by_tax():
    case = make_case()
    for line in case.lines:
        case.decide(line.order_item_id, present=True, accepted=True)
    update = build_wms_update(case, NOW)
    ret = update.returns[0]
    assert ret.item_count == 3 == len(ret.items)
    assert [i.forward_order_item_id for i in ret.items] == ["1", "2", "3"]
    first = ret.items[0]
    assert (first.net_amount, first.tax_amount, first.gross_amount) == (
        Decimal("199.20"),
        Decimal("49.80"),
        Decimal("249.00"),
    )
    assert case.total_refund() == Decimal("2247.00")
    assert ret.alt_forward_order_ids[0].value == "#10007"


def test_missing_and_rejected_items_are_sent_and_refund_zero():
    case = make_case()
    case.decide("1", present=True, accepted=True)
    case.decide("2", present=True, accepted=False)
    case.decide("3", present=False, accepted=True)  # absent can never be accepted
    sent = items(case)
    assert len(sent) == 3
    assert [(i.is_present, i.is_accepted) for i in sent] == [
        (True, True),
        (True, False),
        (False, False),
    ]
    assert [i.gross_amount for i in sent] == [Decimal("249.00"), 0, 0]
    assert case.accepted_count() == 1


def test_operator_amount_overrides_the_default():
    case = make_case()
    for line in case.lines:
        case.decide(line.order_item_id, present=True, accepted=True)
    case.set_gross("2", Decimal("350.00"))
    case.set_net("3", Decimal("100.00"))
    sent = items(case)
    assert sent[1].gross_amount == Decimal("350.00")
    assert sent[1].tax_amount == Decimal("70.00")
    assert sent[2].gross_amount == Decimal("125.00")


def test_undecided_lines_block_the_submission_with_the_line_named():
    case = make_case()
    case.decide("1", present=True, accepted=True)
    with pytest.raises(CaseNotReady) as caught:
        build_wms_update(case, NOW)
    assert [p.order_item_id for p in caught.value.problems] == ["2", "3"]
    assert "item 2: not decided yet" in str(caught.value)


def test_jpy_return():
    case = make_case(currency="JPY", rate="0.10", prices=("2900", "16500"))
    for line in case.lines:
        case.decide(line.order_item_id, present=True, accepted=True)
    text = build_wms_update(case, NOW).to_json()
    assert '"netAmount":2636,"taxAmount":264,"grossAmount":2900' in text


def test_quantity_two_with_one_unit_scanned_refunds_one_unit():
    case = make_case(prices=("100.00",))
    case.lines[0].expected_qty = 2
    case.lines[0].scanned_qty = 1
    case.decide("1", present=True, accepted=True)
    item = items(case)[0]
    assert item.quantity == 2
    assert item.gross_amount == Decimal("100.00")


def test_a_case_without_rma_takes_new_lines_and_says_so_in_its_note():
    from returndesk.core.return_case import ScanOutcome
    from returndesk.receiving.summaries import inspection_note
    from returndesk.settings.model import Settings

    on_rma = make_case()
    assert on_rma.scan("NEW-SKU").outcome is ScanOutcome.UNEXPECTED  # an RMA's list is fixed
    assert "RECEIVED WITHOUT RMA" not in inspection_note(on_rma, "Ada", Settings())
    manual = make_case()
    manual.source = CaseSource.MANUAL
    added = manual.scan("NEW-SKU")
    assert added.outcome is ScanOutcome.ADDED
    assert added.line is not None
    assert added.line.sku == "NEW-SKU"
    assert inspection_note(manual, "Ada", Settings()).startswith("RECEIVED WITHOUT RMA.")


def test_the_builder_on_cases_made_from_sandbox_rmas(sandbox, tmp_path):
    """Not hand-made cases: every receivable demo RMA, read through the station's own mapping
    into a case, decided three ways, builds a body nShift's rules and the strict reader take."""
    from returndesk.core.wms_update import WmsUpdate
    from returndesk.receiving.case_from_rma import case_from_mapped_rma
    from returndesk.receiving.join import NotReceivable
    from returndesk.settings.model import Settings
    from returndesk.settings.paths import Paths
    from returndesk.station import build_station

    paths = Paths(tmp_path / "s.toml", tmp_path / "data", tmp_path / "logs")
    station = build_station(Settings(), paths, demo=True, sandbox=sandbox)
    built = 0
    for demo in list(sandbox.data.rmas.values())[:24]:
        rma = station.returnmate.get_rma(demo.record["id"])
        try:
            case = case_from_mapped_rma(rma, station.settings)
        except NotReceivable:
            continue  # the demo's refusals (cancelled, no items) are tested elsewhere
        for n, line in enumerate(case.lines):
            # accepted, rejected and missing in turn
            case.decide(line.order_item_id, present=n % 3 != 2, accepted=n % 3 == 0)
        update = build_wms_update(case, NOW)
        ret = update.returns[0]
        assert ret.return_id == case.return_id
        assert ret.item_count == len(case.lines) == len(ret.items)
        for item in ret.items:
            assert item.net_amount + item.tax_amount == item.gross_amount
            if not item.is_accepted:
                assert item.gross_amount == 0
        assert sum(i.gross_amount for i in ret.items) == case.total_refund()
        # what the outbox freezes is what an outside body must be: no coercion needed
        assert WmsUpdate.from_json(update.to_json()) == update
        built += 1
    assert built >= 10
    station.close()
