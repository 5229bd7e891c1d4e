"""Unknown parcel: nothing matched the code. Scan another label or go back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class UnknownScreen(QWidget):
    """Signals:
    code_entered(str): another code from the parcel (order number, tracking, …)
    cancelled(): back to Ready
    """

    code_entered = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel()
        self.title.setObjectName("ScanPrompt")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        self.detail = QLabel()
        self.detail.setObjectName("ScanHint")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Scan or type another code from the parcel"))
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setMaximumWidth(700)
        self.code.returnPressed.connect(self._submit)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        back = QPushButton(self.tr("Back (Esc)"))
        back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back.clicked.connect(self.cancelled.emit)
        layout.addWidget(back, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancelled.emit)
        self.setFocusProxy(self.code)

    def show_code(self, code: str, detail: str) -> None:
        self.title.setText(self.tr("Unknown parcel"))
        self.detail.setText(detail.format(code=code))
        self.code.setFocus()

    def _submit(self) -> None:
        text = self.code.text()
        self.code.clear()
        if text.strip():
            self.code_entered.emit(text)
