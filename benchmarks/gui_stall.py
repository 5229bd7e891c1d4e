"""The longest GUI-thread stall while the station works in the background.

The real window (offscreen) with the real wiring: the drainer's thread sends a backlog of
wms-updates while the background runner refreshes the expected-returns cache from ReturnMate,
and the GUI thread receives their count reports and repaints the header. The vendors are the
sandbox served over HTTP by another process (``returndesk sandbox serve``), as real vendors
are other machines: their work does not compete with the station for its interpreter.
A 5 ms precise heartbeat timer on the GUI thread records how late each tick fires; the
stall is the longest lateness. Once with the Ready screen shown, once with the Queue open
(it reloads up to 2,000 rows a second as the outbox moves). Baseline: the same heartbeat
with nothing running in the background — the floor of this measure on this machine.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import httpx
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from benchmarks.runner import Figure
from benchmarks.sandbox_process import sandbox_process
from returndesk.app import finish_background, settle_heap
from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.outbox.model import Capture, Counts, Kind, NewItem
from returndesk.outbox.store import OutboxStore
from returndesk.sandbox.demo_data import build_demo_data
from returndesk.settings.model import OutboxSettings, Settings
from returndesk.settings.paths import Paths
from returndesk.station import build_station, start_drainer
from returndesk.ui.common.outbox_monitor import OutboxMonitor
from returndesk.ui.common.theme import STYLESHEET
from returndesk.ui.flows.records_flow import RecordsFlow
from returndesk.ui.wiring import build_window, start_receiving
from tests.e2e.test_outbox_faults import wms_payload

TICK_MS = 5
UNLIMITED = ("--returnmate-per-minute", "0", "--nshift-per-minute", "0")


class Heartbeat:
    """Records the gaps between ticks of a precise timer on the GUI thread."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def lateness(self) -> list[float]:
        return [max(0.0, gap - TICK_MS) for gap in self.gaps]


def _spin(app: QApplication, condition, timeout: float) -> float:
    started = time.perf_counter()
    while not condition():
        app.processEvents()
        time.sleep(0.001)  # the event loop waits like app.exec() would, not a busy loop
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the background work did not finish")
    return time.perf_counter() - started


class _ToServer(httpx.BaseTransport):
    """The demo station's clients, sent to the sandbox process instead of in-process."""

    def __init__(self, origin: str) -> None:
        self._origin = httpx.URL(origin)
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(
            scheme=self._origin.scheme, host=self._origin.host, port=self._origin.port
        )
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


def _scenario(
    app: QApplication, items: int, rmas: int, queue_open: bool, photo: bool = False
) -> tuple[list[float], str]:
    settings = Settings(outbox=OutboxSettings(nshift_per_minute=0, returnmate_per_minute=0))
    data = build_demo_data(rmas)  # the same seed as the sandbox process: the same returns
    with (
        tempfile.TemporaryDirectory() as scratch,
        sandbox_process(rmas, *UNLIMITED) as origin,
    ):
        paths = Paths(Path(scratch) / "s.toml", Path(scratch), Path(scratch))
        station = build_station(settings, paths, demo=True, transport=_ToServer(origin))
        store = OutboxStore(Path(scratch) / "outbox.db")
        open_rmas = [r for r in data.rmas.values() if r.nshift_status == "Not Processed"]
        for rma in open_rmas[:items]:
            store.capture(
                Capture(rma.record["nshift_return_id"], "bench", {}),
                [NewItem(Kind.WMS_UPDATE, wms_payload(rma))],
            )
        expected = sum(
            1
            for r in data.rmas.values()
            if r.record["status"] in settings.returnmate.receivable_statuses
        )
        del data, open_rmas  # the benchmark's copy of the demo data is not the station's
        monitor = OutboxMonitor(store.counts())
        window = build_window(station, monitor=monitor)
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        latest: list[Counts] = [store.counts()]
        monitor.counts_changed.connect(latest.append)
        heartbeat = Heartbeat()
        # the wiring is the station's start (its cost is the cold-start figure); the
        # heartbeat starts as the background work does: the cache refresh is the first
        # thing the receiving flow's runner does, and the drainer follows
        receiving = start_receiving(station, window, store, notify=lambda c: None)
        flow, refresher = receiving.flow, receiving.refresher
        if queue_open:
            window.findChild(RecordsFlow).show_queue()
        app.processEvents()  # lays out the screens the wiring added, as the first frame would
        original = b""
        if photo:  # the camera's JPEG is made before the clock starts: it is not the station's
            from benchmarks.photo_prepare import camera_jpeg

            original = camera_jpeg()
        settle_heap()  # as the station does before its event loop starts
        heartbeat.start()
        drainer = start_drainer(
            station, store.path, on_change=monitor.on_drainer_change, on_problem=print
        )
        prepared: list[bool] = []
        if photo:
            # a 12-megapixel photo prepared on its own runner, as the Photo view does
            from returndesk.photos.prepare import prepare
            from returndesk.ui.common.tasks import TaskRunner

            images = TaskRunner(parent=window)
            images.run(
                lambda: prepare(original),
                lambda _done: prepared.append(True),
                lambda exc: prepared.append(False),
            )
        cache = ExpectedReturnsCache(paths.data_dir / CACHE_NAME)
        elapsed = _spin(
            app,
            lambda: (
                latest[-1].pending == 0
                and cache.count() >= expected
                and (not photo or bool(prepared))
            ),
            timeout=600,
        )
        if photo and prepared != [True]:
            raise RuntimeError("the photo was not prepared")
        heartbeat.stop()
        drainer.stop()
        refresher.stop()
        sent = store.counts().sent
        cache.close()
        finish_background(window)  # no task may still use the outbox
        store.close()
        window.close()
        station.close()
        del flow
    assert sent == items, f"only {sent} of {items} sent"
    what = f"{items} sent + {expected} RMAs cached{' + a 12 MP photo' if photo else ''}"
    return heartbeat.lateness(), f"{what} in {elapsed:.1f} s"


def _idle(app: QApplication, seconds: float) -> list[float]:
    heartbeat = Heartbeat()
    heartbeat.start()
    deadline = time.perf_counter() + seconds
    _spin(app, lambda: time.perf_counter() > deadline, seconds + 5)
    heartbeat.stop()
    return heartbeat.lateness()


def run(quick: bool) -> list[Figure]:
    """Per scenario: the longest stall of each run (median, min, max over runs)."""
    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(STYLESHEET)
    items, rmas, runs = (100, 1_000, 1) if quick else (1_000, 10_002, 3)
    floor = max(_idle(app, 2.0 if quick else 5.0))
    figures = []
    for queue_open, photo in ((False, False), (True, False), (False, True)):
        longest, p99 = [], []
        for _ in range(runs):
            late, what = _scenario(app, items, rmas, queue_open, photo)
            longest.append(max(late))
            p99.append(statistics.quantiles(late, n=100)[98])
        work = "drain + refresh + 12 MP photo" if photo else "drain + refresh"
        figures.append(
            Figure.of(
                f"GUI stall, {work}, {'Queue' if queue_open else 'Ready'} shown",
                "ms",
                longest,
                baseline_name="idle heartbeat",
                baseline=floor,
                note=f"target < 50 ms; p99 lateness {statistics.median(p99):.1f} ms; {what}",
            )
        )
    return figures
