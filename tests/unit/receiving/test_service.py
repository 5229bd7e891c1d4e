import json
import random
from decimal import Decimal

import httpx
import pytest

from returndesk.app import demo_settings
from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.core.codes import CodeError
from returndesk.core.wms_builder import CaseNotReady
from returndesk.outbox.drainer import process_one
from returndesk.outbox.model import Kind, Lane, State
from returndesk.outbox.senders import build_senders
from returndesk.outbox.store import OutboxStore
from returndesk.receiving.service import ReceivingService
from returndesk.sandbox.app import DEMO_CREDENTIALS
from returndesk.sandbox.transport import DEMO_ORIGIN, sandbox_transport
from returndesk.sandbox.urls import SandboxUrls
from returndesk.settings.model import Settings
from returndesk.vendors.nshift import NShiftClient
from returndesk.vendors.returnmate import ReturnMateClient

RECEIVABLE = ["approved", "label_issued", "in_transit"]


def returnmate(transport):
    return ReturnMateClient.create(
        SandboxUrls.at(DEMO_ORIGIN).returnmate,
        DEMO_CREDENTIALS["returnmate_api_key"],
        transport=transport,
    )


def nshift(transport):
    return NShiftClient.create(
        SandboxUrls.at(DEMO_ORIGIN).nshift,
        DEMO_CREDENTIALS["nshift_username"],
        DEMO_CREDENTIALS["nshift_password"],
        transport=transport,
    )


#: the demo station's settings: the example integrator's mapping of custom fields
DEMO = demo_settings(Settings())


def make_service(tmp_path, sandbox, settings=DEMO, transport=None):
    transport = transport or sandbox_transport(sandbox)
    store = OutboxStore(tmp_path / "outbox.db")
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME, settings.returnmate.fields)
    service = ReceivingService(
        settings, store, cache, returnmate(transport), nshift=nshift(transport)
    )
    return service, store, cache


@pytest.fixture
def parts(tmp_path, sandbox):
    service, store, cache = make_service(tmp_path, sandbox)
    yield service, store, cache, sandbox
    store.close()
    cache.close()


def drain(store, sandbox):
    transport = sandbox_transport(sandbox)
    urls = SandboxUrls.at(DEMO_ORIGIN)
    senders = build_senders(
        nshift=NShiftClient.create(
            urls.nshift,
            DEMO_CREDENTIALS["nshift_username"],
            DEMO_CREDENTIALS["nshift_password"],
            transport=transport,
        ),
        returnmate=returnmate(transport),
    )
    for lane in (Lane.NSHIFT, Lane.RETURNMATE):
        while process_one(store, lane, senders, rng=random.Random(0)):
            pass


def decide_all(case, accepted=True):
    for line in case.lines:
        case.decide(line.order_item_id, present=True, accepted=accepted)


def test_lookup_from_the_cache_works_while_returnmate_is_down(parts, tmp_path):
    _, store, cache, sandbox = parts
    cache.refresh(returnmate(sandbox_transport(sandbox)), RECEIVABLE)

    def down(request):
        raise httpx.ConnectError("network cable pulled")

    offline = ReceivingService(DEMO, store, cache, returnmate(httpx.MockTransport(down)))
    rec = sandbox.data.by_rma_number("RMA-2026-000005").record
    found = offline.lookup(rec["tracking_numbers"][0])
    assert found.source == "cache"
    assert [r.rma_number for r in found.matches] == ["RMA-2026-000005"]
    # the case opens from the cache's copy, and says how old its status is
    assert found.case is not None
    assert found.status_as_of is not None
    missing = offline.lookup("#99999")
    assert missing.matches == []
    assert "ConnectError" in missing.problem


def test_lookup_by_order_number_asks_returnmate_and_fills_the_cache(parts):
    service, _, cache, sandbox = parts
    rec = sandbox.data.by_rma_number("RMA-2026-000008").record
    found = service.lookup(rec["order_number"])
    assert found.source == "returnmate"
    assert cache.find(rec["rma_number"])


def test_bad_input_is_refused(parts):
    with pytest.raises(CodeError):
        parts[0].lookup("\x00\x01")


