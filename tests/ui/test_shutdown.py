"""Closing the station while a request hangs: one deadline, no crash, nothing lost."""

from __future__ import annotations

import threading
import time

from returndesk.app import shut_down
from returndesk.outbox.drainer import Drainer
from returndesk.outbox.model import Kind, NewItem, State
from returndesk.outbox.senders import Delivery
from returndesk.vendors.ratelimit import RateLimit


def test_a_request_hanging_20_s_neither_delays_nor_crashes_the_close(demo_station):
    station, window, store, _ = demo_station
    store.enqueue([NewItem(Kind.RMA_STATUS, {"rma_id": "x", "status": "received"})])
    entered, release = threading.Event(), threading.Event()

    def hanging(_payload):
        entered.set()
        release.wait(20)  # a vendor holding the request up to the client's 20 s timeout
        return Delivery({"ok": True}, RateLimit())

    drainer = Drainer(store.path, {Kind.RMA_STATUS: hanging}).start()
    assert entered.wait(5)
    started = time.monotonic()
    closed = shut_down(station, drainer, window, [store], seconds=0.5)
    assert time.monotonic() - started < 1.5  # one deadline for drainer and tasks
    assert closed is False
    assert station.keep_open  # the hanging request's client is not closed under it
    assert store.counts().sending == 1  # the store was left open: still usable
    release.set()
    for _ in range(100):
        if store.items()[0].state is State.SENT:
            break
        time.sleep(0.05)
    assert store.items()[0].state is State.SENT  # the late answer is written down
    station.keep_open = False


def test_a_quiet_station_closes_everything(demo_station, tmp_path):
    from returndesk.outbox.store import OutboxStore

    station, window, _, _ = demo_station
    extra = OutboxStore(tmp_path / "extra.db")
    drainer = Drainer(extra.path, {}).start()
    assert shut_down(station, drainer, window, [extra], seconds=2)
    assert not station.keep_open
