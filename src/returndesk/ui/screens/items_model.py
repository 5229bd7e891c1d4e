"""``ReturnItemsModel``: the Qt table adapter over a :class:`ReturnCase`'s lines.

The model holds no state of its own: every cell reads the case, every edit calls the case.
Money is formatted in ``DisplayRole`` only; ``SortRole`` and ``ItemRole`` give raw values.
Below the lines come the items the parcel held that the return does not list (read-only
rows, never sent to nShift). While a submission is being recorded the model takes no edit.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from returndesk.core.ai_advice import Advice
from returndesk.core.money import MoneyError
from returndesk.core.money_format import parse_amount
from returndesk.core.return_case import (
    DOUBLE_READ_MS,
    Decision,
    ReturnCase,
    ReturnLine,
    ScanResult,
)
from returndesk.ui.common.i18n import default_word, edit_money, format_money
from returndesk.ui.screens.items_columns import (  # the model's columns, importable from here
    COL_CONDITION,
    COL_DESCRIPTION,
    COL_GROSS,
    COL_NET,
    COL_PHOTO,
    COL_PRESENT,
    COL_REASON,
    COL_SKU,
    COL_TAX,
    COL_UNITS,
    COLUMNS,
    DECISION_COLUMNS,
    headers,
)

Index = QModelIndex | QPersistentModelIndex

#: what the Condition column's editor hands over: ``grade:B``, ``condition:USED``, ``route:x``
CHOICE_KINDS = ("grade", "condition", "route")

#: the raw value of a cell (Decimal for money), for sorting
SortRole = Qt.ItemDataRole.UserRole + 1
#: the :class:`ReturnLine` of a row
ItemRole = Qt.ItemDataRole.UserRole + 2

_UNDECIDED = QBrush(QColor("#5d4037"))
_REJECTED = QBrush(QColor("#4e2a2a"))
#: a line short of its quantity, and an item the return does not list
_SHORT = QBrush(QColor("#6d5a00"))
_UNEXPECTED = QBrush(QColor("#3a3a3a"))
#: the Condition cell's type: smaller than the table's 14 pt, for two lines in 120 px
_SMALL = QFont()
_SMALL.setPointSize(10)


class ReturnItemsModel(QAbstractTableModel):
    def __init__(self, case: ReturnCase | None = None) -> None:
        super().__init__()
        self._case = case
        # photo evidence shown beside the lines (the case itself does not hold it)
        self._photos: dict[str, int] = {}
        self._advice: dict[str, Advice] = {}
        self._pending: set[str] = set()
        self._headers = headers()
        #: a submission of the shown case is being recorded: nothing may change it
        self.frozen = False
        #: a repeat faster than this is a double read (the scanner settings, via ScanRouter)
        self.double_read_ms: float = DOUBLE_READ_MS

    @property
    def case(self) -> ReturnCase | None:
        return self._case

    def set_case(self, case: ReturnCase | None) -> None:
        self.beginResetModel()
        self._case = case
        self.frozen = False
        self._photos = {}
        self._advice = {}
        self._pending = set()
        self.endResetModel()

    def set_evidence(
        self, photos: dict[str, int], advice: dict[str, Advice], pending: set[str]
    ) -> None:
        """Photos per line, WM Tech's latest advice per line, lines whose analysis is due."""
        changed = {*photos, *advice, *pending, *self._photos, *self._advice, *self._pending}
        self._photos, self._advice, self._pending = dict(photos), dict(advice), set(pending)
        if self._case is None:
            return
        for row, line in enumerate(self._case.lines):
            if line.order_item_id in changed:
                index = self.index(row, COL_PHOTO)
                self.dataChanged.emit(index, index)  # one cell, not a reset: no flicker

    def line_changed(self, order_item_id: str) -> None:
        if self._case is None:
            return
        for row, line in enumerate(self._case.lines):
            if line.order_item_id == order_item_id:
                self._row_changed(row)

    def advice_for(self, order_item_id: str) -> Advice | None:
        return self._advice.get(order_item_id)

    def photo_count(self, order_item_id: str) -> int:
        return self._photos.get(order_item_id, 0)

    def _evidence_text(self, order_item_id: str) -> str:
        count = self._photos.get(order_item_id, 0)
        if not count:
            return ""
        text = f"{count} photo" if count == 1 else f"{count} photos"
        advice = self._advice.get(order_item_id)
        if advice is not None:
            mark = {True: "✓", False: "✗", None: "?"}[advice.approves]
            text += f"  {mark} {advice.confidence * 100:.0f}%"
            verdict = self._case.verdicts.get(order_item_id) if self._case else None
            if verdict is not None:
                text += " ✎" if verdict.action == "overridden" else " ✔"
        elif order_item_id in self._pending:
            text += "  …"
        return text

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self._case is None:
            return 0
        return len(self._case.lines) + len(self._case.unexpected)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def is_unexpected_row(self, row: int) -> bool:
        return self._case is not None and row >= len(self._case.lines)

    def row_of(self, line: ReturnLine) -> int | None:
        if self._case is None:
            return None
        for row, candidate in enumerate(self._case.lines):
            if candidate is line:
                return row
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.frozen or self.is_unexpected_row(index.row()):
            return flags
        if index.column() in DECISION_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() in (COL_CONDITION, COL_REASON, COL_NET, COL_GROSS):
            flags |= Qt.ItemFlag.ItemIsEditable
        elif index.column() == COL_DESCRIPTION and self._line(index.row()).manual:
            flags |= Qt.ItemFlag.ItemIsEditable  # nothing describes an item without an RMA
        return flags

    def _line(self, row: int) -> ReturnLine:
        assert self._case is not None
        return self._case.lines[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._case is None:
            return None
        if self.is_unexpected_row(index.row()):
            return self._unexpected_data(index, role)
        line = self._case.lines[index.row()]
        column = index.column()
        if role == ItemRole:
            return line
        if role == Qt.ItemDataRole.CheckStateRole and column in DECISION_COLUMNS:
            return Qt.CheckState.Checked if _shows(line, column) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.present is None or self._case.price_unknown(line):
                return _UNDECIDED
            if line.present and line.accepted is False:
                return _REJECTED
            if line.short or line.units > line.expected_qty:
                return _SHORT
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SortRole):
            return self._value(line, column, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        if role == Qt.ItemDataRole.FontRole and column == COL_CONDITION:
            return _SMALL  # two lines of findings and the route in a narrow column
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            COL_UNITS,
            COL_NET,
            COL_TAX,
            COL_GROSS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _tooltip(self, line: ReturnLine, column: int) -> str | None:
        if column == COL_DESCRIPTION:
            return line.description
        if column == COL_REASON:
            return line.reason_code
        if column == COL_CONDITION:
            return self._route_tooltip(line)
        if column == COL_UNITS and line.short:
            return self.tr("{n} of {m} units here: {short} missing").format(
                n=line.units, m=line.expected_qty, short=line.short
            )
        if column in (COL_NET, COL_GROSS) and self._case and self._case.price_unknown(line):
            return self.tr("No price is known for this item: type its refund")
        return None

    def route_text(self, line: ReturnLine) -> str:
        """``B → Restock``: the grade and where the item goes (the route alone when ungraded;
        ✎: the operator chose the route); ``B`` before it is decided; "" when neither."""
        assert self._case is not None
        route = self._case.route(line)
        grade = line.grade or ""
        if route is None:
            return grade
        mark = " ✎" if route.overridden else ""
        where = f"→ {default_word(route.disposition.label)}{mark}"
        text = f"{grade} {where}" if grade else where
        # one line, never broken: the condition code below is what a narrow cell may cut
        return text.replace(" ", "\u00a0")

    def _condition_text(self, line: ReturnLine) -> str:
        """Two lines: the grade and where the item goes (``B → Restock``), then the condition
        code (``USED``); the route comes first, so a long code is what a narrow cell cuts."""
        assert self._case is not None
        first = self.route_text(line)
        return "\n".join(part for part in (first, line.condition_code or "") if part)

    def _route_tooltip(self, line: ReturnLine) -> str | None:
        assert self._case is not None
        parts = []
        grade = self._case.rules.grade(line.grade) if line.grade else None
        if grade is not None:
            parts.append(f"{grade.code}: {default_word(grade.meaning)}")
        if line.condition_code:
            parts.append(line.condition_code)
        route = self._case.route(line)
        if route is not None:
            where = route.disposition.destination
            parts.append(
                self.tr("Goes to: {label}").format(label=default_word(route.disposition.label))
                + (f" ({where})" if where else "")
            )
            if route.overridden:
                parts.append(self.tr("chosen by the operator"))
            elif route.rule is None:
                parts.append(self.tr("no rule applies: the station's default"))
            else:
                parts.append(self.tr("by rule {n}").format(n=route.rule + 1))
        return "\n".join(parts) or None

    def _unexpected_data(self, index: Index, role: int) -> Any:
        assert self._case is not None
        item = self._case.unexpected[index.row() - len(self._case.lines)]
        column = index.column()
        if role == Qt.ItemDataRole.BackgroundRole:
            return _UNEXPECTED
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_SKU:
                return item.code
            if column == COL_DESCRIPTION:
                return self.tr("UNEXPECTED — not in this return, not sent to nShift")
            if column == COL_UNITS:
                return f"×{item.count}"
        return None

    def _value(self, line: ReturnLine, column: int, role: int) -> Any:
        assert self._case is not None
        if column in (COL_NET, COL_TAX, COL_GROSS):
            if self._case.price_unknown(line):
                return "?" if role == Qt.ItemDataRole.DisplayRole else None
            try:
                refund = self._case.refund(line)
            except MoneyError:
                return "?" if role == Qt.ItemDataRole.DisplayRole else None
            amount = {COL_NET: refund.net, COL_TAX: refund.tax, COL_GROSS: refund.gross}[column]
            if role == Qt.ItemDataRole.DisplayRole:
                return format_money(amount, self._case.currency)
            if role == Qt.ItemDataRole.EditRole:
                return edit_money(amount, self._case.currency)
            return amount
        if column in DECISION_COLUMNS:
            return _shows(line, column) if role == SortRole else None
        if column == COL_UNITS:
            return line.units if role == SortRole else line.units_text()
        if column == COL_CONDITION:
            if role == Qt.ItemDataRole.EditRole:
                return line.condition_code or ""
            if role == SortRole:
                return f"{line.grade or ''} {line.condition_code or ''}"
            return self._condition_text(line)
        values = {
            COL_SKU: line.sku,
            COL_DESCRIPTION: line.description,
            COL_REASON: line.reason_code or "",
            COL_PHOTO: self._evidence_text(line.order_item_id),
        }
        return values[column]

    def setData(
        self,
        index: Index,
        value: Any,
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if not index.isValid() or self._case is None or self.frozen:
            return False
        if self.is_unexpected_row(index.row()):
            return False
        line = self._case.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in DECISION_COLUMNS:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.choose(index.row(), DECISION_COLUMNS[column] if checked else None)
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == COL_DESCRIPTION and line.manual:
            line.description = str(value).strip()[:200]
        elif column == COL_CONDITION and str(value).partition(":")[0] in CHOICE_KINDS:
            return self.set_route_choice(index.row(), str(value))
        elif column in (COL_CONDITION, COL_REASON):
            text = str(value).strip() or None
            if column == COL_CONDITION:
                self._case.set_condition(line.order_item_id, text)
            else:
                line.reason_code = text
        elif column in (COL_NET, COL_GROSS):
            if not (line.present and line.accepted):
                return False  # a rejected or missing item refunds 0
            try:
                amount = parse_amount(str(value))
                if column == COL_GROSS:
                    self._case.set_gross(line.order_item_id, amount)
                else:
                    self._case.set_net(line.order_item_id, amount)
            except MoneyError:
                return False
        else:
            return False
        self._row_changed(index.row())
        return True

    # ------------------------------------------------------------------ operations
    def choose(self, row: int, decision: Decision | None) -> None:
        """A decision control was touched: that decision, and no other as a side effect.

        ``None``: a control was switched off — Accepted or Rejected back to Present, Present
        or Missing back to undecided.
        """
        if self._case is None or self.frozen or self.is_unexpected_row(row):
            return
        line = self._case.lines[row]
        if decision is None:
            decision = Decision.PRESENT if line.present else Decision.UNDECIDED
        elif decision is Decision.PRESENT and line.present:
            return  # already here: Present does not undo an accept or a reject
        self._case.set_decision(line.order_item_id, decision)
        self._row_changed(row)

    def set_route_choice(self, row: int, choice: str) -> bool:
        """``grade:B`` grades the item, ``condition:USED`` sets its condition code,
        ``route:recycle`` sends it elsewhere than the rules say, ``route:`` gives it back to
        the rules (see ConditionDelegate)."""
        if self._case is None or self.frozen or self.is_unexpected_row(row):
            return False
        line = self._case.lines[row]
        kind, _, code = choice.partition(":")
        try:
            if kind == "grade":
                self._case.set_grade(line.order_item_id, code or None)
            elif kind == "condition":
                self._case.set_condition(line.order_item_id, code or None)
            elif kind == "route":
                self._case.set_disposition(line.order_item_id, code or None)
            else:
                return False
        except ValueError:
            return False
        self._row_changed(row)
        return True

    def grade_by_guide(self, row: int, answers: list[bool]) -> str | None:
        """Grade a line by its guide's answers; None if the table takes no change now."""
        if self._case is None or self.frozen or self.is_unexpected_row(row):
            return None
        grade = self._case.grade_by_guide(self._case.lines[row].order_item_id, answers)
        self._row_changed(row)
        return grade

    def scan(self, code: str, *, repeat_after_ms: float | None = None) -> ScanResult | None:
        """An item's barcode or SKU was scanned; the case decides what it counts as."""
        if self._case is None or self.frozen:
            return None
        before = len(self._case.lines), len(self._case.unexpected)
        result = self._case.scan(
            code, repeat_after_ms=repeat_after_ms, double_read_ms=self.double_read_ms
        )
        lines, unexpected = len(self._case.lines), len(self._case.unexpected)
        if (lines, unexpected) != before:
            # a new manual line, or a new unexpected row (they sit below the lines)
            self.beginResetModel()
            self.endResetModel()
        elif result.line is not None:
            row = self.row_of(result.line)
            if row is not None:
                self._row_changed(row)
        elif result.unexpected_count:
            code_row = next(
                n for n, item in enumerate(self._case.unexpected) if item.code == result.code
            )
            self._row_changed(lines + code_row)
        return result

    def find(self, code: str) -> bool:
        """Whether a line of the shown case has this SKU or GTIN (nothing is counted)."""
        return self._case is not None and bool(self._case.matching_lines(code))

    def set_frozen(self, frozen: bool) -> None:
        self.frozen = frozen
        self._all_changed()  # flags changed: the controls redraw as (un)available

    def accept_all(self) -> None:
        if self._case is None or not self._case.lines or self.frozen:
            return
        self._case.accept_all()
        self._all_changed()

    def _all_changed(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, COLUMNS - 1))

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))


def _shows(line: ReturnLine, column: int) -> bool:
    """Whether the decision control in ``column`` is lit for ``line``."""
    decision = line.decision
    if column == COL_PRESENT:
        return bool(line.present)
    return decision is DECISION_COLUMNS[column]
