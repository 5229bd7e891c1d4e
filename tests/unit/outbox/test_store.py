import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import timedelta

import pytest

from returndesk.outbox.model import Capture, Counts, Kind, Lane, NewItem, State
from returndesk.outbox.policy import Outcome
from returndesk.outbox.store import AlreadyCaptured, OutboxStore, Settlement, StorageError
from tests.outbox_bodies import update_body


def capture(store, return_id="R1", extra=()):
    return store.capture(
        Capture(return_id, "rma", {"lines": 1}),
        [NewItem(Kind.WMS_UPDATE, update_body(return_id)), *extra],
    )


def test_capture_writes_history_and_items_together(store):
    history_id, ids = capture(
        store, extra=[NewItem(Kind.RMA_STATUS, {"rma_id": "a", "status": "received"})]
    )
    assert len(ids) == 2
    assert store.counts() == Counts(waiting=2)
    assert [i.history_id for i in store.items()] == [history_id, history_id]
    assert store.history_for_return("R1")[0]["id"] == history_id
    assert {i.lane for i in store.items()} == {Lane.NSHIFT, Lane.RETURNMATE}


def test_a_return_is_captured_once(store):
    capture(store)
    with pytest.raises(AlreadyCaptured):
        capture(store)
    assert store.counts().waiting == 1


def test_a_failing_capture_leaves_nothing(store):
    class Boom:
        kind = Kind.WMS_UPDATE

        @property
        def payload(self):
            raise RuntimeError("mid-capture")

    with pytest.raises(RuntimeError):
        store.capture(
            Capture("R2", "rma", {}), [NewItem(Kind.WMS_UPDATE, update_body("R2")), Boom()]
        )
    assert store.counts() == Counts()
    assert store.history_for_return("R2") == []


def test_claim_is_fifo_per_lane_and_commits_sending(store, tmp_path, clock):
    capture(store, "R1")
    capture(store, "R2")
    first = store.claim_next(Lane.NSHIFT)
    assert first.state is State.SENDING
    assert '"returnId":"R1"' in first.payload_json
    other = OutboxStore(store.path, clock=clock)  # another thread's view
    assert other.get(first.id).state is State.SENDING
    assert '"returnId":"R2"' in other.claim_next(Lane.NSHIFT).payload_json
    assert other.claim_next(Lane.NSHIFT) is None
    assert store.claim_next(Lane.RETURNMATE) is None
    other.close()


def test_head_of_line_waits_for_its_next_attempt(store, clock):
    capture(store, "R1")
    capture(store, "R2")
    item = store.claim_next(Lane.NSHIFT)
    store.record_outcome(item, Outcome(State.WAITING, clock.now.replace(hour=9), "503"))
    assert store.claim_next(Lane.NSHIFT) is None  # R2 does not overtake R1
    clock.advance(hours=1)
    assert store.claim_next(Lane.NSHIFT).id == item.id
    assert store.get(item.id).attempts == 1


def test_lane_pause_blocks_claims(store, clock):
    capture(store, "R1")
    item = store.claim_next(Lane.NSHIFT)
    until = clock.now.replace(minute=5)
    store.record_outcome(
        item, Outcome(State.WAITING, until, "429", counts_attempt=False, lane_pause_until=until)
    )
    assert store.lane_state(Lane.NSHIFT).paused_until == until
    assert store.get(item.id).attempts == 0
    clock.advance(minutes=4)
    assert store.claim_next(Lane.NSHIFT) is None
    clock.advance(minutes=2)
    assert store.claim_next(Lane.NSHIFT) is not None


def test_crash_while_sending_becomes_unknown_or_needs_attention(store):
    capture(store, "R1", extra=[NewItem(Kind.RMA_NOTE, {"rma_id": "a", "content": "x"})])
    store.enqueue([NewItem(Kind.ANALYZE, {"order_id": "1"})])
    for lane in Lane:
        store.claim_next(lane)
    assert store.recover_after_crash() == 3
    states = {i.kind: (i.state, i.was_unknown) for i in store.items()}
    assert states[Kind.WMS_UPDATE] == (State.UNKNOWN, True)
    assert states[Kind.RMA_NOTE] == (State.NEEDS_ATTENTION, True)
    assert states[Kind.ANALYZE] == (State.NEEDS_ATTENTION, True)


def test_sent_records_digest_and_staff_retry(store, clock):
    capture(store, "R1")
    capture(store, "R2")
    a = store.claim_next(Lane.NSHIFT)
    store.record_sent(a.id, {"ok": True})
    b = store.claim_next(Lane.NSHIFT)
    store.record_outcome(b, Outcome(State.FAILED, clock.now, "400 bad"))
    assert store.counts() == Counts(sent=1, failed=1)
    assert store.retry(b.id[:8]) == 1
    assert store.get(b.id).state is State.WAITING
    assert store.get(a.id).state is State.SENT  # retry never touches sent items
    assert store.retry_all().total == 1


