"""Finding the station's camera, for photos and for reading barcodes."""

from __future__ import annotations

from PySide6.QtMultimedia import QCameraDevice, QMediaDevices


def find_camera(wanted: str) -> QCameraDevice | None:
    """The camera named or identified by ``wanted``; with ``wanted`` empty, the default one;
    None when there is none (a station without a camera works with files instead)."""
    devices = QMediaDevices.videoInputs()
    for device in devices:
        if wanted and wanted in (device.description(), bytes(device.id().data()).decode()):
            return device
    if devices and not wanted:
        return QMediaDevices.defaultVideoInput()
    return None


def is_selfie(device: QCameraDevice) -> bool:
    """A camera facing the operator (a laptop's webcam): its preview is shown mirrored."""
    return device.position() == QCameraDevice.Position.FrontFace
