"""The Queue screen: the outbox's items a page at a time, filtered by state.

It only shows and collects; :class:`~returndesk.ui.flows.records_flow.RecordsFlow` reads the
pages and carries out what the operator asks.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton

from returndesk.outbox.model import UNSENT, Kind, State
from returndesk.ui.screens.list_screen import ListScreen


def queue_headers() -> list[str]:
    return [
        QCoreApplication.translate("RecordsFlow", "Item"),
        QCoreApplication.translate("RecordsFlow", "For"),
        QCoreApplication.translate("RecordsFlow", "What"),
        QCoreApplication.translate("RecordsFlow", "State"),
        QCoreApplication.translate("RecordsFlow", "Attempts"),
        QCoreApplication.translate("RecordsFlow", "Next attempt"),
        QCoreApplication.translate("RecordsFlow", "Last error"),
    ]


QUEUE_WIDTHS = [110, 200, 160, 150, 100, 170]
#: rows on one page of the Queue (every row is reachable by paging)
QUEUE_PAGE = 500


def queue_filters() -> list[tuple[str, tuple[State, ...]]]:
    """The Queue's state filter: its label and the states it shows (none: everything)."""
    return [
        (QCoreApplication.translate("RecordsFlow", "All (unsent first)"), ()),
        (QCoreApplication.translate("RecordsFlow", "Not yet sent"), UNSENT),
        (
            QCoreApplication.translate("RecordsFlow", "Needs attention"),
            (State.NEEDS_ATTENTION, State.FAILED),
        ),
        (QCoreApplication.translate("RecordsFlow", "Sent"), (State.SENT,)),
        (QCoreApplication.translate("RecordsFlow", "Resolved"), (State.RESOLVED,)),
    ]


def kind_label(kind: Kind) -> str:
    """An outbox item's kind as the operator reads it, in the station's language."""
    labels = {
        Kind.WMS_UPDATE: QCoreApplication.translate("RecordsFlow", "nShift update"),
        Kind.RMA_STATUS: QCoreApplication.translate("RecordsFlow", "RMA status"),
        Kind.RMA_NOTE: QCoreApplication.translate("RecordsFlow", "RMA note"),
        Kind.ANALYZE: QCoreApplication.translate("RecordsFlow", "AI analysis"),
        Kind.PHOTO_UPLOAD: QCoreApplication.translate("RecordsFlow", "photo upload"),
        Kind.LABEL: QCoreApplication.translate("RecordsFlow", "label"),
    }
    return labels[kind]


class QueueScreen(ListScreen):
    """Signals:
    filter_chosen(int): the index of a :func:`queue_filters` entry
    page_turned(int): -1 newer, +1 older
    """

    filter_chosen = Signal(int)
    page_turned = Signal(int)

    def __init__(self) -> None:
        super().__init__(
            QCoreApplication.translate("RecordsFlow", "Queue"), queue_headers(), widths=QUEUE_WIDTHS
        )
        self.state_filter = QComboBox()
        for label, _states in queue_filters():
            self.state_filter.addItem(label)
        self.state_filter.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.state_filter.currentIndexChanged.connect(self.filter_chosen.emit)
        self.newer = QPushButton(QCoreApplication.translate("RecordsFlow", "◀ Newer"))
        self.older = QPushButton(QCoreApplication.translate("RecordsFlow", "Older ▶"))
        self.page_label = QLabel()
        for button, step in ((self.newer, -1), (self.older, 1)):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, step=step: self.page_turned.emit(step))
        self.toolbar.addWidget(self.state_filter)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.page_label)
        self.toolbar.addWidget(self.newer)
        self.toolbar.addWidget(self.older)

    def show_page(
        self, total: int, page: int, rows: Sequence[tuple[str, Sequence[object]]]
    ) -> None:
        """Page ``page`` (from 0) of ``total`` rows, QUEUE_PAGE a page."""
        first = page * QUEUE_PAGE + 1 if total else 0
        self.page_label.setText(
            QCoreApplication.translate("RecordsFlow", "{first}–{last} of {total}").format(
                first=first, last=page * QUEUE_PAGE + len(rows), total=total
            )
        )
        self.newer.setEnabled(page > 0)
        self.older.setEnabled((page + 1) * QUEUE_PAGE < total)
        self.set_rows(rows)
