"""The composition root's entry: the station's window with its outbox, drainer and shutdown.

``returndesk.station`` builds the Qt-free station, ``returndesk.ui.wiring`` the window's
features; this module runs them in one Qt application and ends them within one deadline.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from returndesk import __version__
from returndesk.outbox.drainer import Drainer
from returndesk.outbox.model import Counts
from returndesk.outbox.startup import InstanceLock, open_outbox
from returndesk.settings.secrets import (
    SecretStore,
)
from returndesk.supervisor import RESTART_EXIT_CODE
from returndesk.support.redact import Redactor

if TYPE_CHECKING:
    from PySide6.QtCore import QRect

    from returndesk.ui.screens.main_window import MainWindow
from returndesk.station import Station, start_drainer, vendor_clients
from returndesk.ui.common.label_drawing import label_pdf
from returndesk.ui.flows.scanner_flow import start_scanners
from returndesk.ui.wiring import (
    build_window,
    report_multimedia,
    start_admin,
    start_metrics,
    start_receiving,
    tone_files,
)

#: the station's icon (window, menus); the Windows .ico is packaging/assets/returndesk.ico
ICON = Path(__file__).resolve().parent / "icons" / "returndesk.png"
#: after the station's first frame, what the first scan needs is loaded in the background
WARM_UP_MS = 300

log = logging.getLogger(__name__)


def run_gui(
    station: Station,
    *,
    kiosk: bool,
    secrets: SecretStore | None = None,
    redactor: Redactor | None = None,
    exit_after_first_frame: bool = False,
) -> int:
    """Start the station's window with its outbox and drainer; returns the exit code
    (:data:`RESTART_EXIT_CODE` when the admin asked for a restart). With
    ``exit_after_first_frame`` it quits as soon as the window is drawn, for timing the start."""
    import signal
    import sys

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from returndesk.scanning.classifier import warm_up
    from returndesk.ui.admin.kiosk import CloseGuard, enter_kiosk
    from returndesk.ui.common.i18n import install_language
    from returndesk.ui.common.outbox_monitor import OutboxMonitor
    from returndesk.ui.common.qt_log import route_qt_messages
    from returndesk.ui.common.tasks import TaskRunner
    from returndesk.ui.common.theme import STYLESHEET

    lock = InstanceLock(station.paths.data_dir)
    lock.acquire()  # AlreadyRunning goes to the caller, before any window exists
    if station.settings.scanner.wedge.disable_input_method:
        # read once by QApplication: an input method would compose a scanner's dead keys
        os.environ["QT_IM_MODULE"] = "none"
    store, report = open_outbox(station.paths.data_dir)
    app = QApplication(sys.argv[:1])
    app.setApplicationName("ReturnDesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("returndesk")  # the Linux menu entry's name, for its icon
    app.setWindowIcon(QIcon(str(ICON)))
    app.setStyleSheet(STYLESHEET)
    route_qt_messages()
    install_language(station.settings.station.language)
    monitor = OutboxMonitor(store.counts())
    for _, name, client in vendor_clients(station):
        monitor.watch(name, client)
    drainer = start_drainer(
        station,
        store.path,
        pdf=label_pdf,
        on_change=monitor.on_drainer_change,
        on_problem=monitor.on_problem,
    )
    window = build_window(
        station, monitor=monitor, problems=report.problems, sounds=tone_files(station)
    )

    def submitted(counts: Counts) -> None:
        monitor.counts_changed.emit(counts)  # the header shows the new item at once
        drainer.notify()

    receiving = start_receiving(
        station, window, store, notify=submitted, first_refresh_ms=WARM_UP_MS
    )
    admin = start_admin(
        station,
        window,
        receiving.flow,
        store.path,
        secrets or SecretStore(),
        redactor or Redactor(),
    )
    admin.restart_requested.connect(lambda: app.exit(RESTART_EXIT_CODE))
    close_guard = CloseGuard(window, admin.guard, kiosk=kiosk)
    if kiosk and admin.guard.gate is None:
        admin.guard.pin_missing.emit()  # said at once: a kiosk without a PIN is no lock
    scanners = start_scanners(station.settings.scanner, receiving.router, station.devices)
    metrics = start_metrics(station, window, store.path)
    # SIGTERM (a service manager) and Ctrl+C end the station cleanly; the timer lets Python
    # run its signal handlers while Qt's event loop has control
    # (a service manager stopping the station needs no PIN, even in kiosk mode)
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: close_guard.leave())
    heartbeat = QTimer()
    heartbeat.start(250)
    heartbeat.timeout.connect(lambda: None)
    # window geometry is read before the event loop and written after it: never mid-shift
    layout = QSettings(str(station.paths.data_dir / "window.ini"), QSettings.Format.IniFormat)
    if kiosk:
        enter_kiosk(window)
    else:
        geometry = layout.value("geometry")
        if geometry is not None:
            window.restoreGeometry(geometry)
        fit_to_screen(window, restored=geometry is not None)
        window.show()
    # a scanner types into whatever has focus: the Ready field must have it from the start
    window.raise_()
    window.activateWindow()
    admin.start_shift()
    # once the first frames are up (not competing with them for the interpreter): the GS1
    # parser's tables, which the first scan needs
    warm = TaskRunner(parent=window)
    QTimer.singleShot(WARM_UP_MS, lambda: warm.run(warm_up, lambda _: None, lambda _exc: None))
    QTimer.singleShot(WARM_UP_MS, lambda: report_multimedia(window, warm))
    settle_heap()
    if exit_after_first_frame:
        QTimer.singleShot(0, lambda: _report_first_frame(window))
    try:
        return app.exec()
    finally:
        if not kiosk:
            layout.setValue("geometry", window.saveGeometry())
            layout.sync()
        receiving.stop()
        for scanner in scanners:
            scanner.stop()
        fleet = [receiving.fleet] if receiving.fleet is not None else []
        if metrics is not None:
            metrics[1].stop()
            metrics[0].close()
        shut_down(station, drainer, window, [receiving.cache, store, *fleet])
        lock.release()


#: the size the station opens at where the screen has room for it
PREFERRED_SIZE = (1280, 800)


def fit_to_screen(window: MainWindow, *, restored: bool, area: QRect | None = None) -> None:
    """The window fits the screen it starts on: at most its available area (without the
    taskbar), filling it when that is smaller than the preferred size (a 1366x768 screen), so
    the bottom row of buttons is never below the edge. A restored size that no longer fits
    (the station moved to a smaller screen) is fitted too. ``area``: the screen's available
    area (tests give one; the station asks the screen it starts on)."""
    area = area or window.screen().availableGeometry()
    width, height = (window.width(), window.height()) if restored else PREFERRED_SIZE
    if width >= area.width() or height >= area.height():
        window.setGeometry(area)
        return
    window.resize(width, height)
    if not restored or not area.intersects(window.frameGeometry()):
        frame = window.frameGeometry()
        frame.moveCenter(area.center())
        window.move(frame.topLeft())


def _report_first_frame(window: MainWindow) -> None:
    """Draw the window now, say which screen it shows and end the event loop."""
    import sys

    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    window.grab()
    if sys.stdout is not None:  # a windowed Windows build has no console
        sys.stdout.write(f"first frame: {type(window.screens.currentWidget()).__name__}\n")
        sys.stdout.flush()
    QApplication.quit()


def finish_background(window: MainWindow, msecs: int = 10_000) -> bool:
    """Let every background task of the window end before what it uses is closed: a task
    still reading the outbox when its connection closes crashes the process (seen in a
    benchmark's teardown, and possible when a station quits while a photo's evidence is read).
    ``msecs`` is for all of them together; False if one is still running."""
    import time

    from returndesk.ui.common.tasks import TaskRunner

    deadline = time.monotonic() + msecs / 1000
    finished = True
    for runner in window.findChildren(TaskRunner):
        left = max(int((deadline - time.monotonic()) * 1000), 0)
        if not runner.wait(left):
            log.warning("a background task did not finish within %d ms", msecs)
            finished = False
    return finished


#: how long a closing station waits for requests in flight and background tasks, in all
SHUTDOWN_SECONDS = 10.0


def shut_down(
    station: Station,
    drainer: Drainer,
    window: MainWindow,
    databases: Sequence[Any],
    seconds: float = SHUTDOWN_SECONDS,
) -> bool:
    """End the drainer and the background tasks within one deadline, then close what they
    used. Whatever is still running keeps its connections and clients: closing them under
    it would crash the process, and the database's write-ahead log keeps an unclosed one
    safe (a row left "sending" is settled at the next start, as after a crash). Returns
    whether everything was closed."""
    import time

    deadline = time.monotonic() + seconds
    drained = drainer.stop(timeout=seconds)
    idle = finish_background(window, max(int((deadline - time.monotonic()) * 1000), 0))
    if not (drained and idle):
        log.warning("closing with work still running: its database and clients stay open")
        station.keep_open = True
        return False
    for database in databases:
        database.close()  # the cache checkpoints its write-ahead log: no -wal file is left
    return True


def settle_heap() -> None:
    """Call once the station is built: what exists now lives all shift.

    Frozen objects are never rescanned by the cyclic garbage collector, whose full passes over
    the start-up heap (Qt bindings, models, the demo data) otherwise stall the GUI thread for
    tens of milliseconds at a time (measured by the GUI-stall benchmark).
    """
    gc.collect()
    gc.freeze()
