"""Expected returns prefetched from ReturnMate into SQLite, so parcels resolve offline.

Every code a parcel may carry (RMA number, order number, and what the integrator's mapping
finds: nShift return id, forward order id, tracking numbers) is indexed. The whole record is
kept as ReturnMate sent it, so a changed mapping reads fields the station did not know of.

A full refresh pages through all receivable RMAs (mark), then removes every RMA it did not
see again (sweep): one that was cancelled, or received at another station, stops resolving
here. Between full refreshes :meth:`ExpectedReturnsCache.sync` asks only for the RMAs created
since the newest one it has (``created_after``, with an overlap for clocks that disagree): a
few requests instead of every page, so a station stays inside ReturnMate's daily quota. An RMA
that changes state meanwhile is caught when it is opened (it is re-read then) and by the
next full refresh. Everything here runs on a worker thread, never on the GUI thread.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from returndesk.core import json_codec
from returndesk.vendors.returnmate import ReturnMateClient, Rma, RmaFilter
from returndesk.vendors.rma_fields import FieldMap, read_rma

CACHE_NAME = "expected-returns.db"
#: bumped when the tables change; an older cache is dropped and refetched (it is only a copy)
CACHE_VERSION = 2
_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS rmas (id TEXT PRIMARY KEY, rma_number TEXT NOT NULL, "
    "status TEXT NOT NULL, fetched_at TEXT NOT NULL, seen_by TEXT, record_json TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS codes (code TEXT NOT NULL, rma_id TEXT NOT NULL, "
    "PRIMARY KEY (code, rma_id))",
    "CREATE INDEX IF NOT EXISTS codes_rma ON codes(rma_id)",
    # when the last full refresh ended, and the newest created_at it or a sync saw
    "CREATE TABLE IF NOT EXISTS sync (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
]
#: new RMAs are asked for from this long before the newest one seen: ReturnMate's clock and
#: the moment an RMA becomes visible may lag its created_at
OVERLAP = timedelta(minutes=10)


def full_due_at(now: datetime, hour: int) -> datetime:
    """The latest local ``hour`` o'clock at or before ``now``: a full refresh older than this
    is due (once a night, whenever the station first syncs after that hour)."""
    local = now.astimezone()
    moment = local.replace(hour=hour, minute=0, second=0, microsecond=0)
    if moment > local:
        moment -= timedelta(days=1)
    return moment.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class SyncResult:
    #: "full" (every page, then the sweep) or "new" (created since the watermark)
    kind: str
    #: RMAs fetched by this sync
    fetched: int
    #: receivable RMAs in the cache afterwards
    cached: int


BATCH = 500


class ExpectedReturnsCache:
    def __init__(self, path: Path, fields: FieldMap | None = None) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._fields = fields
        self._conn = sqlite3.connect(
            path, timeout=10, isolation_level=None, check_same_thread=False
        )
        self._conn.execute("PRAGMA journal_mode=WAL")
        # a lost cache is refetched; FULL durability is for the outbox
        self._conn.execute("PRAGMA synchronous=NORMAL")
        if int(self._conn.execute("PRAGMA user_version").fetchone()[0]) != CACHE_VERSION:
            self._conn.execute("DROP TABLE IF EXISTS rmas")
            self._conn.execute("DROP TABLE IF EXISTS codes")
            self._conn.execute(f"PRAGMA user_version = {CACHE_VERSION}")
        for statement in _SCHEMA:
            self._conn.execute(statement)

    def close(self) -> None:
        self._conn.close()

    def codes_of(self, rma: Rma) -> set[str]:
        if self._fields is None:
            found = {rma.rma_number, rma.order_number}
            return {c.strip().upper() for c in found if c and c.strip()}
        return read_rma(rma, self._fields).codes()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; anything raised rolls it back and goes on up."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def upsert(self, rmas: Iterable[Rma], *, seen_by: str | None = None) -> int:
        now = datetime.now(UTC).isoformat()
        count = 0
        with self._tx():
            for rma in rmas:
                self._conn.execute(
                    "INSERT INTO rmas VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                    "rma_number = excluded.rma_number, status = excluded.status, "
                    "fetched_at = excluded.fetched_at, record_json = excluded.record_json, "
                    "seen_by = coalesce(excluded.seen_by, rmas.seen_by)",
                    (
                        rma.id,
                        rma.rma_number,
                        rma.status,
                        now,
                        seen_by,
                        json_codec.dumps(rma.record or rma.model_dump(mode="json")),
                    ),
                )
                self._conn.execute("DELETE FROM codes WHERE rma_id = ?", (rma.id,))
                self._conn.executemany(
                    "INSERT OR IGNORE INTO codes VALUES (?, ?)",
                    [(code, rma.id) for code in self.codes_of(rma)],
                )
                count += 1
        return count

    def sync(
        self,
        client: ReturnMateClient,
        statuses: Sequence[str],
        *,
        now: datetime,
        full_due: datetime | None = None,
    ) -> SyncResult:
        """A full refresh when none has been made, when the last one is older than
        ``full_due`` (the night's reconcile), or when no watermark is known; else only the
        RMAs created since the watermark (less :data:`OVERLAP`), kept without a sweep."""
        full_at = self._sync_value("full_at")
        watermark = self._sync_value("watermark")
        if full_at is None or watermark is None or (full_due is not None and full_at < full_due):
            fetched = self.refresh(client, statuses, now=now)
            self._set_sync("synced_at", now)
            return SyncResult("full", fetched, self.count())
        rmas = list(
            client.iter_rmas(RmaFilter(status=list(statuses), created_after=watermark - OVERLAP))
        )
        self.upsert(rmas)
        self._advance_watermark(rmas)
        self._set_sync("synced_at", now)
        return SyncResult("new", len(rmas), self.count())

    def last_full(self) -> datetime | None:
        return self._sync_value("full_at")

    def synced_at(self) -> datetime | None:
        """When the copy last heard from its source (ReturnMate, or the fleet's copy)."""
        return self._sync_value("synced_at")

    def fleet_change(self) -> int:
        """The last change of the fleet's copy this cache has (see fleet.shared_cache)."""
        row = self._conn.execute("SELECT value FROM sync WHERE key = 'fleet_change'").fetchone()
        return int(row[0]) if row else 0

    def absorb(
        self,
        rmas: Sequence[Rma],
        gone: Sequence[str],
        *,
        change: int,
        full_at: datetime | None,
        synced_at: datetime | None,
    ) -> None:
        """Changes read from the fleet's copy: kept, removed, and how far the copy was read.
        The watermark moves with them, so the station can sync on its own when the fleet's
        database is away."""
        self.upsert(rmas)
        with self._tx() as conn:
            for rma_id in gone:
                conn.execute("DELETE FROM codes WHERE rma_id = ?", (rma_id,))
                conn.execute("DELETE FROM rmas WHERE id = ?", (rma_id,))
            conn.execute(
                "INSERT INTO sync VALUES ('fleet_change', ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (str(change),),
            )
            if full_at is not None:
                self._set_sync("full_at", full_at)
            if synced_at is not None:
                self._set_sync("synced_at", synced_at)
        self._advance_watermark(rmas)

    def _sync_value(self, key: str) -> datetime | None:
        row = self._conn.execute("SELECT value FROM sync WHERE key = ?", (key,)).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def _set_sync(self, key: str, value: datetime) -> None:
        self._conn.execute(
            "INSERT INTO sync VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value.astimezone(UTC).isoformat()),
        )

    def _advance_watermark(self, rmas: Sequence[Rma]) -> None:
        stamps = [r.created_at for r in rmas if r.created_at is not None]
        if not stamps:
            return
        newest = max(s if s.tzinfo else s.replace(tzinfo=UTC) for s in stamps)
        current = self._sync_value("watermark")
        if current is None or newest > current:
            self._set_sync("watermark", newest)

    def refresh(
        self, client: ReturnMateClient, statuses: Sequence[str], *, now: datetime | None = None
    ) -> int:
        """Fetch every RMA in ``statuses`` (all pages), store it, and sweep the ones not seen.

        Nothing is swept unless every page arrived: a refresh cut off by the network keeps
        the previous copy whole.
        """
        mark = uuid.uuid4().hex
        started = now or datetime.now(UTC)
        total = 0
        batch: list[Rma] = []
        for rma in client.iter_rmas(RmaFilter(status=list(statuses))):
            batch.append(rma)
            if len(batch) >= BATCH:
                total += self.upsert(batch, seen_by=mark)
                self._advance_watermark(batch)
                batch = []
        total += self.upsert(batch, seen_by=mark)
        self._advance_watermark(batch)
        self._sweep(mark)
        self._set_sync("full_at", started)
        return total

    def _sweep(self, mark: str) -> None:
        with self._tx() as conn:
            conn.execute(
                "DELETE FROM codes WHERE rma_id IN "
                "(SELECT id FROM rmas WHERE seen_by IS NULL OR seen_by != ?)",
                (mark,),
            )
            conn.execute("DELETE FROM rmas WHERE seen_by IS NULL OR seen_by != ?", (mark,))

    def remove(self, rma_id: str) -> None:
        """An RMA ReturnMate no longer has as receivable (seen when it was opened)."""
        with self._tx() as conn:
            conn.execute("DELETE FROM codes WHERE rma_id = ?", (rma_id,))
            conn.execute("DELETE FROM rmas WHERE id = ?", (rma_id,))

    def find(self, code: str) -> list[Rma]:
        rows = self._conn.execute(
            "SELECT r.record_json FROM codes c JOIN rmas r ON r.id = c.rma_id "
            "WHERE c.code = ? ORDER BY r.rma_number",
            (code.strip().upper(),),
        ).fetchall()
        return [Rma.model_validate(json_codec.loads(row[0])) for row in rows]

    def fetched_at(self, rma_id: str) -> datetime | None:
        """When this RMA's copy was last fetched from ReturnMate."""
        row = self._conn.execute("SELECT fetched_at FROM rmas WHERE id = ?", (rma_id,)).fetchone()
        return datetime.fromisoformat(row[0]) if row else None

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM rmas").fetchone()[0])
