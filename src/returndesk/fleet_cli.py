"""``returndesk fleet status`` (every station's heartbeat as one table, or ``--json``) and
``returndesk fleet migrate`` (the schema, as its owner).

Exit codes: 0 done; 2 no fleet database configured, or bad settings; 6 the database could not
be reached or refused (the reason on stderr).
"""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from returndesk.cli_output import EXIT_BLOCKED, EXIT_OK, EXIT_USAGE, err
from returndesk.fleet.errors import FleetUnavailable
from returndesk.settings.fleet import FleetSettings
from returndesk.settings.loader import SettingsError, load_settings
from returndesk.settings.paths import Paths
from returndesk.settings.secrets import SecretStore, SecretStoreError

if TYPE_CHECKING:
    from returndesk.fleet.database import FleetDatabase
    from returndesk.fleet.heartbeats import FleetRow
    from returndesk.fleet.leases import Lease


def add_parsers(sub: Any) -> None:
    parser = sub.add_parser("fleet", help="the fleet database many stations share")
    fleet_sub = parser.add_subparsers(dest="fleet_command", required=True)
    status = fleet_sub.add_parser("status", help="every station's last heartbeat, the syncer")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    up = fleet_sub.add_parser("migrate", help="create or update the schema (as its owner)")
    up.add_argument(
        "--url",
        help="connect as this role instead of [fleet] database_url (the schema's owner); "
        "its password from RETURNDESK_FLEET__PASSWORD or the keyring",
    )


def run(args: argparse.Namespace) -> int:
    try:
        settings = load_settings(Paths.default(args.config).config_file)
        fleet_settings = settings.fleet
        if getattr(args, "url", None):
            fleet_settings = FleetSettings(database_url=args.url)
    except (SettingsError, ValueError) as exc:
        err(f"settings: {exc}")
        return EXIT_USAGE
    if not fleet_settings.enabled:
        err("no fleet database: set [fleet] database_url (see packaging/fleet/README.md)")
        return EXIT_USAGE
    # psycopg and the fleet's modules load only for these commands
    from returndesk.fleet.database import FleetDatabase, FleetTarget
    from returndesk.fleet.schema import SCHEMA_VERSION, migrate

    try:
        target = FleetTarget.of(fleet_settings, settings.station.name, SecretStore())
    except SecretStoreError as exc:
        err(f"error: {exc}")
        return EXIT_BLOCKED
    migrating = args.fleet_command == "migrate"
    db = FleetDatabase(target, check_schema=not migrating)
    try:
        if migrating:
            applied = db.run(migrate)
            print(
                f"fleet schema {SCHEMA_VERSION}: "
                + (f"applied {', '.join(applied)}" if applied else "nothing to apply")
            )
            return EXIT_OK
        return _status(
            db,
            settings.returnmate.requests_per_day,
            settings.returnmate.requests_per_minute,
            as_json=args.json,
        )
    except FleetUnavailable as exc:
        err(f"error: {exc}")
        return EXIT_BLOCKED
    finally:
        db.close()


def _status(db: FleetDatabase, per_day: int, per_minute: int, *, as_json: bool) -> int:
    from returndesk.fleet.summary import read_summary

    summary = read_summary(db, per_day=per_day, per_minute=per_minute)
    rows, job, leases, use = (
        summary.stations,
        summary.syncer,
        summary.open_returns,
        summary.requests,
    )
    synced, cached = summary.synced_at, summary.cached
    if as_json:
        print(json.dumps(
            {
                "stations": [
                    {"station": r.station, "at": r.at.isoformat(), "version": r.version,
                     "age_seconds": round(r.age_seconds, 1), "silent": r.silent, **r.health}
                    for r in rows
                ],
                "syncer": {
                    "station": job.station,
                    "since": _iso(job.since),
                    "until": _iso(job.expires_at),
                },
                "expected_returns": {"receivable_rmas": cached, "synced_at": _iso(synced)},
                "returnmate_requests": {"today": use.today, "per_day": use.per_day},
                "open_returns": [_lease_json(lease) for lease in leases],
            },
            indent=2,
        ))  # fmt: skip
        return EXIT_OK
    holder = job.station or "none yet"
    print(f"syncer: {holder}" + (f" since {_hm(job.since)}" if job.station else ""))
    print(f"expected returns: {cached:,} receivable, synced {_hm(synced)}")
    print(f"ReturnMate (the fleet): {use.today:,} of {use.per_day:,} requests today (UTC)")
    print(f"open returns: {len(leases)}")
    for lease in leases:
        who = f" ({lease.operator})" if lease.operator else ""
        print(f"  {lease.return_id} at {lease.station}{who} since {_hm(lease.opened_at)}")
    print()
    print(_table(rows))
    return EXIT_OK


COLUMNS = (
    "station", "seen", "version", "waiting", "oldest", "attention", "paused", "scanner",
    "printer", "parcels", "units/h", "cache",
)  # fmt: skip


def _table(rows: list[FleetRow]) -> str:
    lines = [COLUMNS]
    for r in rows:
        h = r.health
        seen = f"{int(r.age_seconds)}s ago" + (" SILENT" if r.silent else "")
        oldest = h.get("oldest_waiting_seconds")
        lines.append((
            r.station, seen, r.version, str(h.get("waiting", 0)),
            "—" if oldest is None else _age(float(oldest)), str(h.get("attention", 0)),
            ",".join(h.get("lanes_paused") or []) or "—", _device(h.get("scanner")),
            _device(h.get("printer")), str(h.get("parcels_today", 0)),
            str(h.get("units_last_hour", 0)), str(h.get("cache_rmas", 0)),
        ))  # fmt: skip
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def _device(state: object) -> str:
    return "—" if state is None else ("ok" if state else "DOWN")


def _age(seconds: float) -> str:
    if seconds < 120:
        return f"{int(seconds)}s"
    if seconds < 7200:
        return f"{int(seconds // 60)}m"
    return f"{seconds / 3600:.1f}h"


def _hm(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else "never"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _lease_json(lease: Lease) -> dict[str, Any]:
    return {
        "return_id": lease.return_id,
        "station": lease.station,
        "operator": lease.operator,
        "opened_at": lease.opened_at.isoformat(),
        "expires_at": lease.expires_at.isoformat(),
    }
