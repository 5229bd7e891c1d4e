"""The US key tables: X11 keycodes (evdev + 8) and Windows set-1 scan codes."""

from __future__ import annotations

import pytest

from returndesk.scanning.keymap import control_character, us_character

#: (X11 keycode, Windows scan code, unshifted, shifted) for keys across every row
KEYS = [
    (10, 0x02, "1", "!"),
    (19, 0x0B, "0", ")"),
    (20, 0x0C, "-", "_"),
    (21, 0x0D, "=", "+"),
    (24, 0x10, "q", "Q"),
    (29, 0x15, "y", "Y"),
    (34, 0x1A, "[", "{"),
    (35, 0x1B, "]", "}"),
    (38, 0x1E, "a", "A"),
    (47, 0x27, ";", ":"),
    (48, 0x28, "'", '"'),
    (49, 0x29, "`", "~"),
    (51, 0x2B, "\\", "|"),
    (52, 0x2C, "z", "Z"),
    (58, 0x32, "m", "M"),
    (61, 0x35, "/", "?"),
    (65, 0x39, " ", " "),
]


@pytest.mark.parametrize(("x11", "windows", "plain", "shifted"), KEYS)
def test_x11_and_windows_tables_agree_with_a_us_keyboard(x11, windows, plain, shifted):
    assert us_character(x11, platform="x11") == plain
    assert us_character(x11, platform="x11", shift=True) == shifted
    assert us_character(windows, platform="windows") == plain
    assert us_character(windows, platform="windows", shift=True) == shifted


def test_every_printable_ascii_character_has_a_key():
    typed = {
        us_character(code, platform="x11", shift=shift)
        for code in range(256)
        for shift in (False, True)
    }
    assert {chr(c) for c in range(0x20, 0x7F)} <= typed


def test_caps_lock_inverts_letters_only():
    assert us_character(38, platform="x11", caps_lock=True) == "A"
    assert us_character(38, platform="x11", caps_lock=True, shift=True) == "a"
    assert us_character(10, platform="x11", caps_lock=True) == "1"
    assert us_character(0x1E, platform="windows", caps_lock=True) == "A"


def test_keypad_digits_and_the_extended_slash():
    assert us_character(87, platform="x11") == "1"  # KP_1, evdev 79
    assert us_character(0x4F, platform="windows") == "1"
    assert us_character(0x135, platform="windows") == "/"


def test_keys_that_type_nothing():
    assert us_character(9, platform="x11") is None  # Escape
    assert us_character(0x01, platform="windows") is None
    assert us_character(0, platform="x11") is None


@pytest.mark.parametrize(
    ("char", "control"),
    [("]", "\x1d"), ("^", "\x1e"), ("6", "\x1e"), ("d", "\x04"), ("D", "\x04"), ("b", "\x02")],
)
def test_ctrl_characters(char, control):
    assert control_character(char) == control


def test_ctrl_on_a_key_without_a_control_character():
    assert control_character("1") is None
    assert us_character(10, platform="x11", ctrl=True) is None
    assert us_character(35, platform="x11", ctrl=True) == "\x1d"  # Ctrl+]
