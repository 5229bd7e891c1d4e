"""The composition root: the one place settings, clients, sandbox and window are wired.

Nothing else reaches for globals; tests build the same graph with their own transport.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import httpx

from returndesk import __version__
from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.core.environment import Environment
from returndesk.outbox.drainer import Drainer
from returndesk.outbox.model import Counts, Lane
from returndesk.outbox.senders import build_senders
from returndesk.outbox.startup import InstanceLock, open_outbox
from returndesk.photos.configured import configured_store
from returndesk.photos.stores import FolderStore, HttpUploadStore
from returndesk.receiving.service import ReceivingService
from returndesk.sandbox.app import DEMO_CREDENTIALS, Sandbox, SandboxConfig
from returndesk.sandbox.transport import DEMO_ORIGIN, sandbox_transport
from returndesk.sandbox.urls import SandboxUrls
from returndesk.settings.model import ReturnMateFields, Settings
from returndesk.settings.paths import Paths
from returndesk.settings.scanner import ScannerSettings
from returndesk.settings.secrets import (
    NSHIFT_PASSWORD,
    PHOTO_UPLOAD_SECRET,
    RETURNMATE_API_KEY,
    WMTECH_API_KEY,
    SecretStore,
    SecretStoreError,
)
from returndesk.supervisor import RESTART_EXIT_CODE
from returndesk.support.bundle import queue_summary
from returndesk.support.connections import probe_section
from returndesk.support.redact import Redactor
from returndesk.vendors.errors import ConfigurationError
from returndesk.vendors.nshift import NShiftClient
from returndesk.vendors.returnmate import AuthStyle, ReturnMateClient
from returndesk.vendors.wmtech import KeyEnvironment, WmTechClient, key_environment

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from returndesk.outbox.store import OutboxStore
    from returndesk.ui.main_window import MainWindow
    from returndesk.ui.outbox_monitor import OutboxMonitor
    from returndesk.ui.photo_flow import PhotoFlow
    from returndesk.ui.receiving_flow import ReceivingFlow
    from returndesk.ui.scan_router import ScanRouter
    from returndesk.ui.station_admin import StationAdmin
    from returndesk.ui.tasks import TaskRunner

#: the station's icon (window, menus); the Windows .ico is packaging/assets/returndesk.ico
ICON = Path(__file__).resolve().parent / "icons" / "returndesk.png"
#: after the station's first frame, what the first scan needs is loaded in the background
WARM_UP_MS = 300
#: how often the expected-returns cache is refreshed while the station runs
CACHE_REFRESH_MS = 10 * 60 * 1000

log = logging.getLogger(__name__)


class StationConfigError(RuntimeError):
    """The station cannot start with these settings; the message says what to fix."""


@dataclass
class Station:
    settings: Settings
    paths: Paths
    environment: Environment
    returnmate: ReturnMateClient
    nshift: NShiftClient
    wmtech: WmTechClient | None
    sandbox: Sandbox | None = None
    notes: list[str] = field(default_factory=list)
    #: where photos are published for WM Tech; None: photos are kept, not published
    photos: FolderStore | HttpUploadStore | None = None

    #: set at shutdown while a request is still in flight: its client must stay open
    keep_open: bool = False

    @property
    def demo(self) -> bool:
        return self.sandbox is not None

    def close(self) -> None:
        if self.keep_open:
            return
        for client in (self.returnmate, self.nshift, self.wmtech):
            if client is not None:
                client.close()
        if isinstance(self.photos, HttpUploadStore):
            self.photos.close()


def wants_demo(settings: Settings, demo_flag: bool) -> bool:
    """``--demo``, or no vendor configured at all: a fresh install starts in the sandbox."""
    return demo_flag or not settings.vendors_configured()


def resolve_paths(config: Path | None, settings: Settings, demo: bool) -> Paths:
    """The station's folders; demo mode gets its own data folder (see Paths.for_demo)."""
    paths = Paths.default(config, settings.station.data_dir)
    return paths.for_demo() if demo else paths


