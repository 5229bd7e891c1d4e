"""``ReturnItemsModel``: the Qt table adapter over a :class:`ReturnCase`'s lines.

The model holds no state of its own: every cell reads the case, every edit calls the case.
Money is formatted in ``DisplayRole`` only; ``SortRole`` and ``ItemRole`` give raw values.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from returndesk.core.ai_advice import Advice
from returndesk.core.money import MoneyError
from returndesk.core.money_format import parse_amount
from returndesk.core.return_case import CaseSource, ReturnCase, ReturnLine
from returndesk.ui.i18n import edit_money, format_money

Index = QModelIndex | QPersistentModelIndex

(
    COL_SKU,
    COL_DESCRIPTION,
    COL_EXPECTED,
    COL_SCANNED,
    COL_PRESENT,
    COL_ACCEPTED,
    COL_CONDITION,
    COL_REASON,
    COL_NET,
    COL_TAX,
    COL_GROSS,
    COL_PHOTO,
) = range(12)
COLUMNS = 12
def headers() -> list[str]:
    """The column titles in the station's language (called once the translation is loaded)."""
    return [
        QCoreApplication.translate("ReturnItemsModel", "SKU"),
        QCoreApplication.translate("ReturnItemsModel", "Description"),
        QCoreApplication.translate("ReturnItemsModel", "Exp."),
        QCoreApplication.translate("ReturnItemsModel", "Scan."),
        QCoreApplication.translate("ReturnItemsModel", "Present"),
        QCoreApplication.translate("ReturnItemsModel", "Accepted"),
        QCoreApplication.translate("ReturnItemsModel", "Condition"),
        QCoreApplication.translate("ReturnItemsModel", "Reason"),
        QCoreApplication.translate("ReturnItemsModel", "Net"),
        QCoreApplication.translate("ReturnItemsModel", "Tax"),
        QCoreApplication.translate("ReturnItemsModel", "Gross"),
        QCoreApplication.translate("ReturnItemsModel", "Photo · AI"),
    ]
#: column widths in pixels at the base font; Description takes what is left
WIDTHS = {
    COL_SKU: 132,
    COL_EXPECTED: 56,
    COL_SCANNED: 62,
    COL_PRESENT: 92,
    COL_ACCEPTED: 104,
    COL_CONDITION: 120,
    COL_REASON: 150,
    COL_NET: 92,
    COL_TAX: 80,
    COL_GROSS: 96,
    COL_PHOTO: 150,
}

#: the raw value of a cell (Decimal for money), for sorting
SortRole = Qt.ItemDataRole.UserRole + 1
#: the :class:`ReturnLine` of a row
ItemRole = Qt.ItemDataRole.UserRole + 2

_UNDECIDED = QBrush(QColor("#5d4037"))
_REJECTED = QBrush(QColor("#4e2a2a"))


