"""The cache within ReturnMate's quota: every page once (and once a night), between those only
the RMAs created since the newest one seen — a few requests, not every page."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

from returndesk.cache.expected_returns import (
    CACHE_NAME,
    OVERLAP,
    ExpectedReturnsCache,
    full_due_at,
)
from tests.unit.cache.test_expected_returns import FIELDS, RECEIVABLE, client

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def new_rma(sandbox, number: str, created: datetime) -> None:
    """A customer's new RMA, as ReturnMate would show it from now on."""
    template = copy.deepcopy(sandbox.data.by_rma_number("RMA-2026-000001"))
    template.record.update(
        id=f"rma_new_{number[-3:]}",
        rma_number=number,
        created_at=created.isoformat().replace("+00:00", "Z"),
        tracking_numbers=[f"JJD{number[-6:]}"],
    )
    sandbox.data.rmas[template.record["id"]] = template


def requests(sandbox) -> int:
    return len(sandbox.requests_to("returnmate"))


def test_the_first_sync_reads_every_page_then_only_what_is_new(tmp_path, sandbox):
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME, FIELDS)
    rm = client(sandbox)
    first = cache.sync(rm, RECEIVABLE, now=NOW)
    assert (first.kind, first.cached) == ("full", 46)
    assert cache.last_full() == NOW
    before = requests(sandbox)
    again = cache.sync(rm, RECEIVABLE, now=NOW + timedelta(minutes=10))
    assert again.kind == "new"
    assert requests(sandbox) - before == 1  # one page, however many RMAs are receivable
    newest = max(
        datetime.fromisoformat(r.record["created_at"].replace("Z", "+00:00"))
        for r in sandbox.data.rmas.values()
        if r.record["status"] in RECEIVABLE
    )
    new_rma(sandbox, "RMA-2026-900001", newest + timedelta(minutes=1))
    found = cache.sync(rm, RECEIVABLE, now=NOW + timedelta(minutes=20))
    assert (found.kind, found.cached) == ("new", 47)
    assert [r.rma_number for r in cache.find("RMA-2026-900001")] == ["RMA-2026-900001"]
    # one created "earlier" by a clock a few minutes behind is still within the overlap
    new_rma(sandbox, "RMA-2026-900002", newest + timedelta(minutes=1) - OVERLAP / 2)
    cache.sync(rm, RECEIVABLE, now=NOW + timedelta(minutes=30))
    assert cache.find("RMA-2026-900002")


def test_the_nights_full_refresh_sweeps_what_left_the_receivable_states(tmp_path, sandbox):
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME, FIELDS)
    rm = client(sandbox)
    cache.sync(rm, RECEIVABLE, now=NOW)
    sandbox.data.by_rma_number("RMA-2026-000001").record["status"] = "cancelled"
    # during the day: not swept (it is re-read when opened)
    assert cache.sync(rm, RECEIVABLE, now=NOW + timedelta(hours=2)).kind == "new"
    assert cache.find("RMA-2026-000001")
    tomorrow = NOW + timedelta(days=1)
    due = full_due_at(tomorrow, 3)
    result = cache.sync(rm, RECEIVABLE, now=tomorrow, full_due=due)
    assert (result.kind, result.cached) == ("full", 45)
    assert not cache.find("RMA-2026-000001")
    assert cache.sync(rm, RECEIVABLE, now=tomorrow, full_due=due).kind == "new"


def test_the_night_boundary_is_the_last_local_hour_passed():
    now = datetime(2026, 12, 2, 10, 0).astimezone()
    assert full_due_at(now, 3) == now.replace(hour=3).astimezone(UTC)
    early = now.replace(hour=2)
    assert full_due_at(early, 3) == (now.replace(hour=3) - timedelta(days=1)).astimezone(UTC)