def build_station(
    settings: Settings,
    paths: Paths,
    *,
    demo: bool,
    secrets: SecretStore | None = None,
    sandbox: Sandbox | None = None,
    transport: httpx.BaseTransport | None = None,
) -> Station:
    if demo:
        demo_sandbox = sandbox or Sandbox(SandboxConfig(custom_fields=True))
        return _demo_station(demo_settings(settings), paths, demo_sandbox, transport)
    return _live_station(settings, paths, secrets or SecretStore(), transport)


def demo_settings(settings: Settings) -> Settings:
    """The demo station's settings: the example integrator's mapping of ReturnMate fields
    (see sandbox.custom_fields), unless the settings name a mapping of their own."""
    if settings.returnmate.fields != ReturnMateFields():
        return settings
    from returndesk.sandbox.custom_fields import DEMO_FIELDS

    returnmate = settings.returnmate.model_copy(update={"fields": ReturnMateFields(**DEMO_FIELDS)})
    return settings.model_copy(update={"returnmate": returnmate})


def _demo_station(
    settings: Settings, paths: Paths, sandbox: Sandbox, transport: httpx.BaseTransport | None
) -> Station:
    transport = transport or sandbox_transport(sandbox)
    urls = SandboxUrls.at(DEMO_ORIGIN)
    return Station(
        settings=settings,
        paths=paths,
        environment=Environment.SANDBOX,
        returnmate=ReturnMateClient.create(
            urls.returnmate, DEMO_CREDENTIALS["returnmate_api_key"], transport=transport
        ),
        nshift=NShiftClient.create(
            urls.nshift,
            DEMO_CREDENTIALS["nshift_username"],
            DEMO_CREDENTIALS["nshift_password"],
            transport=transport,
        ),
        wmtech=WmTechClient.create(
            urls.wmtech, DEMO_CREDENTIALS["wmtech_api_key"], transport=transport
        ),
        sandbox=sandbox,
        photos=HttpUploadStore(urls.photos + "/{name}", urls.photos, transport=transport),
    )


def _live_station(
    settings: Settings, paths: Paths, secrets: SecretStore, transport: httpx.BaseTransport | None
) -> Station:
    """A station against the configured vendors; anything in the way of one (a missing or
    unreadable secret, a key of the wrong kind, an unusable address) is one message."""
    try:
        return _configured_station(settings, paths, secrets, transport)
    except (ConfigurationError, SecretStoreError) as exc:
        raise StationConfigError(str(exc)) from None


def _configured_station(
    settings: Settings, paths: Paths, secrets: SecretStore, transport: httpx.BaseTransport | None
) -> Station:
    missing = []
    if not settings.returnmate.base_url:
        missing.append("[returnmate] base_url")
    if not settings.nshift.base_url:
        missing.append("[nshift] base_url")
    if not settings.nshift.username:
        missing.append("[nshift] username")
    rm_key = secrets.get(RETURNMATE_API_KEY)
    ns_password = secrets.get(NSHIFT_PASSWORD)
    if not rm_key:
        missing.append(f"ReturnMate API key (keyring or {RETURNMATE_API_KEY.env_var})")
    if not ns_password:
        missing.append(f"nShift password (keyring or {NSHIFT_PASSWORD.env_var})")
    if missing:
        raise StationConfigError(
            "the station is not fully configured; missing: "
            + ", ".join(missing)
            + ". Start with --demo to use the sandbox."
        )
    assert rm_key is not None
    assert ns_password is not None
    notes: list[str] = []
    wmtech = None
    environment = Environment.LIVE
    if "staging" in settings.nshift.base_url:
        environment = Environment.TEST
    wm_key = secrets.get(WMTECH_API_KEY)
    if settings.wmtech.base_url and wm_key:
        key_env = key_environment(wm_key)
        if key_env is KeyEnvironment.LIVE and not settings.wmtech.allow_live_key:
            raise StationConfigError(
                "a wmtech_live_ key triggers real refunds; set [wmtech] allow_live_key = true "
                "on a production station, or use a wmtech_test_ key"
            )
        # a live key triggers real refunds: LIVE whatever nShift's host is
        environment = Environment.TEST if key_env is KeyEnvironment.SANDBOX else Environment.LIVE
        wmtech = WmTechClient.create(
            settings.wmtech.base_url,
            wm_key,
            transport=transport,
            timeout=httpx.Timeout(settings.wmtech.timeout_seconds, connect=5.0),
        )
    else:
        notes.append("WM Tech is not configured: operators decide without AI advice")
    photos = configured_store(
        settings.photos, secrets.get(PHOTO_UPLOAD_SECRET), transport=transport
    )
    if photos is None and wmtech is not None:
        notes.append("No photo store is configured: photos are kept but WM Tech cannot see them")
    return Station(
        settings=settings,
        paths=paths,
        environment=environment,
        returnmate=ReturnMateClient.create(
            settings.returnmate.base_url,
            rm_key,
            auth_style=AuthStyle(settings.returnmate.auth_style),
            transport=transport,
            timeout=httpx.Timeout(settings.returnmate.timeout_seconds, connect=5.0),
        ),
        nshift=NShiftClient.create(
            settings.nshift.base_url,
            settings.nshift.username,
            ns_password,
            transport=transport,
            timeout=httpx.Timeout(settings.nshift.timeout_seconds, connect=5.0),
        ),
        wmtech=wmtech,
        notes=notes,
        photos=photos,
    )


