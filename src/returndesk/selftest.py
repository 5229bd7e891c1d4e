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


def run_self_test(config: Path | None = None, demo: bool = False) -> tuple[int, list[str]]:
    """Returns the exit code and the lines to print (the CLI prints them)."""
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

    from returndesk.settings.loader import load_settings
    from returndesk.settings.paths import Paths
    from returndesk.station import build_station, resolve_paths, wants_demo

    paths = Paths.default(config)
    settings = check("settings", lambda: load_settings(paths.config_file))
    station = None
    if settings is not None:
        use_demo = wants_demo(settings, demo)
        paths = resolve_paths(config, settings, use_demo)
        station = check("station", lambda: build_station(settings, paths, demo=use_demo))
    if station is not None:
        facts["environment"] = station.environment.value
        if station.demo:
            count = check("sandbox", lambda: len(station.returnmate.list_rmas(per_page=5).rmas))
            facts["sandbox_rmas"] = count
    check("database", lambda: facts.update(_check_database(paths)))
    if station is not None and station.fleet is not None:
        check("fleet database", lambda: facts.update(_fleet(station.fleet)))
    if station is not None:
        check("window", lambda: facts.update(_render(station)))
        check("scanner", lambda: facts.update(_scanner()))
        station.close()
    check("photos", lambda: facts.update(_photos()))
    check("multimedia", lambda: facts.update(_multimedia()))
    check("keyring", lambda: facts.update(_keyring()))
    facts["frozen"] = bool(getattr(sys, "frozen", False))
    if failures:
        return 1, ["FAILED self-test of ReturnDesk " + __version__] + [
            "  " + failure for failure in failures
        ]
    return 0, ["OK " + " ".join(f"{k}={v}" for k, v in facts.items())]


def _fleet(db: Any) -> dict[str, Any]:
    """The fleet database answers the station's role with the schema this station knows
    (FleetUnavailable says what is wrong: unreachable, refused, another schema)."""
    from returndesk.fleet.schema import current_version

    return {"fleet_schema": db.run(current_version)}


def _check_database(paths: Any) -> dict[str, Any]:
    """Exercise a scratch outbox, and check the station's own database without changing it.

    The real database is only read: a running station may be using it, and recovery of its
    in-flight rows is the running station's job.
    """
    from returndesk.outbox.model import Capture, Kind, Lane, NewItem
    from returndesk.outbox.startup import DB_NAME
    from returndesk.outbox.store import OutboxStore

    with tempfile.TemporaryDirectory() as scratch:
        store = OutboxStore(Path(scratch) / DB_NAME)
        try:
            store.capture(
                Capture("SELF-TEST", "self-test", {}),
                [NewItem(Kind.RMA_NOTE, {"rma_id": "self-test", "content": "check"})],
            )
            if store.claim_next(Lane.RETURNMATE) is None:
                raise RuntimeError("the outbox did not hand out its item")
            mode = store.connection.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                raise RuntimeError(f"journal mode is {mode}, not wal")
        finally:
            store.close()
    real = paths.data_dir / DB_NAME
    if not real.exists():
        return {"outbox": "new"}
    conn = sqlite3.connect(f"file:{real}?mode=ro", uri=True, timeout=10)
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        waiting = conn.execute(
            "SELECT count(*) FROM outbox WHERE state IN ('waiting','sending','unknown')"
        ).fetchone()[0]
    finally:
        conn.close()
    if check != "ok":
        raise RuntimeError(f"the station database at {real} is damaged: {check}")
    return {"outbox": "ok", "outbox_waiting": waiting}


def _render(station: Any) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication

    from returndesk.ui.admin.settings_screen import SettingsScreen
    from returndesk.ui.common.i18n import install_language
    from returndesk.ui.common.theme import STYLESHEET
    from returndesk.ui.wiring import build_window

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setStyleSheet(STYLESHEET)  # type: ignore[attr-defined]
    language = station.settings.station.language
    if not install_language(language):
        raise RuntimeError(f"the {language} translation is missing from this installation")
    window = build_window(station)
    # the admin's Settings screen builds from the same settings (every tab, every field)
    settings_screen = SettingsScreen()
    settings_screen.load(station.settings.model_dump(mode="json"), {}, False)
    window.screens.addWidget(settings_screen)
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
        "language": language,
        "qt": pyside_version,
        "platform": app.platformName(),  # type: ignore[attr-defined]
        "frame": f"{image.width()}x{image.height()}",
    }


def _scanner() -> dict[str, Any]:
    """A GS1 scan through the normaliser and classifier (biip and its GS1 tables, which an
    installation must carry), and a barcode decoded from an image (zxing-cpp)."""
    from returndesk.scanning.classifier import classify_scan
    from returndesk.scanning.decode import decode_image
    from returndesk.scanning.normaliser import RawScan, normalise
    from returndesk.settings.scanner import ScannerSettings

    parse = ScannerSettings().parse
    scan = normalise(RawScan("]C1010400638133393110ABC", "manual"), parse)
    found = classify_scan(scan, parse)
    if found.code != "4006381333931":
        raise RuntimeError(f"a GS1 label read as {found.describe()}")
    from returndesk.ui.common.barcodes import barcode_image

    reads = decode_image(barcode_image("4006381333931", "EAN13"), ["EAN13"], source="file")
    if [r.text for r in reads] != ["]E04006381333931"]:
        raise RuntimeError(f"an EAN-13 image decoded as {[r.text for r in reads]}")
    return {"scanner": "ok"}


#: every format the photo dialog offers: each is a Pillow plugin (and library) the bundle needs
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP", "BMP", "TIFF")


def _photos() -> dict[str, Any]:
    """The demo photo (drawn as the sandbox draws it) saved in every format an operator may
    pick and prepared as a station photo (Pillow: decode, upright, JPEG within budget)."""
    import io

    from returndesk.photos.prepare import prepare
    from returndesk.sandbox.demo_photos import draw

    drawn = draw(damaged=True).reduce(4)
    for fmt in PHOTO_FORMATS:
        buffer = io.BytesIO()
        drawn.save(buffer, fmt)
        prepared = prepare(buffer.getvalue(), long_edge=300, max_bytes=60_000)
        if not prepared.data.startswith(b"\xff\xd8"):
            raise RuntimeError(f"a {fmt} photo was not prepared as a JPEG")
    return {"photos": "ok"}


def _multimedia() -> dict[str, Any]:
    from PySide6.QtMultimedia import QMediaDevices, QMediaPlayer

    # a build that lost Qt's FFmpeg plugin has no camera and no photos: fail, not pass quietly
    if not QMediaPlayer().isAvailable():
        raise RuntimeError("QtMultimedia has no backend (the FFmpeg plugin is missing)")
    return {"multimedia": "ffmpeg", "audio_outputs": len(QMediaDevices.audioOutputs())}


def _keyring() -> dict[str, Any]:
    """Which keyring backend the station would use (secrets are read, never shown)."""
    from returndesk.settings.secrets import SecretStore, backend_is_secure

    store = SecretStore()
    name = store.backend_name().rsplit(".", 2)[-2]
    return {"keyring": name if backend_is_secure(store.backend) else f"{name}(insecure)"}
