"""Heartbeats: each station's health in the fleet database, and the fleet read back as one
table for ``returndesk fleet status``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from psycopg.types.json import Jsonb

from returndesk.core import json_codec
from returndesk.fleet.database import FleetDatabase
from returndesk.fleet.health import StationHealth

#: a station whose last heartbeat is older than this is shown as silent
SILENT_AFTER_SECONDS = 120


def beat(db: FleetDatabase, health: StationHealth) -> None:
    db.run(
        lambda conn: conn.execute(
            "INSERT INTO heartbeats VALUES (%s, now(), %s, %s) ON CONFLICT (station) DO UPDATE "
            "SET at = excluded.at, version = excluded.version, health = excluded.health",
            (health.station, health.version, Jsonb(health.to_json(), dumps=json_codec.dumps)),
        )
    )


@dataclass(frozen=True, slots=True)
class FleetRow:
    station: str
    at: datetime
    version: str
    #: seconds since the heartbeat, by the database's clock
    age_seconds: float
    health: dict[str, Any]

    @property
    def silent(self) -> bool:
        return self.age_seconds > SILENT_AFTER_SECONDS


def fleet(db: FleetDatabase) -> list[FleetRow]:
    rows = db.run(
        lambda conn: conn.execute(
            "SELECT station, at, version, extract(epoch FROM now() - at), health::text "
            "FROM heartbeats ORDER BY station"
        ).fetchall()
    )
    return [FleetRow(r[0], r[1], r[2], float(r[3]), json_codec.loads(r[4])) for r in rows]
