"""The normaliser: prefixes, AIM ids, GS substitutes, line ends, and the layout check."""

from __future__ import annotations

import pytest

from returndesk.scanning.normaliser import (
    LAYOUT_MESSAGE,
    MAX_SCAN_LENGTH,
    RawScan,
    ScanRejected,
    normalise,
    reveals_us_scanner,
)
from returndesk.settings.scanner import GS, ParseSettings

SETTINGS = ParseSettings()


def wedge(text: str, **kw) -> RawScan:
    return RawScan(text, "wedge", **kw)


def test_a_plain_code_passes_unchanged():
    scan = normalise(wedge("RMA-2024-000123"), SETTINGS)
    assert (scan.text, scan.aim, scan.source) == ("RMA-2024-000123", None, "wedge")


@pytest.mark.parametrize("aim", ["]C1", "]d2", "]E0", "]Q3", "]e0"])
def test_aim_ids_are_split_off(aim):
    scan = normalise(wedge(aim + "0104006381333931"), SETTINGS)
    assert scan.aim == aim
    assert scan.text == "0104006381333931"


def test_prefix_suffix_and_line_ends_come_off():
    scan = normalise(wedge("\x02#10042\x03\r\n"), SETTINGS, prefix="\x02", suffix="\x03\r\n")
    assert scan.text == "#10042"
    assert normalise(RawScan("#10042\r\n", "serial"), SETTINGS).text == "#10042"


def test_configured_substitutes_become_gs():
    settings = ParseSettings(gs_substitutes=[GS, "~"])
    assert normalise(wedge("0104006381333931~10AB"), settings).text == f"0104006381333931{GS}10AB"


@pytest.mark.parametrize("substitute", ["#", "A", "7", "ab"])
def test_hash_letters_and_digits_can_never_stand_for_gs(substitute):
    with pytest.raises(ValueError, match="GS"):
        ParseSettings(gs_substitutes=[substitute])


@pytest.mark.parametrize(
    "typed",
    ["RMAß2024ß001234", "§1001", "&é\"'(-è_çà", "RMA-2024-00012³", "+C1#1001", "°C1#1001"],
)
def test_keyboard_scans_with_layout_characters_are_refused(typed):
    with pytest.raises(ScanRejected) as caught:
        normalise(wedge(typed), SETTINGS)
    assert str(caught.value) == LAYOUT_MESSAGE
    assert caught.value.reason == "layout"


def test_unmapped_keys_are_a_layout_problem():
    with pytest.raises(ScanRejected, match="layout does not match"):
        normalise(wedge("RMA2024", unmapped_keys=1), SETTINGS)


def test_the_layout_check_can_be_turned_off():
    settings = ParseSettings(layout_check=False)
    assert normalise(wedge("RMAß2024"), settings).text == "RMAß2024"


def test_a_serial_or_camera_read_of_unicode_is_not_a_layout_problem():
    assert normalise(RawScan("Größe 42", "camera"), SETTINGS).text == "Größe 42"


@pytest.mark.parametrize(
    "text", ["RMA\x002024", "RMA\u202e2024", "RMA\u200b2024", "RMA\x7f2024", "\x1b[2J"]
)
def test_nul_bidi_zero_width_and_escapes_are_refused(text):
    with pytest.raises(ScanRejected) as caught:
        normalise(RawScan(text, "serial"), SETTINGS)
    assert caught.value.reason == "control"


def test_iso_15434_controls_are_kept():
    text = "[)>\x1e06\x1d10ABC\x1e\x04"
    assert normalise(RawScan(text, "serial"), SETTINGS).text == text


@pytest.mark.parametrize("text", ["", "\r\n", "   ", GS + GS, "]C1"])
def test_nothing_readable_is_refused(text):
    with pytest.raises(ScanRejected) as caught:
        normalise(wedge(text), SETTINGS)
    assert caught.value.reason == "empty"


def test_an_overlong_scan_is_refused_before_any_work():
    with pytest.raises(ScanRejected) as caught:
        normalise(RawScan("A" * (MAX_SCAN_LENGTH + 1), "serial"), SETTINGS)
    assert caught.value.reason == "too_long"


def test_a_us_scanner_on_a_german_host_is_recognised():
    raw = wedge("RMAß2024ß001234", us_text="RMA-2024-001234")
    assert reveals_us_scanner(raw, SETTINGS)
    assert not reveals_us_scanner(wedge("RMA-2024-001234", us_text="RMA-2024-001234"), SETTINGS)
    assert not reveals_us_scanner(RawScan("RMAß", "serial", us_text="RMA-"), SETTINGS)


def test_once_recognised_a_plausible_swap_is_refused_too():
    # Y and Z are swapped on German: "1Z…" arrives as "1Y…", which looks fine on its own
    raw = wedge("1Y999AA10123456784", us_text="1Z999AA10123456784")
    assert normalise(raw, SETTINGS).text == "1Y999AA10123456784"
    with pytest.raises(ScanRejected, match="layout does not match"):
        normalise(raw, SETTINGS, us_scanner=True)
    same = wedge("1Z999AA10123456784", us_text="1Z999AA10123456784")
    assert normalise(same, SETTINGS, us_scanner=True).text == "1Z999AA10123456784"
