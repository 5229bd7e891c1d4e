"""``[fleet]`` (the optional PostgreSQL database many stations share) and ``[metrics]``
(the station's health for Prometheus)."""

from __future__ import annotations

import ipaddress
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

#: sslmode values that check the server's certificate; anything less is refused off loopback
VERIFYING = ("verify-full", "verify-ca")


def loopback_host(host: str) -> bool:
    """A Unix socket or this machine (a libpq host), where TLS need not be verified."""
    if not host or host.startswith("/") or host == "localhost":
        return True  # a Unix socket, or this machine
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check_database_url(value: str) -> str:
    """Empty: no fleet. Otherwise a libpq URL or key=value string without a password, and
    off this machine with a verified TLS connection (``sslmode=verify-full`` is added where
    none is named)."""
    value = value.strip()
    if not value:
        return value
    from psycopg.conninfo import conninfo_to_dict  # only where a fleet is configured

    try:
        parts = conninfo_to_dict(value)
    except Exception as exc:  # psycopg's ProgrammingError names the part it could not read
        raise ValueError(f"not a PostgreSQL connection string: {exc}") from None
    if parts.get("password"):
        raise ValueError(
            "the password never goes into the URL; store it in the keyring as fleet.password "
            "or set RETURNDESK_FLEET__PASSWORD"
        )
    if not parts.get("dbname"):
        raise ValueError("name the database, like postgresql://returndesk@db.example/returndesk")
    hosts = str(parts.get("host") or "").split(",")
    sslmode = str(parts.get("sslmode") or "")
    if not all(loopback_host(h) for h in hosts) and sslmode and sslmode not in VERIFYING:
        raise ValueError(
            f"sslmode={sslmode} does not check the server's certificate; use sslmode=verify-full "
            "(with sslrootcert= the CA's file) for a database on another machine"
        )
    return value


DatabaseUrl = Annotated[str, AfterValidator(_check_database_url)]


def _check_listen(value: str) -> str:
    value = value.strip()
    if not value:
        return value
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError('an address and port, like "127.0.0.1:9464"')
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        raise ValueError(f"{host!r} is not an IP address (like 127.0.0.1 or 0.0.0.0)") from None
    return value


class FleetSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    #: ``postgresql://role@host:5432/returndesk?sslmode=verify-full&sslrootcert=/etc/…/ca.pem``;
    #: empty: this station works on its own
    database_url: DatabaseUrl = ""
    #: a return opened here is leased this long, renewed while its Items screen is open
    lease_seconds: int = Field(default=120, ge=15, le=3600)
    #: how often the station writes its heartbeat, reads the fleet's expected returns and
    #: looks at the sync job (the holder renews it then)
    heartbeat_seconds: int = Field(default=20, ge=5, le=600)
    #: the fleet's syncer holds its job this long after each renewal (each round, each write
    #: of a sync): killed, another station takes the job over after at most this plus one
    #: heartbeat — 50 s with the defaults
    sync_lease_seconds: int = Field(default=30, ge=15, le=600)
    #: this station may sync ReturnMate for the fleet (false: it only reads the shared copy)
    may_sync: bool = True
    connect_timeout_seconds: int = Field(default=5, ge=1, le=60)

    @property
    def enabled(self) -> bool:
        return bool(self.database_url)

    @model_validator(mode="after")
    def _job_outlasts_a_round(self) -> FleetSettings:
        if self.sync_lease_seconds < self.heartbeat_seconds + 5:
            raise ValueError(
                f"sync_lease_seconds ({self.sync_lease_seconds}) must be at least "
                f"heartbeat_seconds + 5 ({self.heartbeat_seconds + 5}): the syncer renews its "
                "job once a heartbeat, and would lose it between two"
            )
        return self


class MetricsSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    #: a ``.prom`` file rewritten every ``interval_seconds``, for node_exporter's or
    #: windows_exporter's textfile collector; empty: none
    textfile: str = ""
    #: serve ``/metrics`` here, like "127.0.0.1:9464"; empty: no listener
    listen: Annotated[str, AfterValidator(_check_listen)] = ""
    interval_seconds: int = Field(default=15, ge=5, le=600)

    @property
    def enabled(self) -> bool:
        return bool(self.textfile or self.listen)
