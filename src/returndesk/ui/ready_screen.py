"""Ready: the screen a station shows between parcels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ReadyScreen(QWidget):
    def __init__(self, demo_codes: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.prompt = QLabel(self.tr("Scan a return label"))
        self.prompt.setObjectName("ScanPrompt")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.prompt)
        hint = QLabel(self.tr("RMA number, order number, nShift return id or parcel barcode"))
        hint.setObjectName("ScanHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)
        self.demo_hint = QLabel()
        self.demo_hint.setObjectName("DemoHint")
        self.demo_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if demo_codes:
            self.demo_hint.setText(
                self.tr("Training mode — try one of these: {codes}").format(
                    codes=", ".join(demo_codes)
                )
            )
        self.demo_hint.setVisible(bool(demo_codes))
        layout.addSpacing(24)
        layout.addWidget(self.demo_hint)
        layout.addStretch(3)
