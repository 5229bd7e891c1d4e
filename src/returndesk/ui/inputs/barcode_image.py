"""The scanner test sheet as a PDF (its barcodes drawn by ``ui.common.barcodes``)."""

from __future__ import annotations

from pathlib import Path

from returndesk.ui.common.barcodes import a4_writer, barcode_image


def write_test_sheet(path: Path) -> Path:
    """The scanner test sheet as an A4 PDF; safe to call off the GUI thread."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import QFont, QPainter

    from returndesk.scanning.test_sheet import SHEET
    from returndesk.ui.common.i18n import say

    writer = a4_writer(path, margin_mm=15)
    painter = QPainter(writer)
    try:
        page = painter.viewport()
        font = QFont()
        font.setPointSize(12)
        painter.setFont(font)
        y = 0
        painter.drawText(QPoint(0, y + 60), "ReturnDesk scanner test sheet — scan each code")
        y += 150
        for code in SHEET:
            painter.drawText(QPoint(0, y + 50), say(code.name))
            image = barcode_image(code.content, code.format, gs1=code.gs1, scale=3)
            width = min(page.width(), image.width() * 2)
            height = image.height() * width // image.width()
            painter.drawImage(QRect(0, y + 80, width, height), image)
            y += 80 + height + 120
    finally:
        painter.end()
    return path
