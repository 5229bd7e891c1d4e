"""Stations as separate processes on one real PostgreSQL and one sandbox over HTTP: one syncer,
one station per return, the ledger everywhere, takeover after a kill, and PostgreSQL stopped
mid-shift losing nothing."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest

from returndesk.sandbox.server import SandboxServer
from tests.fleet_bench import ROOT, make_station, receivable
from tests.postgres import wait_until
from tests.unit.cache.test_sync import new_rma

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def fleet_of(tmp_path, postgres, sandbox):
    """``fleet_of(n, **options)``: n station processes started, stopped after the test."""
    made = []
    with SandboxServer(sandbox) as served:

        def start(n, *, rounds=0, fleet=None):
            stations = [
                make_station(tmp_path, f"Receiving {i + 1}", served.origin, postgres,
                             rounds=rounds, fleet=fleet)
                for i in range(n)
            ]  # fmt: skip
            made.extend(stations)
            return [s.start() for s in stations]

        yield start
        for station in made:
            station.stop()


def at_once(stations, op, **values):
    for station in stations:
        station.tell(op, **values)
    return [station.answer() for station in stations]


def syncer(postgres):
    with postgres.connect() as conn:
        row = conn.execute(
            "SELECT holder FROM fleet_jobs WHERE job = 'returnmate-sync' AND expires_at > now()"
        ).fetchone()
    return row[0] if row else None


def test_two_stations_one_syncer_one_bench_per_return_and_the_ledger_at_both(
    fleet_of, postgres, sandbox
):
    one, two = fleet_of(2)
    first = one.ask("tick")
    assert first["reachable"]
    assert first["syncing"]
    assert first["synced"] == "full"
    second = two.ask("tick")
    assert not second["syncing"]  # the job is held: the second reads the fleet's copy
    assert second["cached"] == first["cached"] == 46
    before = len(sandbox.requests_to("returnmate"))
    two.ask("tick")
    assert len(sandbox.requests_to("returnmate")) == before  # reading the copy asks nobody

    number = receivable(sandbox, 1)[0]
    answers = at_once([one, two], "open", code=number, operator="Ada Lind")
    opened = [a for a in answers if a["opened"]]
    refused = [a for a in answers if not a["opened"]]
    assert len(opened) == 1
    assert len(refused) == 1
    assert "is open at Receiving" in refused[0]["refusal"]
    assert "(Ada Lind) since" in refused[0]["refusal"]
    holder, other = (one, two) if answers[0]["opened"] else (two, one)
    assert "history_id" in holder.ask("submit", operator="Ada Lind")
    again = other.ask("open", code=number, operator="Bo Berg")
    assert not again["opened"]
    assert f"was already received at {holder.name}" in again["refusal"]
    assert "by Ada Lind" in again["refusal"]


def test_five_stations_open_the_same_parcel_at_once_and_exactly_one_has_it(
    fleet_of, postgres, sandbox, tmp_path
):
    stations = fleet_of(5)
    ticks = at_once(stations, "tick")
    assert sum(t["syncing"] for t in ticks) == 1
    for station in stations:
        assert station.ask("tick")["cached"] == 46
    shared = receivable(sandbox, 6)
    answers = at_once(stations, "open", code=shared[0], operator="Ada")
    assert sum(a["opened"] for a in answers) == 1
    assert all("is open at" in a["refusal"] for a in answers if not a["opened"])
    winner = next(s for s, a in zip(stations, answers, strict=True) if a["opened"])
    winner.ask("close")  # Esc: given back, the next one opens it
    others = [s for s in stations if s is not winner]
    assert others[0].ask("open", code=shared[0], operator="Bo")["opened"]
    others[0].ask("close")
    # each its own parcel: all open, all submitted, all in the ledger
    for station, number in zip(stations, shared[1:], strict=True):
        assert station.ask("open", code=number, operator=station.name)["opened"]
        assert "history_id" in station.ask("submit", operator=station.name)
    at_once(stations, "tick")
    with postgres.connect() as conn:
        rows = conn.execute("SELECT station FROM receipts ORDER BY station").fetchall()
    assert [r[0] for r in rows] == [s.name for s in stations]
    # the team lead's view: every station's heartbeat, from any station's settings
    status = subprocess.run(
        [sys.executable, "-m", "returndesk", "--config", str(stations[0].config),
         "fleet", "status", "--json"],
        cwd=ROOT, env=stations[0]._env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert status.returncode == 0, status.stderr
    fleet = json.loads(status.stdout)
    assert [s["station"] for s in fleet["stations"]] == [s.name for s in stations]
    assert all(s["parcels_today"] == 1 for s in fleet["stations"])
    assert fleet["syncer"]["station"] in [s.name for s in stations]
    table = subprocess.run(
        [sys.executable, "-m", "returndesk", "--config", str(stations[0].config),
         "fleet", "status"],
        cwd=ROOT, env=stations[0]._env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert table.returncode == 0, table.stderr
    assert "Receiving 5" in table.stdout
    assert "parcels" in table.stdout


def open_at_the_first(fleet_of, sandbox):
    """Two stations (15-second leases) that read the fleet's copy; Ada opened a parcel at
    the first. (first, second, the parcel's RMA number)"""
    one, two = fleet_of(2, fleet={"lease_seconds": 15})
    one.ask("tick")
    two.ask("tick")
    number = receivable(sandbox, 1)[0]
    assert one.ask("open", code=number, operator="Ada")["opened"]
    return one, two, number


def test_a_killed_lease_holder_lets_another_station_take_over_after_expiry(
    fleet_of, postgres, sandbox
):
    one, two, number = open_at_the_first(fleet_of, sandbox)
    one.kill()  # the bench lost power with the return open
    refused = two.ask("open", code=number, operator="Bo")
    assert not refused["opened"]
    assert "is open at Receiving 1 (Ada)" in refused["refusal"]
    assert wait_until(
        lambda: two.ask("open", code=number, operator="Bo")["opened"], timeout=30, step=1
    )
    assert "history_id" in two.ask("submit", operator="Bo")


def test_a_taken_over_holder_is_warned_before_it_submits_with_its_stale_token(
    fleet_of, postgres, sandbox
):
    one, two, number = open_at_the_first(fleet_of, sandbox)
    with postgres.connect() as conn:  # Receiving 1 stalled past its lease
        conn.execute("UPDATE return_leases SET expires_at = now() - interval '1 second'")
    assert two.ask("open", code=number, operator="Bo")["opened"]
    stale = one.ask("submit", operator="Ada")
    assert "was taken over by Receiving 2 (Bo)" in stale["taken_over"]
    assert one.ask("renew")["lost"] == []  # no longer held here: nothing to renew
    # told, the operator may still submit: the parcel is in their hands
    assert "history_id" in one.ask("submit", operator="Ada", anyway=True)


def test_killing_the_syncer_moves_syncing_to_another_station_within_a_minute(
    fleet_of, postgres, sandbox
):
    stations = fleet_of(3, rounds=1, fleet={"sync_lease_seconds": 15, "heartbeat_seconds": 5})
    first = wait_until(lambda: syncer(postgres), timeout=30)
    assert first in [s.name for s in stations]
    killed = next(s for s in stations if s.name == first)
    survivors = [s for s in stations if s is not killed]
    assert wait_until(lambda: all(s.ask("state")["cached"] == 46 for s in survivors), timeout=30)
    started = time.monotonic()
    killed.kill()
    # a customer's new RMA while nobody syncs
    new_rma(sandbox, "RMA-2026-900001", datetime.now(UTC))
    after = wait_until(lambda: (h := syncer(postgres)) and h != first and h, timeout=60, step=0.5)
    took = time.monotonic() - started
    print(f"syncer handover: {took:.1f} s after the kill (sync lease 15 s)")
    assert after in [s.name for s in survivors]
    assert took < 60
    # the new syncer syncs: the new RMA reaches the station that is not the syncer
    reader = next(s for s in survivors if s.name != after)
    assert wait_until(lambda: reader.ask("state")["cached"] == 47, timeout=30, step=0.5)
    assert reader.ask("open", code="RMA-2026-900001", operator="Bo")["refusal"] is None


def test_postgres_stopped_mid_shift_loses_nothing_and_the_ledger_catches_up(
    fleet_of, postgres, sandbox
):
    one, two = fleet_of(2)
    one.ask("tick")
    two.ask("tick")
    numbers = receivable(sandbox, 4)
    assert one.ask("open", code=numbers[0], operator="Ada")["opened"]
    one.ask("submit", operator="Ada")
    postgres.stop("immediate")  # the fleet database's server goes down mid-shift
    away = one.ask("tick")
    assert not away["reachable"]
    assert "does not answer" in away["problem"]
    for number in numbers[1:]:  # receiving goes on from the local cache, unleased
        opened = one.ask("open", code=number, operator="Ada")
        assert opened["opened"], opened
        assert "history_id" in one.ask("submit", operator="Ada")
    assert one.ask("drain")["pending"] == 0  # nShift and ReturnMate still got everything
    assert one.ask("state")["received"] == 4
    postgres.start()
    back = one.ask("tick")
    assert back["reachable"]
    assert back["receipts_added"] == 3
    with postgres.connect() as conn:
        rows = conn.execute("SELECT rma_number FROM receipts ORDER BY rma_number").fetchall()
    assert [r[0] for r in rows] == sorted(numbers)
    # and the other station sees them: none of these parcels opens there
    for number in numbers:
        refused = two.ask("open", code=number, operator="Bo")
        assert not refused["opened"]
    assert one.ask("tick")["receipts_added"] == 0  # copied once, not twice
