"""Operators sign on at shift start; the operator goes with every submission."""

import pytest
from PySide6.QtCore import Qt

from returndesk.scanning.normaliser import RawScan
from returndesk.settings.model import Settings

# QtMultimedia, loaded with the photo view, reports this machine's missing PipeWire and VA-API
pytestmark = pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) ", "This plugin does not support")

OPERATORS = Settings.model_validate(
    {"operators": [{"name": "Ada Lind", "badge": "EMP-0042"}, {"name": "Björn Ek"}]}
)


def test_badge_scan_signs_on_and_the_operator_is_recorded(qtbot, make_admin):
    station, window, store, router, admin, flow = make_admin(OPERATORS)
    assert window.screens.currentWidget() is admin.sign_on
    assert window.header.operator_label.text() == "not signed on"
    router.receive(RawScan("EMP-0042\r", "serial"))
    assert window.screens.currentWidget() is window.ready
    assert window.header.operator_label.text() == "Ada Lind"
    assert flow.operator == "Ada Lind"
    # a parcel received now carries her name into history and the inspection note
    window.ready.code_entered.emit("RMA-2026-000001")
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.items.submit, Qt.MouseButton.LeftButton)  # the summary
    qtbot.mouseClick(window.items.submit, Qt.MouseButton.LeftButton)  # confirmed
    assert window.screens.currentWidget() is window.ready
    (entry,) = store.history_for_return(sandbox_return_id(station, "RMA-2026-000001"))
    assert entry["operator"] == "Ada Lind"
    # the note rides with the wms-update, queued once nShift accepted it
    (update,) = store.items()
    assert "by Ada Lind" in update.payload_json


def sandbox_return_id(station, rma_number):
    return station.sandbox.data.by_rma_number(rma_number).record["nshift_return_id"]


def test_unknown_badges_and_parcels_are_refused_on_the_sign_on_screen(make_admin):
    _, window, _, router, admin, flow = make_admin(OPERATORS)
    router.receive(RawScan("EMP-9999\r", "wedge"))
    assert "not known at this station" in admin.sign_on.status.text()
    # a parcel label is no badge: nothing is looked up before someone signs on
    router.receive(RawScan("RMA-2026-000001\r", "wedge"))
    assert window.screens.currentWidget() is admin.sign_on
    assert flow.operator is None


def test_touch_a_name_then_sign_off(qtbot, make_admin):
    _, window, _, _, admin, flow = make_admin(OPERATORS)
    qtbot.mouseClick(admin.sign_on.buttons[1], Qt.MouseButton.LeftButton)
    assert flow.operator == "Björn Ek"
    window.ready.sign_off_button.click()
    assert window.screens.currentWidget() is admin.sign_on
    assert flow.operator is None
    assert window.header.operator_label.text() == "not signed on"


def test_without_configured_operators_the_name_is_typed(qtbot, make_admin):
    _, _window, _, _, admin, flow = make_admin()
    field = admin.sign_on.name
    assert field.isVisibleTo(admin.sign_on)
    qtbot.keyClicks(field, "x")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert "at least two letters" in admin.sign_on.status.text()
    assert flow.operator is None
    field.clear()
    qtbot.keyClicks(field, "  Chen   Li ")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert flow.operator == "Chen Li"


def test_a_station_without_sign_on_starts_at_ready(make_admin):
    settings = Settings.model_validate({"station": {"sign_on": False}})
    _, window, _, _, _admin, _ = make_admin(settings)
    assert window.screens.currentWidget() is window.ready
    assert not window.ready.sign_off_button.isVisibleTo(window.ready)
