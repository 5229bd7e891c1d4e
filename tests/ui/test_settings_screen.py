"""The Settings screen: every group validated, nothing invalid saved, secrets to the keyring."""

import tomllib

import keyring.backends.fail
import pytest

from returndesk.sandbox.app import DEMO_CREDENTIALS
from returndesk.sandbox.urls import SandboxUrls
from returndesk.settings.admin_pin import hash_pin
from returndesk.settings.loader import load_settings
from returndesk.settings.model import Settings
from returndesk.settings.secrets import (
    NSHIFT_PASSWORD,
    RETURNMATE_API_KEY,
    SERVICE,
    WMTECH_API_KEY,
    SecretStore,
)
from tests.canary import CANARY
from tests.ui.conftest import MemoryKeyring

pytestmark = pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) ", "This plugin does not support")

NO_SIGN_ON = Settings.model_validate({"station": {"sign_on": False}})


@pytest.fixture
def keyring_backend():
    return MemoryKeyring()


@pytest.fixture
def opened(make_admin, keyring_backend):
    station, window, _, _, admin, _ = make_admin(NO_SIGN_ON, SecretStore({}, keyring_backend))
    admin.open_settings()
    assert window.screens.currentWidget() is admin.settings_screen
    return station, window, admin, admin.settings_screen


def field(screen, key):
    return screen.fields[key]


def set_text(screen, key, text):
    widget = field(screen, key)
    if hasattr(widget, "line"):
        widget.line.setText(text)
    elif hasattr(widget, "combo"):
        widget.combo.setEditText(text)
    else:
        widget.text.setPlainText(text)


# one refused value in every group of the screen, each with the message under its field
INVALID = [
    ("station.name", "", "at least 1 character"),
    ("station.store_id", " ", "at least 1 character"),
    ("nshift.base_url", "http://returns.example.com/v3", "must start with https://"),
    ("returnmate.base_url", "https://user:pw@api.returnmate.io/v1", "credentials never go"),
    ("wmtech.timeout_seconds", "-3", "greater than 0"),
    ("photos.long_edge", "big", "valid integer"),
    ("photos.max_bytes", "99999999", "less than or equal to"),
    ("scanner.wedge.max_gap_ms", "2", "greater than or equal to 5"),
    ("scanner.serial.baud", "12", "greater than or equal to 300"),
    ("scanner.parse.dedupe_ms", "-1", "greater than or equal to 0"),
    ("outbox.nshift_per_minute", "1.5", "valid integer"),
]


@pytest.mark.parametrize(("key", "text", "message"), INVALID)
def test_a_refused_value_is_shown_under_its_field_and_nothing_is_saved(
    opened, tmp_path, key, text, message
):
    station, _, _admin, screen = opened
    set_text(screen, key, text)
    screen.save_button.click()
    error = field(screen, key).error
    assert error.isVisibleTo(screen)
    assert message in error.text()
    assert screen.tabs.currentIndex() == screen._tab_of[key]
    assert "Not saved" in screen.message.text()
    assert not station.paths.config_file.exists()


def test_markets_codes_operators_and_photo_rules_are_checked(opened):
    station, _, _admin, screen = opened
    markets = field(screen, "markets")
    markets.add_row({"code": "NO", "currency": "NOK", "tax_rate": "2.5"})
    set_text(screen, "codes.reasons", "")
    field(screen, "operators").add_row({"name": "A", "badge": ""})
    photos = field(screen, "photos.store")
    photos.combo.setCurrentIndex(photos.combo.findData("folder"))
    screen.save_button.click()
    assert "less than or equal to 1" in markets.error.text()
    assert "at least one code" in field(screen, "codes.reasons").error.text()
    assert "at least 2 characters" in field(screen, "operators").error.text()
    assert "needs folder and public_base_url" in field(screen, "photos.store").error.text()
    assert not station.paths.config_file.exists()


