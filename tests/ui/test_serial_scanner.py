"""Serial scanners on a pseudo-terminal: framing, chunked reads, bad bytes, unplug and replug."""

from __future__ import annotations

import contextlib
import os
import tty
from pathlib import Path

import pytest

from returndesk.scanning.normaliser import RawScan, ScanRejected, normalise
from returndesk.settings.scanner import GS, ParseSettings, SerialSettings
from returndesk.ui.inputs.serial_scanner import SerialScanSource


class Pty:
    """A serial device: the station opens ``link``; the test writes to ``master``."""

    def __init__(self, link: Path) -> None:
        self.link = link
        self.plug()

    def plug(self) -> None:
        self.master, self.slave = os.openpty()
        tty.setraw(self.slave)
        if self.link.is_symlink():
            self.link.unlink()
        self.link.symlink_to(os.ttyname(self.slave))  # like /dev/serial/by-id/…

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def unplug(self) -> None:
        os.close(self.master)
        os.close(self.slave)
        self.link.unlink()

    def close(self) -> None:
        for fd in (self.master, self.slave):
            with contextlib.suppress(OSError):
                os.close(fd)


@pytest.fixture
def device(tmp_path):
    pty = Pty(tmp_path / "scanner")
    yield pty
    pty.close()


@pytest.fixture
def source(qtbot, device):
    made: list[SerialScanSource] = []

    def make(**changes) -> tuple[SerialScanSource, list[RawScan]]:
        settings = SerialSettings(enabled=True, port=str(device.link), **changes)
        scanner = SerialScanSource(settings)
        scans: list[RawScan] = []
        scanner.scanned.connect(scans.append)
        made.append(scanner)
        return scanner, scans

    yield make
    for scanner in made:
        scanner.stop()


def texts(scans):
    return [scan.text for scan in scans]


@pytest.mark.parametrize(
    ("terminator", "data", "expected"),
    [
        ("CR", b"RMA-2026-000001\r#1001\r", ["RMA-2026-000001", "#1001"]),
        ("LF", b"RMA-2026-000001\n#1001\n", ["RMA-2026-000001", "#1001"]),
        ("CRLF", b"RMA-2026-000001\r\n#1001\r\n", ["RMA-2026-000001", "#1001"]),
        ("ETX", b"\x02RMA-2026-000001\x03\x02#1001\x03", ["RMA-2026-000001", "#1001"]),
        ("auto", b"A1001\r\nB1002\rC1003\n\x02D1004\x03", ["A1001", "B1002", "C1003", "D1004"]),
    ],
)
def test_framing(qtbot, device, source, terminator, data, expected):
    scanner, scans = source(terminator=terminator)
    assert scanner.open()
    device.write(data)
    qtbot.waitUntil(lambda: len(scans) == len(expected), timeout=3000)
    assert texts(scans) == expected


def test_a_frame_split_across_reads(qtbot, device, source):
    scanner, scans = source()
    assert scanner.open()
    for chunk in (b"]C1010400", b"6381333931", GS.encode() + b"10AB", b"C\r", b"\n"):
        device.write(chunk)
        qtbot.wait(20)
    qtbot.waitUntil(lambda: len(scans) == 1, timeout=3000)
    assert texts(scans) == ["]C10104006381333931" + GS + "10ABC"]  # GS kept as sent


def test_a_scanner_without_terminator_is_framed_by_silence(qtbot, device, source):
    scanner, scans = source(idle_flush_ms=50)
    assert scanner.open()
    device.write(b"4006381333931")
    qtbot.waitUntil(lambda: len(scans) == 1, timeout=3000)
    assert texts(scans) == ["4006381333931"]


def test_wrong_baud_garbage_is_refused(qtbot, device, source):
    scanner, scans = source()
    assert scanner.open()
    device.write(b"\xf0\x9f\xff\xfe\x80RM\xc3\r")
    qtbot.waitUntil(lambda: len(scans) == 1, timeout=3000)
    with pytest.raises(ScanRejected) as caught:
        normalise(scans[0], ParseSettings())
    assert caught.value.reason == "garbled"


def test_a_missing_port_is_retried_until_it_appears(qtbot, tmp_path, source, device):
    device.unplug()
    scanner, scans = source(reconnect_ms=100)
    assert not scanner.open()
    assert "retrying" in scanner.status
    device.plug()
    qtbot.waitUntil(lambda: scanner.connected, timeout=3000)
    device.write(b"#1001\r")
    qtbot.waitUntil(lambda: texts(scans) == ["#1001"], timeout=3000)


def test_unplug_and_replug_reconnects(qtbot, device, source):
    scanner, scans = source(reconnect_ms=100)
    statuses: list[str] = []
    scanner.status_changed.connect(statuses.append)
    assert scanner.open()
    device.write(b"#1001\r")
    qtbot.waitUntil(lambda: len(scans) == 1, timeout=3000)
    device.unplug()
    qtbot.waitUntil(lambda: not scanner.connected, timeout=3000)
    assert "retrying" in scanner.status
    device.plug()
    qtbot.waitUntil(lambda: scanner.connected, timeout=5000)
    device.write(b"#1002\r")
    qtbot.waitUntil(lambda: len(scans) == 2, timeout=3000)
    assert texts(scans) == ["#1001", "#1002"]
    assert statuses[-1] == "connected"


def test_a_busy_port_is_reported(qtbot, device, source):
    first, _ = source()
    assert first.open()
    second, _ = source(reconnect_ms=60_000)
    # a tty can be opened twice on Linux unless it is locked; Qt locks it
    opened = second.open()
    assert not opened
    assert "retrying" in second.status


@pytest.mark.qt_log_ignore(r".*")  # QtMultimedia reports missing PipeWire/VA-API here
def test_the_station_knows_its_serial_scanner_and_counts_its_scans(qtbot, device, demo_station):
    """What the heartbeat and the metrics say: connected or not, and scans by result."""
    from returndesk.settings.scanner import ScannerSettings
    from returndesk.ui.flows.scanner_flow import start_scanners

    station, window, _, router = demo_station
    window.show()
    window.show_screen(window.ready)
    settings = ScannerSettings(
        serial=SerialSettings(enabled=True, port=str(device.link), reconnect_ms=100)
    )
    scanners = start_scanners(settings, router, station.devices)
    try:
        qtbot.waitUntil(lambda: station.devices.scanner is True, timeout=3000)
        device.write(b"RMA-2026-000002\r")
        qtbot.waitUntil(lambda: station.devices.scans().get("parcel") == 1, timeout=3000)
        device.unplug()
        qtbot.waitUntil(lambda: station.devices.scanner is False, timeout=3000)
    finally:
        for scanner in scanners:
            scanner.stop()