def demo_codes(
    station: Station,
    received: Callable[[Sequence[str]], set[str]] = lambda ids: set(),
    count: int = 3,
) -> list[str]:
    """A few RMA numbers a trainee can type in demo mode.

    ``received(return_ids)`` tells which of those returns this station already has in its
    history (asked once for all candidates, not once per return: a long training shift made it
    quadratic): the sandbox starts afresh each run, but the demo history stays, and a hint
    that leads to "already submitted" teaches the wrong lesson.
    """
    if station.sandbox is None:
        return []
    receivable = set(station.settings.returnmate.receivable_statuses)
    candidates = [
        rma.record
        for rma in station.sandbox.data.rmas.values()
        if rma.record["status"] in receivable and rma.nshift_status == "Not Processed"
    ]
    done = received([record["nshift_return_id"] for record in candidates])
    fresh = [r["rma_number"] for r in candidates if r["nshift_return_id"] not in done]
    return fresh[:count]


def build_window(
    station: Station,
    *,
    monitor: OutboxMonitor | None = None,
    problems: Sequence[str] = (),
    sounds: Mapping[str, Path] | None = None,
) -> MainWindow:
    """The main window for ``station``; Qt is imported only by callers that show a window.

    ``sounds``: the tone files (see :func:`tone_files`); without them the station is silent.
    """
    from returndesk.ui.header import HeaderInfo
    from returndesk.ui.main_window import MainWindow
    from returndesk.ui.sounds import Sounds

    header = HeaderInfo(
        station=station.settings.station.name,
        store=station.settings.station.store_id,
        environment=station.environment,
    )
    return MainWindow(
        header,
        demo_codes=demo_codes(station),
        monitor=monitor,
        problems=[*problems, *station.notes],
        sounds=Sounds(sounds),
        scanner=station.settings.scanner,
    )


def tone_files(station: Station) -> dict[str, Path] | None:
    """Write the feedback tones into the data folder, or None when sounds are off."""
    from returndesk.ui import tones

    if not station.settings.station.sounds:
        return None
    try:
        return tones.write_files(station.paths.data_dir / "sounds")
    except OSError as exc:
        log.warning("sounds off: the tone files could not be written: %s", exc)
        return None


