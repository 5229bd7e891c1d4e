"""ReturnMate's quota kept by the station: requests counted a minute and a day across restarts,
refused before they are sent once spent (or once ReturnMate's own headers say so), and what a
spent budget does downstream: the lookup uses the cache, the outbox waits."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.outbox.drainer import process_one
from returndesk.outbox.model import Kind, Lane, NewItem, State
from returndesk.outbox.senders import build_senders
from returndesk.outbox.store import OutboxStore
from returndesk.receiving.service import ReceivingService
from returndesk.vendors.budget import BUDGET_NAME, BudgetSpent, RequestBudget
from returndesk.vendors.ratelimit import RateLimit
from tests.unit.cache.test_expected_returns import client
from tests.unit.receiving.test_service import DEMO, RECEIVABLE

NOW = datetime(2026, 12, 2, 10, 14, 30, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def budget(tmp_path, clock, **limits):
    return RequestBudget(tmp_path / BUDGET_NAME, "ReturnMate", clock=clock, **limits)


def test_the_days_count_survives_a_restart_and_a_new_day_starts_afresh(tmp_path):
    clock = Clock(NOW)
    first = budget(tmp_path, clock, per_minute=0, per_day=3)
    first.take()
    first.take()
    first.close()
    again = budget(tmp_path, clock, per_minute=0, per_day=3)  # the station restarted
    again.take()
    with pytest.raises(BudgetSpent, match="the day's 3 requests are used") as spent:
        again.take()
    assert spent.value.rate_limit.reset_at == datetime(2026, 12, 3, tzinfo=UTC)
    assert again.use().today == 3  # a refused request is not counted
    clock.now = NOW + timedelta(days=1)
    again.take()
    assert again.use().today == 1


def test_a_minutes_budget_refuses_until_the_next_minute(tmp_path):
    clock = Clock(NOW)
    minute = budget(tmp_path, clock, per_minute=2, per_day=0)
    minute.take()
    minute.take()
    with pytest.raises(BudgetSpent) as spent:
        minute.take()
    assert spent.value.rate_limit.reset_at == datetime(2026, 12, 2, 10, 15, tzinfo=UTC)
    clock.now = NOW + timedelta(seconds=31)
    minute.take()


def test_returnmates_own_remaining_zero_holds_requests_until_its_reset(tmp_path):
    clock = Clock(NOW)
    limit = [RateLimit(remaining=0, reset_at=NOW + timedelta(seconds=20))]
    held = budget(tmp_path, clock, per_minute=0, per_day=0, vendor_limit=lambda: limit[0])
    with pytest.raises(BudgetSpent, match="the vendor's own limit"):
        held.take()
    clock.now = NOW + timedelta(seconds=21)
    held.take()


def test_a_spent_budget_sends_nothing_and_the_outbox_waits_without_using_attempts(
    tmp_path, sandbox
):
    rm = client(sandbox)
    spent = budget(tmp_path, Clock(NOW), per_minute=0, per_day=1)
    rm.use_budget(spent)
    rm.list_rmas()  # the day's one request
    before = len(sandbox.requests_to("returnmate"))
    with pytest.raises(BudgetSpent):
        rm.list_rmas()
    assert len(sandbox.requests_to("returnmate")) == before  # never sent
    store = OutboxStore(tmp_path / "outbox.db")
    rma = next(iter(sandbox.data.rmas.values())).record
    store.enqueue([NewItem(Kind.RMA_STATUS, {"rma_id": rma["id"], "status": "received"})])
    senders = build_senders(returnmate=rm)
    attempt = process_one(store, Lane.RETURNMATE, senders, rng=random.Random(0))
    assert attempt.state is State.WAITING
    item = store.items()[0]
    assert item.attempts == 0
    assert "the station's budget" in item.last_error
    assert store.lane_state(Lane.RETURNMATE).paused_until is not None
    store.close()


def test_a_parcel_scanned_with_the_budget_spent_opens_from_the_cache(tmp_path, sandbox):
    rm = client(sandbox)
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME, DEMO.returnmate.fields)
    cache.refresh(rm, RECEIVABLE)
    rm.use_budget(budget(tmp_path, Clock(NOW), per_minute=0, per_day=1))
    rm.list_rmas()  # the day's one request
    with pytest.raises(BudgetSpent):
        rm.list_rmas()
    store = OutboxStore(tmp_path / "outbox.db")
    found = ReceivingService(DEMO, store, cache, rm).lookup("RMA-2026-000005")
    assert found.case is not None  # received from the cache's copy
    assert found.status_as_of is not None  # and it says how old that copy is
    store.close()
    cache.close()
