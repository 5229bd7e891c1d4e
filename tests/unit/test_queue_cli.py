import json
import subprocess
import sys
from pathlib import Path

import pytest

from returndesk.core import json_codec
from returndesk.outbox.startup import DB_NAME, InstanceLock
from returndesk.outbox.store import OutboxStore
from returndesk.sandbox.demo_data import build_demo_data

from ..e2e.test_outbox_faults import wms_payload

EXAMPLE = Path(__file__).parents[1] / "data" / "nshift_wms_update_example.json"


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "returndesk", *args], capture_output=True, text=True, timeout=120
    )


def data_dir():
    """Without vendor settings the commands use the demo station's own folder."""
    from returndesk.settings.paths import Paths

    return Paths.default().for_demo().data_dir


@pytest.fixture
def payload_file(tmp_path):
    rma = build_demo_data().by_rma_number("RMA-2026-000002")
    path = tmp_path / "payload.json"
    path.write_text(json_codec.dumps(wms_payload(rma)))
    return path


def test_submit_list_drain_export_retry(tmp_path, payload_file):
    submitted = run("submit", "--file", str(payload_file))
    assert submitted.returncode == 0, submitted.stderr
    assert submitted.stdout.startswith("queued return NSR00000002")
    again = run("submit", "--file", str(payload_file))
    assert "already submitted" in again.stderr
    assert again.returncode == 5  # nothing was queued

    listed = json.loads(run("queue", "list", "--json").stdout)
    assert [(i["kind"], i["state"]) for i in listed] == [("wms_update", "waiting")]

    drained = run("--demo", "queue", "drain")
    assert drained.returncode == 0, drained.stderr
    assert "1 sent, 0 waiting" in drained.stdout
    assert run("queue", "list", "--json", "--state", "sent").stdout.count('"sent"') >= 1

    export_dir = tmp_path / "export"
    exported = run("queue", "export", str(export_dir), "--include-sent")
    assert "exported 1 item(s)" in exported.stdout
    record = json.loads(next(export_dir.iterdir()).read_text())
    assert record["payload"]["returns"][0]["returnId"] == "NSR00000002"

    assert run("queue", "retry", "--all").stdout.startswith("0 item(s)")
    assert run("queue", "retry", "nope").returncode == 1


def test_submit_refuses_the_vendor_example_and_says_why():
    result = run("submit", "--file", str(EXAMPLE))
    assert result.returncode == 2
    assert "itemCount is 1 but 2 items" in result.stderr
    store = OutboxStore(data_dir() / DB_NAME)
    assert store.counts().pending == 0  # nothing partial was queued
    store.close()


def test_submit_refuses_a_file_that_is_not_json(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = run("submit", "--file", str(bad))
    assert result.returncode == 2
    assert "not valid JSON" in result.stderr


def test_drain_refuses_while_the_station_runs():
    lock = InstanceLock(data_dir())
    lock.acquire()
    try:
        result = run("--demo", "queue", "drain")
    finally:
        lock.release()
    assert result.returncode == 4
    assert "already running" in result.stderr


def test_demo_data_never_shares_the_live_folder():
    from returndesk.settings.model import Settings
    from returndesk.station import resolve_paths

    live = resolve_paths(None, Settings(), demo=False).data_dir
    demo = resolve_paths(None, Settings(), demo=True).data_dir
    assert demo != live
    assert demo.parent == live


def test_status_says_the_queue_the_cache_and_todays_returnmate_requests(tmp_path):
    from returndesk.vendors.budget import BUDGET_NAME, RequestBudget

    data = tmp_path / "data"
    config = tmp_path / "settings.toml"
    config.write_text(
        f'[station]\ndata_dir = "{data}"\n'
        '[returnmate]\nbase_url = "https://api.returnmate.io/v1"\nrequests_per_day = 500\n'
    )
    budget = RequestBudget(data / BUDGET_NAME, "ReturnMate", per_minute=60, per_day=500)
    for _ in range(3):
        budget.take()  # three requests the station made today
    budget.close()
    text = run("--config", str(config), "status")
    assert text.returncode == 0, text.stderr
    assert "outbox: 0 waiting (0 of them labels), 0 need attention, 0 sent" in text.stdout
    assert "cache: 0 receivable RMAs, last full refresh never" in text.stdout
    assert "ReturnMate: 3 of 500 requests today (UTC), 3 of 60 this minute" in text.stdout
    machine = json.loads(run("--config", str(config), "status", "--json").stdout)
    assert machine["returnmate_requests"]["today"] == 3
    assert machine["cache"]["last_full_refresh"] is None
