"""Qt's own messages (plugins, styles, multimedia) into the station's log, logger ``qt``."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "default"
    log.log(LEVELS.get(kind, logging.WARNING), "[%s] %s", category, message)


def route_qt_messages() -> object:
    """Install the handler; returns the one it replaced."""
    return qInstallMessageHandler(_handler)
