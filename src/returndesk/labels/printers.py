"""The printers a label goes to: a raw port (9100), a CUPS raw queue, the Windows spooler in
RAW mode, or a PDF file per label.

Every failure is a :class:`VendorError` of the outbox's kinds, so a printer that is off or out
of labels makes its jobs wait (the printer lane backs off and tries again) and never blocks
receiving. Only a label whose bytes all went out and whose arrival is then in doubt is
``OutcomeUnknown``: it may be on the bench already, so it is never printed again by itself.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from returndesk.labels.content import LabelData
from returndesk.labels.zpl_label import DEFAULT_STOCK, Stock, label_zpl
from returndesk.vendors.errors import (
    ConfigurationError,
    ConnectFailed,
    OutcomeUnknown,
    RetryableError,
)

log = logging.getLogger(__name__)

VENDOR = "Label printer"


class PrinterNotReady(ConnectFailed):
    """The printer answered that it cannot print now: out of labels, paused, head open. Like
    no connection, it has no label: the job waits, without using up its attempts."""


class Printer(Protocol):
    #: what the header and the logs call it ("printer 10.0.0.7:9100")
    name: str

    def print_label(self, label: LabelData) -> int:
        """Print one label; returns the bytes handed over. Raises a VendorError."""
        ...


# ---------------------------------------------------------------------- raw port (9100)
STX, ETX = b"\x02", b"\x03"


@dataclass(frozen=True, slots=True)
class HostStatus:
    """The flags of a ZPL printer's ``~HS`` answer that stop it printing."""

    paper_out: bool
    paused: bool
    head_open: bool
    ribbon_out: bool

    @property
    def problem(self) -> str | None:
        for flag, words in (
            (self.paper_out, "out of labels"),
            (self.head_open, "the print head is open"),
            (self.ribbon_out, "out of ribbon"),
            (self.paused, "paused"),
        ):
            if flag:
                return words
        return None


def parse_host_status(answer: bytes) -> HostStatus:
    """``~HS`` answers three STX…ETX strings; the first holds the paper-out (2nd field) and
    pause (3rd) flags, the second the head-up (3rd) and ribbon-out (4th) flags."""
    frames = [part.split(ETX, 1)[0] for part in answer.split(STX)[1:]]
    if len(frames) < 2:
        raise ValueError("not a host status answer")
    first = frames[0].decode("ascii", "replace").split(",")
    second = frames[1].decode("ascii", "replace").split(",")
    if len(first) < 3 or len(second) < 4:
        raise ValueError("a host status answer with too few fields")
    return HostStatus(
        paper_out=first[1].strip() == "1",
        paused=first[2].strip() == "1",
        head_open=second[2].strip() == "1",
        ribbon_out=second[3].strip() == "1",
    )


class TcpZplPrinter:
    """A Zebra-compatible printer's raw TCP port."""

    def __init__(
        self,
        host: str,
        port: int = 9100,
        *,
        stock: Stock = DEFAULT_STOCK,
        timeout: float = 5.0,
        check_status: bool = True,
    ) -> None:
        self.host, self.port, self.stock = host, port, stock
        self.timeout, self.check_status = timeout, check_status
        self.name = f"printer {host}:{port}"

    def print_label(self, label: LabelData) -> int:
        return self.send(label_zpl(label, self.stock))

    def send(self, data: bytes) -> int:
        try:
            sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        except OSError as exc:
            raise ConnectFailed(
                f"{self.name} cannot be reached ({_reason(exc)})", vendor=VENDOR
            ) from None
        with sock:
            if self.check_status:
                self._ready_or_raise(sock)
            try:
                sock.sendall(data)
            except OSError as exc:
                # an unfinished format (no ^XZ) is discarded by the printer: safe to send again
                raise RetryableError(
                    f"{self.name}: the connection broke while sending ({_reason(exc)})",
                    vendor=VENDOR,
                ) from None
            try:
                # the printer has it all once it closes its side after ours
                sock.shutdown(socket.SHUT_WR)
                while sock.recv(4096):
                    pass
            except TimeoutError:
                pass  # many printers keep the port open: the bytes were accepted
            except OSError as exc:
                raise OutcomeUnknown(
                    f"{self.name}: the label was sent, then the connection failed "
                    f"({_reason(exc)}); check the printer before reprinting",
                    vendor=VENDOR,
                ) from None
        return len(data)

    def _ready_or_raise(self, sock: socket.socket) -> None:
        try:
            sock.sendall(b"~HS")
            answer = _read_frames(sock, 3)
            status = parse_host_status(answer)
        except (OSError, ValueError) as exc:
            raise PrinterNotReady(
                f"{self.name} did not answer its status ({_reason(exc)}); turn "
                "[printer] check_status off for a printer that cannot",
                vendor=VENDOR,
            ) from None
        if status.problem:
            raise PrinterNotReady(f"{self.name} is {status.problem}", vendor=VENDOR)


