"""The receiving flow driven offscreen against the sandbox: scan → items → decide → submit."""

from __future__ import annotations

import random

import httpx
import pytest
from PySide6.QtCore import Qt

from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.outbox.drainer import process_one
from returndesk.outbox.model import Lane, State
from returndesk.outbox.senders import build_senders
from returndesk.outbox.store import OutboxStore
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.station import build_station
from returndesk.ui.screens.items_columns import COL_ACCEPTED, COL_MISSING
from returndesk.ui.wiring import build_window, start_receiving
from returndesk.vendors.returnmate import ReturnMateClient


@pytest.fixture
def station_window(demo_station, sandbox):
    station, window, store, _ = demo_station
    window.show()
    return station, window, store, sandbox


def scan(qtbot, line_edit, code):
    line_edit.setFocus()
    qtbot.keyClicks(line_edit, code)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def drain(station, store):
    senders = build_senders(nshift=station.nshift, returnmate=station.returnmate)
    for lane in (Lane.NSHIFT, Lane.RETURNMATE):
        while process_one(store, lane, senders, rng=random.Random(0)):
            pass


def wms_updates(sandbox):
    posts = [r for r in sandbox.requests_to("nshift") if r.method == "POST"]
    return [r.body["returns"][0] for r in posts if r.status == 200]


def submit(qtbot, window):
    qtbot.mouseClick(window.items.submit, Qt.MouseButton.LeftButton)  # summary first
    assert "Press F12 again" in window.items.message.text()
    qtbot.mouseClick(window.items.submit, Qt.MouseButton.LeftButton)  # confirmed


def assert_vendor_rules(ret, expected_items):
    assert ret["itemCount"] == len(ret["items"]) == expected_items
    for item in ret["items"]:
        assert item["netAmount"] + item["taxAmount"] == item["grossAmount"]
        if not item["isAccepted"]:
            assert item["grossAmount"] == 0


def test_all_accepted_back_to_ready_and_a_valid_wms_update(qtbot, station_window):
    station, window, store, sandbox = station_window
    rma = sandbox.data.by_rma_number("RMA-2026-000001").record
    scan(qtbot, window.ready.code, "RMA-2026-000001")
    assert window.screens.currentWidget() is window.items
    assert window.items.model.rowCount() == len(rma["items"])
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    submit(qtbot, window)
    assert window.screens.currentWidget() is window.ready
    assert window.ready.status.text().startswith("✓ RMA-2026-000001")
    drain(station, store)
    assert {i.state for i in store.items()} == {State.SENT}
    (ret,) = wms_updates(sandbox)
    assert_vendor_rules(ret, len(rma["items"]))
    assert all(i["isAccepted"] for i in ret["items"])


