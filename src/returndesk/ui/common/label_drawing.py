"""A label drawn with Qt: the PDF a station without a label printer prints, and the preview in
Settings → Printer. The fields, their words and their boxes are the ZPL label's
(``labels.zpl_label``), so what the preview shows is what the printer prints.

Safe off the GUI thread (the printer lane draws PDFs on its own thread): it paints only on a
QPdfWriter or a QImage.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from returndesk.labels.content import LabelData
from returndesk.labels.zpl_label import (
    BASE_HEIGHT_MM,
    BASE_WIDTH_MM,
    DEFAULT_STOCK,
    ITEM_LAYOUT,
    RETURN_LAYOUT,
    Stock,
    lines_of,
)
from returndesk.ui.common.barcodes import barcode_image

#: the PDF's resolution: a printer's own, at least, so bars land on whole dots
PDF_DPI = 600


def draw_label(painter: QPainter, label: LabelData, stock: Stock, dots_per_mm: float) -> None:
    """Draw ``label`` from the painter's origin, ``dots_per_mm`` device pixels a millimetre."""
    sx = stock.width_mm / BASE_WIDTH_MM * dots_per_mm
    sy = stock.height_mm / BASE_HEIGHT_MM * dots_per_mm
    painter.fillRect(
        QRectF(0, 0, stock.width_mm * dots_per_mm, stock.height_mm * dots_per_mm),
        Qt.GlobalColor.white,
    )
    painter.setPen(QPen(QColor("black")))
    layout = RETURN_LAYOUT if label.kind == "return" else ITEM_LAYOUT
    for name, text in lines_of(label).items():
        if not text:
            continue
        box = layout[name]
        rect = QRectF(box.x * sx, box.y * sy, box.width * sx, box.height * sy * 1.25)
        font = QFont("DejaVu Sans")
        font.setBold(name in ("title", "grade", "destination"))
        font.setPixelSize(max(1, round(box.height * sy)))
        painter.setFont(font)
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        if name == "grade":
            square = QRectF(box.x * sx, box.y * sy, box.width * sx, box.width * sy)
            painter.setPen(QPen(QColor("black"), max(1.0, 0.6 * dots_per_mm)))
            painter.drawRect(square)
            painter.setPen(QPen(QColor("black")))
            rect = square
            align = Qt.AlignmentFlag.AlignCenter
        elided = painter.fontMetrics().elidedText(
            text, Qt.TextElideMode.ElideRight, int(rect.width())
        )
        painter.drawText(rect, int(align), elided)
    bar = layout["barcode"]
    image = barcode_image(label.plate_id, "Code128", scale=1)
    # whole device pixels per module: a scaled module of 2.4 px prints as uneven bars
    module = max(1, int(0.375 * dots_per_mm))
    height = bar.height * sy
    target = QRectF(bar.x * sx, bar.y * sy, image.width() * module, height)
    painter.drawImage(target, image)
    caption = QFont("DejaVu Sans")
    caption.setPixelSize(max(1, round(3 * sy)))
    painter.setFont(caption)
    painter.drawText(
        QRectF(target.left(), target.bottom(), target.width(), 4 * sy),
        int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
        label.plate_id,
    )


def label_pdf(label: LabelData, stock: Stock = DEFAULT_STOCK) -> bytes:
    """One label as a one-page PDF of the label's size."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QSizeF(stock.width_mm, stock.height_mm), QPageSize.Unit.Millimeter),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(f"ReturnDesk label {label.plate_id}")
    painter = QPainter(writer)
    try:
        draw_label(painter, label, stock, PDF_DPI / 25.4)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def label_image(label: LabelData, stock: Stock = DEFAULT_STOCK, dots_per_mm: float = 8) -> QImage:
    """The label as a picture (the Settings preview), at the printer's dots by default."""
    image = QImage(
        round(stock.width_mm * dots_per_mm),
        round(stock.height_mm * dots_per_mm),
        QImage.Format.Format_RGB32,
    )
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        draw_label(painter, label, stock, dots_per_mm)
    finally:
        painter.end()
    return image
