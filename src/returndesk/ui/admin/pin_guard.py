"""What needs the admin PIN (Settings, Support, leaving the kiosk) asks here.

One :class:`PinGate` serves the whole station, so wrong tries in one place count everywhere.
A station without a PIN yet (first setup) lets the admin in and says so in the banner.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from returndesk.settings.admin_pin import PinGate
from returndesk.ui.admin.pin_dialog import PinDialog

log = logging.getLogger(__name__)


class AdminGuard(QObject):
    """Signals: pin_missing(): asked for the PIN while none is set (the banner says so)."""

    pin_missing = Signal()

    def __init__(self, pin_hash: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.gate = PinGate(pin_hash) if pin_hash else None
        self.dialog: PinDialog | None = None

    def set_pin_hash(self, pin_hash: str) -> None:
        """A new PIN was saved: it counts from now on (the lock state starts afresh)."""
        self.gate = PinGate(pin_hash) if pin_hash else None

    def request(
        self,
        title: str,
        parent: QWidget,
        on_granted: Callable[[], None],
        *,
        what: str = "admin screen",
    ) -> None:
        """``title`` is shown on the prompt (translated); ``what`` names it in the log, which
        stays English whatever the station's language."""
        if self.gate is None:
            log.warning("%s opened without an admin PIN: none is set yet", what)
            self.pin_missing.emit()
            on_granted()
            return
        if self.dialog is not None:  # one prompt at a time
            self.dialog.raise_()
            return
        dialog = PinDialog.check(self.gate, title, parent)
        dialog.granted.connect(on_granted)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: PinDialog) -> None:
        self.dialog = None
        dialog.deleteLater()
