"""The command sheet: every command barcode of the station's settings on an A4 page, to print
and keep beside the scanner (see scanning.commands). Safe off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QFont, QPainter

from returndesk.core.disposition import DispositionRules
from returndesk.scanning.commands import sheet_commands
from returndesk.ui.common.barcodes import a4_writer, barcode_image
from returndesk.ui.common.i18n import default_word

RESOLUTION = 300
COLUMNS = 2
#: printer dots per bar module
MODULE = 4


def caption(text: str) -> str:
    """A fixed caption in the station's language; grade and disposition names as configured."""
    fixed = {
        "Present": QCoreApplication.translate("CommandSheet", "Present"),
        "Accept": QCoreApplication.translate("CommandSheet", "Accept"),
        "Reject": QCoreApplication.translate("CommandSheet", "Reject"),
        "Missing": QCoreApplication.translate("CommandSheet", "Missing"),
        "As the rules say": QCoreApplication.translate("CommandSheet", "Route as the rules say"),
        "Submit (scan twice)": QCoreApplication.translate("CommandSheet", "Submit (scan twice)"),
        "Guided grading": QCoreApplication.translate("CommandSheet", "Guided grading"),
        "Yes": QCoreApplication.translate("CommandSheet", "Yes"),
        "No": QCoreApplication.translate("CommandSheet", "No"),
    }
    if text.startswith("Grade "):
        return QCoreApplication.translate("CommandSheet", "Grade {code}").format(code=text[6:])
    return fixed.get(text) or default_word(text)


def write_command_sheet(path: Path, rules: DispositionRules, station: str) -> Path:
    writer = a4_writer(path, margin_mm=12, dpi=RESOLUTION)
    writer.setTitle("ReturnDesk command sheet")
    painter = QPainter(writer)
    try:
        page = painter.viewport()
        title = QFont("DejaVu Sans")
        title.setPixelSize(52)
        title.setBold(True)
        body = QFont("DejaVu Sans")
        body.setPixelSize(40)
        small = QFont("DejaVu Sans")
        small.setPixelSize(26)
        painter.setFont(title)
        heading = QCoreApplication.translate(
            "CommandSheet", "ReturnDesk commands — scan an item, then what to do with it"
        )
        painter.drawText(QRectF(0, 0, page.width(), 80), int(Qt.AlignmentFlag.AlignLeft), heading)
        painter.setFont(body)
        painter.drawText(
            QRectF(0, 80, page.width(), 60),
            int(Qt.AlignmentFlag.AlignLeft),
            QCoreApplication.translate("CommandSheet", "Station {name}").format(name=station),
        )
        cell_w = page.width() / COLUMNS
        cell_h = 330
        column, y = 0, 170
        for text, command in sheet_commands(rules):
            image = barcode_image(command.text, "Code128", scale=1)
            # 0.34 mm modules at 300 dpi read from arm's length; a code too long for half
            # the page takes a row of its own rather than thinner bars
            wide = image.width() * MODULE > cell_w - 40
            if wide and column:
                column, y = 0, y + cell_h
            if y + cell_h > page.height():
                writer.newPage()
                column, y = 0, 0
            x = column * cell_w
            painter.setFont(body)
            painter.drawText(
                QRectF(x, y, page.width() - x, 56), int(Qt.AlignmentFlag.AlignLeft), caption(text)
            )
            module = min(MODULE, int(page.width() // image.width())) if wide else MODULE
            height = 170
            painter.drawImage(QRectF(x, y + 60, image.width() * module, height), image)
            painter.setFont(small)
            painter.drawText(
                QRectF(x, y + 60 + height + 4, page.width() - x, 36),
                int(Qt.AlignmentFlag.AlignLeft),
                command.text,
            )
            column = 0 if wide else column + 1
            if column == 0 or column == COLUMNS:
                column, y = 0, y + cell_h
    finally:
        painter.end()
    return path
