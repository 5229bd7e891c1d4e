"""A vendor's request budget: so many requests a minute and a day, counted in a small SQLite
file in the data folder, so a restart (or the headless commands beside the station) does not
start the day's count again.

Every request the vendor's client makes takes one from the budget first. When the day's or the
minute's is spent — or the vendor's own ``X-RateLimit-Remaining: 0`` says so until its reset —
the request is not sent: :class:`BudgetSpent` is a 429 the station gave itself, so the outbox
waits it out without using up attempts, a lookup falls back to the cache, and the cache sync
tries again later. Nothing fails a parcel.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from returndesk.vendors.errors import RateLimited
from returndesk.vendors.ratelimit import RateLimit

BUDGET_NAME = "request-budget.db"


class BudgetSpent(RateLimited):
    """The station's own budget for the vendor is used up until ``rate_limit.reset_at``."""


@dataclass(frozen=True, slots=True)
class BudgetUse:
    vendor: str
    today: int
    per_day: int
    this_minute: int
    per_minute: int

    def describe(self) -> str:
        return f"{self.vendor}: {self.today:,} of {self.per_day:,} requests today (UTC)"


class Budget(Protocol):
    """What a vendor client's gate needs: this station's budget, or the fleet's."""

    def take(self) -> None: ...

    def use(self) -> BudgetUse: ...

    def close(self) -> None: ...


class RequestBudget:
    def __init__(
        self,
        path: Path,
        vendor: str,
        *,
        per_minute: int,
        per_day: int,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        vendor_limit: Callable[[], RateLimit] | None = None,
    ) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.vendor, self.per_minute, self.per_day = vendor, per_minute, per_day
        self._clock = clock
        self._vendor_limit = vendor_limit
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(
            path, timeout=10, isolation_level=None, check_same_thread=False
        )
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute(
            "CREATE TABLE IF NOT EXISTS used (vendor TEXT NOT NULL, period TEXT NOT NULL, "
            "count INTEGER NOT NULL, PRIMARY KEY (vendor, period))"
        )

    def close(self) -> None:
        self._conn.close()

    def take(self) -> None:
        """Count one request, or raise :class:`BudgetSpent` (nothing counted) when it may
        not be sent now."""
        now = self._clock()
        limit = self._vendor_limit() if self._vendor_limit is not None else RateLimit()
        wait = limit.wait_hint(now)
        if wait:
            self._refuse("the vendor's own limit says none are left", limit)
        day, minute = periods(now)
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                today = self._count(day)
                this_minute = self._count(minute)
                if self.per_day and today >= self.per_day:
                    self._conn.execute("ROLLBACK")
                    tomorrow = now.replace(hour=0, minute=0, second=0, microsecond=0)
                    self._refuse(
                        f"the day's {self.per_day:,} requests are used",
                        RateLimit(remaining=0, reset_at=tomorrow + timedelta(days=1)),
                    )
                if self.per_minute and this_minute >= self.per_minute:
                    self._conn.execute("ROLLBACK")
                    next_minute = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
                    self._refuse(
                        f"this minute's {self.per_minute} requests are used",
                        RateLimit(remaining=0, reset_at=next_minute),
                    )
                for period in (day, minute):
                    self._conn.execute(
                        "INSERT INTO used VALUES (?, ?, 1) ON CONFLICT(vendor, period) "
                        "DO UPDATE SET count = count + 1",
                        (self.vendor, period),
                    )
                # yesterday's minutes are of no use to anyone
                self._conn.execute(
                    "DELETE FROM used WHERE vendor = ? AND length(period) > 10 AND period < ?",
                    (self.vendor, day),
                )
                self._conn.execute("COMMIT")
            except sqlite3.Error:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    def use(self) -> BudgetUse:
        day, minute = periods(self._clock())
        with self._lock:
            return BudgetUse(
                self.vendor, self._count(day), self.per_day, self._count(minute), self.per_minute
            )

    def _count(self, period: str) -> int:
        row = self._conn.execute(
            "SELECT count FROM used WHERE vendor = ? AND period = ?", (self.vendor, period)
        ).fetchone()
        return int(row[0]) if row else 0

    def _refuse(self, why: str, limit: RateLimit) -> None:
        raise BudgetSpent(
            f"not sent: {why} (the station's budget; settings [{self.vendor.lower()}])",
            vendor=self.vendor,
            status=429,
            rate_limit=limit,
        )


def periods(now: datetime) -> tuple[str, str]:
    """The UTC day (``2026-12-02``) and minute (``2026-12-02T10:14``) a request counts in."""
    moment = now.astimezone(UTC)
    return moment.strftime("%Y-%m-%d"), moment.strftime("%Y-%m-%dT%H:%M")
