import logging

from PySide6.QtCore import qInstallMessageHandler, qWarning

from returndesk.ui.common.qt_log import route_qt_messages


def test_qt_messages_go_to_the_station_log(qtbot, caplog):
    caplog.set_level(logging.DEBUG, logger="qt")
    previous = route_qt_messages()
    try:
        qWarning("a plugin could not be loaded")
    finally:
        qInstallMessageHandler(previous)  # pytest-qt's own handler again
    (record,) = [r for r in caplog.records if r.name == "qt"]
    assert record.levelno == logging.WARNING
    assert record.getMessage() == "[default] a plugin could not be loaded"
