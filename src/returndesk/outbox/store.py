"""The SQLite outbox and history: WAL, ``synchronous=FULL``, explicit ``BEGIN IMMEDIATE``.

Rules that make "none lost, none applied twice" hold:

* a capture (history row) and its outbox rows commit in one transaction;
* a row is marked ``sending`` and committed *before* the network call, and the result is
  recorded in a new transaction, so a crash in between is visible as ``sending`` on restart;
* nothing is ever deleted automatically.

Each thread opens its own :class:`OutboxStore` (SQLite connections belong to one thread).
"""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from returndesk.core import json_codec
from returndesk.outbox import evidence
from returndesk.outbox.model import (
    CLAIMABLE,
    Capture,
    Counts,
    Item,
    Kind,
    Lane,
    LaneState,
    NewItem,
    State,
)
from returndesk.outbox.policy import Outcome, after_unknown_on_start
from returndesk.outbox.records import Records
from returndesk.outbox.staff import StaffActions
from returndesk.outbox.store_base import (
    CONTINUED_KINDS,
    ITEM_COLUMNS,
    SCHEMA_VERSION,
    AlreadyCaptured,
    DuplicateRisk,
    Settlement,
    StorageError,
    connect,
    item_of_row,
    parse_ts,
    ts,
    utcnow,
)

#: the store's vocabulary, importable from here as before the split
__all__ = [
    "SCHEMA_VERSION",
    "AlreadyCaptured",
    "DuplicateRisk",
    "OutboxStore",
    "Settlement",
    "StorageError",
    "connect",
    "parse_ts",
    "ts",
    "utcnow",
]


