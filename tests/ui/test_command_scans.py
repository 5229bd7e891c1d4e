"""A return decided, graded, routed and submitted with the scanner alone: item codes and the
command sheet's codes, typed into the item field as a keyboard scanner types them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from returndesk.ui.screens.items_columns import COL_CONDITION


def type_scan(qtbot, line_edit, code):
    line_edit.setFocus()
    qtbot.keyClicks(line_edit, code)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def test_a_return_received_with_the_scanner_alone(qtbot, demo_station):
    _, window, store, _ = demo_station
    window.show()
    type_scan(qtbot, window.ready.code, "RMA-2026-000005")
    items = window.items
    field = items.item_code
    for code in ("7350000000054", "RDCMD-GRADE-B", "RDCMD-ACCEPT"):
        type_scan(qtbot, field, code)
    assert items.message.text() == "JEANS-32-32: accepted · B\u00a0→\u00a0Restock"
    for code in ("CAP-LOGO", "CAP-LOGO", "RDCMD-GRADE-D", "RDCMD-ROUTE-DONATE", "RDCMD-REJECT"):
        type_scan(qtbot, field, code)
    model = items.model
    assert (
        model.data(model.index(1, COL_CONDITION)) == "D\u00a0→\u00a0Donate\u00a0✎\nNOT_RESELLABLE"
    )
    type_scan(qtbot, field, "RDCMD-SUBMIT")
    assert "Press F12 again" in items.message.text()
    type_scan(qtbot, field, "RDCMD-SUBMIT")
    assert window.screens.currentWidget() is window.ready
    lines = _last_summary(store)["lines"]
    assert [(x["grade"], x["decision"], x["disposition"]["code"]) for x in lines] == [
        ("B", "accepted", "restock"),
        ("D", "rejected", "donate"),
    ]
    assert lines[1]["rules_disposition"]["code"] == "recycle"


def test_commands_that_mean_nothing_where_they_are_scanned_are_refused(qtbot, demo_station):
    _, window, _, _ = demo_station
    window.show()
    type_scan(qtbot, window.ready.code, "RDCMD-ACCEPT")
    assert "is a command for the Items screen" in window.ready.status.text()
    type_scan(qtbot, window.ready.code, "RMA-2026-000005")
    items = window.items
    items.table.clearSelection()
    items.table.setCurrentIndex(items.model.index(-1, -1))
    type_scan(qtbot, items.item_code, "RDCMD-GRADE-A")
    assert "Scan an item first" in items.message.text()
    type_scan(qtbot, items.item_code, "RDCMD-GRADE-Z")
    assert "Z is not one of this station's grades" in items.message.text()
    type_scan(qtbot, items.item_code, "7350000000054")
    type_scan(qtbot, items.item_code, "RDCMD-MISSING")
    type_scan(qtbot, items.item_code, "RDCMD-GRADE-A")
    assert "a missing item has no grade or route" in items.message.text()
    assert items.model.case.lines[0].grade is None


def _last_summary(store):
    return store.history_since(datetime.now(UTC) - timedelta(hours=1))[0]["summary"]
