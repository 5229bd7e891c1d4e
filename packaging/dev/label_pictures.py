"""The README's label pictures: the command sheet (PDF, and its page as PNG) and an item's and a
parcel's plate as the PDF printer prints them, rasterised by poppler as a printer driver would.

Usage: .venv/bin/python packaging/dev/label_pictures.py   (needs pdftoppm, Debian's
poppler-utils)
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from returndesk.core.disposition import default_rules
from returndesk.labels.content import LabelData
from returndesk.ui.common.command_sheet import write_command_sheet
from returndesk.ui.common.label_drawing import label_pdf

ROOT = Path(__file__).resolve().parents[2]
PICTURES = ROOT / "resources" / "screenshots"
RECEIVED = datetime(2026, 12, 2, 10, 14, tzinfo=UTC).isoformat()


def _png(pdf: Path, target: Path, dpi: int) -> None:
    stem = target.with_suffix("")
    command = ["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(stem)]
    subprocess.run(command, check=True)  # noqa: S603 (poppler's pdftoppm, from PATH)
    print(f"wrote {target.relative_to(ROOT)}")


def main() -> None:
    app = QGuiApplication.instance() or QGuiApplication([])
    del app
    sheet = write_command_sheet(
        ROOT / "resources" / "command-sheet.pdf", default_rules(), "Receiving 1"
    )
    print(f"wrote {sheet.relative_to(ROOT)}")
    _png(sheet, PICTURES / "command-sheet.png", 60)
    item = LabelData(
        kind="item",
        plate_id="LP7K3M9Q2X4B",
        return_id="NSR00000004",
        rma_number="RMA-2026-000004",
        station="Receiving 1",
        received_at=RECEIVED,
        order_item_id="1",
        sku="JEANS-34-30",
        description="Slim jeans 34/30",
        grade="B",
        disposition="Restock",
        destination="BIN-R1",
        unit="1/2",
    )
    parcel = LabelData(
        kind="return",
        plate_id="LR4D8N2W6H1T",
        return_id="NSR00000004",
        rma_number="RMA-2026-000004",
        station="Receiving 1",
        received_at=RECEIVED,
        items=5,
    )
    with tempfile.TemporaryDirectory() as scratch:
        for name, label in (("label-item.png", item), ("label-rma.png", parcel)):
            pdf = Path(scratch) / f"{label.plate_id}.pdf"
            pdf.write_bytes(label_pdf(label))
            _png(pdf, PICTURES / name, 203)


if __name__ == "__main__":
    main()
