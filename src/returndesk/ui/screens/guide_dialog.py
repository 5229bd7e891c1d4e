"""Guided grading: the item's yes/no questions one at a time, answered with 1 and 2 (or Y/J and N),
the big buttons, or the command sheet's Yes and No scanned; the answers give the grade.

Window-modal and never blocking the event loop; the scan router hands it the scans made while
it is open (``take_scan``). ``answered(list)`` carries the answers once the last is given;
Esc closes it without a grade.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from returndesk.core.disposition import Guide
from returndesk.scanning.commands import PREFIX, Action
from returndesk.ui.common.i18n import default_word


class GuideDialog(QDialog):
    answered = Signal(list)

    def __init__(self, guide: Guide, item: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("GuideDialog")
        self.setWindowTitle(self.tr("Grade {item}").format(item=item))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.guide = guide
        self.answers: list[bool] = []
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Grade {item}").format(item=item))
        title.setObjectName("CaseTitle")
        layout.addWidget(title)
        self.step = QLabel()
        self.step.setObjectName("ScanHint")
        layout.addWidget(self.step)
        self.question = QLabel()
        self.question.setObjectName("GuideQuestion")
        self.question.setWordWrap(True)
        self.question.setMinimumWidth(560)
        layout.addWidget(self.question)
        buttons = QHBoxLayout()
        self.yes = QPushButton(self.tr("1 · Yes"))
        self.yes.setObjectName("PrimaryButton")
        self.yes.clicked.connect(lambda: self.answer(True))
        self.no = QPushButton(self.tr("2 · No"))
        self.no.clicked.connect(lambda: self.answer(False))
        for button in (self.yes, self.no):
            button.setMinimumHeight(72)  # a gloved finger's target
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter must not answer by itself
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.hint = QLabel(
            self.tr("Keys 1 and 2 (or Y and N), or scan Yes or No on the command sheet. Esc: stop.")
        )
        self.hint.setObjectName("ScanHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self._show()

    def _show(self) -> None:
        n = len(self.answers)
        self.step.setText(
            self.tr("Question {n} of {m}").format(n=n + 1, m=len(self.guide.questions))
        )
        self.question.setText(default_word(self.guide.questions[n].ask))

    def answer(self, yes: bool) -> None:
        self.answers.append(yes)
        if len(self.answers) == len(self.guide.questions):
            self.answered.emit(list(self.answers))
            self.accept()
            return
        self._show()

    def take_scan(self, text: str) -> bool:
        """A scan while the questions are open: Yes or No from the command sheet; anything
        else is refused here (said), never passed to the screen behind."""
        code = text.strip().upper()
        if code == PREFIX + Action.YES.value:
            self.answer(True)
            return True
        if code == PREFIX + Action.NO.value:
            self.answer(False)
            return True
        self.hint.setText(
            self.tr("{code} is not an answer: scan Yes or No, or press 1 or 2.").format(code=code)
        )
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        # Y, and J for the "ja" of the station's other languages
        if key in (Qt.Key.Key_1, Qt.Key.Key_Y, Qt.Key.Key_J):
            self.answer(True)
        elif key in (Qt.Key.Key_2, Qt.Key.Key_N):
            self.answer(False)
        else:
            super().keyPressEvent(event)
