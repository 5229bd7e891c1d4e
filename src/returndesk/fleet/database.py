"""The station's connection to the fleet database, and what it says when there is none.

One :class:`FleetDatabase` a thread (psycopg connections are not shared between the worker
threads). Every call is one transaction; a connection that fails is dropped and made again on
the next call, so a database that comes back is used again without a restart. Anything that
keeps the database from answering is :class:`FleetUnavailable`, whose message names the
server but never the password.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from returndesk.fleet.errors import FleetUnavailable
from returndesk.fleet.schema import SchemaMismatch, check
from returndesk.settings.fleet import FleetSettings, loopback_host
from returndesk.settings.secrets import FLEET_PASSWORD, SecretStore

log = logging.getLogger(__name__)
T = TypeVar("T")

#: no statement may hold a station longer than this (a lock, a stuck server)
STATEMENT_TIMEOUT_MS = 5000
#: after a failed connection, calls fail at once for this long instead of each waiting for
#: the connect timeout (a lookup must not wait behind a database that is away)
RETRY_AFTER_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class FleetTarget:
    """Where the fleet database is, and as whom (the password is read, never kept here)."""

    conninfo: str
    station: str
    #: what a message may name: host, port, database, role
    shown: str

    @classmethod
    def of(cls, settings: FleetSettings, station: str, secrets: SecretStore) -> FleetTarget:
        parts = conninfo_to_dict(settings.database_url)
        hosts = str(parts.get("host") or "")
        loopback = all(loopback_host(h) for h in hosts.split(","))
        extra: dict[str, str | int | None] = {
            "connect_timeout": settings.connect_timeout_seconds,
            "application_name": f"ReturnDesk {station}"[:63],
            "options": f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
            "keepalives": 1,
            "keepalives_idle": 10,
            "keepalives_interval": 5,
            "keepalives_count": 3,
        }
        if not loopback and not parts.get("sslmode"):
            extra["sslmode"] = "verify-full"  # a server on the network shows its certificate
        password = secrets.get(FLEET_PASSWORD)
        if password:
            extra["password"] = password
        shown = (
            f"{parts.get('user') or '(default role)'}@{hosts or 'local socket'}"
            f":{parts.get('port') or 5432}/{parts.get('dbname')}"
        )
        return cls(make_conninfo(settings.database_url, **extra), station, shown)


class FleetDatabase:
    def __init__(self, target: FleetTarget, *, check_schema: bool = True) -> None:
        self.target = target
        self.station = target.station
        self._check_schema = check_schema
        self._conn: psycopg.Connection | None = None
        self._lock = threading.Lock()
        #: why the last call failed; None after a call that worked
        self.problem: str | None = None
        self._retry_at = 0.0

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _drop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(psycopg.Error):
                self._conn.close()
            self._conn = None

    def _connection(self) -> psycopg.Connection:
        if self._conn is None or self._conn.closed:
            if self.problem is not None and time.monotonic() < self._retry_at:
                raise FleetUnavailable(self.problem)
            conn = psycopg.connect(self.target.conninfo, autocommit=True)
            try:
                if self._check_schema:
                    check(conn)
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    def retry_now(self) -> None:
        """The next call connects again, however recently one failed."""
        self._retry_at = 0.0

    def run(self, work: Callable[[psycopg.Connection], T]) -> T:
        """``work(conn)`` in one transaction; raises :class:`FleetUnavailable` when the
        database cannot be reached, refuses the role, or has another schema."""
        with self._lock:
            try:
                conn = self._connection()
                with conn.transaction():
                    result = work(conn)
            except SchemaMismatch as exc:
                self._drop()
                self.problem = str(exc)
                self._retry_at = time.monotonic() + RETRY_AFTER_SECONDS
                raise FleetUnavailable(self.problem) from None
            except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
                self._drop()
                self._retry_at = time.monotonic() + RETRY_AFTER_SECONDS
                self.problem = _said(self.target.shown, exc)
                raise FleetUnavailable(self.problem) from None
            except psycopg.errors.InsufficientPrivilege as exc:
                self.problem = (
                    f"the fleet database refuses {self.target.shown}: {_first_line(exc)} "
                    "(packaging/fleet/roles.sql grants what a station needs)"
                )
                raise FleetUnavailable(self.problem) from None
            self.problem = None
            return result


def _said(shown: str, exc: BaseException) -> str:
    """Why the database could not be used: refused credentials are not a network fault (libpq
    says which in its message; the exception carries no SQLSTATE for a failed connection)."""
    text = _first_line(exc)
    if "authentication failed" in text or "no password supplied" in text:
        return (
            f"{shown} refuses the login ({text.rpartition('FATAL:')[2].strip() or text}); "
            "check the keyring's fleet.password or RETURNDESK_FLEET__PASSWORD"
        )
    return f"{shown} does not answer: {text}"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
