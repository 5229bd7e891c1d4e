"""Scan to items rendered: with the expected-returns cache warm, and cold through ReturnMate.

A real station window (offscreen), the real threaded TaskRunner: the time from a code entered
on the Ready screen until the Items table has painted its rows. Warm: RMA numbers the cache
holds. Cold: order numbers the cache does not hold (it is kept empty), so each lookup asks
the sandbox — served by another process over loopback HTTP, as ReturnMate is another
machine — and then loads the customer's history. Baseline: the same window switching to an
already-filled Items screen and painting it, with no lookup at all.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from benchmarks.runner import Figure
from returndesk.app import finish_background
from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.outbox.store import OutboxStore
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.station import build_station
from returndesk.ui.common.theme import STYLESHEET
from returndesk.ui.wiring import build_window, start_receiving


def _wait_for(app: QApplication, condition, timeout: float = 5.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the items screen never appeared")


def run(quick: bool) -> list[Figure]:
    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(STYLESHEET)
    scans = 10 if quick else 60
    with tempfile.TemporaryDirectory() as scratch:
        paths = Paths(Path(scratch) / "s.toml", Path(scratch), Path(scratch))
        station = build_station(Settings(), paths, demo=True)
        store = OutboxStore(Path(scratch) / "outbox.db")
        window = build_window(station)
        window.resize(1280, 800)
        window.show()
        timer = start_receiving(station, window, store, notify=lambda counts: None).refresher
        cache = ExpectedReturnsCache(Path(scratch) / CACHE_NAME)
        _wait_for(app, lambda: cache.count() >= 40)  # the first refresh runs in the background
        cache.close()
        codes = [
            r.record["rma_number"]
            for r in station.sandbox.data.rmas.values()
            if r.record["status"] in ("approved", "label_issued", "in_transit")
            and r.nshift_status == "Not Processed"  # a processed one is refused, rightly
        ]
        timings, baseline = [], []
        for n in range(scans):
            window.show_screen(window.ready)
            app.processEvents()
            started = time.perf_counter()
            window.ready.code_entered.emit(codes[n % len(codes)])
            _wait_for(app, lambda: window.screens.currentWidget() is window.items)
            window.items.table.viewport().repaint()
            timings.append((time.perf_counter() - started) * 1000)

            window.show_screen(window.ready)
            app.processEvents()
            started = time.perf_counter()
            window.show_screen(window.items)
            window.items.table.viewport().repaint()
            baseline.append((time.perf_counter() - started) * 1000)
        timer.stop()
        finish_background(window)  # no task may still use the outbox
        store.close()
        window.close()
    median = statistics.median(timings)
    base = statistics.median(baseline)
    cold = _cold(app, scans)
    return [
        Figure.of(
            f"scan to items rendered, warm cache, {scans} scans",
            "ms",
            timings,
            baseline_name="switch + paint only",
            baseline=base,
            ratio=base / median if median else None,
            note="target < 50 ms median",
        ),
        Figure.of(
            f"scan to items rendered, cold (ReturnMate over loopback), {len(cold)} scans",
            "ms",
            cold,
            baseline_name="switch + paint only",
            baseline=base,
            ratio=base / statistics.median(cold),
            note="each lookup: GET /rmas?order_number=…, GET /rmas/{id} (fresh status) and "
            "nShift's GET /return-orders (the join) to the sandbox process",
        ),
    ]


def _cold(app: QApplication, scans: int) -> list[float]:
    from benchmarks.gui_stall import UNLIMITED, _ToServer
    from benchmarks.sandbox_process import sandbox_process
    from returndesk.sandbox.demo_data import build_demo_data

    rmas = 200
    settings = Settings()
    data = build_demo_data(rmas)
    orders = [
        r.record["order_number"]
        for r in data.rmas.values()
        if r.nshift_status == "Not Processed" and r.record["status"] != "draft"
    ]
    by_order: dict[str, int] = {}
    for r in data.rmas.values():
        by_order[r.record["order_number"]] = by_order.get(r.record["order_number"], 0) + 1
    orders = [o for o in orders if by_order[o] == 1][:scans]  # one RMA an order: Items opens
    timings = []
    with tempfile.TemporaryDirectory() as scratch, sandbox_process(rmas, *UNLIMITED) as origin:
        paths = Paths(Path(scratch) / "s.toml", Path(scratch), Path(scratch))
        station = build_station(settings, paths, demo=True, transport=_ToServer(origin))
        store = OutboxStore(Path(scratch) / "outbox.db")
        window = build_window(station)
        window.resize(1280, 800)
        window.show()
        # the background refresh waits an hour: the cache stays empty, every lookup is cold
        timer = start_receiving(
            station, window, store, notify=lambda counts: None, first_refresh_ms=3_600_000
        ).refresher
        app.processEvents()
        for code in orders:
            window.show_screen(window.ready)
            app.processEvents()
            started = time.perf_counter()
            window.ready.code_entered.emit(code)
            _wait_for(app, lambda: window.screens.currentWidget() is window.items)
            window.items.table.viewport().repaint()
            timings.append((time.perf_counter() - started) * 1000)
        timer.stop()
        finish_background(window)  # no task may still use the outbox
        store.close()
        window.close()
        station.close()
    return timings
