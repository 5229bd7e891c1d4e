"""Every screen and dialog, in every language, at 1280x800, 1366x768 and 1280x720: nothing
is cut.

A label, button or column header whose text is wider than the widget showing it fails, and
so does a window that had to grow past the screen to fit its contents. The tour is the
gallery's (``packaging/dev/gallery.py``), so the pictures show what is checked here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

from returndesk.ui.common.theme import STYLESHEET
from returndesk.ui.screens.items_columns import COL_GROSS, COL_NET, COL_TAX
from returndesk.ui.screens.items_model import ReturnItemsModel

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging" / "dev"))
import gallery

pytestmark = pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) ", "This plugin does not support")

#: room a header section needs beside its text (the theme's padding and the grid line)
HEADER_MARGIN = 6
#: room a field needs beside its placeholder: the theme's padding (8 px a side) and frame
PLACEHOLDER_MARGIN = 24


@pytest.fixture
def themed(qapp):
    before = qapp.styleSheet()
    qapp.setStyleSheet(STYLESHEET)
    yield
    qapp.setStyleSheet(before)


def cut_text(root: QWidget, size: tuple[int, int]) -> list[str]:
    """Each text ``root`` shows narrower than it needs, said as "what: need > has"."""
    problems = []
    width, height = size
    if not isinstance(root, QDialog) and (root.width() > width or root.height() > height):
        problems.append(f"window grew to {root.width()}x{root.height()} past {width}x{height}")
    if isinstance(root, QDialog) and (root.width() > width or root.height() > height):
        problems.append(f"dialog {root.width()}x{root.height()} larger than the screen")
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        if isinstance(widget, QAbstractButton) and widget.text():
            need = widget.sizeHint().width()
            if widget.width() < need:
                problems.append(f"button {widget.text()!r}: {need} > {widget.width()}")
        elif isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + 1:
                    text = widget.text()[:40]
                    problems.append(f"label {text!r}: {need} > {widget.height()} high")
            elif widget.width() < widget.sizeHint().width():
                need = widget.sizeHint().width()
                problems.append(f"label {widget.text()[:40]!r}: {need} > {widget.width()}")
        elif isinstance(widget, QHeaderView) and widget.model() is not None:
            problems += _cut_sections(widget)
        elif isinstance(widget, QTableView) and isinstance(widget.model(), ReturnItemsModel):
            problems += _cut_money(widget)
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            need = QFontMetrics(widget.font()).horizontalAdvance(widget.placeholderText())
            need += PLACEHOLDER_MARGIN
            if widget.width() < need:
                text = widget.placeholderText()[:40]
                problems.append(f"placeholder {text!r}: {need} > {widget.width()}")
    return problems


#: room a cell needs beside its text (the item's margins and the grid line)
CELL_MARGIN = 7


def _cut_money(view: QTableView) -> list[str]:
    """An amount is never cut to "179,…": each of its parts fits the column (a long amount
    may take two lines at its thousands space)."""
    problems = []
    model = view.model()
    metrics = QFontMetrics(view.font())
    for row in range(model.rowCount()):
        if model.is_unexpected_row(row):
            continue
        for column in (COL_NET, COL_TAX, COL_GROSS):
            text = str(model.data(model.index(row, column)) or "")
            need = max((metrics.horizontalAdvance(p) for p in text.split()), default=0)
            if view.columnWidth(column) < need + CELL_MARGIN:
                problems.append(
                    f"amount {text!r}: {need + CELL_MARGIN} > {view.columnWidth(column)}"
                )
    return problems


def _cut_sections(header: QHeaderView) -> list[str]:
    problems = []
    metrics = QFontMetrics(header.font())
    model = header.model()
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if not text:
            continue
        need = metrics.horizontalAdvance(str(text)) + HEADER_MARGIN
        if header.sectionSize(section) < need:
            problems.append(f"column {text!r}: {need} > {header.sectionSize(section)}")
    return problems


@pytest.mark.parametrize("size", gallery.SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", gallery.LANGUAGES)
def test_nothing_is_cut_on_any_screen_or_dialog(qtbot, themed, tmp_path, lang, size):
    found = {}
    for name, widget in gallery.tour(lang, size, tmp_path):
        problems = cut_text(widget, size)
        if problems:
            found[name] = problems
    assert not found, "\n".join(f"{lang} {name}: {p}" for name, ps in found.items() for p in ps)


def test_a_german_label_longer_than_its_button_fails_the_check(qtbot, themed, tmp_path):
    """The check itself: make one button's text too long for the Ready screen and see it."""
    size = gallery.SIZES[0]
    for name, widget in gallery.tour("de", size, tmp_path):
        if name != "ready":
            continue
        assert cut_text(widget, size) == []
        button = widget.ready.settings_button
        button.setText("Einstellungen der Station, der Anbieter und aller Scanner (F2)" * 3)
        qtbot.wait(10)
        assert cut_text(widget, size)  # the window grows past the screen, or the button is cut
        return
    pytest.fail("the tour showed no Ready screen")
