"""Expected returns prefetched from ReturnMate into SQLite, so parcels resolve offline.

Every code a parcel may carry (RMA number, order number, nShift return id, forward order id,
tracking numbers) is indexed. Refreshing pages through all receivable RMAs and upserts them
in batches; it runs on a worker thread, never on the GUI thread.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from returndesk.vendors.returnmate import ReturnMateClient, Rma, RmaFilter

CACHE_NAME = "expected-returns.db"
_SCHEMA = [
    "CREATE TABLE IF NOT EXISTS rmas (id TEXT PRIMARY KEY, rma_number TEXT NOT NULL, "
    "status TEXT NOT NULL, fetched_at TEXT NOT NULL, record_json TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS codes (code TEXT NOT NULL, rma_id TEXT NOT NULL, "
    "PRIMARY KEY (code, rma_id))",
    "CREATE INDEX IF NOT EXISTS codes_rma ON codes(rma_id)",
]
BATCH = 500


def codes_of(rma: Rma) -> set[str]:
    found = {
        rma.rma_number,
        rma.order_number,
        rma.nshift_return_id,
        rma.forward_order_id,
        *rma.tracking_numbers,
    }
    return {c.strip().upper() for c in found if c and c.strip()}


class ExpectedReturnsCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(
            path, timeout=10, isolation_level=None, check_same_thread=False
        )
        self._conn.execute("PRAGMA journal_mode=WAL")
        # a lost cache is refetched; FULL durability is for the outbox
        self._conn.execute("PRAGMA synchronous=NORMAL")
        for statement in _SCHEMA:
            self._conn.execute(statement)

    def close(self) -> None:
        self._conn.close()

    def upsert(self, rmas: Iterable[Rma]) -> int:
        now = datetime.now(UTC).isoformat()
        count = 0
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            for rma in rmas:
                self._conn.execute(
                    "INSERT INTO rmas VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                    "rma_number = excluded.rma_number, status = excluded.status, "
                    "fetched_at = excluded.fetched_at, record_json = excluded.record_json",
                    (rma.id, rma.rma_number, rma.status, now, rma.model_dump_json()),
                )
                self._conn.execute("DELETE FROM codes WHERE rma_id = ?", (rma.id,))
                self._conn.executemany(
                    "INSERT OR IGNORE INTO codes VALUES (?, ?)",
                    [(code, rma.id) for code in codes_of(rma)],
                )
                count += 1
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        return count

    def refresh(self, client: ReturnMateClient, statuses: Sequence[str]) -> int:
        """Fetch every RMA in ``statuses`` (all pages) and store it; returns how many."""
        total = 0
        batch: list[Rma] = []
        for rma in client.iter_rmas(RmaFilter(status=list(statuses))):
            batch.append(rma)
            if len(batch) >= BATCH:
                total += self.upsert(batch)
                batch = []
        return total + self.upsert(batch)

    def find(self, code: str) -> list[Rma]:
        rows = self._conn.execute(
            "SELECT r.record_json FROM codes c JOIN rmas r ON r.id = c.rma_id "
            "WHERE c.code = ? ORDER BY r.rma_number",
            (code.strip().upper(),),
        ).fetchall()
        return [Rma.model_validate_json(row[0]) for row in rows]

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM rmas").fetchone()[0])
