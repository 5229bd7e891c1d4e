"""A scan the wedge's decode setting misread is refused with the fix, never sent on."""

from returndesk.scanning.classifier import classify_scan
from returndesk.scanning.layout_guess import misread_message, other_reading
from returndesk.scanning.normaliser import RawScan, normalise
from returndesk.settings.scanner import ParseSettings

PARSE = ParseSettings()


def decoded(raw):
    return classify_scan(normalise(raw, PARSE), PARSE)


def test_a_host_layout_scanner_under_us_physical_is_refused_with_the_fix():
    # German host, scanner programmed for German, station decoding US physical keys
    raw = RawScan("RMA/2026/000013", "wedge", layout_text="RMA-2026-000013")
    message = misread_message(raw, PARSE, decoded(raw))
    assert message is not None
    assert "RMA-2026-000013" in str(message)
    assert "Scanner check (F7)" in str(message)


def test_a_us_scanner_under_text_is_refused_with_the_fix():
    raw = RawScan("RMA\u00df2026\u00df000013", "wedge", us_text="RMA-2026-000013")
    assert "RMA-2026-000013" in str(misread_message(raw, PARSE, None))


def test_a_sku_is_no_known_code_here_its_other_reading_is_given_for_the_open_return():
    raw = RawScan("SKU/ZY/1", "wedge", layout_text="SKU-YZ-1")
    assert misread_message(raw, PARSE, decoded(raw)) is None  # only the return knows SKUs
    assert other_reading(raw, PARSE).code == "SKU-YZ-1"


def test_a_scan_that_reads_as_a_parcel_is_never_second_guessed():
    raw = RawScan("RMA-2026-000013", "wedge", layout_text="RMA\u00df2026\u00df000013")
    assert misread_message(raw, PARSE, decoded(raw)) is None


def test_nothing_is_said_when_both_readings_match_nothing_or_agree():
    assert misread_message(RawScan("HELLO", "wedge", us_text="HELLO"), PARSE, None) is None
    raw = RawScan("A/B", "wedge", layout_text="A-B")
    assert misread_message(raw, PARSE, decoded(raw)) is None
    typed = RawScan("RMA/2026/000013", "manual")  # typed by hand: no other reading
    assert misread_message(typed, PARSE, decoded(typed)) is None
