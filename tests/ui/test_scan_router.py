"""Scans through the wedge into the real station window: routed to the screen that waits."""

from __future__ import annotations

import logging

import pytest

from returndesk.scanning.normaliser import LAYOUT_MESSAGE
from returndesk.ui.flash import BAD, GOOD
from tests.ui.keys import GERMAN, Keyboard, gs_key

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def item_gtins(sandbox, rma_number):
    return [item["gtin"] for item in sandbox.data.by_rma_number(rma_number).record["items"]]


def test_a_scanned_label_opens_the_return_and_items_are_counted(qtbot, station):
    window, _, sandbox, clock, cues = station
    keyboard = Keyboard(window)
    keyboard.type("RMA-2026-000002")
    assert window.screens.currentWidget() is window.items
    assert window.items.flash.colour == GOOD
    first = item_gtins(sandbox, "RMA-2026-000002")[0]
    clock.now += 5
    keyboard.type(first, gap=4)
    assert window.items.model.case.lines[0].scanned_qty == 1
    assert window.items.item_code.text() == ""  # nothing leaked into the field
    assert cues == ["good", "good"]


def test_a_gs1_item_label_is_counted_by_its_gtin(qtbot, station):
    window, _, sandbox, clock, _ = station
    keyboard = Keyboard(window)
    keyboard.type("RMA-2026-000002")
    gtin = item_gtins(sandbox, "RMA-2026-000002")[0].zfill(14)
    clock.now += 5
    keyboard.type(f"]C101{gtin}10LOT42", enter=False)
    keyboard.press(gs_key(), after=4)
    keyboard.type("21SN1")
    assert window.items.model.case.lines[0].scanned_qty == 1


def test_an_item_barcode_on_ready_is_refused_with_a_message(qtbot, station):
    window, _, _, _, cues = station
    Keyboard(window).type("4006381333931")
    assert window.screens.currentWidget() is window.ready
    assert "item's barcode" in window.ready.status.text()
    assert window.ready.flash.colour == BAD
    assert cues == ["bad"]


def test_a_parcel_label_on_the_items_screen_is_refused(qtbot, station):
    window, _, _, clock, _ = station
    keyboard = Keyboard(window)
    keyboard.type("RMA-2026-000002")
    case = window.items.model.case
    clock.now += 5
    keyboard.type("RMA-2026-000003")
    assert window.screens.currentWidget() is window.items
    assert window.items.model.case is case
    assert "is a parcel label" in window.items.message.text()
    assert window.items.flash.colour == BAD


def test_a_double_read_is_dropped_and_a_later_rescan_counts(qtbot, station):
    window, _, sandbox, clock, _ = station
    keyboard = Keyboard(window)
    keyboard.type("RMA-2026-000002")
    gtin = item_gtins(sandbox, "RMA-2026-000002")[0]
    clock.now += 5
    keyboard.type(gtin)
    clock.now += 0.2  # the same trigger read it twice
    keyboard.type(gtin)
    assert window.items.model.case.lines[0].scanned_qty == 1
    clock.now += 2.0  # the operator scans the second unit
    keyboard.type(gtin)
    assert window.items.model.case.lines[0].scanned_qty == 2


def test_a_bad_check_digit_is_refused_on_items(qtbot, station):
    window, _, _, clock, _ = station
    keyboard = Keyboard(window)
    keyboard.type("RMA-2026-000002")
    clock.now += 5
    keyboard.type("4006381333932")
    assert "check digit" in window.items.message.text()
    assert window.items.flash.colour == BAD


def test_a_layout_mismatch_is_refused_and_then_recognised(qtbot, station, caplog):
    window, router, _, clock, _ = station
    keyboard = Keyboard(window)
    with caplog.at_level(logging.INFO, logger="returndesk"):
        keyboard.type("RMA-2026-000002", layout=GERMAN)
    assert window.ready.status.text() == LAYOUT_MESSAGE
    assert router.us_scanner
    assert "'RMAß2026ß000002'" in caplog.text  # the raw code, as repr, for support
    # from now on a code that only swapped Y and Z is refused too, not looked up wrong
    clock.now += 5
    keyboard.type("1Z999AA10123456784", layout=GERMAN)
    assert window.ready.status.text() == LAYOUT_MESSAGE


def test_typed_codes_take_the_same_path(qtbot, station):
    window, router, _, _, _ = station
    refused: list[str] = []
    router.refused.connect(refused.append)
    window.ready.code.setText("4006381333931")
    window.ready.code.returnPressed.emit()
    assert refused
    assert "item's barcode" in refused[0]
    window.ready.code.setText("rma-2026-000002")
    window.ready.code.returnPressed.emit()
    assert window.screens.currentWidget() is window.items


def test_a_raw_listener_takes_every_scan_unprocessed(qtbot, station):
    window, router, _, _, _ = station
    seen = []
    router.raw_listener = seen.append
    Keyboard(window).type("RMAß2026", gap=3)
    assert [raw.text for raw in seen] == ["RMAß2026"]
    assert window.screens.currentWidget() is window.ready


@pytest.mark.qt_log_ignore(r".*")  # QtMultimedia reports missing PipeWire/VA-API here
def test_a_station_without_scanner_reads_a_label_photo(qtbot, station, tmp_path):
    from returndesk.app import start_scanners
    from returndesk.settings.scanner import ScannerSettings
    from returndesk.ui.barcode_image import barcode_image

    window, router, _, _, _ = station
    path = tmp_path / "label.png"
    assert barcode_image("RMA-2026-000002", "Code128", scale=3).save(str(path))
    blank = tmp_path / "blank.png"
    blank_image = barcode_image("X", "Code128")
    blank_image.fill(255)
    assert blank_image.save(str(blank))
    scanners = start_scanners(ScannerSettings(), router)
    try:
        window.ready.image_chosen.emit(str(blank))
        qtbot.waitUntil(lambda: "No barcode found in blank.png" in window.ready.status.text())
        window.ready.image_chosen.emit(str(path))
        qtbot.waitUntil(lambda: window.screens.currentWidget() is window.items, timeout=5000)
    finally:
        for scanner in scanners:
            scanner.stop()
