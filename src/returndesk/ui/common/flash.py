"""A short colour flash on the screen edge for every scan: green for good, red for not.

Listeners (the station's sounds) hear every flash, so sound and colour never disagree.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

GOOD = "#2e7d32"
BAD = "#c62828"
FLASH_MS = 350


class Flash:
    def __init__(self, target: QWidget) -> None:
        self._target = target
        self._timer = QTimer(target)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.colour: str | None = None
        self._listeners: list[Callable[[bool], None]] = []

    def listen(self, listener: Callable[[bool], None]) -> None:
        """``listener(good)`` is called on every flash."""
        self._listeners.append(listener)

    def good(self) -> None:
        self._show(GOOD)
        for listener in self._listeners:
            listener(True)

    def bad(self) -> None:
        self._show(BAD)
        for listener in self._listeners:
            listener(False)

    def _show(self, colour: str) -> None:
        self.colour = colour
        name = self._target.objectName() or "FlashTarget"
        self._target.setObjectName(name)
        self._target.setStyleSheet(f"#{name} {{ border: 8px solid {colour}; }}")
        self._timer.start(FLASH_MS)

    def clear(self) -> None:
        self.colour = None
        self._target.setStyleSheet("")