def test_disk_full_by_page_limit_keeps_nothing_partial_and_recovers(store):
    capture(store, "R0")
    pages = store.connection.execute("PRAGMA page_count").fetchone()[0]
    store.connection.execute(f"PRAGMA max_page_count = {pages + 1}")
    big = [NewItem(Kind.RMA_NOTE, {"rma_id": "a", "content": "x" * 20_000}) for _ in range(5)]
    with pytest.raises(StorageError, match="disk is full"):
        capture(store, "R1", extra=big)
    assert store.history_for_return("R1") == []
    assert store.counts() == Counts(waiting=1)
    assert store.connection.execute("PRAGMA quick_check").fetchone() == ("ok",)
    store.connection.execute("PRAGMA max_page_count = 1073741823")
    capture(store, "R1", extra=big)  # space is back: works again, nothing to reset
    assert store.counts().waiting == 7


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_disk_full_by_file_size_limit(tmp_path):
    db = tmp_path / "outbox.db"
    OutboxStore(db).close()
    body = update_body("R")
    script = textwrap.dedent(f"""
        import resource, signal, sys
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        from returndesk.outbox.store import OutboxStore, StorageError
        from returndesk.outbox.model import Capture, Kind, NewItem
        store = OutboxStore(__import__("pathlib").Path({str(db)!r}))
        size = __import__("os").path.getsize({str(db)!r})
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 8192, resource.RLIM_INFINITY))
        ok = failed = 0
        for n in range(200):
            try:
                store.capture(Capture(f"R{{n}}", "rma", {{}}),
                              [NewItem(Kind.RMA_NOTE, {{"c": "x" * 4000}}),
                               NewItem(Kind.WMS_UPDATE, {body!r})])
                ok += 1
            except StorageError as exc:
                failed += 1
                message = str(exc)
        print(ok, failed, message)
    """)
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=os.environ
    )
    print(result.stdout)
    assert result.returncode == 0, result.stderr
    ok, failed, message = result.stdout.split(" ", 2)
    assert int(ok) > 0
    assert int(failed) > 0
    assert "full" in message or "could not be written" in message
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    histories = conn.execute("SELECT count(*) FROM history").fetchone()[0]
    items = conn.execute("SELECT count(*) FROM outbox").fetchone()[0]
    assert items == 2 * histories == 2 * int(ok)  # never a history row without its items
    conn.close()
    store = OutboxStore(db)  # without the limit, it works again
    store.capture(Capture("after", "rma", {}), [NewItem(Kind.WMS_UPDATE, update_body("after"))])
    store.close()


def test_received_says_which_returns_are_in_history(tmp_path):
    from returndesk.outbox.model import Capture, Kind, NewItem
    from returndesk.outbox.store import OutboxStore

    store = OutboxStore(tmp_path / "outbox.db")
    for rid in ("NSR1", "NSR3"):
        store.capture(Capture(rid, "rma", {}), [NewItem(Kind.WMS_UPDATE, update_body(rid))])
    many = [f"NSR{n}" for n in range(1200)]  # more than one query's worth of parameters
    assert store.received(many) == {"NSR1", "NSR3"}
    assert store.received([]) == set()
    store.close()


def test_a_group_that_ends_in_a_credentials_refusal_leaves_the_lane_blocked(store, clock):
    """A group's successes clear a block once; the refusal that ends the group stays."""
    for return_id in ("R1", "R2", "R3"):
        capture(store, return_id)
    _, claimed = store.settle_and_claim(Lane.NSHIFT, claim=3)
    refused = Outcome(
        State.WAITING,
        clock() + timedelta(minutes=15),
        "nShift: HTTP 401",
        counts_attempt=False,
        lane_pause_until=clock() + timedelta(minutes=15),
        lane_auth_blocked=True,
    )
    newly_blocked, _ = store.settle_and_claim(
        Lane.NSHIFT,
        [
            Settlement(claimed[0], response={}),
            Settlement(claimed[1], response={}),
            Settlement(claimed[2], refused),
        ],
        claim=0,
    )
    assert newly_blocked
    assert store.lane_state(Lane.NSHIFT).auth_blocked
    # and the next success clears it, as one always did
    store.settle_and_claim(Lane.NSHIFT, [Settlement(claimed[2], response={})], claim=0)
    assert not store.lane_state(Lane.NSHIFT).auth_blocked
