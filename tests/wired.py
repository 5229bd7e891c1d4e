"""A station's window wired as the station wires it (synchronous runners), for the tests that
drive it; and a station configured like a deployment against a sandbox served over HTTP."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from returndesk.outbox.store import OutboxStore
from returndesk.sandbox.app import DEMO_CREDENTIALS
from returndesk.sandbox.urls import SandboxUrls
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.settings.secrets import SecretStore
from returndesk.station import Station, build_station
from returndesk.ui.wiring import Receiving, build_window, start_receiving


def wire(qtbot, station: Station):  # type: ignore[no-untyped-def]
    """(window, store, receiving) for ``station``, the window shown on Ready."""
    store = OutboxStore(station.paths.data_dir / "outbox.db")
    window = build_window(station)
    qtbot.addWidget(window)
    receiving = start_receiving(
        station, window, store, notify=lambda counts: None, synchronous=True
    )
    window.show()
    window.show_screen(window.ready)
    return window, store, receiving


def unwire(receiving: Receiving, store: OutboxStore, station: Station) -> None:
    receiving.refresher.stop()
    receiving.cache.close()
    if receiving.fleet is not None:
        receiving.fleet.close()
    store.close()
    station.close()


def live_station(
    folder: Path,
    origin: str,
    extra: dict[str, Any] | None = None,
    secrets: dict[str, str] | None = None,
) -> Station:
    """A station against the sandbox at ``origin`` as a deployment configures one: base URLs,
    the vendors' credentials from the environment; ``extra`` settings sections merged in."""
    urls = SandboxUrls.at(origin)
    data: dict[str, Any] = {
        "nshift": {"base_url": urls.nshift, "username": DEMO_CREDENTIALS["nshift_username"]},
        "returnmate": {"base_url": urls.returnmate},
        "station": {"sign_on": False},
    }
    for section, values in (extra or {}).items():
        data.setdefault(section, {}).update(values)
    environ = {
        "RETURNDESK_NSHIFT__PASSWORD": DEMO_CREDENTIALS["nshift_password"],
        "RETURNDESK_RETURNMATE__API_KEY": DEMO_CREDENTIALS["returnmate_api_key"],
        **(secrets or {}),
    }
    paths = Paths(folder / "s.toml", folder / "data", folder / "logs")
    return build_station(
        Settings.model_validate(data), paths, demo=False, secrets=SecretStore(environ)
    )
