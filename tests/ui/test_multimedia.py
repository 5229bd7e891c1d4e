"""Camera and sounds are optional: a station whose QtMultimedia cannot load starts, says why
on the banner, and receives parcels; photos come from files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from returndesk.ui.common import multimedia
from returndesk.ui.common.tasks import TaskRunner
from returndesk.ui.photos.photo_dialog import PhotoDialog
from returndesk.ui.wiring import report_multimedia

#: as when PulseAudio's client library is missing: importing the module fails
BLOCKED = ("PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets")


@pytest.fixture
def no_multimedia(monkeypatch):
    for name in BLOCKED:
        monkeypatch.setitem(sys.modules, name, None)  # "import" now raises ImportError
    multimedia.forget()
    yield
    multimedia.forget()


def test_without_qtmultimedia_the_banner_says_so_and_a_parcel_is_received(
    qtbot, demo_station, no_multimedia
):
    from tests.ui.test_receiving_flow import scan, submit

    _, window, store, _ = demo_station
    window.show()
    report_multimedia(window, TaskRunner(parent=window, synchronous=True))
    assert window.banner.isVisibleTo(window)
    text = window.banner.label.text()
    assert "Camera and sounds are unavailable" in text
    assert "QtMultimedia" in text  # and why
    scan(qtbot, window.ready.code, "RMA-2026-000001")
    assert window.screens.currentWidget() is window.items
    qtbot.mouseClick(window.items.accept_all, Qt.MouseButton.LeftButton)
    submit(qtbot, window)
    assert window.ready.status.text().startswith("✓ RMA-2026-000001")
    assert store.counts().pending >= 1


def test_without_qtmultimedia_photos_come_from_files(qtbot, tmp_path, no_multimedia):
    dialog = PhotoDialog("SKU-1 — Jacket", runner=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    assert not dialog.has_camera
    assert "camera cannot be used" in dialog.note.text()
    assert not dialog.capture.isEnabled()
    from PySide6.QtGui import QColor, QImage

    photo = tmp_path / "front.jpg"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#8d6e63"))
    assert image.save(str(photo))
    dialog.add_files([photo])
    assert "1" in dialog.count.text()
    assert not dialog.thumbnails.itemAt(0).widget().pixmap().isNull()


def test_without_qtmultimedia_the_tones_are_silent_and_say_why(qtbot, tmp_path, no_multimedia):
    from returndesk.ui.common.sounds import Sounds

    tone = tmp_path / "bad.wav"
    tone.write_bytes(b"RIFF")
    sounds = Sounds({"good": tone, "bad": tone})
    cues = []
    sounds.cue.connect(cues.append)
    sounds.bad()  # never a crash: the cue is still given for the screen's flash
    assert cues == ["bad"]
    assert "QtMultimedia cannot be loaded" in (sounds.silent_because or "")


def test_with_qtmultimedia_nothing_is_said(qtbot, demo_station):
    _, window, _, _ = demo_station
    multimedia.forget()
    report_multimedia(window, TaskRunner(parent=window, synchronous=True))
    assert not window.banner.isVisibleTo(window)


def test_the_station_starts_when_qtmultimedia_cannot_be_imported(tmp_path):
    """The whole import chain of a start, in a process where the module cannot load."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var)
    code = (
        "import sys\n"
        f"for name in {BLOCKED!r}: sys.modules[name] = None\n"
        "from returndesk.cli import main\n"
        "sys.exit(main(['--demo', '--exit-after-first-frame']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["first frame: SignOnScreen"]
