"""Labels: how soon a submitted return's plates reach the printer, and what printing costs the
GUI thread.

*Submit → label bytes at the printer*: the receiving service submits a graded return (the
history row, the wms-update and the label jobs in one transaction, as the Items screen's
submit does on its runner) and the drainer's printer lane sends each plate as ZPL to a
loopback raw-port printer that answers ``~HS`` first, as a Zebra does. Measured from the call
to submit to the moment the printer has the first plate, and the last (every unit's plate and
the RMA plate). Baseline: the same ZPL sent straight to the same printer (status asked, bytes
sent, connection closed) — the floor of a raw-port print on this machine.

*GUI stall while 50 labels print*: the real window (offscreen) with a 5 ms heartbeat on the
GUI thread while the printer lane prints a backlog of 50 labels, as ZPL to the raw port and
as PDF files drawn with Qt on the lane's thread. The printer runs in this process, so it
competes with the station for the interpreter: the figures are the pessimistic side.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from benchmarks.gui_stall import Heartbeat, _idle, _spin
from benchmarks.runner import Figure
from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.core.plates import new_plate_id
from returndesk.labels.content import LabelData
from returndesk.labels.printers import TcpZplPrinter
from returndesk.labels.zpl_label import label_zpl
from returndesk.outbox.model import Capture, Counts, Kind, NewItem
from returndesk.outbox.store import OutboxStore
from returndesk.receiving.service import ReceivingService
from returndesk.sandbox.app import Sandbox, SandboxConfig
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.station import build_station, start_drainer
from returndesk.ui.common.label_drawing import label_pdf
from returndesk.ui.common.outbox_monitor import OutboxMonitor
from returndesk.ui.wiring import build_window
from tests.label_printer import LoopbackPrinter

BACKLOG = 50


def _settings(printer: dict[str, object]) -> Settings:
    return Settings.model_validate(
        {"labels": {"print": "item"}, "printer": printer, "station": {"sign_on": False}}
    )


def _submit_to_label(returns: int) -> tuple[list[float], list[float], int]:
    """ms from submit to the first and to the last plate at the printer, per return."""
    printer = LoopbackPrinter().start()
    sandbox = Sandbox(SandboxConfig(custom_fields=True))
    numbers = [
        r.record["rma_number"]
        for r in sandbox.data.rmas.values()
        if r.nshift_status == "Not Processed"
        and r.record["status"] in ("approved", "label_issued", "in_transit")
    ][:returns]
    first, last, plates = [], [], 0
    with tempfile.TemporaryDirectory() as scratch:
        paths = Paths(Path(scratch) / "s.toml", Path(scratch), Path(scratch))
        settings = _settings({"kind": "zpl_tcp", "host": "127.0.0.1", "port": printer.port})
        station = build_station(settings, paths, demo=True, sandbox=sandbox)
        store = OutboxStore(Path(scratch) / "outbox.db")
        cache = ExpectedReturnsCache(Path(scratch) / CACHE_NAME, station.settings.returnmate.fields)
        service = ReceivingService(
            station.settings, store, cache, station.returnmate, nshift=station.nshift
        )
        cache.refresh(station.returnmate, station.settings.returnmate.receivable_statuses)
        drainer = start_drainer(station, store.path)
        try:
            for number in numbers:
                case = service.lookup(number).case
                if case is None:
                    raise RuntimeError(f"{number} did not open")
                case.accept_all()
                for line in case.lines:
                    case.set_grade(line.order_item_id, "B")
                before = len(printer.formats)
                started = time.perf_counter()
                history_id = service.submit(case, operator="Bench")
                drainer.notify()
                count = len(store.plates_of(history_id))
                printer.wait_for(before + count, timeout=30)
                arrivals = printer.arrivals[before : before + count]
                first.append((arrivals[0] - started) * 1000)
                last.append((arrivals[-1] - started) * 1000)
                plates += count
        finally:
            drainer.stop()
            cache.close()
            store.close()
            station.close()
            printer.stop()
    return first, last, plates


def _direct_send(runs: int) -> list[float]:
    """ms to print one plate by hand: status asked, ZPL sent, connection closed."""
    printer = LoopbackPrinter().start()
    label = _label(new_plate_id())
    data = label_zpl(label)
    device = TcpZplPrinter("127.0.0.1", printer.port)
    times = []
    try:
        for n in range(runs):
            started = time.perf_counter()
            device.send(data)
            printer.wait_for(n + 1)
            times.append((printer.arrivals[n] - started) * 1000)
    finally:
        printer.stop()
    return times


def _label(plate: str) -> LabelData:
    return LabelData(
        kind="item",
        plate_id=plate,
        return_id="NSR00000001",
        rma_number="RMA-2026-000001",
        station="Receiving 1",
        received_at=datetime.now(UTC).isoformat(),
        order_item_id="1",
        sku="JEANS-34-30",
        description="Slim jeans 34/30",
        grade="B",
        disposition="Restock",
        destination="BIN-R1",
        unit="1/1",
    )


def _stall(app: QApplication, kind: str) -> tuple[list[float], float]:
    """Heartbeat lateness while ``BACKLOG`` labels print; and how long they took (s)."""
    printer = LoopbackPrinter().start()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "labels"
        target: dict[str, object] = (
            {"kind": "zpl_tcp", "host": "127.0.0.1", "port": printer.port}
            if kind == "zpl"
            else {"kind": "pdf", "folder": str(folder)}
        )
        paths = Paths(Path(scratch) / "s.toml", Path(scratch), Path(scratch))
        station = build_station(_settings(target), paths, demo=True)
        store = OutboxStore(Path(scratch) / "outbox.db")
        store.capture(
            Capture("NSR00000001", "rma", {}),
            [NewItem(Kind.LABEL, _label(new_plate_id()).as_payload()) for _ in range(BACKLOG)],
        )
        monitor = OutboxMonitor(store.counts())
        window = build_window(station, monitor=monitor)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        latest: list[Counts] = [store.counts()]
        monitor.counts_changed.connect(latest.append)
        heartbeat = Heartbeat()
        heartbeat.start()
        drainer = start_drainer(
            station, store.path, pdf=label_pdf, on_change=monitor.on_drainer_change
        )
        elapsed = _spin(app, lambda: latest[-1].labels_pending == 0, timeout=300)
        heartbeat.stop()
        drainer.stop()
        printed = len(printer.formats) if kind == "zpl" else len(list(folder.glob("*.pdf")))
        window.close()
        store.close()
        station.close()
    printer.stop()
    if printed != BACKLOG:
        raise RuntimeError(f"{printed} of {BACKLOG} labels printed")
    return heartbeat.lateness(), elapsed


def run(quick: bool) -> list[Figure]:
    app = QApplication.instance() or QApplication([])
    returns, runs = (3, 1) if quick else (20, 3)
    direct = _direct_send(5 if quick else 50)
    first, last, plates = _submit_to_label(returns)
    figures = [
        Figure.of(
            "submit → first plate at the printer",
            "ms",
            first,
            baseline_name="one plate sent by hand",
            baseline=statistics.median(direct),
            note=f"target < 300 ms; {len(first)} returns, {plates} plates, raw port, ~HS first",
        ),
        Figure.of(
            "submit → the return's last plate printed",
            "ms",
            last,
            note=f"every unit's plate and the RMA plate, {plates / max(len(last), 1):.1f} a return",
        ),
    ]
    floor = max(_idle(app, 2.0 if quick else 5.0))
    for kind, what in (("zpl", "ZPL to a raw port"), ("pdf", "PDF files drawn with Qt")):
        longest, took = [], []
        for _ in range(runs):
            late, elapsed = _stall(app, kind)
            longest.append(max(late))
            took.append(elapsed)
        figures.append(
            Figure.of(
                f"GUI stall while {BACKLOG} labels print, {kind.upper()}",
                "ms",
                longest,
                baseline_name="idle heartbeat",
                baseline=floor,
                note=f"target < 50 ms; {what}; {BACKLOG} in {statistics.median(took):.1f} s",
            )
        )
    return figures
