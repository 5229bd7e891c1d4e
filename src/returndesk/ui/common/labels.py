"""The few widget shapes every station screen uses, made one way (names the theme styles)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit


def centred_label(text: str = "", style: str = "ScanHint", *, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setObjectName(style)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(wrap)
    return label


def code_input(placeholder: str) -> QLineEdit:
    """The big centred field a scan or a typed code lands in."""
    field = QLineEdit()
    field.setObjectName("CodeInput")
    field.setPlaceholderText(placeholder)
    field.setAlignment(Qt.AlignmentFlag.AlignCenter)
    field.setMinimumWidth(520)
    field.setMaximumWidth(700)
    return field