def test_valid_settings_are_saved_atomically_and_secrets_go_to_the_keyring(
    opened, keyring_backend, sandbox_server
):
    station, _, admin, screen = opened
    urls = SandboxUrls.at(sandbox_server.origin)
    set_text(screen, "station.name", "Bench 7")
    field(screen, "station.language").combo.setCurrentIndex(1)  # Svenska
    set_text(screen, "nshift.base_url", urls.nshift)
    set_text(screen, "nshift.username", DEMO_CREDENTIALS["nshift_username"])
    screen.secret_fields[NSHIFT_PASSWORD].line.setText(DEMO_CREDENTIALS["nshift_password"])
    set_text(screen, "returnmate.base_url", urls.returnmate)
    screen.secret_fields[RETURNMATE_API_KEY].line.setText(DEMO_CREDENTIALS["returnmate_api_key"])
    set_text(screen, "wmtech.base_url", urls.wmtech)
    screen.secret_fields[WMTECH_API_KEY].line.setText("wmtech_test_" + CANARY)
    set_text(screen, "codes.conditions", "NEW\nUSED\n\nDAMAGED")
    field(screen, "operators").add_row({"name": "Ada Lind", "badge": "EMP-1"})
    field(screen, "kiosk.enabled").box.setChecked(True)
    screen.save_button.click()
    path = station.paths.config_file
    assert "Saved to" in screen.message.text(), screen.message.text()
    assert screen.restart_button.isVisibleTo(screen)
    saved = load_settings(path, {})
    assert saved.station.name == "Bench 7"
    assert saved.station.language == "sv"
    assert saved.nshift.base_url == urls.nshift
    assert saved.codes.conditions == ["NEW", "USED", "DAMAGED"]
    assert saved.operators[0].badge == "EMP-1"
    assert saved.kiosk.enabled
    text = path.read_text(encoding="utf-8")
    assert DEMO_CREDENTIALS["nshift_password"] not in text
    assert CANARY not in text
    assert keyring_backend.items[(SERVICE, "wmtech.api_key")] == "wmtech_test_" + CANARY
    assert "password" not in tomllib.loads(text)["nshift"]
    assert not path.with_name(path.name + ".tmp").exists()
    assert (
        keyring_backend.items[(SERVICE, "nshift.password")] == DEMO_CREDENTIALS["nshift_password"]
    )
    # the fields are empty again and say where the secret is
    assert screen.secret_fields[NSHIFT_PASSWORD].line.text() == ""
    assert "stored in the keyring" in screen.secret_fields[NSHIFT_PASSWORD].hint.text()
    restarts = []
    admin.restart_requested.connect(lambda: restarts.append(True))
    screen.restart_button.click()
    assert restarts == [True]


def test_a_configuration_the_station_could_not_start_with_is_not_saved(opened):
    station, _, _, screen = opened
    set_text(screen, "nshift.base_url", "https://staging.returnado.com/public-api/v3")
    set_text(screen, "nshift.username", "bench-1")
    set_text(screen, "returnmate.base_url", "https://api.returnmate.io/v1")
    screen.save_button.click()
    message = screen.message.text()
    assert message.startswith("Not saved: the station is not fully configured")
    assert "ReturnMate API key" in message
    assert "nShift password" in message
    assert not station.paths.config_file.exists()


def test_an_insecure_keyring_is_refused_and_nothing_is_saved(make_admin):
    station, _window, _, _, admin, _ = make_admin(
        NO_SIGN_ON, SecretStore({}, keyring.backends.fail.Keyring())
    )
    admin.open_settings()
    screen = admin.settings_screen
    screen.secret_fields[WMTECH_API_KEY].line.setText("wmtech_test_" + CANARY)
    screen.save_button.click()
    message = screen.message.text()
    assert "does not protect secrets" in message
    assert "RETURNDESK_WMTECH__API_KEY" in message
    assert CANARY not in message
    assert not station.paths.config_file.exists()


def test_secrets_from_the_environment_are_named(make_admin):
    secrets = SecretStore({"RETURNDESK_NSHIFT__PASSWORD": "from-env"}, MemoryKeyring())
    _, _, _, _, admin, _ = make_admin(NO_SIGN_ON, secrets)
    admin.open_settings()
    hint = admin.settings_screen.secret_fields[NSHIFT_PASSWORD].hint.text()
    assert hint.startswith("set by RETURNDESK_NSHIFT__PASSWORD")
    assert "from-env" not in hint


def test_connection_tests_show_the_exact_result(opened, sandbox_server):
    _, _, _admin, screen = opened
    urls = SandboxUrls.at(sandbox_server.origin)
    set_text(screen, "wmtech.base_url", urls.wmtech)
    screen.secret_fields[WMTECH_API_KEY].line.setText(DEMO_CREDENTIALS["wmtech_api_key"])
    set_text(screen, "returnmate.base_url", urls.returnmate)
    screen.secret_fields[RETURNMATE_API_KEY].line.setText(CANARY)  # a wrong key
    screen.test_clicked.emit("wmtech")
    screen.test_clicked.emit("returnmate")
    assert screen.test_results["wmtech"].text().startswith("✓ WM Tech answered HTTP 400")
    wrong = screen.test_results["returnmate"].text()
    assert wrong.startswith("✗ Credentials refused")
    assert "HTTP 401" in wrong
    assert CANARY not in wrong
    screen.test_clicked.emit("nshift")
    assert screen.test_results["nshift"].text() == "✗ Enter the base URL first."


