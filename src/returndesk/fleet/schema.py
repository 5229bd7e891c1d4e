"""The fleet database's versioned schema: numbered SQL files in ``migrations/``, applied in
order by ``returndesk fleet migrate`` (as the schema's owner), each recorded in
``fleet_schema``. A station checks the version when it connects and works on its own, saying
why, when the database is older or newer than it knows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

import psycopg

#: the table that records the applied migrations (made by the first ``migrate``)
VERSION_TABLE = "fleet_schema"
_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    found = []
    for entry in resources.files("returndesk.fleet").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError(f"fleet migrations are not numbered 1, 2, 3…: {found}")
    return found


#: the schema this station works with
SCHEMA_VERSION = len(migrations())


class SchemaMismatch(RuntimeError):
    """The database's schema is not the one this station knows; the message says what to do."""


def current_version(conn: psycopg.Connection) -> int:
    exists = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (VERSION_TABLE,)).fetchone()
    if not exists or not exists[0]:
        return 0
    row = conn.execute(f"SELECT coalesce(max(version), 0) FROM {VERSION_TABLE}").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: psycopg.Connection) -> list[str]:
    """Apply what is missing, each migration in its own transaction; the names applied."""
    applied = []
    with conn.transaction():
        # one migrator at a time: a second waits, then finds nothing left to do
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('returndesk-migrate'))")
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version integer PRIMARY KEY, "
            "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"
        )
        have = current_version(conn)
        for migration in migrations():
            if migration.version <= have:
                continue
            with conn.transaction():
                conn.execute(migration.sql.encode())  # several statements, no parameters
                conn.execute(
                    f"INSERT INTO {VERSION_TABLE} (version, name) VALUES (%s, %s)",
                    (migration.version, migration.name),
                )
            applied.append(migration.name)
    return applied


def check(conn: psycopg.Connection) -> None:
    have = current_version(conn)
    if have == SCHEMA_VERSION:
        return
    if have < SCHEMA_VERSION:
        raise SchemaMismatch(
            f"the fleet database has schema {have}, this station needs {SCHEMA_VERSION}: "
            "run `returndesk fleet migrate` as the database's owner"
        )
    raise SchemaMismatch(
        f"the fleet database has schema {have}, newer than this station's {SCHEMA_VERSION}: "
        "update this station"
    )
