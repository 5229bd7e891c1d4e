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
from PySide6.QtWidgets import QInputDialog, QMessageBox

from returndesk.core.plates import is_plate_id
from returndesk.outbox.export import export_evidence, export_items
from returndesk.outbox.model import Counts, Item, Kind, RetryPlan, State
from returndesk.outbox.store import DuplicateRisk, OutboxStore, utcnow
from returndesk.receiving.reprint import reprint_labels
from returndesk.ui.common.i18n import format_datetime, format_money, say
from returndesk.ui.common.state_labels import state_labels
from returndesk.ui.common.tasks import TaskRunner
from returndesk.ui.screens.history_screen import (
    HistoryScreen,
    ai_column,
    resolved_note,
    source_label,
)
from returndesk.ui.screens.main_window import MainWindow
from returndesk.ui.screens.queue_screen import (
    QUEUE_PAGE,
    QueueScreen,
    kind_label,
    queue_filters,
)

#: while the Queue is open it follows the outbox, at most this often (a reload reads SQLite)
LIVE_REFRESH_MS = 1000


def local(moment: datetime, today: date | None = None) -> str:
    return format_datetime(moment, today=today)


class RecordsFlow(QObject):
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
        confirm: Callable[[str, str], bool] | None = None,
        ask_reason: Callable[[str], str | None] | None = None,
        operator: Callable[[], str | None] = lambda: None,
    ) -> None:
        super().__init__(window)
        #: asks the operator yes/no (title, text); a dialog, or a test's answer
        self.confirm = confirm or self._confirm_dialog
        #: asks why an item is resolved; None: cancelled
        self.ask_reason = ask_reason or self._reason_dialog
        self._operator = operator
        self._filter: tuple[State, ...] = ()
        self._page = 0
        self._total = 0
        self._window = window
        self._store = store
        self._runner = runner
        self._export_dir = export_dir
        self._notify = notify
        self.queue = QueueScreen()
        self.queue.add_button(self.tr("Retry selected"), self._retry_selected)
        self.queue.add_button(self.tr("Retry all"), self._retry_all)
        self.queue.add_button(self.tr("Mark resolved"), self._resolve_selected)
        self.queue.add_button(self.tr("Export"), self._export_queue)
        self.queue.filter_chosen.connect(self._filter_changed)
        self.queue.page_turned.connect(self._turn)
        self.history = HistoryScreen()
        self.history.add_button(self.tr("Export evidence"), self._export_evidence)
        self.history.add_button(self.tr("Reopen refused"), self._reopen)
        self.history.add_button(self.tr("Reprint labels (Ctrl+P)"), self.reprint)
        for screen in (self.queue, self.history):
            window.screens.addWidget(screen)
            screen.back.connect(lambda: window.show_screen(window.ready))
        self.history.search_changed.connect(lambda text: self.show_history())
        QShortcut(QKeySequence(Qt.Key.Key_F9), window, self.show_queue)
        QShortcut(QKeySequence(Qt.Key.Key_F10), window, self.show_history)
        # History: the chosen return's labels; anywhere else: the last return's
        QShortcut(QKeySequence("Ctrl+P"), window, self.reprint)
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
        self._runner.run(self._queue_rows, self._show_queue_rows, self._failed)

    def _refresh_if_open(self) -> None:
        if self._window.screens.currentWidget() is self.queue:
            self.show_queue()

    def _filter_changed(self, index: int) -> None:
        self._filter = queue_filters()[index][1]
        self._page = 0
        self.show_queue()

    def _turn(self, step: int) -> None:
        last = max((self._total - 1) // QUEUE_PAGE, 0)
        self._page = min(max(self._page + step, 0), last)
        self.show_queue()

    def _queue_rows(self) -> tuple[int, int, list[tuple[str, list[Any]]]]:
        # up to a page a second while the Queue is open: per-row work stays minimal (this
        # runs on the runner's thread, but holds the interpreter the GUI thread needs)
        states, page = self._filter, self._page
        total = self._store.queue_count(states)
        page = min(page, max((total - 1) // QUEUE_PAGE, 0))
        labels = state_labels()
        kinds = {kind: kind_label(kind) for kind in Kind}  # once per page, not per row
        now = utcnow()
        today = datetime.now().astimezone().date()
        due_now = self.tr("due now")
        rows = []
        for row in self._store.queue_rows(states, limit=QUEUE_PAGE, offset=page * QUEUE_PAGE):
            item = row.item
            state = item.state.value
            if item.state in (State.SENT, State.RESOLVED, State.SENDING):
                when = ""  # nothing more will be tried
            elif item.next_attempt_at <= now:
                when = due_now  # never a past time shown as if it were still awaited
            else:
                when = local(item.next_attempt_at, today)
            rows.append(
                (
                    item.id,
                    [
                        item.id[:8],
                        row.subject,
                        kinds[item.kind],
                        labels.get(state) or state.replace("_", " "),
                        item.attempts,
                        when,
                        row.resolution or item.last_error or "",
                    ],
                )
            )
        return total, page, rows

    def _show_queue_rows(self, result: tuple[int, int, list[tuple[str, list[Any]]]]) -> None:
        total, page, rows = result
        self._total, self._page = total, page
        self.queue.show_page(total, page, rows)

    def _retry_selected(self) -> None:
        key = self.queue.selected_key()
        if key is None:
            self.queue.message.setText(self.tr("Choose an item first."))
            return
        self._retry_one(key, accept_duplicate_risk=False)

    def _retry_one(self, key: str, *, accept_duplicate_risk: bool) -> None:
        def work() -> tuple[int | DuplicateRisk, Counts]:
            try:
                count: int | DuplicateRisk = self._store.retry(
                    key, accept_duplicate_risk=accept_duplicate_risk
                )
            except DuplicateRisk as exc:
                count = exc  # the operator decides, on the GUI thread
            return count, self._store.counts()

        def done(result: tuple[int | DuplicateRisk, Counts]) -> None:
            count, counts = result
            if isinstance(count, DuplicateRisk):
                if self.confirm(self.tr("Send it again?"), say(str(count))):
                    self._retry_one(key, accept_duplicate_risk=True)
                return
            self._retried(count, counts)

        self._runner.run(work, done, self._failed)

    def _retry_all(self) -> None:
        def asked(plan: RetryPlan) -> None:
            if not plan.total:
                self.queue.message.setText(self._left_text(plan) or self.tr("Nothing to retry."))
                return
            kinds = "\n".join(f"  {n} × {kind_label(kind)}" for kind, n in plan.per_kind.items())
            text = self.tr("Send these {n} item(s) again now?").format(n=plan.total)
            text += "\n" + kinds
            left = self._left_text(plan)
            if left:
                text += "\n\n" + left
            if not self.confirm(self.tr("Retry all"), text):
                return

            def work() -> tuple[RetryPlan, Counts]:
                return self._store.retry_all(), self._store.counts()

            def done(result: tuple[RetryPlan, Counts]) -> None:
                done_plan, counts = result
                self._retried(done_plan.total, counts, self._left_text(done_plan))

            self._runner.run(work, done, self._failed)

        self._runner.run(self._store.retry_plan, asked, self._failed)

    def _left_text(self, plan: RetryPlan) -> str:
        if not plan.risky:
            return ""
        return self.tr(
            "{n} note(s) or analyses are left as they are: their first attempt may have "
            "reached the vendor. Check each there, then retry or resolve it on its own."
        ).format(n=plan.risky)

    def _retried(self, count: int, counts: Counts, extra: str = "") -> None:
        text = self.tr("{n} item(s) will be sent again.").format(n=count)
        self.queue.message.setText(f"{text} {extra}".strip())
        self._notify(counts)
        self.show_queue()

    def _resolve_selected(self) -> None:
        key = self.queue.selected_key()
        if key is None:
            self.queue.message.setText(self.tr("Choose an item first."))
            return
        reason = self.ask_reason(
            self.tr("What did the vendor show? The reason is kept with the return.")
        )
        if reason is None:
            return
        operator = self._operator()

        def work() -> tuple[Item | ValueError, Counts]:
            try:
                item: Item | ValueError = self._store.resolve(key, reason, operator)
            except ValueError as exc:
                item = exc  # said on the Queue screen, not as a failure banner
            return item, self._store.counts()

        def done(result: tuple[Item | ValueError, Counts]) -> None:
            item, counts = result
            if isinstance(item, ValueError):
                self.queue.message.setText(
                    self.tr("Not resolved: {reason}").format(reason=say(str(item)))
                )
                return
            self.queue.message.setText(self.tr("{item} marked resolved.").format(item=item.id[:8]))
            self._notify(counts)
            self.show_queue()

        self._runner.run(work, done, self._failed)

    def _confirm_dialog(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self._window,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _reason_dialog(self, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self._window, self.tr("Mark resolved"), prompt)
        return text if ok else None

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

        def show(rows: list[tuple[str, list[Any]]]) -> None:
            self.history.set_rows(rows)
            if rows and is_plate_id(text):
                self.history.table.selectRow(0)  # the plate's return, ready for Ctrl+P

        self._runner.run(lambda: self._history_rows(text), show, self._failed)

    def open_plate(self, plate_id: str) -> None:
        """A scanned licence plate: its return's history row, whichever day it was received."""

        def found(history_id: str | None) -> None:
            if history_id is None:
                self._window.show_screen(self._window.ready)
                self._window.ready.show_refusal(
                    self.tr("No return received at this station carries the plate {plate}.").format(
                        plate=plate_id
                    )
                )
                return
            self.history.search.setText(plate_id)  # shows the history, found by its plate
            self.show_history()

        self._runner.run(lambda: self._store.history_of_plate(plate_id), found, self._failed)

    def reprint(self) -> None:
        on_history = self._window.screens.currentWidget() is self.history
        chosen = self.history.selected_key() if on_history else None
        if on_history and chosen is None:
            self.history.message.setText(self.tr("Choose a return first."))
            return

        def work() -> tuple[str | None, int, Counts]:
            history_id = chosen or self._store.last_labelled()
            count = reprint_labels(self._store, history_id) if history_id else 0
            return history_id, count, self._store.counts()

        self._runner.run(work, self._reprinted, self._failed)

    def _reprinted(self, result: tuple[str | None, int, Counts]) -> None:
        history_id, count, counts = result
        if count:
            self._notify(counts)
            text = self.tr("{n} label(s) sent to the printer again.").format(n=count)
        elif history_id is None:
            text = self.tr("No return of this station printed labels yet.")
        else:
            text = self.tr("This return printed no labels.")
        screen = self._window.screens.currentWidget()
        if screen is self.history:
            self.history.message.setText(text)
        elif screen is self._window.items:
            if count:
                self._window.items.message.setText(text)
            else:
                self._window.items.show_warning(text)
        else:
            self._window.show_screen(self._window.ready)
            if count:
                self._window.ready.show_success(text)
            else:
                self._window.ready.show_refusal(text)

    def _history_rows(self, text: str) -> list[tuple[str, list[Any]]]:
        midnight = datetime.now().astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
        rows = []
        if is_plate_id(text):
            # a plate finds its return whichever day it was received
            history_id = self._store.history_of_plate(text)
            entry = self._store.history_entry(history_id) if history_id else None
            entries = [entry] if entry else []
        else:
            entries = self._store.history_since(midnight, text)
        notes = self._store.resolutions_of([entry["id"] for entry in entries])
        for entry in entries:
            summary = entry["summary"]
            refund = format_money(summary.get("total_refund", 0), summary.get("currency", "SEK"))
            aside = entry["source"] == "set_aside"  # nothing received, nothing refunded
            rows.append(
                (
                    entry["id"],
                    [
                        local(entry["captured_at"]),
                        entry["return_id"],
                        entry["rma_number"] or "",
                        ""
                        if aside
                        else f"{summary.get('accepted', 0)}/{len(summary.get('lines', []))}",
                        "" if aside else f"{refund} {summary.get('currency', '')}",
                        ai_column(summary.get("lines", [])),
                        entry["operator"] or "",
                        source_label(entry["source"]),
                        "; ".join(
                            [
                                *_set_aside_note(summary),
                                *(
                                    resolved_note(kind, reason, who)
                                    for kind, reason, who in notes.get(entry["id"], [])
                                ),
                            ]
                        ),
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


def _set_aside_note(summary: dict[str, Any]) -> list[str]:
    """A parcel set aside says why in History's notes."""
    reason = summary.get("reason")
    if not reason:
        return []
    return [QCoreApplication.translate("RecordsFlow", "set aside: {reason}").format(reason=reason)]
