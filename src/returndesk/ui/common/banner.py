"""A non-modal banner for recoverable problems: visible, never in the operator's way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from returndesk.ui.common.i18n import say


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 8, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setObjectName("BannerText")
        layout.addWidget(self.label, 1)
        self.dismiss = QPushButton(self.tr("OK"))
        self.dismiss.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scan's Enter must not hit it
        self.dismiss.clicked.connect(self.hide)
        layout.addWidget(self.dismiss)
        self._messages: list[str] = []
        self.hide()

    def show_message(self, text: str) -> None:
        text = say(text)  # a sentence from the core, in the station's language
        if text in self._messages and self.isVisible():
            return
        self._messages = [*self._messages[-2:], text]
        self.label.setText("\n".join(self._messages))
        self.show()

    def withdraw(self, text: str) -> None:
        """A message that is no longer true (the problem was fixed) goes; the banner with it
        when it was the last."""
        text = say(text)
        if text not in self._messages:
            return
        self._messages = [m for m in self._messages if m != text]
        if self._messages:
            self.label.setText("\n".join(self._messages))
        else:
            self.hide()

    def hideEvent(self, event: object) -> None:
        self._messages = []
        super().hideEvent(event)  # type: ignore[arg-type]
