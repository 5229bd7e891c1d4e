"""Finding the station's camera, for photos and for reading barcodes."""

from __future__ import annotations

from typing import Any

from returndesk.ui.common import multimedia


def find_camera(wanted: str) -> Any | None:
    """The camera (a ``QCameraDevice``) named or identified by ``wanted``; with ``wanted``
    empty, the default one; None when there is none or QtMultimedia cannot be loaded (a
    station without a camera works with files instead)."""
    qm = multimedia.module()
    if qm is None:
        return None
    devices = qm.QMediaDevices.videoInputs()
    for device in devices:
        if wanted and wanted in (device.description(), bytes(device.id().data()).decode()):
            return device
    if devices and not wanted:
        return qm.QMediaDevices.defaultVideoInput()
    return None


def is_selfie(device: Any) -> bool:
    """A camera facing the operator (a laptop's webcam): its preview is shown mirrored."""
    qm = multimedia.module()
    return qm is not None and device.position() == qm.QCameraDevice.Position.FrontFace
