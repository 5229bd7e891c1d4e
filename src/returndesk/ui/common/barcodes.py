"""Barcodes drawn as QImages by zxing-cpp: the scanner test sheet, labels, command sheets."""

from __future__ import annotations

from pathlib import Path

import zxingcpp
from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter


def barcode_image(text: str, format_name: str, *, gs1: bool = False, scale: int = 3) -> QImage:
    """``text``: for GS1 codes in "(01)…(10)…" form; ``format_name`` as zxing-cpp spells it."""
    barcode = zxingcpp.create_barcode(text, zxingcpp.barcode_format_from_str(format_name), gs1=gs1)
    rendered = barcode.to_image(scale=scale, add_quiet_zones=True)
    height, width = rendered.shape[:2]
    # copy(): the QImage must own its pixels once the zxing buffer is gone
    return QImage(
        bytes(memoryview(rendered)),  # type: ignore[arg-type]  # it has the buffer protocol
        width,
        height,
        width,
        QImage.Format.Format_Grayscale8,
    ).copy()


def a4_writer(path: Path, *, margin_mm: float, dpi: int = 300) -> QPdfWriter:
    """A portrait A4 PDF for a printed sheet of barcodes (test sheet, command sheet)."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm),
        )
    )
    writer.setResolution(dpi)
    return writer
