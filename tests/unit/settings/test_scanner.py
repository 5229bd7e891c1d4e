"""Scanner settings: the guide's defaults, validation with clear messages, overrides."""

from __future__ import annotations

import pytest

from returndesk.settings.loader import SettingsError, load_settings
from returndesk.settings.scanner import GS, ScannerSettings


def test_defaults_are_the_guides():
    settings = ScannerSettings()
    wedge, serial, camera, parse = settings.wedge, settings.serial, settings.camera, settings.parse
    assert (wedge.enabled, wedge.max_gap_ms, wedge.min_length, wedge.idle_flush_ms) == (
        True,
        50,
        4,
        70,
    )
    assert wedge.terminators == ["Return", "Enter", "Tab"]
    assert (wedge.decode, wedge.ctrl_chars, wedge.accept_without_terminator) == (
        "text",
        True,
        False,
    )
    assert (serial.enabled, serial.baud, serial.terminator, serial.reconnect_ms) == (
        False,
        9600,
        "auto",
        2000,
    )
    assert (camera.enabled, camera.cooldown_ms) == (False, 1500)
    assert camera.formats == ["Code128", "DataMatrix", "EAN13", "QRCode"]
    assert (parse.gs_substitutes, parse.dedupe_ms, parse.layout_check) == ([GS], 1500, True)
    assert parse.patterns["rma"] == [r"^RMA-\d{4}-\d{6}$"]
    assert parse.patterns["order"] == [r"^#\d{3,}$", r"^\d{11}$"]


def test_a_settings_file_and_the_environment(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text(
        "[scanner.wedge]\nmax_gap_ms = 120\nidle_flush_ms = 160\n"
        '[scanner.serial]\nenabled = true\nport = "/dev/serial/by-id/usb-Scanner"\n'
    )
    settings = load_settings(path, {"RETURNDESK_SCANNER__WEDGE__DECODE": "us_physical"}).scanner
    assert (settings.wedge.max_gap_ms, settings.wedge.decode) == (120, "us_physical")
    assert settings.serial.port == "/dev/serial/by-id/usb-Scanner"


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        ('[scanner.parse]\ngs_substitutes = ["#"]\n', "order numbers start with it"),
        ("[scanner.wedge]\nidle_flush_ms = 30\n", "idle_flush_ms (30) must be at least"),
        ('[scanner.wedge]\ndecode = "qwertz"\n', "scanner.wedge.decode"),
        ('[scanner.wedge]\nterminators = ["Space"]\n', "scanner.wedge.terminators"),
        ('[scanner.camera]\nformats = ["Barcode39"]\n', "is not a barcode format"),
        ('[scanner.serial]\nterminator = "NUL"\n', "scanner.serial.terminator"),
        ('[scanner.parse.patterns]\nrma = ["("]\n', "is not a pattern"),
    ],
)
def test_invalid_scanner_settings_are_refused_with_the_key(tmp_path, toml, words):
    path = tmp_path / "s.toml"
    path.write_text(toml)
    with pytest.raises(SettingsError) as caught:
        load_settings(path, {})
    assert words in str(caught.value)
