"""A colour flash on the screen's edge for every outcome: green, amber or red.

Listeners (the station's sounds) hear every flash, so sound and colour never disagree. A
refusal's flash lasts longest; its message stays on the screen's feedback line anyway (see
:mod:`~returndesk.ui.common.feedback`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from returndesk.ui.common.feedback import Level

GOOD = "#2e7d32"
WARN = "#ffb300"
BAD = "#c62828"
COLOURS = {Level.GOOD: GOOD, Level.WARN: WARN, Level.BAD: BAD}
#: how long each level's border stays: a refusal long enough to be seen from the side
FLASH_MS = {Level.GOOD: 350, Level.WARN: 700, Level.BAD: 1200}


class Flash:
    def __init__(self, target: QWidget) -> None:
        self._target = target
        self._timer = QTimer(target)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        self.colour: str | None = None
        self._listeners: list[Callable[[Level], None]] = []

    def listen(self, listener: Callable[[Level], None]) -> None:
        """``listener(level)`` is called on every flash."""
        self._listeners.append(listener)

    def good(self) -> None:
        self.show(Level.GOOD)

    def warn(self) -> None:
        self.show(Level.WARN)

    def bad(self) -> None:
        self.show(Level.BAD)

    def show(self, level: Level) -> None:
        colour = COLOURS.get(level)
        if colour is None:
            return
        self.colour = colour
        name = self._target.objectName() or "FlashTarget"
        self._target.setObjectName(name)
        self._target.setStyleSheet(f"#{name} {{ border: 8px solid {colour}; }}")
        self._timer.start(FLASH_MS[level])
        for listener in self._listeners:
            listener(level)

    def clear(self) -> None:
        self.colour = None
        self._target.setStyleSheet("")
