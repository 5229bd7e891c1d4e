"""The classifier: parcel labels, items (GTIN with batch/serial/expiry), and plain text."""

from __future__ import annotations

from datetime import date

import pytest

from returndesk.core.codes import CodeKind
from returndesk.scanning.classifier import ScanKind, classify_scan
from returndesk.scanning.normaliser import RawScan, ScanRejected, normalise
from returndesk.settings.scanner import GS, ParseSettings

SETTINGS = ParseSettings()


def classify(text: str, source: str = "serial", settings: ParseSettings = SETTINGS):
    return classify_scan(normalise(RawScan(text, source), settings), settings)


def rejected(text: str, settings: ParseSettings = SETTINGS) -> ScanRejected:
    with pytest.raises(ScanRejected) as caught:
        classify(text, settings=settings)
    return caught.value


# ---------------------------------------------------------------- parcels
@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("RMA-2024-000123", "RMA-2024-000123", CodeKind.RMA),
        ("rma-2024-000123", "RMA-2024-000123", CodeKind.RMA),
        ("#1001", "#1001", CodeKind.ORDER),
        ("12345678901", "12345678901", CodeKind.ORDER),
        ("NSR00012345", "NSR00012345", CodeKind.NSHIFT_RETURN),
        ("1Z999AA10123456784", "1Z999AA10123456784", CodeKind.TRACKING),
        ("340123450000000000", "340123450000000000", CodeKind.SSCC),
        ("00340123450000000000", "340123450000000000", CodeKind.SSCC),
        ("]C100340123450000000000", "340123450000000000", CodeKind.SSCC),
    ],
)
def test_parcel_labels(text, code, kind):
    result = classify(text)
    assert result.kind is ScanKind.PARCEL
    assert result.code == code
    assert result.parcel is not None
    assert kind in result.parcel.kinds


def test_rma_variants_without_dashes_are_not_guessed():
    result = classify("RMA2024000123")
    assert result.kind is ScanKind.TEXT  # looked up as typed, never "corrected"


def test_hash_order_numbers_are_never_gs1():
    result = classify("#1001", source="wedge")
    assert result.kind is ScanKind.PARCEL
    assert GS not in result.code


def test_patterns_come_from_settings():
    settings = ParseSettings(patterns={"rma": [r"^R\d{6}$"]})
    assert classify("R123456", settings=settings).kind is ScanKind.PARCEL
    assert classify("RMA-2024-000123", settings=settings).kind is ScanKind.TEXT


def test_an_invalid_pattern_is_refused_with_its_kind():
    with pytest.raises(ValueError, match="rma"):
        ParseSettings(patterns={"rma": ["(unclosed"]})
    with pytest.raises(ValueError, match="unknown code kind"):
        ParseSettings(patterns={"parcel": ["x"]})


# ---------------------------------------------------------------- items
@pytest.mark.parametrize(
    ("text", "gtin"),
    [
        ("4006381333931", "4006381333931"),  # EAN-13, also "(400)…" as GS1: EAN wins
        ("]E04006381333931", "4006381333931"),
        ("036000291452", "0036000291452"),  # UPC-A is the GTIN-13 with a leading 0
        ("0036000291452", "0036000291452"),
        ("]E0036000291452", "0036000291452"),
        ("96385074", "96385074"),  # EAN-8
        ("04006381333931", "4006381333931"),  # GTIN-14 with indicator 0
        ("14006381333938", "14006381333938"),  # GTIN-14 of a case: kept whole
    ],
)
def test_ean_upc_and_gtin(text, gtin):
    result = classify(text)
    assert result.kind is ScanKind.ITEM
    assert result.gtin == gtin == result.code


def test_gs1_with_batch_serial_and_expiry():
    result = classify(f"]C10104006381333931{GS}10ABC{GS}21XYZ")
    assert (result.gtin, result.batch, result.serial) == ("4006381333931", "ABC", "XYZ")
    result = classify("]d2010400638133393117250100")  # day 00: the last day of the month
    assert result.expiry == date(2025, 1, 31)


def test_gs1_without_aim_is_recognised_by_its_leading_gtin():
    result = classify(f"0104006381333931{GS}10LOT7")
    assert (result.gtin, result.batch) == ("4006381333931", "LOT7")
    assert classify("010400638133393121SERIAL9").serial == "SERIAL9"


def test_a_gs1_digital_link_in_a_qr_code():
    result = classify("https://id.gs1.org/01/04006381333931/21/SN1", source="camera")
    assert (result.kind, result.gtin, result.serial) == (ScanKind.ITEM, "4006381333931", "SN1")


def test_a_lost_separator_is_refused_not_guessed():
    error = rejected("]C1010400638133393110ABC21XYZ")
    assert error.reason == "gs_lost"
    assert "FNC1" in str(error)


@pytest.mark.parametrize(
    "text",
    [
        "4006381333932",  # EAN-13 check digit
        "]E04006381333932",
        "036000291453",  # UPC-A
        "340123450000000001",  # SSCC
        "]C10104006381333932",  # GTIN in GS1
        "]C100340123450000000001",
    ],
)
def test_wrong_check_digits_are_refused(text):
    assert rejected(text).reason == "check_digit"


def test_a_gs1_label_without_gtin_or_sscc_asks_for_another_barcode():
    error = rejected("]C1420123451")  # a carrier's postal-code element only
    assert "neither an SSCC" in str(error)


def test_an_eleven_digit_order_that_is_also_a_upc_keeps_both_readings():
    settings = ParseSettings(patterns={"order": [r"^\d{12}$"]})
    result = classify("036000291452", settings=settings)
    assert result.kind is ScanKind.PARCEL
    assert result.also_item == "0036000291452"


def test_plain_text_is_looked_up_as_typed():
    result = classify("sku-blue-42")
    assert (result.kind, result.code) == (ScanKind.TEXT, "SKU-BLUE-42")
