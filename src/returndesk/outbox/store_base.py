"""The outbox database's foundation: schema, connection, transactions, row types.

:class:`StoreBase` holds one connection and the transaction helper; the outbox store
(:mod:`returndesk.outbox.store`) adds delivery, :mod:`returndesk.outbox.staff` what staff do,
and :mod:`returndesk.outbox.records` what the Queue and History read.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from returndesk.core import json_codec
from returndesk.outbox.evidence import EVIDENCE_SCHEMA
from returndesk.outbox.model import (
    Item,
    Kind,
    Lane,
    NewItem,
    State,
    check_new_item,
)
from returndesk.outbox.policy import Outcome

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS history (
    id TEXT PRIMARY KEY,
    captured_at TEXT NOT NULL,
    return_id TEXT NOT NULL,
    rma_id TEXT,
    rma_number TEXT,
    source TEXT NOT NULL,
    operator TEXT,
    summary_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS history_return ON history(return_id);
CREATE INDEX IF NOT EXISTS history_captured ON history(captured_at);
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    history_id TEXT REFERENCES history(id),
    lane TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    next_attempt_at TEXT NOT NULL,
    sent_at TEXT,
    last_error TEXT,
    response_digest TEXT,
    was_unknown INTEGER NOT NULL DEFAULT 0,
    request_body TEXT
);
CREATE INDEX IF NOT EXISTS outbox_lane_state ON outbox(lane, state, seq);
CREATE INDEX IF NOT EXISTS outbox_state ON outbox(state);
CREATE INDEX IF NOT EXISTS outbox_state_seq ON outbox(state, seq);
CREATE TABLE IF NOT EXISTS resolutions (
    item_id TEXT PRIMARY KEY REFERENCES outbox(id),
    resolved_at TEXT NOT NULL,
    operator TEXT,
    reason TEXT NOT NULL,
    state_before TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS plates (
    plate_id TEXT PRIMARY KEY,
    history_id TEXT NOT NULL REFERENCES history(id),
    order_item_id TEXT,
    kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS plates_history ON plates(history_id);
CREATE TABLE IF NOT EXISTS lanes (
    lane TEXT PRIMARY KEY,
    paused_until TEXT,
    reason TEXT,
    auth_blocked INTEGER NOT NULL DEFAULT 0
);
"""
#: kinds whose delivery sets off more work in the same transaction (see outbox.evidence)
CONTINUED_KINDS = frozenset({Kind.PHOTO_UPLOAD.value, Kind.ANALYZE.value, Kind.WMS_UPDATE.value})
ITEM_COLUMNS = (
    "seq, id, history_id, lane, kind, payload_json, state, attempts, created_at, "
    "updated_at, next_attempt_at, sent_at, last_error, was_unknown, request_body"
)
#: how many values ITEM_COLUMNS selects (a query may select more after them)
ITEM_WIDTH = len(ITEM_COLUMNS.split(","))
PREFIXED_ITEM_COLUMNS = ", ".join("o." + c.strip() for c in ITEM_COLUMNS.split(","))


@dataclass(frozen=True, slots=True)
class Settlement:
    """What one delivery attempt came to, for the store to record: ``outcome`` for a failed
    attempt, else a success with the vendor's ``response`` (and a pause for its quota)."""

    item: Item
    outcome: Outcome | None = None
    response: Any = None
    pause_until: datetime | None = None


class StorageError(RuntimeError):
    """The database could not be written (disk full, I/O error); nothing partial was kept."""


class DuplicateRisk(ValueError):
    """Sending this again may duplicate it at the vendor; the operator must confirm."""


class AlreadyCaptured(ValueError):
    """This return was already submitted from this station."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def ts(value: datetime) -> str:
    """Fixed-width UTC text, so string order is time order in SQL."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_ts(value: str) -> datetime:
    """Read :func:`ts` text back (30x faster than strptime: the Queue reads 2,000 rows a
    second while it is open, and every claim reads three of these)."""
    moment = datetime.fromisoformat(value)
    if len(value) != 27 or moment.utcoffset() != timedelta(0):
        raise ValueError(f"not a ReturnDesk timestamp: {value[:40]!r}")
    return moment


