"""A throwaway PostgreSQL server for tests: Debian's postgresql package, a cluster made with
initdb in a temporary folder owned by an unprivileged user (PostgreSQL refuses to run as
root: ``runuser -u postgres`` when the tests run as root), on a free loopback port with
password (SCRAM) logins only.

The cluster has the schema's owner (who runs the migrations) and a station role made the way
packaging/fleet/README.md says, with exactly the rights of packaging/fleet/roles.sql. Where
PostgreSQL is not installed the tests skip, unless CI_REQUIRE_POSTGRES is set (CI sets it).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parent.parent
ROLES_SQL = ROOT / "packaging" / "fleet" / "roles.sql"
OWNER, OWNER_PASSWORD = "returndesk_owner", "owner-secret-7Qd"
STATION, STATION_PASSWORD = "rd_station", "station-secret-K2p"
DATABASE = "returndesk"


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server can be started here; the message says why."""


def unavailable(reason: str) -> None:
    """In a test: skip, or fail where CI_REQUIRE_POSTGRES is set."""
    if os.environ.get("CI_REQUIRE_POSTGRES"):
        pytest.fail(f"PostgreSQL is required here: {reason}")
    pytest.skip(reason)


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Postgres:
    bindir: Path
    data: Path
    port: int
    user: str | None  # who runs the server (None: this process's user)

    def _run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bindir / argv[0]), *argv[1:]]
        if self.user is not None:
            command = ["runuser", "-u", self.user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=False)

    def start(self) -> None:
        done = self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.data / "server.log"), "-w",
            "-t", "30", "-o",
            f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )  # fmt: skip
        if done.returncode != 0:
            log = (self.data / "server.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"PostgreSQL did not start: {done.stderr}\n{log}")

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, role: str = STATION) -> str:
        return f"postgresql://{role}@127.0.0.1:{self.port}/{DATABASE}"

    def connect(self, role: str = OWNER) -> psycopg.Connection:
        password = OWNER_PASSWORD if role == OWNER else STATION_PASSWORD
        return psycopg.connect(self.url(role), password=password, autocommit=True)

    def reset(self) -> None:
        """Every table empty again (between tests), the job free."""
        with self.connect() as conn:
            conn.execute(
                "TRUNCATE expected_returns, sync_state, request_budget, return_leases, "
                "receipts, heartbeats"
            )
            conn.execute(
                "UPDATE fleet_jobs SET holder = NULL, since = NULL, expires_at = '-infinity'"
            )


def start_postgres() -> Postgres:
    """A new cluster, started; :class:`PostgresUnavailable` where none can be."""
    bindir = _bindir()
    if bindir is None:
        raise PostgresUnavailable("initdb is not installed (Debian's postgresql package)")
    user = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            raise PostgresUnavailable(
                "no postgres user to run the server as (it refuses to run as root)"
            ) from None
        user = "postgres"
    base = Path(tempfile.mkdtemp(prefix="returndesk-pg-"))
    base.chmod(0o755)
    data = base / "data"
    data.mkdir()
    pwfile = base / "pw"
    pwfile.write_text(OWNER_PASSWORD + "\n")
    if user is not None:
        entry = pwd.getpwnam(user)
        for path in (data, pwfile):
            os.chown(path, entry.pw_uid, entry.pw_gid)
    server = Postgres(bindir, data, free_port(), user)
    made = server._run(
        "initdb", "-D", str(data), "-U", OWNER, "--auth=scram-sha-256",
        f"--pwfile={pwfile}", "-E", "UTF8", "--no-instructions",
    )  # fmt: skip
    if made.returncode != 0:
        raise RuntimeError(f"initdb failed: {made.stderr}")
    server.start()
    with psycopg.connect(
        f"postgresql://{OWNER}@127.0.0.1:{server.port}/postgres",
        password=OWNER_PASSWORD,
        autocommit=True,
    ) as conn:
        conn.execute(f"CREATE DATABASE {DATABASE}")
    return server


def prepare(server: Postgres) -> None:
    """The schema as ``returndesk fleet migrate`` makes it, and the station's role."""
    from returndesk.fleet.schema import migrate

    with server.connect() as conn:
        migrate(conn)
        conn.execute(ROLES_SQL.read_text())
        conn.execute(
            f"CREATE ROLE {STATION} LOGIN PASSWORD '{STATION_PASSWORD}' IN ROLE returndesk_station"
        )


def wait_until(predicate, timeout: float = 30.0, step: float = 0.1):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(step)
