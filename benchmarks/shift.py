"""A simulated shift: parcels through the whole receiving flow in demo mode, programmatically.

The real window (offscreen) and wiring, runners synchronous so the shift runs at the
machine's pace with no waiting for people: per parcel the label is scanned on Ready, every item
is marked present and accepted (F5), the summary is confirmed and the submission queued (F12
twice), back at Ready. Reported: parcels per minute of machine time, the process's resident
memory after parcel 100 and at the end (target: growth under 20 MB), and the size of the
station's database (outbox + history; nothing is drained, as on a long offline shift).
Baseline for the rate: the same window switching Ready → Items → Ready with the case already
built, no lookup and no submission.
"""

from __future__ import annotations

import gc
import os
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from benchmarks.runner import Figure
from returndesk.outbox.store import OutboxStore
from returndesk.sandbox.app import Sandbox, SandboxConfig
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.station import build_station
from returndesk.ui.common.theme import STYLESHEET
from returndesk.ui.wiring import build_window, start_receiving


def resident_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1_000_000


def run(quick: bool) -> list[Figure]:
    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(STYLESHEET)
    parcels = 40 if quick else 2000
    checkpoint = 10 if quick else 100
    # the demo station: the example integrator's custom fields carry the prices
    sandbox = Sandbox(
        SandboxConfig(returnmate_per_minute=None, rma_count=int(parcels * 1.4), custom_fields=True)
    )
    settings = Settings()
    receivable = set(settings.returnmate.receivable_statuses)
    codes = [
        r.record["rma_number"]
        for r in sandbox.data.rmas.values()
        if r.record["status"] in receivable and r.nshift_status == "Not Processed"
    ][:parcels]
    if len(codes) < parcels:
        raise RuntimeError(f"the demo data has only {len(codes)} receivable returns")
    with tempfile.TemporaryDirectory() as scratch:
        paths = Paths(Path(scratch) / "s.toml", Path(scratch), Path(scratch))
        station = build_station(settings, paths, demo=True, sandbox=sandbox)
        store = OutboxStore(paths.data_dir / "outbox.db")
        window = build_window(station)
        window.resize(1280, 800)
        window.show()
        timer = start_receiving(
            station, window, store, notify=lambda counts: None, synchronous=True
        ).refresher
        items = window.items
        app.processEvents()
        memory: dict[int, float] = {}
        started = time.perf_counter()
        for n, code in enumerate(codes, start=1):
            window.ready.code_entered.emit(code)
            if window.screens.currentWidget() is not items:
                raise RuntimeError(f"{code}: {window.ready.status.text()}")
            items.accept_all.click()
            items.submit.click()
            items.submit.click()
            if window.screens.currentWidget() is not window.ready:
                raise RuntimeError(f"{code} not submitted: {items.message.text()}")
            app.processEvents()
            if n in (checkpoint, parcels):
                gc.collect()
                memory[n] = resident_mb()
        elapsed = time.perf_counter() - started
        counts = store.counts()
        # the floor: the same screens switched with the last case, nothing looked up or sent
        case = items.model.case
        floor_started = time.perf_counter()
        for _ in range(min(parcels, 300)):
            items.show_case(case, heading="baseline")
            window.show_screen(items)
            window.show_screen(window.ready)
            app.processEvents()
        floor = min(parcels, 300) / (time.perf_counter() - floor_started) * 60
        timer.stop()
        store.close()
        size_mb = (
            sum(p.stat().st_size for p in paths.data_dir.glob("outbox.db*") if p.is_file())
            / 1_000_000
        )
        window.close()
        station.close()
    rate = parcels / elapsed * 60
    growth = memory[parcels] - memory[checkpoint]
    return [
        Figure(
            f"shift: {parcels} parcels through the full flow",
            "parcels/min",
            rate,
            rate,
            rate,
            baseline_name="switch screens only",
            baseline=floor,
            ratio=rate / floor,
            note=f"{elapsed:.1f} s machine time; {counts.pending} outbox items waiting",
        ),
        Figure(
            f"shift: resident memory, parcel {checkpoint} -> {parcels}",
            "MB",
            growth,
            memory[checkpoint],
            memory[parcels],
            note=f"target growth < 20 MB; min/max columns: at {checkpoint} and {parcels}",
        ),
        Figure(
            f"shift: database after {parcels} parcels",
            "MB",
            size_mb,
            size_mb,
            size_mb,
            note="outbox + history + WAL",
        ),
    ]
