"""Sign on: at the start of a shift an operator scans their badge or touches their name.

The operator's name goes into the header and with every submission (history, the inspection
note). Without configured operators the name is typed instead.

Signals:
    signed_on(str): the operator's name
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from returndesk.settings.model import Operator
from returndesk.ui.common.flash import Flash
from returndesk.ui.common.labels import centred_label, code_input

#: name buttons a row; larger teams scan badges or type
COLUMNS = 4


class SignOnScreen(QWidget):
    signed_on = Signal(str)

    def __init__(self, operators: Sequence[Operator] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operators = list(operators)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.prompt = centred_label(self.tr("Sign on"), "ScanPrompt")
        layout.addWidget(self.prompt)
        self.hint = centred_label()
        layout.addWidget(self.hint)
        layout.addSpacing(24)
        grid = QGridLayout()
        self.buttons: list[QPushButton] = []
        for n, operator in enumerate(self._operators):
            button = QPushButton(operator.name)
            button.setMinimumSize(220, 72)
            button.setMaximumWidth(360)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a badge scan's Enter never clicks
            button.clicked.connect(lambda _=False, name=operator.name: self.signed_on.emit(name))
            grid.addWidget(button, n // COLUMNS, n % COLUMNS)
            self.buttons.append(button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(grid)
        row.addStretch(1)
        layout.addLayout(row)
        self.name = code_input(self.tr("Your name + Enter"))
        self.name.setMaxLength(40)
        self.name.returnPressed.connect(self._typed)
        layout.addWidget(self.name, 0, Qt.AlignmentFlag.AlignHCenter)
        self.status = centred_label(wrap=True)
        layout.addWidget(self.status)
        layout.addStretch(3)
        badges = any(o.badge for o in self._operators)
        if self._operators:
            self.name.hide()
            self.hint.setText(
                self.tr("Scan your badge or touch your name.")
                if badges
                else self.tr("Touch your name.")
            )
        else:
            self.hint.setText(self.tr("Type your name and press Enter."))
            self.setFocusProxy(self.name)
        self.flash = Flash(self.prompt)

    def reset(self) -> None:
        self.name.clear()
        self.status.clear()

    def _typed(self) -> None:
        text = " ".join(self.name.text().split())
        if len(text) < 2:
            self.refuse(self.tr("Type at least two letters of your name."))
            return
        self.name.clear()
        self.signed_on.emit(text)

    def badge_scanned(self, code: str) -> None:
        """A scan while this screen shows: the badge of a configured operator, or refused."""
        code = code.strip()
        for operator in self._operators:
            if operator.badge and operator.badge == code:
                self.flash.good()
                self.signed_on.emit(operator.name)
                return
        self.refuse(
            self.tr(
                "This badge is not known at this station. Touch your name, or ask "
                "an admin to add the badge in Settings → Operators."
            )
        )

    def refuse(self, message: str) -> None:
        self.status.setText(message)
        self.flash.bad()
