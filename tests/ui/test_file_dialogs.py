"""File choosers open at most of the station's window, their columns sized to their text."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTreeView, QWidget

from returndesk.ui.common import file_dialogs


def test_a_chooser_takes_most_of_the_window_and_its_columns_fit(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    dialog = file_dialogs._dialog(window, "Photos of the item", "", "Images (*.jpg)")
    qtbot.addWidget(dialog)
    available = window.screen().availableGeometry()
    assert dialog.width() >= min(int(1280 * file_dialogs.SHARE), available.width())
    assert dialog.height() >= min(int(800 * file_dialogs.SHARE), available.height())
    trees = dialog.findChildren(QTreeView)
    assert trees  # Qt's own dialog here (no desktop), with its detail view
    header = trees[0].header()
    assert header.sectionResizeMode(0) is QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(1) is QHeaderView.ResizeMode.ResizeToContents
