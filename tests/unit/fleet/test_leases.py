"""Return leases on a real PostgreSQL: one holder, expiry, takeover, fencing."""

from __future__ import annotations

import threading
import time

import pytest

from returndesk.fleet.leases import LeaseHeld, LeaseLost, Leases
from tests.unit.fleet.helpers import station_db


@pytest.fixture
def benches(postgres):
    dbs = [station_db(postgres, f"Receiving {n}") for n in (1, 2)]
    yield [Leases(db, 15) for db in dbs], dbs
    for db in dbs:
        db.close()


def test_a_return_open_at_one_station_is_refused_at_the_next_naming_who_and_since(benches):
    (one, two), _ = benches
    lease = one.take("NSR-1001", "Ada Lind")
    with pytest.raises(LeaseHeld) as held:
        two.take("NSR-1001", "Bo Berg")
    assert held.value.holder.station == "Receiving 1"
    assert held.value.holder.operator == "Ada Lind"
    assert held.value.holder.opened_at == lease.opened_at
    assert held.value.holder.token == lease.token


def test_given_back_on_submit_or_esc_the_next_station_takes_it_with_a_larger_token(benches):
    (one, two), _ = benches
    first = one.take("NSR-1002", "Ada")
    assert one.release(first)
    second = two.take("NSR-1002", "Bo")
    assert second.token > first.token
    assert not one.release(first)  # no longer ours: nothing given back


def test_the_same_station_takes_its_own_lease_again(benches):
    (one, _), _ = benches
    first = one.take("NSR-1003", "Ada")
    again = one.take("NSR-1003", "Ada")
    assert again.token > first.token


def test_an_expired_lease_is_taken_over_and_its_old_holder_learns_it(benches, postgres):
    (one, two), _ = benches
    old = one.take("NSR-1004", "Ada")
    with postgres.connect() as conn:  # as if fifteen seconds had passed without a renewal
        conn.execute("UPDATE return_leases SET expires_at = now() - interval '1 second'")
    new = two.take("NSR-1004", "Bo")
    with pytest.raises(LeaseLost) as lost:
        one.confirm(old)
    assert lost.value.holder is not None
    assert lost.value.holder.station == "Receiving 2"
    with pytest.raises(LeaseLost):
        one.renew(old)
    two.confirm(new)


def test_renewing_moves_the_expiry_and_keeps_the_token(benches):
    (one, _), _ = benches
    lease = one.take("NSR-1005", None)
    time.sleep(0.05)
    renewed = one.renew(lease)
    assert renewed.token == lease.token
    assert renewed.expires_at > lease.expires_at


def test_an_unrenewed_lease_that_nobody_took_is_still_confirmed(benches, postgres):
    (one, _), _ = benches
    lease = one.take("NSR-1006", "Ada")
    with postgres.connect() as conn:
        conn.execute("UPDATE return_leases SET expires_at = now() - interval '1 second'")
    one.confirm(lease)


def test_twenty_takes_at_once_on_one_return_give_exactly_one_lease(postgres):
    dbs = [station_db(postgres, f"Receiving {n}") for n in range(20)]
    won, refused = [], []
    start = threading.Barrier(len(dbs))

    def take(db):
        start.wait()
        try:
            won.append(Leases(db, 60).take("NSR-2000", None))
        except LeaseHeld:
            refused.append(db.station)

    threads = [threading.Thread(target=take, args=(db,)) for db in dbs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    for db in dbs:
        db.close()
    assert len(won) == 1
    assert len(refused) == 19
