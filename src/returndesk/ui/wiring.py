"""The station's window wired: screens, controllers, scanners and their background work.

The Qt half of the composition root (``returndesk.app`` runs it): each ``start_*`` builds one
feature's controller for a station and its window and connects it; no business rule lives here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.outbox.model import Counts
from returndesk.settings.model import Settings
from returndesk.settings.secrets import (
    SecretStore,
)
from returndesk.support.bundle import queue_summary
from returndesk.support.connections import probe_section
from returndesk.support.redact import Redactor
from returndesk.vendors.wmtech import KeyEnvironment

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from returndesk.fleet.agent import FleetAgent, FleetTick
    from returndesk.fleet.summary import FleetSummary
    from returndesk.metrics.exporter import MetricsExporter
    from returndesk.outbox.store import OutboxStore
    from returndesk.ui.common.outbox_monitor import OutboxMonitor
    from returndesk.ui.common.tasks import TaskRunner
    from returndesk.ui.flows.admin_flow import AdminFlow
    from returndesk.ui.flows.photo_flow import PhotoFlow
    from returndesk.ui.flows.receiving_flow import ReceivingFlow
    from returndesk.ui.flows.scan_router import ScanRouter
    from returndesk.ui.screens.main_window import MainWindow
from returndesk.station import (
    Station,
    build_station,
    demo_codes,
    fleet_agent,
    receiving_service,
    wants_demo,
)
from returndesk.ui.flows.cache_refresher import start_cache_refresh

log = logging.getLogger(__name__)


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
    from returndesk.ui.common.header import HeaderInfo
    from returndesk.ui.common.sounds import Sounds
    from returndesk.ui.screens.main_window import MainWindow

    header = HeaderInfo(
        station=station.settings.station.name,
        store=station.settings.station.store_id,
        environment=station.environment,
        sign_on=station.settings.station.sign_on,
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
    from returndesk.ui.common import tones

    if not station.settings.station.sounds:
        return None
    try:
        return tones.write_files(station.paths.data_dir / "sounds")
    except OSError as exc:
        log.warning("sounds off: the tone files could not be written: %s", exc)
        return None


@dataclass(frozen=True, slots=True)
class Receiving:
    """What :func:`start_receiving` made (by name: a tuple's order broke tests twice)."""

    flow: ReceivingFlow
    #: refreshes the expected-returns cache every few minutes
    refresher: QTimer
    #: where scanners and typed codes go
    router: ScanRouter
    #: the lookups' connection to the expected-returns cache, closed when the station stops
    cache: ExpectedReturnsCache
    #: the station's rounds for the fleet database; None: the station works on its own
    fleet: FleetAgent | None = None
    #: the runner of the refreshes and rounds (its work is finished at shutdown)
    background: TaskRunner | None = None

    def stop(self) -> None:
        """No more refreshes; a fleet station gives its sync job back, on the background
        runner (the shutdown waits for it within its deadline, never the GUI thread)."""
        self.refresher.stop()
        fleet = self.fleet
        if fleet is not None and self.background is not None:
            self.background.run(
                fleet.give_up,
                lambda _: None,
                lambda exc: log.warning("sync job not given back: %s", exc),
            )


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

    from returndesk.ui.common.tasks import TaskRunner
    from returndesk.ui.flows.receiving_flow import ReceivingFlow
    from returndesk.ui.flows.records_flow import RecordsFlow
    from returndesk.ui.flows.scan_router import ScanRouter

    cache_path = station.paths.data_dir / CACHE_NAME
    fields = station.settings.returnmate.fields
    lookups = ExpectedReturnsCache(cache_path, fields)
    service = receiving_service(station, store, lookups)
    # one runner (one thread) owns the outbox connection: lookups, submits, queue, history
    runner = TaskRunner(synchronous=synchronous, parent=window)
    background = TaskRunner(synchronous=synchronous, parent=window)
    flow = ReceivingFlow(
        window, service, runner, station.settings, on_submitted=notify, hints=background
    )
    router = ScanRouter(window, station.settings.scanner, lookup=flow.lookup)
    # scans by result, for the station's metrics and heartbeat
    router.routed.connect(lambda result: station.devices.scanned(result.kind.value))
    router.refused.connect(lambda _message: station.devices.scanned("refused"))
    views = RecordsFlow(
        window,
        store,
        runner,
        station.paths.data_dir / "exports",
        notify=notify,
        operator=lambda: flow.operator,
    )
    views.reopen_requested.connect(flow.lookup)
    router.plate_scanned.connect(views.open_plate)
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
    agent = fleet_agent(station, store.path, cache_path)
    if agent is not None:
        from returndesk.ui.flows.fleet_rounds import start_fleet_rounds

        timer = start_fleet_rounds(
            agent,
            background,
            station.settings.fleet.heartbeat_seconds,
            parent=window,
            first_ms=first_refresh_ms,
            on_tick=lambda tick: show_fleet_tick(window, tick),
            on_error=lambda exc: window.header.set_cache(None, str(exc)),
        )
        return Receiving(
            flow=flow,
            refresher=timer,
            router=router,
            cache=lookups,
            fleet=agent,
            background=background,
        )
    timer = start_cache_refresh(
        station.returnmate,
        cache_path,
        fields,
        station.settings.returnmate.receivable_statuses,
        background,
        parent=window,
        first_ms=first_refresh_ms,
        on_result=window.header.set_cache,
        full_sync_hour=station.settings.returnmate.full_sync_hour,
    )
    return Receiving(flow=flow, refresher=timer, router=router, cache=lookups)


def show_fleet_tick(window: MainWindow, tick: FleetTick) -> None:
    """The header after a fleet round: the cache, and the fleet database among the
    connections (its reason said once on the banner when it goes away)."""
    from PySide6.QtCore import QCoreApplication

    window.header.set_cache(tick.cached, tick.sync_problem, tick.spent)
    # among the vendors' names in "OFFLINE: …": a word, so in the station's language
    name = QCoreApplication.translate("Station", "fleet")
    was = window.header.vendor_state(name)
    window.header.set_vendor(name, tick.reachable)
    if not tick.reachable and was is not False:
        window.banner.show_message(
            QCoreApplication.translate(
                "Station",
                "The fleet database is away ({problem}). This station receives on its own; "
                "what it receives reaches the fleet when the database is back.",
            ).format(problem=tick.problem or "?")
        )


def start_metrics(
    station: Station, window: MainWindow, outbox_path: Path, *, synchronous: bool = False
) -> tuple[MetricsExporter, QTimer] | None:
    """``[metrics]``: the station's health for Prometheus, read every ``interval_seconds`` on
    a thread of its own; None when no textfile or listener is set. A listener that cannot
    open (the port is taken) is said on the banner; the textfile goes on."""
    settings = station.settings.metrics
    if not settings.enabled:
        return None
    from PySide6.QtCore import QCoreApplication, QTimer

    from returndesk.metrics.exporter import MetricsExporter
    from returndesk.station import read_station_health
    from returndesk.ui.common.tasks import TaskRunner

    exporter = MetricsExporter(settings)
    try:
        exporter.start()
    except OSError as exc:
        log.error("metrics listener not opened on %s: %s", settings.listen, exc)
        window.banner.show_message(
            QCoreApplication.translate(
                "Station", "Metrics are not served on {address}: {error}"
            ).format(address=settings.listen, error=exc.strerror or exc)
        )
    runner = TaskRunner(synchronous=synchronous, parent=window)
    cache_path = station.paths.data_dir / CACHE_NAME

    def read() -> None:
        runner.run(
            lambda: exporter.publish(read_station_health(station, outbox_path, cache_path)),
            lambda _: None,
            lambda exc: log.warning("metrics not updated: %s", exc),
        )

    timer = QTimer(window)
    timer.setInterval(settings.interval_seconds * 1000)
    timer.timeout.connect(read)
    timer.start()
    read()
    return exporter, timer


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
    from returndesk.ui.common.tasks import TaskRunner
    from returndesk.ui.flows.photo_flow import PhotoFlow, confirm_live_key

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
) -> AdminFlow:
    """Settings and Support behind the admin PIN, and operator sign-on for ``flow``."""
    from returndesk.ui.common.tasks import TaskRunner
    from returndesk.ui.flows.admin_flow import AdminFlow

    fleet_summary = None
    if station.fleet is not None:
        from returndesk.fleet.summary import read_summary

        fleet, rm = station.fleet, station.settings.returnmate

        def fleet_summary() -> FleetSummary:
            return read_summary(
                fleet, per_day=rm.requests_per_day, per_minute=rm.requests_per_minute
            )

    def check(settings: Settings, typed: SecretStore) -> None:
        if wants_demo(settings, demo_flag=False):
            return  # no vendor configured: the station starts in the sandbox
        live = build_station(settings, station.paths, demo=False, secrets=typed)
        live.close()

    admin = AdminFlow(
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
        fleet_summary=fleet_summary,
    )

    def operator(name: str) -> None:
        flow.operator = name or None
        window.header.set_operator(name or None)

    admin.operator_changed.connect(operator)
    return admin


def report_multimedia(window: MainWindow, runner: TaskRunner) -> None:
    """Load QtMultimedia on ``runner`` (off the GUI thread, after the first frames) and say
    on the banner if camera and sounds cannot work, and why: receiving goes on without them."""
    from PySide6.QtCore import QCoreApplication

    from returndesk.ui.common import multimedia

    def said(why: str | None) -> None:
        if why:
            window.banner.show_message(
                QCoreApplication.translate(
                    "Station",
                    "Camera and sounds are unavailable on this station ({why}). Receiving "
                    "works; take photos by importing files.",
                ).format(why=why)
            )

    runner.run(multimedia.check, said, lambda exc: log.warning("multimedia check: %s", exc))