@pytest.mark.parametrize(
    ("number", "decide"),
    [
        ("RMA-2026-000001", "all"),
        ("RMA-2026-000002", "partial"),
        ("RMA-2026-000004", "missing"),
    ],
)
def test_submit_queues_everything_in_one_capture_and_nshift_accepts_it(parts, number, decide):
    service, store, cache, sandbox = parts
    cache.refresh(returnmate(sandbox_transport(sandbox)), RECEIVABLE)
    found = service.lookup(number)
    rma, case = found.matches[0], found.case
    decide_all(case)
    if decide == "partial" and len(case.lines) > 1:
        case.decide(case.lines[0].order_item_id, present=True, accepted=False)
    if decide == "missing":
        case.decide(case.lines[-1].order_item_id, present=False, accepted=False)
    history_id = service.submit(case, operator="Ada")
    # ReturnMate is told only after nShift accepted the return
    assert [i.kind for i in store.items()] == [Kind.WMS_UPDATE]

    drain(store, sandbox)
    kinds = [i.kind for i in store.items()]
    assert kinds == [Kind.WMS_UPDATE, Kind.RMA_STATUS, Kind.RMA_NOTE]
    assert {i.history_id for i in store.items()} == {history_id}
    assert {i.state for i in store.items()} == {State.SENT}
    sent = next(r for r in sandbox.requests_to("nshift") if r.status == 200).body
    ret = sent["returns"][0]
    assert ret["itemCount"] == len(rma.items) == len(ret["items"])
    for item in ret["items"]:
        assert item["netAmount"] + item["taxAmount"] == item["grossAmount"]
        if not item["isAccepted"]:
            assert item["grossAmount"] == 0
    assert sandbox.data.rmas[rma.id].record["status"] == "received"
    note = sandbox.data.rmas[rma.id].timeline[-1]["content"]
    assert note.startswith("Received at Receiving 1 by Ada")
    again = service.lookup(number)
    assert again.case is None
    assert "already submitted from this station" in again.refusal


def test_jpy_return_is_submitted_without_decimals(parts):
    service, store, cache, sandbox = parts
    cache.refresh(returnmate(sandbox_transport(sandbox)), RECEIVABLE)
    jpy = next(
        r.record
        for r in sandbox.data.rmas.values()
        if r.record["currency"] == "JPY"
        and r.nshift_status == "Not Processed"
        and r.record["status"] != "draft"
    )
    case = service.lookup(jpy["rma_number"]).case
    decide_all(case)
    assert case.tax_rate == Decimal("0.10")
    service.submit(case, operator="Ada")
    payload = json.loads(store.items()[0].payload_json)
    assert all(isinstance(i["grossAmount"], int) for i in payload["returns"][0]["items"])


def test_undecided_case_is_refused_and_nothing_is_queued(parts):
    service, store, cache, sandbox = parts
    cache.refresh(returnmate(sandbox_transport(sandbox)), RECEIVABLE)
    case = service.lookup("RMA-2026-000001").case
    with pytest.raises(CaseNotReady):
        service.submit(case, operator="Ada")
    assert store.counts().waiting == 0


def test_an_rma_no_source_can_join_is_not_receivable(tmp_path, documented_sandbox):
    settings = Settings.model_validate({"receiving": {"join_sources": ["mapping"]}})
    service, store, cache = make_service(tmp_path, documented_sandbox, settings)
    cache.refresh(returnmate(sandbox_transport(documented_sandbox)), RECEIVABLE)
    found = service.lookup("RMA-2026-000001")
    assert found.case is None
    assert "no nShift return was found" in found.refusal
    assert "receive it without an RMA" in found.refusal
    store.close()
    cache.close()


def test_a_return_without_an_rma_goes_to_history_only(parts):
    from returndesk.receiving.manual_case import ManualCaseError

    service, store, _, _ = parts
    case = service.start_manual("1Z999AA10123456784", order_number="#77", market_code="DE")
    line = case.add_manual_line("4006381333931")
    with pytest.raises(CaseNotReady, match="enter its refund"):
        service.submit(case, operator="ada")
    case.set_gross(line.order_item_id, Decimal("19.99"))
    line.description = "Blue mug"
    history_id = service.submit(case, operator="ada")
    assert store.items() == []  # nothing for a vendor: nShift needs the RMA's items
    entry = store.history_entry(history_id)
    assert entry["source"] == "manual"
    summary = entry["summary"]
    assert summary["total_refund"] == Decimal("19.99")
    assert summary["lines"][0]["description"] == "Blue mug"
    assert ["orderNumber", "#77"] in summary["alt_order_ids"]
    with pytest.raises(ManualCaseError, match="already received at this station"):
        service.start_manual("1Z999AA10123456784", order_number="", market_code="DE")
