"""With 50,000 waiting items the station opens its outbox and paints its first frame fast."""

import json
import time
import uuid

from returndesk.outbox.startup import DB_NAME, open_outbox
from returndesk.outbox.store import OutboxStore, ts, utcnow
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.station import build_station
from returndesk.ui.common.outbox_monitor import OutboxMonitor
from returndesk.ui.wiring import build_window

ITEMS = 50_000


def fill(path):
    store = OutboxStore(path)
    now = ts(utcnow())
    conn = store.connection
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO outbox (id, lane, kind, payload_json, state, created_at, updated_at, "
        "next_attempt_at) VALUES (?, 'nshift', 'wms_update', ?, 'waiting', ?, ?, ?)",
        (
            (str(uuid.uuid4()), json.dumps({"returns": [{"n": n}]}), now, now, now)
            for n in range(ITEMS)
        ),
    )
    conn.execute("COMMIT")
    store.close()


def test_fifty_thousand_waiting_items_start_under_three_seconds(qtbot, tmp_path):
    fill(tmp_path / DB_NAME)
    started = time.perf_counter()
    store, report = open_outbox(tmp_path, min_free=0)
    monitor = OutboxMonitor(store.counts())
    paths = Paths(tmp_path / "s.toml", tmp_path, tmp_path / "logs")
    station = build_station(Settings(), paths, demo=True)
    window = build_window(station, monitor=monitor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    frame = window.grab()
    elapsed = time.perf_counter() - started
    store.close()
    assert not frame.isNull()
    assert report.problems == []
    assert window.header.queue_label.text() == f"{ITEMS} waiting"
    print(f"\nfirst frame with {ITEMS} waiting items: {elapsed * 1000:.0f} ms")
    assert elapsed < 3.0
