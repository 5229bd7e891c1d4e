"""Table columns wide enough for their titles in the station's language."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

#: beside a title: the theme's padding (2 px a side), the grid line and the sort arrow's gap
TITLE_MARGIN = 12


def fit_columns(view: QTableView, widths: Mapping[int, int]) -> None:
    """Each listed column at least its given width, and wider where its title needs it: a
    German "Angenommen" is longer than an English "Accepted", and neither may be cut. Measured
    once, from the titles only (never from the rows, which may be thousands)."""
    header = view.horizontalHeader()
    header.ensurePolished()
    metrics = QFontMetrics(header.font())
    model = view.model()
    for column, width in widths.items():
        title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        need = metrics.horizontalAdvance(str(title or "")) + TITLE_MARGIN
        header.resizeSection(column, max(width, need))
