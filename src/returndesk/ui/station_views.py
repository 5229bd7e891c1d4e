"""Queue and History: what the outbox holds and what was received today.

Loading and staff actions run on the flow's :class:`TaskRunner` (the one that owns the
outbox connection), so the GUI thread never reads the database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut

from returndesk.outbox.export import export_evidence, export_items
from returndesk.outbox.model import Counts
from returndesk.outbox.store import OutboxStore, utcnow
from returndesk.ui.i18n import format_datetime, format_money
from returndesk.ui.list_screen import ListScreen
from returndesk.ui.main_window import MainWindow
from returndesk.ui.tasks import TaskRunner

#: while the Queue is open it follows the outbox, at most this often (a reload reads SQLite)
LIVE_REFRESH_MS = 1000

def queue_headers() -> list[str]:
    return [
        QCoreApplication.translate("StationViews", "Item"),
        QCoreApplication.translate("StationViews", "What"),
        QCoreApplication.translate("StationViews", "State"),
        QCoreApplication.translate("StationViews", "Attempts"),
        QCoreApplication.translate("StationViews", "Next attempt"),
        QCoreApplication.translate("StationViews", "Last error"),
    ]



QUEUE_WIDTHS = [120, 150, 160, 110, 150]
def history_headers() -> list[str]:
    return [
        QCoreApplication.translate("StationViews", "Time"),
        QCoreApplication.translate("StationViews", "Return"),
        "RMA",
        QCoreApplication.translate("StationViews", "Accepted"),
        QCoreApplication.translate("StationViews", "Refund"),
        QCoreApplication.translate("StationViews", "AI"),
        QCoreApplication.translate("StationViews", "Operator"),
        QCoreApplication.translate("StationViews", "Source"),
    ]



HISTORY_WIDTHS = [110, 230, 200, 110, 160, 150, 150]


#: history's source column, as the operator reads it
def state_labels() -> dict[str, str]:
    """The outbox states as the Queue shows them (made once per reload, not per row)."""
    return {
        "waiting": QCoreApplication.translate("StationViews", "waiting"),
        "sending": QCoreApplication.translate("StationViews", "sending"),
        "sent": QCoreApplication.translate("StationViews", "sent"),
        "unknown": QCoreApplication.translate("StationViews", "outcome unknown"),
        "failed": QCoreApplication.translate("StationViews", "failed"),
        "needs_attention": QCoreApplication.translate("StationViews", "needs attention"),
    }


def source_label(source: str) -> str:
    if source == "manual":
        return QCoreApplication.translate("StationViews", "WITHOUT RMA")
    return "RMA" if source == "rma" else source


def ai_column(lines: list[dict[str, Any]]) -> str:
    """How the operator used WM Tech's advice on a return: "2 applied · 1 overridden ≠1"."""
    verdicts = [line["ai"] for line in lines if isinstance(line.get("ai"), dict)]
    if not verdicts:
        return ""
    applied = sum(1 for v in verdicts if v.get("action") == "applied")
    parts = (
        [QCoreApplication.translate("StationViews", "{n} applied").format(n=applied)]
        if applied
        else []
    )
    if len(verdicts) - applied:
        parts.append(
            QCoreApplication.translate("StationViews", "{n} overridden").format(
                n=len(verdicts) - applied
            )
        )
    disagreed = sum(1 for v in verdicts if v.get("disagrees"))
    return " · ".join(parts) + (f" ≠{disagreed}" if disagreed else "")


def local(moment: datetime, today: date | None = None) -> str:
    return format_datetime(moment, today=today)


