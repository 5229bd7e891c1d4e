"""A titled list with a row of big buttons: the Queue and History screens share this shape."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from returndesk.ui.common.columns import fit_columns
from returndesk.ui.common.rows_model import RowsModel


class ListScreen(QWidget):
    """Signals:
    back(): Esc or the Back button
    search_changed(str): the search text (History only)
    """

    back = Signal()
    search_changed = Signal(str)

    def __init__(
        self,
        title: str,
        headers: Sequence[str],
        *,
        widths: Sequence[int] = (),
        searchable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.title = QLabel(title)
        self.title.setObjectName("CaseTitle")
        layout.addWidget(self.title)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by return, RMA or operator"))
        self.search.textChanged.connect(self.search_changed.emit)
        self.search.setVisible(searchable)
        layout.addWidget(self.search)
        #: filters and paging, above the table (the Queue's)
        self.toolbar = QHBoxLayout()
        layout.addLayout(self.toolbar)
        self.model = RowsModel(headers)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(48)
        # fixed widths, not ResizeToContents: that measures every row on each reload, and the
        # Queue reloads thousands of rows while it follows the outbox
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        fit_columns(self.table, dict(enumerate(widths)))
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("ScanHint")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QHBoxLayout()
        layout.addLayout(self.buttons)
        self.add_button(self.tr("Back (Esc)"), self.back.emit)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back.emit)
        self.setFocusProxy(self.search if searchable else self.table)

    def add_button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        self.buttons.addWidget(button)
        return button

    def set_rows(self, rows: Sequence[tuple[str, Sequence[object]]]) -> None:
        """New rows; the selected record stays selected, so a live refresh loses no choice."""
        key = self.selected_key()
        self.model.set_rows(rows)
        if key is not None:
            row = self.model.row_of(key)
            if row is not None:
                self.table.selectRow(row)

    def selected_key(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.key(index.row()) if index.isValid() else None
