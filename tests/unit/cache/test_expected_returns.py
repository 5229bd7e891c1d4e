from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.sandbox.app import DEMO_CREDENTIALS, Sandbox, SandboxConfig
from returndesk.sandbox.transport import DEMO_ORIGIN, sandbox_transport
from returndesk.sandbox.urls import SandboxUrls
from returndesk.vendors.returnmate import ReturnMateClient

RECEIVABLE = ["approved", "label_issued", "in_transit"]


def client(sandbox):
    return ReturnMateClient.create(
        SandboxUrls.at(DEMO_ORIGIN).returnmate,
        DEMO_CREDENTIALS["returnmate_api_key"],
        transport=sandbox_transport(sandbox),
    )


def test_refresh_fetches_every_receivable_rma_and_indexes_its_codes(tmp_path, sandbox):
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME)
    assert cache.refresh(client(sandbox), RECEIVABLE) == 46
    assert cache.count() == 46
    rec = sandbox.data.by_rma_number("RMA-2026-000001").record
    for code in (
        rec["rma_number"],
        rec["order_number"],
        rec["nshift_return_id"],
        rec["forward_order_id"],
        *rec["tracking_numbers"],
        rec["rma_number"].lower(),
    ):
        found = cache.find(code)
        assert [r.id for r in found] == [rec["id"]], code
    assert cache.find("RMA-2026-000011") == []  # a draft is not expected at the bench
    found = cache.find(rec["rma_number"])[0]
    assert found.items[0].unit_price == rec["items"][0]["unit_price"]  # exact Decimal


def test_refresh_is_idempotent_and_updates(tmp_path, sandbox):
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME)
    cache.refresh(client(sandbox), RECEIVABLE)
    sandbox.data.by_rma_number("RMA-2026-000001").record["tracking_numbers"] = ["NEWCODE1"]
    cache.refresh(client(sandbox), RECEIVABLE)
    assert cache.count() == 46
    assert cache.find("NEWCODE1")[0].rma_number == "RMA-2026-000001"
    assert cache.find("1Z999AA10000000001") == []  # the old code no longer points at it


def test_ten_thousand_rmas_refresh_in_pages(tmp_path):
    sandbox = Sandbox(SandboxConfig(rma_count=10_000, returnmate_per_minute=None))
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME)
    assert cache.refresh(client(sandbox), RECEIVABLE) > 9_000
    assert len(sandbox.requests_to("returnmate")) > 90  # 100 per page
    assert cache.find("RMA-2026-009999")
