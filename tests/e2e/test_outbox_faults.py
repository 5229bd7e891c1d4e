"""Each network fault mode x 50 submissions against the sandbox over real HTTP.

Nothing is lost, every item ends in the state the rules give, the sandbox's nShift applies each
return at most once, and no item uses more requests than the rules allow.
"""

from __future__ import annotations

import os
import random
import socket
import tempfile
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from returndesk.core.wms_update import WmsUpdate
from returndesk.outbox.drainer import process_one
from returndesk.outbox.model import Capture, Kind, Lane, NewItem, State
from returndesk.outbox.senders import build_senders
from returndesk.outbox.store import OutboxStore
from returndesk.sandbox.app import DEMO_CREDENTIALS, Sandbox, SandboxConfig
from returndesk.sandbox.server import SandboxServer
from returndesk.sandbox.urls import SandboxUrls
from returndesk.vendors.nshift import NShiftClient
from tests.clock import Clock

pytestmark = pytest.mark.e2e
SUBMISSIONS = 50
CLIENT_TIMEOUT = 0.15
#: the network classification is under test here, not fsync: tmpfs where there is one
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") else None


def wms_payload(rma) -> dict:
    rec = rma.record
    items = [
        {
            "forwardOrderItemId": i["order_item_id"],
            "sku": i["sku"],
            "isPresent": True,
            "isAccepted": False,
            "netAmount": 0,
            "taxAmount": 0,
            "grossAmount": 0,
        }
        for i in rec["items"]
    ]
    return WmsUpdate.model_validate(
        {
            "returns": [
                {
                    "forwardOrderId": rec["forward_order_id"],
                    "returnId": rec["nshift_return_id"],
                    "updatedAt": "2026-11-24T08:00:00Z",
                    "currency": rec["currency"],
                    "itemCount": len(items),
                    "items": items,
                }
            ]
        }
    ).to_wire()


@pytest.fixture(scope="module")
def server():
    sandbox = Sandbox(SandboxConfig(rma_count=SUBMISSIONS + 10, nshift_per_minute=None))
    with SandboxServer(sandbox) as srv:
        yield srv


def run_mode(server, tmp_path, mode, *, refused=False):
    server.sandbox.reset()
    server.clear_faults()
    rule = server.inject("/nshift/", mode, delay=CLIENT_TIMEOUT * 3) if mode else None
    rmas = [r for r in server.sandbox.data.rmas.values() if r.nshift_status == "Not Processed"][
        :SUBMISSIONS
    ]
    clock = Clock()
    scratch = Path(tempfile.mkdtemp(dir=SCRATCH))
    store = OutboxStore(scratch / "outbox.db", clock=clock)
    for rma in rmas:
        store.capture(
            Capture(rma.record["nshift_return_id"], "test", {}),
            [NewItem(Kind.WMS_UPDATE, wms_payload(rma))],
        )
    origin = server.origin
    if refused:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            origin = f"http://127.0.0.1:{s.getsockname()[1]}"
    client = NShiftClient.create(
        SandboxUrls.at(origin).nshift,
        DEMO_CREDENTIALS["nshift_username"],
        DEMO_CREDENTIALS["nshift_password"],
        timeout=httpx.Timeout(CLIENT_TIMEOUT),
    )
    senders = build_senders(nshift=client)
    rng = random.Random(1)
    for round_number in range(3 * SUBMISSIONS):  # strict FIFO: one faulted head per round
        while process_one(store, Lane.NSHIFT, senders, rng=rng, clock=clock):
            pass
        counts = store.counts()
        if counts.pending == 0:
            break
        if refused and round_number == 2:  # the network comes back
            client = NShiftClient.create(
                SandboxUrls.at(server.origin).nshift,
                DEMO_CREDENTIALS["nshift_username"],
                DEMO_CREDENTIALS["nshift_password"],
                timeout=httpx.Timeout(CLIENT_TIMEOUT),
            )
            senders = build_senders(nshift=client)
        clock.now += timedelta(minutes=20)
    items = store.items(limit=1000)
    store.close()
    for leftover in scratch.iterdir():
        leftover.unlink()
    scratch.rmdir()
    assert len(items) == SUBMISSIONS  # nothing lost
    processings = server.sandbox.nshift.processings
    assert all(n == 1 for n in processings.values())  # nothing applied twice
    requests = {}
    for entry in server.sandbox.requests_to("nshift"):
        return_id = entry.body["returns"][0]["returnId"]
        requests[return_id] = requests.get(return_id, 0) + 1
    return items, processings, requests, rule


EXPECTED = {
    # mode: (final state, how many times nShift applied it, requests the sandbox handled)
    "reset": (State.SENT, 1, 1),
    "drop_before": (State.SENT, 1, 1),
    "drop_after": (State.NEEDS_ATTENTION, 1, 2),
    "timeout_after": (State.NEEDS_ATTENTION, 1, 2),
    "truncated": (State.NEEDS_ATTENTION, 1, 2),
    "html_200": (State.SENT, 1, 1),
    "status:500": (State.SENT, 1, 1),
    "status:502": (State.SENT, 1, 1),
    "status:503": (State.SENT, 1, 1),
    "status:504": (State.SENT, 1, 1),
    "html:502": (State.SENT, 1, 1),
    "429:seconds": (State.SENT, 1, 1),
    "429:date": (State.SENT, 1, 1),
    "status:401": (State.SENT, 1, 1),
    "status:403": (State.SENT, 1, 1),
    "status:400": (State.FAILED, 0, 0),
    "status:404": (State.FAILED, 0, 0),
}


@pytest.mark.parametrize("mode", list(EXPECTED))
def test_fault_mode_times_fifty(server, tmp_path, mode):
    items, processings, requests, rule = run_mode(server, tmp_path, mode)
    state, applied, handled = EXPECTED[mode]
    assert rule.hits == SUBMISSIONS
    assert {i.state for i in items} == {state}, [(i.state, i.last_error) for i in items][:3]
    assert len(processings) == (SUBMISSIONS if applied else 0)
    assert all(
        requests.get(i.payload_json.split('"returnId":"')[1].split('"')[0], 0) == handled
        for i in items
    )
    for item in items:
        assert item.attempts <= 2  # within budget, no hot loop
        if mode.startswith(("429", "status:401", "status:403")):
            assert item.attempts == 1  # a 429 or an auth pause burns no attempt
        if state is State.NEEDS_ATTENTION:
            assert "earlier attempt had no answer" in item.last_error
            assert "Not Processed" in item.last_error
        if state is State.FAILED:
            assert "simulated HTTP" in item.last_error


def test_connection_refused_then_network_returns(server, tmp_path):
    items, processings, _, _ = run_mode(server, tmp_path, None, refused=True)
    assert {i.state for i in items} == {State.SENT}
    assert len(processings) == SUBMISSIONS
    assert all(i.attempts == 1 for i in items)  # the outage burned no attempt
