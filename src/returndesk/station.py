"""The station, Qt-free: its settings, vendor clients, sandbox, photo store and drainer.

``build_station`` is where a configured or a demo station is made (the one place secrets
are read for the vendors); the GUI (``returndesk.app``) and the headless commands both start
from it. Nothing here imports Qt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from returndesk.core.environment import Environment
from returndesk.fleet.health import DeviceState, StationHealth, read_health
from returndesk.labels.configured import configured_printer, label_job
from returndesk.labels.printers import PdfRenderer
from returndesk.outbox.drainer import Drainer
from returndesk.outbox.model import Lane
from returndesk.outbox.senders import build_senders
from returndesk.photos.configured import configured_store
from returndesk.photos.stores import FolderStore, HttpUploadStore
from returndesk.sandbox.app import DEMO_CREDENTIALS, Sandbox, SandboxConfig
from returndesk.sandbox.transport import DEMO_ORIGIN, sandbox_transport
from returndesk.sandbox.urls import SandboxUrls
from returndesk.settings.model import ReturnMateFields, Settings
from returndesk.settings.paths import Paths
from returndesk.settings.secrets import (
    NSHIFT_PASSWORD,
    PHOTO_UPLOAD_SECRET,
    RETURNMATE_API_KEY,
    WMTECH_API_KEY,
    SecretStore,
    SecretStoreError,
)
from returndesk.vendors.budget import BUDGET_NAME, Budget, BudgetUse, RequestBudget
from returndesk.vendors.errors import ConfigurationError
from returndesk.vendors.nshift import NShiftClient
from returndesk.vendors.ratelimit import RateLimit
from returndesk.vendors.returnmate import AuthStyle, ReturnMateClient
from returndesk.vendors.wmtech import KeyEnvironment, WmTechClient, key_environment

if TYPE_CHECKING:
    from returndesk.cache.expected_returns import ExpectedReturnsCache
    from returndesk.fleet.agent import FleetAgent
    from returndesk.fleet.database import FleetDatabase
    from returndesk.outbox.store import OutboxStore
    from returndesk.receiving.service import ReceivingService

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

    #: the ReturnMate request budget (live stations; the sandbox is no quota'd account)
    budget: Budget | None = None
    #: the fleet database ([fleet] database_url); None: the station works on its own
    fleet: FleetDatabase | None = None

    #: what the window knows of its scanner, printer and scans (heartbeats, metrics)
    devices: DeviceState = field(default_factory=DeviceState)

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
        if self.budget is not None:
            self.budget.close()
        if self.fleet is not None:
            self.fleet.close()


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
    # said in the settings, never guessed from an address
    environment = Environment.TEST if settings.nshift.environment == "test" else Environment.LIVE
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
    returnmate = ReturnMateClient.create(
        settings.returnmate.base_url,
        rm_key,
        auth_style=AuthStyle(settings.returnmate.auth_style),
        transport=transport,
        timeout=httpx.Timeout(settings.returnmate.timeout_seconds, connect=5.0),
    )
    fleet = None
    if settings.fleet.enabled:
        # psycopg is loaded only by a station with a fleet database
        from returndesk.fleet.budget import FleetBudget
        from returndesk.fleet.database import FleetDatabase, FleetTarget

        # one connection a station, shared by its threads: fifty stations are fifty
        # connections, inside PostgreSQL's default of a hundred
        fleet = FleetDatabase(FleetTarget.of(settings.fleet, settings.station.name, secrets))
    local = returnmate_budget(settings, paths, vendor_limit=lambda: returnmate.rate_limit)
    budget: Budget | None = local
    if local is not None and fleet is not None:
        budget = FleetBudget(fleet, local)  # the account's budget, counted by the fleet
    if budget is not None:
        returnmate.use_budget(budget)
    return Station(
        settings=settings,
        paths=paths,
        environment=environment,
        returnmate=returnmate,
        budget=budget,
        fleet=fleet,
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


def returnmate_budget(
    settings: Settings,
    paths: Paths,
    *,
    vendor_limit: Callable[[], RateLimit] | None = None,
) -> RequestBudget | None:
    """The station's ReturnMate request budget from ``[returnmate]``; None when none is set."""
    rm = settings.returnmate
    if not (rm.requests_per_day or rm.requests_per_minute):
        return None
    return RequestBudget(
        paths.data_dir / BUDGET_NAME,
        "ReturnMate",
        per_minute=rm.requests_per_minute,
        per_day=rm.requests_per_day,
        vendor_limit=vendor_limit,
    )


