"""Checks before the station trusts its database, each with a message for the operator.

A corrupt database is moved aside with its ``-wal``/``-shm`` files, the rows that can still be
read are copied into a new one, and the station keeps working.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from returndesk.core.operator_text import Say
from returndesk.outbox.store import OutboxStore, StorageError

DB_NAME = "returndesk.db"
MIN_FREE_BYTES = 200 * 1024 * 1024
_NETWORK_FS = {
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "fuse.sshfs",
    "9p",
    "afs",
    "ceph",
    "glusterfs",
    "davfs",
    "fuse.rclone",
}


@dataclass
class StartupReport:
    problems: list[str] = field(default_factory=list)
    quarantined: Path | None = None
    salvaged_rows: int = 0
    recovered_inflight: int = 0


class AlreadyRunning(RuntimeError):
    pass


class InstanceLock:
    """One running station per data directory (an OS file lock, released on exit or crash)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "returndesk.lock"
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held while running
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            raise AlreadyRunning(
                f"another ReturnDesk is already running with the data folder {self.path.parent}"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def filesystem_type(path: Path) -> str | None:
    """The mount's filesystem type on Linux (from /proc/mounts), else None."""
    try:
        mounts = Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return None
    best, fs = "", None
    resolved = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if (
            len(parts) >= 3
            and (resolved == parts[1] or resolved.startswith(parts[1].rstrip("/") + "/"))
            and len(parts[1]) >= len(best)
        ):
            best, fs = parts[1], parts[2]
    return fs


def is_network_path(path: Path) -> bool:
    if sys.platform == "win32":
        import ctypes

        drive = os.path.splitdrive(str(path.resolve()))[0] + "\\"
        if drive.startswith("\\\\"):
            return True
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # type: ignore[attr-defined]
    return (filesystem_type(path) or "") in _NETWORK_FS


def open_outbox(
    data_dir: Path, *, min_free: int = MIN_FREE_BYTES, recover: bool = True, repair: bool = True
) -> tuple[OutboxStore, StartupReport]:
    """Open (and if need be repair) the station database; never raises for corruption.

    Only the process holding the station's lock may ``recover`` (rows left "sending" are
    another process's requests in flight, not a crash) or ``repair``; a read-only command
    does neither, and a damaged database is then a :class:`StorageError`."""
    report = StartupReport()
    data_dir.mkdir(parents=True, exist_ok=True)
    if is_network_path(data_dir):
        report.problems.append(
            Say(
                "the data folder {folder} is on a network drive; SQLite needs a local disk to "
                "keep submissions safe",
                folder=data_dir,
            )
        )
    free = shutil.disk_usage(data_dir).free
    if free < min_free:
        report.problems.append(
            Say(
                "only {free_mb} MB free on the station's disk; new returns may not be saved",
                free_mb=free // (1024 * 1024),
            )
        )
    path = data_dir / DB_NAME
    problem = _check(path) if path.exists() else None
    store: OutboxStore | None = None
    if problem is None:
        try:
            store = OutboxStore(path)
        except sqlite3.DatabaseError as exc:
            problem = str(exc)
    if store is None and problem is not None and not repair:
        raise StorageError(
            f"the station database is damaged ({problem}); the station repairs it when it "
            "starts, or with any command that changes the outbox"
        )
    if store is None and problem is not None:
        report.quarantined = _quarantine(path)
        store = OutboxStore(path)
        report.salvaged_rows = _salvage(report.quarantined / DB_NAME, store)
        report.problems.append(
            Say(
                "the station database was damaged ({problem}); it was moved to {folder} and "
                "{rows} rows were recovered. Tell IT; the station keeps working with a new "
                "database",
                problem=problem,
                folder=report.quarantined,
                rows=report.salvaged_rows,
            )
        )
    assert store is not None
    conn = store.connection
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        report.problems.append(Say("the database is not in WAL mode"))
    if conn.execute("PRAGMA synchronous").fetchone()[0] != 2:
        report.problems.append(Say("the database is not in synchronous=FULL mode"))
    if not recover:
        return store, report
    try:
        report.recovered_inflight = store.recover_after_crash()
    except StorageError as exc:
        report.problems.append(str(exc))
    return store, report


def _check(path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if rows != [("ok",)]:
        return "; ".join(str(r[0]) for r in rows[:3])
    if tables and not {"outbox", "history"} <= tables:
        return "the file is not a ReturnDesk database"
    return None


def _quarantine(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.parent / f"damaged-{stamp}"
    target.mkdir()
    for suffix in ("", "-wal", "-shm", "-journal"):
        source = Path(str(path) + suffix)
        if source.exists():
            shutil.move(str(source), str(target / source.name))
    return target


def _salvage(damaged: Path, store: OutboxStore) -> int:
    """Copy every history and outbox row that can still be read; best effort."""
    if not damaged.exists():
        return 0
    copied = 0
    try:
        source = sqlite3.connect(f"file:{damaged}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    conn = store.connection
    # an outbox row whose history row is lost must still be kept: no foreign keys here
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table in ("history", "outbox"):
            try:
                cursor = source.execute(f"SELECT * FROM {table}")
                while True:
                    try:
                        row = cursor.fetchone()
                    except sqlite3.DatabaseError:
                        break
                    if row is None:
                        break
                    marks = ",".join("?" * len(row))
                    try:
                        conn.execute(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", row)
                        copied += 1
                    except sqlite3.Error:
                        continue
            except sqlite3.DatabaseError:
                continue
        conn.execute("COMMIT")
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        conn.execute("PRAGMA foreign_keys=ON")
        source.close()
    return copied
