"""The scanner check screen: the test sheet, scanned through the wedge as a scanner would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from returndesk.scanning.decode import decode_image
from returndesk.scanning.test_sheet import SHEET, US_LAYOUT
from returndesk.ui.common.barcodes import barcode_image
from returndesk.ui.common.flash import BAD, GOOD
from returndesk.ui.inputs.barcode_image import write_test_sheet
from tests.ui.keys import GERMAN, Keyboard, gs_key

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")
ASCII_1, ASCII_2, GS1_128, EAN = SHEET


def open_check(qtbot, window):
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_F7)
    assert window.screens.currentWidget() is window.scanner_check
    return window.scanner_check


@pytest.mark.parametrize("code", SHEET, ids=lambda c: c.name)
def test_every_code_on_the_sheet_reads_back_as_expected(qtbot, code):
    image = barcode_image(code.content, code.format, gs1=code.gs1, scale=2)
    (read,) = decode_image(image, [code.format])
    assert read.text == code.aim + code.expected


def test_a_right_scanner_gets_a_tick_for_each_code(qtbot, station):
    window, _, _, _, cues = station
    check = open_check(qtbot, window)
    keyboard = Keyboard(window)
    keyboard.type("]C0" + ASCII_1.expected, gap=3)
    assert check.last.ok
    assert "All characters right" in check.results[ASCII_1].text()
    assert check.flash.colour == GOOD
    keyboard.type("]C1" + GS1_128.expected.split("\x1d")[0], gap=3, enter=False)
    keyboard.press(gs_key(), after=3)
    keyboard.type(GS1_128.expected.split("\x1d")[1], gap=3)
    assert check.last.code is GS1_128
    assert check.last.ok
    assert cues == ["good", "good"]


def test_a_us_scanner_on_a_german_host_is_diagnosed_with_the_fix(qtbot, station):
    window, router, _, _, _ = station
    check = open_check(qtbot, window)
    Keyboard(window).type("]C0" + ASCII_2.expected, gap=3, layout=GERMAN)
    assert not check.last.ok
    assert check.last.findings == (US_LAYOUT,)
    text = check.results[ASCII_2].text()
    assert "us_physical" in text
    assert "#ffcdd2" in text  # wrong characters are marked
    assert check.flash.colour == BAD
    assert router.us_scanner  # from now on swapped letters are refused on Ready too


def test_escape_goes_back_to_ready_and_scans_route_normally(qtbot, station):
    window, _, _, _, _ = station
    open_check(qtbot, window)
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_Escape)
    assert window.screens.currentWidget() is window.ready
    Keyboard(window).type("RMA-2026-000002")
    assert window.screens.currentWidget() is window.items


def test_the_printable_sheet(qtbot, tmp_path):
    path = write_test_sheet(tmp_path / "sheet.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 5_000
