"""What a station does for the fleet every ``heartbeat_seconds``, on a worker thread:

1. write its heartbeat;
2. copy into the ledger what it received meanwhile (all of it, after an outage);
3. hold or try the sync job, and while it holds it sync ReturnMate into the fleet's copy
   every :data:`SYNC_EVERY`;
4. read the fleet copy's changes into its own cache.

With the database away, the station syncs its own cache from ReturnMate as a station without
a fleet does (every :data:`ALONE_EVERY`), and says so.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from returndesk.cache.expected_returns import ExpectedReturnsCache, full_due_at
from returndesk.fleet import heartbeats, ledger
from returndesk.fleet.database import FleetDatabase
from returndesk.fleet.errors import FleetUnavailable
from returndesk.fleet.health import StationHealth, read_health
from returndesk.fleet.shared_cache import JobLost, SharedExpectedReturns, SyncJob
from returndesk.outbox.store import OutboxStore
from returndesk.settings.fleet import FleetSettings
from returndesk.vendors.budget import BudgetSpent
from returndesk.vendors.errors import VendorError
from returndesk.vendors.returnmate import ReturnMateClient
from returndesk.vendors.rma_fields import FieldMap

log = logging.getLogger(__name__)

#: the station's health from the round's connections; the bool: the fleet database answers
HealthReader = Callable[[OutboxStore, ExpectedReturnsCache, bool], StationHealth]

#: the syncer asks ReturnMate for new RMAs this often; a station reads the fleet's copy every
#: heartbeat, so a new RMA is scannable everywhere within SYNC_EVERY + heartbeat_seconds
SYNC_EVERY = timedelta(minutes=4)
#: a station on its own (the database away) syncs its cache this often
ALONE_EVERY = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class FleetTick:
    """What one round came to, for the header and the log."""

    reachable: bool
    problem: str | None = None
    #: this station holds the sync job
    syncing: bool = False
    #: what the cache's sync or pull did ("full", "new", "pulled"), if anything
    synced: str | None = None
    receipts_added: int = 0
    cached: int = 0
    #: why ReturnMate could not be synced (the fleet's copy or this station's own)
    sync_problem: str | None = None
    #: ... because the request budget is spent
    spent: bool = False


class FleetAgent:
    def __init__(
        self,
        db: FleetDatabase,
        settings: FleetSettings,
        *,
        returnmate: ReturnMateClient,
        statuses: Sequence[str],
        full_sync_hour: int,
        outbox_path: Path,
        cache_path: Path,
        fields: FieldMap | None,
        health: HealthReader | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.db = db
        self._settings = settings
        self._returnmate = returnmate
        self._statuses = list(statuses)
        self._full_sync_hour = full_sync_hour
        self._outbox_path = outbox_path
        self._cache_path = cache_path
        self._fields = fields
        self._health = health or (
            lambda store, cache, reachable: read_health(
                db.station, store, cache, fleet_reachable=reachable
            )
        )
        self._clock = clock
        self.job = SyncJob(db, settings.sync_lease_seconds)
        self.shared = SharedExpectedReturns(db)
        self._last_sync: datetime | None = None
        self._last_alone: datetime | None = None
        self._was_reachable: bool | None = None
        self._store: OutboxStore | None = None
        self._cache: ExpectedReturnsCache | None = None

    def tick(self) -> FleetTick:
        """One round; never raises for the database being away (says so instead). The rounds
        run one at a time (on the background runner); their connections to the outbox and
        the cache are opened by the first and kept."""
        now = self._clock()
        self.db.retry_now()  # the round is when a database that was away is tried again
        if self._store is None:
            self._store = OutboxStore(self._outbox_path)
        if self._cache is None:
            self._cache = ExpectedReturnsCache(self._cache_path, self._fields)
        store, cache = self._store, self._cache
        try:
            tick = self._round(store, cache, now)
        except FleetUnavailable as exc:
            tick = self._alone(store, cache, now, str(exc))
        if tick.reachable != self._was_reachable:
            if tick.reachable:
                log.info("fleet database reachable (%s)", self.db.target.shown)
            else:
                log.warning("fleet database away, working alone: %s", tick.problem)
        self._was_reachable = tick.reachable
        return tick

    def _round(self, store: OutboxStore, cache: ExpectedReturnsCache, now: datetime) -> FleetTick:
        heartbeats.beat(self.db, self._health(store, cache, True))
        added = ledger.catch_up(self.db, store)
        synced, problem, spent = None, None, False
        syncing = self._settings.may_sync and self.job.hold()
        if syncing and (self._last_sync is None or now - self._last_sync >= SYNC_EVERY):
            try:
                result = self.shared.sync(
                    self.job, self._returnmate, self._statuses, now=now, full_due=self._due(now)
                )
            except JobLost as exc:
                log.warning("%s", exc)
                syncing = False
            except VendorError as exc:
                # tried again at the next interval, not every round: an outage or a spent
                # budget is not made worse by asking three times a minute
                self._last_sync = now
                log.warning("fleet sync: ReturnMate not synced: %s", exc)
                problem, spent = str(exc), isinstance(exc, BudgetSpent)
            else:
                self._last_sync = now
                synced = result.kind
                log.info("fleet sync (%s): %d RMAs fetched", result.kind, result.fetched)
        pulled = self.shared.pull(cache)
        if pulled and synced is None:
            synced = "pulled"
        return FleetTick(True, None, syncing, synced, added, cache.count(), problem, spent)

    def _alone(
        self, store: OutboxStore, cache: ExpectedReturnsCache, now: datetime, problem: str
    ) -> FleetTick:
        synced, sync_problem, spent = None, None, False
        if self._last_alone is None or now - self._last_alone >= ALONE_EVERY:
            self._last_alone = now
            try:
                result = cache.sync(
                    self._returnmate, self._statuses, now=now, full_due=self._due(now)
                )
            except VendorError as exc:
                log.warning("expected-returns cache not synced: %s", exc)
                sync_problem, spent = str(exc), isinstance(exc, BudgetSpent)
            else:
                synced = result.kind
        return FleetTick(False, problem, False, synced, 0, cache.count(), sync_problem, spent)

    def _due(self, now: datetime) -> datetime:
        """A full reconcile older than this is due (once a night)."""
        return full_due_at(now, self._full_sync_hour)

    def give_up(self) -> None:
        """At a clean stop: give the sync job back, so another station takes it at once
        (a database that is away lets it run out by itself)."""
        with contextlib.suppress(FleetUnavailable):
            self.job.give_up()

    def close(self) -> None:
        self.db.close()
        for connection in (self._cache, self._store):
            if connection is not None:
                connection.close()
        self._cache = self._store = None
