"""One feedback language for every outcome, readable at arm's length.

A success, a warning and a refusal differ in colour, icon, size and tone: a refusal is a large
white-on-red panel with ✗ that stays until the next scan or action replaces it; a warning is
amber with ⚠; a success green with ✓; anything else (a hint, "Looking up…") plain. The flash
on the screen's edge and the tone follow the same level (see :class:`~.flash.Flash`), so a
station without an audio device still shows each outcome unmistakably.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget


class Level(StrEnum):
    NOTE = "note"
    GOOD = "good"
    WARN = "warn"
    BAD = "bad"


ICONS = {Level.GOOD: "✓", Level.WARN: "⚠", Level.BAD: "✗"}


class FeedbackLine(QWidget):
    """A message with its level. ``text()``/``setText()`` work as on a label (``setText``
    is a plain note), so every screen's status line is one of these."""

    def __init__(self, *, centred: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Feedback")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.setSpacing(12)
        self.icon = QLabel()
        self.icon.setObjectName("FeedbackIcon")
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.label = QLabel()
        self.label.setObjectName("FeedbackText")
        self.label.setWordWrap(True)
        align = Qt.AlignmentFlag.AlignCenter if centred else Qt.AlignmentFlag.AlignLeft
        self.label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        self._text = ""
        self.level = Level.NOTE
        self._show("", Level.NOTE)

    # a label's interface: what the flows and tests already use
    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        self._show(text, Level.NOTE)

    def clear(self) -> None:
        self._show("", Level.NOTE)

    def good(self, text: str) -> None:
        self._show(text, Level.GOOD)

    def warn(self, text: str) -> None:
        self._show(text, Level.WARN)

    def bad(self, text: str) -> None:
        self._show(text, Level.BAD)

    def show_level(self, text: str, level: Level) -> None:
        self._show(text, level)

    def _show(self, text: str, level: Level) -> None:
        self._text = text
        self.level = level if text else Level.NOTE
        icon = ICONS.get(self.level, "")
        shown = text
        if icon and shown.startswith(icon):  # a message that carries its own icon
            shown = shown[len(icon) :].lstrip()
        self.icon.setText(icon)
        self.icon.setVisible(bool(icon))
        self.label.setText(shown)
        self.setProperty("level", self.level.value)
        self.style().unpolish(self)
        self.style().polish(self)
        for child in (self.icon, self.label):
            child.setProperty("level", self.level.value)
            child.style().unpolish(child)
            child.style().polish(child)