class OutboxStore(StaffActions, Records):
    # ------------------------------------------------------------------ writing
    def capture(self, capture: Capture, items: Sequence[NewItem]) -> tuple[str, list[str]]:
        """Write the history row and its outbox rows atomically; returns their ids."""
        now = self._clock()
        history_id = str(uuid.uuid4())
        with self._tx() as conn:
            if (
                any(i.kind is Kind.WMS_UPDATE for i in items)
                and conn.execute(
                    "SELECT 1 FROM history h JOIN outbox o ON o.history_id = h.id "
                    "WHERE h.return_id = ? AND o.kind = ? AND o.state != ? LIMIT 1",
                    (capture.return_id, Kind.WMS_UPDATE.value, State.FAILED.value),
                ).fetchone()
            ):
                raise AlreadyCaptured(
                    f"return {capture.return_id} was already submitted from this station"
                )
            conn.execute(
                "INSERT INTO history VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    history_id,
                    ts(now),
                    capture.return_id,
                    capture.rma_id,
                    capture.rma_number,
                    capture.source,
                    capture.operator,
                    json_codec.dumps(capture.summary),
                ),
            )
            ids = self._insert_items(conn, items, history_id, now)
            # each label's plate id, stored with the item it is on: searchable, scannable
            conn.executemany(
                "INSERT INTO plates VALUES (?, ?, ?, ?)",
                [
                    (
                        item.payload["plate_id"],
                        history_id,
                        item.payload.get("order_item_id"),
                        item.payload["kind"],
                    )
                    for item in items
                    if item.kind is Kind.LABEL
                ],
            )
        return history_id, ids

    def enqueue(self, items: Sequence[NewItem], *, history_id: str | None = None) -> list[str]:
        """Queue items on their own, or (``history_id``) for a return already received: a
        reprint of its labels, say."""
        now = self._clock()
        with self._tx() as conn:
            return self._insert_items(conn, items, history_id, now)

    def claim_next(self, lane: Lane) -> Item | None:
        """Mark the lane's head item ``sending`` (committed) if it is due and the lane runs.

        Lanes are strictly FIFO: an item waiting for its next attempt holds back later ones.
        """
        claimed = self.settle_and_claim(lane)[1]
        return claimed[0] if claimed else None

    def settle_and_claim(
        self,
        lane: Lane,
        settled: Sequence[Settlement] = (),
        *,
        claim: int = 1,
        release: Sequence[Item] = (),
    ) -> tuple[bool, list[Item]]:
        """In one transaction (one ``synchronous=FULL`` commit): record what the last
        attempts did, give back items claimed ahead but not sent (``release``: their head
        failed or the lane must pause), and claim up to ``claim`` of the lane's next due
        items, in order. Returns whether a record newly blocked the lane for credentials,
        and the claimed items."""
        now = self._clock()
        with self._tx() as conn:
            newly_blocked = False
            for settlement in settled:
                newly_blocked = self._settle(conn, settlement, now) or newly_blocked
            for item in release:
                self._release(conn, item, now)
            return newly_blocked, self._claim(conn, lane, now, claim)

    def release(self, item: Item) -> None:
        """Give back an item claimed ahead but never sent: it is due again as it was."""
        now = self._clock()
        with self._tx() as conn:
            self._release(conn, item, now)

    @staticmethod
    def _release(conn: sqlite3.Connection, item: Item, now: datetime) -> None:
        conn.execute(
            "UPDATE outbox SET state = CASE WHEN was_unknown THEN ? ELSE ? END, "
            "updated_at = ? WHERE id = ? AND state = ?",
            (State.UNKNOWN.value, State.WAITING.value, ts(now), item.id, State.SENDING.value),
        )

    def _claim(self, conn: sqlite3.Connection, lane: Lane, now: datetime, limit: int) -> list[Item]:
        paused = conn.execute(
            "SELECT paused_until FROM lanes WHERE lane = ?", (lane.value,)
        ).fetchone()
        if limit < 1 or (paused and paused[0] and paused[0] > ts(now)):
            return []
        rows = conn.execute(
            f"SELECT {ITEM_COLUMNS} FROM outbox WHERE lane = ? AND state IN (?, ?) "
            "ORDER BY seq LIMIT ?",
            (lane.value, *(s.value for s in CLAIMABLE), limit),
        ).fetchall()
        due = []
        for row in rows:
            if row[10] > ts(now):  # strict FIFO: an item not yet due holds back the rest
                break
            due.append(row)
        if due:
            conn.executemany(
                "UPDATE outbox SET state = ?, updated_at = ? WHERE seq = ?",
                [(State.SENDING.value, ts(now), row[0]) for row in due],
            )
        return [replace(item_of_row(row), state=State.SENDING, updated_at=now) for row in due]

    def settle(self, settled: Settlement) -> bool:
        """Record one attempt's result; True if it newly blocked the lane for credentials."""
        now = self._clock()
        with self._tx() as conn:
            return self._settle(conn, settled, now)

    def _settle(self, conn: sqlite3.Connection, settled: Settlement, now: datetime) -> bool:
        if settled.outcome is not None:
            return self._record_outcome(conn, settled.item, settled.outcome, now)
        self._record_sent(conn, settled.item.id, settled.response, now)
        if settled.pause_until is not None:
            self._pause(conn, settled.item.lane, settled.pause_until, "rate limit reached")
        return False

    def record_sent(self, item_id: str, response: Any) -> None:
        now = self._clock()
        with self._tx() as conn:
            self._record_sent(conn, item_id, response, now)

    def _record_sent(
        self, conn: sqlite3.Connection, item_id: str, response: Any, now: datetime
    ) -> None:
        digest = hashlib.sha256(json_codec.dumps(response).encode()).hexdigest()
        row = conn.execute(
            # a sent item is never sent again: its frozen body need not be kept twice
            "UPDATE outbox SET state = ?, attempts = attempts + 1, sent_at = ?, "
            "updated_at = ?, response_digest = ?, last_error = NULL, request_body = NULL "
            "WHERE id = ? "
            "RETURNING kind, payload_json, history_id, lane",
            (State.SENT.value, ts(now), ts(now), digest, item_id),
        ).fetchone()
        if row is not None:
            # the vendor took the credentials after all (fixed in settings): not blocked
            conn.execute("DELETE FROM lanes WHERE lane = ? AND auth_blocked = 1", (row[3],))
        # most items set nothing off: their payload is parsed only if it may (a "then" or
        # an analysis's "context"), not for every item sent
        if (
            row is not None
            and row[0] in CONTINUED_KINDS
            and ('"then"' in row[1] or '"context"' in row[1])
        ):
            evidence.after_sent(
                conn,
                item_id,
                Kind(row[0]),
                json_codec.loads(row[1]),
                response,
                ts(now),
                lambda c, items, _h, n: self._insert_items(c, items, row[2], n),
                now,
            )

    def add_photo(self, photo: evidence.PhotoRecord, items: Sequence[NewItem]) -> list[str]:
        """Record a photo and queue its upload (and what follows it) atomically."""
        now = self._clock()
        with self._tx() as conn:
            evidence.insert_photo(conn, photo)
            return self._insert_items(conn, items, None, now)

    def photos_for_return(self, return_id: str) -> list[evidence.PhotoRecord]:
        return evidence.photos_for_return(self._conn, return_id)

    def analyses_for_return(self, return_id: str) -> list[dict[str, Any]]:
        return evidence.analyses_for_return(self._conn, return_id)

    def record_outcome(self, item: Item, outcome: Outcome) -> bool:
        """Record a failed attempt; True if this newly blocked the lane for credentials."""
        now = self._clock()
        with self._tx() as conn:
            return self._record_outcome(conn, item, outcome, now)

    def _record_outcome(
        self, conn: sqlite3.Connection, item: Item, outcome: Outcome, now: datetime
    ) -> bool:
        before = conn.execute(
            "SELECT auth_blocked FROM lanes WHERE lane = ?", (item.lane.value,)
        ).fetchone()
        newly_blocked = outcome.lane_auth_blocked and not (before and before[0])
        conn.execute(
            "UPDATE outbox SET state = ?, attempts = attempts + ?, next_attempt_at = ?, "
            "updated_at = ?, last_error = ?, was_unknown = ? WHERE id = ?",
            (
                outcome.state.value,
                1 if outcome.counts_attempt else 0,
                ts(outcome.next_attempt_at),
                ts(now),
                outcome.error,
                int(outcome.was_unknown),
                item.id,
            ),
        )
        if outcome.lane_pause_until is not None:
            conn.execute(
                "INSERT INTO lanes VALUES (?, ?, ?, ?) ON CONFLICT(lane) DO UPDATE SET "
                "paused_until = excluded.paused_until, reason = excluded.reason, "
                "auth_blocked = max(lanes.auth_blocked, excluded.auth_blocked)",
                (
                    item.lane.value,
                    ts(outcome.lane_pause_until),
                    outcome.error,
                    int(outcome.lane_auth_blocked),
                ),
            )
        return newly_blocked

    def pause_lane(self, lane: Lane, until: datetime, reason: str) -> None:
        """Hold a lane until ``until`` (the vendor said its quota is used up)."""
        with self._tx() as conn:
            self._pause(conn, lane, until, reason)

    @staticmethod
    def _pause(conn: sqlite3.Connection, lane: Lane, until: datetime, reason: str) -> None:
        conn.execute(
            "INSERT INTO lanes VALUES (?, ?, ?, 0) ON CONFLICT(lane) DO UPDATE SET "
            "paused_until = excluded.paused_until, reason = excluded.reason",
            (lane.value, ts(until), reason),
        )

    def due_now(self, lane: Lane) -> int:
        """The lane's vendor answers again: what waits out a backoff is due at once (the
        lane's pacing still spaces it); a pause the vendor asked for (429, credentials)
        stays. Returns how many items were brought forward."""
        now = self._clock()
        with self._tx() as conn:
            return conn.execute(
                "UPDATE outbox SET next_attempt_at = ? WHERE lane = ? AND state IN (?, ?) "
                "AND next_attempt_at > ?",
                (ts(now), lane.value, *(s.value for s in CLAIMABLE), ts(now)),
            ).rowcount

    def recover_after_crash(self) -> int:
        """Rows left ``sending`` by a crash become ``unknown`` (or need a human)."""
        now = self._clock()
        with self._tx() as conn:
            rows = conn.execute(
                "SELECT seq, kind FROM outbox WHERE state = ?", (State.SENDING.value,)
            ).fetchall()
            for seq, kind in rows:
                state = after_unknown_on_start(Kind(kind))
                note = "the station stopped while sending; " + (
                    "sending again" if state is State.UNKNOWN else "check with the vendor"
                )
                conn.execute(
                    "UPDATE outbox SET state = ?, was_unknown = 1, next_attempt_at = ?, "
                    "updated_at = ?, last_error = ? WHERE seq = ?",
                    (state.value, ts(now), ts(now), note, seq),
                )
        return len(rows)

    # ------------------------------------------------------------------ reading
    def counts(self) -> Counts:
        # by lane and state: the (lane, state, seq) index answers it without reading rows
        rows = self._conn.execute(
            "SELECT lane, state, count(*) FROM outbox GROUP BY lane, state"
        ).fetchall()
        counts: dict[str, int] = {}
        labels: dict[str, int] = {}
        for lane, state, n in rows:
            counts[state] = counts.get(state, 0) + n
            if lane == Lane.PRINTER.value:
                labels[state] = n
        pending = (State.WAITING, State.SENDING, State.UNKNOWN)
        attention = (State.FAILED, State.NEEDS_ATTENTION)
        return Counts(
            **{state: n for state, n in counts.items() if state in Counts.__dataclass_fields__},
            labels_pending=sum(labels.get(s.value, 0) for s in pending),
            labels_attention=sum(labels.get(s.value, 0) for s in attention),
        )

    def by_lane(self) -> dict[tuple[str, str], int]:
        """Items by (lane, state), for the station's health."""
        rows = self._conn.execute(
            "SELECT lane, state, count(*) FROM outbox GROUP BY lane, state"
        ).fetchall()
        return {(lane, state): n for lane, state, n in rows}

    def oldest_waiting(self) -> datetime | None:
        """When the oldest item not yet delivered (and not waiting for a human) was queued."""
        row = self._conn.execute(
            "SELECT min(created_at) FROM outbox WHERE state IN (?, ?, ?)",
            (State.WAITING.value, State.SENDING.value, State.UNKNOWN.value),
        ).fetchone()
        return parse_ts(row[0]) if row and row[0] else None

    def last_sent(self) -> dict[str, datetime]:
        """Each lane's newest delivery."""
        rows = self._conn.execute(
            "SELECT lane, max(sent_at) FROM outbox WHERE sent_at IS NOT NULL GROUP BY lane"
        ).fetchall()
        return {lane: parse_ts(at) for lane, at in rows if at}

    def items(
        self, states: Sequence[State] = (), *, limit: int = 500, offset: int = 0
    ) -> list[Item]:
        """Items in the order they were queued (oldest first)."""
        sql = f"SELECT {ITEM_COLUMNS} FROM outbox"
        params: list[Any] = []
        if states:
            sql += f" WHERE state IN ({','.join('?' * len(states))})"
            params += [s.value for s in states]
        sql += " ORDER BY seq LIMIT ? OFFSET ?"
        return [item_of_row(r) for r in self._conn.execute(sql, (*params, limit, offset))]

    def lane_state(self, lane: Lane) -> LaneState:
        row = self._conn.execute(
            "SELECT paused_until, reason, auth_blocked FROM lanes WHERE lane = ?", (lane.value,)
        ).fetchone()
        if row is None:
            return LaneState(lane, None, None, False)
        return LaneState(lane, parse_ts(row[0]) if row[0] else None, row[1], bool(row[2]))

    def next_due(self, lane: Lane) -> datetime | None:
        """When the lane's head item is due (ignoring lane pauses), or None if empty."""
        row = self._conn.execute(
            "SELECT next_attempt_at FROM outbox WHERE lane = ? AND state IN (?, ?) "
            "ORDER BY seq LIMIT 1",
            (lane.value, *(s.value for s in CLAIMABLE)),
        ).fetchone()
        return parse_ts(row[0]) if row else None
