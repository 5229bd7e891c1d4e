"""A 500-line return: the Items screen renders it, and a toggle on line 499 repaints.

The station's real Items screen (offscreen) over a ReturnCase of 500 lines. Render: from
``show_case`` until the visible rows have painted. Toggle: *Accepted* of line 499 switched
through the model (as Space does), until the viewport has repainted. Baselines, in the same
run: a plain QTableView over a QStandardItemModel holding the same 500 rows as text (the
floor Qt sets for rendering them), and a repaint of the same viewport with nothing changed.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from benchmarks.runner import Figure
from returndesk.core.return_case import ReturnCase, ReturnLine
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.station import build_station
from returndesk.ui.common.theme import STYLESHEET
from returndesk.ui.screens.items_columns import COL_ACCEPTED
from returndesk.ui.wiring import build_window

LINES = 500


def large_case(lines: int = LINES) -> ReturnCase:
    return ReturnCase(
        return_id="NSR-BIG",
        forward_order_id="ORD-BIG",
        currency="SEK",
        tax_rate=Decimal("0.25"),
        lines=[
            ReturnLine(
                order_item_id=str(n),
                sku=f"SKU-{n:05d}",
                description=f"Item {n}, size M, black",
                expected_qty=1,
                unit_gross=Decimal("199.00") + n,
                gtin=None,
                reason_code="BAD_FIT",
                present=True,
                accepted=True,
            )
            for n in range(1, lines + 1)
        ],
        rma_number="RMA-BIG",
    )


def _ms(since: float) -> float:
    return (time.perf_counter() - since) * 1000


def run(quick: bool) -> list[Figure]:
    app = QApplication.instance() or QApplication([])
    app.setStyleSheet(STYLESHEET)
    runs = 3 if quick else 15
    with tempfile.TemporaryDirectory() as scratch:
        paths = Paths(Path(scratch) / "s.toml", Path(scratch), Path(scratch))
        station = build_station(Settings(), paths, demo=True)
        window = build_window(station)
        window.resize(1280, 800)
        window.show()
        window.show_screen(window.items)
        app.processEvents()
        items = window.items
        table, viewport = items.table, items.table.viewport()
        render, toggle, still = [], [], []
        for _ in range(runs):
            case = large_case()
            started = time.perf_counter()
            items.show_case(case, heading="RMA-BIG")
            viewport.repaint()
            render.append(_ms(started))
            index = items.model.index(LINES - 2, COL_ACCEPTED)  # line 499
            table.scrollTo(index)
            app.processEvents()
            for value in (Qt.CheckState.Unchecked, Qt.CheckState.Checked):
                started = time.perf_counter()
                items.model.setData(index, value.value, Qt.ItemDataRole.CheckStateRole)
                viewport.repaint()
                toggle.append(_ms(started))
                started = time.perf_counter()
                viewport.repaint()
                still.append(_ms(started))
            assert case.lines[LINES - 2].accepted is True
        # the floor: the same rows as text in Qt's own model and view
        plain = QTableView()
        plain.resize(1280, 600)
        plain.show()
        floor = []
        for _ in range(runs):
            model = QStandardItemModel(LINES, 12)
            for row, line in enumerate(large_case().lines):
                for column, text in enumerate(
                    (
                        line.sku,
                        line.description,
                        "1",
                        "0",
                        "yes",
                        "yes",
                        "",
                        "BAD_FIT",
                        "159.20",
                        "39.80",
                        "199.00",
                        "",
                    )
                ):
                    model.setItem(row, column, QStandardItem(text))
            started = time.perf_counter()
            plain.setModel(model)
            plain.viewport().repaint()
            floor.append(_ms(started))
        plain.close()
        window.close()
        station.close()
    return [
        Figure.of(
            f"{LINES}-line return: Items screen rendered",
            "ms",
            render,
            baseline_name="QStandardItemModel+QTableView",
            baseline=statistics.median(floor),
            ratio=statistics.median(floor) / statistics.median(render),
        ),
        Figure.of(
            f"{LINES}-line return: toggle on line 499, repainted",
            "ms",
            toggle,
            baseline_name="repaint, nothing changed",
            baseline=statistics.median(still),
            ratio=statistics.median(still) / statistics.median(toggle),
            note="target < 16 ms",
        ),
    ]
