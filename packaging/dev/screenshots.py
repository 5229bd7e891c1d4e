"""Render the README's screenshots from the real window, offscreen.

Usage: .venv/bin/python packaging/dev/screenshots.py [OUTPUT_DIR]
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from returndesk.app import Station, build_station, build_window
from returndesk.outbox.drainer import process_one
from returndesk.outbox.model import Capture, Counts, Kind, Lane, NewItem
from returndesk.outbox.senders import build_senders
from returndesk.outbox.store import OutboxStore
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.ui.outbox_monitor import OutboxMonitor
from returndesk.ui.theme import STYLESHEET

ROOT = Path(__file__).resolve().parents[2]


def _demo_outbox_counts(station: Station, scratch: Path) -> Counts:
    """A real outbox in a scratch folder, in the state an offline morning leaves it:
    three returns captured while nShift was unreachable, one item the vendor refused."""
    store = OutboxStore(scratch / "outbox.db")
    assert station.sandbox is not None
    rmas = [r for r in station.sandbox.data.rmas.values() if r.nshift_status == "Not Processed"]
    for rma in rmas[:3]:
        store.capture(
            Capture(rma.record["nshift_return_id"], "rma", {}),
            [NewItem(Kind.WMS_UPDATE, {"returns": [rma.record["nshift_return_id"]]})],
        )
    store.enqueue([NewItem(Kind.RMA_NOTE, {"content": "missing rma_id"})])
    process_one(
        store, Lane.RETURNMATE, build_senders(returnmate=station.returnmate), rng=random.Random(0)
    )
    counts = store.counts()
    store.close()
    return counts


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(STYLESHEET)
    settings = Settings()
    station = build_station(settings, Paths.default(), demo=True)
    with tempfile.TemporaryDirectory() as scratch:
        monitor = OutboxMonitor(_demo_outbox_counts(station, Path(scratch)))
    window = build_window(station, monitor=monitor)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    target = out / "ready.png"
    window.grab().save(str(target))
    print(f"wrote {target}")
    window.close()
    station.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
