"""The window fits the screen it starts on: its available area, never past its edge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from returndesk.app import PREFERRED_SIZE, fit_to_screen


@pytest.mark.parametrize("screen", [(1366, 768), (1280, 720)], ids=["1366x768", "1280x720"])
def test_a_small_screen_is_filled_and_the_bottom_row_shows(qtbot, demo_station, screen):
    _, window, _, _ = demo_station
    area = QRect(0, 0, *screen)  # a laptop's screen without a window manager's taskbar
    fit_to_screen(window, restored=False, area=area)
    window.show()
    qtbot.waitExposed(window)
    assert (window.width(), window.height()) == screen
    # the bottom row (Sign off, Settings, Support) is inside the window, not below its edge
    button = window.ready.support_button
    bottom = button.mapTo(window, QPoint(0, button.height())).y()
    assert bottom <= window.height()


def test_a_large_screen_gets_the_preferred_size_centred(qtbot, demo_station):
    _, window, _, _ = demo_station
    area = QRect(0, 0, 1920, 1080)
    fit_to_screen(window, restored=False, area=area)
    assert (window.width(), window.height()) == PREFERRED_SIZE


def test_a_restored_size_too_large_for_this_screen_is_fitted(qtbot, demo_station):
    _, window, _, _ = demo_station
    window.resize(1900, 1000)  # saved on a larger screen
    area = QRect(0, 0, 1366, 768)
    fit_to_screen(window, restored=True, area=area)
    assert (window.width(), window.height()) == (1366, 768)
