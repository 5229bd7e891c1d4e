"""A scan the wedge's ``decode`` setting misread: it matches nothing as decoded, yet the same
keys read under the other setting are a parcel label or an item.

Under ``decode = "us_physical"`` a scanner programmed for the host's own layout is misread
(on a German host ``RMA-2026-000013`` arrives as ``RMA/2026/000013``); under ``"text"`` a
scanner programmed for US keys is (``RMAß2026ß000013``). Sent on, such a scan opened Unknown
parcel and invited receiving without an RMA; it is refused instead, naming the fix.
"""

from __future__ import annotations

from returndesk.core.operator_text import Say
from returndesk.scanning.classifier import Classified, ScanKind, classify_scan
from returndesk.scanning.normaliser import RawScan, ScanRejected, normalise
from returndesk.settings.scanner import ParseSettings


def other_reading(
    raw: RawScan, settings: ParseSettings, *, prefix: str = "", suffix: str = ""
) -> Classified | None:
    """The scan as the other ``decode`` setting would have read its keys (None when there is
    no other reading, it is the same, or it is no usable scan either)."""
    other = raw.layout_text if raw.layout_text is not None else raw.us_text
    if not raw.from_keyboard or other is None or other == raw.text:
        return None
    try:
        # read as the other setting would have: no layout checks, they are what is wrong
        return classify_scan(
            normalise(RawScan(other, "other_layout"), settings, prefix=prefix, suffix=suffix),
            settings,
        )
    except ScanRejected:
        return None


def misread_message(
    raw: RawScan,
    settings: ParseSettings,
    decoded: Classified | None,
    *,
    prefix: str = "",
    suffix: str = "",
) -> Say | None:
    """The refusal for a scan that ``decoded`` (None: refused) as nothing known but that the
    other reading of its keys makes a parcel label or an item's barcode; None when nothing
    says so. (A SKU is known only to the open return: see :func:`layout_refusal`.)"""
    if decoded is not None and decoded.kind is not ScanKind.TEXT:
        return None
    alternative = other_reading(raw, settings, prefix=prefix, suffix=suffix)
    if alternative is None or alternative.kind is ScanKind.TEXT:
        return None
    return layout_refusal(alternative.code)


def layout_refusal(code: str) -> Say:
    return Say(
        "The scanner's layout setting looks wrong: read the other way this is {code}. The "
        "scan was not used — run the Scanner check (F7) to set it right.",
        code=code,
    )
