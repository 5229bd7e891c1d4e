"""Items: check what arrived, decide present/accepted, amounts, submit.

Keys: scan an item (or type its SKU) + Enter · Up/Down choose a line and Space toggles its
Accepted, right after a scan, without touching the screen · F5 marks every unit of every item
present and accepted · F12 submits (F12 again confirms) · Esc goes back. Each line has one
large control per decision: Present, Accepted, Rejected, Missing. While a submission is being
recorded the screen takes no edit and no scan.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
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

from returndesk.core.return_case import CaseSource, Decision, ReturnCase, ScanOutcome
from returndesk.receiving.service import CustomerHint
from returndesk.scanning.commands import Action, Command
from returndesk.ui.common.code_delegate import CodeDelegate, WrappedCodeDelegate
from returndesk.ui.common.columns import fit_columns
from returndesk.ui.common.feedback import FeedbackLine, Level
from returndesk.ui.common.flash import Flash
from returndesk.ui.common.i18n import format_money, say
from returndesk.ui.photos.advice_panel import AdvicePanel
from returndesk.ui.screens.condition_delegate import ConditionDelegate
from returndesk.ui.screens.decision_delegate import DecisionDelegate
from returndesk.ui.screens.guide_dialog import GuideDialog
from returndesk.ui.screens.items_columns import (
    COL_ACCEPTED,
    COL_CONDITION,
    COL_DESCRIPTION,
    COL_MISSING,
    COL_PRESENT,
    COL_REASON,
    COL_REJECTED,
    COL_SKU,
    WIDTHS,
)
from returndesk.ui.screens.items_model import ReturnItemsModel

#: how each scan outcome is shown and heard: an item not in the return is a refusal; a unit
#: not counted (a double read, a line already complete) or one more than expected is a warning
_LEVELS = {
    ScanOutcome.UNEXPECTED: Level.BAD,
    ScanOutcome.DOUBLE_READ: Level.WARN,
    ScanOutcome.REPEAT_COMPLETE: Level.WARN,
    ScanOutcome.OVER: Level.WARN,
}


class ItemsScreen(QWidget):
    """Signals:
    code_entered(str): an item code was typed + Enter (scanners reach :meth:`scan_item`)
    submit_confirmed(): the operator confirmed the summary
    cancelled(): back to Ready without submitting
    """

    code_entered = Signal(str)
    submit_confirmed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ReturnItemsModel()
        # a line changed: "cannot submit yet" or a summary of how it was no longer stands
        self.model.dataChanged.connect(self._case_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.title = QLabel()
        self.title.setObjectName("CaseTitle")
        layout.addWidget(self.title)
        self.hint = QLabel()
        self.hint.setObjectName("DemoHint")
        self.hint.hide()
        layout.addWidget(self.hint)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(52)  # touch-sized rows
        self.table.verticalHeader().hide()
        # long descriptions take a second line rather than an ellipsis
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in WIDTHS:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        fit_columns(self.table, WIDTHS)
        header.setSectionResizeMode(COL_DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self._sku_delegate = WrappedCodeDelegate(self.table)
        self.table.setItemDelegateForColumn(COL_SKU, self._sku_delegate)
        self._decision_delegates = {
            column: DecisionDelegate(look, self.table)
            for column, look in (
                (COL_PRESENT, "present"),
                (COL_ACCEPTED, "accepted"),
                (COL_REJECTED, "rejected"),
                (COL_MISSING, "missing"),
            )
        }
        for column, delegate in self._decision_delegates.items():
            self.table.setItemDelegateForColumn(column, delegate)
        layout.addWidget(self.table, 1)
        self.status_age = QLabel()
        self.status_age.setObjectName("ScanHint")
        self.status_age.hide()
        layout.addWidget(self.status_age)
        self.advice = AdvicePanel()
        layout.addWidget(self.advice)

        self.item_code = QLineEdit()
        self.item_code.setPlaceholderText(self.tr("Scan an item (EAN/GTIN or SKU) and press Enter"))
        self.item_code.returnPressed.connect(self._scan)
        # arrows and Space reach the table from the scan field (no touch needed after a scan)
        self.item_code.installEventFilter(self)
        layout.addWidget(self.item_code)
        self.message = FeedbackLine(centred=False)
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.accept_all = QPushButton(self.tr("All present && accepted (F5)"))
        self.accept_all.clicked.connect(self._accept_all)
        self.cancel = QPushButton(self.tr("Back (Esc)"))
        self.cancel.clicked.connect(self._cancel)
        self.submit = QPushButton(self.tr("Submit (F12)"))
        self.submit.setObjectName("PrimaryButton")
        self.submit.clicked.connect(self._submit)
        for button in (self.accept_all, self.cancel, self.submit):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scanner's Enter never clicks
            buttons.addWidget(button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self._accept_all)
        QShortcut(QKeySequence(Qt.Key.Key_F6), self, self.open_guide)
        #: the grading questions while they are open (see open_guide)
        self.guide_dialog: GuideDialog | None = None
        QShortcut(QKeySequence(Qt.Key.Key_F12), self, self._submit)
        QShortcut(QKeySequence(Qt.Key.Key_F4), self, self.advice.photo_requested.emit)
        QShortcut(QKeySequence("Shift+F4"), self, self.advice.parcel_photo_requested.emit)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._cancel)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self.table, self._toggle_current)
        self._confirming = False
        self.setFocusProxy(self.item_code)
        self.flash = Flash(self.table)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.item_code and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._move(-1 if key == Qt.Key.Key_Up else 1)
                return True
            if key == Qt.Key.Key_Space and not self.item_code.text():
                self._toggle_current()
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.table.currentIndex().row()
        row = min(max((current if current >= 0 else -step) + step, 0), rows - 1)
        self.table.selectRow(row)

    @property
    def busy(self) -> bool:
        return self.model.frozen

    def set_busy(self, busy: bool) -> None:
        """While a submission is recorded, the case on screen is what was sent: no edits."""
        self.model.set_frozen(busy)
        for button in (self.accept_all, self.submit, self.cancel):
            button.setEnabled(not busy)
        self.item_code.setReadOnly(busy)
        if busy:
            self.message.setText(self.tr("Submitting…"))

    def show_status_age(self, as_of: datetime | None) -> None:
        """Offline: the RMA's status is the cache's copy, from this moment."""
        if as_of is None:
            self.status_age.hide()
            return
        self.status_age.setText(
            self.tr("Offline: ReturnMate status as of {time} (not re-read)").format(
                time=as_of.astimezone().strftime("%H:%M")
            )
        )
        self.status_age.show()

    def set_code_lists(self, reasons: Sequence[str], conditions: Sequence[str]) -> None:
        self._reason_delegate = CodeDelegate(reasons, self.table)
        self._condition_delegate = ConditionDelegate(conditions, self.table)
        self.table.setItemDelegateForColumn(COL_REASON, self._reason_delegate)
        self.table.setItemDelegateForColumn(COL_CONDITION, self._condition_delegate)

    def show_case(self, case: ReturnCase, *, heading: str) -> None:
        self._confirming = False
        self.set_busy(False)
        self.show_status_age(None)
        self.model.set_case(case)
        self.title.setText(heading)
        self.hint.hide()
        if case.source is CaseSource.MANUAL:
            self.hint.setText(
                self.tr(
                    "Received WITHOUT an RMA: scan each item to add it, type its description "
                    "and its refund."
                )
            )
            self.hint.show()
            self.message.setText(self.tr("Scan the first item."))
        else:
            self.message.setText(self.tr("Scan each item, or F5 if everything is there."))
        self.table.selectRow(0)
        self.item_code.setFocus()

    def show_hint(self, case: ReturnCase, hint: CustomerHint | None) -> None:
        """Customer history arrives later than the items; only for the case still shown."""
        if hint is None or self.model.case is not case:
            return
        if hint.frequent:
            text = self.tr("Frequent returner: {n} returns, {rate}% of orders returned").format(
                n=hint.total_returns, rate=hint.return_rate
            )
        else:
            text = self.tr("This customer: {n} returns so far").format(n=hint.total_returns)
        self.hint.setText(text)
        self.hint.show()

    def _scan(self) -> None:
        code = self.item_code.text().strip()
        self.item_code.clear()
        if code:
            self.code_entered.emit(code)

    def refresh_row(self, order_item_id: str) -> None:
        """The line's decision changed outside the table (advice applied)."""
        self.model.line_changed(order_item_id)

    def show_refusal(self, message: str) -> None:
        """Large and red until the next scan or action; the table keeps what it showed."""
        self.flash.bad()
        self.message.bad(say(message))
        self._confirming = False

    def _case_changed(self, *_args: object) -> None:
        if self._confirming:
            self._confirming = False
            self.message.clear()
        self.clear_refusal()

    def clear_refusal(self) -> None:
        """The operator acted: a refusal about what was before no longer stands."""
        if self.message.level is Level.BAD:
            self.message.clear()

    def show_warning(self, message: str) -> None:
        self.flash.warn()
        self.message.warn(say(message))

    def scan_item(self, code: str, *, repeat_after_ms: float | None = None) -> bool:
        """Count one unit of the item with this GTIN or SKU; False (and said so) if refused.

        ``repeat_after_ms``: the same code as the scan before, this soon after it.
        """
        if self.busy:
            self.show_refusal(self.tr("Submitting — scan again when Ready shows"))
            return False
        result = self.model.scan(code, repeat_after_ms=repeat_after_ms)
        if result is None:
            return False
        line = result.line
        row = self.model.row_of(line) if line is not None else None
        if row is not None:
            self.table.selectRow(row)
        outcome = result.outcome
        if outcome is ScanOutcome.UNEXPECTED:
            self.table.selectRow(self.model.rowCount() - 1)
            text = self.tr(
                "{code} is not in this return — unexpected item, kept aside and recorded "
                "(×{n}), not sent to nShift"
            ).format(code=code, n=result.unexpected_count)
        elif outcome is ScanOutcome.DOUBLE_READ:
            text = self.tr(
                "{code} read twice at once — counted once. Two of them? Scan the second again."
            ).format(code=code)
        elif outcome is ScanOutcome.REPEAT_COMPLETE and line is not None:
            text = self.tr(
                "{sku}: all {m} already counted — not counted again. One more? Scan it again."
            ).format(sku=line.sku, m=line.expected_qty)
        elif outcome is ScanOutcome.ADDED and line is not None:
            text = self.tr("{sku} added (×{n}) — type its description and refund").format(
                sku=line.sku, n=line.scanned_qty
            )
        elif outcome is ScanOutcome.OVER and line is not None:
            text = self.tr("{sku}: scanned {n} of {m} — more than expected").format(
                sku=line.sku, n=line.units, m=line.expected_qty
            )
        elif line is not None and line.short:
            text = self.tr("{sku} present: {n} of {m} units — scan the next one").format(
                sku=line.sku, n=line.units, m=line.expected_qty
            )
        else:
            assert line is not None
            text = self.tr("{sku} present ({n}/{m}) — accept it (Space) or decide").format(
                sku=line.sku, n=line.units, m=line.expected_qty
            )
        level = _LEVELS.get(outcome, Level.GOOD)
        self.flash.show(level)
        self.message.show_level(text, level)
        self._confirming = False
        return not outcome.refused

    def take_command(self, command: Command) -> bool:
        """A command barcode was scanned: it acts on the chosen line (Submit on the return);
        False (and said so) when it means nothing here."""
        if self.busy:
            self.show_refusal(self.tr("Submitting — scan again when Ready shows"))
            return False
        if command.action is Action.SUBMIT:
            self._submit()
            return True
        if command.action is Action.GUIDE:
            return self.open_guide()
        if command.action in (Action.YES, Action.NO):
            self.show_refusal(
                self.tr("Yes and No answer the grading questions: scan Guided grading first")
            )
            return False
        index = self.table.currentIndex()
        case = self.model.case
        if case is None or not index.isValid() or self.model.is_unexpected_row(index.row()):
            self.show_refusal(
                self.tr("Scan an item first: the command is for the item chosen in the table")
            )
            return False
        row = index.row()
        line = case.lines[row]
        decisions = {
            Action.PRESENT: Decision.PRESENT,
            Action.ACCEPT: Decision.ACCEPTED,
            Action.REJECT: Decision.REJECTED,
            Action.MISSING: Decision.MISSING,
        }
        if command.action in decisions:
            self.model.choose(row, decisions[command.action])
            if command.action is Action.ACCEPT and self._guide_by_itself(row):
                return True
        elif not line.present:
            self.show_refusal(
                self.tr("{sku} is not marked present: a missing item has no grade or route").format(
                    sku=line.sku
                )
            )
            return False
        else:
            choice = {Action.GRADE: "grade", Action.ROUTE: "route", Action.RULES: "route"}
            self.model.set_route_choice(row, f"{choice[command.action]}:{command.code or ''}")
        route = self.model.route_text(line)
        text = f"{line.sku}: {self._decision_text(line.decision)}"
        if route:
            text += f" · {route}"
        self.flash.good()
        self.message.good(text)
        self._confirming = False
        return True

    def open_guide(self) -> bool:
        """Ask the chosen item's grading questions (F6, or Guided grading scanned)."""
        index = self.table.currentIndex()
        case = self.model.case
        if case is None or not index.isValid() or self.model.is_unexpected_row(index.row()):
            self.show_refusal(self.tr("Scan an item first: its questions are asked then"))
            return False
        row = index.row()
        line = case.lines[row]
        guide = case.rules.guide_for(line.sku)
        if not line.present:
            self.show_refusal(
                self.tr("{sku} is not marked present: a missing item has no grade or route").format(
                    sku=line.sku
                )
            )
            return False
        if guide is None:
            self.show_refusal(
                self.tr("No grading questions are set for {sku}: choose its grade").format(
                    sku=line.sku
                )
            )
            return False
        dialog = GuideDialog(guide, line.sku, self)
        dialog.answered.connect(lambda answers: self._graded(row, answers))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.guide_dialog = dialog
        dialog.open()
        return True

    def _guide_by_itself(self, row: int) -> bool:
        """``[grading] guided``: an item accepted without a grade gets its questions."""
        case = self.model.case
        if case is None or not case.rules.guided:
            return False
        line = case.lines[row]
        return line.grade is None and bool(line.accepted) and self.open_guide()

    def _graded(self, row: int, answers: list[bool]) -> None:
        case = self.model.case
        grade = self.model.grade_by_guide(row, answers)
        if case is None or grade is None:
            return
        line = case.lines[row]
        text = self.tr("{sku}: grade {grade} from the questions · {route}").format(
            sku=line.sku, grade=grade, route=self.model.route_text(line)
        )
        self.flash.good()
        self.message.good(text)

    def _decision_text(self, decision: Decision) -> str:
        return {
            Decision.UNDECIDED: self.tr("not decided"),
            Decision.PRESENT: self.tr("present"),
            Decision.ACCEPTED: self.tr("accepted"),
            Decision.REJECTED: self.tr("rejected"),
            Decision.MISSING: self.tr("missing"),
        }[decision]

    def _toggle_current(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        if self.model.is_unexpected_row(index.row()):
            self.show_refusal(
                self.tr("An unexpected item has nothing to decide: choose a line with Up/Down")
            )
            return
        cell = self.model.index(index.row(), COL_ACCEPTED)
        state = self.model.data(cell, Qt.ItemDataRole.CheckStateRole)
        new = Qt.CheckState.Unchecked if state == Qt.CheckState.Checked else Qt.CheckState.Checked
        self.model.setData(cell, new.value, Qt.ItemDataRole.CheckStateRole)
        self._confirming = False
        if new == Qt.CheckState.Checked:
            self._guide_by_itself(index.row())

    def _accept_all(self) -> None:
        self.model.accept_all()
        self._confirming = False

    def _cancel(self) -> None:
        if self._confirming:
            self._confirming = False
            self.message.setText(self.tr("Not submitted."))
            return
        self.cancelled.emit()

    def _submit(self) -> None:
        case = self.model.case
        if case is None:
            return
        problems = case.problems()
        if problems:
            first = problems[0]
            where = ""
            for row, line in enumerate(case.lines):
                if line.order_item_id == first.order_item_id:
                    self.table.selectRow(row)
                    where = self.tr("{sku} (line {n}): ").format(sku=line.sku, n=row + 1)
            # the case's own words for its usual problems, in the station's language
            known = {
                "not decided yet": self.tr("not decided yet"),
                "the return has no items": self.tr("the return has no items"),
                "enter its refund (net or gross)": self.tr("enter its refund (net or gross)"),
                "no price is known: enter its refund": self.tr(
                    "no price is known: enter its refund"
                ),
                "grade it before submitting": self.tr("grade it before submitting"),
            }
            self.show_refusal(
                self.tr("Cannot submit yet — {n} problem(s). {where}{what}").format(
                    n=len(problems), where=where, what=known.get(first.message, first.message)
                )
            )
            return
        if not self._confirming:
            self._confirming = True
            total = format_money(case.total_refund(), case.currency)
            text = self.tr("{accepted} of {n} accepted, refund {total} {currency}.").format(
                accepted=case.accepted_count(),
                n=len(case.lines),
                total=total,
                currency=case.currency,
            )
            short = [
                self.tr("{sku} {n} of {m}").format(sku=x.sku, n=x.units, m=x.expected_qty)
                for x in case.shortfalls()
            ]
            if short:
                text += " " + self.tr("Short: {lines}.").format(lines=", ".join(short))
            if case.unexpected:
                text += " " + self.tr("Unexpected: {codes}.").format(
                    codes=", ".join(u.code for u in case.unexpected)
                )
            self.message.setText(text + " " + self.tr("Press F12 again to submit, Esc to go back."))
            return
        self._confirming = False
        self.submit_confirmed.emit()
