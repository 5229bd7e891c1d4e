"""Unknown parcel: nothing matched the code. Scan another label, or receive it without an RMA.

Receiving without an RMA asks for the order number and the market; the items are then added
by scanning them on the Items screen, and the return is kept in history, flagged.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from returndesk.ui.common.feedback import FeedbackLine
from returndesk.ui.common.flash import Flash
from returndesk.ui.common.i18n import say


class UnknownScreen(QWidget):
    """Signals:
    code_entered(str): another code from the parcel (order number, tracking, …)
    manual_requested(str, str, str): parcel code, order number, market
    set_aside_requested(str, str): parcel code and why it goes on the exceptions shelf
    cancelled(): back to Ready
    """

    code_entered = Signal(str)
    manual_requested = Signal(str, str, str)
    set_aside_requested = Signal(str, str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.title = QLabel()
        self.title.setObjectName("ScanPrompt")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        self.detail = FeedbackLine()
        layout.addWidget(self.detail)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Scan or type another code from the parcel"))
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setMinimumWidth(620)  # the German hint is the longest
        self.code.setMaximumWidth(700)
        self.code.returnPressed.connect(self._submit)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)

        self.manual = QWidget()
        self.manual.setMinimumWidth(620)
        self.manual.setMaximumWidth(700)
        form = QFormLayout(self.manual)
        self.parcel = QLineEdit()
        self.parcel.setPlaceholderText(self.tr("scan the parcel's label"))
        form.addRow(self.tr("Parcel code"), self.parcel)
        self.order = QLineEdit()
        self.parcel.returnPressed.connect(self.order.setFocus)
        self.order.setPlaceholderText(self.tr("from the packing slip, if there is one"))
        self.market = QComboBox()
        form.addRow(self.tr("Order number"), self.order)
        form.addRow(self.tr("Market"), self.market)
        start = QPushButton(self.tr("Start receiving without RMA (Enter)"))
        start.setObjectName("PrimaryButton")
        start.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        start.clicked.connect(self._start_manual)
        form.addRow(start)
        self.manual_message = FeedbackLine(centred=False)
        form.addRow(self.manual_message)
        self.order.returnPressed.connect(self._start_manual)
        self.manual.hide()
        layout.addWidget(self.manual, 0, Qt.AlignmentFlag.AlignHCenter)
        # the parcel in the operator's hands needs a place too, whatever is decided here
        self.shelf_hint = QLabel(
            self.tr(
                "Cannot receive it now? Put the parcel on the exceptions shelf with a note of "
                "this code and why, and tell the team lead."
            )
        )
        self.shelf_hint.setObjectName("ScanHint")
        self.shelf_hint.setWordWrap(True)
        self.shelf_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.shelf_hint)
        aside = QHBoxLayout()
        aside.addStretch(1)
        self.aside_reason = QLineEdit()
        self.aside_reason.setPlaceholderText(self.tr("why: no label, damaged, no paperwork…"))
        self.aside_reason.setMinimumWidth(560)
        self.aside_reason.returnPressed.connect(self._set_aside)
        self.aside_button = QPushButton(self.tr("Set aside and record"))
        self.aside_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.aside_button.clicked.connect(self._set_aside)
        aside.addWidget(self.aside_reason)
        aside.addWidget(self.aside_button)
        aside.addStretch(1)
        layout.addLayout(aside)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.manual_button = QPushButton(self.tr("Receive without RMA (F8)"))
        self.manual_button.clicked.connect(self.open_manual)
        back = QPushButton(self.tr("Back (Esc)"))
        back.clicked.connect(self.cancelled.emit)
        for button in (self.manual_button, back):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scan's Enter never clicks
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(2)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancelled.emit)
        QShortcut(QKeySequence(Qt.Key.Key_F8), self, self.open_manual)
        self.setFocusProxy(self.code)
        self.flash = Flash(self.code)

    def set_markets(self, currencies: Mapping[str, str], default: str) -> None:
        """``currencies``: each market code's currency, shown beside it."""
        self.market.clear()
        for code, currency in sorted(currencies.items()):
            self.market.addItem(f"{code} · {currency}", code)
        self.market.setCurrentIndex(max(0, self.market.findData(default)))

    def show_code(self, code: str, detail: str, *, order: str = "") -> None:
        """``order``: the order number the scanned code already is, to prefill the form."""
        self.title.setText(self.tr("Unknown parcel"))
        # a warning, not a refusal: the next steps are right here
        self.detail.warn(detail.format(code=code))
        self.flash.warn()
        self.parcel.setText(code)
        self.order.setText(order)
        self.aside_reason.clear()
        self.manual_message.clear()
        self.manual.hide()
        self.manual_button.show()
        self.code.show()
        self.code.setFocus()

    def start_without_rma(self, code: str = "") -> None:
        """Straight to receiving without an RMA (F8 on Ready): ``code`` is the parcel code
        just refused, if any; else the parcel's label is scanned into the form."""
        self.title.setText(self.tr("Receive without an RMA"))
        self.detail.setText(
            self.tr("Scan the parcel's label, then type the order number if there is one.")
        )
        self.parcel.setText(code)
        self.order.clear()
        self.manual_message.clear()
        self.code.hide()  # the form's own parcel field takes the scan
        self.open_manual()

    def takes_parcel(self, code: str) -> bool:
        """A scan while the form waits for the parcel's code fills it (and is no lookup)."""
        if not self.manual.isVisible() or self.parcel.text().strip():
            return False
        self.parcel.setText(code)
        self.order.setFocus()
        self.flash.good()
        return True

    def show_refusal(self, message: str) -> None:
        self.detail.bad(say(message))
        self.flash.bad()

    def open_manual(self) -> None:
        self.manual.show()
        self.manual_button.hide()  # the form is open: its own key would do nothing
        (self.order if self.parcel.text().strip() else self.parcel).setFocus()

    def refuse_manual(self, message: str) -> None:
        self.manual_message.bad(say(message))
        self.flash.bad()

    def _start_manual(self) -> None:
        parcel = self.parcel.text().strip()
        if not parcel:
            self.refuse_manual(self.tr("Scan or type the parcel's label code first."))
            self.parcel.setFocus()
            return
        self.manual_requested.emit(parcel, self.order.text(), str(self.market.currentData() or ""))

    def _set_aside(self) -> None:
        parcel = self.parcel.text().strip()
        self.set_aside_requested.emit(parcel, self.aside_reason.text())

    def _submit(self) -> None:
        text = self.code.text()
        self.code.clear()
        if text.strip():
            self.code_entered.emit(text)
