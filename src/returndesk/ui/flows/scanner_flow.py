"""The scanners the settings turn on, feeding the router: the keyboard wedge always, a serial
scanner and a camera where configured, image files always; their status on the banner and the
scanner test sheet saved from the Scanner check screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from returndesk.fleet.health import DeviceState
from returndesk.settings.scanner import ScannerSettings
from returndesk.ui.flows.scan_router import ScanRouter


def start_scanners(
    settings: ScannerSettings, router: ScanRouter, devices: DeviceState | None = None
) -> list[Any]:
    """The scanner sources the settings turn on, feeding ``router``; each has ``stop()``.
    ``devices`` hears whether a serial scanner answers (metrics, heartbeat)."""
    from PySide6.QtCore import QCoreApplication

    from returndesk.ui.common.tasks import TaskRunner
    from returndesk.ui.inputs.barcode_image import write_test_sheet
    from returndesk.ui.inputs.camera_scanner import CameraScanSource
    from returndesk.ui.inputs.serial_scanner import SerialScanSource
    from returndesk.ui.inputs.wedge import WedgeScanSource

    window = router.window
    sources: list[Any] = []
    wedge = WedgeScanSource(settings.wedge, parent=router)
    wedge.install()
    router.attach(wedge)
    sources.append(wedge)
    if settings.serial.enabled:
        serial = SerialScanSource(settings.serial, parent=router)
        router.attach(serial)

        def serial_status(status: str) -> None:
            if devices is not None:
                devices.scanner = status == "connected"
            if status != "connected":
                window.banner.show_message(
                    QCoreApplication.translate("Scanners", "Serial scanner: {status}").format(
                        status=status
                    )
                )

        serial.status_changed.connect(serial_status)
        serial.open()
        sources.append(serial)
    # images are read even without a camera: a station without any scanner uses files
    images = TaskRunner(parent=router)
    camera = CameraScanSource(settings.camera, images, parent=router)
    router.attach(camera)
    window.ready.image_chosen.connect(lambda path: camera.read_file(Path(path)))
    camera.file_read.connect(window.ready.image_read)

    def save_sheet(path: str) -> None:
        images.run(
            lambda: write_test_sheet(Path(path)),
            lambda written: window.banner.show_message(
                QCoreApplication.translate("Scanners", "Scanner test sheet saved: {path}").format(
                    path=written
                )
            ),
            lambda exc: window.banner.show_message(
                QCoreApplication.translate(
                    "Scanners", "The test sheet was not saved: {error}"
                ).format(error=exc)
            ),
        )

    window.scanner_check.save_requested.connect(save_sheet)
    if settings.camera.enabled and not camera.start_camera():
        window.banner.show_message(camera.status)
    sources.append(camera)
    return sources
