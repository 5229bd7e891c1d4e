"""Kill -9 at random points during capture and drain, 300 times.

Children are forked from this already-imported process (so a cycle costs milliseconds, not an
interpreter start). Each child opens the outbox as the station does (recovering rows left
``sending``), then captures returns and drains them to the sandbox server running here, and
reports each capture on a pipe only after its commit. The parent kills it at a random moment.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import sys
import time
from collections import Counter

import httpx
import pytest

from returndesk.outbox.drainer import process_one
from returndesk.outbox.model import Capture, Kind, Lane, NewItem, State
from returndesk.outbox.senders import build_senders
from returndesk.outbox.startup import DB_NAME, open_outbox
from returndesk.sandbox.app import DEMO_CREDENTIALS, Sandbox, SandboxConfig
from returndesk.sandbox.server import SandboxServer
from returndesk.sandbox.urls import SandboxUrls
from returndesk.vendors.nshift import NShiftClient

from .test_outbox_faults import wms_payload

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(sys.platform == "win32", reason="uses fork and SIGKILL"),
]
CYCLES = 300


def child(data_dir, origin, payloads, ack_fd):
    """Runs in the forked child until killed."""
    store, _ = open_outbox(data_dir, min_free=0)
    client = NShiftClient.create(
        SandboxUrls.at(origin).nshift,
        DEMO_CREDENTIALS["nshift_username"],
        DEMO_CREDENTIALS["nshift_password"],
        timeout=httpx.Timeout(2.0),
    )
    senders = build_senders(nshift=client)
    rng = random.Random()
    captured = store.connection.execute("SELECT count(*) FROM history").fetchone()[0]
    while True:
        if captured < len(payloads):
            return_id, payload = payloads[captured]
            store.capture(Capture(return_id, "test", {}), [NewItem(Kind.WMS_UPDATE, payload)])
            os.write(ack_fd, f"{return_id}\n".encode())
            captured += 1
        if not process_one(store, Lane.NSHIFT, senders, rng=rng) and captured >= len(payloads):
            time.sleep(0.01)


def test_kill_nine_loop_loses_nothing_and_applies_nothing_twice(tmp_path):
    sandbox = Sandbox(SandboxConfig(rma_count=4000, nshift_per_minute=None))
    payloads = [
        (r.record["nshift_return_id"], wms_payload(r))
        for r in sandbox.data.rmas.values()
        if r.nshift_status == "Not Processed"
    ]
    rng = random.Random(20261124)
    acked: list[str] = []
    kills_while_sending = 0
    with SandboxServer(sandbox) as server:
        for _cycle in range(CYCLES):
            read_fd, write_fd = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child: never returns into pytest
                os.close(read_fd)
                try:
                    child(tmp_path, server.origin, payloads, write_fd)
                finally:
                    os._exit(1)
            os.close(write_fd)
            time.sleep(rng.uniform(0.05, 0.3))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            with os.fdopen(read_fd) as pipe:
                acked += pipe.read().split()
            conn = sqlite3.connect(tmp_path / DB_NAME)
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            history = [r[0] for r in conn.execute("SELECT return_id FROM history")]
            assert not [k for k, n in Counter(history).items() if n > 1]  # no duplicate rows
            assert set(acked) <= set(history)  # nothing acknowledged is lost
            per_history = conn.execute(
                "SELECT count(*) FROM history h LEFT JOIN outbox o ON o.history_id = h.id "
                "GROUP BY h.id HAVING count(o.id) != 1"
            ).fetchall()
            assert per_history == []  # each capture has exactly its one outbox row
            kills_while_sending += conn.execute(
                "SELECT count(*) FROM outbox WHERE state = 'sending'"
            ).fetchone()[0]
            conn.close()

        # after the last kill the station starts once more and sends everything
        store, _ = open_outbox(tmp_path, min_free=0)
        client = NShiftClient.create(
            SandboxUrls.at(server.origin).nshift,
            DEMO_CREDENTIALS["nshift_username"],
            DEMO_CREDENTIALS["nshift_password"],
        )
        senders = build_senders(nshift=client)
        while process_one(store, Lane.NSHIFT, senders, rng=rng):
            pass
        states = Counter(i.state for i in store.items(limit=100_000))
        store.close()

    assert len(acked) >= 300
    # every acknowledged capture is there; a few more committed just before their kill
    assert sum(states.values()) >= len(set(acked))
    assert states[State.WAITING] == states[State.UNKNOWN] == states[State.FAILED] == 0
    processings = sandbox.nshift.processings
    assert max(processings.values()) == 1  # R2: no return applied twice
    assert set(processings) >= set(acked)  # every acknowledged return reached nShift once
    # a needs-attention row is exactly a kill between nShift applying it and our commit
    assert states[State.NEEDS_ATTENTION] <= kills_while_sending
    print(
        f"\n{CYCLES} kills, {len(acked)} captures acknowledged, {dict(states)}, "
        f"{kills_while_sending} kills landed while sending"
    )
