"""What a scan of the test sheet says about the scanner's setup."""

from __future__ import annotations

import pytest

from returndesk.scanning.keymap import US_EVDEV
from returndesk.scanning.normaliser import RawScan
from returndesk.scanning.test_sheet import (
    CAPS_LOCK,
    DROPPED,
    GS_LOST,
    NO_AIM,
    SHEET,
    US_LAYOUT,
    check_scan,
)
from returndesk.settings.scanner import GS, ScannerSettings

SETTINGS = ScannerSettings()
ASCII_1, ASCII_2, GS1_128, EAN = SHEET
#: US characters and what a German layout types for the same keys
GERMAN = str.maketrans({"-": "ß", "#": "§", "]": "+", "y": "z", "z": "y", "Y": "Z", "Z": "Y"})


def scan(text: str, **kw) -> RawScan:
    return RawScan(text, "wedge", **kw)


def test_the_sheet_covers_every_printable_ascii_character():
    assert set(ASCII_1.expected + ASCII_2.expected) == {chr(c) for c in range(0x20, 0x7F)}
    typed = {char for pair in US_EVDEV.values() for char in pair}
    assert set(ASCII_1.expected + ASCII_2.expected) <= typed  # all typeable on a US keyboard


@pytest.mark.parametrize("code", SHEET, ids=lambda c: c.name)
def test_an_exact_scan_with_aim_is_all_right(code):
    result = check_scan(scan(code.aim + code.expected), SETTINGS)
    assert result.code is code
    assert result.ok
    assert result.findings == ()
    assert all(cell.ok for cell in result.cells)


def test_a_us_scanner_on_a_german_host():
    typed = ASCII_2.expected.translate(GERMAN)
    result = check_scan(scan("]C0" + typed, us_text="]C0" + ASCII_2.expected), SETTINGS)
    assert result.code is ASCII_2
    assert not result.ok
    assert result.findings == (US_LAYOUT,)
    assert result.us_layout
    wrong = [cell for cell in result.cells if not cell.ok]
    assert ("Y", "Z") in [(c.expected, c.received) for c in wrong]


def test_caps_lock():
    result = check_scan(scan("]C0" + ASCII_2.expected.swapcase()), SETTINGS)
    assert result.findings == (CAPS_LOCK,)


def test_a_lost_separator():
    lost = GS1_128.expected.replace(GS, "")
    assert check_scan(scan("]C1" + lost), SETTINGS).findings == (GS_LOST,)
    unmapped = scan("]C1" + lost, unmapped_keys=1)
    assert check_scan(unmapped, SETTINGS).findings == (GS_LOST,)


def test_dropped_characters():
    text = ASCII_1.expected[:10] + ASCII_1.expected[12:]
    result = check_scan(scan("]C0" + text), SETTINGS)
    assert result.findings == (DROPPED.format(lost=2, total=48),)
    assert [cell.expected for cell in result.cells if not cell.ok] == list(ASCII_1.expected[10:12])


def test_no_aim_and_slow_keys_are_advice():
    result = check_scan(scan(EAN.expected, gaps_ms=(5, 45, 5)), SETTINGS)
    assert result.ok
    assert result.findings[0] == NO_AIM
    assert "45 ms apart" in result.findings[1]
