"""Keyboard-wedge scanners: one application-wide event filter that tells scans from typing.

A USB scanner in keyboard mode types a code a few milliseconds a key and ends with Enter. The
filter sees every key at the window, before any widget does, so a scan is caught wherever the
focus is — a line edit, a spin box, an open combo box or dialog. It holds printable keys while
they come fast, by their event timestamps; a held run that ends in a terminator and is long
enough is a scan, and the terminator is swallowed (it never presses the focused button).
Anything else was a person: the held keys are delivered again, unchanged and in order.

Signals:
    scanned(RawScan): a complete scan, before normalising
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow
from shiboken6 import isValid

from returndesk.scanning.keymap import Platform, control_character, us_character
from returndesk.scanning.normaliser import RawScan
from returndesk.settings.scanner import WedgeSettings

log = logging.getLogger(__name__)

_TERMINATOR_KEYS = {
    "Return": Qt.Key.Key_Return,
    "Enter": Qt.Key.Key_Enter,
    "Tab": Qt.Key.Key_Tab,
}
_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock,
}
#: a run of fast keys that starts this soon after a person's key is more of their typing
#: (a Bluetooth hiccup mid-code must not turn the code's tail into a scan of its own)
QUIET_MS = 250
#: the longest pause inside a scan that started with the configured prefix
PREFIX_GAP_MS = 1000
#: X11 LockMask, and the Caps Lock bit Qt's Windows key mapper puts in nativeModifiers
_CAPS_LOCK = {"x11": 0x2, "windows": 0x100}


@dataclass
class _Held:
    """A key press kept back while it may be part of a scan."""

    type: QEvent.Type
    key: int
    modifiers: Qt.KeyboardModifier
    scan_code: int
    virtual_key: int
    native_modifiers: int
    text: str
    timestamp: int
    window: QWindow
    #: what it contributes to the scan: a character, "" for a modifier, None for unmapped
    char: str | None
    #: what the same physical key types on a US keyboard ("" for a modifier)
    us_char: str | None

    def event(self, kind: QEvent.Type) -> QKeyEvent:
        event = QKeyEvent(
            kind,
            self.key,
            self.modifiers,
            self.scan_code,
            self.virtual_key,
            self.native_modifiers,
            self.text,
        )
        event.setTimestamp(self.timestamp)
        return event


def platform_table() -> Platform:
    """Which native scan codes this platform reports (offscreen tests use X11's)."""
    return "windows" if QGuiApplication.platformName() == "windows" else "x11"


class WedgeScanSource(QObject):
    scanned = Signal(object)

    def __init__(
        self,
        settings: WedgeSettings,
        *,
        platform: Platform | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._platform = platform or platform_table()
        self._terminators = {_TERMINATOR_KEYS[name] for name in settings.terminators}
        self._held: list[_Held] = []
        self._swallow_release: list[int] = []
        self._replaying = False
        #: when the last key a person typed was pressed (event time)
        self._last_typed: int | None = None
        self.enabled = settings.enabled
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(settings.idle_flush_ms)
        self._idle.timeout.connect(self._idle_flush)

    def install(self) -> None:
        app = QGuiApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def uninstall(self) -> None:
        """Stop listening; keys held at this moment are delivered as typed."""
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._deliver_held()

    def stop(self) -> None:
        self.uninstall()

    @property
    def quiet_ms(self) -> int:
        return max(QUIET_MS, 3 * self._settings.max_gap_ms)

    # ------------------------------------------------------------------ the filter
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled:
            return False
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride:
            return self._shortcut_override(event)  # type: ignore[arg-type]
        if not isinstance(obj, QWindow):
            return False
        if kind == QEvent.Type.KeyPress:
            return self._press(obj, event)  # type: ignore[arg-type]
        if kind == QEvent.Type.KeyRelease:
            return self._release(event)  # type: ignore[arg-type]
        return False

    def _shortcut_override(self, event: QKeyEvent) -> bool:
        # mid-scan, a key that is also a shortcut is a character of the code: accepting the
        # override makes Qt deliver it as a key press instead of firing the shortcut
        if not (self._settings.suppress_shortcuts_during_burst and self._held):
            return False
        if event.timestamp() - self._held[-1].timestamp > self._gap_limit():
            return False
        event.accept()
        return True

    def _press(self, window: QWindow, event: QKeyEvent) -> bool:
        if event.isAutoRepeat():
            self._deliver_held()  # a key held down is a person, never a scan
            return False
        key = event.key()
        timestamp = event.timestamp()
        if key in self._terminators:
            return self._terminate(event)
        char = self._character(event)
        if self._held and timestamp - self._held[-1].timestamp > self._gap_limit():
            self._deliver_held()  # too slow to belong to the keys before: those were typed
        if not self._held:
            if not char:
                return False  # a lone modifier, arrow or function key: not a scan's start
            typing = (
                self._last_typed is not None and 0 <= timestamp - self._last_typed < self.quiet_ms
            )
            if typing and not self._is_prefix(char):
                self._last_typed = timestamp
                return False  # still the person typing
        self._held.append(
            _Held(
                event.type(),
                key,
                event.modifiers(),
                event.nativeScanCode(),
                event.nativeVirtualKey(),
                event.nativeModifiers(),
                event.text(),
                timestamp,
                window,
                char,
                "" if char == "" else self._us_character(event),
            )
        )
        self._swallow_release.append(key)
        self._idle.start(
            self._gap_limit() + self._settings.idle_flush_ms - self._settings.max_gap_ms
        )
        if self._suffix_complete():
            self._emit_scan()
        return True

    def _release(self, event: QKeyEvent) -> bool:
        if event.key() in self._swallow_release and not event.isAutoRepeat():
            self._swallow_release.remove(event.key())
            return True
        return False

    def _character(self, event: QKeyEvent) -> str | None:
        """The key's part of a code: a character, "" for a modifier, None if it types none."""
        key = event.key()
        if key in _MODIFIER_KEYS:
            return ""
        modifiers = event.modifiers()
        ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        if self._settings.decode == "us_physical":
            char = self._us_character(event)
            if char is not None:
                return char
        text = event.text()
        if ctrl:
            if not self._settings.ctrl_chars:
                return None
            if len(text) == 1 and ord(text) < 32:
                return text  # X11 already made Ctrl+] into GS
            if 0x20 <= key <= 0x7E:
                return control_character(chr(key))
            return None
        if len(text) == 1 and (ord(text) >= 32 or text == "\x1d"):
            return text
        if event.key() == 0 and text == "\x1d":  # Windows Alt+0029
            return text
        return None

    def _us_character(self, event: QKeyEvent) -> str | None:
        if not event.nativeScanCode():
            return None
        modifiers = event.modifiers()
        return us_character(
            event.nativeScanCode(),
            platform=self._platform,
            shift=bool(modifiers & Qt.KeyboardModifier.ShiftModifier),
            caps_lock=bool(event.nativeModifiers() & _CAPS_LOCK[self._platform]),
            ctrl=bool(modifiers & Qt.KeyboardModifier.ControlModifier)
            and self._settings.ctrl_chars,
        )

    def _terminate(self, event: QKeyEvent) -> bool:
        if not self._held:
            return False
        late = event.timestamp() - self._held[-1].timestamp > self._gap_limit()
        if not late and self._is_scan():
            self._emit_scan()
            self._swallow_release.append(event.key())
            return True  # the scanner's Enter never reaches the focused widget
        self._deliver_held()
        return False  # a person's Enter: delivered after their keys, as typed

    def _is_scan(self) -> bool:
        chars = [h for h in self._held if h.char != ""]
        if len(chars) < self._settings.min_length:
            return False
        gaps = [b.timestamp - a.timestamp for a, b in pairwise(self._held)]
        return all(0 <= gap <= self._gap_limit() for gap in gaps)

    def _is_prefix(self, char: str) -> bool:
        prefix = self._settings.prefix
        return bool(prefix) and char == prefix[0]

    def _gap_limit(self) -> int:
        """A run that starts with the configured prefix is a scan however slowly it comes
        (a remote desktop or Bluetooth link): only the prefix decides, up to PREFIX_GAP_MS."""
        prefix = self._settings.prefix
        if prefix and self._text().startswith(prefix):
            return max(PREFIX_GAP_MS, self._settings.max_gap_ms)
        return self._settings.max_gap_ms

    def _suffix_complete(self) -> bool:
        suffix = self._settings.suffix
        return bool(suffix) and self._text().endswith(suffix) and self._is_scan()

    def _text(self) -> str:
        return "".join(h.char or "" for h in self._held)

    def _idle_flush(self) -> None:
        if self._settings.accept_without_terminator and self._is_scan():
            self._emit_scan()
        else:
            self._deliver_held()

    def _emit_scan(self) -> None:
        held, self._held = self._held, []
        self._idle.stop()
        unmapped = sum(1 for h in held if h.char is None)
        text = "".join(h.char or "" for h in held)
        gaps = tuple(b.timestamp - a.timestamp for a, b in pairwise(held))
        us_chars = [h.us_char for h in held]
        us_text = None if None in us_chars else "".join(c or "" for c in us_chars)
        layout_text = None
        if self._settings.decode == "us_physical":
            layout_text = "".join(h.text for h in held if h.char != "" and h.text.isprintable())
        log.info("scan %r (%d keys, gaps ms %s, unmapped %d)", text, len(held), gaps, unmapped)
        self.scanned.emit(
            RawScan(
                text,
                "wedge",
                unmapped_keys=unmapped,
                gaps_ms=gaps,
                us_text=us_text,
                layout_text=layout_text,
            )
        )

    def _deliver_held(self) -> None:
        """What was held was typed by a person: send it on, unchanged and in order."""
        held, self._held = self._held, []
        self._idle.stop()
        if not held:
            return
        self._last_typed = held[-1].timestamp
        self._replaying = True
        try:
            for item in held:
                target = item.window
                if not isValid(target):
                    continue  # its dialog closed meanwhile: the keys had nowhere to go
                QGuiApplication.sendEvent(target, item.event(QEvent.Type.KeyPress))
                QGuiApplication.sendEvent(target, item.event(QEvent.Type.KeyRelease))
        finally:
            self._replaying = False
