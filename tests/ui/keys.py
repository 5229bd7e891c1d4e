"""Synthetic key events with timestamps, sent to the window as a platform would.

``QTest.keyClicks`` on a widget skips the window, where the wedge filter listens, so these
helpers build ``QKeyEvent``s with native scan codes and timestamps and send them to the
widget's ``QWindow``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from returndesk.scanning.keymap import US_EVDEV, X11_OFFSET

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
#: US character → (evdev code, shift)
_US_KEYS = {}
for _code, (_plain, _shifted) in sorted(US_EVDEV.items(), reverse=True):
    _US_KEYS[_shifted] = (_code, True)
    _US_KEYS[_plain] = (_code, False)


@dataclass
class Key:
    key: int
    text: str = ""
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    scan_code: int = 0
    native_modifiers: int = 0
    auto_repeat: bool = False


def char_key(char: str, *, text: str | None = None, platform: str = "x11") -> Key:
    """The key a US keyboard presses for ``char``; ``text`` is what the host's layout made
    of it (a German host makes 'ß' of '-')."""
    evdev, shift = _US_KEYS.get(char, (0, False))
    code = evdev + X11_OFFSET if platform == "x11" and evdev else evdev
    qt_key = ord(char.upper()) if char.isascii() and char.isprintable() else 0
    return Key(
        qt_key,
        char if text is None else text,
        SHIFT if shift else Qt.KeyboardModifier.NoModifier,
        code,
        0x1 if shift and platform == "x11" else 0,
    )


def return_key() -> Key:
    return Key(Qt.Key.Key_Return, "\r", scan_code=36)


def gs_key() -> Key:
    """GS as a US scanner types it: Ctrl+], which X11 turns into the text "\\x1d"."""
    return Key(Qt.Key.Key_BracketRight, "\x1d", CTRL, scan_code=35)


def event(kind: QEvent.Type, key: Key, timestamp: int) -> QKeyEvent:
    ev = QKeyEvent(
        kind,
        key.key,
        key.modifiers,
        key.scan_code,
        0,
        key.native_modifiers,
        key.text,
        key.auto_repeat,
    )
    ev.setTimestamp(timestamp)
    return ev


class Keyboard:
    """Types into a widget's window with a clock of its own (milliseconds)."""

    def __init__(self, widget: QWidget, start: int = 1_000) -> None:
        self.widget = widget
        self.now = start

    def press(self, key: Key, *, after: int = 0, release: bool = True) -> None:
        self.now += after
        window = self.widget.window().windowHandle()
        assert window is not None, "show the widget first"
        QApplication.sendEvent(window, event(QEvent.Type.KeyPress, key, self.now))
        if release:
            QApplication.sendEvent(window, event(QEvent.Type.KeyRelease, key, self.now + 1))

    def type(
        self,
        text: str,
        *,
        gap: int | list[int] = 5,
        enter: bool = True,
        layout: dict[str, str] | None = None,
        platform: str = "x11",
    ) -> None:
        """Each character ``gap`` ms after the last (a list gives each gap); ``layout`` maps
        a US character to what the host's layout types for that key."""
        gaps = gap if isinstance(gap, list) else [gap] * (len(text) + 1)
        for index, char in enumerate(text):
            typed = (layout or {}).get(char, char)
            self.press(char_key(char, text=typed, platform=platform), after=gaps[index])
        if enter:
            self.press(return_key(), after=gaps[len(text)] if len(gaps) > len(text) else 5)


#: what a German (DE) layout types for the keys a US-programmed scanner presses
GERMAN = {"-": "ß", "#": "§", "]": "+", "y": "z", "z": "y", "Y": "Z", "Z": "Y", "/": "-"}
GERMAN |= {"=": "´", "[": "ü", ";": "ö", "'": "ä", "@": '"', "^": "&", "&": "/"}
#: what a UK layout types for the same keys: '@' and '"' swap, '#' is '£'
UK = {"@": '"', '"': "@", "#": "£", "\\": "#", "|": "~", "~": "¬"}
#: what a French (AZERTY) layout types for the same keys
FRENCH = dict(zip("1234567890", "&é\"'(-è_çà", strict=True)) | {"-": ")", "A": "Q", "Q": "A"}
FRENCH |= {"a": "q", "q": "a", "M": "?", "W": "Z", "Z": "W"}