class ReturnItemsModel(QAbstractTableModel):
    def __init__(self, case: ReturnCase | None = None) -> None:
        super().__init__()
        self._case = case
        # photo evidence shown beside the lines (the case itself does not hold it)
        self._photos: dict[str, int] = {}
        self._advice: dict[str, Advice] = {}
        self._pending: set[str] = set()
        self._headers = headers()

    @property
    def case(self) -> ReturnCase | None:
        return self._case

    def set_case(self, case: ReturnCase | None) -> None:
        self.beginResetModel()
        self._case = case
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
        return len(self._case.lines)

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

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_PRESENT, COL_ACCEPTED):
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
        line = self._case.lines[index.row()]
        column = index.column()
        if role == ItemRole:
            return line
        if role == Qt.ItemDataRole.CheckStateRole and column in (COL_PRESENT, COL_ACCEPTED):
            value = line.present if column == COL_PRESENT else line.accepted
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.present is None:
                return _UNDECIDED
            if line.present and line.accepted is False:
                return _REJECTED
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, SortRole):
            return self._value(line, column, role)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_DESCRIPTION, COL_REASON):
            return line.description if column == COL_DESCRIPTION else line.reason_code
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            COL_EXPECTED,
            COL_SCANNED,
            COL_NET,
            COL_TAX,
            COL_GROSS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _value(self, line: ReturnLine, column: int, role: int) -> Any:
        assert self._case is not None
        if column in (COL_NET, COL_TAX, COL_GROSS):
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
        if column in (COL_PRESENT, COL_ACCEPTED):
            value = line.present if column == COL_PRESENT else line.accepted
            if role == Qt.ItemDataRole.DisplayRole:
                return {None: "—", True: self.tr("yes"), False: self.tr("no")}[value]
            return value
        values = {
            COL_SKU: line.sku,
            COL_DESCRIPTION: line.description,
            COL_EXPECTED: line.expected_qty,
            COL_SCANNED: line.scanned_qty,
            COL_CONDITION: line.condition_code or "",
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
        if not index.isValid() or self._case is None:
            return False
        line = self._case.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column in (COL_PRESENT, COL_ACCEPTED):
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            if column == COL_PRESENT:
                self._case.decide(
                    line.order_item_id,
                    present=checked,
                    accepted=bool(checked and line.accepted is not False),
                )
            else:
                self._case.decide(
                    line.order_item_id, present=bool(line.present or checked), accepted=checked
                )
            self._row_changed(index.row())
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == COL_DESCRIPTION and line.manual:
            line.description = str(value).strip()[:200]
        elif column in (COL_CONDITION, COL_REASON):
            text = str(value).strip() or None
            if column == COL_CONDITION:
                line.condition_code = text
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
    def scan(self, code: str) -> int | None:
        """An item's barcode or SKU was scanned: count it, mark it present; its row or None.

        Several lines may carry the same product; the first one still expecting units gets
        the scan, and only when all are full does the count go over (shown as such). A code
        that matches no line is *unexpected* and changes nothing — except on a case received
        without an RMA, where every item is added by scanning it.
        """
        if self._case is None:
            return None
        wanted = code.strip().upper()
        matching = [row for row, line in enumerate(self._case.lines) if self._matches(line, wanted)]
        if self._case.source is CaseSource.MANUAL and wanted:
            return self._add_manual(wanted, matching)
        if not matching:
            return None
        lines = self._case.lines
        row = next(
            (r for r in matching if lines[r].scanned_qty < lines[r].expected_qty), matching[0]
        )
        line = lines[row]
        line.scanned_qty += 1
        if line.present is not True:
            self._case.decide(line.order_item_id, present=True, accepted=line.accepted is not False)
        self._row_changed(row)
        return row

    def _add_manual(self, code: str, matching: list[int]) -> int:
        assert self._case is not None
        if matching:
            line = self._case.lines[matching[0]]
            self._case.add_manual_line(line.sku)
            self._row_changed(matching[0])
            return matching[0]
        row = len(self._case.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._case.add_manual_line(code)
        self.endInsertRows()
        return row

    def find(self, code: str) -> bool:
        """Whether a line of the shown case has this SKU or GTIN (nothing is counted)."""
        wanted = code.strip().upper()
        return self._case is not None and any(
            self._matches(line, wanted) for line in self._case.lines
        )

    @staticmethod
    def _matches(line: ReturnLine, wanted: str) -> bool:
        if wanted == line.sku.upper():
            return True
        gtin = (line.gtin or "").lstrip("0")
        # GTIN-13 and GTIN-14 of the same product differ only by leading zeros
        return bool(gtin) and wanted.isdigit() and wanted.lstrip("0") == gtin

    def decide_all(self, *, present: bool, accepted: bool) -> None:
        if self._case is None or not self._case.lines:
            return
        for line in self._case.lines:
            self._case.decide(line.order_item_id, present=present, accepted=accepted)
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, COLUMNS - 1))

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))
