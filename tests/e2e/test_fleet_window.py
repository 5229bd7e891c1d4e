"""The fleet in the station's window: a parcel open in the window is refused at the next
bench (a station process) with who and since; Esc gives it back; the fleet database away is
said in the header and on the banner; the metrics textfile follows the window's scans."""

from __future__ import annotations

import pytest
from prometheus_client.parser import text_string_to_metric_families
from PySide6.QtCore import Qt

from returndesk.sandbox.custom_fields import DEMO_FIELDS
from returndesk.sandbox.server import SandboxServer
from returndesk.settings.secrets import FLEET_PASSWORD, SecretStore
from returndesk.ui.wiring import start_metrics
from tests.fleet_bench import make_station, receivable
from tests.postgres import STATION_PASSWORD
from tests.wired import live_station, unwire, wire

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


@pytest.fixture
def served(sandbox):
    with SandboxServer(sandbox) as server:
        yield server


@pytest.fixture
def window_station(qtbot, tmp_path, served, postgres):
    """``window_station(extra)``: a window station "Receiving 7" in the fleet."""
    made = []

    def make(extra=None):
        settings = {
            "returnmate": {"fields": DEMO_FIELDS},
            "station": {"name": "Receiving 7"},
            "fleet": {"database_url": postgres.url()},
            **(extra or {}),
        }
        secrets = {FLEET_PASSWORD.env_var: STATION_PASSWORD}
        station = live_station(tmp_path, served.origin, settings, secrets)
        window, store, receiving = wire(qtbot, station)
        made.append((receiving, store, station))
        return station, window, store, receiving

    yield make
    for receiving, store, station in made:
        unwire(receiving, store, station)


def scan(qtbot, window, code):
    line = window.ready.code
    line.setFocus()
    qtbot.keyClicks(line, code)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_a_parcel_open_in_the_window_is_refused_at_the_next_bench_until_esc(
    qtbot, window_station, tmp_path, served, postgres, sandbox
):
    station, window, _store, receiving = window_station()
    # the first round ran synchronously: this station took the sync job and filled the copy
    assert "fleet" not in window.header.network_label.text()
    assert station.fleet is not None
    assert station.fleet.problem is None
    number = receivable(sandbox, 1)[0]
    receiving.flow.operator = "Ada Lind"
    scan(qtbot, window, number)
    assert window.screens.currentWidget() is window.items
    bench = make_station(tmp_path, "Receiving 8", served.origin, postgres).start()
    try:
        bench.ask("tick")
        refused = bench.ask("open", code=number, operator="Bo")
        assert not refused["opened"]
        assert "is open at Receiving 7 (Ada Lind) since" in refused["refusal"]
        qtbot.mouseClick(window.items.cancel, Qt.MouseButton.LeftButton)  # Back (Esc)
        assert window.screens.currentWidget() is window.ready
        assert bench.ask("open", code=number, operator="Bo")["opened"]
        # now the window is the second bench: its refusal names the other
        scan(qtbot, window, number)
        assert window.screens.currentWidget() is window.ready
        assert "is open at Receiving 8 (Bo)" in window.ready.status.text()
    finally:
        bench.stop()


def test_the_database_away_is_said_and_receiving_goes_on(qtbot, window_station, postgres, sandbox):
    _station, window, _store, receiving = window_station()
    postgres.stop("immediate")
    receiving.refresher.timeout.emit()  # the next round
    assert "fleet" in window.header.network_label.text()
    assert "fleet database is away" in window.banner.label.text()
    number = receivable(sandbox, 1)[0]
    scan(qtbot, window, number)
    assert window.screens.currentWidget() is window.items  # opened unleased
    postgres.start()
    receiving.refresher.timeout.emit()
    assert "fleet" not in window.header.network_label.text()


def test_the_metrics_textfile_follows_the_windows_scans(qtbot, window_station, tmp_path, sandbox):
    path = tmp_path / "textfile" / "returndesk.prom"
    station, window, store, _receiving = window_station(
        {"metrics": {"textfile": str(path), "interval_seconds": 5}}
    )
    started = start_metrics(station, window, store.path, synchronous=True)
    assert started is not None
    exporter, timer = started
    try:
        scan(qtbot, window, receivable(sandbox, 1)[0])
        scan(qtbot, window, "not-a-code-at-all")
        timer.timeout.emit()
        found = {
            (s.name, tuple(sorted(s.labels.items()))): s.value
            for f in text_string_to_metric_families(path.read_text())
            for s in f.samples
        }
        assert (
            found[("returndesk_scans_total", (("result", "parcel"), ("station", "Receiving 7")))]
            == 1
        )
        assert found[("returndesk_cache_rmas", (("station", "Receiving 7"),))] == 46
        assert found[("returndesk_fleet_database_up", (("station", "Receiving 7"),))] == 1
    finally:
        timer.stop()
        exporter.close()


def submit(qtbot, window):
    qtbot.mouseClick(window.items.submit, Qt.MouseButton.LeftButton)  # the summary first
    assert "Press F12 again" in window.items.message.text()
    qtbot.mouseClick(window.items.submit, Qt.MouseButton.LeftButton)


def test_a_return_taken_over_meanwhile_is_said_before_it_is_submitted_from_the_window(
    qtbot, window_station, tmp_path, served, postgres, sandbox
):
    _station, window, store, receiving = window_station()
    number = receivable(sandbox, 1)[0]
    receiving.flow.operator = "Ada Lind"
    scan(qtbot, window, number)
    window.items.model.accept_all()
    with postgres.connect() as conn:  # the bench stood idle past its lease
        conn.execute("UPDATE return_leases SET expires_at = now() - interval '1 second'")
    bench = make_station(tmp_path, "Receiving 8", served.origin, postgres).start()
    try:
        bench.ask("tick")
        assert bench.ask("open", code=number, operator="Bo")["opened"]
        submit(qtbot, window)
        assert window.screens.currentWidget() is window.items  # not submitted
        assert "was taken over by Receiving 8 (Bo)" in window.items.message.text()
        assert store.history_after(None) == []
        submit(qtbot, window)  # told, the operator submits: the parcel is here
        assert window.screens.currentWidget() is window.ready
        assert len(store.history_after(None)) == 1
    finally:
        bench.stop()


def test_support_shows_the_fleet_and_says_when_it_is_away(
    qtbot, window_station, postgres, tmp_path
):
    from returndesk.support.redact import Redactor
    from returndesk.ui.wiring import start_admin

    station, window, store, receiving = window_station()
    admin = start_admin(
        station,
        window,
        receiving.flow,
        store.path,
        SecretStore({}),
        Redactor(),
        synchronous=True,
    )
    admin._show_support()  # behind the PIN in the station; here the screen itself
    facts = admin.support.facts.text()
    assert "Fleet database" in facts
    assert "Receiving 7" in facts  # the syncer: this station took the job at its first round
    assert "1 (0 silent)" in facts
    postgres.stop("immediate")
    station.fleet.retry_now()
    admin.refresh_support()
    assert "does not answer" in admin.support.facts.text()


def test_a_window_that_stops_gives_the_sync_job_to_the_next_station_at_once(
    qtbot, window_station, tmp_path, served, postgres
):
    _, _, _, receiving = window_station()
    bench = make_station(tmp_path, "Receiving 8", served.origin, postgres).start()
    try:
        assert not bench.ask("tick")["syncing"]  # the window's station holds the job
        receiving.stop()  # as the station's shutdown does (its background work is waited for)
        assert bench.ask("tick")["syncing"]
    finally:
        bench.stop()