def test_partial_missing_and_unexpected_item(qtbot, station_window):
    station, window, store, sandbox = station_window
    rma = sandbox.data.by_rma_number("RMA-2026-000002").record
    scan(qtbot, window.ready.code, rma["order_number"])  # another code of the same parcel
    items = window.items
    first, *rest = rma["items"]
    scan(qtbot, items.item_code, first["gtin"])
    assert items.model.case.lines[0].present is True
    assert items.model.case.lines[0].accepted is None  # a scan is no decision
    scan(qtbot, items.item_code, "4006381333931")  # not in this return
    assert "unexpected item" in items.message.text()
    assert all(line.scanned_qty <= 1 for line in items.model.case.lines)
    # the unexpected item is a row of its own, below the return's lines
    assert items.model.rowCount() == len(rma["items"]) + 1
    submit_attempt = items.model.case.problems()
    if rest:
        assert submit_attempt  # the other lines are undecided
        qtbot.mouseClick(items.submit, Qt.MouseButton.LeftButton)
        assert "Cannot submit yet" in items.message.text()
        model = items.model
        for row in range(1, len(rma["items"])):  # the rest is missing
            model.setData(
                model.index(row, COL_MISSING),
                Qt.CheckState.Checked.value,
                Qt.ItemDataRole.CheckStateRole,
            )
    model = items.model
    model.setData(
        model.index(0, COL_ACCEPTED), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    submit(qtbot, window)
    assert window.screens.currentWidget() is window.ready
    drain(station, store)
    (ret,) = wms_updates(sandbox)
    assert_vendor_rules(ret, len(rma["items"]))
    assert ret["items"][0]["isAccepted"] is True
    assert all(i["isPresent"] is False for i in ret["items"][1:])
    (entry,) = store.history_since(store.items()[0].created_at)
    assert entry["summary"]["unexpected"] == [{"code": "4006381333931", "count": 1}]


def test_jpy_return(qtbot, station_window):
    station, window, store, sandbox = station_window
    jpy = next(
        r.record
        for r in sandbox.data.rmas.values()
        if r.record["currency"] == "JPY"
        and r.nshift_status == "Not Processed"
        and r.record["status"] != "draft"
    )
    scan(qtbot, window.ready.code, jpy["rma_number"])
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    submit(qtbot, window)
    drain(station, store)
    (ret,) = wms_updates(sandbox)
    assert ret["currency"] == "JPY"
    assert all(isinstance(i["grossAmount"], int) for i in ret["items"])
    assert_vendor_rules(ret, len(jpy["items"]))


def test_resolved_from_the_cache_while_the_network_is_down(qtbot, tmp_path, sandbox):
    paths = Paths(tmp_path / "s.toml", tmp_path / "data", tmp_path / "logs")
    station = build_station(Settings(), paths, demo=True, sandbox=sandbox)
    cache = ExpectedReturnsCache(paths.data_dir / CACHE_NAME, station.settings.returnmate.fields)
    cache.refresh(station.returnmate, ["approved", "label_issued", "in_transit"])
    cache.close()

    def down(request):
        raise httpx.ConnectError("cable pulled")

    station.returnmate = ReturnMateClient.create(
        "https://rm.invalid/v1", "k", transport=httpx.MockTransport(down)
    )
    store = OutboxStore(paths.data_dir / "outbox.db")
    window = build_window(station)
    qtbot.addWidget(window)
    timer = start_receiving(
        station, window, store, notify=lambda counts: None, synchronous=True
    ).refresher
    rma = sandbox.data.by_rma_number("RMA-2026-000005").record
    scan(qtbot, window.ready.code, rma["tracking_numbers"][0])
    assert window.screens.currentWidget() is window.items
    assert "status as of" in window.items.status_age.text()  # the cache's copy, and its age
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    submit(qtbot, window)
    assert store.counts().waiting == 1  # waits in the outbox until the network returns
    back = build_station(Settings(), paths, demo=True, sandbox=sandbox)  # network is back
    drain(back, store)
    assert {i.state for i in store.items()} == {State.SENT}
    (ret,) = wms_updates(sandbox)
    assert_vendor_rules(ret, len(rma["items"]))
    timer.stop()
    store.close()


def test_unknown_parcel_and_back(qtbot, station_window):
    _, window, _, _ = station_window
    scan(qtbot, window.ready.code, "RMA-2026-999999")
    assert window.screens.currentWidget() is window.unknown
    assert "No expected return matches RMA-2026-999999" in window.unknown.detail.text()
    scan(qtbot, window.unknown.code, "RMA-2026-000001")  # another label on the parcel
    assert window.screens.currentWidget() is window.items


def test_a_submitted_return_is_not_processed_twice(qtbot, station_window):
    _, window, _, _ = station_window
    scan(qtbot, window.ready.code, "RMA-2026-000004")
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    submit(qtbot, window)
    scan(qtbot, window.ready.code, "RMA-2026-000004")
    assert window.screens.currentWidget() is window.ready
    assert "already submitted from this station" in window.ready.status.text()


def test_bad_input_gets_a_message(qtbot, station_window):
    _, window, _, _ = station_window
    scan(qtbot, window.ready.code, "x" * 250)
    assert window.screens.currentWidget() is window.ready
    assert "longer than" in window.ready.status.text()


def test_queue_and_history_views(qtbot, station_window, tmp_path):
    from returndesk.ui.flows.records_flow import RecordsFlow

    station, window, store, _sandbox = station_window
    scan(qtbot, window.ready.code, "RMA-2026-000001")
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    submit(qtbot, window)
    views = window.findChild(RecordsFlow)
    qtbot.mouseClick(window.ready.queue_button, Qt.MouseButton.LeftButton)
    assert window.screens.currentWidget() is views.queue
    model = views.queue.model
    assert model.rowCount() == 1  # ReturnMate is told once nShift accepted the return
    assert model.data(model.index(0, 1)) == "RMA-2026-000001"  # what the item is for
    assert model.data(model.index(0, 2)) == "nShift update"
    assert model.data(model.index(0, 3)) == "waiting"
    assert model.data(model.index(0, 5)) == "due now"  # never a past time as if awaited

    drain(station, store)
    views.show_queue()
    assert model.rowCount() == 3
    kinds = {model.data(model.index(r, 2)) for r in range(3)}
    assert kinds == {"nShift update", "RMA status", "RMA note"}
    assert {model.data(model.index(r, 3)) for r in range(3)} == {"sent"}
    assert {model.data(model.index(r, 1)) for r in range(3)} == {"RMA-2026-000001"}

    qtbot.mouseClick(window.ready.history_button, Qt.MouseButton.LeftButton)
    history = views.history.model
    assert history.rowCount() == 1
    assert history.data(history.index(0, 2)) == "RMA-2026-000001"
    views.history.search.setText("no-such-return")
    assert history.rowCount() == 0
    views.history.search.setText("000001")
    views.history.table.selectRow(0)
    views._export_evidence()
    assert "Evidence written to" in views.history.message.text()
    bundle = next((station.paths.data_dir / "exports").glob("evidence-*.json"))
    import json

    data = json.loads(bundle.read_text())
    assert data["rma_number"] == "RMA-2026-000001"
    assert len(data["outbox"]) == 3


def test_the_header_shows_a_new_submission_at_once(qtbot, tmp_path, sandbox):
    from returndesk.outbox.model import Counts
    from returndesk.ui.common.outbox_monitor import OutboxMonitor

    paths = Paths(tmp_path / "s.toml", tmp_path / "data", tmp_path / "logs")
    station = build_station(Settings(), paths, demo=True, sandbox=sandbox)
    store = OutboxStore(paths.data_dir / "outbox.db")
    monitor = OutboxMonitor(Counts())
    window = build_window(station, monitor=monitor)
    qtbot.addWidget(window)
    timer = start_receiving(
        station, window, store, notify=monitor.counts_changed.emit, synchronous=True
    ).refresher
    scan(qtbot, window.ready.code, "RMA-2026-000001")
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    submit(qtbot, window)
    assert window.header.queue_label.text() == "1 waiting"
    timer.stop()
    store.close()


def test_frequent_returner_hint(qtbot, station_window):
    _, window, _, _ = station_window
    scan(qtbot, window.ready.code, "RMA-2026-000013")  # the demo's frequent returner
    assert window.items.hint.isVisible()
    assert window.items.hint.text().startswith("Frequent returner: 28 returns")
    window.items.cancelled.emit()
    scan(qtbot, window.ready.code, "RMA-2026-000001")
    assert not window.items.hint.text().startswith("Frequent")


def test_every_scan_flashes_and_codes_come_from_the_lists(qtbot, station_window):
    from returndesk.ui.common.flash import BAD, GOOD
    from returndesk.ui.screens.condition_delegate import ConditionDelegate
    from returndesk.ui.screens.items_columns import COL_CONDITION

    _, window, _, _ = station_window
    scan(qtbot, window.ready.code, "x" * 250)
    assert window.ready.flash.colour == BAD
    scan(qtbot, window.ready.code, "RMA-2026-000001")
    assert window.items.flash.colour == GOOD
    scan(qtbot, window.items.item_code, "4006381333931")
    assert window.items.flash.colour == BAD
    qtbot.waitUntil(lambda: window.items.flash.colour is None, timeout=2000)

    delegate = window.items.table.itemDelegateForColumn(COL_CONDITION)
    assert isinstance(delegate, ConditionDelegate)
    assert delegate.codes == Settings().codes.conditions
    index = window.items.model.index(0, COL_CONDITION)
    editor = delegate.createEditor(window.items.table, None, index)
    # the grades, the station's condition codes, then the routes: one list
    entries = [editor.itemData(n) for n in range(editor.count()) if editor.itemData(n)]
    assert entries[:4] == ["grade:A", "grade:B", "grade:C", "grade:D"]
    assert "condition:DAMAGED" in entries
    assert entries[-1] == "route:quarantine"
    editor.setCurrentIndex(editor.findData("condition:DAMAGED"))
    delegate.setModelData(editor, window.items.model, index)
    assert window.items.model.case.lines[0].condition_code == "DAMAGED"
    editor.setCurrentIndex(editor.findData("grade:B"))
    delegate.setModelData(editor, window.items.model, index)
    line = window.items.model.case.lines[0]
    assert (line.grade, line.condition_code) == ("B", "DAMAGED")  # the operator's code stays
    editor.deleteLater()


def test_receive_without_an_rma(qtbot, station_window):
    from returndesk.ui.flows.records_flow import RecordsFlow
    from returndesk.ui.screens.items_columns import COL_DESCRIPTION, COL_GROSS

    _, window, store, sandbox = station_window
    scan(qtbot, window.ready.code, "#99999")  # an order number no RMA has
    unknown = window.unknown
    assert window.screens.currentWidget() is unknown
    qtbot.keyClick(unknown.code, Qt.Key.Key_F8)
    assert unknown.manual.isVisible()
    assert unknown.order.text() == "#99999"  # the scanned order number, prefilled
    unknown.market.setCurrentIndex(unknown.market.findData("FI"))
    assert unknown.market.currentText() == "FI · EUR"
    qtbot.keyClick(unknown.order, Qt.Key.Key_Return)
    items = window.items
    assert window.screens.currentWidget() is items
    assert items.title.text().startswith("WITHOUT RMA · #99999 · EUR")
    assert "WITHOUT an RMA" in items.hint.text()
    scan(qtbot, items.item_code, "4006381333931")
    scan(qtbot, items.item_code, "4006381333931")
    assert items.model.rowCount() == 1
    assert "added (×2)" in items.message.text()
    qtbot.mouseClick(items.submit, Qt.MouseButton.LeftButton)
    assert "enter its refund" in items.message.text()
    model = items.model
    model.setData(model.index(0, COL_DESCRIPTION), "Kettle, boxed")
    model.setData(model.index(0, COL_GROSS), "24.80")
    submit(qtbot, window)
    assert window.screens.currentWidget() is window.ready
    assert window.ready.status.text().startswith("✓ Recorded without RMA: 1 of 1 accepted")
    assert store.items() == []
    assert sandbox.requests_to("nshift") == []
    views = window.findChild(RecordsFlow)
    views.show_history()
    history = views.history.model
    assert history.data(history.index(0, 1)) == "MANUAL-#99999"
    assert history.data(history.index(0, 7)) == "WITHOUT RMA"

    scan(qtbot, window.ready.code, "#99999")  # the same parcel again
    qtbot.keyClick(unknown.code, Qt.Key.Key_F8)
    qtbot.keyClick(unknown.order, Qt.Key.Key_Return)
    assert window.screens.currentWidget() is unknown
    assert "already received at this station" in unknown.manual_message.text()


def test_every_outcome_has_a_sound(qtbot, station_window):
    _, window, _, _ = station_window
    heard = []
    window.sounds.cue.connect(heard.append)
    scan(qtbot, window.ready.code, "x" * 250)
    scan(qtbot, window.ready.code, "RMA-2026-000001")
    scan(qtbot, window.items.item_code, "4006381333931")
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    submit(qtbot, window)
    assert heard == ["bad", "good", "bad", "good"]


def test_the_training_hint_skips_returns_already_received(qtbot, station_window):
    _, window, _, _ = station_window
    assert "RMA-2026-000001" in window.ready.demo_hint.text()
    scan(qtbot, window.ready.code, "RMA-2026-000001")
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    submit(qtbot, window)
    hint = window.ready.demo_hint.text()
    assert "RMA-2026-000001" not in hint
    assert hint.count("RMA-2026-") == 3  # topped up with the next receivable one


def test_the_open_queue_follows_the_outbox(qtbot, station_window):
    from returndesk.ui.flows.records_flow import RecordsFlow

    station, window, store, _ = station_window
    scan(qtbot, window.ready.code, "RMA-2026-000001")
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    submit(qtbot, window)
    views = window.findChild(RecordsFlow)
    views.show_queue()
    model = views.queue.model
    views.queue.table.selectRow(1)
    chosen = views.queue.selected_key()
    drain(station, store)  # as the drainer would, on its own thread
    window.outbox_changed.emit(store.counts())
    window.outbox_changed.emit(store.counts())  # a burst reloads once, not per report

    def all_sent():
        return {model.data(model.index(r, 3)) for r in range(model.rowCount())} == {"sent"}

    qtbot.waitUntil(all_sent, timeout=3000)
    assert views.queue.selected_key() == chosen  # the operator's choice survives a refresh


def test_a_return_nshift_refused_is_reopened_from_history_and_resubmitted(qtbot, station_window):
    from returndesk.ui.flows.records_flow import RecordsFlow

    station, window, store, sandbox = station_window
    number = "RMA-2026-000009"
    scan(qtbot, window.ready.code, number)
    window.items.model.case.forward_order_id = "WRONG"  # nShift will refuse this one
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    submit(qtbot, window)
    drain(station, store)
    (refused,) = store.items()
    assert refused.state is State.FAILED
    assert sandbox.data.by_rma_number(number).record["status"] != "received"
    views = window.findChild(RecordsFlow)
    views.show_history()
    views.history.table.selectRow(0)
    views._reopen()
    assert window.screens.currentWidget() is window.items
    assert window.items.model.case.rma_number == number
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    submit(qtbot, window)
    drain(station, store)
    assert sandbox.data.by_rma_number(number).nshift_status == "Processed"
    assert sandbox.data.by_rma_number(number).record["status"] == "received"
    views.show_history()
    views.history.table.selectRow(0)  # the new, accepted one: nothing to reopen
    views._reopen()
    assert "Only a return" in views.history.message.text()


def test_f8_on_ready_receives_without_an_rma(qtbot, station_window):
    _, window, _, _ = station_window
    unknown = window.unknown
    qtbot.keyClick(window.ready.code, Qt.Key.Key_F8)
    assert window.screens.currentWidget() is unknown
    assert unknown.title.text() == "Receive without an RMA"
    assert unknown.manual.isVisible()
    assert not unknown.manual_button.isVisible()  # the form is open: no F8 button on it
    assert unknown.parcel.text() == ""
    qtbot.keyClick(unknown.order, Qt.Key.Key_Return)  # no parcel code yet: said, not started
    assert window.screens.currentWidget() is unknown
    assert "parcel's label code first" in unknown.manual_message.text()
    assert unknown.takes_parcel("PARCEL-0042")  # a scan fills the form, it is no lookup
    assert unknown.parcel.text() == "PARCEL-0042"
    assert not unknown.takes_parcel("PARCEL-0043")  # filled: the next scan is a lookup again
    qtbot.keyClick(unknown.order, Qt.Key.Key_Return)
    assert window.screens.currentWidget() is window.items
    assert window.items.title.text().startswith("WITHOUT RMA · PARCEL-0042")


def test_f8_after_a_refusal_carries_the_refused_code(qtbot, station_window):
    _, window, _, _ = station_window
    scan(qtbot, window.ready.code, "RMA-2026-000004")
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    submit(qtbot, window)
    scan(qtbot, window.ready.code, "RMA-2026-000004")  # refused: submitted already
    assert window.screens.currentWidget() is window.ready
    qtbot.keyClick(window.ready.code, Qt.Key.Key_F8)
    assert window.screens.currentWidget() is window.unknown
    assert window.unknown.parcel.text() == "RMA-2026-000004"


def test_cannot_submit_yet_goes_once_the_lines_are_decided(qtbot, station_window):
    _, window, _, _ = station_window
    scan(qtbot, window.ready.code, "RMA-2026-000001")
    items = window.items
    qtbot.mouseClick(items.submit, Qt.MouseButton.LeftButton)
    assert "Cannot submit yet" in items.message.text()
    assert items.message.level == "bad"
    qtbot.mouseClick(items.accept_all, Qt.MouseButton.LeftButton)  # the problem is fixed
    assert "Cannot submit yet" not in items.message.text()
    assert items.message.level != "bad"


def test_a_parcel_set_aside_is_recorded_in_history_with_its_reason(qtbot, station_window):
    from returndesk.ui.flows.records_flow import RecordsFlow

    _, window, store, sandbox = station_window
    scan(qtbot, window.ready.code, "#77777")
    unknown = window.unknown
    assert window.screens.currentWidget() is unknown
    qtbot.mouseClick(unknown.aside_button, Qt.MouseButton.LeftButton)  # no reason yet
    assert window.screens.currentWidget() is unknown
    assert "Say why" in unknown.manual_message.text()
    unknown.aside_reason.setText("label torn, no paperwork")
    qtbot.keyClick(unknown.aside_reason, Qt.Key.Key_Return)
    assert window.screens.currentWidget() is window.ready
    assert "set aside on the exceptions shelf" in window.ready.status.text()
    assert store.items() == []  # nothing for any vendor
    assert sandbox.requests_to("nshift") == []
    views = window.findChild(RecordsFlow)
    views.show_history()
    history = views.history.model
    assert history.data(history.index(0, 1)) == "SET-ASIDE-#77777"
    assert history.data(history.index(0, 7)) == "SET ASIDE"
    assert "label torn, no paperwork" in history.data(history.index(0, 8))
