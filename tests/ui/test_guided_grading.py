"""Guided grading: an item's yes/no questions answered with number keys and with the command
sheet's scans, the grade they give, and the answers kept with the return."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from returndesk.scanning.normaliser import RawScan

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def guided(station_with):
    """The demo station asking the questions by itself when an ungraded item is accepted."""
    return station_with({"grading": {"guided": True}, "station": {"sign_on": False}})


def type_scan(qtbot, line_edit, code):
    line_edit.setFocus()
    qtbot.keyClicks(line_edit, code)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def test_accepting_an_ungraded_item_asks_its_questions_answered_by_keys(qtbot, guided):
    window, _, _ = guided
    type_scan(qtbot, window.ready.code, "RMA-2026-000005")
    items = window.items
    type_scan(qtbot, items.item_code, "7350000000054")
    qtbot.keyClick(items.table, Qt.Key.Key_Space)  # accept: the questions open
    dialog = items.guide_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.question.text() == "Tags, seals and packaging intact?"
    qtbot.keyClick(dialog, Qt.Key.Key_1)  # yes
    assert dialog.step.text() == "Question 2 of 3"
    qtbot.keyClick(dialog, Qt.Key.Key_2)  # no: worn, at best C
    qtbot.keyClick(dialog, Qt.Key.Key_Y)  # complete
    line = items.model.case.lines[0]
    assert line.grade == "C"
    assert (
        items.message.text() == "JEANS-32-32: grade C from the questions · C\u00a0→\u00a0Refurbish"
    )


def test_the_questions_answered_by_scans_and_kept_in_history(qtbot, guided):
    window, store, router = guided
    type_scan(qtbot, window.ready.code, "RMA-2026-000005")
    items = window.items
    type_scan(qtbot, items.item_code, "CAP-LOGO")
    type_scan(qtbot, items.item_code, "RDCMD-ACCEPT")
    dialog = items.guide_dialog
    qtbot.waitExposed(dialog)
    for answer in ("RDCMD-YES", "RDCMD-GRADE-A", "RDCMD-YES", "RDCMD-NO"):
        # a keyboard scanner's scan while the dialog is open (the item field is behind it)
        router.receive(RawScan(answer, "wedge"))
    assert "RDCMD-GRADE-A is not an answer" in dialog.hint.text()
    line = items.model.case.lines[1]
    assert line.grade == "D"  # incomplete or damaged
    qtbot.mouseClick(items.accept_all, Qt.MouseButton.LeftButton)
    qtbot.keyClick(items, Qt.Key.Key_F12)
    qtbot.keyClick(items, Qt.Key.Key_F12)
    entry = store.history_since(datetime.now(UTC) - timedelta(hours=1))[0]
    graded = entry["summary"]["lines"][1]["graded_by"]
    assert graded["guide"] == "Any item"
    assert [a["yes"] for a in graded["answers"]] == [True, True, False]


def test_the_guide_needs_a_present_item(qtbot, guided):
    window, _, _ = guided
    type_scan(qtbot, window.ready.code, "RMA-2026-000005")
    items = window.items
    type_scan(qtbot, items.item_code, "7350000000054")
    type_scan(qtbot, items.item_code, "RDCMD-MISSING")
    qtbot.keyClick(items, Qt.Key.Key_F6)
    assert "a missing item has no grade or route" in items.message.text()
    assert items.guide_dialog is None
