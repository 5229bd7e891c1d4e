"""Ready: the screen a station shows between parcels."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from returndesk.ui.common.feedback import FeedbackLine
from returndesk.ui.common.file_dialogs import open_file
from returndesk.ui.common.flash import Flash
from returndesk.ui.common.i18n import say
from returndesk.ui.common.labels import code_input


class ReadyScreen(QWidget):
    """Signals:
    code_entered(str): a label was scanned or typed (Enter)
    image_chosen(str): the operator picked an image file to read barcodes from
    check_requested(): the operator wants the scanner check
    """

    code_entered = Signal(str)
    image_chosen = Signal(str)
    check_requested = Signal()
    manual_requested = Signal()

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
        self.set_demo_codes(demo_codes)
        self.code = code_input(self.tr("or type it + Enter"))
        self.code.returnPressed.connect(self._submit_code)
        layout.addSpacing(24)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        self.status = FeedbackLine()
        layout.addWidget(self.status)
        layout.addSpacing(24)
        self.shift_summary = QLabel()
        self.shift_summary.setObjectName("ScanHint")
        self.shift_summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.shift_summary.hide()
        layout.addWidget(self.shift_summary)
        layout.addWidget(self.demo_hint)
        layout.addStretch(3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.manual_button = QPushButton(self.tr("Without RMA (F8)"))
        self.manual_button.clicked.connect(self.manual_requested.emit)
        self.image_button = QPushButton(self.tr("Barcode from image… (Ctrl+O)"))
        self.image_button.clicked.connect(self.choose_image)
        self.check_button = QPushButton(self.tr("Scanner check (F7)"))
        self.check_button.clicked.connect(self.check_requested.emit)
        self.queue_button = QPushButton(self.tr("Queue (F9)"))
        self.history_button = QPushButton(self.tr("History (F10)"))
        for button in (
            self.manual_button,
            self.image_button,
            self.check_button,
            self.queue_button,
            self.history_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scan's Enter never clicks
            buttons.addWidget(button)
        layout.addLayout(buttons)
        admin = QHBoxLayout()
        self.sign_off_button = QPushButton(self.tr("Sign off (F6)"))
        admin.addWidget(self.sign_off_button)
        admin.addStretch(1)
        self.settings_button = QPushButton(self.tr("Settings (F2)"))
        self.support_button = QPushButton(self.tr("Support (F3)"))
        for button in (self.sign_off_button, self.settings_button, self.support_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setObjectName("QuietButton")
        admin.addWidget(self.settings_button)
        admin.addWidget(self.support_button)
        layout.addLayout(admin)
        self.setFocusProxy(self.code)
        self.flash = Flash(self.code)
        QShortcut(QKeySequence("Ctrl+O"), self, self.choose_image)
        QShortcut(QKeySequence(Qt.Key.Key_F7), self, self.check_requested.emit)
        QShortcut(QKeySequence(Qt.Key.Key_F8), self, self.manual_requested.emit)

    def choose_image(self) -> None:
        """For stations without a scanner: a photo or scan of the label."""
        path = open_file(
            self,
            self.tr("Read a barcode from an image"),
            "",
            self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff)"),
        )
        if path:
            self.image_chosen.emit(path)

    def _submit_code(self) -> None:
        text = self.code.text()
        self.code.clear()
        if text.strip():
            self.code_entered.emit(text)

    def image_read(self, name: str, count: int) -> None:
        """An image file was decoded: ``count`` barcodes, or -1 if it was no image."""
        if count == 0:
            self.show_refusal(self.tr("No barcode found in {name}.").format(name=name))
        elif count < 0:
            self.show_refusal(self.tr("{name} could not be read as an image.").format(name=name))

    def set_demo_codes(self, codes: Sequence[str]) -> None:
        """Training mode: a few RMA numbers that can still be received."""
        self.demo_hint.setText(
            self.tr("Training mode — try one of these: {codes}").format(codes=", ".join(codes))
        )
        self.demo_hint.setVisible(bool(codes))

    def show_shift_summary(self, text: str) -> None:
        self.shift_summary.setText(text)
        self.shift_summary.setVisible(bool(text))

    def show_status(self, text: str) -> None:
        self.status.setText(say(text))

    def show_success(self, text: str) -> None:
        self.status.good(say(text))
        self.flash.good()

    def show_refusal(self, message: str) -> None:
        """Large and red until the next scan or action replaces it."""
        self.status.bad(say(message))
        self.flash.bad()
