"""The support view and its one-click bundle."""

import zipfile

import pytest

from returndesk.settings.model import Settings
from returndesk.settings.secrets import NSHIFT_PASSWORD, SecretStore
from returndesk.support.logs import LOG_NAME
from returndesk.support.redact import Redactor
from tests.ui.conftest import MemoryKeyring

pytestmark = pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) ", "This plugin does not support")

SECRET = "Pw-canary-support-3be9"


def test_support_shows_versions_paths_queue_and_log_and_writes_a_clean_bundle(make_admin):
    keyring = MemoryKeyring()
    secrets = SecretStore({}, keyring)
    secrets.set(NSHIFT_PASSWORD, SECRET)
    station, window, _, _, admin, _ = make_admin(
        Settings.model_validate({"station": {"sign_on": False}}), secrets
    )
    admin._redactor = Redactor([SECRET])
    station.paths.log_dir.mkdir(parents=True)
    (station.paths.log_dir / LOG_NAME).write_text(f"09:00 INFO started\n09:01 ERROR {SECRET}\n")
    admin.open_support()
    support = admin.support
    assert window.screens.currentWidget() is support
    facts = support.facts.text()
    for name in ("ReturnDesk", "Qt", "PySide6-Essentials"):
        assert name in facts
    assert str(station.paths.data_dir) in facts
    # the station's share of ReturnMate's quota (the Starter plan's, by default)
    assert "Today (UTC)" in facts
    assert "0 of 10000" in facts
    assert "started" in support.log.toPlainText()
    assert SECRET not in support.log.toPlainText()
    support.bundle_button.click()
    message = support.message.text()
    assert message.startswith("Support bundle written to ")
    path = message.removeprefix("Support bundle written to ")
    with zipfile.ZipFile(path) as bundle:
        texts = [bundle.read(name).decode() for name in bundle.namelist()]
        assert f"logs/{LOG_NAME}" in bundle.namelist()
    assert all(SECRET not in text for text in texts)
    support.back.emit()
    assert window.screens.currentWidget() is window.ready


def test_a_scan_on_support_is_said_to_be_ignored_and_support_stays(qtbot, make_admin):
    from returndesk.scanning.normaliser import RawScan

    _, window, _, router, admin, _ = make_admin(
        Settings.model_validate({"station": {"sign_on": False}})
    )
    cues = []
    window.sounds.cue.connect(cues.append)
    admin.open_support()
    qtbot.waitUntil(lambda: window.screens.currentWidget() is admin.support)
    router.receive(RawScan("RMA-2026-000001\r", "wedge"))
    assert window.screens.currentWidget() is admin.support  # no lookup behind its back
    assert "Scan ignored here" in admin.support.message.text()
    assert admin.support.message.level == "bad"
    assert cues == ["bad"]
