"""A configured station for label tests: the sandbox over real HTTP, a printer from settings,
the drainer running; and a return received at it, graded."""

from __future__ import annotations

from contextlib import contextmanager

from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.outbox.store import OutboxStore
from returndesk.receiving.service import ReceivingService
from returndesk.sandbox.app import DEMO_CREDENTIALS
from returndesk.sandbox.custom_fields import DEMO_FIELDS
from returndesk.sandbox.server import SandboxServer
from returndesk.sandbox.urls import SandboxUrls
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.settings.secrets import SecretStore
from returndesk.station import build_station, start_drainer


@contextmanager
def station_bench(tmp_path, sandbox, printer_settings, pdf=None):
    with SandboxServer(sandbox) as served:
        urls = SandboxUrls.at(served.origin)
        settings = Settings.model_validate(
            {
                "nshift": {
                    "base_url": urls.nshift,
                    "username": DEMO_CREDENTIALS["nshift_username"],
                },
                "returnmate": {"base_url": urls.returnmate, "fields": DEMO_FIELDS},
                "station": {"sign_on": False, "name": "Receiving 3"},
                "labels": {"print": "item"},
                "printer": printer_settings,
            }
        )
        secrets = SecretStore(
            {
                "RETURNDESK_NSHIFT__PASSWORD": DEMO_CREDENTIALS["nshift_password"],
                "RETURNDESK_RETURNMATE__API_KEY": DEMO_CREDENTIALS["returnmate_api_key"],
            }
        )
        paths = Paths(tmp_path / "s.toml", tmp_path / "data", tmp_path / "logs")
        station = build_station(settings, paths, demo=False, secrets=secrets)
        store = OutboxStore(paths.data_dir / "outbox.db")
        cache = ExpectedReturnsCache(paths.data_dir / CACHE_NAME, settings.returnmate.fields)
        service = ReceivingService(
            settings, store, cache, station.returnmate, nshift=station.nshift
        )
        cache.refresh(station.returnmate, settings.returnmate.receivable_statuses)
        drainer = start_drainer(station, store.path, pdf=pdf)
        try:
            yield service, store, drainer, sandbox
        finally:
            drainer.stop()
            cache.close()
            store.close()
            station.close()


def receive(service, drainer, number, grades):
    found = service.lookup(number)
    case = found.case
    assert case is not None, found
    case.accept_all()
    for line, grade in zip(case.lines, grades, strict=False):
        case.set_grade(line.order_item_id, grade)
    history_id = service.submit(case, operator="Ada Lind")
    drainer.notify()
    return case, history_id
