"""Condition and reason codes are chosen from the station's lists, never typed freely."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

#: a code breaks onto a second line after these, not in the middle of a word: with a zero
#: width space after each, drawn only (the model's data stays the code itself)
_BREAKS = ("_", "-", "/")


def breakable(text: str) -> str:
    for mark in _BREAKS:
        text = text.replace(mark, mark + "\u200b")
    # a line break the model asks for: the view draws only the Unicode line separator as one
    return text.replace("\n", "\u2028")


class WrappedCodeDelegate(QStyledItemDelegate):
    """Shows a code (CHANGED_MIND, JEANS-34-30) on two lines where one is too narrow, instead
    of cutting it to "CHANGED_M…"."""

    def displayText(self, value: object, locale: object) -> str:
        return (
            breakable(str(value))
            if isinstance(value, str)
            else super().displayText(
                value,
                locale,  # type: ignore[arg-type]
            )
        )


class CodeDelegate(WrappedCodeDelegate):
    def __init__(self, codes: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.codes = list(codes)

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QComboBox(parent)
        editor.addItem("")  # "no code"
        editor.addItems(self.codes)
        return editor

    def setEditorData(
        self,
        editor: QWidget,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole) or ""
        position = editor.findText(current)
        if position < 0:  # a code from the RMA that is not in the station's list
            editor.addItem(current)
            position = editor.count() - 1
        editor.setCurrentIndex(position)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
