"""The Condition cell's editor: one list of the station's grades, its condition codes, then
its dispositions.

A grade grades the item (its ``returnConditionCode`` comes with it, and the rules route it); a
condition code is the operator's own finding; a disposition sends the item there instead of
where the rules say, and "as the rules say" gives that choice back. One list keeps the table
narrow enough for every column at 1280 pixels; the choice reaches the model as ``grade:B``,
``condition:USED`` or ``route:recycle``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QWidget

from returndesk.core.return_case import ReturnLine
from returndesk.ui.common.code_delegate import WrappedCodeDelegate
from returndesk.ui.common.i18n import default_word
from returndesk.ui.screens.items_model import ItemRole, ReturnItemsModel

Index = QModelIndex | QPersistentModelIndex


class ConditionDelegate(WrappedCodeDelegate):
    def __init__(self, conditions: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = list(conditions)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QComboBox(parent)
        model = index.model()
        case = model.case if isinstance(model, ReturnItemsModel) else None
        if case is not None:
            for grade in case.rules.grades:
                editor.addItem(
                    self.tr("Grade {code} — {meaning}").format(
                        code=grade.code, meaning=default_word(grade.meaning)
                    ),
                    f"grade:{grade.code}",
                )
            editor.insertSeparator(editor.count())
        editor.addItem(self.tr("no condition code"), "condition:")
        line = index.data(ItemRole)
        codes = list(self.codes)
        if (
            isinstance(line, ReturnLine)
            and line.condition_code
            and line.condition_code not in codes
        ):
            codes.append(line.condition_code)  # from the RMA, not in the station's list
        for code in codes:
            editor.addItem(code, f"condition:{code}")
        if case is not None:
            editor.insertSeparator(editor.count())
            editor.addItem(self.tr("→ as the rules say"), "route:")
            for disposition in case.rules.dispositions:
                label = default_word(disposition.label)
                editor.addItem(f"→ {label}", f"route:{disposition.code}")
        # the popup is as wide as its longest entry, not as the narrow cell
        editor.view().setMinimumWidth(editor.view().sizeHintForColumn(0) + 24)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        line = index.data(ItemRole)
        if not isinstance(line, ReturnLine):
            return
        wanted = f"condition:{line.condition_code or ''}"
        if line.grade and not line.condition_code:
            wanted = f"grade:{line.grade}"
        editor.setCurrentIndex(max(editor.findData(wanted), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        choice = editor.currentData()
        if isinstance(choice, str):
            model.setData(index, choice, Qt.ItemDataRole.EditRole)
