"""The admin PIN prompt: a keypad big enough for gloves, and the keyboard's digits.

``PinDialog.check(gate)`` asks for the PIN and emits ``granted`` once it is right; five wrong
tries lock the gate for a minute, shown as a countdown. ``PinDialog.choose()`` asks for a new
PIN twice and emits ``chosen(hash)``. Both open window-modal and never block the event loop,
so the outbox and the scanners carry on underneath.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from returndesk.settings.admin_pin import MAX_PIN_LENGTH, PinError, PinGate, check_new_pin, hash_pin
from returndesk.ui.common.i18n import say


class PinDialog(QDialog):
    granted = Signal()
    chosen = Signal(str)

    def __init__(self, title: str, gate: PinGate | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PinDialog")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._gate = gate
        self._first: str | None = None  # choosing: the first entry, waiting for the repeat
        layout = QVBoxLayout(self)
        self.title = QLabel(title)
        self.title.setObjectName("CaseTitle")
        layout.addWidget(self.title)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        layout.addWidget(self.prompt)
        self.field = QLineEdit()
        self.field.setObjectName("CodeInput")
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setMaxLength(MAX_PIN_LENGTH)
        # only digits reach the field: a PIN never has letters
        digits = QRegularExpression(f"[0-9]{{0,{MAX_PIN_LENGTH}}}")
        self.field.setValidator(QRegularExpressionValidator(digits, self.field))
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.returnPressed.connect(self.submit)
        layout.addWidget(self.field)
        self.message = QLabel()
        self.message.setObjectName("ScanHint")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        pad = QGridLayout()
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        for n, key in enumerate(keys):
            button = QPushButton(key if key != "OK" else self.tr("OK"))
            button.setMinimumSize(96, 64)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self._key(k))
            pad.addWidget(button, n // 3, n % 3)
        layout.addLayout(pad)
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        cancel.clicked.connect(self.reject)
        layout.addWidget(cancel)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._show_lock)

    def scan_ignored(self) -> None:
        """A scan while the PIN is asked for goes nowhere: said here, nothing opens behind."""
        self.message.setText(self.tr("Scan ignored — enter the PIN or cancel (Esc) first."))

    @classmethod
    def check(cls, gate: PinGate, title: str, parent: QWidget | None = None) -> PinDialog:
        dialog = cls(title, gate, parent)
        dialog.prompt.setText(QCoreApplication.translate("PinDialog", "Enter the admin PIN."))
        dialog._show_lock()
        return dialog

    @classmethod
    def choose(cls, title: str, parent: QWidget | None = None) -> PinDialog:
        dialog = cls(title, None, parent)
        dialog.prompt.setText(dialog.choose_prompt())
        return dialog

    def choose_prompt(self) -> str:
        return self.tr("Choose an admin PIN of 4 to 12 digits. Write it down somewhere safe.")

    def _key(self, key: str) -> None:
        if key == "⌫":
            self.field.backspace()
        elif key == "OK":
            self.submit()
        else:
            self.field.insert(key)

    def submit(self) -> None:
        pin = self.field.text()
        self.field.clear()
        if self._gate is None:
            self._choose_step(pin)
            return
        result = self._gate.attempt(pin)
        if result.accepted:
            self.accept()
            self.granted.emit()
        elif result.locked_for > 0:
            self._show_lock()
        else:
            self.message.setText(
                self.tr("Wrong PIN. {n} tries left before a one-minute lock.").format(
                    n=result.tries_left
                )
            )

    def _choose_step(self, pin: str) -> None:
        if self._first is None:
            try:
                check_new_pin(pin)
            except PinError as exc:
                shown = say(str(exc))  # the core's sentence, in the station's language
                self.message.setText(shown[:1].upper() + shown[1:] + ".")
                return
            self._first = pin
            self.prompt.setText(self.tr("Enter the same PIN again."))
            self.message.clear()
            return
        first, self._first = self._first, None
        if pin != first:
            self.prompt.setText(self.choose_prompt())
            self.message.setText(self.tr("The two PINs differ. Start again."))
            return
        self.accept()
        self.chosen.emit(hash_pin(pin))

    def _show_lock(self) -> None:
        assert self._gate is not None
        wait = self._gate.locked_for()
        locked = wait > 0
        self.field.setEnabled(not locked)
        if locked:
            self.message.setText(
                self.tr("Too many wrong PINs. Try again in {s} s.").format(s=int(wait + 0.999))
            )
            if not self._countdown.isActive():
                self._countdown.start()
        elif self._countdown.isActive():  # the lock just ended
            self._countdown.stop()
            self.message.clear()
            self.field.setFocus()
