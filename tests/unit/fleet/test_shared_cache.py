"""The fleet's one copy of ReturnMate: one syncer (the job's holder, fenced by its token)
fills it; every station reads only the changes into its own cache."""

from __future__ import annotations

from datetime import timedelta

import pytest

from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.fleet.shared_cache import JobLost, SharedExpectedReturns, SyncJob
from tests.unit.cache.test_expected_returns import FIELDS, RECEIVABLE, client
from tests.unit.cache.test_sync import NOW, new_rma, requests
from tests.unit.fleet.helpers import station_db

NIGHT = NOW - timedelta(hours=9)


@pytest.fixture
def two(postgres):
    dbs = [station_db(postgres, f"Receiving {n}") for n in (1, 2)]
    yield dbs
    for db in dbs:
        db.close()


def test_one_station_holds_the_job_until_it_runs_out_then_another_takes_it(two, postgres):
    one, other = SyncJob(two[0], 45), SyncJob(two[1], 45)
    assert one.hold()
    assert not other.hold()
    assert one.hold()  # renewed, the same token
    token = one.token
    assert one.token == token
    with postgres.connect() as conn:  # the holder was killed: no renewal for 45 s
        conn.execute("UPDATE fleet_jobs SET expires_at = now() - interval '1 second'")
    assert other.hold()
    assert other.token is not None
    assert token is not None
    assert other.token > token
    assert other.holder().station == "Receiving 2"
    assert not one.hold()


def test_a_clean_stop_gives_the_job_to_the_next_station_at_once(two):
    one, other = SyncJob(two[0], 45), SyncJob(two[1], 45)
    assert one.hold()
    one.give_up()
    assert other.hold()


def test_the_syncer_fills_the_copy_and_stations_read_only_the_changes(two, tmp_path, sandbox):
    job = SyncJob(two[0], 45)
    assert job.hold()
    shared = SharedExpectedReturns(two[0])
    rm = client(sandbox)
    first = shared.sync(job, rm, RECEIVABLE, now=NOW, full_due=NIGHT)
    assert (first.kind, first.cached) == ("full", 46)
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME, FIELDS)
    reader = SharedExpectedReturns(two[1])
    assert reader.pull(cache) == 46
    assert cache.count() == 46
    assert cache.last_full() == NOW
    assert reader.pull(cache) == 0  # nothing changed: nothing read again
    # the next sync: one request for the new ones, and a new RMA reaches the other station
    before = requests(sandbox)
    new_rma(sandbox, "RMA-2026-900001", NOW + timedelta(minutes=1))
    again = shared.sync(job, rm, RECEIVABLE, now=NOW + timedelta(minutes=4), full_due=NIGHT)
    assert again.kind == "new"
    assert requests(sandbox) - before == 1
    assert reader.pull(cache) == 1
    assert [r.rma_number for r in cache.find("RMA-2026-900001")] == ["RMA-2026-900001"]


def test_the_nightly_reconcile_removes_what_left_receivable_at_every_station(
    two, tmp_path, sandbox
):
    job = SyncJob(two[0], 45)
    job.hold()
    shared = SharedExpectedReturns(two[0])
    rm = client(sandbox)
    shared.sync(job, rm, RECEIVABLE, now=NOW, full_due=NIGHT)
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME, FIELDS)
    SharedExpectedReturns(two[1]).pull(cache)
    cancelled = next(r for r in sandbox.data.rmas.values() if r.record["status"] in RECEIVABLE)
    cancelled.record["status"] = "cancelled"
    number = cancelled.record["rma_number"]
    assert cache.find(number)
    tomorrow = NOW + timedelta(days=1)
    result = shared.sync(job, rm, RECEIVABLE, now=tomorrow, full_due=tomorrow - timedelta(hours=9))
    assert (result.kind, result.cached) == ("full", 45)
    SharedExpectedReturns(two[1]).pull(cache)
    assert cache.find(number) == []
    assert cache.count() == 45


def test_a_syncer_whose_job_was_taken_over_writes_nothing(two, postgres, sandbox):
    job = SyncJob(two[0], 45)
    job.hold()
    with postgres.connect() as conn:
        conn.execute("UPDATE fleet_jobs SET expires_at = now() - interval '1 second'")
    assert SyncJob(two[1], 45).hold()
    with pytest.raises(JobLost):
        SharedExpectedReturns(two[0]).sync(
            job, client(sandbox), RECEIVABLE, now=NOW, full_due=NIGHT
        )
    assert SharedExpectedReturns(two[1]).count() == 0
