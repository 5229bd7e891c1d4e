import json
import zipfile
from datetime import UTC, datetime

from returndesk.outbox.model import Capture, Kind, NewItem
from returndesk.outbox.store import OutboxStore
from returndesk.settings.admin_pin import hash_pin
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.support.bundle import queue_summary, write_support_bundle
from returndesk.support.logs import LOG_NAME
from returndesk.support.redact import Redactor
from tests.outbox_bodies import update_body

SECRET = "Pw-canary-bundle-90aa1c"


def test_bundle_has_logs_settings_queue_and_versions_and_no_secret(tmp_path):
    paths = Paths(tmp_path / "settings.toml", tmp_path / "data", tmp_path / "logs")
    paths.log_dir.mkdir()
    (paths.log_dir / LOG_NAME).write_text(f"line one\nleaked {SECRET} by a library\n")
    (paths.log_dir / (LOG_NAME + ".1")).write_text("older\n")
    store = OutboxStore(paths.data_dir / "outbox.db")
    store.capture(Capture("NSR1", "rma", {}), [NewItem(Kind.WMS_UPDATE, update_body("NSR1"))])
    store.close()
    pin = hash_pin("7531")
    settings = Settings.model_validate({"station": {"name": "Bench 9"}, "admin": {"pin_hash": pin}})
    path = write_support_bundle(
        tmp_path / "out",
        paths=paths,
        settings=settings,
        queue=queue_summary(paths.data_dir / "outbox.db"),
        redactor=Redactor([SECRET]),
        now=datetime(2026, 12, 1, 8, 30, tzinfo=UTC),
    )
    assert path.name == "returndesk-support-20261201T083000Z.zip"
    assert not list((tmp_path / "out").glob("*.partial"))
    with zipfile.ZipFile(path) as bundle:
        names = set(bundle.namelist())
        contents = {name: bundle.read(name).decode() for name in names}
    assert names == {
        "about.json",
        "queue.json",
        "settings.toml",
        f"logs/{LOG_NAME}",
        f"logs/{LOG_NAME}.1",
    }
    about = json.loads(contents["about.json"])
    assert about["station"] == "Bench 9"
    assert about["versions"]["ReturnDesk"]
    assert about["paths"]["log folder"] == str(paths.log_dir)
    assert json.loads(contents["queue.json"])["waiting"] == 1
    assert 'name = "Bench 9"' in contents["settings.toml"]
    assert 'pin_hash = "(set)"' in contents["settings.toml"]
    assert pin not in contents["settings.toml"]
    assert "leaked *** by a library" in contents[f"logs/{LOG_NAME}"]
    assert all(SECRET not in text for text in contents.values())


def test_queue_summary_of_a_station_without_a_database(tmp_path):
    assert queue_summary(tmp_path / "outbox.db") == {"outbox": "not created yet"}
