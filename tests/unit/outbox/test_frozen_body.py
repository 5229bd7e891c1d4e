"""An nShift update is encoded once, when the outbox takes it in, and sent byte for byte."""

import random
import sqlite3
from decimal import Decimal

import httpx

from returndesk.core import json_codec
from returndesk.outbox.drainer import process_one
from returndesk.outbox.model import THEN, Capture, Kind, Lane, NewItem, State
from returndesk.outbox.senders import build_senders
from returndesk.outbox.store import OutboxStore
from returndesk.vendors.nshift import NShiftClient
from tests.outbox_bodies import update_body


def recording_nshift():
    bodies: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(request.content)
        return httpx.Response(200, json={"ok": True})

    client = NShiftClient.create(
        "https://nshift.test/", "u", "p", transport=httpx.MockTransport(handler)
    )
    return client, bodies


def update_with_follow_up():
    body = update_body("R1")
    body["returns"][0]["items"][0].update(
        isAccepted=True,
        netAmount=Decimal("31.20"),
        taxAmount=Decimal("7.80"),
        grossAmount=Decimal("39.00"),
    )
    then = [{"kind": "rma_status", "rma_id": "rma_1", "status": "received"}]
    return body, {**body, THEN: then}


def test_the_body_sent_is_the_one_frozen_at_the_door_without_what_follows(store):
    body, payload = update_with_follow_up()
    store.capture(Capture("R1", "rma", {}, rma_id="rma_1"), [NewItem(Kind.WMS_UPDATE, payload)])
    (queued,) = store.items()
    assert queued.request_body == json_codec.dumps(body)
    assert '"then"' not in queued.request_body
    assert '"then"' in queued.payload_json

    client, bodies = recording_nshift()
    attempt = process_one(store, Lane.NSHIFT, build_senders(nshift=client), rng=random.Random())
    assert attempt.state is State.SENT
    assert bodies == [queued.request_body.encode()]
    assert b'"grossAmount":39.00' in bodies[0]  # the money exactly as validated
    sent, follow_up = store.items()
    assert sent.request_body is None  # a sent item is never sent again: not kept twice
    assert follow_up.kind is Kind.RMA_STATUS  # what follows is queued as before


def test_an_outbox_from_before_frozen_bodies_gets_the_column_and_still_sends(tmp_path):
    """A station upgraded with items still queued: the column is added in place, and an
    item without a frozen body is encoded from its payload, as sending always did."""
    path = tmp_path / "outbox.db"
    body, payload = update_with_follow_up()
    OutboxStore(path).close()
    conn = sqlite3.connect(path)
    # the table as the previous version made it: no request_body column
    conn.executescript(
        "DROP TABLE outbox; CREATE TABLE outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
        "id TEXT NOT NULL UNIQUE, history_id TEXT, lane TEXT NOT NULL, kind TEXT NOT NULL, "
        "payload_json TEXT NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, "
        "created_at TEXT NOT NULL, updated_at TEXT NOT NULL, next_attempt_at TEXT NOT NULL, "
        "sent_at TEXT, last_error TEXT, response_digest TEXT, "
        "was_unknown INTEGER NOT NULL DEFAULT 0);"
    )
    conn.execute(
        "INSERT INTO outbox (id, lane, kind, payload_json, state, created_at, updated_at, "
        "next_attempt_at) VALUES ('old-1', 'nshift', 'wms_update', ?, 'waiting', "
        "'2026-11-30T08:00:00.000000Z', '2026-11-30T08:00:00.000000Z', "
        "'2026-11-30T08:00:00.000000Z')",
        (json_codec.dumps(payload),),
    )
    conn.commit()
    conn.close()

    store = OutboxStore(path)
    try:
        (old,) = store.items()
        assert old.request_body is None
        client, bodies = recording_nshift()
        attempt = process_one(store, Lane.NSHIFT, build_senders(nshift=client), rng=random.Random())
        assert attempt.state is State.SENT
        assert bodies == [json_codec.dumps(body).encode()]
        assert [i.kind for i in store.items()] == [Kind.WMS_UPDATE, Kind.RMA_STATUS]
    finally:
        store.close()
