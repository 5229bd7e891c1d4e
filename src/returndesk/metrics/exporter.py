"""The station's health in Prometheus's text format, through ``prometheus_client``: a file
rewritten whole (for node_exporter's or windows_exporter's textfile collector) and/or a
``/metrics`` listener. Both show the last snapshot (:func:`publish`), read on a worker thread
every ``[metrics] interval_seconds``; serving a scrape reads no database."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

from prometheus_client import write_to_textfile
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, InfoMetricFamily
from prometheus_client.exposition import start_http_server
from prometheus_client.metrics_core import Metric
from prometheus_client.registry import Collector, CollectorRegistry

from returndesk.fleet.health import StationHealth
from returndesk.outbox.model import Lane, State
from returndesk.settings.fleet import MetricsSettings

log = logging.getLogger(__name__)

PREFIX = "returndesk"


def families(health: StationHealth) -> Iterator[Metric]:
    """Every metric of one snapshot; each carries the station's name (a textfile collector
    adds only the machine's)."""
    s = ["station"]
    me = [health.station]

    def gauge(
        name: str,
        text: str,
        value: float | None,
        labels: list[str] | None = None,
        values: list[str] | None = None,
    ) -> GaugeMetricFamily:
        family = GaugeMetricFamily(f"{PREFIX}_{name}", text, labels=s + (labels or []))
        if value is not None:
            family.add_metric(me + (values or []), value)
        return family

    info = InfoMetricFamily(f"{PREFIX}_station", "The station and its version", labels=s)
    info.add_metric(me, {"version": health.version})
    yield info
    yield gauge(
        "snapshot_timestamp_seconds", "When this health was read (Unix time)", health.at.timestamp()
    )
    items = GaugeMetricFamily(
        f"{PREFIX}_outbox_items", "Outbox items by lane and state", labels=[*s, "lane", "state"]
    )
    for lane in Lane:
        for state in State:
            items.add_metric(
                [*me, lane.value, state.value], health.items.get((lane.value, state.value), 0)
            )
    yield items
    yield gauge(
        "outbox_oldest_waiting_seconds",
        "Age of the oldest item not yet delivered (0: none waiting)",
        health.oldest_waiting_seconds or 0,
    )
    paused = GaugeMetricFamily(
        f"{PREFIX}_lane_paused",
        "1 while a lane waits (quota, credentials refused)",
        labels=[*s, "lane"],
    )
    for lane in Lane:
        paused.add_metric([*me, lane.value], 1 if lane.value in health.lanes_paused else 0)
    yield paused
    delivered = GaugeMetricFamily(
        f"{PREFIX}_last_delivery_timestamp_seconds",
        "Each lane's newest successful delivery (Unix time)",
        labels=[*s, "lane"],
    )
    for name, at in sorted(health.last_delivery.items()):
        delivered.add_metric([*me, name], at.timestamp())
    yield delivered
    scans = CounterMetricFamily(
        f"{PREFIX}_scans", "Scans since the station started, by result", labels=[*s, "result"]
    )
    for result, n in sorted(health.scans.items()):
        scans.add_metric([*me, result], n)
    yield scans
    yield gauge(
        "parcels_received_today", "Returns received today (local day)", health.parcels_today
    )
    yield gauge("units_received_today", "Units received today (local day)", health.units_today)
    yield gauge("units_last_hour", "Units received in the last hour", health.units_last_hour)
    yield gauge("cache_rmas", "Receivable RMAs in the expected-returns cache", health.cache_rmas)
    yield gauge(
        "cache_synced_timestamp_seconds",
        "When the cache last heard from ReturnMate or the fleet's copy (Unix time)",
        health.cache_synced_at.timestamp() if health.cache_synced_at else None,
    )
    if health.budget is not None:
        yield gauge(
            "returnmate_requests_today",
            "ReturnMate requests this station sent today",
            health.budget.today,
        )
        yield gauge(
            "returnmate_requests_per_day",
            "The station's daily ReturnMate budget",
            health.budget.per_day,
        )
    for device, connected in (("scanner", health.scanner), ("printer", health.printer)):
        if connected is not None:
            yield gauge(f"{device}_connected", f"1 while the {device} answers", int(connected))
    if health.fleet_reachable is not None:
        yield gauge(
            "fleet_database_up", "1 while the fleet database answers", int(health.fleet_reachable)
        )


class _Snapshot(Collector):
    def __init__(self) -> None:
        self.health: StationHealth | None = None

    def collect(self) -> Iterator[Metric]:
        health = self.health  # one snapshot for the whole scrape
        if health is not None:
            yield from families(health)


class MetricsExporter:
    def __init__(self, settings: MetricsSettings) -> None:
        self._settings = settings
        self._snapshot = _Snapshot()
        self.registry = CollectorRegistry(auto_describe=False)
        self.registry.register(self._snapshot)
        self._server: object | None = None
        self._lock = threading.Lock()
        #: where the listener listens ("127.0.0.1:9464"), once started
        self.address: tuple[str, int] | None = None

    def start(self) -> None:
        """Open the listener, if one is configured; raises OSError when the port is taken."""
        if not self._settings.listen:
            return
        host, _, port = self._settings.listen.rpartition(":")
        server, _thread = start_http_server(int(port), host.strip("[]"), self.registry)
        self._server = server
        self.address = (host.strip("[]"), int(server.server_address[1]))
        log.info("metrics at http://%s:%d/metrics", *self.address)

    def publish(self, health: StationHealth) -> None:
        """The snapshot every scrape and the textfile show from now on."""
        self._snapshot.health = health
        if self._settings.textfile:
            with self._lock:
                path = Path(self._settings.textfile)
                path.parent.mkdir(parents=True, exist_ok=True)
                # written beside it and renamed: the collector never reads half a file
                write_to_textfile(str(path), self.registry)

    def close(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()  # type: ignore[attr-defined]
            server.server_close()  # type: ignore[attr-defined]
