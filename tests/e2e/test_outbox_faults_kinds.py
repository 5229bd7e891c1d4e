"""Every kind of outbox item against 5xx answers and an unexpected sender error, over HTTP.

A 5xx may come after the vendor acted on the request (a gateway's 502/504 in front of it), so
only kinds whose repeat is harmless are sent again: a note or an analysis needs a human after
exactly one request. A sender that raises anything at all leaves its item needing attention
and the lane going on.
"""

from __future__ import annotations

import hashlib
import io
import random
from datetime import timedelta

import pytest
from PIL import Image

from returndesk.outbox.drainer import process_one
from returndesk.outbox.model import Kind, NewItem, State
from returndesk.outbox.senders import build_senders
from returndesk.outbox.store import OutboxStore
from returndesk.photos.stores import HttpUploadStore
from returndesk.sandbox.app import DEMO_CREDENTIALS, Sandbox, SandboxConfig
from returndesk.sandbox.server import SandboxServer
from returndesk.sandbox.urls import SandboxUrls
from returndesk.vendors.nshift import NShiftClient
from returndesk.vendors.returnmate import ReturnMateClient
from returndesk.vendors.wmtech import WmTechClient
from tests.clock import Clock

from .test_outbox_faults import wms_payload

pytestmark = pytest.mark.e2e
ITEMS = 20
#: where each kind's requests go, as the sandbox's log names the vendor
VENDOR = {
    Kind.WMS_UPDATE: ("/nshift/", "nshift"),
    Kind.RMA_STATUS: ("/returnmate/", "returnmate"),
    Kind.RMA_NOTE: ("/returnmate/", "returnmate"),
    Kind.ANALYZE: ("/wmtech/", "wmtech"),
    Kind.PHOTO_UPLOAD: ("/photos/", "photos"),
}
#: the kinds sent over HTTP (labels go to a printer: tests/e2e/test_labels_printer.py)
HTTP_KINDS = list(VENDOR)
MODES = ["status:500", "status:502", "status:503", "status:504", "gateway:502", "gateway:504"]


@pytest.fixture(scope="module")
def server():
    config = SandboxConfig(
        rma_count=ITEMS + 10,
        nshift_per_minute=None,
        wmtech_per_minute=None,
        returnmate_per_minute=None,
    )
    with SandboxServer(Sandbox(config)) as srv:
        yield srv


def payloads(server, kind, tmp_path):
    rmas = [r for r in server.sandbox.data.rmas.values() if r.nshift_status == "Not Processed"]
    rmas = rmas[:ITEMS]
    if kind is Kind.WMS_UPDATE:
        return [wms_payload(r) for r in rmas]
    if kind is Kind.RMA_STATUS:
        return [{"rma_id": r.record["id"], "status": "received"} for r in rmas]
    if kind is Kind.RMA_NOTE:
        return [{"rma_id": r.record["id"], "content": "1 of 1 accepted"} for r in rmas]
    if kind is Kind.ANALYZE:
        return [
            {
                "order_id": r.record["order_number"],
                "store_id": "S1",
                "photo_url": f"https://photos.test/{n}.jpg",
            }
            for n, r in enumerate(rmas)
        ]
    made = []
    for n in range(ITEMS):
        buffer = io.BytesIO()
        Image.new("RGB", (8, 8), (n, 0, 0)).save(buffer, "JPEG")
        path = tmp_path / f"photo-{n:04d}.jpg"
        path.write_bytes(buffer.getvalue())
        made.append(
            {
                "name": path.name,
                "path": str(path),
                "sha256": hashlib.sha256(buffer.getvalue()).hexdigest(),
            }
        )
    return made


def senders_for(server):
    urls = SandboxUrls.at(server.origin)
    return build_senders(
        nshift=NShiftClient.create(
            urls.nshift, DEMO_CREDENTIALS["nshift_username"], DEMO_CREDENTIALS["nshift_password"]
        ),
        returnmate=ReturnMateClient.create(urls.returnmate, DEMO_CREDENTIALS["returnmate_api_key"]),
        wmtech=WmTechClient.create(urls.wmtech, DEMO_CREDENTIALS["wmtech_api_key"]),
        photos=HttpUploadStore(urls.photos + "/{name}", urls.photos, sandbox=True),
    )


def drain(store, kind, senders, clock):
    for _ in range(4 * ITEMS):
        while process_one(store, kind.lane, senders, rng=random.Random(1), clock=clock):
            pass
        if store.counts().pending == 0:
            return
        clock.now += timedelta(minutes=20)


def run(server, tmp_path, kind, mode, senders=None):
    server.sandbox.reset()
    server.clear_faults()
    prefix, vendor = VENDOR[kind]
    rule = server.inject(prefix, mode) if mode else None
    clock = Clock()
    store = OutboxStore(tmp_path / "outbox.db", clock=clock)
    store.enqueue([NewItem(kind, p) for p in payloads(server, kind, tmp_path)])
    drain(store, kind, senders or senders_for(server), clock)
    items = store.items(limit=1000)
    store.close()
    assert len(items) == ITEMS  # nothing lost
    handled = len(server.sandbox.requests_to(vendor))
    return items, handled, rule


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("kind", HTTP_KINDS, ids=str)
def test_5xx_for_every_kind(server, tmp_path, kind, mode):
    items, handled, rule = run(server, tmp_path, kind, mode)
    processed_first = mode.startswith("gateway:")
    assert rule.hits == ITEMS  # each item met the fault once
    states = {i.state for i in items}
    if not kind.resend_after_unknown:
        assert states == {State.NEEDS_ATTENTION}, [i.last_error for i in items][:2]
        assert all(i.attempts == 1 for i in items)  # exactly one request each
        assert all("may have been applied" in i.last_error for i in items)
        assert handled == (ITEMS if processed_first else 0)
        return
    assert all(i.attempts <= 2 for i in items)
    if kind is Kind.WMS_UPDATE and processed_first:
        # nShift applied the first; the repeat is refused as no longer Not Processed, and a
        # human checks (never "failed", never applied twice)
        assert states == {State.NEEDS_ATTENTION}
        assert all(n == 1 for n in server.sandbox.nshift.processings.values())
    else:
        assert states == {State.SENT}, [i.last_error for i in items][:2]
    assert handled == ITEMS * (2 if processed_first else 1)


@pytest.mark.parametrize("kind", HTTP_KINDS, ids=str)
def test_an_unexpected_sender_error_for_every_kind(server, tmp_path, kind):
    real = senders_for(server)
    calls = []

    def first_raises(payload):
        calls.append(1)
        if len(calls) % 2:  # every other call: the lane must go on past each
            raise OSError(5, "Input/output error")
        return real[kind](payload)

    items, handled, _ = run(server, tmp_path, kind, None, senders={kind: first_raises})
    failed = [i for i in items if i.state is State.NEEDS_ATTENTION]
    assert len(failed) == ITEMS // 2
    assert all("unexpected error while sending: OSError" in i.last_error for i in failed)
    assert {i.state for i in items if i not in failed} == {State.SENT}
    assert handled == ITEMS // 2
