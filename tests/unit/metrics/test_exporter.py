"""The station's metrics, read back with prometheus_client's own parser: from the textfile a
node_exporter would collect, and from the /metrics listener a Prometheus would scrape."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.fleet.health import DeviceState, read_health
from returndesk.metrics.exporter import MetricsExporter
from returndesk.outbox.model import Capture, Kind, Lane, NewItem
from returndesk.outbox.store import OutboxStore
from returndesk.settings.fleet import MetricsSettings
from returndesk.vendors.budget import BudgetUse
from tests.postgres import free_port


def receive(store: OutboxStore, return_id: str, units: int) -> None:
    store.capture(
        Capture(
            return_id=return_id,
            source="rma",
            summary={"lines": [{"units_present": units}]},
            rma_id=f"rma_{return_id}",
            rma_number=f"RMA-{return_id}",
            operator="Ada",
        ),
        [NewItem(Kind.RMA_STATUS, {"rma_id": f"rma_{return_id}", "status": "received"})],
    )


@pytest.fixture
def health(tmp_path):
    store = OutboxStore(tmp_path / "outbox.db")
    cache = ExpectedReturnsCache(tmp_path / CACHE_NAME)
    receive(store, "NSR1", 2)
    receive(store, "NSR2", 3)
    store.pause_lane(Lane.RETURNMATE, datetime.now(UTC) + timedelta(minutes=5), "quota")
    devices = DeviceState()
    devices.scanner = True
    for result in ("parcel", "item", "item", "refused"):
        devices.scanned(result)
    found = read_health(
        "Receiving 3",
        store,
        cache,
        budget=BudgetUse("ReturnMate", 377, 10_000, 2, 60),
        devices=devices,
        fleet_reachable=False,
        printer_configured=True,
    )
    store.close()
    cache.close()
    return found


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            labels = tuple(sorted((k, v) for k, v in sample.labels.items() if k != "station"))
            found[(sample.name, labels)] = sample.value
    return found


def check(found) -> None:
    assert found[("returndesk_outbox_items", (("lane", "returnmate"), ("state", "waiting")))] == 2
    assert found[("returndesk_outbox_items", (("lane", "nshift"), ("state", "waiting")))] == 0
    assert found[("returndesk_lane_paused", (("lane", "returnmate"),))] == 1
    assert found[("returndesk_lane_paused", (("lane", "nshift"),))] == 0
    assert found[("returndesk_parcels_received_today", ())] == 2
    assert found[("returndesk_units_received_today", ())] == 5
    assert found[("returndesk_units_last_hour", ())] == 5
    assert found[("returndesk_scans_total", (("result", "item"),))] == 2
    assert found[("returndesk_scans_total", (("result", "refused"),))] == 1
    assert found[("returndesk_returnmate_requests_today", ())] == 377
    assert found[("returndesk_returnmate_requests_per_day", ())] == 10_000
    assert found[("returndesk_scanner_connected", ())] == 1
    assert found[("returndesk_printer_connected", ())] == 1
    assert found[("returndesk_fleet_database_up", ())] == 0
    assert found[("returndesk_outbox_oldest_waiting_seconds", ())] >= 0
    assert found[("returndesk_cache_rmas", ())] == 0
    assert (
        "returndesk_station_info",
        (("version", __import__("returndesk").__version__),),
    ) in found


def test_the_textfile_parses_back_with_every_figure(tmp_path, health):
    path = tmp_path / "collector" / "returndesk.prom"
    exporter = MetricsExporter(MetricsSettings(textfile=str(path)))
    exporter.publish(health)
    text = path.read_text()
    check(samples(text))
    assert 'station="Receiving 3"' in text
    assert not list(path.parent.glob("*.tmp*"))  # written beside and renamed


def test_the_listener_serves_the_last_snapshot(health):
    port = free_port()
    exporter = MetricsExporter(MetricsSettings(listen=f"127.0.0.1:{port}"))
    exporter.start()
    try:
        empty = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5)
        assert empty.status_code == 200
        assert "returndesk_outbox_items" not in empty.text  # nothing read yet: nothing made up
        exporter.publish(health)
        served = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5)
        check(samples(served.text))
    finally:
        exporter.close()


def test_a_taken_port_is_an_error_not_silence(health):
    port = free_port()
    first = MetricsExporter(MetricsSettings(listen=f"127.0.0.1:{port}"))
    first.start()
    try:
        with pytest.raises(OSError, match="in use"):
            MetricsExporter(MetricsSettings(listen=f"127.0.0.1:{port}")).start()
    finally:
        first.close()


@pytest.mark.parametrize("listen", ["9464", "localhost:9464", "127.0.0.1:0", "127.0.0.1:99999"])
def test_a_listen_address_is_an_ip_and_a_port(listen):
    with pytest.raises(ValueError, match=r"address|port"):
        MetricsSettings(listen=listen)
