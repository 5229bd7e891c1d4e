"""Labels end to end: a station against the sandbox over real HTTP submits returns, and a
loopback "printer" on a real socket receives their licence plates as ZPL, read back as a
printer would; a printer that is off, or out of labels, makes the jobs wait, and once it is
back each label prints exactly once."""

from __future__ import annotations

import subprocess
import time
from datetime import UTC, datetime, timedelta

import pytest
import zxingcpp
from PIL import Image

from returndesk.core.plates import is_plate_id
from returndesk.outbox.model import Kind, State
from returndesk.receiving.reprint import reprint_labels
from returndesk.ui.common.label_drawing import label_pdf
from tests.label_printer import LoopbackPrinter, read_back
from tests.label_station import receive, station_bench

pytestmark = pytest.mark.e2e


@pytest.fixture
def printer():
    device = LoopbackPrinter().start()
    yield device
    device.stop()


@pytest.fixture
def bench(tmp_path, sandbox, printer):
    """A configured station (sandbox over HTTP, a raw-port printer) with its drainer running."""
    raw_port = {"kind": "zpl_tcp", "host": "127.0.0.1", "port": printer.port}
    with station_bench(tmp_path, sandbox, raw_port) as parts:
        yield parts


def test_a_submitted_return_prints_a_valid_plate_per_unit_and_the_rma_plate(bench, printer):
    service, store, drainer, _ = bench
    case, history_id = receive(service, drainer, "RMA-2026-000001", ["A", "C", "D"])
    units = sum(line.expected_qty for line in case.lines)
    printed = [read_back(zpl) for zpl in printer.wait_for(units + 1)]
    plates = [label.plate_id for label in printed]
    assert all(is_plate_id(p) for p in plates)
    assert len(set(plates)) == len(plates)
    # each plate is stored with its item, and the return is found by any of them
    stored = store.plates_of(history_id)
    assert sorted(p for p, _, _ in stored) == sorted(plates)
    assert all(store.history_of_plate(p) == history_id for p in plates)
    assert [row["id"] for row in store_search(store, plates[0])] == [history_id]
    by_item = {item: plate for plate, item, kind in stored if kind == "item"}
    for line in case.lines:
        label = next(x for x in printed if x.plate_id == by_item[line.order_item_id])
        route = case.route(line)
        assert route.disposition.label.upper() in label.texts
        assert (line.grade or "–") in label.texts
        assert any(line.sku in text for text in label.texts)
    rma_plate = printed[-1]
    assert rma_plate.plate_id.startswith("LR")
    assert "RMA-2026-000001" in rma_plate.texts
    assert printer.status_queries == len(printed)  # asked "can you print?" before each


def store_search(store, text):
    return store.history_since(datetime.now(UTC) - timedelta(days=1), text)


def test_an_unreachable_printer_makes_labels_wait_and_a_restarted_one_prints_each_once(
    bench, printer
):
    service, store, drainer, _ = bench
    printer.stop()
    case, _ = receive(service, drainer, "RMA-2026-000002", ["B"] * 5)
    expected = sum(line.expected_qty for line in case.lines) + 1
    deadline = time.monotonic() + 10
    while store.counts().labels_pending != expected or not _tried(store):
        assert time.monotonic() < deadline, store.counts()
        time.sleep(0.05)
    # receiving went on: nShift has the return while the labels wait
    _wait(lambda: _state_of(store, Kind.WMS_UPDATE) == {State.SENT})
    waiting = [i for i in store.items([State.WAITING]) if i.kind is Kind.LABEL]
    assert "cannot be reached" in (waiting[0].last_error or "")
    printer.start()  # switched on again, on the same port
    printed = printer.wait_for(expected, timeout=20)
    _wait(lambda: store.counts().labels_pending == 0)
    time.sleep(0.5)  # nothing more arrives: each label once
    assert len(printer.formats) == expected
    assert len({read_back(z).plate_id for z in printed}) == expected


def test_a_printer_out_of_labels_keeps_the_jobs_until_it_is_loaded(bench, printer):
    service, store, drainer, _ = bench
    printer.paper_out = True
    receive(service, drainer, "RMA-2026-000003", ["A"] * 5)
    _wait(lambda: _tried(store))
    item = next(i for i in store.items([State.WAITING]) if i.kind is Kind.LABEL)
    assert "out of labels" in (item.last_error or "")
    assert printer.formats == []
    printer.paper_out = False
    count = store.counts().labels_pending
    printer.wait_for(count, timeout=20)
    _wait(lambda: store.counts().labels_pending == 0)
    assert len(printer.formats) == count


def test_a_reprint_prints_the_same_plates_again_marked_as_such(bench, printer):
    service, store, drainer, _ = bench
    case, history_id = receive(service, drainer, "RMA-2026-000001", ["A", "A", "A"])
    first = printer.wait_for(sum(x.expected_qty for x in case.lines) + 1)
    assert reprint_labels(store, history_id) == len(first)
    drainer.notify()
    both = printer.wait_for(2 * len(first))
    again = [read_back(z) for z in both[len(first) :]]
    assert [x.plate_id for x in again] == [read_back(z).plate_id for z in first]
    assert all(any("REPRINT" in t for t in x.texts) for x in again)
    assert len(store.plates_of(history_id)) == len(first)


def _tried(store):
    return any(i.kind is Kind.LABEL and i.last_error for i in store.items([State.WAITING]))


def _state_of(store, kind):
    return {i.state for i in store.items() if i.kind is kind}


def _wait(condition, timeout=15.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_a_pdf_label_renders_to_a_png_whose_plate_barcode_decodes_to_the_plate_id(
    qapp, tmp_path, sandbox
):
    """A station without a label printer: PDF files, drawn with Qt, rasterised by poppler
    as any printer driver would, and read by zxing-cpp."""
    folder = tmp_path / "labels"
    with station_bench(tmp_path, sandbox, {"kind": "pdf", "folder": str(folder)}, label_pdf) as (
        service,
        store,
        drainer,
        _,
    ):
        _, history_id = receive(service, drainer, "RMA-2026-000005", ["B", "C"])
        _wait(lambda: store.counts().labels_pending == 0)
        plates = store.plates_of(history_id)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{p}.pdf" for p, _, _ in plates)
    for plate, _, _ in plates:
        stem = tmp_path / plate
        subprocess.run(
            ["pdftoppm", "-r", "203", "-png", "-singlefile", str(folder / f"{plate}.pdf"), stem],
            check=True,
        )
        decoded = zxingcpp.read_barcodes(Image.open(f"{stem}.png"))
        assert [(b.text, b.format.name) for b in decoded] == [(plate, "Code128")]
