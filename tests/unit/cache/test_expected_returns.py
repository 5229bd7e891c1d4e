import pytest

from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.sandbox.app import DEMO_CREDENTIALS, Sandbox, SandboxConfig
from returndesk.sandbox.transport import DEMO_ORIGIN, sandbox_transport
from returndesk.sandbox.urls import SandboxUrls
from returndesk.settings.model import ReturnMateFields, Settings
from returndesk.station import demo_settings
from returndesk.vendors.errors import RateLimited
from returndesk.vendors.returnmate import ReturnMateClient
from returndesk.vendors.rma_fields import read_rma

#: the demo station's mapping of the example integrator's custom fields
FIELDS = demo_settings(Settings()).returnmate.fields

RECEIVABLE = ["approved", "label_issued", "in_transit"]


def client(sandbox):
    return ReturnMateClient.create(
        SandboxUrls.at(DEMO_ORIGIN).returnmate,
        DEMO_CREDENTIALS["returnmate_api_key"],
        transport=sandbox_transport(sandbox),
    )


def test_refresh_fetches_every_receivable_rma_and_indexes_its_codes(tmp_path, sandbox):
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME, FIELDS)
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
    found = read_rma(cache.find(rec["rma_number"])[0], FIELDS)
    assert found.items[0].unit_price == rec["items"][0]["unit_price"]  # exact Decimal
    assert found.problems == []


def test_documented_fields_index_the_rma_and_order_numbers(tmp_path, documented_sandbox):
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME, ReturnMateFields())
    cache.refresh(client(documented_sandbox), RECEIVABLE)
    rec = documented_sandbox.data.by_rma_number("RMA-2026-000001").record
    assert [r.id for r in cache.find(rec["order_number"])] == [rec["id"]]
    assert cache.find(rec["nshift_return_id"]) == []  # ReturnMate documents no nShift id
    assert "metadata" not in cache.find(rec["rma_number"])[0].record


def test_a_refresh_sweeps_rmas_that_left_the_receivable_states(tmp_path, sandbox):
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME, FIELDS)
    cache.refresh(client(sandbox), RECEIVABLE)
    cancelled = sandbox.data.by_rma_number("RMA-2026-000001").record
    cancelled["status"] = "cancelled"
    elsewhere = sandbox.data.by_rma_number("RMA-2026-000002").record
    elsewhere["status"] = "received"
    assert cache.refresh(client(sandbox), RECEIVABLE) == 44
    assert cache.count() == 44
    assert cache.find(cancelled["rma_number"]) == []
    assert cache.find(elsewhere["order_number"]) == []


def test_a_refresh_cut_off_sweeps_nothing(tmp_path):
    sandbox = Sandbox(SandboxConfig(rma_count=250, custom_fields=True))
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME, FIELDS)
    before = cache.refresh(client(sandbox), RECEIVABLE)
    assert before > 200  # three pages
    sandbox.config.returnmate_per_minute = 1  # the second page is refused: not all seen
    sandbox._load(sandbox.data)
    with pytest.raises(RateLimited):
        cache.refresh(client(sandbox), RECEIVABLE)
    assert cache.count() == before


def test_refresh_is_idempotent_and_updates(tmp_path, sandbox):
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME, FIELDS)
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
