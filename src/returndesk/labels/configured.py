"""The station's printer, from ``[printer]`` settings, and the outbox's way of printing a job."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from returndesk.labels.content import LabelData
from returndesk.labels.printers import (
    CupsRawPrinter,
    PdfFolderPrinter,
    PdfRenderer,
    Printer,
    TcpZplPrinter,
    WindowsRawPrinter,
)
from returndesk.labels.zpl_label import Stock
from returndesk.settings.labels import PrinterSettings


def stock_of(settings: PrinterSettings) -> Stock:
    return Stock(settings.width_mm, settings.height_mm, settings.dpi)


def configured_printer(
    settings: PrinterSettings, data_dir: Path, pdf: PdfRenderer | None
) -> Printer | None:
    """The printer the settings name; None when there is none (or PDF without a renderer:
    PDF labels are drawn by the station's window)."""
    stock = stock_of(settings)
    if settings.kind == "zpl_tcp":
        return TcpZplPrinter(
            settings.host,
            settings.port,
            stock=stock,
            timeout=settings.timeout_seconds,
            check_status=settings.check_status,
        )
    if settings.kind == "cups":
        return CupsRawPrinter(settings.queue, stock=stock)
    if settings.kind == "windows":
        return WindowsRawPrinter(settings.queue, stock=stock)
    if settings.kind == "pdf" and pdf is not None:
        folder = Path(settings.folder) if settings.folder else data_dir / "labels"
        return PdfFolderPrinter(folder, pdf, stock=stock)
    return None


def label_job(printer: Printer) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Prints one outbox label job; what is kept of it is where it went and how big it was."""

    def print_payload(payload: dict[str, Any]) -> dict[str, Any]:
        label = LabelData.from_payload(payload)
        size = printer.print_label(label)
        return {"plate_id": label.plate_id, "printer": printer.name, "bytes": size}

    return print_payload
