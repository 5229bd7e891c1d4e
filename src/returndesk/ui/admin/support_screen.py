"""Support: what IT asks for first — the recent log, versions, folders, the queue — and a
one-click support bundle. The screen only shows; AdminFlow reads files in the background.

Signals:
    back(), refresh_clicked(), bundle_clicked()
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from returndesk.ui.common.feedback import FeedbackLine
from returndesk.ui.common.state_labels import state_labels


class SupportScreen(QWidget):
    #: a scanner's code is typed into the focused field here (see ScanRouter)
    takes_scanned_text = True
    back = Signal()
    refresh_clicked = Signal()
    bundle_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Support"))
        title.setObjectName("CaseTitle")
        layout.addWidget(title)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # the facts scroll where the screen is too low for them, never run under the log
        facts_area = QScrollArea()
        facts_area.setWidgetResizable(True)
        facts_area.setFrameShape(QFrame.Shape.NoFrame)
        facts_area.setWidget(self.facts)
        layout.addWidget(facts_area, 1)
        caption = QLabel(self.tr("Recent log"))
        caption.setObjectName("ScanHint")
        layout.addWidget(caption)
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        mono = QFont("DejaVu Sans Mono")
        mono.setPointSize(10)
        self.log.setFont(mono)
        layout.addWidget(self.log, 1)
        self.message = FeedbackLine(centred=False)
        self.message.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.bundle_button = QPushButton(self.tr("Save support bundle"))
        self.bundle_button.setObjectName("PrimaryButton")
        self.bundle_button.clicked.connect(self.bundle_clicked.emit)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh_clicked.emit)
        back = QPushButton(self.tr("Back (Esc)"))
        back.clicked.connect(self.back.emit)
        buttons.addWidget(self.bundle_button)
        buttons.addWidget(refresh)
        buttons.addStretch(1)
        buttons.addWidget(back)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back.emit)

    def scan_ignored(self) -> None:
        """A scan while Support is open goes nowhere: said, so no parcel is lost."""
        self.message.bad(self.tr("Scan ignored here — close Support first (Esc), then scan again."))

    def _labels(self) -> dict[str, str]:
        """The facts' names as support reads them here; the bundle keeps them in English."""
        return {
            "platform": self.tr("platform"),
            "frozen": self.tr("installed build"),
            "settings file": self.tr("settings file"),
            "data folder": self.tr("data folder"),
            "log folder": self.tr("log folder"),
            "oldest waiting since": self.tr("oldest waiting since"),
            "outbox": self.tr("outbox"),
            "not created yet": self.tr("not created yet"),
            "not installed": self.tr("not installed"),
            "True": self.tr("yes"),
            "False": self.tr("no"),
            **state_labels(),
        }

    def show_facts(self, facts: dict[str, dict[str, str]], log_text: str) -> None:
        labels = self._labels()

        def label(text: object) -> str:
            text = str(text)
            if text.startswith("attention "):
                return self.tr("needs attention {n}").format(n=text.removeprefix("attention "))
            return labels.get(text, text)

        parts = []
        for heading, values in facts.items():
            rows = "".join(
                f"<tr><td>{_html(label(k))}</td><td>&nbsp;&nbsp;{_html(label(v))}</td></tr>"
                for k, v in values.items()
            )
            parts.append(f"<b>{_html(heading)}</b><table>{rows}</table>")
        self.facts.setText(
            "<table><tr>"
            + "".join(f"<td style='padding-right:28px; vertical-align:top'>{p}</td>" for p in parts)
            + "</tr></table>"
        )
        self.log.setPlainText(log_text)
        bar = self.log.verticalScrollBar()
        bar.setValue(bar.maximum())


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
