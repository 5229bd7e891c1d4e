"""Lanes that cannot die: whatever a sender or the store raises, the item gets an outcome,
the operator hears of it once, and the lane goes on. Also the shutdown deadline and the
vendor coming back after an outage."""

import logging
import random
import sqlite3
import threading
import time

import httpx
import pytest

from returndesk.outbox.drainer import Drainer, process_one
from returndesk.outbox.model import Kind, Lane, NewItem, State
from returndesk.outbox.senders import Delivery
from returndesk.outbox.store import OutboxStore
from returndesk.support.logs import install_crash_hooks
from returndesk.vendors.errors import ConnectFailed
from returndesk.vendors.nshift import NShiftClient
from returndesk.vendors.ratelimit import RateLimit

UNEXPECTED = [
    OSError(28, "No space left on device"),
    PermissionError(13, "Permission denied: '/srv/photos/a.jpg'"),
    sqlite3.OperationalError("database is locked"),
    RuntimeError("a bug\nforged line"),
]


def photo_items(count):
    return [
        NewItem(Kind.PHOTO_UPLOAD, {"name": f"p{n}.jpg", "path": "/nowhere", "sha256": "0"})
        for n in range(count)
    ]


def ok(_payload):
    return Delivery({"ok": True}, RateLimit())


def drain_until_sent(store, sender):
    """Run a photo lane's drainer until nothing is pending; the problems it reported."""
    problems, done = [], threading.Event()
    drainer = Drainer(
        store.path,
        {Kind.PHOTO_UPLOAD: sender},
        on_change=lambda counts, _r: counts.pending == 0 and done.set(),
        on_problem=problems.append,
    ).start()
    try:
        assert done.wait(10)
    finally:
        assert drainer.stop()
    return problems


@pytest.mark.parametrize("error", UNEXPECTED, ids=lambda e: type(e).__name__)
def test_an_unexpected_error_needs_attention_and_the_lane_goes_on(store, error):
    store.enqueue(photo_items(2))
    calls = []

    def sender(payload):
        calls.append(payload["name"])
        if len(calls) == 1:
            raise error
        return ok(payload)

    rng = random.Random(0)
    first = process_one(store, Lane.PHOTOS, {Kind.PHOTO_UPLOAD: sender}, rng=rng)
    assert first.state is State.NEEDS_ATTENTION
    assert first.unexpected
    assert "Tell IT" in first.alert
    second = process_one(store, Lane.PHOTOS, {Kind.PHOTO_UPLOAD: sender}, rng=rng)
    assert second.state is State.SENT
    failed, sent = store.items()
    assert failed.state is State.NEEDS_ATTENTION
    assert failed.last_error.startswith(f"unexpected error while sending: {type(error).__name__}")
    assert "\n" not in failed.last_error
    assert sent.state is State.SENT


def test_a_lane_thread_survives_unexpected_errors_and_tells_the_operator_once(tmp_path):
    store = OutboxStore(tmp_path / "o.db")
    store.enqueue(photo_items(5))

    def sender(payload):
        if payload["name"] in ("p0.jpg", "p1.jpg"):
            raise PermissionError(13, "Permission denied")
        return ok(payload)

    problems = drain_until_sent(store, sender)
    states = [i.state for i in store.items()]
    assert states == [State.NEEDS_ATTENTION] * 2 + [State.SENT] * 3
    assert len(problems) == 1
    assert "PermissionError" in problems[0]


def test_a_store_failure_between_items_is_survived_and_nothing_is_left_sending(
    tmp_path, monkeypatch
):
    store = OutboxStore(tmp_path / "o.db")
    store.enqueue(photo_items(3))
    real = OutboxStore.settle_and_claim
    failures = iter([sqlite3.OperationalError("database is locked")])

    def flaky(self, lane, settled=(), **options):
        if settled:
            error = next(failures, None)
            if error is not None:
                raise error
        return real(self, lane, settled, **options)

    monkeypatch.setattr(OutboxStore, "settle_and_claim", flaky)
    problems = drain_until_sent(store, ok)
    assert [i.state for i in store.items()] == [State.SENT] * 3
    assert problems
    assert "database is locked" in problems[0]


def test_thread_deaths_reach_the_log(caplog):
    install_crash_hooks()
    thread = threading.Thread(target=lambda: 1 / 0, name="doomed")
    with caplog.at_level(logging.CRITICAL, logger="returndesk.crash"):
        thread.start()
        thread.join()
    assert "thread doomed ended on an uncaught exception" in caplog.text
    assert "ZeroDivisionError" in caplog.text


def test_every_write_carries_the_item_id_as_idempotency_key(store, sandbox):
    seen = []

    def handler(request):
        seen.append((request.method, request.headers.get("Idempotency-Key")))
        return httpx.Response(200, json={"ok": True} if request.method == "POST" else {})

    client = NShiftClient.create(
        "https://nshift.test/", "u", "p", transport=httpx.MockTransport(handler)
    )
    from returndesk.outbox.senders import build_senders
    from tests.e2e.test_outbox_faults import wms_payload

    rma = sandbox.data.by_rma_number("RMA-2026-000001")
    (item_id,) = store.enqueue([NewItem(Kind.WMS_UPDATE, wms_payload(rma))])
    sent = process_one(store, Lane.NSHIFT, build_senders(nshift=client), rng=random.Random())
    assert sent.state is State.SENT
    client.return_orders()  # a read outside any item: no key
    assert seen[0] == ("POST", item_id)
    assert seen[1][1] is None


