"""Scanner check: scan the test sheet at the start of a shift and see what is wrong, if anything.

The sheet is shown on screen (an imager reads it from the monitor) and can be saved as a PDF
to print. Each scan is compared character by character with the code it is closest to; the
row under that code shows every character (wrong ones red) and the fix to apply.

Signals:
    back(): return to Ready
    save_requested(str): write the printable sheet to this path
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from returndesk.scanning.normaliser import RawScan
from returndesk.scanning.test_sheet import SHEET, CheckResult, SheetCode, check_scan
from returndesk.settings.scanner import GS, ScannerSettings
from returndesk.ui.common.barcodes import barcode_image
from returndesk.ui.common.file_dialogs import save_file
from returndesk.ui.common.flash import Flash
from returndesk.ui.common.i18n import say

#: how characters that do not print are shown
VISIBLE = {" ": "␣", GS: "GS", "\x1e": "RS", "\x04": "EOT", "": "∅"}
OK_COLOUR, BAD_COLOUR = "#c8e6c9", "#ffcdd2"


class ScannerCheckScreen(QWidget):
    back = Signal()
    save_requested = Signal(str)

    def __init__(self, settings: ScannerSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Scanner check"))
        title.setObjectName("CaseTitle")
        layout.addWidget(title)
        wedge = settings.wedge
        intro = QLabel(
            self.tr(
                "Scan each code below, from the screen or the printed sheet. Keyboard scanners: "
                "keys read as {decode}, at most {gap} ms apart, ending with {ends}."
            ).format(
                decode=self.tr("US physical keys")
                if wedge.decode == "us_physical"
                else self.tr("typed text"),
                gap=wedge.max_gap_ms,
                ends=", ".join(wedge.terminators) or self.tr("a pause"),
            )
        )
        intro.setObjectName("ScanHint")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rows = QWidget()
        rows_layout = QVBoxLayout(rows)
        self.results: dict[SheetCode, QLabel] = {}
        for code in SHEET:
            name = QLabel(f"<b>{html.escape(say(code.name))}</b>")
            picture = QLabel()
            picture.setPixmap(
                QPixmap.fromImage(barcode_image(code.content, code.format, gs1=code.gs1, scale=2))
            )
            result = QLabel(self.tr("not scanned yet"))
            result.setObjectName("ScanHint")
            result.setWordWrap(True)
            result.setTextFormat(Qt.TextFormat.RichText)
            for widget in (name, picture, result):
                rows_layout.addWidget(widget)
            rows_layout.addSpacing(12)
            self.results[code] = result
        self.sheet_view = scroll = QScrollArea()
        scroll.setWidget(rows)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        save = QPushButton(self.tr("Save sheet to print…"))
        save.clicked.connect(self._save)
        back = QPushButton(self.tr("Back (Esc)"))
        back.clicked.connect(self.back.emit)
        for button in (save, back):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scan's Enter never clicks
            buttons.addWidget(button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back.emit)
        self.flash = Flash(scroll)
        self.last: CheckResult | None = None

    def take(self, raw: RawScan) -> CheckResult:
        result = check_scan(raw, self._settings)
        self.last = result
        label = self.results[result.code]
        label.setText(_describe(result, self.tr("All characters right.")))
        # the operator sees the answer to this scan, once the label has its new height
        QTimer.singleShot(0, lambda: self.sheet_view.ensureWidgetVisible(label, 0, 0))
        if result.ok:
            self.flash.good()
        else:
            self.flash.bad()
        return result

    def _save(self) -> None:
        path = save_file(
            self,
            self.tr("Save the scanner test sheet"),
            str(Path.home() / "returndesk-scanner-test-sheet.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if path:
            self.save_requested.emit(path)


def _describe(result: CheckResult, all_right: str) -> str:
    cells = []
    for cell in result.cells:
        colour = OK_COLOUR if cell.ok else BAD_COLOUR
        shown = (
            _visible(cell.received)
            if cell.ok
            else f"{_visible(cell.expected)}→{_visible(cell.received)}"
        )
        cells.append(
            f'<span style="background:{colour};color:#111;font-family:monospace"> {shown} </span>'
        )
    verdict = f"<b>✓ {html.escape(all_right)}</b>" if result.ok else ""
    findings = "".join(f"<li>{html.escape(finding)}</li>" for finding in result.findings)
    return f"{verdict}<p>{' '.join(cells)}</p>" + (f"<ul>{findings}</ul>" if findings else "")


def _visible(text: str) -> str:
    if text in VISIBLE:
        return VISIBLE[text]
    return html.escape("".join(VISIBLE.get(char, char) for char in text))
