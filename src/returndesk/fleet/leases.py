"""Return leases: one station at a time works on a return.

Opening a return takes its lease for ``lease_seconds`` (the Items screen renews it); the
lease is given back on submit or Esc. A lease that ran out may be taken by another station,
and every new holder gets a larger fencing token: the old holder's token no longer matches,
so it learns at submit that the return was taken over. Times are the database's own
(``now()``), so the stations' clocks need not agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import psycopg

from returndesk.fleet.database import FleetDatabase


@dataclass(frozen=True, slots=True)
class Lease:
    return_id: str
    station: str
    operator: str | None
    opened_at: datetime
    expires_at: datetime
    token: int


class LeaseHeld(Exception):
    """Another station holds the return's lease."""

    def __init__(self, holder: Lease) -> None:
        super().__init__(f"{holder.return_id} is open at {holder.station}")
        self.holder = holder


class LeaseLost(Exception):
    """Our lease was taken over (or given back) meanwhile; ``holder``: who has it now."""

    def __init__(self, lease: Lease, holder: Lease | None) -> None:
        super().__init__(f"{lease.return_id}: the lease {lease.token} is no longer held")
        self.lease = lease
        self.holder = holder


_COLUMNS = "return_id, station, operator, opened_at, expires_at, token"


def _lease(row: tuple[object, ...]) -> Lease:
    return Lease(*row)  # type: ignore[arg-type]


def holder(conn: psycopg.Connection, return_id: str) -> Lease | None:
    row = conn.execute(
        f"SELECT {_COLUMNS} FROM return_leases WHERE return_id = %s", (return_id,)
    ).fetchone()
    return _lease(row) if row else None


class Leases:
    def __init__(self, db: FleetDatabase, seconds: int) -> None:
        self._db = db
        self._seconds = seconds

    def take(self, return_id: str, operator: str | None) -> Lease:
        """The lease for this station; :class:`LeaseHeld` when another station holds one
        that has not run out. This station's own lease (a crash, a reopen) is taken again."""

        def work(conn: psycopg.Connection) -> Lease:
            row = conn.execute(
                "INSERT INTO return_leases AS l (return_id, station, operator, opened_at, "
                "renewed_at, expires_at, token) VALUES (%s, %s, %s, now(), now(), "
                "now() + make_interval(secs => %s), nextval('lease_token')) "
                "ON CONFLICT (return_id) DO UPDATE SET station = excluded.station, "
                "operator = excluded.operator, opened_at = excluded.opened_at, "
                "renewed_at = excluded.renewed_at, expires_at = excluded.expires_at, "
                "token = excluded.token "
                "WHERE l.expires_at < now() OR l.station = excluded.station "
                f"RETURNING {_COLUMNS}",
                (return_id, self._db.station, operator, self._seconds),
            ).fetchone()
            if row is not None:
                return _lease(row)
            held = holder(conn, return_id)
            assert held is not None  # the conflicting row is there, and not ours
            raise LeaseHeld(held)

        return self._db.run(work)

    def renew(self, lease: Lease) -> Lease:
        """Another ``lease_seconds`` from now; :class:`LeaseLost` when it was taken over."""

        def work(conn: psycopg.Connection) -> Lease:
            row = conn.execute(
                "UPDATE return_leases SET renewed_at = now(), "
                "expires_at = now() + make_interval(secs => %s) "
                f"WHERE return_id = %s AND token = %s RETURNING {_COLUMNS}",
                (self._seconds, lease.return_id, lease.token),
            ).fetchone()
            if row is None:
                raise LeaseLost(lease, holder(conn, lease.return_id))
            return _lease(row)

        return self._db.run(work)

    def confirm(self, lease: Lease) -> None:
        """Before submitting: raises :class:`LeaseLost` unless ``lease`` is still the
        return's (one that ran out but nobody took is still ours)."""

        def work(conn: psycopg.Connection) -> None:
            now = holder(conn, lease.return_id)
            if now is None or now.token != lease.token:
                raise LeaseLost(lease, now)

        self._db.run(work)

    def release(self, lease: Lease) -> bool:
        """Give the lease back; False when it was no longer ours."""

        def work(conn: psycopg.Connection) -> bool:
            cur = conn.execute(
                "DELETE FROM return_leases WHERE return_id = %s AND token = %s",
                (lease.return_id, lease.token),
            )
            return cur.rowcount == 1

        return self._db.run(work)

    def open_now(self) -> list[Lease]:
        """Leases not yet run out, for ``fleet status``."""
        return self._db.run(
            lambda conn: [
                _lease(r)
                for r in conn.execute(
                    f"SELECT {_COLUMNS} FROM return_leases WHERE expires_at >= now() "
                    "ORDER BY opened_at"
                ).fetchall()
            ]
        )
