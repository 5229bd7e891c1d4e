"""The ReturnMate account's budget counted by the whole fleet.

Every station's requests go through the same two counters in the fleet database (the UTC
day's and the minute's), so twenty stations together stay inside one account's plan. Each
station also keeps its own count (vendors.budget) — what its Support screen shows — and
falls back to it alone while the fleet database is away.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import psycopg

from returndesk.fleet.database import FleetDatabase
from returndesk.fleet.errors import FleetUnavailable
from returndesk.vendors.budget import BudgetSpent, BudgetUse, RequestBudget, periods
from returndesk.vendors.ratelimit import RateLimit

log = logging.getLogger(__name__)


class FleetBudget:
    """Duck-types :class:`RequestBudget` for the client's gate."""

    def __init__(self, db: FleetDatabase, local: RequestBudget) -> None:
        self._db = db
        self.local = local
        self.vendor, self.per_minute, self.per_day = local.vendor, local.per_minute, local.per_day

    def take(self) -> None:
        # this station's own count first: a refusal there counts nothing in the fleet's,
        # which the whole account relies on
        self.local.take()
        now = datetime.now(UTC)
        day, minute = periods(now)
        try:
            self._db.run(lambda conn: self._count(conn, day, minute, now))
        except FleetUnavailable as exc:
            log.debug("fleet budget not counted (%s): this station's own counts", exc)

    def _count(self, conn: psycopg.Connection, day: str, minute: str, now: datetime) -> None:
        for period, limit in ((day, self.per_day), (minute, self.per_minute)):
            if not limit:
                continue
            row = conn.execute(
                "INSERT INTO request_budget AS b VALUES (%s, %s, 1) ON CONFLICT (vendor, period) "
                "DO UPDATE SET used = b.used + 1 WHERE b.used < %s RETURNING used",
                (self.vendor, period, limit),
            ).fetchone()
            if row is None:  # the counts roll back with the transaction
                if period == day:
                    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
                    why, reset = (
                        f"the fleet's {limit:,} requests of the day are used",
                        (midnight + timedelta(days=1)),
                    )
                else:
                    why = f"the fleet's {limit} requests of this minute are used"
                    reset = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
                raise BudgetSpent(
                    f"not sent: {why} (settings [returnmate])",
                    vendor=self.vendor,
                    status=429,
                    rate_limit=RateLimit(remaining=0, reset_at=reset),
                )

    def use(self) -> BudgetUse:
        """This station's own use (the fleet's is :func:`fleet_use`)."""
        return self.local.use()

    def close(self) -> None:
        self.local.close()


def fleet_use(db: FleetDatabase, vendor: str, per_day: int, per_minute: int) -> BudgetUse:
    day, minute = periods(datetime.now(UTC))

    def work(conn: psycopg.Connection) -> BudgetUse:
        # yesterday's minutes are of no use to anyone
        conn.execute(
            "DELETE FROM request_budget WHERE vendor = %s AND length(period) > 10 AND period < %s",
            (vendor, day),
        )
        rows: dict[str, int] = dict(
            conn.execute(
                "SELECT period, used FROM request_budget WHERE vendor = %s AND period IN (%s, %s)",
                (vendor, day, minute),
            ).fetchall()
        )
        return BudgetUse(vendor, rows.get(day, 0), per_day, rows.get(minute, 0), per_minute)

    return db.run(work)
