"""A Zebra-like label printer on a loopback port, for tests: it answers ``~HS`` with the flags
it is set to, keeps every ZPL format it receives, and can be stopped and started again on the
same port (a printer switched off and on).

Also here: reading a received format back — its commands checked against the ZPL manual's
catalogue (zpl-core), its field data un-escaped (``^FH``) — so tests assert on what a printer
would print, not on the bytes the station meant to send.
"""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from dataclasses import dataclass, field

from zpl_core.builder import validate_zpl

STX, ETX = "\x02", "\x03"


@dataclass
class LoopbackPrinter:
    port: int = 0
    paper_out: bool = False
    paused: bool = False
    #: every complete format received (^XA … ^XZ), in order
    formats: list[str] = field(default_factory=list)
    #: when each format was in (``time.perf_counter()``: the connection it came on closed)
    arrivals: list[float] = field(default_factory=list)
    status_queries: int = 0
    _sock: socket.socket | None = None
    _thread: threading.Thread | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> LoopbackPrinter:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        sock.listen(8)
        self.port = sock.getsockname()[1]
        self._sock = sock
        self._thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Switched off: the port refuses connections."""
        sock, self._sock = self._sock, None
        if sock is not None:
            # close() alone leaves a thread blocked in accept() holding the port open
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        if self._thread is not None:
            self._thread.join(5)

    def _serve(self, sock: socket.socket) -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            threading.Thread(target=self._client, args=(conn,), daemon=True).start()

    def _client(self, conn: socket.socket) -> None:
        data = b""
        with conn:
            conn.settimeout(5)
            while True:
                try:
                    chunk = conn.recv(65536)
                except OSError:
                    break
                if not chunk:
                    break
                data += chunk
                while b"~HS" in data:
                    data = data.replace(b"~HS", b"", 1)
                    self.status_queries += 1
                    conn.sendall(self._host_status())
        text = data.decode("utf-8")
        arrived = time.perf_counter()
        with self._lock:
            found = re.findall(r"\^XA.*?\^XZ", text, flags=re.DOTALL)
            self.formats += found
            self.arrivals += [arrived] * len(found)

    def _host_status(self) -> bytes:
        first = f"030,{int(self.paper_out)},{int(self.paused)},0408,000,0,0,0,000,0,0,0"
        second = "001,0,0,0,1,2,6,0,00000000,1,000"
        return f"{STX}{first}{ETX}\r\n{STX}{second}{ETX}\r\n{STX}1234,0{ETX}\r\n".encode()

    def wait_for(self, count: int, timeout: float = 15.0) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.formats) >= count:
                    return list(self.formats)
            time.sleep(0.02)
        raise AssertionError(f"the printer got {len(self.formats)} of {count} labels")


@dataclass(frozen=True)
class PrintedLabel:
    """A received format read back: its text fields and its barcodes' data."""

    texts: list[str]
    barcodes: list[str]

    @property
    def plate_id(self) -> str:
        assert len(self.barcodes) == 1, self.barcodes
        return self.barcodes[0]


def read_back(zpl: str) -> PrintedLabel:
    """Parse a format as a printer would; fails on anything the ZPL manual does not know."""
    issues = validate_zpl(zpl)
    assert not issues, issues
    texts, barcodes = [], []
    for field_def in re.findall(r"\^FO.*?\^FS", zpl, flags=re.DOTALL):
        data = re.search(r"\^FD(.*?)(?:\\&)?\^FS", field_def, flags=re.DOTALL)
        if data is None:
            continue  # a box
        value = data.group(1)
        if "^FH" in field_def:
            value = _unhex(value)
        if re.search(r"\^B[A-Z0-9]", field_def):
            barcodes.append(value)
        else:
            texts.append(value)
    return PrintedLabel(texts, barcodes)


def _unhex(value: str) -> str:
    raw = re.sub(rb"_([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), value.encode())
    return raw.decode("utf-8")