def test_shutdown_with_a_hanging_request_keeps_its_deadline_and_loses_nothing(tmp_path):
    store = OutboxStore(tmp_path / "o.db")
    store.enqueue(photo_items(1))
    release, entered = threading.Event(), threading.Event()

    def hanging(payload):
        entered.set()
        release.wait(20)  # a vendor holding the request up to the 20 s timeout
        return ok(payload)

    drainer = Drainer(store.path, {Kind.PHOTO_UPLOAD: hanging}).start()
    assert entered.wait(5)
    started = time.monotonic()
    assert drainer.stop(timeout=0.5) is False  # one deadline, not one per lane
    assert time.monotonic() - started < 1.5
    assert store.items()[0].state is State.SENDING  # the next start decides, as after a crash
    release.set()  # the answer arrives after all: it is written down, not dropped
    for _ in range(100):
        if store.items()[0].state is State.SENT:
            break
        time.sleep(0.05)
    assert store.items()[0].state is State.SENT


def test_when_the_vendor_answers_again_held_items_are_due_at_once(tmp_path, clock):
    store = OutboxStore(tmp_path / "o.db", clock=clock)
    store.enqueue(photo_items(2))
    offline = True

    def sender(payload):
        if offline:
            raise ConnectFailed("ConnectError: refused", vendor="photos")
        return ok(payload)

    senders = {Kind.PHOTO_UPLOAD: sender}
    attempt = process_one(store, Lane.PHOTOS, senders, rng=random.Random(3), clock=clock)
    assert attempt.state is State.WAITING
    assert not attempt.reached
    held = store.items()[0]
    assert held.next_attempt_at > clock()
    assert held.attempts == 0
    offline = False
    assert process_one(store, Lane.PHOTOS, senders, rng=random.Random(), clock=clock) is None
    assert store.due_now(Lane.PHOTOS) == 1
    sent = process_one(store, Lane.PHOTOS, senders, rng=random.Random(), clock=clock)
    assert sent.state is State.SENT


def test_the_drainer_hears_a_vendor_answer_and_sends_without_waiting(tmp_path):
    store = OutboxStore(tmp_path / "o.db")
    store.enqueue(photo_items(1))
    offline, done = threading.Event(), threading.Event()
    offline.set()

    def sender(payload):
        if offline.is_set():
            raise ConnectFailed("ConnectError: refused", vendor="photos")
        return ok(payload)

    drainer = Drainer(
        store.path,
        {Kind.PHOTO_UPLOAD: sender},
        on_change=lambda counts, _r: counts.sent == 1 and done.set(),
    ).start()
    try:
        for _ in range(100):
            if store.items()[0].last_error:
                break
            time.sleep(0.02)
        assert store.items()[0].next_attempt_at > store.items()[0].updated_at
        offline.clear()
        started = time.monotonic()
        drainer.vendor_answered(Lane.PHOTOS)  # e.g. a lookup on the same client succeeded
        assert done.wait(3)
        assert time.monotonic() - started < 1.0
    finally:
        drainer.stop()


def test_a_re_sendable_lane_claims_its_next_item_while_one_is_in_flight(tmp_path):
    """The commit overlaps the request; stopping gives the item claimed ahead back."""
    store = OutboxStore(tmp_path / "o.db")
    store.enqueue(photo_items(3))
    entered, release = threading.Event(), threading.Event()

    def sender(payload):
        if payload["name"] == "p1.jpg":
            entered.set()
            release.wait(10)
        return ok(payload)

    drainer = Drainer(store.path, {Kind.PHOTO_UPLOAD: sender}).start()
    assert entered.wait(5)
    for _ in range(100):  # p2 is claimed while p1's request is in flight
        if [i.state for i in store.items()] == [State.SENT, State.SENDING, State.SENDING]:
            break
        time.sleep(0.02)
    assert [i.state for i in store.items()] == [State.SENT, State.SENDING, State.SENDING]
    drainer.stopping.set()  # the station closes while p1 is in flight
    release.set()
    assert drainer.stop(timeout=5)
    # p1's answer is written down; p2, claimed ahead but never sent, is waiting again
    assert [i.state for i in store.items()] == [State.SENT, State.SENT, State.WAITING]
    assert store.items()[2].attempts == 0


def test_nothing_claimed_ahead_passes_a_failed_head(tmp_path):
    store = OutboxStore(tmp_path / "o.db")
    store.enqueue(photo_items(3))
    sent, done = [], threading.Event()

    def sender(payload):
        if payload["name"] == "p0.jpg":
            raise ConnectFailed("ConnectError: refused", vendor="photos")
        sent.append(payload["name"])
        return ok(payload)

    drainer = Drainer(
        store.path, {Kind.PHOTO_UPLOAD: sender}, on_change=lambda c, r: done.set()
    ).start()
    try:
        assert done.wait(5)
        time.sleep(0.3)
    finally:
        drainer.stop()
    assert sent == []  # strict FIFO: p1 and p2 wait behind p0's backoff
    assert [i.state for i in store.items()] == [State.WAITING] * 3
