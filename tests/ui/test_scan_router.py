"""Scans through the wedge into the real station window: routed to the screen that waits."""

from __future__ import annotations

import logging

import pytest

from returndesk.scanning.normaliser import LAYOUT_MESSAGE
from returndesk.ui.common.flash import BAD, GOOD, WARN
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


def quantity_two(sandbox):
    """A receivable RMA with a line of two units, and that line's GTIN and index."""
    for demo in sandbox.data.rmas.values():
        rec = demo.record
        if rec["status"] != "approved" or demo.nshift_status != "Not Processed":
            continue
        for index, item in enumerate(rec["items"]):
            if item["quantity"] == 2:
                return rec["rma_number"], item["gtin"], index
    raise AssertionError("the demo data has no quantity-2 line")


def scan_twice(station, after_s):
    """Open a return with a quantity-2 line, scan that item twice ``after_s`` apart."""
    window, _, sandbox, clock, _ = station
    number, gtin, index = quantity_two(sandbox)
    keyboard = Keyboard(window)
    keyboard.type(number)
    clock.now += 5
    keyboard.type(gtin)
    clock.now += after_s
    keyboard.type(gtin)
    return keyboard, gtin, window.items.model.case.lines[index]


def test_two_scans_400_ms_apart_count_two_units(qtbot, station):
    cues = station[4]
    _, _, line = scan_twice(station, 0.4)  # two of the same item, scanned briskly
    assert line.units_text() == "2/2"
    assert cues[-2:] == ["good", "good"]


def test_a_repeat_inside_the_double_read_window_is_a_warning_aloud(qtbot, station):
    window, _, _, clock, cues = station
    keyboard, gtin, line = scan_twice(station, 0.1)  # the same trigger read it twice
    assert line.units_text() == "1/2"
    assert "read twice at once" in window.items.message.text()
    # not counted, nothing wrong: amber and the warning tone, neither success nor refusal
    assert window.items.flash.colour == WARN
    assert window.items.message.level == "warn"
    assert cues[-1] == "warn"
    clock.now += 2.0  # the operator scans the second unit
    keyboard.type(gtin)
    assert line.units_text() == "2/2"


def test_a_repeat_on_a_complete_line_is_refused_never_dropped(qtbot, station):
    window, _, sandbox, clock, cues = station
    keyboard = Keyboard(window)
    keyboard.type("RMA-2026-000002")
    gtin = item_gtins(sandbox, "RMA-2026-000002")[0]
    clock.now += 5
    keyboard.type(gtin)
    clock.now += 0.6
    keyboard.type(gtin)
    assert window.items.model.case.lines[0].scanned_qty == 1
    assert "already counted" in window.items.message.text()
    assert window.items.message.level == "warn"
    assert cues[-1] == "warn"


def test_a_scan_while_a_submission_is_recorded_changes_nothing_sent(qtbot, station):
    window, router, _, clock, cues = station
    flow = router._lookup.__self__
    keyboard = Keyboard(window)
    keyboard.type("RMA-2026-000002")
    window.items.model.accept_all()
    held = []  # the submission's work waits, as on a busy disk
    flow._runner.run = lambda work, done, failed: held.append((work, done, failed))
    sent = window.items.model.case
    flow.submit()
    assert window.items.busy
    clock.now += 5
    keyboard.type("SKU-THAT-IS-NEW")  # an unexpected item, scanned while submitting
    assert "Submitting" in window.items.message.text()
    assert cues[-1] == "bad"
    ((work, done, _failed),) = held
    case, _history_id, _counts = work()
    assert case is not sent  # the worker had a frozen copy
    assert case.unexpected == []
    assert sent.unexpected == []
    done((case, _history_id, _counts))
    assert not window.items.busy


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
    from returndesk.settings.scanner import ScannerSettings
    from returndesk.ui.common.barcodes import barcode_image
    from returndesk.ui.flows.scanner_flow import start_scanners

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


def test_a_scan_is_classified_once_and_reaches_the_lookup_typed(qtbot, station, monkeypatch):
    """The router's classification goes on as a ParcelCode: the service never reads the
    scan's text a second time (a typed code still is classified there)."""
    import returndesk.receiving.service as service

    def second_classification(*_args, **_kwargs):
        raise AssertionError("a scan was classified again")

    monkeypatch.setattr(service, "classify", second_classification)
    window, _, _, _, _ = station
    Keyboard(window).type("RMA-2026-000002")
    assert window.screens.currentWidget() is window.items


def test_a_scan_the_decode_setting_misread_is_refused_and_opens_nothing(qtbot, station):
    from returndesk.scanning.normaliser import RawScan

    window, router, _, _, cues = station
    # decode = "us_physical" with a scanner programmed for the German host
    router.receive(RawScan("RMA/2026/000013", "wedge", layout_text="RMA-2026-000013"))
    assert window.screens.currentWidget() is window.ready  # not Unknown parcel
    status = window.ready.status.text()
    assert "layout setting looks wrong" in status
    assert "RMA-2026-000013" in status
    assert cues == ["bad"]


def test_a_sku_the_decode_setting_misread_is_refused_on_items(qtbot, station):
    from returndesk.scanning.normaliser import RawScan

    window, router, _, clock, _ = station
    router.typed("RMA-2026-000001")
    assert window.screens.currentWidget() is window.items
    clock.now += 5
    lines = len(window.items.model.case.lines)
    router.receive(RawScan("TEE/BLK/M", "wedge", layout_text="TEE-BLK-M"))
    assert "layout setting looks wrong" in window.items.message.text()
    case = window.items.model.case
    assert all(line.scanned_qty == 0 for line in case.lines)
    assert len(case.lines) == lines  # not added as an unexpected item either
