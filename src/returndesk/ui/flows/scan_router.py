"""Every scan, from every source, to the screen that is waiting for it.

Scanners (wedge, serial, camera) and codes typed + Enter arrive as :class:`RawScan`. The router
notes how soon a code repeats (the screen decides what a repeat means, and says so), normalises
and classifies it (the Qt-free core), and hands the result to the active screen: Ready and
Unknown look parcels up, Items counts items.
A code the screen cannot use is refused there with a message, a red flash and the error tone;
nothing is guessed across kinds. Each scan is logged with its repr and key gaps for support.

Signals:
    routed(object): a :class:`Classified` was handed to a screen
    refused(str): a scan was refused; the operator's message
    plate_scanned(str): a licence plate was scanned outside the Items screen (its return's
        history opens)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from returndesk.core.codes import ParcelCode
from returndesk.scanning.classifier import Classified, ScanKind, classify_scan
from returndesk.scanning.commands import CommandError, parse_command
from returndesk.scanning.layout_guess import layout_refusal, misread_message, other_reading
from returndesk.scanning.normaliser import RawScan, ScanRejected, normalise, reveals_us_scanner
from returndesk.settings.scanner import ScannerSettings
from returndesk.ui.common.i18n import say
from returndesk.ui.screens.main_window import MainWindow

log = logging.getLogger(__name__)

#: longest part of a scan written to the log (a 2-D label can be long)
LOGGED_CHARS = 300


class ScanRouter(QObject):
    routed = Signal(object)
    refused = Signal(str)
    plate_scanned = Signal(str)

    def __init__(
        self,
        window: MainWindow,
        settings: ScannerSettings,
        *,
        lookup: Callable[[ParcelCode | str], None],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self._settings = settings
        self._lookup = lookup
        self._clock = clock
        self._last: tuple[str, float] | None = None
        #: set once a refused scan showed a US-programmed scanner on another layout
        self.us_scanner = False
        #: a screen that wants scans raw (the scanner check); None: the receiving screens
        self.raw_listener: Callable[[RawScan], None] | None = None
        window.items.model.double_read_ms = settings.parse.double_read_ms
        window.ready.code_entered.connect(self.typed)
        window.unknown.code_entered.connect(self.typed)
        window.items.code_entered.connect(self.typed)

    def attach(self, source: QObject) -> None:
        """``source`` has a ``scanned(RawScan)`` signal."""
        source.scanned.connect(self.receive)  # type: ignore[attr-defined]

    def typed(self, text: str) -> None:
        self.receive(RawScan(text, "manual"))

    def receive(self, raw: RawScan) -> None:
        log.info(
            "scan from %s: %r (gaps ms %s, unmapped keys %d%s)",
            raw.source,
            raw.text[:LOGGED_CHARS],
            raw.gaps_ms,
            raw.unmapped_keys,
            ""
            if raw.us_text in (None, raw.text)
            else f", as US keys {raw.us_text[:LOGGED_CHARS]!r}",
        )
        if self.raw_listener is not None:
            self.raw_listener(raw)
            return
        modal = QApplication.activeModalWidget()
        taker = getattr(modal, "take_scan", None)
        if modal is not None and callable(taker):
            # a dialog that takes scans (the grading questions' Yes and No)
            log.info("scan to %s", type(modal).__name__)
            try:
                parse = self._settings.parse
                affixes = self._affixes(raw)
                text = normalise(raw, parse, **affixes, us_scanner=self.us_scanner).text
            except ScanRejected:
                text = raw.text  # the dialog says it is no answer
            taker(text)
            return
        if modal is not None:
            # a dialog is open (the PIN, photos): a scan must not open a return behind it
            log.info("scan while %s is open: not used", type(modal).__name__)
            ignored = getattr(modal, "scan_ignored", None)
            if callable(ignored):
                ignored()
            self.window.sounds.bad()
            return
        current = self.window.screens.currentWidget()
        if getattr(current, "takes_scanned_text", False):
            # a form (Settings): the scan is text for the field being edited — a badge into
            # the operators table, say — and never a parcel that leaves the form unsaved
            self._type_into_focus(raw)
            return
        if current is not None and current is self.window.sign_on:
            # a badge is no parcel or item: it is only compared with the operators' badges
            self.window.sign_on.badge_scanned(raw.text)  # type: ignore[attr-defined]
            return
        if current is self.window.scanner_check:
            if self.window.scanner_check.take(raw).us_layout:
                self.us_scanner = True
            return
        repeat_after_ms = self._repeat(raw)
        parse = self._settings.parse
        try:
            scan = normalise(raw, parse, **self._affixes(raw), us_scanner=self.us_scanner)
            result = classify_scan(scan, parse)
        except ScanRejected as exc:
            log.info("scan not read: %s", exc)
            if exc.reason != "layout" and self._misread(raw, None):
                return
            if not self.us_scanner and exc.reason == "layout" and reveals_us_scanner(raw, parse):
                log.warning("the scanner types US keys on another keyboard layout")
                self.us_scanner = True
            # in the station's language before it leaves as a signal's plain string
            self.refuse(say(str(exc)))
            return
        if self._misread(raw, result):
            return
        log.info("scan read as %s", result.describe())
        self._route(result, repeat_after_ms, raw)

    def _affixes(self, raw: RawScan) -> dict[str, str]:
        wedge = self._settings.wedge
        if raw.source != "wedge":
            return {"prefix": "", "suffix": ""}
        return {"prefix": wedge.prefix, "suffix": wedge.suffix}

    def _misread(self, raw: RawScan, result: Classified | None) -> bool:
        """Refused when the wedge's decode setting misread the scan (see layout_guess)."""
        message = misread_message(raw, self._settings.parse, result, **self._affixes(raw))
        if message is None:
            return False
        log.warning("scan %r matches nothing; read the other way it does", raw.text[:40])
        self.refuse(say(message))
        return True

    def _type_into_focus(self, raw: RawScan) -> None:
        text = "".join(ch for ch in raw.text if ch.isprintable())
        focus = QApplication.focusWidget()
        if isinstance(focus, QLineEdit) and not focus.isReadOnly():
            focus.insert(text)
        elif isinstance(focus, QPlainTextEdit) and not focus.isReadOnly():
            focus.insertPlainText(text)
        else:
            # never silent: the operator sees and hears that the scan went nowhere
            log.info("scan on a form with no text field in focus: not used")
            current = self.window.screens.currentWidget()
            ignored = getattr(current, "scan_ignored", None)
            if callable(ignored):
                ignored()
            self.window.sounds.bad()

    def _repeat(self, raw: RawScan) -> float | None:
        """How many ms after the same code this scan came, within the repeat window; else None.

        A repeat is never dropped here: the screen decides (an item's line may still expect
        units), and says what it did.
        """
        if raw.source == "manual":
            return None  # a person pressing Enter twice means it
        now = self._clock()
        last, self._last = self._last, (raw.text, now)
        window_s = self._settings.parse.dedupe_ms / 1000
        if last is not None and last[0] == raw.text and now - last[1] < window_s:
            after_ms = (now - last[1]) * 1000
            log.info("the same code again after %.0f ms", after_ms)
            return after_ms
        return None

    def _route(
        self,
        result: Classified,
        repeat_after_ms: float | None = None,
        raw: RawScan | None = None,
    ) -> None:
        window = self.window
        screen = window.screens.currentWidget()
        if screen is window.items:
            if raw is not None and self._misread_item(raw, result):
                return
            self._to_items(result, repeat_after_ms)
        elif result.kind is ScanKind.COMMAND:
            self.refuse(
                self.tr("{code} is a command for the Items screen: scan a parcel first").format(
                    code=result.code
                ),
                screen,
            )
        elif result.kind is ScanKind.PLATE:
            self.routed.emit(result)
            self.plate_scanned.emit(result.code)
        elif repeat_after_ms is not None and result.kind is not ScanKind.ITEM:
            self.refuse(
                self.tr("{code} was read again at once — it is being looked up already").format(
                    code=result.code
                ),
                screen,
            )
        elif result.kind is ScanKind.ITEM:
            self.refuse(
                self.tr(
                    "{code} is an item's barcode. Scan the parcel's return label first."
                ).format(code=result.code),
                screen,
            )
        else:
            if screen is window.unknown and window.unknown.takes_parcel(result.code):
                self.routed.emit(result)
                return
            if screen is not window.unknown:
                window.show_screen(window.ready)
            self.routed.emit(result)
            # passed on typed: the service does not classify the scan a second time
            self._lookup(result.parcel or result.code)

    def _misread_item(self, raw: RawScan, result: Classified) -> bool:
        """A code no line of the open return has, whose other reading one has (a SKU)."""
        items = self.window.items
        if result.kind is not ScanKind.TEXT or items.model.find(result.code):
            return False
        other = other_reading(raw, self._settings.parse, **self._affixes(raw))
        if other is None or not items.model.find(other.code):
            return False
        log.warning("item scan %r matches no line; read the other way it does", raw.text[:40])
        self.refuse(say(layout_refusal(other.code)), items)
        return True

    def _to_items(self, result: Classified, repeat_after_ms: float | None = None) -> None:
        items = self.window.items
        if result.kind is ScanKind.COMMAND:
            self._command(result)
            return
        codes = [result.code]
        if result.also_item:
            codes.insert(0, result.also_item)
        if result.kind is ScanKind.PLATE and not items.model.find(result.code):
            self.refuse(
                self.tr(
                    "{code} is a licence plate from a return already received. Scan it on "
                    "the Ready screen to see that return."
                ).format(code=result.code),
                items,
            )
            return
        if result.kind is ScanKind.PARCEL and not any(items.model.find(c) for c in codes):
            self.refuse(
                self.tr(
                    "{code} is a parcel label, not an item. Submit or go back (Esc) before "
                    "starting the next parcel."
                ).format(code=result.code),
                items,
            )
            return
        code = next((c for c in codes if items.model.find(c)), codes[-1])
        self.routed.emit(result)
        items.scan_item(code, repeat_after_ms=repeat_after_ms)

    def _command(self, result: Classified) -> None:
        items = self.window.items
        case = items.model.case
        if case is None:
            return
        try:
            command = parse_command(result.code, case.rules)
        except CommandError as exc:
            self.refuse(str(exc), items)
            return
        self.routed.emit(result)
        items.take_command(command)  # says itself what it did, or why not (flash and tone)

    def refuse(self, message: str, screen: QWidget | None = None) -> None:
        window = self.window
        screen = screen or window.screens.currentWidget()
        log.info("scan refused on %s: %s", type(screen).__name__, message)
        self.refused.emit(message)
        if screen is window.items:
            window.items.show_refusal(message)
        elif screen is window.unknown:
            window.unknown.show_refusal(message)
        else:
            window.show_screen(window.ready)
            window.ready.show_refusal(message)
