"""The selected item's photos and WM Tech's advice, with Apply and Override.

Signals:
    apply_requested(): set the line from the advice
    override_requested(str): keep the operator's decision, for this reason code
    photo_requested(): take or import photos for the selected item
    parcel_photo_requested(): photos of the parcel itself (box, label, packing)
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from returndesk.core.ai_advice import Advice, Verdict
from returndesk.ui.common.i18n import format_money

OVERRIDE_REASONS = (
    "AI_WRONG_ITEM",
    "AI_DAMAGE_MISSED",
    "AI_DAMAGE_NOT_THERE",
    "POLICY_EXCEPTION",
    "PHOTO_UNCLEAR",
)


class AdvicePanel(QWidget):
    apply_requested = Signal()
    override_requested = Signal(str)
    photo_requested = Signal()
    parcel_photo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AdvicePanel")
        # the advice takes the full width (two lines at most); the buttons sit under it
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 4)
        self.text = QLabel()
        self.text.setObjectName("ScanHint")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        column.addWidget(self.text)
        layout = QHBoxLayout()
        layout.addStretch(1)
        column.addLayout(layout)
        self.photo = QPushButton(self.tr("Photo (F4)"))
        self.photo.clicked.connect(self.photo_requested.emit)
        self.parcel_photo = QPushButton(self.tr("Parcel photo (Shift+F4)"))
        self.parcel_photo.clicked.connect(self.parcel_photo_requested.emit)
        self.apply = QPushButton(self.tr("Apply advice"))
        self.apply.clicked.connect(self.apply_requested.emit)
        self.reason = QComboBox()
        self.reason.setPlaceholderText(self.tr("override reason"))
        self.override = QPushButton(self.tr("Override"))
        self.override.clicked.connect(self._override)
        for widget in (self.photo, self.parcel_photo, self.apply, self.reason, self.override):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scanner's Enter never clicks
            layout.addWidget(widget)
        self.set_reasons(OVERRIDE_REASONS)
        self.show_advice(None, None, photos=0, pending=False)

    def set_reasons(self, reasons: Sequence[str]) -> None:
        self.reason.clear()
        self.reason.addItems(list(reasons))
        self.reason.setCurrentIndex(-1)

    def show_advice(
        self,
        advice: Advice | None,
        verdict: Verdict | None,
        *,
        photos: int,
        pending: bool,
        currency: str = "",
    ) -> None:
        has_advice = advice is not None
        self.apply.setEnabled(advice is not None and advice.approves is not None)
        self.reason.setEnabled(has_advice)
        self.override.setEnabled(has_advice)
        if advice is None:
            if photos and pending:
                self.text.setText(
                    self.tr(
                        "{n} photo(s) — WM Tech's analysis is on its way; decide as usual."
                    ).format(n=photos)
                )
            elif photos:
                self.text.setText(self.tr("{n} photo(s) kept as evidence.").format(n=photos))
            else:
                self.text.setText(self.tr("No photo of this item yet."))
            return
        refund = (
            f"{format_money(advice.refund, advice.currency or currency)} {advice.currency or ''}"
            if advice.refund is not None
            else "—"
        )
        mismatch = (
            self.tr(" <b>(not this return's currency {c}: not converted)</b>").format(c=currency)
            if advice.currency and currency and advice.currency != currency
            else ""
        )
        done = ""
        if verdict is not None:
            done = (
                self.tr(" · <b>applied</b>")
                if verdict.action == "applied"
                else self.tr(" · <b>overridden</b> ({r})").format(r=verdict.override_reason)
            )
        self.text.setText(
            self.tr(
                "<b>AI: {decision}</b> ({confidence:.0f}%) — {reason} · "
                "suggested refund {refund}{mismatch} · rule {rule}{done}"
            ).format(
                decision=advice.decision,
                confidence=advice.confidence * 100,
                reason=advice.reason or "—",
                refund=refund,
                mismatch=mismatch,
                rule=advice.rule or "—",
                done=done,
            )
        )

    def _override(self) -> None:
        self.override_requested.emit(self.reason.currentText())
