"""The keyboard wedge's cost: a 500-character 2-D payload typed at 1 ms a key.

Measured: the time to deliver every key event of the scan to a window with the wedge filter
installed, until the scan is emitted. Baseline: the same events delivered to the same window
without the filter (Qt typing them into the focused line edit), the floor Qt itself sets.
"""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication, QLineEdit

from benchmarks.runner import Figure, repeat
from returndesk.settings.scanner import WedgeSettings
from returndesk.ui.inputs.wedge import WedgeScanSource
from tests.ui.keys import Keyboard

PAYLOAD = ("[)>06" + "1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 14)[:500]


def run(quick: bool) -> list[Figure]:
    app = QApplication.instance() or QApplication([])
    field = QLineEdit()
    field.show()
    field.setFocus()
    app.processEvents()
    runs = 3 if quick else 15

    def plain() -> float:
        field.clear()
        started = time.perf_counter()
        Keyboard(field).type(PAYLOAD, gap=1, enter=False)
        elapsed = time.perf_counter() - started
        assert field.text() == PAYLOAD
        return elapsed * 1000

    def filtered() -> float:
        wedge = WedgeScanSource(WedgeSettings(), platform="x11")
        wedge.install()
        scans: list[object] = []
        wedge.scanned.connect(scans.append)
        field.clear()
        try:
            started = time.perf_counter()
            Keyboard(field).type(PAYLOAD, gap=1)
            elapsed = time.perf_counter() - started
        finally:
            wedge.uninstall()
        assert len(scans) == 1
        assert field.text() == ""
        return elapsed * 1000

    base, _, _ = repeat(plain, runs)
    median, low, high = repeat(filtered, runs)
    field.close()
    return [
        Figure(
            "wedge: a 500-character scan at 1 ms a key",
            "ms",
            median,
            low,
            high,
            "the same keys typed without the filter",
            base,
            base / median if median else None,
            f"{median / len(PAYLOAD) * 1000:.0f} µs a key; the scanner takes 500 ms to type it",
        )
    ]