def _read_frames(sock: socket.socket, frames: int) -> bytes:
    data = b""
    while data.count(ETX) < frames:
        chunk = sock.recv(1024)
        if not chunk:
            raise ValueError("the printer closed the connection")
        data += chunk
        if len(data) > 4096:
            raise ValueError("an answer too long for a host status")
    return data


def _reason(exc: BaseException) -> str:
    if isinstance(exc, TimeoutError):
        return "no answer in time"
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return str(text)


# ---------------------------------------------------------------------- CUPS (Linux)
class CupsRawPrinter:
    """A CUPS queue taking raw data (``-o raw``): CUPS itself keeps the job once it has it."""

    def __init__(self, queue: str, *, stock: Stock = DEFAULT_STOCK, connect: Any = None) -> None:
        self.queue, self.stock = queue, stock
        self.name = f"CUPS queue {queue}"
        self._connect = connect

    def print_label(self, label: LabelData) -> int:
        data = label_zpl(label, self.stock)
        connection = self._connection()
        import cups  # only where CUPS printing is chosen

        try:
            # asked first: CUPS answers a job for a missing queue with an internal error
            if self.queue not in connection.getPrinters():
                raise ConfigurationError(
                    f"{self.name} does not exist: check [printer] queue", vendor=VENDOR
                )
            job = connection.createJob(self.queue, f"ReturnDesk {label.plate_id}", {})
            connection.startDocument(self.queue, job, label.plate_id, cups.CUPS_FORMAT_RAW, 1)
            connection.writeRequestData(data, len(data))
            connection.finishDocument(self.queue)
        except cups.IPPError as exc:
            status, message = exc.args if len(exc.args) == 2 else (None, str(exc))
            if status == cups.IPP_NOT_FOUND:
                raise ConfigurationError(
                    f"{self.name} does not exist: check [printer] queue", vendor=VENDOR
                ) from None
            raise RetryableError(
                f"{self.name} refused the label: {message}", vendor=VENDOR
            ) from None
        return len(data)

    def _connection(self) -> Any:
        if self._connect is not None:
            return self._connect()
        try:
            import cups
        except ImportError:
            raise ConfigurationError(
                'printer kind = "cups" needs the pycups package on this station', vendor=VENDOR
            ) from None
        try:
            return cups.Connection()
        except RuntimeError as exc:
            raise ConnectFailed(
                f"the CUPS server cannot be reached ({exc})", vendor=VENDOR
            ) from None


# ---------------------------------------------------------------------- Windows spooler
class WindowsRawPrinter:
    """A Windows printer, its data type RAW: the spooler passes the ZPL through untouched."""

    def __init__(self, printer: str, *, stock: Stock = DEFAULT_STOCK) -> None:
        self.printer, self.stock = printer, stock
        self.name = f"Windows printer {printer}"

    def print_label(self, label: LabelData) -> int:
        data = label_zpl(label, self.stock)
        try:
            import win32print  # pywin32, Windows only
        except ImportError:
            raise ConfigurationError(
                'printer kind = "windows" works on Windows, with pywin32', vendor=VENDOR
            ) from None
        try:
            handle = win32print.OpenPrinter(self.printer)
        except Exception as exc:  # pywintypes.error: the printer is not installed
            raise ConfigurationError(
                f"{self.name} cannot be opened ({exc})", vendor=VENDOR
            ) from None
        try:
            win32print.StartDocPrinter(handle, 1, (f"ReturnDesk {label.plate_id}", None, "RAW"))
            try:
                win32print.StartPagePrinter(handle)
                win32print.WritePrinter(handle, data)
                win32print.EndPagePrinter(handle)
            finally:
                win32print.EndDocPrinter(handle)
        except Exception as exc:
            raise RetryableError(f"{self.name} refused the label ({exc})", vendor=VENDOR) from None
        finally:
            win32print.ClosePrinter(handle)
        return len(data)


# ---------------------------------------------------------------------- PDF files
#: draws a label as a PDF document (the UI's Qt drawing): LabelData, stock -> PDF bytes
PdfRenderer = Callable[[LabelData, Stock], bytes]


class PdfFolderPrinter:
    """One PDF file per label in a folder (print it from there, or let a hot folder do it)."""

    def __init__(self, folder: Path, render: PdfRenderer, *, stock: Stock = DEFAULT_STOCK) -> None:
        self.folder, self.render, self.stock = folder, render, stock
        self.name = f"PDF folder {folder}"

    def path_of(self, label: LabelData) -> Path:
        suffix = "-reprint" if label.reprint else ""
        return self.folder / f"{label.plate_id}{suffix}.pdf"

    def print_label(self, label: LabelData) -> int:
        data = self.render(label, self.stock)
        target = self.path_of(label)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".pdf.part")
            partial.write_bytes(data)
            os.replace(partial, target)  # a reader never sees half a label
        except OSError as exc:
            with contextlib.suppress(OSError):
                partial.unlink()
            raise RetryableError(
                f"{self.name}: cannot write {target.name} ({_reason(exc)})", vendor=VENDOR
            ) from None
        return len(data)