def connect(path: Path, timeout: float = 10.0) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


#: columns added after a database was first made: (table, column, declaration). Each is
#: nullable, so an older station that opens the file again simply ignores it
_ADDED_COLUMNS = (("outbox", "request_body", "TEXT"),)


def _add_missing_columns(conn: sqlite3.Connection) -> None:
    for table, column, declaration in _ADDED_COLUMNS:
        present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in present:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")


def _storage_error(exc: sqlite3.Error) -> StorageError:
    text = str(exc).lower()
    if "full" in text:
        return StorageError(
            "the station's disk is full: nothing was saved. Free some space; "
            "the station carries on by itself once there is room"
        )
    return StorageError(f"the station's database could not be written: {exc}")


class StoreBase:
    def __init__(self, path: Path, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.path = path
        self._clock = clock
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = connect(path)
        with self._tx():
            # executescript() would commit; statements one by one stay in this transaction
            for statement in filter(str.strip, (_SCHEMA + ";" + EVIDENCE_SCHEMA).split(";")):
                self._conn.execute(statement)
            self._conn.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
            _add_missing_columns(self._conn)

    def close(self) -> None:
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        return self._conn

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _storage_error(exc) from None
        try:
            yield self._conn
            self._conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self._rollback()
            if "locked" in str(exc) or "busy" in str(exc):
                raise
            raise _storage_error(exc) from None
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        # SQLite may already have rolled back by itself (e.g. after SQLITE_FULL)
        with suppress(sqlite3.Error):
            self._conn.execute("ROLLBACK")

    def _insert_items(
        self,
        conn: sqlite3.Connection,
        items: Iterable[NewItem],
        history_id: str | None,
        now: datetime,
    ) -> list[str]:
        ids = []
        for item in items:
            body = check_new_item(item)
            item_id = str(uuid.uuid4())
            conn.execute(
                "INSERT INTO outbox (id, history_id, lane, kind, payload_json, state, "
                "created_at, updated_at, next_attempt_at, request_body) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    item_id,
                    history_id,
                    item.kind.lane.value,
                    item.kind.value,
                    json_codec.dumps(item.payload),
                    State.WAITING.value,
                    ts(now),
                    ts(now),
                    ts(now),
                    body,
                ),
            )
            ids.append(item_id)
        return ids

    def get(self, item_id: str) -> Item | None:
        row = self._conn.execute(
            f"SELECT {ITEM_COLUMNS} FROM outbox WHERE id = ?", (item_id,)
        ).fetchone()
        return item_of_row(row) if row else None


def item_of_row(row: Sequence[Any]) -> Item:
    return Item(
        seq=row[0],
        id=row[1],
        history_id=row[2],
        lane=Lane(row[3]),
        kind=Kind(row[4]),
        payload_json=row[5],
        state=State(row[6]),
        attempts=row[7],
        created_at=parse_ts(row[8]),
        updated_at=parse_ts(row[9]),
        next_attempt_at=parse_ts(row[10]),
        sent_at=parse_ts(row[11]) if row[11] else None,
        last_error=row[12],
        was_unknown=bool(row[13]),
        request_body=row[14],
    )


def history_of_row(row: Sequence[Any]) -> dict[str, Any]:
    return {
        "id": row[0],
        "captured_at": parse_ts(row[1]),
        "return_id": row[2],
        "rma_number": row[3],
        "source": row[4],
        "operator": row[5],
        "summary": json_codec.loads(row[6]),
    }


def id_prefix_pattern(item_id: str) -> str:
    """A LIKE pattern for ids starting with ``item_id`` (its wildcards taken literally)."""
    return item_id.replace("%", "").replace("_", "") + "%"
