from returndesk.core.gs1 import is_valid
from returndesk.sandbox.demo_data import EDGE_CASES, build_demo_data


def test_demo_data_is_realistic_and_deterministic():
    data = build_demo_data()
    rmas = [r.record for r in data.rmas.values()]
    assert len(rmas) >= 40
    assert all(1 <= len(r["items"]) <= 6 for r in rmas)
    assert {r["currency"] for r in rmas} >= {"SEK", "EUR", "JPY"}
    assert build_demo_data().rmas.keys() == data.rmas.keys()
    for r in rmas:
        ids = [i["order_item_id"] for i in r["items"]]
        assert len(ids) == len(set(ids))
        assert all(is_valid(i["gtin"]) for i in r["items"])
        assert is_valid(r["tracking_numbers"][0])
        assert len(r["tracking_numbers"][0]) == 18
        if r["currency"] == "JPY":
            assert all(i["unit_price"] == i["unit_price"].to_integral() for i in r["items"])


def test_edge_cases_exist_as_described():
    data = build_demo_data()
    assert data.by_rma_number("RMA-2026-000003").nshift_status == "Processed"
    assert data.by_rma_number("RMA-2026-000007").record["status"] == "received"
    assert data.by_rma_number("RMA-2026-000011").record["status"] == "draft"
    assert set(EDGE_CASES) <= {r.record["rma_number"] for r in data.rmas.values()}
    assert all(data.by_rma_number(code) is None for code in data.unknown_codes)
