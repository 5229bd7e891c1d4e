import tomllib
from decimal import Decimal

import pytest

from returndesk.settings.loader import (
    SettingsError,
    changed_values,
    environment_overrides,
    load_settings,
    save_changes,
)
from returndesk.settings.model import SCHEMA_VERSION, Settings


def write(tmp_path, text):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_gives_defaults_and_demo(tmp_path):
    settings = load_settings(tmp_path / "none.toml", {})
    assert settings == Settings()
    assert settings.vendors_configured() == []
    assert settings.market(None).currency == "SEK"


def test_file_then_environment_precedence(tmp_path):
    path = write(
        tmp_path,
        """
schema_version = 1
[station]
name = "Bench 4"
store_id = "STO-9"
market_code = "DE"
[nshift]
base_url = "https://staging.returnado.com/public-api/v3"
username = "bench4"
[markets.DE]
currency = "EUR"
tax_rate = 0.19
""",
    )
    env = {
        "RETURNDESK_STATION__NAME": "Bench 5",
        "RETURNDESK_NSHIFT__TIMEOUT_SECONDS": "12.5",
        "RETURNDESK_MARKETS__DE__TAX_RATE": "0.07",
        "RETURNDESK_STATION__KIOSK": "true",
        "RETURNDESK_CODES__CONDITIONS": '["NEW", "USED"]',
        "OTHER_VAR": "x",
    }
    settings = load_settings(path, env)
    assert settings.station.name == "Bench 5"
    assert settings.station.store_id == "STO-9"
    assert settings.nshift.timeout_seconds == 12.5
    assert settings.kiosk.enabled is True  # the old name of a moved setting still works
    assert settings.markets["DE"].tax_rate == Decimal("0.07")
    assert list(settings.markets) == ["DE"]
    assert settings.codes.conditions == ["NEW", "USED"]
    assert settings.vendors_configured() == ["nshift"]


def test_tax_rate_from_toml_is_exact(tmp_path):
    text = '[station]\nmarket_code = "FI"\n[markets.FI]\ncurrency = "EUR"\ntax_rate = 0.255\n'
    path = write(tmp_path, text)
    assert load_settings(path, {}).markets["FI"].tax_rate == Decimal("0.255")


@pytest.mark.parametrize(
    ("text", "env", "message"),
    [
        ('[nshift]\nbase_url = "http://example.com"\n', {}, "must start with https://"),
        ('[nshift]\nbase_url = "https://u:p@example.com"\n', {}, "credentials never go into a URL"),
        ("[station]\nunknown = 1\n", {}, "Extra inputs"),
        ("", {"RETURNDESK_STATION__NAME": ""}, "station.name"),
        ("", {"RETURNDESK_NOPE__X": "1"}, "nope"),
        ('[markets.XX]\ncurrency = "ABC"\ntax_rate = 0.1\n', {}, "unsupported currency ABC"),
        ('[markets.SE]\ncurrency = "SEK"\ntax_rate = 2\n', {}, "less than or equal to 1"),
        ("this is = = not toml", {}, "not valid TOML"),
        ("schema_version = 99\n", {}, "newer ReturnDesk"),
        ('[nshift]\npassword = "hunter2"\n', {}, "does not belong in the settings file"),
    ],
)
def test_invalid_settings_are_refused_with_a_clear_message(tmp_path, text, env, message):
    with pytest.raises(SettingsError, match=message) as caught:
        load_settings(write(tmp_path, text), env)
    assert "hunter2" not in str(caught.value)


def test_message_names_the_environment_variable(tmp_path):
    with pytest.raises(SettingsError, match="RETURNDESK_NSHIFT__TIMEOUT_SECONDS"):
        load_settings(tmp_path / "x.toml", {"RETURNDESK_NSHIFT__TIMEOUT_SECONDS": "-1"})


def test_loopback_http_allowed_for_the_sandbox(tmp_path):
    env = {"RETURNDESK_RETURNMATE__BASE_URL": "http://127.0.0.1:8765/returnmate/v1"}
    assert load_settings(tmp_path / "x.toml", env).returnmate.base_url.startswith("http://127")


def test_unversioned_file_is_migrated(tmp_path):
    settings = load_settings(write(tmp_path, '[station]\nname = "Old"\n'), {})
    assert settings.schema_version == SCHEMA_VERSION
    assert settings.station.name == "Old"