class StationViews(QObject):
    """Signals:
    reopen_requested(str): open this RMA again to correct what nShift refused
    """

    reopen_requested = Signal(str)

    def __init__(
        self,
        window: MainWindow,
        store: OutboxStore,
        runner: TaskRunner,
        export_dir: Path,
        *,
        notify: Callable[[Counts], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._runner = runner
        self._export_dir = export_dir
        self._notify = notify
        self.queue = ListScreen(self.tr("Queue"), queue_headers(), widths=QUEUE_WIDTHS)
        self.queue.add_button(self.tr("Retry selected"), self._retry_selected)
        self.queue.add_button(self.tr("Retry all"), lambda: self._retry(None))
        self.queue.add_button(self.tr("Export"), self._export_queue)
        self.history = ListScreen(
            self.tr("Received today"), history_headers(), widths=HISTORY_WIDTHS, searchable=True
        )
        self.history.add_button(self.tr("Export evidence"), self._export_evidence)
        self.history.add_button(self.tr("Reopen refused"), self._reopen)
        for screen in (self.queue, self.history):
            window.screens.addWidget(screen)
            screen.back.connect(lambda: window.show_screen(window.ready))
        self.history.search_changed.connect(lambda text: self.show_history())
        QShortcut(QKeySequence(Qt.Key.Key_F9), window, self.show_queue)
        QShortcut(QKeySequence(Qt.Key.Key_F10), window, self.show_history)
        window.ready.queue_button.clicked.connect(self.show_queue)
        window.ready.history_button.clicked.connect(self.show_history)
        self._live = QTimer(self)
        self._live.setSingleShot(True)
        self._live.setInterval(LIVE_REFRESH_MS)
        self._live.timeout.connect(self._refresh_if_open)
        window.outbox_changed.connect(lambda counts: self._live.isActive() or self._live.start())

    # ------------------------------------------------------------------ queue
    def show_queue(self) -> None:
        if self._window.screens.currentWidget() is not self.queue:
            self._window.show_screen(self.queue)
        self._runner.run(self._queue_rows, self.queue.set_rows, self._failed)

    def _refresh_if_open(self) -> None:
        if self._window.screens.currentWidget() is self.queue:
            self.show_queue()

    def _queue_rows(self) -> list[tuple[str, list[Any]]]:
        # up to 2,000 rows a second while the Queue is open: per-row work stays minimal
        # (this runs on the runner's thread, but holds the interpreter the GUI thread needs)
        labels = state_labels()
        today = datetime.now().astimezone().date()
        rows = []
        for item in reversed(self._store.items(limit=2000)):
            state = item.state.value
            rows.append(
                (
                    item.id,
                    [
                        item.id[:8],
                        item.kind.value.replace("_", " "),
                        labels.get(state) or state.replace("_", " "),
                        item.attempts,
                        "" if state == "sent" else local(item.next_attempt_at, today),
                        item.last_error or "",
                    ],
                )
            )
        return rows

    def _retry_selected(self) -> None:
        key = self.queue.selected_key()
        if key is None:
            self.queue.message.setText(self.tr("Choose an item first."))
            return
        self._retry(key)

    def _retry(self, key: str | None) -> None:
        def work() -> tuple[int, Counts]:
            return self._store.retry(key), self._store.counts()

        def done(result: tuple[int, Counts]) -> None:
            count, counts = result
            self.queue.message.setText(self.tr("{n} item(s) will be sent again.").format(n=count))
            self._notify(counts)
            self.show_queue()

        self._runner.run(work, done, self._failed)

    def _export_queue(self) -> None:
        target = self._export_dir / f"queue-{utcnow().strftime('%Y%m%dT%H%M%SZ')}"
        self._runner.run(
            lambda: export_items(self._store, target, include_sent=False),
            lambda n: self.queue.message.setText(
                self.tr("Exported {n} item(s) to {path}").format(n=n, path=target)
            ),
            self._failed,
        )

    # ------------------------------------------------------------------ history
    def show_history(self) -> None:
        if self._window.screens.currentWidget() is not self.history:
            self._window.show_screen(self.history)
        text = self.history.search.text()
        self._runner.run(lambda: self._history_rows(text), self.history.set_rows, self._failed)

    def _history_rows(self, text: str) -> list[tuple[str, list[Any]]]:
        midnight = datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
        rows = []
        for entry in self._store.history_since(midnight, text):
            summary = entry["summary"]
            refund = format_money(summary.get("total_refund", 0), summary.get("currency", "SEK"))
            rows.append(
                (
                    entry["id"],
                    [
                        local(entry["captured_at"]),
                        entry["return_id"],
                        entry["rma_number"] or "",
                        f"{summary.get('accepted', 0)}/{len(summary.get('lines', []))}",
                        f"{refund} {summary.get('currency', '')}",
                        ai_column(summary.get("lines", [])),
                        entry["operator"] or "",
                        source_label(entry["source"]),
                    ],
                )
            )
        return rows

    def _export_evidence(self) -> None:
        key = self.history.selected_key()
        if key is None:
            self.history.message.setText(self.tr("Choose a return first."))
            return
        self._runner.run(
            lambda: export_evidence(self._store, key, self._export_dir),
            lambda path: self.history.message.setText(
                self.tr("Evidence written to {path}").format(path=path)
            ),
            self._failed,
        )

    def _reopen(self) -> None:
        key = self.history.selected_key()
        if key is None:
            self.history.message.setText(self.tr("Choose a return first."))
            return
        self._runner.run(lambda: self._store.reopenable(key), self._reopened, self._failed)

    def _reopened(self, rma_number: str | None) -> None:
        if rma_number is None:
            self.history.message.setText(
                self.tr("Only a return whose wms-update nShift refused can be reopened.")
            )
            return
        self.reopen_requested.emit(rma_number)

    def _failed(self, exc: Exception) -> None:
        self._window.banner.show_message(str(exc))
