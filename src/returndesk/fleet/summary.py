"""The fleet as one read: every station's heartbeat, the syncer, the returns open now, the
account's requests today, the shared copy of the expected returns. ``returndesk fleet status``
prints it; the Support screen shows its head."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from returndesk.fleet.budget import fleet_use
from returndesk.fleet.database import FleetDatabase
from returndesk.fleet.heartbeats import FleetRow, fleet
from returndesk.fleet.leases import Lease, Leases
from returndesk.fleet.shared_cache import JobHolder, SharedExpectedReturns, SyncJob
from returndesk.vendors.budget import BudgetUse


@dataclass(frozen=True, slots=True)
class FleetSummary:
    stations: list[FleetRow]
    syncer: JobHolder
    open_returns: list[Lease]
    requests: BudgetUse
    #: receivable RMAs in the fleet's copy, and when the syncer last synced it
    cached: int
    synced_at: datetime | None


def read_summary(db: FleetDatabase, *, per_day: int, per_minute: int) -> FleetSummary:
    shared = SharedExpectedReturns(db)
    return FleetSummary(
        stations=fleet(db),
        syncer=SyncJob(db, 0).holder(),
        open_returns=Leases(db, 0).open_now(),
        requests=fleet_use(db, "ReturnMate", per_day, per_minute),
        cached=shared.count(),
        synced_at=shared.synced_at(),
    )
