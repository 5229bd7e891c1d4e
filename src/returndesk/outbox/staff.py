"""What staff do to outbox items: send again (asking where a repeat may duplicate), close
with a reason, queue a kept photo's analysis again."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Sequence
from typing import Any

from returndesk.core import json_codec
from returndesk.core.operator_text import Say
from returndesk.outbox.model import (
    CLAIMABLE,
    RESOLVABLE,
    RETRYABLE_BY_STAFF,
    THEN,
    Item,
    Kind,
    NewItem,
    RetryPlan,
    State,
)
from returndesk.outbox.store_base import (
    DuplicateRisk,
    StoreBase,
    id_prefix_pattern,
    ts,
)


class StaffActions(StoreBase):
    def _risky(self) -> tuple[str, list[Any]]:
        """SQL for "a repeat may duplicate": an unsafe kind whose earlier attempt may have
        reached the vendor."""
        unsafe = [k.value for k in Kind if not k.resend_after_unknown]
        return f"(was_unknown AND kind IN ({','.join('?' * len(unsafe))}))", unsafe

    def retry_plan(self) -> RetryPlan:
        """What :meth:`retry_all` would send again, per kind, and what it would leave."""
        states = [s.value for s in RETRYABLE_BY_STAFF]
        risky, risky_params = self._risky()
        marks = ",".join("?" * len(states))
        rows = self._conn.execute(
            f"SELECT kind, {risky} AS r, count(*) FROM outbox WHERE state IN ({marks}) "
            "GROUP BY kind, r",
            (*risky_params, *states),
        ).fetchall()
        per_kind: dict[Kind, int] = {}
        left = 0
        for kind, is_risky, count in rows:
            if is_risky:
                left += count
            else:
                per_kind[Kind(kind)] = per_kind.get(Kind(kind), 0) + count
        return RetryPlan(per_kind, left)

    def retry_all(self) -> RetryPlan:
        """Staff: send every unsent item again now, except those a repeat may duplicate
        (they are retried one by one, each confirmed); returns what was done."""
        states = [s.value for s in RETRYABLE_BY_STAFF]
        risky, risky_params = self._risky()
        with self._tx() as conn:
            plan = self.retry_plan()
            ids = [
                row[0]
                for row in conn.execute(
                    f"SELECT id FROM outbox WHERE state IN ({','.join('?' * len(states))}) "
                    f"AND NOT {risky}",
                    (*states, *risky_params),
                )
            ]
            self._send_again(conn, ids)
        return plan

    def retry(self, item_id: str, *, accept_duplicate_risk: bool = False) -> int:
        """Staff: send one item again now (an id or its first characters); 0 if none is
        retryable. A note or analysis whose earlier attempt may have landed raises
        :class:`DuplicateRisk` unless the operator accepted that it may be sent twice."""
        states = [s.value for s in RETRYABLE_BY_STAFF]
        risky, risky_params = self._risky()
        with self._tx() as conn:
            rows = conn.execute(
                f"SELECT id, kind, {risky} FROM outbox WHERE (id = ? OR id LIKE ?) "
                f"AND state IN ({','.join('?' * len(states))}) LIMIT 2",
                (*risky_params, item_id, id_prefix_pattern(item_id), *states),
            ).fetchall()
            if len(rows) > 1:
                raise ValueError(
                    Say("{id} names more than one item: give more of its id", id=item_id)
                )
            if not rows:
                return 0
            found, kind, is_risky = rows[0]
            if is_risky and not accept_duplicate_risk:
                raise DuplicateRisk(
                    Say(
                        "The earlier attempt of this {kind} may have reached the vendor: "
                        "sending it again may duplicate it. Check with the vendor first, then "
                        "confirm.",
                        kind=Kind(kind).value.replace("_", " "),
                    )
                )
            self._send_again(conn, [found], taken_over=bool(is_risky))
            return 1

    def _send_again(
        self, conn: sqlite3.Connection, ids: Sequence[str], *, taken_over: bool = False
    ) -> None:
        """Due now, attempts reset; only the lanes these items are in resume (a pause or a
        credentials block elsewhere stays). A wms-update or status keeps its "outcome
        unknown" mark, so a vendor refusal afterwards still goes to a human, not to failed;
        the mark of a note or analysis is cleared only when the operator took it over."""
        now = ts(self._clock())
        safe = [k.value for k in Kind if k.resend_after_unknown]
        keeps = f"was_unknown AND kind IN ({','.join('?' * len(safe))})"
        lanes: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            lanes.update(
                row[0]
                for row in conn.execute(
                    f"SELECT DISTINCT lane FROM outbox WHERE id IN ({marks})", chunk
                )
            )
            conn.execute(
                f"UPDATE outbox SET state = CASE WHEN {keeps} THEN ? ELSE ? END, "
                f"was_unknown = CASE WHEN {keeps} THEN 1 WHEN ? THEN 0 ELSE was_unknown END, "
                f"attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id IN ({marks})",
                (
                    *safe,
                    State.UNKNOWN.value,
                    State.WAITING.value,
                    *safe,
                    int(taken_over),
                    now,
                    now,
                    *chunk,
                ),
            )
        for lane in lanes:
            conn.execute("DELETE FROM lanes WHERE lane = ?", (lane,))

    def resolve(self, item_id: str, reason: str, operator: str | None = None) -> Item:
        """Staff: close a failed or needs-attention item after checking it with the vendor;
        the reason is required and kept (the History shows it). Raises ValueError."""
        reason = " ".join(reason.split())
        if not reason:
            raise ValueError(Say("say why the item is resolved (what the vendor shows)"))
        if len(reason) > 500:
            raise ValueError(Say("the reason is longer than {n} characters", n=500))
        if any(unicodedata.category(c) in ("Cc", "Cf") for c in reason):
            raise ValueError(Say("the reason contains control or invisible characters"))
        states = [s.value for s in RESOLVABLE]
        with self._tx() as conn:
            rows = conn.execute(
                f"SELECT id, state FROM outbox WHERE (id = ? OR id LIKE ?) "
                f"AND state IN ({','.join('?' * len(states))}) LIMIT 2",
                (item_id, id_prefix_pattern(item_id), *states),
            ).fetchall()
            if len(rows) != 1:
                raise ValueError(
                    Say("no failed or needs-attention item has the id {id}", id=item_id)
                    if not rows
                    else Say("{id} names more than one item: give more of its id", id=item_id)
                )
            found, before = rows[0]
            now = ts(self._clock())
            conn.execute(
                "INSERT INTO resolutions VALUES (?, ?, ?, ?, ?)",
                (found, now, operator, reason, before),
            )
            conn.execute(
                "UPDATE outbox SET state = ?, updated_at = ? WHERE id = ?",
                (State.RESOLVED.value, now, found),
            )
        resolved = self.get(found)
        assert resolved is not None
        return resolved

    def requeue_analysis(self, photo: str, *, accept_repeat: bool = False) -> str:
        """Queue WM Tech's analysis of a kept, published photo again; returns the new item's
        id. Refused while one is still queued; when one was sent or may have been (WM Tech
        may act on each analysis), only with ``accept_repeat``. Raises ValueError."""
        with self._tx() as conn:
            upload = conn.execute(
                "SELECT payload_json, state, history_id FROM outbox WHERE kind = ? "
                "AND json_extract(payload_json, '$.name') = ? ORDER BY seq DESC LIMIT 1",
                (Kind.PHOTO_UPLOAD.value, photo),
            ).fetchone()
            if upload is None:
                raise ValueError(f"no photo named {photo!r} was taken on this station")
            request = json_codec.loads(upload[0]).get(THEN)
            if not isinstance(request, dict):
                raise ValueError(f"the photo {photo!r} was kept without an analysis request")
            if upload[1] != State.SENT.value:
                raise ValueError(
                    f"the photo {photo!r} is not published yet ({upload[1]}): its analysis "
                    "is queued by itself once the upload is sent"
                )
            earlier = [
                State(row[0])
                for row in conn.execute(
                    "SELECT state FROM outbox WHERE kind = ? "
                    "AND json_extract(payload_json, '$.context.photo') = ?",
                    (Kind.ANALYZE.value, photo),
                )
            ]
            if any(state in (*CLAIMABLE, State.SENDING) for state in earlier):
                raise ValueError(f"an analysis of {photo!r} is queued already")
            if earlier and not accept_repeat:
                raise DuplicateRisk(
                    f"WM Tech has analysed {photo!r} before, or may have: another analysis "
                    "may set off its actions again. Confirm to send it anyway"
                )
            return self._insert_items(
                conn, [NewItem(Kind.ANALYZE, request)], upload[2], self._clock()
            )[0]
