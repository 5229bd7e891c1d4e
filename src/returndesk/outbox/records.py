"""What the Queue and History read: pages of the outbox with what each item is for, the
returns received, and what staff resolved."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from returndesk.outbox.model import (
    UNSENT,
    Item,
    Kind,
    QueueRow,
    State,
)
from returndesk.outbox.store_base import (
    ITEM_COLUMNS,
    ITEM_WIDTH,
    PREFIXED_ITEM_COLUMNS,
    StoreBase,
    history_of_row,
    item_of_row,
    parse_ts,
    ts,
)


class Records(StoreBase):
    def queue_count(self, states: Sequence[State] = ()) -> int:
        if not states:
            return int(self._conn.execute("SELECT count(*) FROM outbox").fetchone()[0])
        marks = ",".join("?" * len(states))
        return int(
            self._conn.execute(
                f"SELECT count(*) FROM outbox WHERE state IN ({marks})", [s.value for s in states]
            ).fetchone()[0]
        )

    def queue_rows(
        self, states: Sequence[State] = (), *, limit: int = 500, offset: int = 0
    ) -> list[QueueRow]:
        """A page of the Queue: what is not yet sent first, newest first within each, with
        the RMA or return each item is for. Every row is reachable by paging."""
        groups = [list(states)] if states else [list(UNSENT), [State.SENT, State.RESOLVED]]
        rows: list[QueueRow] = []
        for group in groups:
            count = self.queue_count(group)
            if offset >= count:
                offset -= count
                continue
            marks = ",".join("?" * len(group))
            found = self._conn.execute(
                f"SELECT {PREFIXED_ITEM_COLUMNS}, h.rma_number, h.return_id, "
                "json_extract(o.payload_json, '$.context.return_id'), "
                "json_extract(o.payload_json, '$.name'), r.reason, r.operator "
                "FROM outbox o LEFT JOIN history h ON h.id = o.history_id "
                "LEFT JOIN resolutions r ON r.item_id = o.id "
                f"WHERE o.state IN ({marks}) ORDER BY o.seq DESC LIMIT ? OFFSET ?",
                (*[s.value for s in group], limit - len(rows), offset),
            ).fetchall()
            for row in found:
                *subjects, reason, operator = row[ITEM_WIDTH:]
                subject = next((str(v) for v in subjects if v), "")
                resolution = None
                if reason:
                    resolution = reason + (f" ({operator})" if operator else "")
                rows.append(QueueRow(item_of_row(row[:ITEM_WIDTH]), subject, resolution))
            offset = 0
            if len(rows) >= limit:
                break
        return rows

    def resolutions_of(
        self, history_ids: Sequence[str]
    ) -> dict[str, list[tuple[Kind, str, str | None]]]:
        """Items of these history rows that staff resolved: (kind, reason, operator) each."""
        found: dict[str, list[tuple[Kind, str, str | None]]] = {}
        ids = list(history_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self._conn.execute(
                "SELECT o.history_id, o.kind, r.reason, r.operator FROM resolutions r "
                "JOIN outbox o ON o.id = r.item_id "
                f"WHERE o.history_id IN ({','.join('?' * len(chunk))}) ORDER BY r.resolved_at",
                chunk,
            ).fetchall()
            for history_id, kind, reason, operator in rows:
                found.setdefault(history_id, []).append((Kind(kind), reason, operator))
        return found

    def history_since(
        self, since: datetime, text: str = "", limit: int = 500
    ) -> list[dict[str, Any]]:
        """Returns received since ``since``, newest first; ``text`` filters on ids/operator."""
        like = f"%{text.strip()}%"
        rows = self._conn.execute(
            "SELECT id, captured_at, return_id, rma_number, source, operator, summary_json "
            "FROM history WHERE captured_at >= ? AND (return_id LIKE ? OR "
            "coalesce(rma_number, '') LIKE ? OR coalesce(operator, '') LIKE ? OR "
            "id IN (SELECT history_id FROM plates WHERE plate_id LIKE ?)) "
            "ORDER BY captured_at DESC LIMIT ?",
            (ts(since), like, like, like, like, limit),
        ).fetchall()
        return [history_of_row(r) for r in rows]

    def history_after(self, since: datetime | None, limit: int = 500) -> list[dict[str, Any]]:
        """Returns received at or after ``since`` (all when None), oldest first: the fleet's
        ledger catches up from these."""
        rows = self._conn.execute(
            "SELECT id, captured_at, return_id, rma_number, source, operator, summary_json, "
            "rma_id FROM history WHERE captured_at >= ? ORDER BY captured_at, id LIMIT ?",
            (ts(since) if since is not None else "", limit),
        ).fetchall()
        return [{**history_of_row(r), "rma_id": r[7]} for r in rows]

    def history_entry(self, history_id: str) -> dict[str, Any] | None:
        row = self._conn.execute(
            "SELECT id, captured_at, return_id, rma_number, source, operator, summary_json "
            "FROM history WHERE id = ?",
            (history_id,),
        ).fetchone()
        return history_of_row(row) if row else None

    def history_of_plate(self, plate_id: str) -> str | None:
        """The history row a printed plate belongs to (scanned on Ready), or None."""
        row = self._conn.execute(
            "SELECT history_id FROM plates WHERE plate_id = ?", (plate_id.strip().upper(),)
        ).fetchone()
        return str(row[0]) if row else None

    def last_labelled(self) -> str | None:
        """The newest received return that printed labels ("reprint the last one")."""
        row = self._conn.execute(
            "SELECT h.id FROM history h WHERE h.id IN (SELECT history_id FROM plates) "
            "ORDER BY h.captured_at DESC LIMIT 1"
        ).fetchone()
        return str(row[0]) if row else None

    def plates_of(self, history_id: str) -> list[tuple[str, str | None, str]]:
        """The plates printed for a return: (plate id, order item id, kind), item plates
        first."""
        rows = self._conn.execute(
            "SELECT plate_id, order_item_id, kind FROM plates WHERE history_id = ? "
            "ORDER BY kind = 'return', rowid",
            (history_id,),
        ).fetchall()
        return [(str(r[0]), r[1], str(r[2])) for r in rows]

    def items_of(self, history_id: str) -> list[Item]:
        rows = self._conn.execute(
            f"SELECT {ITEM_COLUMNS} FROM outbox WHERE history_id = ? ORDER BY seq", (history_id,)
        ).fetchall()
        return [item_of_row(r) for r in rows]

    def received(self, return_ids: Sequence[str]) -> set[str]:
        """Which of ``return_ids`` this station has in its history (one indexed query)."""
        found: set[str] = set()
        ids = list(return_ids)
        for start in range(0, len(ids), 500):  # SQLite's limit on host parameters
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(
                f"SELECT DISTINCT return_id FROM history WHERE return_id IN ({marks})", chunk
            ).fetchall()
            found.update(r[0] for r in rows)
        return found

    def submission_of(
        self, *, rma_id: str | None = None, return_id: str | None = None
    ) -> dict[str, Any] | None:
        """The newest history row of this RMA or return whose wms-update nShift has not
        refused (waiting, sent, or needing a human); None when there is none, or when every
        one was refused (failed): such a return may be corrected and submitted again."""
        column, value = ("rma_id", rma_id) if rma_id is not None else ("return_id", return_id)
        if value is None:
            return None
        row = self._conn.execute(
            "SELECT h.id, h.captured_at, h.operator, o.state FROM history h "
            f"JOIN outbox o ON o.history_id = h.id WHERE h.{column} = ? AND o.kind = ? "
            "AND o.state != ? ORDER BY h.captured_at DESC LIMIT 1",
            (value, Kind.WMS_UPDATE.value, State.FAILED.value),
        ).fetchone()
        if row is None:
            return None
        return {
            "id": row[0],
            "captured_at": parse_ts(row[1]),
            "operator": row[2],
            "state": State(row[3]),
        }

    def reopenable(self, history_id: str) -> str | None:
        """The RMA number of a history row whose wms-update nShift refused (failed) and that
        no later submission replaced: the operator may reopen it to correct it; else None."""
        row = self._conn.execute(
            "SELECT h.rma_number, h.return_id FROM history h JOIN outbox o "
            "ON o.history_id = h.id WHERE h.id = ? AND o.kind = ? AND o.state = ?",
            (history_id, Kind.WMS_UPDATE.value, State.FAILED.value),
        ).fetchone()
        if row is None or not row[0] or self.submission_of(return_id=row[1]) is not None:
            return None
        return str(row[0])

    def history_for_return(self, return_id: str) -> list[dict[str, Any]]:
        rows = self._conn.execute(
            "SELECT id, captured_at, rma_number, source, operator FROM history "
            "WHERE return_id = ? ORDER BY captured_at",
            (return_id,),
        ).fetchall()
        keys = ("id", "captured_at", "rma_number", "source", "operator")
        return [{**dict(zip(keys, r, strict=True)), "captured_at": parse_ts(r[1])} for r in rows]
