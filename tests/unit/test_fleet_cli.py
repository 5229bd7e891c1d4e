"""``returndesk fleet migrate`` and ``fleet status`` as IT runs them: a process, a settings
file, the password in the environment; bad input gets one message and its exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.postgres import OWNER, OWNER_PASSWORD, STATION_PASSWORD, free_port


def run(*args, password=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("RETURNDESK_")}
    if password is not None:
        env["RETURNDESK_FLEET__PASSWORD"] = password
    return subprocess.run(
        [sys.executable, "-m", "returndesk", *args],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip


def settings(tmp_path, url):
    config = tmp_path / "settings.toml"
    config.write_text(f'[station]\nname = "Receiving 4"\n[fleet]\ndatabase_url = "{url}"\n')
    return config


def test_migrate_makes_a_new_database_then_has_nothing_to_apply(tmp_path, postgres):
    with postgres.connect() as conn:
        conn.execute("DROP DATABASE IF EXISTS returndesk_new")
        conn.execute("CREATE DATABASE returndesk_new")
    owner_url = f"postgresql://{OWNER}@127.0.0.1:{postgres.port}/returndesk_new"
    config = settings(tmp_path, postgres.url())
    first = run("--config", str(config), "fleet", "migrate", "--url", owner_url,
                password=OWNER_PASSWORD)  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert "applied 0001_fleet.sql" in first.stdout
    again = run("--config", str(config), "fleet", "migrate", "--url", owner_url,
                password=OWNER_PASSWORD)  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert "nothing to apply" in again.stdout


def test_status_of_an_empty_fleet(tmp_path, postgres):
    config = settings(tmp_path, postgres.url())
    text = run("--config", str(config), "fleet", "status", password=STATION_PASSWORD)
    assert text.returncode == 0, text.stderr
    assert "syncer: none yet" in text.stdout
    assert "open returns: 0" in text.stdout
    machine = json.loads(
        run("--config", str(config), "fleet", "status", "--json", password=STATION_PASSWORD).stdout
    )
    assert machine["stations"] == []
    assert machine["syncer"]["station"] is None


@pytest.mark.parametrize(
    ("url", "code", "said"),
    [
        ("", 2, "no fleet database: set [fleet] database_url"),
        ("postgresql://rd:pw@db.example/returndesk", 2, "the password never goes into the URL"),
        (f"postgresql://rd_station@127.0.0.1:{free_port()}/returndesk", 6, "does not answer"),
    ],
)
def test_bad_settings_or_no_database_get_one_message_and_a_code(tmp_path, url, code, said):
    config = settings(tmp_path, url)
    text = run("--config", str(config), "fleet", "status", password="x")
    assert text.returncode == code, text.stderr
    assert said in text.stderr
    assert "Traceback" not in text.stderr
