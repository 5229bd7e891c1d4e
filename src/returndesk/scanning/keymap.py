"""What a key on a US keyboard types, from its physical position.

A scanner programmed for a US keyboard on a host with another layout presses the right keys but
the host reads them as other characters ('-' becomes 'ß' on German). Reading the physical key
(the native scan code) through a US table gives the code the scanner meant.

The table is indexed by Linux evdev key codes. On X11 (and XWayland) the native scan code is
the X keycode, evdev + 8. On Windows it is the PC set-1 make code, which for these keys is the
same number as evdev (evdev was laid out after set 1), with 0x100 added for extended keys.
"""

from __future__ import annotations

from typing import Literal

Platform = Literal["x11", "windows"]

_ROWS = (
    (2, "1234567890-=", "!@#$%^&*()_+"),
    (16, "qwertyuiop[]", "QWERTYUIOP{}"),
    (30, "asdfghjkl;'`", 'ASDFGHJKL:"~'),
    (43, "\\zxcvbnm,./", "|ZXCVBNM<>?"),
)
#: evdev code → (unshifted, shifted)
US_EVDEV: dict[int, tuple[str, str]] = {
    first + i: (plain[i], shifted[i]) for first, plain, shifted in _ROWS for i in range(len(plain))
}
US_EVDEV[57] = (" ", " ")
US_EVDEV[55] = ("*", "*")  # keypad
#: the keypad with Num Lock on (some scanners type digits there)
_KEYPAD = {71: "7", 72: "8", 73: "9", 74: "-", 75: "4", 76: "5", 77: "6", 78: "+", 79: "1"}
_KEYPAD |= {80: "2", 81: "3", 82: "0", 83: "."}
US_EVDEV.update({code: (char, char) for code, char in _KEYPAD.items()})
#: Windows reports the keypad's "/" as an extended key
_WINDOWS_EXTENDED = {0x135: ("/", "/")}

X11_OFFSET = 8


def us_character(
    native_scan_code: int,
    *,
    platform: Platform,
    shift: bool = False,
    caps_lock: bool = False,
    ctrl: bool = False,
) -> str | None:
    """The character a US keyboard types for this key, or None for a key that types none."""
    if platform == "x11":
        pair = US_EVDEV.get(native_scan_code - X11_OFFSET)
    else:
        pair = _WINDOWS_EXTENDED.get(native_scan_code) or US_EVDEV.get(native_scan_code)
    if pair is None:
        return None
    plain, shifted = pair
    if plain.isalpha():
        char = shifted if shift != caps_lock else plain
    else:
        char = shifted if shift else plain
    if ctrl:
        return control_character(char)
    return char


def control_character(char: str) -> str | None:
    """Ctrl+] is GS, Ctrl+^ RS, Ctrl+D EOT …: the ASCII control a terminal would send."""
    upper = char.upper()
    if len(upper) == 1 and "@" <= upper <= "_":
        return chr(ord(upper) & 0x1F)
    if char == "6":  # Ctrl+6 is how a US keyboard types Ctrl+^ without Shift
        return "\x1e"
    return None
