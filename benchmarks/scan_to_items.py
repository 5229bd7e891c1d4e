"""Scan to items rendered, with the expected-returns cache warm.

A real station window (offscreen), the real threaded TaskRunner: the time from a code entered
on the Ready screen until the Items table has painted its rows. Baseline: the same window
switching to an already-filled Items screen and painting it, with no lookup at all.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from benchmarks.runner import Figure
from returndesk.app import build_station, build_window, start_receiving
from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.outbox.store import OutboxStore
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.ui.theme import STYLESHEET


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
        _, timer, _ = start_receiving(station, window, store, notify=lambda counts: None)
        cache = ExpectedReturnsCache(Path(scratch) / CACHE_NAME)
        _wait_for(app, lambda: cache.count() >= 40)  # the first refresh runs in the background
        cache.close()
        codes = [
            r.record["rma_number"]
            for r in station.sandbox.data.rmas.values()
            if r.record["status"] in ("approved", "label_issued", "in_transit")
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
        store.close()
        window.close()
    median = statistics.median(timings)
    base = statistics.median(baseline)
    return [
        Figure(
            f"scan to items rendered, warm cache, {scans} scans",
            "ms",
            median,
            min(timings),
            max(timings),
            baseline_name="switch + paint only",
            baseline=base,
            ratio=base / median if median else None,
            note="target < 50 ms median",
        )
    ]
