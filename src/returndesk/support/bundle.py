"""The support bundle: one zip IT can send on — logs, settings without secrets, queue summary,
versions and paths. Every text file in it is masked once more before it is written."""

from __future__ import annotations

import json
import platform
import sqlite3
import sys
import zipfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import tomli_w

from returndesk import __version__
from returndesk.settings.loader import settings_toml
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.support.logs import log_files
from returndesk.support.redact import Redactor

#: packages whose versions support asks for first
PACKAGES = ("PySide6-Essentials", "PySide6-Addons", "httpx", "pydantic", "keyring", "Pillow")


def versions(extra: dict[str, str] | None = None) -> dict[str, str]:
    found = {
        "ReturnDesk": __version__,
        "Python": sys.version.split()[0],
        "platform": platform.platform(),
        "frozen": str(bool(getattr(sys, "frozen", False))),
    }
    for name in PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    found.update(extra or {})
    return found


def queue_summary(db_path: Path) -> dict[str, Any]:
    """Outbox counts by state and the oldest waiting item, read through a connection of its
    own (read-only), so support never touches the station's working connection."""
    if not db_path.exists():
        return {"outbox": "not created yet"}
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=5)
    try:
        rows = conn.execute("SELECT state, count(*) FROM outbox GROUP BY state").fetchall()
        oldest = conn.execute(
            "SELECT min(created_at) FROM outbox WHERE state IN ('waiting','sending','unknown')"
        ).fetchone()[0]
        errors = conn.execute(
            "SELECT kind, last_error FROM outbox WHERE state IN ('failed','needs_attention') "
            "ORDER BY updated_at DESC LIMIT 5"
        ).fetchall()
    finally:
        conn.close()
    summary: dict[str, Any] = {state: count for state, count in rows}
    summary["oldest waiting since"] = oldest or "—"
    for n, (kind, error) in enumerate(errors, start=1):
        summary[f"attention {n}"] = f"{kind}: {error or ''}"
    return summary


def paths_summary(paths: Paths) -> dict[str, str]:
    return {
        "settings file": str(paths.config_file),
        "data folder": str(paths.data_dir),
        "log folder": str(paths.log_dir),
    }


def write_support_bundle(
    folder: Path,
    *,
    paths: Paths,
    settings: Settings,
    queue: dict[str, Any],
    redactor: Redactor,
    extra_versions: dict[str, str] | None = None,
    now: datetime | None = None,
) -> Path:
    """Write ``returndesk-support-<time>.zip`` into ``folder`` and return its path."""
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"returndesk-support-{moment.strftime('%Y%m%dT%H%M%SZ')}.zip"
    partial = target.with_suffix(".zip.partial")
    about = {
        "written_at": moment.isoformat(),
        "station": settings.station.name,
        "store": settings.station.store_id,
        "versions": versions(extra_versions),
        "paths": paths_summary(paths),
    }
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as bundle:

        def text(name: str, content: str) -> None:
            bundle.writestr(name, redactor(content))

        text("about.json", json.dumps(about, indent=2))
        text("queue.json", json.dumps(queue, indent=2, default=str))
        text("settings.toml", bundle_settings(settings))
        for path in log_files(paths.log_dir):
            try:
                content = path.read_text(encoding="utf-8", errors="replace")
            except OSError as exc:
                content = f"(not readable: {exc})"
            text(f"logs/{path.name}", content)
    partial.replace(target)
    return target


def bundle_settings(settings: Settings) -> str:
    """The settings as the station uses them; secrets are never settings, and the PIN hash is
    left out too (it is no use to support and only helps someone guessing)."""
    text = settings_toml(settings)
    data = {"admin": {"pin_hash": "(set)" if settings.admin.pin_hash else "(not set)"}}
    return text.replace(
        f'pin_hash = "{settings.admin.pin_hash}"', tomli_w.dumps(data["admin"]).strip()
    )
