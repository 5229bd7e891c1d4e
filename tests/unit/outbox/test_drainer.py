import itertools
import random
import sqlite3
import threading
import time

import pytest

from returndesk.outbox.drainer import Drainer, process_one
from returndesk.outbox.model import Capture, Kind, Lane, NewItem, State
from returndesk.outbox.senders import build_senders
from returndesk.outbox.store import OutboxStore
from returndesk.sandbox.app import Sandbox
from returndesk.sandbox.transport import DEMO_ORIGIN, sandbox_transport
from returndesk.sandbox.urls import SandboxUrls
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.station import build_station

from ...e2e.test_outbox_faults import wms_payload


def sandbox_senders(sandbox):
    """The demo station's own senders, built by the composition root."""
    paths = Paths.default()
    station = build_station(Settings(), paths, demo=True, sandbox=sandbox)
    return build_senders(
        nshift=station.nshift, returnmate=station.returnmate, wmtech=station.wmtech
    )


def capture_return(store, rma, note=True):
    items = [
        NewItem(Kind.WMS_UPDATE, wms_payload(rma)),
        NewItem(Kind.RMA_STATUS, {"rma_id": rma.record["id"], "status": "received"}),
    ]
    if note:
        items.append(
            NewItem(
                Kind.RMA_NOTE,
                {"rma_id": rma.record["id"], "content": "0 of 2 accepted", "internal": True},
            )
        )
    return store.capture(
        Capture(rma.record["nshift_return_id"], "rma", {}, rma_id=rma.record["id"]), items
    )


def test_process_one_delivers_every_kind(tmp_path, sandbox):
    store = OutboxStore(tmp_path / "o.db")
    rma = sandbox.data.by_rma_number("RMA-2026-000001")
    capture_return(store, rma)
    store.enqueue(
        [
            NewItem(
                Kind.ANALYZE,
                {
                    "order_id": rma.record["order_number"],
                    "store_id": "S1",
                    "photo_url": "https://photos.test/a.jpg",
                },
            )
        ]
    )
    senders = sandbox_senders(sandbox)
    rng = random.Random(0)
    for lane in Lane:
        while process_one(store, lane, senders, rng=rng):
            pass
    assert {i.state for i in store.items()} == {State.SENT}
    assert rma.nshift_status == "Processed"
    assert rma.record["status"] == "received"
    assert rma.timeline[-1]["content"] == "0 of 2 accepted"


def test_an_update_nshift_would_refuse_never_enters_the_outbox(tmp_path):
    store = OutboxStore(tmp_path / "o.db")
    with pytest.raises(ValueError, match="valid list"):
        store.enqueue([NewItem(Kind.WMS_UPDATE, {"returns": "not a list"})])
    assert store.items() == []


def test_an_unusable_stored_payload_fails_visibly(tmp_path, sandbox):
    # written by hand or by an older version: the sender refuses it with a reason
    store = OutboxStore(tmp_path / "o.db")
    [item_id] = store.enqueue([NewItem(Kind.RMA_NOTE, {"rma_id": "x", "content": "y"})])
    with sqlite3.connect(store.path) as conn:
        conn.execute(
            "UPDATE outbox SET kind = ?, lane = ?, payload_json = ? WHERE id = ?",
            (Kind.WMS_UPDATE.value, Lane.NSHIFT.value, '{"returns": "not a list"}', item_id),
        )
    attempt = process_one(store, Lane.NSHIFT, sandbox_senders(sandbox), rng=random.Random())
    assert attempt.state is State.FAILED
    assert store.items()[0].last_error.startswith("invalid item")


def test_unconfigured_vendor_fails_visibly(tmp_path):
    store = OutboxStore(tmp_path / "o.db")
    store.enqueue([NewItem(Kind.ANALYZE, {"order_id": "1"})])
    attempt = process_one(store, Lane.WMTECH, {}, rng=random.Random())
    assert attempt.state is State.FAILED
    assert "not configured" in store.items()[0].last_error


def test_drainer_threads_deliver_and_report_counts(tmp_path):
    sandbox = Sandbox()
    store = OutboxStore(tmp_path / "o.db")
    reports = []
    done = threading.Event()
    rmas = [r for r in list(sandbox.data.rmas.values())[:6] if r.nshift_status == "Not Processed"]

    def on_change(counts, reached):
        reports.append((counts, reached))
        # the drainer's first report (at its start, before anything was captured) says 0
        # pending too: done is when every item of the returns was sent
        if counts.pending == 0 and counts.sent == 2 * len(rmas):
            done.set()

    drainer = Drainer(store.path, sandbox_senders(sandbox), on_change=on_change).start()
    try:
        for rma in rmas:
            capture_return(store, rma, note=False)
        drainer.notify()
        assert done.wait(10)
    finally:
        drainer.stop()
    counts = store.counts()
    assert counts.pending == 0
    assert counts.sent == 2 * len(rmas)  # each return: its wms-update and its status
    assert all(reached for _, reached in reports)


