from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from returndesk.core.return_case import ReturnCase, ReturnLine
from returndesk.ui.items_model import (
    COL_ACCEPTED,
    COL_GROSS,
    COL_NET,
    COL_PRESENT,
    COL_REASON,
    COL_SCANNED,
    COL_TAX,
    ItemRole,
    ReturnItemsModel,
    SortRole,
)


def make_case(currency="SEK", rate="0.25"):
    lines = [
        ReturnLine(
            order_item_id=str(i + 1),
            sku=f"SKU-{i + 1}",
            description=f"Item {i + 1}",
            expected_qty=1,
            unit_gross=Decimal(p),
            gtin=g,
        )
        for i, (p, g) in enumerate([("249.00", "7350000000017"), ("1299.00", "7350000000024")])
    ]
    return ReturnCase(
        return_id="R", forward_order_id="F", currency=currency, tax_rate=Decimal(rate), lines=lines
    )


@pytest.fixture
def model():
    return ReturnItemsModel(make_case())


def cell(model, row, column, role=Qt.ItemDataRole.DisplayRole):
    return model.data(model.index(row, column), role)


def test_model_passes_qtmodeltester(qtmodeltester, model):
    qtmodeltester.check(model)


def test_undecided_lines_refund_nothing_and_show_dashes(model):
    assert cell(model, 0, COL_PRESENT) == "—"
    assert cell(model, 0, COL_GROSS) == "0.00"
    assert cell(model, 0, 0, ItemRole).sku == "SKU-1"


def test_scanning_an_item_counts_it_and_marks_it_present(model, qtbot):
    with qtbot.waitSignal(model.dataChanged):
        assert model.scan("7350000000024") == 1
    assert cell(model, 1, COL_SCANNED) == 1
    assert cell(model, 1, COL_PRESENT, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert cell(model, 1, COL_GROSS) == "1\u2009299.00"
    assert model.scan("sku-1") == 0  # the SKU works too, in any case
    assert model.scan("4006381333931") is None  # unexpected: changes nothing
    assert [line.scanned_qty for line in model.case.lines] == [1, 1]


def test_toggles_follow_the_rules(model):
    index = model.index(0, COL_ACCEPTED)
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    line = model.case.lines[0]
    assert (line.present, line.accepted) == (True, True)
    present = model.index(0, COL_PRESENT)
    model.setData(present, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert (line.present, line.accepted) == (False, False)  # missing is never accepted
    assert cell(model, 0, COL_GROSS) == "0.00"


def test_amount_editing_keeps_net_tax_gross_consistent(model):
    model.decide_all(present=True, accepted=True)
    assert model.setData(model.index(0, COL_GROSS), "100")
    assert (cell(model, 0, COL_NET), cell(model, 0, COL_TAX)) == ("80.00", "20.00")
    assert model.setData(model.index(1, COL_NET), "100.00")
    assert cell(model, 1, COL_GROSS) == "125.00"
    assert cell(model, 1, COL_GROSS, SortRole) == Decimal("125.00")
    assert not model.setData(model.index(1, COL_NET), "12.345")  # too many decimals
    assert not model.setData(model.index(1, COL_NET), "abc")
    assert cell(model, 1, COL_GROSS) == "125.00"


def test_rejected_items_cannot_get_an_amount(model):
    model.decide_all(present=True, accepted=False)
    assert not model.setData(model.index(0, COL_GROSS), "10")


def test_reason_code_is_editable(model):
    assert model.setData(model.index(0, COL_REASON), "DEFECTIVE")
    assert model.case.lines[0].reason_code == "DEFECTIVE"


def test_jpy_has_no_decimals_on_screen():
    model = ReturnItemsModel(make_case("JPY", "0.10"))
    model.decide_all(present=True, accepted=True)
    model.setData(model.index(0, COL_GROSS), "2900")
    assert cell(model, 0, COL_GROSS) == "2\u2009900"
    assert cell(model, 0, COL_TAX) == "264"


def test_the_same_product_on_two_lines_fills_both_before_over_counting():
    case = make_case()
    case.lines[1].sku, case.lines[1].gtin = case.lines[0].sku, case.lines[0].gtin
    model = ReturnItemsModel(case)
    assert [model.scan("7350000000017") for _ in range(3)] == [0, 1, 0]
    assert [line.scanned_qty for line in case.lines] == [2, 1]  # the third is an over-count
    assert model.scan("07350000000017") == 0  # GTIN-14 of the same product


def test_a_case_without_an_rma_grows_by_scanning(qtmodeltester):
    from returndesk.core.codes import classify
    from returndesk.receiving.manual_case import manual_case
    from returndesk.settings.model import Settings
    from returndesk.ui.items_model import COL_DESCRIPTION

    case = manual_case(
        classify("1Z999AA10123456784"), order_number="", market_code=None, settings=Settings()
    )
    model = ReturnItemsModel(case)
    qtmodeltester.check(model)
    assert model.scan("4006381333931") == 0
    assert model.scan("SKU-2") == 1
    assert model.scan("4006381333931") == 0
    assert model.rowCount() == 2
    assert cell(model, 0, COL_SCANNED) == 2
    description = model.index(0, COL_DESCRIPTION)
    assert model.flags(description) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(description, "  Blue mug  ")
    assert case.lines[0].description == "Blue mug"
    qtmodeltester.check(model)


def test_descriptions_from_an_rma_are_not_editable(model):
    from returndesk.ui.items_model import COL_DESCRIPTION

    description = model.index(0, COL_DESCRIPTION)
    assert not model.flags(description) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(description, "changed")
