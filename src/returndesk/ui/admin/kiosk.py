"""Kiosk mode: full screen, no window frame, and leaving needs the admin PIN.

Closing the window (the frame's button, Alt+F4, the window manager) and Ctrl+Q all come here.
Outside kiosk mode they close the station at once. What a desktop shell does before the window
sees a key (Alt+Tab, the Windows key) cannot be stopped by an application; a kiosk session
removes those shortcuts (see ``packaging/kiosk/``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow

from returndesk.ui.admin.pin_guard import AdminGuard

log = logging.getLogger(__name__)


class CloseGuard(QObject):
    def __init__(self, window: QMainWindow, guard: AdminGuard, *, kiosk: bool) -> None:
        super().__init__(window)
        self._window = window
        self._guard = guard
        self.kiosk = kiosk
        self._leaving = False
        window.installEventFilter(self)
        QShortcut(QKeySequence("Ctrl+Q"), window, window.close)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Close:
            if not self.kiosk or self._leaving:
                return False
            assert isinstance(event, QCloseEvent)
            event.ignore()
            log.info("leaving the kiosk was asked for; the admin PIN decides")
            self._guard.request(
                self.tr("Leave kiosk mode"), self._window, self.leave, what="Leaving kiosk mode"
            )
            return True
        return False

    def leave(self) -> None:
        """End the station: after the admin PIN, or when the system asks (SIGTERM)."""
        log.info("the station is closing")
        self._leaving = True
        app = QApplication.instance()
        if app is not None:
            app.quit()


def enter_kiosk(window: QMainWindow) -> None:
    window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
    window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
    screen = window.screen()
    if screen is not None:
        # a kiosk session may have no window manager to act on the full-screen request
        window.setGeometry(screen.geometry())
    window.showFullScreen()
