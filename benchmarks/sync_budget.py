"""ReturnMate requests a day for the expected-returns cache, today's design against the sync.

A sandbox with 9,000 receivable-ish RMAs (in this process, its clock simulated: no waiting)
and a day of a station: new RMAs arrive through the day (about 640 a day, a fortnight's
returns in flight), the cache syncs every 5 minutes. Counted: the requests the sandbox's
ReturnMate received. *Before*: every refresh paged through every receivable RMA (one full
refresh counted, times the refreshes of a day at the old 10-minute interval). *Now*: one full
refresh (the night's) and 287 syncs of what is new, run for real. Every parcel adds its own
re-read when it is opened (one request, online), counted apart: 60 parcels an hour. Also how
long a new RMA waits before it is scannable offline: the sync interval at most.

Stations without a fleet database are independent: N stations make N times these figures
(benchmarks/fleet_day.py measures a fleet on one database against them).
"""

from __future__ import annotations

import copy
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.runner import Figure
from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.sandbox.app import DEMO_CREDENTIALS, Sandbox, SandboxConfig
from returndesk.sandbox.transport import DEMO_ORIGIN, sandbox_transport
from returndesk.sandbox.urls import SandboxUrls
from returndesk.settings.model import Settings
from returndesk.ui.flows.cache_refresher import CACHE_REFRESH_MS
from returndesk.vendors.returnmate import ReturnMateClient

OLD_INTERVAL = timedelta(minutes=10)
PARCELS_PER_HOUR = 60


def _client(sandbox: Sandbox) -> ReturnMateClient:
    return ReturnMateClient.create(
        SandboxUrls.at(DEMO_ORIGIN).returnmate,
        DEMO_CREDENTIALS["returnmate_api_key"],
        transport=sandbox_transport(sandbox),
    )


def _day(rmas: int, new_per_day: int) -> tuple[int, int, int, int]:
    """(requests of one full refresh, requests of a day of syncs, receivable RMAs, syncs)."""
    sandbox = Sandbox(SandboxConfig(rma_count=rmas, returnmate_per_minute=None))
    statuses = Settings().returnmate.receivable_statuses
    client = _client(sandbox)
    interval = timedelta(milliseconds=CACHE_REFRESH_MS)
    syncs = int(timedelta(days=1) / interval)
    template = next(iter(sandbox.data.rmas.values()))
    newest = max(
        datetime.fromisoformat(r.record["created_at"].replace("Z", "+00:00"))
        for r in sandbox.data.rmas.values()
    )
    with tempfile.TemporaryDirectory() as scratch:
        cache = ExpectedReturnsCache(Path(scratch) / CACHE_NAME)
        start = datetime(2026, 12, 2, 3, 30, tzinfo=UTC)
        cache.sync(client, statuses, now=start)
        full = len(sandbox.requests_to("returnmate"))
        receivable = cache.count()
        made = 0
        for n in range(1, syncs):
            due = n * new_per_day // syncs
            while made < due:  # the customers' new RMAs of this interval
                made += 1
                fresh = copy.deepcopy(template)
                stamp = newest + n * interval
                fresh.record.update(
                    id=f"rma_bench_{made}",
                    rma_number=f"RMA-2026-8{made:05d}",
                    status="approved",
                    created_at=stamp.isoformat().replace("+00:00", "Z"),
                )
                sandbox.data.rmas[fresh.record["id"]] = fresh
            cache.sync(client, statuses, now=start + n * interval)
        day = len(sandbox.requests_to("returnmate"))
        if cache.count() != receivable + made:
            raise RuntimeError(f"the syncs missed RMAs: {cache.count()} of {receivable + made}")
        cache.close()
    return full, day, receivable, syncs


def run(quick: bool) -> list[Figure]:
    rmas, new_per_day = (1_000, 70) if quick else (9_000, 640)
    full, day, receivable, syncs = _day(rmas, new_per_day)
    before = full * int(timedelta(days=1) / OLD_INTERVAL)
    parcels = PARCELS_PER_HOUR * 24
    minutes = CACHE_REFRESH_MS / 60_000
    figures = [
        Figure.of(
            "ReturnMate requests a day for the cache, one station",
            "requests",
            [day],
            baseline_name="every page every 10 min",
            baseline=before,
            ratio=before / day,
            note=(
                f"target ≤ 1,500 + one per parcel: {receivable} receivable, {new_per_day} new "
                f"a day, {syncs} syncs; + {parcels} re-reads at 60 parcels an hour"
            ),
        ),
        Figure.of(
            "a new RMA scannable offline after at most",
            "min",
            [minutes],
            note="target ≤ 5 min: the sync interval",
        ),
    ]
    for stations in (5, 20):
        figures.append(
            Figure.of(
                f"the same for {stations} stations, each on its own",
                "requests",
                [stations * (day + parcels)],
                baseline_name="before",
                baseline=stations * (before + parcels),
                note="no fleet database: each station syncs for itself (fleet_day: one syncer)",
            )
        )
    return figures
