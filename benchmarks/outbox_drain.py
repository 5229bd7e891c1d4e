"""Outbox drain throughput against the sandbox on loopback, next to a plain httpx loop.

Both post the same wms-update bodies to the same server, served by another process as a
vendor is another machine. The drainer also does what makes it safe (``synchronous=FULL``
commits: on this lane the results of up to 16 items and the claims of the next in one, never
more than 50 ms of sending unrecorded; an Idempotency-Key; pacing and failure rules), and that is
what the ratio shows.
"""

from __future__ import annotations

import gc
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx

from benchmarks.runner import Figure
from benchmarks.sandbox_process import log, reset, sandbox_process
from returndesk.core import json_codec
from returndesk.outbox.drainer import Drainer
from returndesk.outbox.model import Capture, Kind, Lane, NewItem
from returndesk.outbox.senders import build_senders
from returndesk.outbox.store import OutboxStore
from returndesk.sandbox.app import DEMO_CREDENTIALS
from returndesk.sandbox.demo_data import build_demo_data
from returndesk.sandbox.urls import SandboxUrls
from returndesk.vendors.nshift import NShiftClient
from tests.e2e.test_outbox_faults import wms_payload


def _payloads(rmas: int, count: int) -> list[tuple[str, dict]]:
    data = build_demo_data(rmas)  # the same seed as the sandbox process: the same returns
    found = [r for r in data.rmas.values() if r.nshift_status == "Not Processed"]
    return [(r.record["nshift_return_id"], wms_payload(r)) for r in found[:count]]


def _plain_loop(origin: str, payloads: list[tuple[str, dict]]) -> float:
    reset(origin)
    url = SandboxUrls.at(origin).nshift + "/wms-update"
    auth = (DEMO_CREDENTIALS["nshift_username"], DEMO_CREDENTIALS["nshift_password"])
    bodies = [json_codec.dumps(p).encode() for _, p in payloads]
    with httpx.Client(auth=auth, headers={"Content-Type": "application/json"}) as client:
        started = time.perf_counter()
        for body in bodies:
            client.post(url, content=body).raise_for_status()
        elapsed = time.perf_counter() - started
    return len(bodies) / elapsed


def _drain(
    origin: str, payloads: list[tuple[str, dict]], per_minute: int | None, db_dir: Path
) -> tuple[float, int]:
    """Items per second from the drainer's start until the last is sent; and 429s seen."""
    reset(origin)
    with tempfile.TemporaryDirectory(dir=db_dir) as scratch:
        store = OutboxStore(Path(scratch) / "outbox.db")
        for return_id, payload in payloads:
            store.capture(Capture(return_id, "bench", {}), [NewItem(Kind.WMS_UPDATE, payload)])
        client = NShiftClient.create(
            SandboxUrls.at(origin).nshift,
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
    limited = sum(1 for r in log(origin) if r["vendor"] == "nshift" and r["status"] == 429)
    assert sent == len(payloads), f"only {sent} of {len(payloads)} sent"
    return len(payloads) / elapsed, limited


def run(quick: bool, db_dir: Path) -> list[Figure]:
    items = 40 if quick else 400
    runs = 1 if quick else 8
    figures = []
    with sandbox_process(items + 10, "--nshift-per-minute", "0") as origin:
        payloads = _payloads(items + 10, items)
        ratios, drained, plain = [], [], []
        for run in range(runs):
            gc.collect()  # neither pays for the other's garbage
            # interleaved, and each goes first in every other run: the machine's drift and
            # whatever the server keeps from the run before hit both alike
            if run % 2:
                drained.append(_drain(origin, payloads, None, db_dir)[0])
                plain.append(_plain_loop(origin, payloads))
            else:
                plain.append(_plain_loop(origin, payloads))
                drained.append(_drain(origin, payloads, None, db_dir)[0])
            ratios.append(drained[-1] / plain[-1])
    figures.append(
        Figure(
            f"outbox drain, {items} items, no limit",
            "items/s",
            statistics.median(drained),
            min(drained),
            max(drained),
            baseline_name="plain httpx loop",
            baseline=statistics.median(plain),
            ratio=statistics.median(ratios),
            note=f"plain loop {statistics.median(plain):.0f}/s (min {min(plain):.0f}, "
            f"max {max(plain):.0f}); ratio per run {min(ratios):.2f}–{max(ratios):.2f}",
        )
    )

    limit = 600 if quick else 60
    paced_items = 8 if quick else 40
    with sandbox_process(paced_items + 10, "--nshift-per-minute", str(limit)) as origin:
        rate, too_many = _drain(origin, _payloads(paced_items + 10, paced_items), limit, db_dir)
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
