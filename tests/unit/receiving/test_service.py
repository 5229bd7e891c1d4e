import json
import random
from decimal import Decimal

import httpx
import pytest

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
from returndesk.station import demo_settings
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


def test_the_nshift_pull_api_finds_the_return_with_no_mapping(tmp_path, documented_sandbox):
    service, store, cache = make_service(tmp_path, documented_sandbox, Settings())
    cache.refresh(returnmate(sandbox_transport(documented_sandbox)), RECEIVABLE)
    rec = documented_sandbox.data.by_rma_number("RMA-2026-000004").record
    found = service.lookup(rec["rma_number"])
    case = found.case
    assert case.return_id == rec["nshift_return_order_id"]  # nShift's returnOrderId
    assert case.forward_order_id == rec["order_number"]
    assert [line.order_item_id for line in case.lines] == [i["order_item_id"] for i in rec["items"]]
    assert all(line.unit_gross is None for line in case.lines)  # ReturnMate gives no price
    assert any(r.path.endswith("return-orders") for r in documented_sandbox.requests_to("nshift"))
    store.close()
    cache.close()


def test_a_return_nshift_has_as_processed_is_refused_before_the_parcel_is_worked(
    tmp_path, documented_sandbox
):
    service, store, cache = make_service(tmp_path, documented_sandbox, Settings())
    cache.refresh(returnmate(sandbox_transport(documented_sandbox)), RECEIVABLE)
    processed = documented_sandbox.data.by_rma_number("RMA-2026-000003")
    assert processed.nshift_status == "Processed"
    found = service.lookup("RMA-2026-000003")
    assert found.case is None
    assert "only as processed" in found.refusal
    store.close()
    cache.close()


def test_without_mapping_or_nshift_the_operator_scans_the_return_id(tmp_path, documented_sandbox):
    settings = Settings.model_validate({"receiving": {"join_sources": ["mapping", "scan"]}})
    service, store, cache = make_service(tmp_path, documented_sandbox, settings)
    cache.refresh(returnmate(sandbox_transport(documented_sandbox)), RECEIVABLE)
    found = service.lookup("RMA-2026-000001")
    assert found.case is None
    assert found.refusal is None
    assert found.awaiting_return_id is not None
    # any other code is looked up as usual (here the same RMA's order number: asked again)
    again = service.lookup("#10007", awaiting=found.awaiting_return_id)
    assert again.case is None
    assert again.awaiting_return_id is not None
    rec = documented_sandbox.data.by_rma_number("RMA-2026-000001").record
    joined = service.lookup(rec["nshift_return_id"], awaiting=found.awaiting_return_id)
    assert joined.case.return_id == rec["nshift_return_id"]
    assert joined.case.forward_order_id == rec["order_number"]
    store.close()
    cache.close()


def test_an_rma_cancelled_after_caching_is_refused_online_and_swept(parts):
    service, _, cache, sandbox = parts
    client = returnmate(sandbox_transport(sandbox))
    cache.refresh(client, RECEIVABLE)
    rec = sandbox.data.by_rma_number("RMA-2026-000005").record
    rec["status"] = "cancelled"  # in ReturnMate, after this station cached it
    found = service.lookup(rec["rma_number"])
    assert found.case is None
    assert (
        found.refusal == f"{rec['rma_number']} is cancelled in ReturnMate, not receivable; "
        "keep the parcel aside for customer service"
    )
    other = sandbox.data.by_rma_number("RMA-2026-000006").record
    other["status"] = "cancelled"
    cache.refresh(client, RECEIVABLE)  # mark and sweep
    assert cache.find(other["rma_number"]) == []


def test_an_rma_received_elsewhere_says_when(parts):
    service, _, cache, sandbox = parts
    client = returnmate(sandbox_transport(sandbox))
    cache.refresh(client, RECEIVABLE)
    rec = sandbox.data.by_rma_number("RMA-2026-000008").record
    client.update_status(rec["id"], "received")  # another station got there first
    found = service.lookup(rec["rma_number"])
    assert found.case is None
    assert "was received on" in found.refusal
    assert "at another station" in found.refusal


def test_a_refused_wms_update_tells_returnmate_nothing_and_can_be_resubmitted(parts):
    service, store, cache, sandbox = parts
    cache.refresh(returnmate(sandbox_transport(sandbox)), RECEIVABLE)
    number = "RMA-2026-000009"
    demo = sandbox.data.by_rma_number(number)
    case = service.lookup(number).case
    decide_all(case)
    good_id = case.forward_order_id
    case.forward_order_id = "WRONG-ORDER"  # nShift refuses the update
    service.submit(case, operator="Ada")
    drain(store, sandbox)
    (update,) = store.items()
    assert update.state is State.FAILED
    assert "forwardOrderId" in update.last_error
    assert sandbox.requests_to("returnmate")[-1].method == "GET"  # no PATCH, no note
    assert demo.record["status"] != "received"
    # reopened: the lookup no longer refuses it, the corrected case goes through
    again = service.lookup(number)
    assert again.refusal is None
    again.case.forward_order_id = good_id
    decide_all(again.case)
    service.submit(again.case, operator="Ada")
    drain(store, sandbox)
    assert demo.nshift_status == "Processed"
    assert demo.record["status"] == "received"
    assert [i.kind for i in store.items() if i.state is State.SENT] == [
        Kind.WMS_UPDATE,
        Kind.RMA_STATUS,
        Kind.RMA_NOTE,
    ]
