"""Kiosk mode: closing the window needs the admin PIN; outside the kiosk it just closes."""

import pytest
from PySide6.QtWidgets import QApplication

from returndesk.settings.admin_pin import hash_pin
from returndesk.settings.model import Settings
from returndesk.ui.admin.kiosk import CloseGuard

pytestmark = pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) ", "This plugin does not support")


@pytest.fixture
def quits(monkeypatch):
    calls = []
    monkeypatch.setattr(QApplication, "quit", staticmethod(lambda: calls.append("quit")))
    return calls


def kiosk_settings():
    return Settings.model_validate(
        {"admin": {"pin_hash": hash_pin("6071")}, "station": {"sign_on": False}}
    )


def test_closing_the_kiosk_asks_for_the_pin(qtbot, make_admin, quits):
    _, window, _, _, admin, _ = make_admin(kiosk_settings())
    CloseGuard(window, admin.guard, kiosk=True)
    assert window.close() is False  # Alt+F4, the frame's button, Ctrl+Q: all refused here
    assert window.isVisible()
    dialog = admin.guard.dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Leave kiosk mode"
    for digit in "0000":
        dialog._key(digit)
    dialog._key("OK")
    assert quits == []
    assert window.isVisible()
    for digit in "6071":
        dialog._key(digit)
    dialog._key("OK")
    assert quits == ["quit"]
    assert window.close() is True  # once the PIN allowed it, the window may go


def test_outside_the_kiosk_the_window_closes(qtbot, make_admin, quits):
    _, window, _, _, admin, _ = make_admin(kiosk_settings())
    CloseGuard(window, admin.guard, kiosk=False)
    assert window.close() is True
    assert admin.guard.dialog is None
