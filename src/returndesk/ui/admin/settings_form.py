"""What the Settings screen does with its fields, whatever they are: pages of a form, the
values they hold, errors under the field they belong to, a message. The screen
(:mod:`returndesk.ui.admin.settings_screen`) says which fields there are."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QScrollArea, QTabWidget, QWidget

from returndesk.settings.secrets import SecretName
from returndesk.ui.admin.settings_fields import Data, Field, LineField, set_path


class SettingsForm(QWidget):
    """The form's bookkeeping; the subclass builds ``tabs`` and ``message`` and its pages."""

    tabs: QTabWidget
    message: QLabel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, Field] = {}
        self.secret_fields: dict[SecretName, LineField] = {}
        self._base: Data = {}
        self._tab_of: dict[str, int] = {}
        self._current_tab = 0

    def _page(self, title: str) -> QFormLayout:
        inner = QWidget()
        form = QFormLayout(inner)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self._current_tab = self.tabs.addTab(scroll, title)
        return form

    def _add(self, form: QFormLayout, label: str, field: Field) -> Field:
        self.fields[field.key] = field
        self._tab_of[field.key] = self._current_tab
        form.addRow(label, field)
        return field

    def _secret(self, form: QFormLayout, label: str, name: SecretName) -> None:
        field = LineField(name.keyring_user, password=True)
        self.secret_fields[name] = field
        self._tab_of[name.keyring_user] = self._current_tab
        form.addRow(label, field)

    def show_secret_status(self, name: SecretName, status: str) -> None:
        field = self.secret_fields.get(name)
        if field is None:
            return  # a secret set outside the form (the fleet's, by IT)
        field.hint.setText(status)
        field.hint.setVisible(bool(status))

    def values(self) -> Data:
        data = copy.deepcopy(self._base)
        for key, field in self.fields.items():
            set_path(data, key, field.value())
        return data

    def typed_secrets(self) -> dict[SecretName, str]:
        return {name: f.line.text() for name, f in self.secret_fields.items() if f.line.text()}

    def section(self, vendor: str) -> dict[str, Any]:
        section = self.values().get(vendor, {})
        return section if isinstance(section, dict) else {}

    def clear_errors(self) -> None:
        for field in [*self.fields.values(), *self.secret_fields.values()]:
            field.show_error(None)

    def _field_for(self, where: str) -> Field | None:
        best: Field | None = None
        for key, field in self.fields.items():
            if (where == key or where.startswith(key + ".")) and (
                best is None or len(key) > len(best.key)
            ):
                best = field
        if best is None:
            for name, secret in self.secret_fields.items():
                if where == name.keyring_user:
                    return secret
            # a rule across a section ("photos") is shown at that section's first field
            best = next((f for k, f in self.fields.items() if k.startswith(where + ".")), None)
        return best

    def show_message(self, text: str, *, good: bool) -> None:
        self.message.setText(text)
        self.message.setProperty("good", good)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