def run_gui(
    station: Station,
    *,
    kiosk: bool,
    secrets: SecretStore | None = None,
    redactor: Redactor | None = None,
    exit_after_first_frame: bool = False,
) -> int:
    """Start the station's window with its outbox and drainer; returns the exit code
    (:data:`RESTART_EXIT_CODE` when the admin asked for a restart). With
    ``exit_after_first_frame`` it quits as soon as the window is drawn, for timing the start."""
    import signal
    import sys

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from returndesk.scanning.classifier import warm_up
    from returndesk.ui.i18n import install_language
    from returndesk.ui.kiosk import CloseGuard, enter_kiosk
    from returndesk.ui.outbox_monitor import OutboxMonitor
    from returndesk.ui.qt_log import route_qt_messages
    from returndesk.ui.tasks import TaskRunner
    from returndesk.ui.theme import STYLESHEET

    lock = InstanceLock(station.paths.data_dir)
    lock.acquire()  # AlreadyRunning goes to the caller, before any window exists
    if station.settings.scanner.wedge.disable_input_method:
        # read once by QApplication: an input method would compose a scanner's dead keys
        os.environ["QT_IM_MODULE"] = "none"
    store, report = open_outbox(station.paths.data_dir)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("ReturnDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("returndesk")  # the Linux menu entry's name, for its icon
    app.setWindowIcon(QIcon(str(ICON)))
    app.setStyleSheet(STYLESHEET)
    route_qt_messages()
    install_language(station.settings.station.language)
    monitor = OutboxMonitor(store.counts())
    drainer = start_drainer(
        station,
        store.path,
        on_change=monitor.on_drainer_change,
        on_problem=monitor.on_problem,
    )
    window = build_window(
        station, monitor=monitor, problems=report.problems, sounds=tone_files(station)
    )

    def submitted(counts: Counts) -> None:
        monitor.counts_changed.emit(counts)  # the header shows the new item at once
        drainer.notify()

    receiving = start_receiving(
        station, window, store, notify=submitted, first_refresh_ms=WARM_UP_MS
    )
    admin = start_admin(
        station,
        window,
        receiving.flow,
        store.path,
        secrets or SecretStore(),
        redactor or Redactor(),
    )
    admin.restart_requested.connect(lambda: app.exit(RESTART_EXIT_CODE))
    close_guard = CloseGuard(window, admin.guard, kiosk=kiosk)
    if kiosk and admin.guard.gate is None:
        admin.guard.pin_missing.emit()  # said at once: a kiosk without a PIN is no lock
    refresher = receiving.refresher
    scanners = start_scanners(station.settings.scanner, receiving.router)
    # SIGTERM (a service manager) and Ctrl+C end the station cleanly; the timer lets Python
    # run its signal handlers while Qt's event loop has control
    # (a service manager stopping the station needs no PIN, even in kiosk mode)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: close_guard.leave())
    heartbeat = QTimer()
    heartbeat.start(250)
    heartbeat.timeout.connect(lambda: None)
    # window geometry is read before the event loop and written after it: never mid-shift
    layout = QSettings(str(station.paths.data_dir / "window.ini"), QSettings.Format.IniFormat)
    if kiosk:
        enter_kiosk(window)
    else:
        geometry = layout.value("geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        else:
            window.resize(1280, 800)
        window.show()
    # a scanner types into whatever has focus: the Ready field must have it from the start
    window.raise_()
    window.activateWindow()
    admin.start_shift()
    # once the first frames are up (not competing with them for the interpreter): the GS1
    # parser's tables, which the first scan needs
    warm = TaskRunner(parent=window)
    QTimer.singleShot(WARM_UP_MS, lambda: warm.run(warm_up, lambda _: None, lambda _exc: None))
    settle_heap()
    if exit_after_first_frame:
        QTimer.singleShot(0, lambda: _report_first_frame(window))
    try:
        return app.exec()
    finally:
        if not kiosk:
            layout.setValue("geometry", window.saveGeometry())
            layout.sync()
        refresher.stop()
        for scanner in scanners:
            scanner.stop()
        shut_down(station, drainer, window, [receiving.cache, store])
        lock.release()


def _report_first_frame(window: MainWindow) -> None:
    """Draw the window now, say which screen it shows and end the event loop."""
    import sys

    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    window.grab()
    if sys.stdout is not None:  # a windowed Windows build has no console
        sys.stdout.write(f"first frame: {type(window.screens.currentWidget()).__name__}\n")
        sys.stdout.flush()
    QApplication.quit()


def finish_background(window: MainWindow, msecs: int = 10_000) -> bool:
    """Let every background task of the window end before what it uses is closed: a task
    still reading the outbox when its connection closes crashes the process (seen in a
    benchmark's teardown, and possible when a station quits while a photo's evidence is read).
    ``msecs`` is for all of them together; False if one is still running."""
    import time

    from returndesk.ui.tasks import TaskRunner

    deadline = time.monotonic() + msecs / 1000
    finished = True
    for runner in window.findChildren(TaskRunner):
        left = max(int((deadline - time.monotonic()) * 1000), 0)
        if not runner.wait(left):
            log.warning("a background task did not finish within %d ms", msecs)
            finished = False
    return finished


#: how long a closing station waits for requests in flight and background tasks, in all
SHUTDOWN_SECONDS = 10.0


def shut_down(
    station: Station,
    drainer: Drainer,
    window: MainWindow,
    databases: Sequence[Any],
    seconds: float = SHUTDOWN_SECONDS,
) -> bool:
    """End the drainer and the background tasks within one deadline, then close what they
    used. Whatever is still running keeps its connections and clients: closing them under
    it would crash the process, and the database's write-ahead log keeps an unclosed one
    safe (a row left "sending" is settled at the next start, as after a crash). Returns
    whether everything was closed."""
    import time

    deadline = time.monotonic() + seconds
    drained = drainer.stop(timeout=seconds)
    idle = finish_background(window, max(int((deadline - time.monotonic()) * 1000), 0))
    if not (drained and idle):
        log.warning("closing with work still running: its database and clients stay open")
        station.keep_open = True
        return False
    for database in databases:
        database.close()  # the cache checkpoints its write-ahead log: no -wal file is left
    return True


def start_scanners(settings: ScannerSettings, router: ScanRouter) -> list[Any]:
    """The scanner sources the settings turn on, feeding ``router``; each has ``stop()``."""
    from PySide6.QtCore import QCoreApplication

    from returndesk.ui.barcode_image import write_test_sheet
    from returndesk.ui.camera_scanner import CameraScanSource
    from returndesk.ui.serial_scanner import SerialScanSource
    from returndesk.ui.tasks import TaskRunner
    from returndesk.ui.wedge import WedgeScanSource

    window = router.window
    sources: list[Any] = []
    wedge = WedgeScanSource(settings.wedge, parent=router)
    wedge.install()
    router.attach(wedge)
    sources.append(wedge)
    if settings.serial.enabled:
        serial = SerialScanSource(settings.serial, parent=router)
        router.attach(serial)

        def serial_status(status: str) -> None:
            if status != "connected":
                window.banner.show_message(
                    QCoreApplication.translate("Scanners", "Serial scanner: {status}").format(
                        status=status
                    )
                )

        serial.status_changed.connect(serial_status)
        serial.open()
        sources.append(serial)
    # images are read even without a camera: a station without any scanner uses files
    images = TaskRunner(parent=router)
    camera = CameraScanSource(settings.camera, images, parent=router)
    router.attach(camera)
    window.ready.image_chosen.connect(lambda path: camera.read_file(Path(path)))
    camera.file_read.connect(window.ready.image_read)

    def save_sheet(path: str) -> None:
        images.run(
            lambda: write_test_sheet(Path(path)),
            lambda written: window.banner.show_message(
                QCoreApplication.translate("Scanners", "Scanner test sheet saved: {path}").format(
                    path=written
                )
            ),
            lambda exc: window.banner.show_message(
                QCoreApplication.translate(
                    "Scanners", "The test sheet was not saved: {error}"
                ).format(error=exc)
            ),
        )

    window.scanner_check.save_requested.connect(save_sheet)
    if settings.camera.enabled and not camera.start_camera():
        window.banner.show_message(camera.status)
    sources.append(camera)
    return sources


def settle_heap() -> None:
    """Call once the station is built: what exists now lives all shift.

    Frozen objects are never rescanned by the cyclic garbage collector, whose full passes over
    the start-up heap (Qt bindings, models, the demo data) otherwise stall the GUI thread for
    tens of milliseconds at a time (measured by the GUI-stall benchmark).
    """
    gc.collect()
    gc.freeze()


class Receiving(NamedTuple):
    flow: ReceivingFlow
    #: refreshes the expected-returns cache every few minutes
    refresher: QTimer
    #: where scanners and typed codes go
    router: ScanRouter
    #: the lookups' connection to the expected-returns cache, closed when the station stops
    cache: ExpectedReturnsCache


def start_receiving(
    station: Station,
    window: MainWindow,
    store: OutboxStore,
    *,
    notify: Callable[[Counts], None],
    synchronous: bool = False,
    first_refresh_ms: int = 0,
) -> Receiving:
    """Wire the receiving flow, and keep the expected-returns cache fresh in the background.

    ``first_refresh_ms``: when the first refresh starts (the station waits for its first
    frames; the cache on disk serves lookups meanwhile); 0: at once.
    """
    from PySide6.QtCore import QTimer

    from returndesk.ui.receiving_flow import ReceivingFlow
    from returndesk.ui.scan_router import ScanRouter
    from returndesk.ui.station_views import StationViews
    from returndesk.ui.tasks import TaskRunner

    cache_path = station.paths.data_dir / CACHE_NAME
    fields = station.settings.returnmate.fields
    lookups = ExpectedReturnsCache(cache_path, fields)
    service = ReceivingService(
        station.settings, store, lookups, station.returnmate, nshift=station.nshift
    )
    # one runner (one thread) owns the outbox connection: lookups, submits, queue, history
    runner = TaskRunner(synchronous=synchronous, parent=window)
    background = TaskRunner(synchronous=synchronous, parent=window)
    flow = ReceivingFlow(
        window, service, runner, station.settings, on_submitted=notify, hints=background
    )
    router = ScanRouter(window, station.settings.scanner, lookup=flow.lookup)
    views = StationViews(
        window,
        store,
        runner,
        station.paths.data_dir / "exports",
        notify=notify,
        operator=lambda: flow.operator,
    )
    views.reopen_requested.connect(flow.lookup)
    photos = start_photos(station, window, store, runner, notify=notify, synchronous=synchronous)
    flow.case_submitted.connect(photos.count_submitted)
    if station.sandbox is not None:

        def suggest() -> None:
            runner.run(
                lambda: demo_codes(station, store.received),
                window.ready.set_demo_codes,
                lambda exc: log.warning("demo hint not refreshed: %s", exc),
            )

        flow.submitted.connect(suggest)
        suggest()
    statuses = station.settings.returnmate.receivable_statuses

    def refresh() -> int:
        # its own connection: the refresh never shares one with a lookup
        cache = ExpectedReturnsCache(cache_path, fields)
        try:
            return cache.refresh(station.returnmate, statuses)
        finally:
            cache.close()

    def refreshed(count: int) -> None:
        log.info("expected-returns cache: %d receivable RMAs", count)

    def failed(exc: Exception) -> None:
        log.warning("expected-returns cache not refreshed: %s", exc)

    timer = QTimer(window)
    timer.setInterval(CACHE_REFRESH_MS)
    timer.timeout.connect(lambda: background.run(refresh, refreshed, failed))
    timer.start()
    if first_refresh_ms:
        QTimer.singleShot(first_refresh_ms, lambda: background.run(refresh, refreshed, failed))
    else:
        background.run(refresh, refreshed, failed)
    return Receiving(flow, timer, router, lookups)


def start_photos(
    station: Station,
    window: MainWindow,
    store: OutboxStore,
    runner: TaskRunner,
    *,
    notify: Callable[[Counts], None],
    synchronous: bool = False,
) -> PhotoFlow:
    """Photos on the Items screen: prepared in the background, published and analysed
    through the outbox."""
    from returndesk.photos.library import PhotoLibrary
    from returndesk.receiving.photo_evidence import PhotoEvidence
    from returndesk.ui.photo_flow import PhotoFlow, confirm_live_key
    from returndesk.ui.tasks import TaskRunner

    settings = station.settings
    library = PhotoLibrary(station.paths.data_dir / "photos")
    analyse = station.wmtech is not None and station.photos is not None
    service = PhotoEvidence(
        settings,
        store,
        library,
        station.photos.public_url if station.photos is not None else None,
        analyse=analyse,
    )
    live = station.wmtech is not None and station.wmtech.environment is KeyEnvironment.LIVE
    images = TaskRunner(synchronous=synchronous, parent=window)
    start_folder = ""
    if station.sandbox is not None:
        from returndesk.sandbox.demo_photos import write_demo_photos

        demo_folder = station.paths.data_dir / "demo-photos"
        start_folder = str(demo_folder)  # training: the import dialog opens on the demo photos
        images.run(
            lambda: write_demo_photos(demo_folder),
            lambda written: None,
            lambda exc: log.warning("demo photos not written: %s", exc),
        )
    images.run(
        lambda: library.prune(settings.photos.retention_days),
        lambda removed: log.info("photos: %d day folders past retention removed", removed),
        lambda exc: log.warning("photos past retention not removed: %s", exc),
    )
    return PhotoFlow(
        window,
        service,
        store,
        runner,
        images,
        analyse=analyse,
        camera=settings.scanner.camera.device,
        start_folder=start_folder,
        # counting reads the database: on the runner's thread, never on the GUI thread
        notify=lambda: runner.run(
            store.counts, notify, lambda exc: log.warning("outbox not counted: %s", exc)
        ),
        confirm_live=(lambda: confirm_live_key(window)) if live else None,
    )


def start_admin(
    station: Station,
    window: MainWindow,
    flow: ReceivingFlow,
    db_path: Path,
    secrets: SecretStore,
    redactor: Redactor,
    *,
    synchronous: bool = False,
) -> StationAdmin:
    """Settings and Support behind the admin PIN, and operator sign-on for ``flow``."""
    from returndesk.ui.station_admin import StationAdmin
    from returndesk.ui.tasks import TaskRunner

    def check(settings: Settings, typed: SecretStore) -> None:
        if wants_demo(settings, demo_flag=False):
            return  # no vendor configured: the station starts in the sandbox
        live = build_station(settings, station.paths, demo=False, secrets=typed)
        live.close()

    admin = StationAdmin(
        window,
        station.settings,
        station.paths,
        secrets,
        check=check,
        prober=lambda vendor, section, secret: probe_section(vendor, section, secret),
        queue_summary=lambda: queue_summary(db_path),
        redactor=redactor,
        # its own thread: a connection test waits on the network, never on the outbox
        runner=TaskRunner(synchronous=synchronous, parent=window),
    )

    def operator(name: str) -> None:
        flow.operator = name or None
        window.header.set_operator(name or None)

    admin.operator_changed.connect(operator)
    return admin


def start_drainer(station: Station, db_path: Path, **hooks: Any) -> Drainer:
    """The outbox drainer for ``station``'s clients, already running."""
    senders = build_senders(
        nshift=station.nshift,
        returnmate=station.returnmate,
        wmtech=station.wmtech,
        photos=station.photos,
    )
    outbox = station.settings.outbox
    limits = {
        Lane.NSHIFT: outbox.nshift_per_minute,
        Lane.RETURNMATE: outbox.returnmate_per_minute,
        Lane.WMTECH: outbox.wmtech_per_minute,
        Lane.PHOTOS: None,
    }
    drainer = Drainer(db_path, senders, per_minute=limits, **hooks)
    # an answer to anything (a lookup, another kind) shows the vendor is back: what waits
    # out a connection backoff is due at once
    for lane, client in (
        (Lane.NSHIFT, station.nshift),
        (Lane.RETURNMATE, station.returnmate),
        (Lane.WMTECH, station.wmtech),
        (Lane.PHOTOS, station.photos),
    ):
        if client is not None and hasattr(client, "on_answer"):
            client.on_answer(partial(drainer.vendor_answered, lane))
    return drainer.start()
