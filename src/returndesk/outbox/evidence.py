"""Photo evidence in the station's database: the photos taken, and WM Tech's analyses of them.

A wms-update carries the ReturnMate status change and note (``then``); they are queued when
nShift has accepted it, in the transaction that records it as sent.

A photo is recorded together with its upload item, in one transaction. The upload item carries
the analysis request to queue once the photo is public (``then``): it is queued in the same
transaction that records the upload as sent, so WM Tech is never asked about a photo it cannot
fetch, and never asked twice because of a crash. An analysis's answer is kept, with the return
and item it was for (``context``), in the transaction that records it as sent; it is there for
the history and the evidence bundle however late it arrives.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from returndesk.core import json_codec
from returndesk.outbox.model import THEN, Kind, NewItem

#: what a delivered wms-update may queue after itself
_AFTER_WMS_UPDATE = {Kind.RMA_STATUS.value, Kind.RMA_NOTE.value}

EVIDENCE_SCHEMA = """
CREATE TABLE IF NOT EXISTS photos (
    name TEXT PRIMARY KEY,
    return_id TEXT NOT NULL,
    order_item_id TEXT,
    taken_at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    original_sha256 TEXT NOT NULL,
    prepared_path TEXT NOT NULL,
    original_path TEXT NOT NULL,
    public_url TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS photos_return ON photos(return_id);
CREATE TABLE IF NOT EXISTS analyses (
    outbox_id TEXT PRIMARY KEY,
    return_id TEXT NOT NULL,
    order_item_id TEXT,
    photo TEXT,
    received_at TEXT NOT NULL,
    result_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS analyses_return ON analyses(return_id)
"""

InsertItems = Callable[[sqlite3.Connection, Iterable[NewItem], str | None, datetime], list[str]]


@dataclass(frozen=True, slots=True)
class PhotoRecord:
    name: str
    return_id: str
    order_item_id: str | None
    taken_at: str
    sha256: str
    original_sha256: str
    prepared_path: str
    original_path: str
    public_url: str


def insert_photo(conn: sqlite3.Connection, photo: PhotoRecord) -> None:
    conn.execute(
        "INSERT INTO photos VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            photo.name,
            photo.return_id,
            photo.order_item_id,
            photo.taken_at,
            photo.sha256,
            photo.original_sha256,
            photo.prepared_path,
            photo.original_path,
            photo.public_url,
        ),
    )


def after_sent(
    conn: sqlite3.Connection,
    item_id: str,
    kind: Kind,
    payload: dict[str, Any],
    response: Any,
    received_at: str,
    insert_items: InsertItems,
    now: datetime,
) -> None:
    """What a delivered item sets off, inside the transaction that records it as sent."""
    if kind is Kind.PHOTO_UPLOAD and isinstance(payload.get(THEN), dict):
        insert_items(conn, [NewItem(Kind.ANALYZE, payload[THEN])], None, now)
    if kind is Kind.WMS_UPDATE and isinstance(payload.get(THEN), list):
        # nShift accepted the return: only now is ReturnMate told (same history row)
        follow = [
            NewItem(Kind(entry["kind"]), {k: v for k, v in entry.items() if k != "kind"})
            for entry in payload[THEN]
            if isinstance(entry, dict) and entry.get("kind") in _AFTER_WMS_UPDATE
        ]
        insert_items(conn, follow, None, now)
    context = payload.get("context")
    if kind is Kind.ANALYZE and isinstance(context, dict) and context.get("return_id"):
        conn.execute(
            "INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?, ?, ?)",
            (
                item_id,
                str(context["return_id"]),
                _optional(context.get("order_item_id")),
                _optional(context.get("photo")),
                received_at,
                json_codec.dumps(response),
            ),
        )


def photos_for_return(conn: sqlite3.Connection, return_id: str) -> list[PhotoRecord]:
    rows = conn.execute(
        "SELECT * FROM photos WHERE return_id = ? ORDER BY taken_at, name", (return_id,)
    ).fetchall()
    return [PhotoRecord(*row) for row in rows]


def analyses_for_return(conn: sqlite3.Connection, return_id: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT order_item_id, photo, received_at, result_json FROM analyses "
        "WHERE return_id = ? ORDER BY received_at",
        (return_id,),
    ).fetchall()
    return [
        {
            "order_item_id": row[0],
            "photo": row[1],
            "received_at": row[2],
            "result": json_codec.loads(row[3]),
        }
        for row in rows
    ]


def photo_dicts(photos: Sequence[PhotoRecord]) -> list[dict[str, Any]]:
    return [asdict(photo) for photo in photos]


def _optional(value: Any) -> str | None:
    return None if value is None else str(value)
