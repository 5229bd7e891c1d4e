"""The main window only assembles panels; screens and services do the work."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from returndesk import __version__
from returndesk.settings.scanner import ScannerSettings
from returndesk.ui.common.banner import Banner
from returndesk.ui.common.header import HeaderInfo, StationHeader
from returndesk.ui.common.outbox_monitor import OutboxMonitor
from returndesk.ui.common.sounds import Sounds
from returndesk.ui.screens.items_screen import ItemsScreen
from returndesk.ui.screens.ready_screen import ReadyScreen
from returndesk.ui.screens.scanner_check_screen import ScannerCheckScreen
from returndesk.ui.screens.unknown_screen import UnknownScreen


class MainWindow(QMainWindow):
    """Signals:
    outbox_changed(Counts): the outbox moved (an attempt ended, or a submission was queued)
    """

    outbox_changed = Signal(object)

    def __init__(
        self,
        header: HeaderInfo,
        *,
        demo_codes: Sequence[str] = (),
        monitor: OutboxMonitor | None = None,
        problems: Sequence[str] = (),
        sounds: Sounds | None = None,
        scanner: ScannerSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"ReturnDesk {__version__} — {header.station}")
        self.setMinimumSize(1024, 700)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = StationHeader(header)
        layout.addWidget(self.header)
        self.banner = Banner()
        layout.addWidget(self.banner)
        self.screens = QStackedWidget()
        self.ready = ReadyScreen(demo_codes)
        self.screens.addWidget(self.ready)
        self.items = ItemsScreen()
        self.screens.addWidget(self.items)
        self.unknown = UnknownScreen()
        self.screens.addWidget(self.unknown)
        self.scanner_check = ScannerCheckScreen(scanner or ScannerSettings())
        self.screens.addWidget(self.scanner_check)
        self.ready.check_requested.connect(lambda: self.show_screen(self.scanner_check))
        self.scanner_check.back.connect(lambda: self.show_screen(self.ready))
        #: the sign-on screen, once station administration has added it
        self.sign_on: QWidget | None = None
        layout.addWidget(self.screens, 1)
        self.setCentralWidget(central)
        self.sounds = sounds if sounds is not None else Sounds(None, self)
        flashes = (self.ready.flash, self.items.flash, self.unknown.flash, self.scanner_check.flash)
        for flash in flashes:
            flash.listen(self.sounds.play)
        for problem in problems:
            self.banner.show_message(problem)
        if monitor is not None:
            self.header.set_counts(monitor.counts)
            monitor.counts_changed.connect(self.header.set_counts)
            monitor.counts_changed.connect(self.outbox_changed)
            monitor.reachability_changed.connect(self.header.set_reachable)
            monitor.vendor_seen.connect(self.header.set_vendor)
            monitor.problem_reported.connect(self.banner.show_message)

    def show_screen(self, screen: QWidget) -> None:
        self.screens.setCurrentWidget(screen)
        screen.setFocus()
