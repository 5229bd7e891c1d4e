"""Writing a file so that a crash leaves the old file or the new one, never half of one."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, temporary: Path | None = None) -> None:
    """``temporary``: where the bytes wait before the rename (same folder; default
    ``<name>.part``), e.g. a dot file a web server does not list."""
    staging = temporary or path.with_name(path.name + ".part")
    with staging.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(staging, path)
