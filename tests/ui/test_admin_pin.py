"""Settings and Support open only with the admin PIN; five wrong PINs lock for a minute."""

import pytest

from returndesk.settings.admin_pin import LOCKOUT_SECONDS, PinGate, hash_pin
from returndesk.settings.model import Settings
from tests.clock import Clock

pytestmark = pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) ", "This plugin does not support")

PIN = "4826"


@pytest.fixture(scope="module")
def pin_hash():
    return hash_pin(PIN)


def at_ready(pin_hash):
    return Settings.model_validate({"admin": {"pin_hash": pin_hash}, "station": {"sign_on": False}})


def type_pin(dialog, pin):
    for digit in pin:
        dialog._key(digit)
    dialog._key("OK")


def test_settings_need_the_pin(qtbot, make_admin, pin_hash):
    settings = at_ready(pin_hash)
    _, window, _, _, admin, _ = make_admin(settings)
    admin.open_settings()
    dialog = admin.guard.dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert window.screens.currentWidget() is window.ready  # nothing shown before the PIN
    type_pin(dialog, "1111")
    assert "Wrong PIN. 4 tries left" in dialog.message.text()
    assert window.screens.currentWidget() is window.ready
    type_pin(dialog, PIN)
    assert not dialog.isVisible()
    assert window.screens.currentWidget() is admin.settings_screen
    assert admin.settings_screen.pin_state.text() == "set"


def test_five_wrong_pins_lock_the_prompt_for_a_minute(qtbot, make_admin, pin_hash):
    settings = at_ready(pin_hash)
    _, window, _, _, admin, _ = make_admin(settings)
    clock = Clock(50.0)
    admin.guard.gate = PinGate(pin_hash, clock=clock)
    admin.open_support()
    dialog = admin.guard.dialog
    for _ in range(5):
        type_pin(dialog, "9999")
    assert "Too many wrong PINs. Try again in 60 s." in dialog.message.text()
    assert not dialog.field.isEnabled()
    type_pin(dialog, PIN)  # the right PIN, but locked: refused
    assert window.screens.currentWidget() is window.ready
    # the lock counts down on screen and ends by itself
    clock.now += LOCKOUT_SECONDS - 10
    dialog._show_lock()
    assert "Try again in 10 s." in dialog.message.text()
    clock.now += 10
    dialog._show_lock()
    assert dialog.field.isEnabled()
    assert dialog.message.text() == ""
    type_pin(dialog, PIN)
    assert window.screens.currentWidget() is admin.support


def test_the_lock_holds_across_prompts(qtbot, make_admin, pin_hash):
    settings = at_ready(pin_hash)
    _, window, _, _, admin, _ = make_admin(settings)
    admin.guard.gate = PinGate(pin_hash, clock=Clock(50.0))
    admin.open_settings()
    for _ in range(5):
        type_pin(admin.guard.dialog, "0000")
    admin.guard.dialog.reject()
    admin.open_support()  # a new prompt elsewhere: still locked
    type_pin(admin.guard.dialog, PIN)
    assert window.screens.currentWidget() is window.ready


def test_only_digits_reach_the_field(qtbot, make_admin, pin_hash):
    settings = Settings.model_validate({"admin": {"pin_hash": pin_hash}})
    _, _, _, _, admin, _ = make_admin(settings)
    admin.open_settings()
    dialog = admin.guard.dialog
    qtbot.keyClicks(dialog.field, "4a8-2 6")
    assert dialog.field.text() == "4826"


def test_without_a_pin_the_first_admin_gets_in_and_is_told(qtbot, make_admin):
    _, window, _, _, admin, _ = make_admin(Settings.model_validate({"station": {"sign_on": False}}))
    admin.open_settings()
    assert window.screens.currentWidget() is admin.settings_screen
    assert "No admin PIN is set" in window.banner.label.text()
    assert admin.settings_screen.pin_state.text().startswith("not set")


def test_choosing_a_new_pin_needs_it_twice(qtbot, make_admin):
    from returndesk.ui.admin.pin_dialog import PinDialog

    dialog = PinDialog.choose("New admin PIN")
    qtbot.addWidget(dialog)
    chosen = []
    dialog.chosen.connect(chosen.append)
    type_pin(dialog, "1234")
    assert "a run like 1234" in dialog.message.text()
    type_pin(dialog, "5927")
    assert "same PIN again" in dialog.prompt.text()
    type_pin(dialog, "5928")
    assert "differ" in dialog.message.text()
    type_pin(dialog, "5927")
    type_pin(dialog, "5927")
    (stored,) = chosen
    assert PinGate(stored).attempt("5927").accepted


def test_a_weak_new_pin_is_refused_in_the_station_language(qtbot):
    from returndesk.ui.admin.pin_dialog import PinDialog
    from returndesk.ui.common.i18n import install_language

    install_language("de")
    try:
        dialog = PinDialog.choose("New admin PIN")
        qtbot.addWidget(dialog)
        type_pin(dialog, "1111")
        # the core's sentence, translated, starting with a capital and keeping "PIN"
        assert dialog.message.text() == (
            "Eine PIN wählen, die keine wiederholte Ziffer und keine Folge wie 1234 ist."
        )
    finally:
        install_language("en")


def test_a_scan_while_the_pin_is_asked_for_opens_nothing_behind_it(qtbot, make_admin, pin_hash):
    from returndesk.scanning.normaliser import RawScan

    _, window, _, router, admin, _ = make_admin(at_ready(pin_hash))
    cues = []
    window.sounds.cue.connect(cues.append)
    admin.open_settings()
    dialog = admin.guard.dialog
    assert dialog is not None
    assert dialog.isVisible()
    router.receive(RawScan("RMA-2026-000001\r", "wedge"))
    assert window.screens.currentWidget() is window.ready  # no return opened behind it
    assert "Scan ignored" in dialog.message.text()
    assert cues == ["bad"]


def test_the_log_names_the_screen_in_english_whatever_the_language(qtbot, make_admin, caplog):
    import logging

    from returndesk.ui.common.i18n import install_language

    install_language("de")
    try:
        _, _, _, _, admin, _ = make_admin(at_ready(""))
        with caplog.at_level(logging.WARNING):
            admin.open_settings()
    finally:
        install_language("en")
    assert "Settings opened without an admin PIN" in caplog.text
    assert "Einstellungen" not in caplog.text
