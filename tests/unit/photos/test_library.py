"""The station's copies of photos: random names, atomic files, retention by day."""

from __future__ import annotations

from datetime import UTC, date, datetime

from returndesk.photos.library import PhotoLibrary, new_name
from returndesk.photos.prepare import PreparedPhoto


def prepared(data: bytes = b"jpeg") -> PreparedPhoto:
    return PreparedPhoto(data, "a" * 64, 10, 10, 85, "b" * 64)


def test_names_cannot_be_guessed():
    names = {new_name() for _ in range(1000)}
    assert len(names) == 1000
    assert all(len(name) == 36 and name.endswith(".jpg") for name in names)
    assert all("/" not in name and "+" not in name for name in names)


def test_original_and_prepared_are_kept_by_day(tmp_path):
    library = PhotoLibrary(tmp_path / "photos")
    taken = datetime(2026, 11, 24, 9, 30, tzinfo=UTC)
    stored = library.keep(b"original", prepared(b"small"), suffix=".JPG", now=taken)
    assert stored.prepared.read_bytes() == b"small"
    assert stored.original.read_bytes() == b"original"
    assert stored.original.name.endswith(".original.jpg")
    assert stored.prepared.parent.name == "2026-11-24"
    assert not list(stored.prepared.parent.glob("*.part"))


def test_retention_removes_old_days_only(tmp_path):
    root = tmp_path / "photos"
    library = PhotoLibrary(root)
    for day in (1, 20, 24):
        library.keep(b"o", prepared(), suffix=".png", now=datetime(2026, 11, day, tzinfo=UTC))
    (root / "notes").mkdir()
    assert library.prune(7, today=date(2026, 11, 24)) == 1
    assert sorted(p.name for p in root.iterdir()) == ["2026-11-20", "2026-11-24", "notes"]
