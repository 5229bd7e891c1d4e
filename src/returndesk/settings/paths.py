"""Where the station keeps its files. Resolved in ``main()``, never at import time."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "ReturnDesk"


@dataclass(frozen=True, slots=True)
class Paths:
    config_file: Path
    data_dir: Path
    log_dir: Path

    @classmethod
    def default(cls, config_file: Path | None = None, data_dir: str = "") -> Paths:
        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            config_file=config_file or Path(dirs.user_config_dir) / "settings.toml",
            data_dir=Path(data_dir) if data_dir else Path(dirs.user_data_dir),
            log_dir=Path(dirs.user_log_dir),
        )

    def for_demo(self) -> Paths:
        """Demo (training) data lives apart: a demo submission must never reach a live
        vendor when the same station is configured for production later."""
        return Paths(self.config_file, self.data_dir / "demo", self.log_dir)
