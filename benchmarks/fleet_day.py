"""ReturnMate requests a day for 1, 5 and 20 stations: before #21, each station on its own
(#21's first part), and a fleet on one PostgreSQL database; and how soon a new RMA is
scannable at every station.

A sandbox with 9,000 receivable-ish RMAs (in this process, its clock simulated: no waiting),
a throwaway PostgreSQL cluster (Debian's package, as the tests start one), and a simulated
day: about 640 new RMAs arrive through it, the fleet's syncer (the holder of the sync job)
syncs the shared copy every SYNC_EVERY, every station reads the changes into its own SQLite
cache. Counted: the requests the sandbox's ReturnMate received, for real. Every parcel adds
its own re-read when opened (one request), 60 parcels a station-hour around the clock,
counted apart. *Before*: every station paged through every RMA every 10 minutes.
"""

from __future__ import annotations

import copy
import shutil
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.runner import Figure
from benchmarks.sync_budget import OLD_INTERVAL, PARCELS_PER_HOUR, _client, _day
from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache, full_due_at
from returndesk.fleet.agent import SYNC_EVERY
from returndesk.fleet.database import FleetDatabase, FleetTarget
from returndesk.fleet.shared_cache import SharedExpectedReturns, SyncJob
from returndesk.sandbox.app import Sandbox, SandboxConfig
from returndesk.settings.fleet import FleetSettings
from returndesk.settings.model import Settings
from returndesk.settings.secrets import FLEET_PASSWORD, SecretStore
from tests.postgres import STATION_PASSWORD, PostgresUnavailable, prepare, start_postgres

STATIONS = (1, 5, 20)
#: a station reads the fleet's copy at every heartbeat (the default [fleet] heartbeat_seconds)
HEARTBEAT = timedelta(seconds=FleetSettings().heartbeat_seconds)


def _fleet_day(server, stations: int, rmas: int, new_per_day: int) -> tuple[int, float, int]:
    """(ReturnMate requests of the fleet's syncs in a day, the longest wait in minutes from an
    RMA's creation until every station has it — the sync that brought it, measured, plus the
    heartbeat at which a station reads it, at most — and the syncs)."""
    sandbox = Sandbox(SandboxConfig(rma_count=rmas, returnmate_per_minute=None))
    statuses = Settings().returnmate.receivable_statuses
    client = _client(sandbox)
    secrets = SecretStore({FLEET_PASSWORD.env_var: STATION_PASSWORD})
    settings = FleetSettings(database_url=server.url())
    dbs = [
        FleetDatabase(FleetTarget.of(settings, f"Receiving {n + 1}", secrets))
        for n in range(stations)
    ]
    job = SyncJob(dbs[0], settings.sync_lease_seconds)
    shared = SharedExpectedReturns(dbs[0])
    template = next(iter(sandbox.data.rmas.values()))
    newest = max(
        datetime.fromisoformat(r.record["created_at"].replace("Z", "+00:00"))
        for r in sandbox.data.rmas.values()
    )
    scratch = Path(tempfile.mkdtemp(prefix="returndesk-fleet-bench-"))
    caches = [ExpectedReturnsCache(scratch / f"{n}-{CACHE_NAME}") for n in range(stations)]
    # from the night's reconcile (03:00 local, the default full_sync_hour) to the next one
    start = full_due_at(datetime(2026, 12, 2, 12, 0, tzinfo=UTC), 3)
    syncs = int(timedelta(days=1) / SYNC_EVERY)
    spacing = timedelta(days=1) / new_per_day
    made = 0
    waiting: dict[str, datetime] = {}  # RMA number → when the customer created it
    longest = timedelta(0)
    try:
        if not job.hold():
            raise RuntimeError("the sync job is held by another")
        for n in range(syncs):
            now = start + n * SYNC_EVERY
            while n and start + (made + 1) * spacing <= now:  # the customers' new RMAs
                made += 1
                at = start + made * spacing
                fresh = copy.deepcopy(template)
                number = f"RMA-2026-7{made:05d}"
                fresh.record.update(
                    id=f"rma_fleet_{made}",
                    rma_number=number,
                    status="approved",
                    created_at=(newest + (at - start)).isoformat().replace("+00:00", "Z"),
                )
                sandbox.data.rmas[fresh.record["id"]] = fresh
                waiting[number] = at
            job.hold()
            shared.sync(job, client, statuses, now=now, full_due=full_due_at(now, 3))
            for cache in caches:  # each station's next heartbeat reads the changes
                shared.pull(cache)
            for number, at in list(waiting.items()):
                if all(cache.find(number) for cache in caches):
                    longest = max(longest, now - at)
                    del waiting[number]
        if waiting:
            raise RuntimeError(f"{len(waiting)} new RMAs never reached every station")
        requests = len(sandbox.requests_to("returnmate"))
        expected = shared.count()
        short = [n for n, cache in enumerate(caches) if cache.count() != expected]
        if short:
            raise RuntimeError(f"stations {short} do not have all {expected} RMAs")
    finally:
        for cache in caches:
            cache.close()
        for db in dbs:
            db.close()
        shutil.rmtree(scratch, ignore_errors=True)
        server.reset()
    return requests, (longest + HEARTBEAT).total_seconds() / 60, syncs


def run(quick: bool) -> list[Figure]:
    rmas, new_per_day = (1_000, 70) if quick else (9_000, 640)
    try:
        server = start_postgres()
    except PostgresUnavailable as exc:
        print(f"fleet day: not run, {exc}")
        return []
    try:
        prepare(server)
        full, alone, _, _ = _day(rmas, new_per_day)
        before = full * int(timedelta(days=1) / OLD_INTERVAL)
        parcels = PARCELS_PER_HOUR * 24
        figures = []
        for stations in STATIONS:
            synced, wait, syncs = _fleet_day(server, stations, rmas, new_per_day)
            figures.append(
                Figure.of(
                    f"ReturnMate requests a day, {stations} station(s), fleet",
                    "requests",
                    [synced + stations * parcels],
                    baseline_name="before #21",
                    baseline=stations * (before + parcels),
                    ratio=stations * (before + parcels) / (synced + stations * parcels),
                    note=(
                        f"the fleet's syncs {synced} ({syncs} a day) + {stations} × {parcels} "
                        f"re-reads; each station on its own: {stations * (alone + parcels):,}"
                    ),
                )
            )
        figures.append(
            Figure.of(
                "a new RMA scannable at every station after at most",
                "min",
                [wait],
                note=f"target ≤ 5 min: the syncer's interval + a station's heartbeat ({syncs} "
                "syncs a day)",
            )
        )
        return figures
    finally:
        server.stop("immediate")
        shutil.rmtree(server.data.parent, ignore_errors=True)
