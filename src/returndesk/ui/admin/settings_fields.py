"""Form fields bound to a dotted settings key (``nshift.base_url``), each with its own error
line, so the schema's message appears right under the field it is about."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

Data = dict[str, Any]


def get_path(data: Data, key: str) -> Any:
    value: Any = data
    for part in key.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def set_path(data: Data, key: str, value: Any) -> None:
    parts = key.split(".")
    target = data
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value


class Field(QWidget):
    """A labelled editor for one key; subclasses say how a value is shown and read."""

    def __init__(self, key: str, editor: QWidget, hint: str = "") -> None:
        super().__init__()
        self.key = key
        self.editor = editor
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(2)
        layout.addWidget(editor)
        self.hint = QLabel(hint)
        self.hint.setObjectName("FieldHint")
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        layout.addWidget(self.hint)
        self.error = QLabel()
        self.error.setObjectName("FieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

    def load(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)


class LineField(Field):
    """Text, and numbers too: the schema reads ``"25"`` as 25 and says so when it is not one."""

    def __init__(self, key: str, hint: str = "", *, password: bool = False) -> None:
        self.line = QLineEdit()
        if password:
            self.line.setEchoMode(QLineEdit.EchoMode.Password)
        super().__init__(key, self.line, hint)

    def load(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))

    def value(self) -> Any:
        return self.line.text().strip()


class CheckField(Field):
    def __init__(self, key: str, text: str, hint: str = "") -> None:
        self.box = QCheckBox(text)
        super().__init__(key, self.box, hint)

    def load(self, value: Any) -> None:
        self.box.setChecked(bool(value))

    def value(self) -> Any:
        return self.box.isChecked()


class ChoiceField(Field):
    def __init__(self, key: str, choices: Sequence[tuple[str, str]], hint: str = "") -> None:
        self.combo = QComboBox()
        for value, label in choices:
            self.combo.addItem(label, value)
        super().__init__(key, self.combo, hint)

    def load(self, value: Any) -> None:
        index = self.combo.findData(value)
        self.combo.setCurrentIndex(max(index, 0))

    def value(self) -> Any:
        return self.combo.currentData()


class UrlField(Field):
    """A base URL: typed, or picked from the vendor's known hosts."""

    def __init__(self, key: str, presets: Sequence[tuple[str, str]], hint: str = "") -> None:
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItem("")
        for label, url in presets:
            self.combo.addItem(url)
            self.combo.setItemData(self.combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        super().__init__(key, self.combo, hint)

    def load(self, value: Any) -> None:
        self.combo.setEditText(value or "")

    def value(self) -> Any:
        return self.combo.currentText().strip()


class ListField(Field):
    """A list of codes, one a line."""

    def __init__(self, key: str, hint: str = "") -> None:
        self.text = QPlainTextEdit()
        self.text.setMinimumHeight(170)
        super().__init__(key, self.text, hint)

    def load(self, value: Any) -> None:
        self.text.setPlainText("\n".join(value or []))

    def value(self) -> Any:
        return [line.strip() for line in self.text.toPlainText().splitlines() if line.strip()]


class TableField(Field):
    """Rows of text cells with Add / Remove; ``columns`` are (key, title)."""

    def __init__(self, key: str, columns: Sequence[tuple[str, str]], hint: str = "") -> None:
        self.columns = list(columns)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([title for _, title in self.columns])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(220)
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add row"))
        self.add_button.clicked.connect(lambda: self.add_row({}))
        self.remove_button = QPushButton(self.tr("Remove row"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        super().__init__(key, box, hint)

    def add_row(self, values: dict[str, Any]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, (name, _) in enumerate(self.columns):
            value = values.get(name)
            self.table.setItem(row, column, QTableWidgetItem("" if value is None else str(value)))

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)

    def rows(self) -> list[dict[str, str]]:
        result = []
        for row in range(self.table.rowCount()):
            cells = {}
            for column, (name, _) in enumerate(self.columns):
                item = self.table.item(row, column)
                cells[name] = item.text().strip() if item is not None else ""
            if any(cells.values()):
                result.append(cells)
        return result

    def load(self, value: Any) -> None:
        self.table.setRowCount(0)
        for row in value or []:
            self.add_row(row)

    def value(self) -> Any:
        return self.rows()


class MarketsField(TableField):
    """``[markets.XX]`` tables as rows of code, currency and tax rate."""

    def load(self, value: Any) -> None:
        rows = [{"code": code, **market} for code, market in (value or {}).items()]
        super().load(rows)

    def value(self) -> Any:
        return {
            row["code"].upper(): {"currency": row["currency"].upper(), "tax_rate": row["tax_rate"]}
            for row in self.rows()
        }
