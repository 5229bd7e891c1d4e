"""Outbox drain throughput against the sandbox on loopback, next to a plain httpx loop.

Both post the same wms-update bodies to the same server. The drainer also does what makes it
safe (two ``synchronous=FULL`` commits per item: "sending" before the request, the outcome
after), and that is what the ratio shows.
"""

from __future__ import annotations

import tempfile
import threading
import time
from pathlib import Path

import httpx

from benchmarks.runner import Figure, repeat
from returndesk.core import json_codec
from returndesk.outbox.drainer import Drainer
from returndesk.outbox.model import Capture, Kind, Lane, NewItem
from returndesk.outbox.senders import build_senders
from returndesk.outbox.store import OutboxStore
from returndesk.sandbox.app import DEMO_CREDENTIALS, Sandbox, SandboxConfig
from returndesk.sandbox.server import SandboxServer
from returndesk.sandbox.urls import SandboxUrls
from returndesk.vendors.nshift import NShiftClient
from tests.e2e.test_outbox_faults import wms_payload


def _payloads(sandbox: Sandbox, count: int) -> list[tuple[str, dict]]:
    rmas = [r for r in sandbox.data.rmas.values() if r.nshift_status == "Not Processed"]
    return [(r.record["nshift_return_id"], wms_payload(r)) for r in rmas[:count]]


def _plain_loop(server: SandboxServer, payloads: list[tuple[str, dict]]) -> float:
    server.sandbox.reset()
    url = SandboxUrls.at(server.origin).nshift + "/wms-update"
    auth = (DEMO_CREDENTIALS["nshift_username"], DEMO_CREDENTIALS["nshift_password"])
    bodies = [json_codec.dumps(p).encode() for _, p in payloads]
    with httpx.Client(auth=auth, headers={"Content-Type": "application/json"}) as client:
        started = time.perf_counter()
        for body in bodies:
            client.post(url, content=body).raise_for_status()
        elapsed = time.perf_counter() - started
    return len(bodies) / elapsed


def _drain(
    server: SandboxServer, payloads: list[tuple[str, dict]], per_minute: int | None, db_dir: Path
) -> tuple[float, int]:
    """Items per second from the drainer's start until the last is sent; and 429s seen."""
    server.sandbox.reset()
    with tempfile.TemporaryDirectory(dir=db_dir) as scratch:
        store = OutboxStore(Path(scratch) / "outbox.db")
        for return_id, payload in payloads:
            store.capture(Capture(return_id, "bench", {}), [NewItem(Kind.WMS_UPDATE, payload)])
        client = NShiftClient.create(
            SandboxUrls.at(server.origin).nshift,
            DEMO_CREDENTIALS["nshift_username"],
            DEMO_CREDENTIALS["nshift_password"],
        )
        done = threading.Event()
        drainer = Drainer(
            store.path,
            build_senders(nshift=client),
            per_minute={Lane.NSHIFT: per_minute},
            on_change=lambda c, r: c.pending == 0 and done.set(),
        )
        started = time.perf_counter()
        drainer.start()
        done.wait(600)
        elapsed = time.perf_counter() - started
        drainer.stop()
        sent = store.counts().sent
        store.close()
        client.close()
    limited = sum(1 for r in server.sandbox.requests_to("nshift") if r.status == 429)
    assert sent == len(payloads), f"only {sent} of {len(payloads)} sent"
    return len(payloads) / elapsed, limited


def run(quick: bool, db_dir: Path) -> list[Figure]:
    items = 40 if quick else 400
    runs = 1 if quick else 5
    figures = []
    unlimited = Sandbox(SandboxConfig(rma_count=items + 10, nshift_per_minute=None))
    with SandboxServer(unlimited) as server:
        payloads = _payloads(unlimited, items)
        plain = repeat(lambda: _plain_loop(server, payloads), runs)
        drained = repeat(lambda: _drain(server, payloads, None, db_dir)[0], runs)
    figures.append(
        Figure(
            f"outbox drain, {items} items, no limit",
            "items/s",
            *drained,
            baseline_name="plain httpx loop",
            baseline=plain[0],
            ratio=drained[0] / plain[0],
            note=f"plain loop {plain[0]:.0f}/s (min {plain[1]:.0f}, max {plain[2]:.0f})",
        )
    )

    limit = 600 if quick else 60
    paced_items = 8 if quick else 40
    limited_box = Sandbox(SandboxConfig(rma_count=paced_items + 10, nshift_per_minute=limit))
    with SandboxServer(limited_box) as server:
        rate, too_many = _drain(server, _payloads(limited_box, paced_items), limit, db_dir)
    per_minute = rate * 60
    # n items at a fixed spacing span n-1 intervals; the rate over intervals is the fair one
    spaced = per_minute * (paced_items - 1) / paced_items
    figures.append(
        Figure(
            f"outbox drain under a {limit}/min limit, {paced_items} items",
            "items/min",
            spaced,
            spaced,
            spaced,
            baseline_name="the limit",
            baseline=float(limit),
            ratio=spaced / limit,
            note=f"{too_many} answered 429",
        )
    )
    return figures
