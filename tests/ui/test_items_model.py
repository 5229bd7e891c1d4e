from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from returndesk.core.return_case import ReturnCase, ReturnLine
from returndesk.ui.screens.items_columns import (
    COL_ACCEPTED,
    COL_GROSS,
    COL_MISSING,
    COL_NET,
    COL_PRESENT,
    COL_REASON,
    COL_REJECTED,
    COL_TAX,
    COL_UNITS,
)
from returndesk.ui.screens.items_model import ItemRole, ReturnItemsModel, SortRole


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


def row_of(model, result):
    return model.row_of(result.line) if result.line is not None else None


def check(model, row, column):
    return model.setData(
        model.index(row, column), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )


def lit(model, row, column):
    return cell(model, row, column, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_undecided_lines_refund_nothing(model):
    assert not any(lit(model, 0, c) for c in (COL_PRESENT, COL_ACCEPTED, COL_REJECTED, COL_MISSING))
    assert cell(model, 0, COL_GROSS) == "0.00"
    assert cell(model, 0, COL_UNITS) == "0/1"
    assert cell(model, 0, 0, ItemRole).sku == "SKU-1"


def test_scanning_an_item_counts_it_and_marks_it_present_not_accepted(model, qtbot):
    with qtbot.waitSignal(model.dataChanged):
        assert row_of(model, model.scan("7350000000024")) == 1
    assert cell(model, 1, COL_UNITS) == "1/1"
    assert lit(model, 1, COL_PRESENT)
    assert not lit(model, 1, COL_ACCEPTED)  # acceptance stays the operator's call
    assert row_of(model, model.scan("sku-1")) == 0  # the SKU works too, in any case
    assert model.scan("4006381333931").outcome.value == "unexpected"
    assert [line.scanned_qty for line in model.case.lines] == [1, 1]
    # the unexpected item is kept, as a read-only row of its own
    assert model.rowCount() == 3
    assert cell(model, 2, 0) == "4006381333931"
    assert "UNEXPECTED" in cell(model, 2, 1)
    assert not model.flags(model.index(2, COL_ACCEPTED)) & Qt.ItemFlag.ItemIsUserCheckable


def test_each_decision_control_sets_that_decision_only(model):
    line = model.case.lines[0]
    assert check(model, 0, COL_PRESENT)
    assert (line.present, line.accepted) == (True, None)  # touching Present accepts nothing
    assert cell(model, 0, COL_GROSS) == "0.00"
    assert check(model, 0, COL_ACCEPTED)
    assert (line.present, line.accepted) == (True, True)
    assert check(model, 0, COL_PRESENT)  # Present on an accepted line changes nothing
    assert (line.present, line.accepted) == (True, True)
    assert check(model, 0, COL_REJECTED)
    assert (line.present, line.accepted) == (True, False)
    assert check(model, 0, COL_MISSING)
    assert (line.present, line.accepted) == (False, False)  # missing is never accepted
    assert lit(model, 0, COL_MISSING)
    assert not lit(model, 0, COL_PRESENT)
    assert cell(model, 0, COL_GROSS) == "0.00"


def test_amount_editing_keeps_net_tax_gross_consistent(model):
    model.accept_all()
    assert model.setData(model.index(0, COL_GROSS), "100")
    assert (cell(model, 0, COL_NET), cell(model, 0, COL_TAX)) == ("80.00", "20.00")
    assert model.setData(model.index(1, COL_NET), "100.00")
    assert cell(model, 1, COL_GROSS) == "125.00"
    assert cell(model, 1, COL_GROSS, SortRole) == Decimal("125.00")
    assert not model.setData(model.index(1, COL_NET), "12.345")  # too many decimals
    assert not model.setData(model.index(1, COL_NET), "abc")
    assert cell(model, 1, COL_GROSS) == "125.00"


def test_rejected_items_cannot_get_an_amount(model):
    check(model, 0, COL_REJECTED)
    assert not model.setData(model.index(0, COL_GROSS), "10")


def test_reason_code_is_editable(model):
    assert model.setData(model.index(0, COL_REASON), "DEFECTIVE")
    assert model.case.lines[0].reason_code == "DEFECTIVE"


def test_jpy_has_no_decimals_on_screen():
    model = ReturnItemsModel(make_case("JPY", "0.10"))
    model.accept_all()
    model.setData(model.index(0, COL_GROSS), "2900")
    assert cell(model, 0, COL_GROSS) == "2\u2009900"
    assert cell(model, 0, COL_TAX) == "264"


def test_the_same_product_on_two_lines_fills_both_before_over_counting():
    case = make_case()
    case.lines[1].sku, case.lines[1].gtin = case.lines[0].sku, case.lines[0].gtin
    model = ReturnItemsModel(case)
    assert [row_of(model, model.scan("7350000000017")) for _ in range(3)] == [0, 1, 0]
    assert [line.scanned_qty for line in case.lines] == [2, 1]  # the third is an over-count
    assert row_of(model, model.scan("07350000000017")) == 0  # GTIN-14 of the same product


def test_a_case_without_an_rma_grows_by_scanning(qtmodeltester):
    from returndesk.core.codes import classify
    from returndesk.receiving.manual_case import manual_case
    from returndesk.settings.model import Settings
    from returndesk.ui.screens.items_columns import COL_DESCRIPTION

    case = manual_case(
        classify("1Z999AA10123456784"), order_number="", market_code=None, settings=Settings()
    )
    model = ReturnItemsModel(case)
    qtmodeltester.check(model)
    assert row_of(model, model.scan("4006381333931")) == 0
    assert row_of(model, model.scan("SKU-2")) == 1
    assert row_of(model, model.scan("4006381333931")) == 0
    assert model.rowCount() == 2
    assert cell(model, 0, COL_UNITS) == "2/2"
    description = model.index(0, COL_DESCRIPTION)
    assert model.flags(description) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(description, "  Blue mug  ")
    assert case.lines[0].description == "Blue mug"
    qtmodeltester.check(model)


def test_descriptions_from_an_rma_are_not_editable(model):
    from returndesk.ui.screens.items_columns import COL_DESCRIPTION

    description = model.index(0, COL_DESCRIPTION)
    assert not model.flags(description) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(description, "changed")


def test_a_frozen_model_takes_no_edit_and_no_scan(model):
    model.frozen = True
    assert not check(model, 0, COL_ACCEPTED)
    assert model.scan("SKU-1") is None
    assert model.case.lines[0].present is None


def test_space_on_an_unexpected_row_says_why_nothing_happens(qtbot):
    from returndesk.ui.screens.items_screen import ItemsScreen

    screen = ItemsScreen()
    qtbot.addWidget(screen)
    screen.show_case(make_case(), heading="R")
    screen.scan_item("4006381333931")
    assert screen.table.currentIndex().row() == 2  # the unexpected row
    screen._toggle_current()
    assert "nothing to decide" in screen.message.text()
