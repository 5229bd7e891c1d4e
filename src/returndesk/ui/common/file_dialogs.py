"""File choosers sized for the station's screen: Qt's own dialog (where no desktop provides
one) opened at the static functions' default is tiny, with its columns cut; these open at most
of the window's size with every column wide enough for its contents."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QHeaderView, QTreeView, QWidget

#: the share of the station's window a chooser takes
SHARE = 0.85


def _dialog(parent: QWidget, title: str, folder: str, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, folder, name_filter)
    window = parent.window()
    width = max(900, int(window.width() * SHARE))
    height = max(600, int(window.height() * SHARE))
    screen = window.screen().availableGeometry()
    dialog.resize(min(width, screen.width()), min(height, screen.height()))
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    for view in dialog.findChildren(QTreeView):  # only Qt's own dialog has one to widen
        view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, view.header().count()):
            view.header().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return dialog


def open_file(parent: QWidget, title: str, folder: str = "", name_filter: str = "") -> str:
    dialog = _dialog(parent, title, folder, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def open_files(parent: QWidget, title: str, folder: str = "", name_filter: str = "") -> list[str]:
    dialog = _dialog(parent, title, folder, name_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return list(dialog.selectedFiles()) if dialog.exec() else []


def save_file(parent: QWidget, title: str, suggested: str = "", name_filter: str = "") -> str:
    dialog = _dialog(parent, title, suggested, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""


def existing_folder(parent: QWidget, title: str, folder: str = "") -> str:
    dialog = _dialog(parent, title, folder, "")
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    return dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""
