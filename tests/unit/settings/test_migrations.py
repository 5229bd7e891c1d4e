import tomllib

import pytest

from returndesk.settings.loader import load_settings, save_changes
from returndesk.settings.migrations import MigrationError, migrate
from returndesk.settings.model import SCHEMA_VERSION

V1_FILE = """
schema_version = 1
[station]
name = "Bench 2"
kiosk = true
sounds = false
"""


def test_version_one_moves_kiosk_into_its_own_section(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text(V1_FILE, encoding="utf-8")
    settings = load_settings(path, {})
    assert SCHEMA_VERSION == 2
    assert settings.schema_version == 2
    assert settings.kiosk.enabled is True
    assert settings.kiosk.restart_on_crash is True
    assert settings.station.name == "Bench 2"
    assert settings.station.sounds is False
    # written back, the file is version 2 and says kiosk where version 2 has it
    save_changes(path, {}, {})
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 2
    assert "kiosk" not in data["station"]
    assert data["kiosk"]["enabled"] is True
    assert load_settings(path, {}) == settings


def test_a_kiosk_section_already_written_wins_over_the_old_key():
    data = migrate({"schema_version": 1, "station": {"kiosk": True}, "kiosk": {"enabled": False}})
    assert data["kiosk"] == {"enabled": False}
    assert "kiosk" not in data["station"]


def test_unversioned_files_pass_through_every_step():
    assert migrate({"station": {"kiosk": False}}) == {
        "schema_version": 2,
        "station": {},
        "kiosk": {"enabled": False},
    }


def test_the_old_variable_still_works_and_the_new_one_wins(tmp_path, caplog):
    path = tmp_path / "none.toml"
    assert load_settings(path, {"RETURNDESK_STATION__KIOSK": "true"}).kiosk.enabled
    both = {"RETURNDESK_STATION__KIOSK": "true", "RETURNDESK_KIOSK__ENABLED": "false"}
    assert not load_settings(path, both).kiosk.enabled
    assert "RETURNDESK_KIOSK__ENABLED" in caplog.text


@pytest.mark.parametrize("version", [-1, "2", 1.5])
def test_bad_versions_are_refused(version):
    with pytest.raises(MigrationError):
        migrate({"schema_version": version})
