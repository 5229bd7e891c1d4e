"""Render the README's screenshots from the real window, offscreen.

Usage: .venv/bin/python packaging/dev/screenshots.py [OUTPUT_DIR]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from returndesk.app import build_station, build_window  # noqa: E402
from returndesk.settings.model import Settings  # noqa: E402
from returndesk.settings.paths import Paths  # noqa: E402
from returndesk.ui.theme import STYLESHEET  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(STYLESHEET)
    settings = Settings()
    station = build_station(settings, Paths.default(), demo=True)
    window = build_window(station)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    target = out / "ready.png"
    window.grab().save(str(target))
    print(f"wrote {target}")
    window.close()
    station.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
