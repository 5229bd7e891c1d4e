"""Serial and USB-CDC scanners: a port name typed by IT, framed reads, reconnect after unplugging.

Serial mode is the most reliable scanner link: no keyboard layout, the GS separator arrives as
sent, and the station needs no focus. The port name is free text because the OS does not list
every device (``/dev/serial/by-id/…`` links, virtual ports). A port that is missing, busy or
unplugged is retried every ``reconnect_ms``; the status signal says what is happening.

Signals:
    scanned(RawScan): a complete frame
    status_changed(str): "connected", or why not (for the header and the support log)
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtSerialPort import QSerialPort

from returndesk.scanning.framing import FrameTooLong, LineAssembler
from returndesk.scanning.normaliser import RawScan
from returndesk.settings.scanner import SerialSettings

log = logging.getLogger(__name__)

_PARITY = {
    "none": QSerialPort.Parity.NoParity,
    "even": QSerialPort.Parity.EvenParity,
    "odd": QSerialPort.Parity.OddParity,
    "mark": QSerialPort.Parity.MarkParity,
    "space": QSerialPort.Parity.SpaceParity,
}
_FLOW = {
    "none": QSerialPort.FlowControl.NoFlowControl,
    "hardware": QSerialPort.FlowControl.HardwareControl,
    "software": QSerialPort.FlowControl.SoftwareControl,
}
_STOP_BITS = {1: QSerialPort.StopBits.OneStop, 2: QSerialPort.StopBits.TwoStop}
_DATA_BITS = {
    5: QSerialPort.DataBits.Data5,
    6: QSerialPort.DataBits.Data6,
    7: QSerialPort.DataBits.Data7,
    8: QSerialPort.DataBits.Data8,
}
#: errors after which the port is closed and opened again later
_LOST = {
    QSerialPort.SerialPortError.ResourceError,
    QSerialPort.SerialPortError.DeviceNotFoundError,
    QSerialPort.SerialPortError.PermissionError,
    QSerialPort.SerialPortError.OpenError,
}


class SerialScanSource(QObject):
    scanned = Signal(object)
    status_changed = Signal(str)

    def __init__(self, settings: SerialSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._frames = LineAssembler(settings.terminator)
        self._port = QSerialPort(self)
        self._port.readyRead.connect(self._read)
        self._port.errorOccurred.connect(self._error)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(settings.idle_flush_ms)
        self._idle.timeout.connect(self._flush)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(settings.reconnect_ms)
        self._retry.timeout.connect(self.open)
        self._stopped = False
        self.status = "not connected"

    @property
    def connected(self) -> bool:
        return self._port.isOpen()

    def open(self) -> bool:
        if self._stopped:
            return False
        settings = self._settings
        port = self._port
        port.setPortName(settings.port)
        port.setBaudRate(settings.baud)
        port.setDataBits(_DATA_BITS[settings.data_bits])
        port.setParity(_PARITY[settings.parity])
        port.setStopBits(_STOP_BITS[settings.stop_bits])
        port.setFlowControl(_FLOW[settings.flow])
        if not port.open(QSerialPort.OpenModeFlag.ReadOnly):
            self._set_status(
                self.tr("{port}: {error} — retrying").format(
                    port=settings.port, error=port.errorString()
                )
            )
            self._retry.start()
            return False
        self._frames = LineAssembler(settings.terminator)
        self._set_status("connected")
        return True

    def stop(self) -> None:
        self._stopped = True
        self._retry.stop()
        self._idle.stop()
        if self._port.isOpen():
            self._port.close()

    def _read(self) -> None:
        data = bytes(self._port.readAll().data())
        try:
            frames = self._frames.feed(data)
        except FrameTooLong as exc:
            log.warning("serial scanner %s: %s (check the baud rate)", self._settings.port, exc)
            frames = []
        for frame in frames:
            self._emit(frame)
        if self._frames.pending:
            self._idle.start()
        else:
            self._idle.stop()

    def _flush(self) -> None:
        frame = self._frames.flush()
        if frame:
            self._emit(frame)

    def _emit(self, text: str) -> None:
        self.scanned.emit(RawScan(text, "serial"))

    def _error(self, error: QSerialPort.SerialPortError) -> None:
        if error not in _LOST or self._stopped:
            return
        message = self._port.errorString()
        if self._port.isOpen():
            self._port.close()  # the device is gone; its handle is useless
        self._set_status(
            self.tr("{port}: {error} — retrying").format(port=self._settings.port, error=message)
        )
        if not self._retry.isActive():
            self._retry.start()

    def _set_status(self, status: str) -> None:
        if status != self.status:
            log.info("serial scanner: %s", status)
            self.status = status
            self.status_changed.emit(status)
