"""A line's decision controls drawn as large buttons that fill their cell (gloved fingers).

Present, Accepted, Rejected and Missing each have a column; a touch anywhere in the cell
switches that control, never another (the model decides what switching means).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from returndesk.ui.screens.items_model import ItemRole

Index = QModelIndex | QPersistentModelIndex

#: lit colour and mark per decision column, in the model's column order
LOOKS = {
    "present": ("#1565c0", "●"),
    "accepted": ("#2e7d32", "✓"),
    "rejected": ("#c62828", "✗"),
    "missing": ("#ef6c00", "∅"),
}


class DecisionDelegate(QStyledItemDelegate):
    def __init__(self, look: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colour, self._mark = LOOKS[look]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        # the row's background and selection as usual, then the button over it
        base = QStyleOptionViewItem(option)
        self.initStyleOption(base, index)
        base.text = ""
        base.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, base, painter, widget)
        if index.data(ItemRole) is None:
            return  # an unexpected item's row: nothing to decide, no control drawn
        lit = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        enabled = bool(index.flags() & Qt.ItemFlag.ItemIsUserCheckable)
        rect: QRect = option.rect.adjusted(5, 5, -5, -5)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(self._colour)
        if lit:
            painter.setBrush(colour)
            painter.setPen(QPen(colour.lighter(130), 2))
        else:
            painter.setBrush(QColor(255, 255, 255, 18))
            painter.setPen(QPen(QColor(255, 255, 255, 90 if enabled else 40), 2))
        painter.drawRoundedRect(rect, 8, 8)
        if lit:
            font = QFont(painter.font())
            font.setPixelSize(max(18, rect.height() // 2))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(QColor("white"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._mark)
        painter.restore()

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if not index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        if event.type() == QEvent.Type.MouseButtonDblClick:
            return True  # a double tap is two touches at most, never an editor
        if event.type() != QEvent.Type.MouseButtonRelease:
            return False
        assert isinstance(event, QMouseEvent)
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if not option.rect.contains(event.position().toPoint()):
            return False
        lit = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        new = Qt.CheckState.Unchecked if lit else Qt.CheckState.Checked
        return bool(model.setData(index, new.value, Qt.ItemDataRole.CheckStateRole))