def test_pacing_keeps_to_the_configured_rate(tmp_path):
    sandbox = Sandbox()
    store = OutboxStore(tmp_path / "o.db")
    rmas = [r for r in sandbox.data.rmas.values() if r.nshift_status == "Not Processed"][:5]
    for rma in rmas:
        store.capture(
            Capture(rma.record["nshift_return_id"], "rma", {}),
            [NewItem(Kind.WMS_UPDATE, wms_payload(rma))],
        )
    done = threading.Event()
    drainer = Drainer(
        store.path,
        sandbox_senders(sandbox),
        per_minute={Lane.NSHIFT: 600},
        on_change=lambda c, r: c.pending == 0 and done.set(),
    )
    started = time.monotonic()
    drainer.start()
    try:
        assert done.wait(10)
    finally:
        drainer.stop()
    elapsed = time.monotonic() - started
    times = [r.at for r in sandbox.requests_to("nshift")]
    gaps = [(b - a).total_seconds() for a, b in itertools.pairwise(times)]
    assert len(times) == 5
    assert min(gaps) >= 0.09  # 600/min: at least 100 ms apart (clock granularity aside)
    assert elapsed >= 0.4


@pytest.mark.parametrize("seconds", [0.0])
def test_stop_is_prompt_when_idle(tmp_path, seconds):
    store = OutboxStore(tmp_path / "o.db")
    drainer = Drainer(store.path, sandbox_senders(Sandbox())).start()
    time.sleep(seconds)
    started = time.monotonic()
    drainer.stop()
    assert time.monotonic() - started < 1.0


def test_quota_used_up_pauses_the_lane_before_any_429(tmp_path):
    from returndesk.sandbox.app import SandboxConfig

    sandbox = Sandbox(SandboxConfig(wmtech_per_minute=2))
    store = OutboxStore(tmp_path / "o.db")
    store.enqueue(
        [
            NewItem(
                Kind.ANALYZE,
                {"order_id": "#1", "store_id": "S1", "photo_url": f"https://photos.test/{n}.jpg"},
            )
            for n in range(3)
        ]
    )
    senders = sandbox_senders(sandbox)
    rng = random.Random(0)
    assert process_one(store, Lane.WMTECH, senders, rng=rng).state is State.SENT
    assert process_one(store, Lane.WMTECH, senders, rng=rng).state is State.SENT
    # the second answer said "X-RateLimit-Remaining: 0": the lane waits for the reset
    assert process_one(store, Lane.WMTECH, senders, rng=rng) is None
    paused = store.lane_state(Lane.WMTECH)
    assert paused.reason == "rate limit reached"
    assert paused.paused_until is not None
    assert [r.status for r in sandbox.requests_to("wmtech")] == [200, 200]


def test_refused_credentials_alert_the_operator_once(tmp_path, clock):
    from returndesk.vendors.returnmate import ReturnMateClient

    sandbox = Sandbox()
    wrong = ReturnMateClient.create(
        SandboxUrls.at(DEMO_ORIGIN).returnmate, "wrong-key", transport=sandbox_transport(sandbox)
    )
    store = OutboxStore(tmp_path / "o.db", clock=clock)
    store.enqueue(
        [NewItem(Kind.RMA_STATUS, {"rma_id": "rma_x", "status": "received"}) for _ in range(2)]
    )
    senders = build_senders(returnmate=wrong)
    rng = random.Random(0)
    first = process_one(store, Lane.RETURNMATE, senders, rng=rng, clock=clock)
    assert "refused the station's credentials" in first.alert
    assert "wrong-key" not in first.alert
    assert first.state is State.WAITING
    assert process_one(store, Lane.RETURNMATE, senders, rng=rng, clock=clock) is None  # paused
    clock.advance(minutes=16)
    again = process_one(store, Lane.RETURNMATE, senders, rng=rng, clock=clock)
    assert again.alert is None  # still the same problem: no second alert
    assert store.get(again.item_id).attempts == 0  # auth failures burn no attempts


def test_counts_reach_the_ui_throttled_but_the_final_state_always(tmp_path):
    sandbox = Sandbox()
    store = OutboxStore(tmp_path / "o.db")
    rmas = [r for r in sandbox.data.rmas.values() if r.nshift_status == "Not Processed"][:30]
    for rma in rmas:
        store.capture(
            Capture(rma.record["nshift_return_id"], "rma", {}),
            [NewItem(Kind.WMS_UPDATE, wms_payload(rma))],
        )
    reports = []
    done = threading.Event()

    def on_change(counts, reached):
        reports.append(counts)
        if counts.pending == 0:
            done.set()

    drainer = Drainer(store.path, sandbox_senders(sandbox), on_change=on_change).start()
    try:
        assert done.wait(10)
    finally:
        drainer.stop()
    assert len(reports) < len(rmas)  # not a full count after every item
    assert reports[-1].sent == len(rmas)
