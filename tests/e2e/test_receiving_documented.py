"""The whole receiving flow in the window, against a sandbox over real HTTP that serves only
the fields ReturnMate documents: the join through the mapping, nShift's Pull API, or the
operator's scan of the nShift return id, and nShift accepting the wms-update."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from returndesk.outbox.drainer import process_one
from returndesk.outbox.model import Kind, Lane, State
from returndesk.outbox.senders import build_senders
from returndesk.sandbox.custom_fields import DEMO_FIELDS
from returndesk.sandbox.server import SandboxServer
from returndesk.ui.screens.items_columns import COL_GROSS
from tests.wired import live_station, unwire, wire

pytestmark = pytest.mark.e2e


@pytest.fixture
def served(documented_sandbox):
    with SandboxServer(documented_sandbox) as server:
        yield server


@pytest.fixture
def live(qtbot, tmp_path, served):
    """``live(extra_settings)``: a station configured like a deployment against the server."""
    made = []

    def make(extra=None):
        station = live_station(tmp_path, served.origin, extra)
        window, store, receiving = wire(qtbot, station)
        made.append((receiving, store, station))
        return station, window, store, receiving

    yield make
    for receiving, store, station in made:
        unwire(receiving, store, station)


def scan(qtbot, line_edit, code):
    line_edit.setFocus()
    qtbot.keyClicks(line_edit, code)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def type_every_refund(window, sandbox, rma_number):
    """ReturnMate documents no price: the operator types each accepted line's refund."""
    prices = [i["unit_price"] for i in sandbox.data.by_rma_number(rma_number).record["items"]]
    model = window.items.model
    for row, line in enumerate(model.case.lines):
        assert model.case.price_unknown(line)
        assert model.data(model.index(row, COL_GROSS)) == "?"
        price = prices[row] * line.expected_qty
        assert model.setData(model.index(row, COL_GROSS), str(price))
    quantities = [line.expected_qty for line in model.case.lines]
    return sum(p * q for p, q in zip(prices, quantities, strict=True))


def submit_and_drain(qtbot, window, station, store):
    qtbot.mouseClick(window.items.submit, Qt.MouseButton.LeftButton)
    assert "Press F12 again" in window.items.message.text()
    qtbot.mouseClick(window.items.submit, Qt.MouseButton.LeftButton)
    assert window.screens.currentWidget() is window.ready
    senders = build_senders(nshift=station.nshift, returnmate=station.returnmate)
    for lane in (Lane.NSHIFT, Lane.RETURNMATE):
        while process_one(store, lane, senders, rng=random.Random(0)):
            pass
    assert {i.state for i in store.items()} == {State.SENT}
    assert [i.kind for i in store.items()] == [Kind.WMS_UPDATE, Kind.RMA_STATUS, Kind.RMA_NOTE]


def received(sandbox, rma_number):
    demo = sandbox.data.by_rma_number(rma_number)
    return demo.nshift_status, demo.record["status"]


def test_documented_fields_and_the_demo_mapping_reach_nshift(qtbot, live, documented_sandbox):
    station, window, store, _ = live({"returnmate": {"fields": DEMO_FIELDS}})
    number = "RMA-2026-000010"
    scan(qtbot, window.ready.code, number)
    assert window.screens.currentWidget() is window.items
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)  # everything is here
    total = type_every_refund(window, documented_sandbox, number)
    assert window.items.model.case.total_refund() == total
    submit_and_drain(qtbot, window, station, store)
    assert received(documented_sandbox, number) == ("Processed", "received")
    (update,) = [r for r in documented_sandbox.requests_to("nshift") if r.method == "POST"]
    assert update.status == 200
    sent = update.body["returns"][0]
    assert sum(Decimal(str(i["grossAmount"])) for i in sent["items"]) == total


def test_the_pull_api_joins_an_rma_with_no_mapping_at_all(qtbot, live, documented_sandbox):
    station, window, store, _ = live()
    number = "RMA-2026-000012"
    record = documented_sandbox.data.by_rma_number(number).record
    scan(qtbot, window.ready.code, record["order_number"])
    assert window.screens.currentWidget() is window.items
    case = window.items.model.case
    assert case.return_id == record["nshift_return_order_id"]
    for item in record["items"]:
        for _ in range(item["quantity"]):
            scan(qtbot, window.items.item_code, item["sku"])
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    type_every_refund(window, documented_sandbox, number)
    submit_and_drain(qtbot, window, station, store)
    assert received(documented_sandbox, number) == ("Processed", "received")


def test_with_neither_the_operator_scans_the_nshift_return_id(qtbot, live, documented_sandbox):
    station, window, store, _ = live({"receiving": {"join_sources": ["mapping", "scan"]}})
    number = "RMA-2026-000014"
    record = documented_sandbox.data.by_rma_number(number).record
    scan(qtbot, window.ready.code, number)
    assert window.screens.currentWidget() is window.ready
    assert "Scan the nShift return id" in window.ready.status.text()
    scan(qtbot, window.ready.code, record["nshift_return_id"])  # the NSR… label on the parcel
    assert window.screens.currentWidget() is window.items
    assert window.items.model.case.return_id == record["nshift_return_id"]
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    type_every_refund(window, documented_sandbox, number)
    submit_and_drain(qtbot, window, station, store)
    assert received(documented_sandbox, number) == ("Processed", "received")
    assert not any(r.path.endswith("return-orders") for r in documented_sandbox.log)
