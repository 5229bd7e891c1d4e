"""A station's health in one snapshot: what its heartbeat tells the fleet and its metrics
tell Prometheus. Read on a worker thread from the station's own databases; what only the
window knows (the scanner, the printer, the scans) it keeps in :class:`DeviceState`."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from returndesk import __version__
from returndesk.cache.expected_returns import ExpectedReturnsCache
from returndesk.outbox.model import Lane, State
from returndesk.outbox.store import OutboxStore
from returndesk.vendors.budget import BudgetUse

#: history sources that are no receipt (a parcel put on the exceptions shelf)
NOT_RECEIVED = ("set_aside",)


class DeviceState:
    """What the window tells of its devices and scans (set on the GUI thread, read here)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        #: the serial scanner answers; None: no serial scanner (a keyboard wedge cannot tell)
        self.scanner: bool | None = None
        self._scans: Counter[str] = Counter()

    def scanned(self, result: str) -> None:
        with self._lock:
            self._scans[result] += 1

    def scans(self) -> dict[str, int]:
        with self._lock:
            return dict(self._scans)


@dataclass(frozen=True, slots=True)
class StationHealth:
    station: str
    at: datetime
    version: str = __version__
    #: outbox items by lane and state
    items: dict[tuple[str, str], int] = field(default_factory=dict)
    waiting: int = 0
    attention: int = 0
    #: whole seconds (the heartbeat is JSON without floats, as everything the station writes)
    oldest_waiting_seconds: int | None = None
    lanes_paused: list[str] = field(default_factory=list)
    #: each vendor lane's newest delivery
    last_delivery: dict[str, datetime] = field(default_factory=dict)
    parcels_today: int = 0
    units_today: int = 0
    #: units received in the last hour
    units_last_hour: int = 0
    cache_rmas: int = 0
    cache_synced_at: datetime | None = None
    budget: BudgetUse | None = None
    scanner: bool | None = None
    printer: bool | None = None
    scans: dict[str, int] = field(default_factory=dict)
    #: None: no fleet database; else whether it answered last time
    fleet_reachable: bool | None = None

    def to_json(self) -> dict[str, Any]:
        """The heartbeat's body (times in ISO 8601 UTC)."""
        return {
            "items": [
                {"lane": lane, "state": state, "count": n}
                for (lane, state), n in sorted(self.items.items())
            ],
            "waiting": self.waiting,
            "attention": self.attention,
            "oldest_waiting_seconds": self.oldest_waiting_seconds,
            "lanes_paused": self.lanes_paused,
            "last_delivery": {k: v.isoformat() for k, v in self.last_delivery.items()},
            "parcels_today": self.parcels_today,
            "units_today": self.units_today,
            "units_last_hour": self.units_last_hour,
            "cache_rmas": self.cache_rmas,
            "cache_synced_at": self.cache_synced_at.isoformat() if self.cache_synced_at else None,
            "budget": None
            if self.budget is None
            else {"today": self.budget.today, "per_day": self.budget.per_day},
            "scanner": self.scanner,
            "printer": self.printer,
            "scans": self.scans,
        }


def units(summary: dict[str, Any]) -> int:
    """The units a history row's return had present."""
    lines = summary.get("lines") or []
    return sum(int(line.get("units_present") or 0) for line in lines if isinstance(line, dict))


def read_health(
    station: str,
    store: OutboxStore,
    cache: ExpectedReturnsCache,
    *,
    budget: BudgetUse | None = None,
    devices: DeviceState | None = None,
    fleet_reachable: bool | None = None,
    printer_configured: bool = False,
    now: datetime | None = None,
) -> StationHealth:
    """``printer_configured``: the label printer's state is its lane's (a printer that is
    off or out of labels pauses it)."""
    now = now or datetime.now(UTC)
    items = store.by_lane()
    pending = (State.WAITING.value, State.SENDING.value, State.UNKNOWN.value)
    human = (State.FAILED.value, State.NEEDS_ATTENTION.value)
    oldest = store.oldest_waiting()
    paused = []
    for lane in Lane:
        state = store.lane_state(lane)
        if state.auth_blocked or (state.paused_until is not None and state.paused_until > now):
            paused.append(lane.value)
    midnight = now.astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    hour_ago = now - timedelta(hours=1)
    received = [
        h
        for h in store.history_since(min(midnight, hour_ago), limit=100_000)
        if h["source"] not in NOT_RECEIVED
    ]
    today = [h for h in received if h["captured_at"] >= midnight]
    return StationHealth(
        station=station,
        at=now,
        items=items,
        waiting=sum(n for (_, s), n in items.items() if s in pending),
        attention=sum(n for (_, s), n in items.items() if s in human),
        oldest_waiting_seconds=int((now - oldest).total_seconds()) if oldest else None,
        lanes_paused=paused,
        last_delivery=store.last_sent(),
        parcels_today=len(today),
        units_today=sum(units(h["summary"]) for h in today),
        units_last_hour=sum(units(h["summary"]) for h in received if h["captured_at"] >= hour_ago),
        cache_rmas=cache.count(),
        cache_synced_at=cache.synced_at(),
        budget=budget,
        scanner=devices.scanner if devices else None,
        printer=(Lane.PRINTER.value not in paused) if printer_configured else None,
        scans=devices.scans() if devices else {},
        fleet_reachable=fleet_reachable,
    )
