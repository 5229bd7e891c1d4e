import os
import shutil
import sqlite3

import pytest

from returndesk.outbox.model import Capture, Kind, Lane, NewItem
from returndesk.outbox.startup import (
    DB_NAME,
    AlreadyRunning,
    InstanceLock,
    filesystem_type,
    open_outbox,
)
from returndesk.outbox.store import OutboxStore
from tests.outbox_bodies import update_body

ROWS = 300


def fill(data_dir, rows=ROWS, keep_wal=False):
    """A database with ``rows`` captures; with keep_wal, a copy taken before checkpointing."""
    store = OutboxStore(data_dir / DB_NAME)
    store.connection.execute("PRAGMA wal_autocheckpoint=0")
    for n in range(rows):
        store.capture(
            Capture(f"R{n}", "rma", {"n": n, "pad": "x" * 200}),
            [NewItem(Kind.WMS_UPDATE, update_body(f"R{n}"))],
        )
    if keep_wal:
        snapshot = data_dir / "snapshot"
        snapshot.mkdir()
        for suffix in ("", "-wal", "-shm"):
            shutil.copy(str(data_dir / DB_NAME) + suffix, snapshot / (DB_NAME + suffix))
        store.close()
        for suffix in ("", "-wal", "-shm"):
            os.replace(snapshot / (DB_NAME + suffix), str(data_dir / DB_NAME) + suffix)
        snapshot.rmdir()
        return
    store.close()


def overwrite(path, offset, data):
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def page_size(path):
    with open(path, "rb") as handle:
        header = handle.read(18)
    return int.from_bytes(header[16:18], "big")


def corrupt_zero_header(d):
    overwrite(d / DB_NAME, 0, b"\0" * 100)


def corrupt_garbage_page(d):
    overwrite(d / DB_NAME, page_size(d / DB_NAME) * 3, os.urandom(4096))


def corrupt_truncate_half(d):
    os.truncate(d / DB_NAME, os.path.getsize(d / DB_NAME) // 2)


def corrupt_truncate_tiny(d):
    os.truncate(d / DB_NAME, 50)


def corrupt_not_a_database(d):
    (d / DB_NAME).write_bytes(b"hello, not sqlite" * 1000)


def corrupt_many_pages(d):
    size = page_size(d / DB_NAME)
    for page in range(2, 12, 2):
        overwrite(d / DB_NAME, page * size + 100, os.urandom(300))


def corrupt_page_size_field(d):
    overwrite(d / DB_NAME, 16, b"\x00\x03")


def corrupt_foreign_database(d):
    (d / DB_NAME).unlink()
    conn = sqlite3.connect(d / DB_NAME)
    conn.execute("CREATE TABLE photos (x)")
    conn.commit()
    conn.close()


def corrupt_last_page(d):
    size = os.path.getsize(d / DB_NAME)
    overwrite(d / DB_NAME, size - 2048, os.urandom(2048))


def corrupt_schema_page(d):
    overwrite(d / DB_NAME, 100, os.urandom(400))


def wal_garbage(d):
    overwrite(str(d / DB_NAME) + "-wal", 40, os.urandom(8192))


def wal_deleted(d):
    os.unlink(str(d / DB_NAME) + "-wal")


def shm_garbage(d):
    overwrite(str(d / DB_NAME) + "-shm", 0, os.urandom(4096))


PLAIN = [
    corrupt_zero_header,
    corrupt_garbage_page,
    corrupt_truncate_half,
    corrupt_truncate_tiny,
    corrupt_not_a_database,
    corrupt_many_pages,
    corrupt_page_size_field,
    corrupt_foreign_database,
    corrupt_last_page,
    corrupt_schema_page,
]
WITH_WAL = [wal_garbage, wal_deleted, shm_garbage]


@pytest.mark.parametrize("damage", PLAIN + WITH_WAL, ids=lambda f: f.__name__)
def test_damaged_database_never_crashes_and_the_station_keeps_working(tmp_path, damage):
    fill(tmp_path, keep_wal=damage in WITH_WAL)
    damage(tmp_path)
    store, report = open_outbox(tmp_path, min_free=0)
    try:
        if report.quarantined is not None:
            assert (report.quarantined / DB_NAME).exists()
            assert "was damaged" in report.problems[0]
            assert "rows were recovered" in report.problems[0]
        store.capture(Capture("NEW", "rma", {}), [NewItem(Kind.WMS_UPDATE, update_body("NEW"))])
        assert store.claim_next(Lane.NSHIFT) is not None
        assert store.connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        store.close()


def test_mild_damage_is_quarantined_and_rows_salvaged(tmp_path):
    fill(tmp_path)
    corrupt_last_page(tmp_path)
    store, report = open_outbox(tmp_path, min_free=0)
    assert report.quarantined is not None
    assert report.salvaged_rows > ROWS  # most history and outbox rows came back
    assert store.counts().waiting > ROWS // 2
    store.close()


def test_healthy_database_opens_without_problems_and_recovers_inflight(tmp_path):
    fill(tmp_path, rows=3)
    store = OutboxStore(tmp_path / DB_NAME)
    store.claim_next(Lane.NSHIFT)
    store.close()
    store, report = open_outbox(tmp_path, min_free=0)
    assert report.problems == []
    assert report.quarantined is None
    assert report.recovered_inflight == 1
    assert store.connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert store.connection.execute("PRAGMA synchronous").fetchone() == (2,)
    store.close()


def test_low_disk_space_is_reported(tmp_path):
    store, report = open_outbox(tmp_path, min_free=10**18)
    assert any("free on the station's disk" in p for p in report.problems)
    store.close()


def test_one_station_per_data_folder(tmp_path):
    first = InstanceLock(tmp_path)
    first.acquire()
    with pytest.raises(AlreadyRunning, match="already running"):
        InstanceLock(tmp_path).acquire()
    first.release()
    second = InstanceLock(tmp_path)
    second.acquire()
    second.release()


def test_filesystem_type_of_a_local_folder(tmp_path):
    assert filesystem_type(tmp_path) not in {"nfs", "cifs"}


def test_a_network_data_folder_is_reported(tmp_path, monkeypatch):
    import returndesk.outbox.startup as startup

    monkeypatch.setattr(startup, "filesystem_type", lambda path: "nfs4")
    store, report = open_outbox(tmp_path, min_free=0)
    store.close()
    assert any("network drive" in p for p in report.problems)


def test_journal_and_sync_modes_are_checked(tmp_path, monkeypatch):
    import returndesk.outbox.startup as startup

    class Weakened(OutboxStore):
        def __init__(self, path):
            super().__init__(path)
            self.connection.execute("PRAGMA journal_mode=DELETE")
            self.connection.execute("PRAGMA synchronous=NORMAL")

    monkeypatch.setattr(startup, "OutboxStore", Weakened)
    store, report = open_outbox(tmp_path, min_free=0)
    store.close()
    assert "the database is not in WAL mode" in report.problems
    assert "the database is not in synchronous=FULL mode" in report.problems
