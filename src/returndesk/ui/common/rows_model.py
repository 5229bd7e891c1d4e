"""A read-only table model over rows of display values (the queue and history lists)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

#: the id of the row's record (an outbox item or a history entry)
KeyRole = Qt.ItemDataRole.UserRole + 1


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__()
        self._headers = list(headers)
        self._rows: list[tuple[str, Sequence[Any]]] = []

    def set_rows(self, rows: Sequence[tuple[str, Sequence[Any]]]) -> None:
        """Show ``rows``. The same records in the same order (the Queue following the
        outbox) only signal the rows whose values changed, so the view repaints those and
        keeps its selection and scroll; anything else resets the model."""
        new = list(rows)
        old = self._rows
        if len(new) != len(old) or any(a[0] != b[0] for a, b in zip(new, old, strict=True)):
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        self._rows = new
        last_column = len(self._headers) - 1
        start: int | None = None
        for row, (before, after) in enumerate(zip(old, new, strict=True)):
            if before[1] != after[1]:
                if start is None:
                    start = row
                continue
            if start is not None:
                self.dataChanged.emit(self.index(start, 0), self.index(row - 1, last_column))
                start = None
        if start is not None:
            self.dataChanged.emit(self.index(start, 0), self.index(len(new) - 1, last_column))

    def key(self, row: int) -> str:
        return self._rows[row][0]

    def row_of(self, key: str) -> int | None:
        return next((row for row, (k, _) in enumerate(self._rows) if k == key), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        key, values = self._rows[index.row()]
        if role == KeyRole:
            return key
        if role == Qt.ItemDataRole.DisplayRole:
            value = values[index.column()]
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            # a long error or note is cut in its column: the whole of it on hover
            text = "" if values[index.column()] is None else str(values[index.column()])
            return text if len(text) > 24 else None
        return None