def test_save_round_trips_and_replaces_atomically(tmp_path):
    path = tmp_path / "conf" / "settings.toml"
    changes = {
        "station": {"name": "Bench ÅÄÖ", "market_code": "FI"},
        "markets": {"FI": {"currency": "EUR", "tax_rate": "0.255"}},
    }
    saved = save_changes(path, changes, {})
    assert load_settings(path, {}) == saved
    assert saved.station.name == "Bench ÅÄÖ"
    assert saved.markets["FI"].tax_rate == Decimal("0.255")
    assert not (path.parent / "settings.toml.tmp").exists()


def test_a_save_writes_what_the_file_had_and_what_changed_nothing_else(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('[station]\nname = "Bench 1"\n', encoding="utf-8")
    environ = {
        "RETURNDESK_NSHIFT__BASE_URL": "https://nshift.example.test/",
        "RETURNDESK_NSHIFT__USERNAME": "deploy-user",
    }
    saved = save_changes(path, {"station": {"sounds": False}}, environ)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    # the file format version, its own value and the change: no variable, no default
    assert data == {"schema_version": 2, "station": {"name": "Bench 1", "sounds": False}}
    assert saved.nshift.base_url.startswith("https://nshift.example.test")
    assert saved.station.sounds is False


def test_a_refused_change_writes_nothing(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('[station]\nname = "Bench 1"\n', encoding="utf-8")
    with pytest.raises(SettingsError):
        save_changes(path, {"station": {"market_code": "nowhere"}}, {})
    assert path.read_text(encoding="utf-8") == '[station]\nname = "Bench 1"\n'


def test_only_changed_keys_are_changes_and_overriding_variables_are_named():
    before = {"station": {"name": "A", "sounds": True}, "operators": ["Ada"]}
    after = {"station": {"name": "A", "sounds": False}, "operators": ["Ada", "Bo"]}
    changes = changed_values(before, after)
    assert changes == {"station": {"sounds": False}, "operators": ["Ada", "Bo"]}
    assert changed_values(before, before) == {}
    environ = {"RETURNDESK_STATION__SOUNDS": "true"}
    assert environment_overrides(changes, environ) == ["RETURNDESK_STATION__SOUNDS"]


def test_a_top_level_setting_comes_from_its_variable(tmp_path):
    """RETURNDESK_OPERATORS (no "__": operators is no section) is read, not ignored."""
    settings = load_settings(
        tmp_path / "none.toml",
        {"RETURNDESK_OPERATORS": '[{name = "Ada Lind", badge = "EMP-0042"}]'},
    )
    assert [(o.name, o.badge) for o in settings.operators] == [("Ada Lind", "EMP-0042")]


@pytest.mark.parametrize("name", ["RETURNDESK_STATION_NAME", "RETURNDESK_OPERATOR"])
def test_a_variable_that_is_no_setting_is_refused_not_ignored(tmp_path, name):
    with pytest.raises(SettingsError, match=f"{name} is not a setting"):
        load_settings(tmp_path / "none.toml", {name: "x"})


def test_the_station_s_other_variables_are_not_settings(tmp_path):
    env = {"RETURNDESK_LOG_LEVEL": "DEBUG", "RETURNDESK_VENV": "/opt/v"}
    assert load_settings(tmp_path / "none.toml", env) == load_settings(tmp_path / "none.toml", {})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[grading.rules]]\ndisposition = "restock"\nwhen = { grdae = ["A"] }\n',
            r"grading\.rules\.0\.when\.grdae: Extra inputs are not permitted",
        ),
        (
            '[[grading.rules]]\ndisposition = "shelf"\nwhen = { grade = ["A"] }\n',
            r"grading: rules\[0\]\.disposition: 'shelf' is not a listed disposition",
        ),
        ('[grading]\nrequire_grade = "yes"\n', r"grading\.require_grade: Input should be a valid"),
    ],
)
def test_a_refused_grading_section_names_the_bad_key(tmp_path, text, message):
    with pytest.raises(SettingsError, match=message):
        load_settings(write(tmp_path, text), {})


def test_a_grading_section_of_its_own_keeps_the_default_parts_it_leaves_out(tmp_path):
    text = '[grading]\nrequire_grade = true\n[[grading.dispositions]]\ncode = "quarantine"\n'
    text += 'label = "Hold"\ndestination = "CAGE-2"\n'
    text += '[[grading.rules]]\ndisposition = "quarantine"\nwhen = { grade = ["D"] }\n'
    grading = load_settings(write(tmp_path, text), {}).grading
    assert grading.require_grade
    assert [g.code for g in grading.grades] == ["A", "B", "C", "D"]
    assert grading.disposition("quarantine").destination == "CAGE-2"
