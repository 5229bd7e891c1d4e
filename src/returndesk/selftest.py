"""``returndesk --self-test``: build the whole application offscreen and render one frame.

Installers and CI run this; it prints one line starting with ``OK`` and exits 0, or prints
each failed check and exits 1.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from returndesk import __version__


def run_self_test(config: Path | None = None, demo: bool = False) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    facts: dict[str, Any] = {"version": __version__}
    failures: list[str] = []

    def check(name: str, step: Callable[[], Any]) -> Any:
        try:
            return step()
        except Exception as exc:
            failures.append(f"{name}: {type(exc).__name__}: {exc}")
            if os.environ.get("RETURNDESK_SELF_TEST_TRACE"):
                traceback.print_exc()
            return None

    from returndesk.app import build_station, wants_demo
    from returndesk.settings.loader import load_settings
    from returndesk.settings.paths import Paths

    paths = Paths.default(config)
    settings = check("settings", lambda: load_settings(paths.config_file))
    station = None
    if settings is not None:
        use_demo = wants_demo(settings, demo)
        station = check("station", lambda: build_station(settings, paths, demo=use_demo))
    if station is not None:
        facts["environment"] = station.environment.value
        if station.demo:
            count = check("sandbox", lambda: len(station.returnmate.list_rmas(per_page=5).rmas))
            facts["sandbox_rmas"] = count
    check("database", _check_sqlite)
    if station is not None:
        check("window", lambda: facts.update(_render(station)))
        station.close()
    check("multimedia", lambda: facts.update(_multimedia()))
    if failures:
        print("FAILED self-test of ReturnDesk " + __version__)
        for failure in failures:
            print("  " + failure)
        return 1
    print("OK " + " ".join(f"{k}={v}" for k, v in facts.items()))
    return 0


def _check_sqlite() -> None:
    """WAL + FULL on a scratch file, as the outbox will use them."""
    with tempfile.TemporaryDirectory() as scratch:
        conn = sqlite3.connect(Path(scratch) / "check.db")
        try:
            mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("CREATE TABLE t (x)")
            conn.execute("INSERT INTO t VALUES (1)")
            conn.commit()
            if mode != "wal":
                raise RuntimeError(f"journal mode is {mode}, not wal")
        finally:
            conn.close()


def _render(station: Any) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from returndesk.app import build_window
    from returndesk.ui.theme import STYLESHEET

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyleSheet(STYLESHEET)  # type: ignore[attr-defined]
    window = build_window(station)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    image = window.grab().toImage()
    window.close()
    if image.isNull() or image.width() < 100:
        raise RuntimeError("the main window rendered no frame")
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)
    }
    if len(colours) < 3:
        raise RuntimeError("the rendered frame is blank")
    from PySide6 import __version__ as pyside_version

    return {
        "qt": pyside_version,
        "platform": app.platformName(),  # type: ignore[attr-defined]
        "frame": f"{image.width()}x{image.height()}",
    }


def _multimedia() -> dict[str, Any]:
    from PySide6.QtMultimedia import QMediaDevices

    return {"audio_outputs": len(QMediaDevices.audioOutputs())}
