"""The fleet at the bench, in process: two stations' receiving services on one database — a
return opened at one is refused at the other, a parcel received without an RMA at one is
refused at the other from the ledger, and the database away never stops a parcel."""

from __future__ import annotations

from decimal import Decimal

import pytest

from returndesk.fleet.desk import FleetDesk
from returndesk.receiving.manual_case import ManualCaseError
from tests.unit.fleet.helpers import station_db
from tests.unit.receiving.test_service import decide_all, make_service

PARCEL = "1Z999AA10123456784"


@pytest.fixture
def benches(tmp_path, postgres, sandbox):
    made = []
    for n in (1, 2):
        folder = tmp_path / f"bench-{n}"
        folder.mkdir()
        service, store, cache = make_service(folder, sandbox)
        cache.refresh(service._returnmate, ["approved", "label_issued", "in_transit"])
        db = station_db(postgres, f"Receiving {n}")
        service.fleet = FleetDesk(db, 60)
        made.append((service, store, cache, db))
    yield [m[0] for m in made]
    for _, store, cache, db in made:
        store.close()
        cache.close()
        db.close()


def test_a_parcel_without_an_rma_received_at_one_bench_is_refused_at_the_next(benches):
    one, two = benches
    case = one.start_manual(PARCEL, order_number="#77", market_code="DE")
    line = case.add_manual_line("4006381333931")
    case.set_gross(line.order_item_id, Decimal("19.99"))
    one.submit(case, operator="Ada")
    with pytest.raises(ManualCaseError, match=r"already received at Receiving 1 on .* by Ada"):
        two.start_manual(PARCEL, order_number="#77", market_code="DE")


def test_opened_at_one_bench_refused_at_the_other_then_received_and_refused_for_good(benches):
    one, two = benches
    one.operator, two.operator = "Ada", "Bo"
    opened = one.lookup("RMA-2026-000001")
    assert opened.case is not None
    refused = two.lookup("RMA-2026-000001")
    assert refused.case is None
    assert "is open at Receiving 1 (Ada)" in refused.refusal
    decide_all(opened.case)
    one.submit(opened.case, operator="Ada")
    again = two.lookup("RMA-2026-000001")
    assert "was already received at Receiving 1" in again.refusal


def test_the_database_away_opens_the_return_unleased(benches, postgres):
    one, _ = benches
    postgres.stop("immediate")
    found = one.lookup("RMA-2026-000001")
    assert found.case is not None  # nShift's "Not Processed" rule stays the last guard
    assert one.renew_leases() == []