def test_code_lists_import_and_export_as_csv(opened, tmp_path):
    _, _, admin, screen = opened
    source = tmp_path / "reasons.csv"
    source.write_text("code,description\nTOO_BIG,Too big\nTOO_SMALL,Too small\n")
    admin.import_codes("reasons", source)
    assert field(screen, "codes.reasons").value() == ["TOO_BIG", "TOO_SMALL"]
    assert "2 codes read from reasons.csv" in screen.message.text()
    admin.import_codes("conditions", tmp_path / "missing.csv")
    assert "missing.csv was not imported" in screen.message.text()
    target = tmp_path / "out" / "reasons.csv"
    target.parent.mkdir()
    admin.export_codes("reasons", target)
    assert target.read_text() == "code\nTOO_BIG\nTOO_SMALL\n"


def test_a_new_pin_is_saved_and_then_asked_for(qtbot, opened):
    station, window, admin, screen = opened
    assert window.banner.isVisibleTo(window)
    assert "No admin PIN is set" in window.banner.label.text()
    admin._pin_chosen(hash_pin("3571"))
    assert "Save to keep it" in screen.pin_state.text()
    screen.save_button.click()
    saved = load_settings(station.paths.config_file, {})
    assert saved.admin.pin_hash.startswith("scrypt$")
    assert not window.banner.isVisibleTo(window)  # no longer true, no longer said
    window.show_screen(window.ready)
    admin.open_settings()
    assert admin.guard.dialog is not None  # from now on the PIN is asked for


def test_a_scan_on_settings_is_text_for_the_field_not_a_parcel(qtbot, make_admin):
    from returndesk.scanning.normaliser import RawScan

    _, window, _, router, admin, _ = make_admin(NO_SIGN_ON)
    admin.open_settings()
    screen = admin.settings_screen
    screen.tabs.setCurrentIndex(screen._tab_of["nshift.username"])
    line = field(screen, "nshift.username").line
    window.activateWindow()
    qtbot.waitActive(window)
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    router.receive(RawScan("RMA-2026-000001\r", "wedge"))
    assert window.screens.currentWidget() is screen  # nothing typed is lost to a lookup
    assert line.text() == "RMA-2026-000001"


def test_a_scan_on_settings_with_no_text_field_is_said_to_be_ignored(qtbot, make_admin):
    from returndesk.scanning.normaliser import RawScan

    _, window, _, router, admin, _ = make_admin(NO_SIGN_ON)
    cues = []
    window.sounds.cue.connect(cues.append)
    admin.open_settings()
    screen = admin.settings_screen
    window.activateWindow()
    qtbot.waitActive(window)
    screen.save_button.setFocus()
    qtbot.waitUntil(screen.save_button.hasFocus)
    router.receive(RawScan("RMA-2026-000001\r", "wedge"))
    assert window.screens.currentWidget() is screen
    assert "Scan ignored here" in screen.message.text()
    assert cues == ["bad"]


def test_a_save_writes_neither_the_environment_nor_untouched_defaults(
    make_admin, keyring_backend, monkeypatch, sandbox_server
):
    urls = SandboxUrls.at(sandbox_server.origin)
    deployed = {"nshift": urls.nshift, "returnmate": urls.returnmate, "wmtech": urls.wmtech}
    for vendor, url in deployed.items():  # a deployment sets the vendors' addresses
        monkeypatch.setenv(f"RETURNDESK_{vendor.upper()}__BASE_URL", url)
    settings = Settings.model_validate(
        {"station": {"sign_on": False}, **{v: {"base_url": u} for v, u in deployed.items()}}
    )
    station, _, _, _, admin, _ = make_admin(settings, SecretStore({}, keyring_backend))
    station.paths.config_file.write_text("[station]\nsign_on = false\n", encoding="utf-8")
    admin.open_settings()
    screen = admin.settings_screen
    set_text(screen, "station.name", "Bench 9")
    set_text(screen, "nshift.username", DEMO_CREDENTIALS["nshift_username"])
    screen.secret_fields[NSHIFT_PASSWORD].line.setText(DEMO_CREDENTIALS["nshift_password"])
    screen.secret_fields[RETURNMATE_API_KEY].line.setText(DEMO_CREDENTIALS["returnmate_api_key"])
    screen.save_button.click()
    assert "Saved to" in screen.message.text(), screen.message.text()
    data = tomllib.loads(station.paths.config_file.read_text(encoding="utf-8"))
    assert data["station"] == {"sign_on": False, "name": "Bench 9"}
    # the deployment's variables are not frozen into the file (the username was typed)
    assert data["nshift"] == {"username": DEMO_CREDENTIALS["nshift_username"]}
    assert "returnmate" not in data
    assert "wmtech" not in data
    assert "markets" not in data  # nor are the defaults (tax rates) of this version