def budget_use(settings: Settings, paths: Paths) -> BudgetUse | None:
    """Today's ReturnMate requests as every process of this station counted them."""
    budget = returnmate_budget(settings, paths)
    if budget is None:
        return None
    try:
        return budget.use()
    finally:
        budget.close()


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


def receiving_service(
    station: Station, store: OutboxStore, cache: ExpectedReturnsCache
) -> ReceivingService:
    """Receiving at this station: with the fleet's leases and ledger where it has a fleet."""
    from returndesk.receiving.service import ReceivingService

    desk = None
    if station.fleet is not None:
        from returndesk.fleet.desk import FleetDesk

        desk = FleetDesk(station.fleet, station.settings.fleet.lease_seconds)
    return ReceivingService(
        station.settings, store, cache, station.returnmate, nshift=station.nshift, fleet=desk
    )


def fleet_agent(station: Station, outbox_path: Path, cache_path: Path) -> FleetAgent | None:
    """The station's rounds for its fleet database; None without one (or in demo mode)."""
    if station.fleet is None:
        return None
    from returndesk.fleet.agent import FleetAgent

    settings = station.settings
    return FleetAgent(
        station.fleet,
        settings.fleet,
        returnmate=station.returnmate,
        statuses=settings.returnmate.receivable_statuses,
        full_sync_hour=settings.returnmate.full_sync_hour,
        outbox_path=outbox_path,
        cache_path=cache_path,
        fields=settings.returnmate.fields,
        health=partial(health_of, station),
    )


def read_station_health(station: Station, outbox_path: Path, cache_path: Path) -> StationHealth:
    """The station's health now, through connections of its own (a worker thread's)."""
    from returndesk.cache.expected_returns import ExpectedReturnsCache
    from returndesk.outbox.store import OutboxStore

    store = OutboxStore(outbox_path)
    cache = ExpectedReturnsCache(cache_path)
    try:
        reachable = None if station.fleet is None else station.fleet.problem is None
        return health_of(station, store, cache, reachable)
    finally:
        cache.close()
        store.close()


def health_of(
    station: Station,
    store: OutboxStore,
    cache: ExpectedReturnsCache,
    fleet_reachable: bool | None,
) -> StationHealth:
    """The station's health from these connections: what its heartbeat and metrics say."""
    return read_health(
        station.settings.station.name,
        store,
        cache,
        budget=station.budget.use() if station.budget is not None else None,
        devices=station.devices,
        fleet_reachable=fleet_reachable,
        printer_configured=station.settings.printer.configured,
    )


def start_drainer(
    station: Station, db_path: Path, *, pdf: PdfRenderer | None = None, **hooks: Any
) -> Drainer:
    """The outbox drainer for ``station``'s clients and printer, already running. ``pdf``
    draws PDF labels (the window's Qt drawing); without it a PDF printer's jobs wait."""
    printer = configured_printer(station.settings.printer, station.paths.data_dir, pdf)
    if station.settings.printer.kind == "pdf" and printer is None:
        log.warning("PDF labels need the station's window to draw them: they wait until then")
    senders = build_senders(
        nshift=station.nshift,
        returnmate=station.returnmate,
        wmtech=station.wmtech,
        photos=station.photos,
        labels=label_job(printer) if printer is not None else None,
    )
    outbox = station.settings.outbox
    limits = {
        Lane.NSHIFT: outbox.nshift_per_minute,
        Lane.RETURNMATE: outbox.returnmate_per_minute,
        Lane.WMTECH: outbox.wmtech_per_minute,
        Lane.PHOTOS: None,
        Lane.PRINTER: None,
    }
    drainer = Drainer(db_path, senders, per_minute=limits, **hooks)
    # an answer to anything (a lookup, another kind) shows the vendor is back: what waits
    # out a connection backoff is due at once
    for lane, _, client in vendor_clients(station):
        client.on_answer(partial(drainer.vendor_answered, lane))
    return drainer.start()


def vendor_clients(station: Station) -> list[tuple[Lane, str, Any]]:
    """Each configured vendor's lane, name (as the header shows it) and client, where the
    client reports its answers (``on_answer``/``on_unreachable``; a photo folder does not)."""
    found = []
    for lane, name, client in (
        (Lane.NSHIFT, "nShift", station.nshift),
        (Lane.RETURNMATE, "ReturnMate", station.returnmate),
        (Lane.WMTECH, "WM Tech", station.wmtech),
        (Lane.PHOTOS, "Photos", station.photos),
    ):
        if client is not None and hasattr(client, "on_answer"):
            found.append((lane, name, client))
    return found
