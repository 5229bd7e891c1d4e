"""Barcodes read from images (camera frames, photos, image files) with zxing-cpp.

The result carries the AIM symbology identifier in front of the text, exactly as a scanner
with AIM ids on would send it, so camera reads go through the same normaliser and classifier.
Plain text mode keeps GS1 separators as ASCII 29 instead of "(01)…" brackets.
"""

from __future__ import annotations

from collections.abc import Sequence

import zxingcpp

from returndesk.scanning.normaliser import RawScan


def barcode_formats(names: Sequence[str]) -> zxingcpp.BarcodeFormats:
    """``names`` as zxing-cpp spells them (Code128, DataMatrix, EAN13, QRCode …)."""
    return zxingcpp.barcode_formats_from_str(",".join(names))


def decode_image(image: object, formats: Sequence[str], *, source: str = "camera") -> list[RawScan]:
    """Every readable barcode in ``image`` (a QImage, a PIL image or an array), top first."""
    results = zxingcpp.read_barcodes(
        image, formats=barcode_formats(formats), text_mode=zxingcpp.TextMode.Plain
    )
    found = [r for r in results if r.valid and r.text]
    found.sort(key=lambda r: (r.position.top_left.y, r.position.top_left.x))
    return [RawScan(r.symbology_identifier + r.text, source) for r in found]
