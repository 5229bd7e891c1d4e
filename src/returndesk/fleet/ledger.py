"""The fleet's receipt ledger: every return received at any station, so a parcel scanned at
the next bench says "already received at Receiving 2 at 10:14 by Ada".

The station's own history (the outbox database) is the journal: :func:`catch_up` copies
into the ledger what the station received since the newest receipt the ledger has of it, so
nothing received while the database was away is missed, and a copy made twice is one row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from typing import Any

import psycopg

from returndesk.fleet.database import FleetDatabase
from returndesk.fleet.health import NOT_RECEIVED, units
from returndesk.outbox.store import OutboxStore

#: history rows are copied again from this long before the newest receipt the ledger has
#: (a row captured while the previous copy ran); copying one twice changes nothing
REREAD = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class Receipt:
    history_id: str
    return_id: str
    rma_number: str | None
    station: str
    operator: str | None
    received_at: datetime
    units: int


def _insert(conn: psycopg.Connection, station: str, rows: list[dict[str, Any]]) -> int:
    added = 0
    for row in rows:
        if row["source"] in NOT_RECEIVED:
            continue
        cur = conn.execute(
            "INSERT INTO receipts (history_id, return_id, rma_id, rma_number, station, "
            "operator, received_at, units) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (history_id) DO NOTHING",
            (
                row["id"],
                row["return_id"],
                row.get("rma_id"),
                row["rma_number"],
                station,
                row["operator"],
                row["captured_at"],
                units(row["summary"]),
            ),
        )
        added += cur.rowcount
    return added


def catch_up(db: FleetDatabase, store: OutboxStore, *, batch: int = 500) -> int:
    """Copy what the ledger lacks of this station's history; the receipts added."""
    newest = db.run(
        lambda conn: conn.execute(
            "SELECT max(received_at) FROM receipts WHERE station = %s", (db.station,)
        ).fetchone()
    )
    since = newest[0] - REREAD if newest and newest[0] else None
    added = 0
    while True:
        rows = store.history_after(since, limit=batch)
        added += db.run(partial(_insert, station=db.station, rows=rows))
        if len(rows) < batch:
            return added
        if rows[-1]["captured_at"] == since:
            return added  # a page of one instant: go on at the next call
        since = rows[-1]["captured_at"]


def record(db: FleetDatabase, entry: dict[str, Any]) -> None:
    """One receipt at once (just submitted); :func:`catch_up` repeats it if this fails."""
    db.run(partial(_insert, station=db.station, rows=[entry]))


def receipts_of(
    db: FleetDatabase, *, return_id: str | None = None, rma_id: str | None = None
) -> list[Receipt]:
    """Where and when the return (or RMA) was received, newest first."""
    column, value = ("rma_id", rma_id) if rma_id is not None else ("return_id", return_id)
    rows = db.run(
        lambda conn: conn.execute(
            "SELECT history_id, return_id, rma_number, station, operator, received_at, units "
            f"FROM receipts WHERE {column} = %s ORDER BY received_at DESC",
            (value,),
        ).fetchall()
    )
    return [Receipt(*r) for r in rows]
