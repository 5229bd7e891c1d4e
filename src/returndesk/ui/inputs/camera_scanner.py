"""Barcodes from a camera or from image files, for stations without a hand scanner.

Frames come from QtMultimedia (``QCamera`` → ``QVideoSink``); one frame at a time is decoded on
the background runner while newer frames are skipped, so the GUI thread only converts a frame
to an image. A code seen again within ``cooldown_ms`` is the same barcode still in view, not a
second scan. Image files take the same path (:meth:`read_file`).

Signals:
    scanned(RawScan): a barcode was read
    status_changed(str): "camera on", "no camera", or why the camera stopped
    file_read(str, int): an image file was decoded: its name and how many barcodes it held
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from returndesk.scanning.decode import decode_image
from returndesk.scanning.normaliser import RawScan
from returndesk.settings.scanner import CameraSettings
from returndesk.ui.common import multimedia
from returndesk.ui.common.cameras import find_camera
from returndesk.ui.common.tasks import TaskRunner

log = logging.getLogger(__name__)


class CameraScanSource(QObject):
    scanned = Signal(object)
    status_changed = Signal(str)
    file_read = Signal(str, int)

    def __init__(
        self,
        settings: CameraSettings,
        runner: TaskRunner,
        *,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._runner = runner
        self._clock = clock
        self._busy = False
        self._recent: dict[str, float] = {}
        #: QtMultimedia's objects, made only when a camera is started (image files need none)
        self.sink: Any = None
        self._session: Any = None
        self._camera: Any = None
        self.status = "camera off"

    # ------------------------------------------------------------------ camera
    def start_camera(self) -> bool:
        wanted = self._settings.device
        qm = multimedia.module()
        if qm is None:
            self._set_status(
                self.tr("camera unavailable ({why}): read image files instead").format(
                    why=multimedia.problem()
                )
            )
            return False
        device = find_camera(wanted)
        if device is None:
            self._set_status(
                self.tr("camera {name} not found").format(name=repr(wanted))
                if wanted
                else self.tr("no camera: read image files instead")
            )
            return False
        self._camera = qm.QCamera(device, self)
        self._camera.errorOccurred.connect(
            lambda _e, text: self._set_status(self.tr("camera: {error}").format(error=text))
        )
        self._session = qm.QMediaCaptureSession(self)
        self._session.setCamera(self._camera)
        self._session.setVideoSink(self.video_sink())
        self._camera.start()
        self._set_status(self.tr("camera on: {name}").format(name=device.description()))
        return True

    def video_sink(self) -> Any:
        """The ``QVideoSink`` frames arrive at, made on first use (QtMultimedia must load)."""
        if self.sink is None:
            qm = multimedia.module()
            if qm is None:
                raise RuntimeError(f"QtMultimedia cannot be loaded: {multimedia.problem()}")
            self.sink = qm.QVideoSink(self)
            self.sink.videoFrameChanged.connect(self._frame)
        return self.sink

    def stop(self) -> None:
        if self._camera is not None:
            self._camera.stop()

    def _frame(self, frame: Any) -> None:  # a QVideoFrame
        if self._busy or not frame.isValid():
            return  # the decoder is still on an older frame: this one is skipped
        image = frame.toImage()
        if image.isNull():
            return
        self._decode(lambda: decode_image(_grey(image), self._settings.formats))

    # ------------------------------------------------------------------ images
    def feed_image(self, image: QImage) -> None:
        """Decode one image as if it were a camera frame (skipped while one is decoding)."""
        if not self._busy:
            self._decode(lambda: decode_image(_grey(image), self._settings.formats))

    def read_file(self, path: Path) -> None:
        """Decode every barcode in an image file; never skipped, never cooled down."""

        def work() -> list[RawScan]:
            image = QImage(str(path))  # loading a QImage off the GUI thread is safe
            if image.isNull():
                raise ValueError(f"{path.name} is not an image this station can read")
            return decode_image(_grey(image), self._settings.formats, source="image")

        def done(scans: list[RawScan]) -> None:
            self.file_read.emit(path.name, len(scans))
            for scan in scans:
                self.scanned.emit(scan)

        def failed(exc: Exception) -> None:
            log.warning("image %s not read: %s", path, exc)
            self.file_read.emit(path.name, -1)

        self._runner.run(work, done, failed)

    # ------------------------------------------------------------------ decoding
    def _decode(self, work: Callable[[], list[RawScan]]) -> None:
        self._busy = True
        self._runner.run(work, self._decoded, self._failed)

    def _decoded(self, scans: list[RawScan]) -> None:
        self._busy = False
        now = self._clock()
        cooldown = self._settings.cooldown_ms / 1000
        self._recent = {text: t for text, t in self._recent.items() if now - t < cooldown}
        for scan in scans:
            if scan.text in self._recent:
                continue  # still in front of the camera
            self._recent[scan.text] = now
            self.scanned.emit(scan)

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        log.warning("camera frame not decoded: %s", exc)

    def _set_status(self, status: str) -> None:
        log.info("camera scanner: %s", status)
        self.status = status
        self.status_changed.emit(status)


def _grey(image: QImage) -> QImage:
    """The decoder reads 8-bit grey directly; frames arrive as RGB32, ARGB premultiplied …
    Converting here (on the worker) keeps that cost off the GUI thread."""
    return image.convertToFormat(QImage.Format.Format_Grayscale8)
