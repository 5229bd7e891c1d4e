"""The connection: the station's role and password, the schema's version, and what is said
when the database is away (the server named, never the password)."""

from __future__ import annotations

import pytest

from returndesk.fleet.database import FleetDatabase, FleetTarget
from returndesk.fleet.errors import FleetUnavailable
from returndesk.fleet.schema import SCHEMA_VERSION, current_version, migrate
from returndesk.settings.fleet import FleetSettings
from returndesk.settings.secrets import FLEET_PASSWORD, SecretStore
from tests.postgres import STATION_PASSWORD, free_port
from tests.unit.fleet.helpers import station_db


def test_the_station_role_connects_with_the_password_from_the_environment(postgres):
    db = station_db(postgres, "Receiving 1")
    assert db.run(lambda conn: conn.execute("SELECT current_user").fetchone()[0]) == "rd_station"
    db.close()


def test_a_wrong_password_is_said_without_the_password(postgres):
    settings = FleetSettings(database_url=postgres.url())
    secrets = SecretStore({FLEET_PASSWORD.env_var: "not-the-password-x9"})
    db = FleetDatabase(FleetTarget.of(settings, "Receiving 1", secrets))
    with pytest.raises(FleetUnavailable) as away:
        db.run(lambda conn: None)
    assert "rd_station@127.0.0.1" in str(away.value)
    assert "refuses the login" in str(away.value)
    assert "RETURNDESK_FLEET__PASSWORD" in str(away.value)
    assert "not-the-password-x9" not in str(away.value)
    assert STATION_PASSWORD not in FleetTarget.of(settings, "x", secrets).shown


def test_nothing_listening_is_unavailable_and_the_next_call_connects_again(postgres):
    settings = FleetSettings(database_url=f"postgresql://rd_station@127.0.0.1:{free_port()}/x")
    db = FleetDatabase(FleetTarget.of(settings, "Receiving 1", SecretStore({})))
    with pytest.raises(FleetUnavailable, match="does not answer"):
        db.run(lambda conn: None)
    assert db.problem is not None


def test_the_station_role_cannot_change_the_schema_or_a_receipt(postgres):
    import psycopg

    with postgres.connect("rd_station") as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("CREATE TABLE mine (x int)")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM receipts")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE receipts SET station = 'x'")


def test_migrate_is_versioned_and_a_second_run_applies_nothing(postgres):
    with postgres.connect() as conn:
        assert current_version(conn) == SCHEMA_VERSION
        assert migrate(conn) == []


def test_a_database_of_another_schema_version_is_refused_with_what_to_do(postgres):
    with postgres.connect() as conn:
        conn.execute("INSERT INTO fleet_schema VALUES (%s, 'future')", (SCHEMA_VERSION + 1,))
    try:
        db = station_db(postgres, "Receiving 1")
        with pytest.raises(FleetUnavailable, match="newer than this station"):
            db.run(lambda conn: None)
    finally:
        with postgres.connect() as conn:
            conn.execute("DELETE FROM fleet_schema WHERE version > %s", (SCHEMA_VERSION,))


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("postgresql://rd:secret@db.example/returndesk", "password never goes into the URL"),
        ("postgresql://rd@db.example/returndesk?sslmode=require", "does not check the server"),
        ("postgresql://rd@db.example/", "name the database"),
        ("postgresql://rd@db.example/rd?nonsense=1", "not a PostgreSQL connection string"),
    ],
)
def test_unsafe_or_unusable_urls_are_refused_with_the_reason(url, why):
    with pytest.raises(ValueError, match=why):
        FleetSettings(database_url=url)


def test_a_database_on_the_network_verifies_its_certificate_unless_told_how():
    settings = FleetSettings(database_url="postgresql://rd@db.example/returndesk")
    target = FleetTarget.of(settings, "Receiving 1", SecretStore({}))
    assert "sslmode=verify-full" in target.conninfo
    assert target.shown == "rd@db.example:5432/returndesk"


def test_a_sync_job_lease_shorter_than_a_round_is_refused():
    with pytest.raises(ValueError, match="heartbeat_seconds"):
        FleetSettings(database_url="postgresql://rd@localhost/rd", heartbeat_seconds=30,
                      sync_lease_seconds=30)  # fmt: skip


def test_a_long_sync_keeps_the_job_with_every_write(postgres):
    from returndesk.fleet.shared_cache import SyncJob

    db = station_db(postgres, "Receiving 1")
    job = SyncJob(db, 15)
    assert job.hold()
    before = job.holder().expires_at
    db.run(job.fence)
    assert job.holder().expires_at > before
    db.close()


def test_the_self_test_checks_the_fleet_database(postgres, tmp_path):
    """As IT runs it: ``returndesk --config … --self-test`` in a process of its own."""
    import os
    import subprocess
    import sys

    import tomli_w

    config = tmp_path / "settings.toml"
    config.write_text(
        tomli_w.dumps(
            {
                "station": {"data_dir": str(tmp_path / "data")},
                "nshift": {"base_url": "https://nshift.example", "username": "u"},
                "returnmate": {"base_url": "https://returnmate.example"},
                "fleet": {"database_url": postgres.url()},
            }
        )
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "RETURNDESK_NSHIFT__PASSWORD": "p",
        "RETURNDESK_RETURNMATE__API_KEY": "k",
    }

    def self_test(password: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "returndesk", "--config", str(config), "--self-test"],
            env={**env, "RETURNDESK_FLEET__PASSWORD": password},
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip

    refused = self_test("wrong-password-for-the-test")
    assert refused.returncode == 1
    assert "fleet database: FleetUnavailable: rd_station@127.0.0.1" in refused.stdout
    assert "refuses the login (password authentication failed" in refused.stdout
    assert "wrong-password-for-the-test" not in refused.stdout + refused.stderr
    passed = self_test(STATION_PASSWORD)
    assert passed.returncode == 0, passed.stdout
    assert f"fleet_schema={SCHEMA_VERSION}" in passed.stdout
