"""Labels as the operator meets them in the window: a return graded in the Items table, its
plates stored at submit, a plate scanned on Ready opening that return's history, and one key
to print its labels again; a plate scanned on Items is refused, not counted."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from returndesk.outbox.model import Kind, State
from returndesk.ui.screens.items_columns import COL_CONDITION


@pytest.fixture
def labelled(station_with):
    """The demo station printing a plate per item (to a printer nobody drains here)."""
    return station_with(
        {
            "labels": {"print": "item"},
            "printer": {"kind": "zpl_tcp", "host": "127.0.0.1"},
            "station": {"sign_on": False},
        }
    )


def type_scan(qtbot, line_edit, code):
    line_edit.setFocus()
    qtbot.keyClicks(line_edit, code)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def receive_graded(qtbot, window, number="RMA-2026-000005"):
    type_scan(qtbot, window.ready.code, number)
    items = window.items
    assert window.screens.currentWidget() is items
    qtbot.mouseClick(items.accept_all, Qt.MouseButton.LeftButton)
    model = items.model
    assert model.setData(model.index(0, COL_CONDITION), "grade:C")
    assert model.data(model.index(0, COL_CONDITION)) == "C\u00a0→\u00a0Refurbish\nDAMAGED"
    assert model.setData(model.index(1, COL_CONDITION), "route:donate")
    assert model.data(model.index(1, COL_CONDITION)) == "→\u00a0Donate\u00a0✎"
    qtbot.keyClick(items, Qt.Key.Key_F12)
    qtbot.keyClick(items, Qt.Key.Key_F12)
    assert window.screens.currentWidget() is window.ready


def test_a_scanned_plate_opens_its_returns_history_and_ctrl_p_prints_it_again(qtbot, labelled):
    window, store, _ = labelled
    receive_graded(qtbot, window)
    history_id = store.last_labelled()
    plates = store.plates_of(history_id)
    assert len(plates) == 4  # 1 + 2 units, and the RMA plate
    summary = store.history_entry(history_id)["summary"]
    assert summary["lines"][0]["grade"] == "C"
    assert summary["lines"][1]["disposition"]["code"] == "donate"
    assert {p["plate_id"] for p in summary["plates"]} == {p for p, _, _ in plates}

    type_scan(qtbot, window.ready.code, plates[1][0].lower())  # as a scanner in lower case
    views = window.screens.currentWidget()
    assert views.model.rowCount() == 1
    assert views.model.data(views.model.index(0, 2)) == "RMA-2026-000005"

    assert views.selected_key() == history_id  # the plate's row is chosen: Ctrl+P prints it
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    labels = [i for i in store.items([State.WAITING]) if i.kind is Kind.LABEL]
    assert len(labels) == 2 * len(plates)
    assert "4 label(s) sent to the printer again" in views.message.text()


def test_ctrl_p_on_ready_reprints_the_last_return_and_says_when_there_is_none(qtbot, labelled):
    window, _, _ = labelled
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "No return of this station printed labels yet" in window.ready.status.text()
    receive_graded(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "4 label(s) sent to the printer again" in window.ready.status.text()


def test_an_unknown_plate_on_ready_is_refused_and_a_plate_on_items_is_not_counted(qtbot, labelled):
    window, _, _ = labelled
    type_scan(qtbot, window.ready.code, "LP0000000000")
    assert "No return received at this station carries the plate LP0000000000" in (
        window.ready.status.text()
    )
    type_scan(qtbot, window.ready.code, "RMA-2026-000005")
    items = window.items
    type_scan(qtbot, items.item_code, "LR0000000000")
    assert "is a licence plate" in items.message.text()
    assert all(line.scanned_qty == 0 for line in items.model.case.lines)
