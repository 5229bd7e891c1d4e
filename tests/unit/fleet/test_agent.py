"""A station's rounds: heartbeat, ledger, the sync job and the shared copy; ReturnMate down
is asked again at the next interval, not every round; the database away, the station syncs
its own cache."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from returndesk.cache.expected_returns import CACHE_NAME
from returndesk.fleet.agent import SYNC_EVERY, FleetAgent
from returndesk.vendors.returnmate import ReturnMateClient
from tests.clock import Clock
from tests.postgres import free_port
from tests.unit.cache.test_expected_returns import FIELDS, RECEIVABLE, client
from tests.unit.fleet.helpers import fleet_settings, station_db


def agent(tmp_path, postgres, returnmate, clock):
    return FleetAgent(
        station_db(postgres, "Receiving 1"),
        fleet_settings(postgres),
        returnmate=returnmate,
        statuses=RECEIVABLE,
        full_sync_hour=3,
        outbox_path=tmp_path / "outbox.db",
        cache_path=tmp_path / CACHE_NAME,
        fields=FIELDS,
        clock=clock,
    )


@pytest.fixture
def clock():
    return Clock(datetime(2026, 12, 2, 12, 0, tzinfo=UTC))


def test_the_first_round_takes_the_job_fills_the_copy_and_beats(tmp_path, postgres, sandbox, clock):
    rounds = agent(tmp_path, postgres, client(sandbox), clock)
    tick = rounds.tick()
    assert (tick.reachable, tick.syncing, tick.synced, tick.cached) == (True, True, "full", 46)
    with postgres.connect() as conn:
        beat = conn.execute("SELECT station FROM heartbeats").fetchall()
    assert beat == [("Receiving 1",)]
    rounds.close()


def test_returnmate_down_is_asked_again_at_the_next_interval_not_every_round(
    tmp_path, postgres, clock
):
    down = ReturnMateClient.create(f"http://127.0.0.1:{free_port()}/v1", "rm_test_key")
    rounds = agent(tmp_path, postgres, down, clock)
    first = rounds.tick()
    assert first.reachable
    assert first.syncing
    assert first.sync_problem is not None
    clock.advance(seconds=20)
    assert rounds.tick().sync_problem is None  # not asked this round
    clock.advance(seconds=SYNC_EVERY.total_seconds())
    assert rounds.tick().sync_problem is not None  # asked again
    rounds.close()
    down.close()


def test_the_database_away_the_station_syncs_its_own_cache(tmp_path, postgres, sandbox, clock):
    rounds = agent(tmp_path, postgres, client(sandbox), clock)
    postgres.stop("immediate")
    tick = rounds.tick()
    assert not tick.reachable
    assert "does not answer" in tick.problem
    assert (tick.synced, tick.cached) == ("full", 46)
    rounds.close()
