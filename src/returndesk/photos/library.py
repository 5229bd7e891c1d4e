"""The station's own copies: each photo's original and prepared file under the data folder.

Files are grouped by day so retention is a matter of removing old day folders. Names are
random (``secrets.token_urlsafe``): the same name is used when the prepared file is published,
so a public URL cannot be guessed from another one.
"""

from __future__ import annotations

import secrets
import shutil
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from returndesk.core.files import write_atomically
from returndesk.photos.prepare import PreparedPhoto

DAY_FORMAT = "%Y-%m-%d"


@dataclass(frozen=True, slots=True)
class StoredPhoto:
    #: the published file name: random, with its extension
    name: str
    original: Path
    prepared: Path
    sha256: str
    original_sha256: str
    taken_at: datetime


def new_name() -> str:
    """24 random bytes, URL-safe: as hard to guess as a password."""
    return secrets.token_urlsafe(24) + ".jpg"


class PhotoLibrary:
    def __init__(self, root: Path) -> None:
        self.root = root

    def keep(
        self, original: bytes, prepared: PreparedPhoto, *, suffix: str, now: datetime | None = None
    ) -> StoredPhoto:
        taken = now or datetime.now(UTC)
        folder = self.root / taken.strftime(DAY_FORMAT)
        folder.mkdir(parents=True, exist_ok=True)
        name = new_name()
        stem = name.removesuffix(".jpg")
        original_path = folder / f"{stem}.original{suffix.lower()}"
        prepared_path = folder / name
        write_atomically(original_path, original)
        write_atomically(prepared_path, prepared.data)
        return StoredPhoto(
            name, original_path, prepared_path, prepared.sha256, prepared.original_sha256, taken
        )

    def prune(self, retention_days: int, *, today: date | None = None) -> int:
        """Remove day folders older than the retention; how many were removed."""
        cutoff = (today or datetime.now(UTC).date()) - timedelta(days=retention_days)
        removed = 0
        if not self.root.is_dir():
            return 0
        for folder in self.root.iterdir():
            try:
                day = date.fromisoformat(folder.name)  # folders are named YYYY-MM-DD (UTC)
            except ValueError:
                continue  # not ours: left alone
            if day < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        return removed
