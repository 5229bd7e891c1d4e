"""The Grafana dashboard and the Prometheus alert rules ask only for metrics the station
publishes (a renamed metric would leave a panel empty and an alert that never fires)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import yaml

from returndesk.fleet.health import StationHealth
from returndesk.metrics.exporter import families
from returndesk.vendors.budget import BudgetUse

MONITORING = Path(__file__).resolve().parents[2] / "packaging" / "monitoring"
#: PromQL's own words and Prometheus's metrics, not the station's
PROMQL = {"time", "sum", "by", "rate", "up", "station", "result", "lane", "state"}


def published() -> set[str]:
    health = StationHealth(
        "Receiving 1",
        datetime.now(UTC),
        budget=BudgetUse("ReturnMate", 1, 10, 0, 60),
        scanner=True,
        printer=True,
        fleet_reachable=True,
        scans={"parcel": 1},
    )
    names = set()
    for family in families(health):
        for sample in family.samples:
            names.add(sample.name)
        names.add(family.name)
    return names


def metrics_in(expr: str) -> set[str]:
    expr = re.sub(r"\{[^}]*\}", "", expr)  # label matchers
    expr = re.sub(r"\[[^\]]*\]", "", expr)  # ranges
    words = set(re.findall(r"[a-zA-Z_][a-zA-Z0-9_]*", expr))
    return {w for w in words if w not in PROMQL}


def test_every_dashboard_query_names_a_published_metric():
    dashboard = json.loads((MONITORING / "returndesk-dashboard.json").read_text())
    exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    assert len(exprs) >= 12
    known = published()
    for expr in exprs:
        unknown = metrics_in(expr) - known
        assert not unknown, f"{expr}: {unknown}"


def test_the_alert_rules_parse_and_name_published_metrics():
    rules = yaml.safe_load((MONITORING / "returndesk-alerts.yml").read_text())
    alerts = {r["alert"]: r for g in rules["groups"] for r in g["rules"]}
    # what the issue asks to be alerted on: queue age, a paused lane, a silent station
    assert {"ReturnDeskQueueOld", "ReturnDeskLanePaused", "ReturnDeskStationSilent"} <= set(alerts)
    known = published()
    for name, rule in alerts.items():
        unknown = metrics_in(rule["expr"]) - known
        assert not unknown, f"{name}: {unknown}"
        assert rule["annotations"]["summary"]
