"""The Grade · route cell's editor: one list of the station's grades, then its dispositions.

Choosing a grade grades the item (and the rules route it); choosing a disposition sends it
there instead of where the rules say; "as the rules say" gives the choice back. One list keeps
the column narrow; the choice reaches the model as ``grade:B`` or ``route:recycle``.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from returndesk.core.return_case import ReturnLine
from returndesk.ui.screens.items_model import ItemRole, ReturnItemsModel

Index = QModelIndex | QPersistentModelIndex


class RouteDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        model = index.model()
        line = index.data(ItemRole)
        case = model.case if isinstance(model, ReturnItemsModel) else None
        if case is None or not isinstance(line, ReturnLine):
            return editor
        for grade in case.rules.grades:
            editor.addItem(
                self.tr("Grade {code} — {meaning}").format(code=grade.code, meaning=grade.meaning),
                f"grade:{grade.code}",
            )
        editor.insertSeparator(editor.count())
        editor.addItem(self.tr("→ as the rules say"), "route:")
        for disposition in case.rules.dispositions:
            editor.addItem(f"→ {disposition.label}", f"route:{disposition.code}")
        # the popup is as wide as its longest entry, not as the narrow cell
        editor.view().setMinimumWidth(editor.view().sizeHintForColumn(0) + 24)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        line = index.data(ItemRole)
        if isinstance(line, ReturnLine) and line.grade:
            position = editor.findData(f"grade:{line.grade}")
            editor.setCurrentIndex(max(position, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        choice = editor.currentData()
        if isinstance(choice, str):
            model.setData(index, choice, Qt.ItemDataRole.EditRole)
