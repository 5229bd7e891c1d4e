"""A FleetDatabase for a station on the test cluster, as the station itself makes one."""

from __future__ import annotations

from returndesk.fleet.database import FleetDatabase, FleetTarget
from returndesk.settings.fleet import FleetSettings
from returndesk.settings.secrets import FLEET_PASSWORD, SecretStore
from tests.postgres import STATION_PASSWORD, Postgres


def fleet_settings(server: Postgres, **changes: object) -> FleetSettings:
    return FleetSettings(database_url=server.url(), **changes)  # type: ignore[arg-type]


def station_db(server: Postgres, station: str, **changes: object) -> FleetDatabase:
    secrets = SecretStore({FLEET_PASSWORD.env_var: STATION_PASSWORD})
    return FleetDatabase(FleetTarget.of(fleet_settings(server, **changes), station, secrets))
