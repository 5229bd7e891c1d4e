"""Fixtures for the station window driven like a scanner."""

from __future__ import annotations

import pytest

from returndesk.outbox.store import OutboxStore
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.station import build_station
from returndesk.ui.inputs.wedge import WedgeScanSource
from returndesk.ui.wiring import build_window, start_receiving
from tests.clock import Clock
from tests.wired import unwire, wire


@pytest.fixture
def station_with(qtbot, tmp_path, sandbox):
    """``station_with(settings_dict)``: the demo station's wired window with these settings
    (synchronous runners), shown on Ready; returns window, store, router."""
    made = []

    def make(data):
        paths = Paths(tmp_path / "s.toml", tmp_path / "data", tmp_path / "logs")
        station = build_station(Settings.model_validate(data), paths, demo=True, sandbox=sandbox)
        window, store, receiving = wire(qtbot, station)
        made.append((receiving, store, station))
        return window, store, receiving.router

    yield make
    for receiving, store, station in made:
        unwire(receiving, store, station)


@pytest.fixture
def demo_station(qtbot, tmp_path, sandbox):
    """The demo station's wired window (synchronous runners): station, window, store, router."""
    paths = Paths(tmp_path / "s.toml", tmp_path / "data", tmp_path / "logs")
    station = build_station(Settings(), paths, demo=True, sandbox=sandbox)
    store = OutboxStore(paths.data_dir / "outbox.db")
    window = build_window(station)
    qtbot.addWidget(window)
    receiving = start_receiving(
        station, window, store, notify=lambda counts: None, synchronous=True
    )
    yield station, window, store, receiving.router
    receiving.refresher.stop()
    receiving.cache.close()
    store.close()
    station.close()


@pytest.fixture
def station(qtbot, demo_station, sandbox):
    """The demo station's window with a wedge, a fake router clock and the tones heard."""
    station, window, _, router = demo_station
    clock = Clock(100.0)
    router._clock = clock  # double reads are judged by this clock
    wedge = WedgeScanSource(station.settings.scanner.wedge, platform="x11")
    wedge.install()
    router.attach(wedge)
    cues: list[str] = []
    window.sounds.cue.connect(cues.append)
    window.show()
    qtbot.waitExposed(window)
    window.show_screen(window.ready)
    yield window, router, sandbox, clock, cues
    wedge.uninstall()


class MemoryKeyring:
    """A protected in-memory keyring backend, standing in for the OS vault."""

    priority = 10

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, user):
        return self.items.get((service, user))

    def set_password(self, service, user, value):
        self.items[(service, user)] = value


@pytest.fixture
def make_admin(qtbot, tmp_path, sandbox):
    """``make_admin(settings, secrets)``: the demo station's wired window with administration
    (synchronous runners); returns (station, window, store, router, admin, flow)."""
    from returndesk.settings.secrets import SecretStore
    from returndesk.support.redact import Redactor
    from returndesk.ui.wiring import start_admin

    built = []

    def make(settings: Settings | None = None, secrets: SecretStore | None = None):
        paths = Paths(tmp_path / "settings.toml", tmp_path / "data", tmp_path / "logs")
        station = build_station(settings or Settings(), paths, demo=True, sandbox=sandbox)
        store = OutboxStore(paths.data_dir / "outbox.db")
        window = build_window(station)
        qtbot.addWidget(window)
        receiving = start_receiving(
            station, window, store, notify=lambda counts: None, synchronous=True
        )
        admin = start_admin(
            station,
            window,
            receiving.flow,
            store.path,
            secrets or SecretStore({}, MemoryKeyring()),
            Redactor(),
            synchronous=True,
        )
        built.append((receiving.refresher, receiving.cache, store, station))
        window.resize(1280, 800)
        window.show()
        admin.start_shift()
        return station, window, store, receiving.router, admin, receiving.flow

    yield make
    for timer, cache, store, station in built:
        timer.stop()
        cache.close()
        store.close()
        station.close()
