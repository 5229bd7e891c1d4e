"""The account's budget counted by the whole fleet: two stations share one day's count, the
fleet's refusal is a BudgetSpent (the station waits, as for its own), and the database away
leaves the station's own count."""

from __future__ import annotations

import pytest

from returndesk.fleet.budget import FleetBudget, fleet_use
from returndesk.vendors.budget import BUDGET_NAME, BudgetSpent, RequestBudget
from tests.unit.fleet.helpers import station_db


def budget(tmp_path, db, name):
    """A station's budget of 5 a day, counted by the fleet too (the same limits)."""
    local = RequestBudget(tmp_path / name / BUDGET_NAME, "ReturnMate", per_minute=0, per_day=5)
    return FleetBudget(db, local)


def test_two_stations_share_one_days_count(tmp_path, postgres):
    dbs = [station_db(postgres, f"Receiving {n}") for n in (1, 2)]
    one, two = (budget(tmp_path, db, f"s{n}") for n, db in enumerate(dbs))
    for _ in range(3):
        one.take()
    two.take()
    two.take()
    with pytest.raises(BudgetSpent, match="the fleet's 5 requests of the day are used"):
        two.take()
    assert fleet_use(dbs[0], "ReturnMate", 5, 0).today == 5
    assert one.use().today == 3  # each station's own count, for its Support screen
    assert two.use().today == 3  # its refused one was counted here, never in the fleet's
    for b in (one, two):
        b.close()
    for db in dbs:
        db.close()


def test_the_database_away_leaves_the_stations_own_count(tmp_path, postgres):
    db = station_db(postgres, "Receiving 1")
    shared = budget(tmp_path, db, "s1")
    postgres.stop("immediate")
    shared.take()
    assert shared.use().today == 1
    shared.close()
    db.close()
