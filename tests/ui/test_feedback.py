"""One feedback language: success, warning and refusal differ in colour, icon and size, and
a refusal stays until the next scan or action replaces it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from returndesk.ui.common.feedback import FeedbackLine, Level
from returndesk.ui.common.theme import STYLESHEET

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def themed(qapp):
    before = qapp.styleSheet()
    qapp.setStyleSheet(STYLESHEET)
    yield
    qapp.setStyleSheet(before)


def shown(line: FeedbackLine, level: Level, text: str) -> tuple[int, str, str]:
    line.show_level(text, level)
    QApplication.processEvents()
    line.label.ensurePolished()
    background = line.palette().color(line.backgroundRole()).name()
    return line.label.font().pointSize(), line.icon.text(), background


def test_each_level_has_its_own_icon_size_and_colour(qtbot, themed):
    line = FeedbackLine()
    qtbot.addWidget(line)
    line.show()
    note = shown(line, Level.NOTE, "Looking up RMA-2026-000001…")
    good = shown(line, Level.GOOD, "✓ RMA-2026-000001 queued")
    warn = shown(line, Level.WARN, "read twice at once — counted once")
    bad = shown(line, Level.BAD, "not in this return — unexpected item")
    assert [note[1], good[1], warn[1], bad[1]] == ["", "✓", "⚠", "✗"]
    assert bad[0] > good[0] >= note[0]  # a refusal is the largest text on the screen
    assert warn[0] > note[0]
    assert len({good[2], warn[2], bad[2]}) == 3  # three colours


def test_the_message_keeps_its_text_and_its_icon_is_never_doubled(qtbot):
    line = FeedbackLine()
    qtbot.addWidget(line)
    line.good("✓ RMA-2026-000001: 2 of 2 accepted")
    assert line.text() == "✓ RMA-2026-000001: 2 of 2 accepted"
    assert line.label.text() == "RMA-2026-000001: 2 of 2 accepted"
    line.setText("a plain note")  # as on a label: no level
    assert line.level is Level.NOTE
    assert not line.icon.isVisibleTo(line)


def test_a_refusal_on_ready_stays_until_the_next_scan(qtbot, station):
    window, router, _, _, cues = station
    router.typed("x" * 250)
    status = window.ready.status
    assert status.level is Level.BAD
    qtbot.wait(1300)  # the edge's flash is over; the message is not
    assert window.ready.flash.colour is None
    assert status.level is Level.BAD
    assert "longer than" in status.text()
    router.typed("RMA-2026-000001")  # the next scan replaces it
    assert window.screens.currentWidget() is window.items
    window.show_screen(window.ready)
    assert status.level is not Level.BAD
    assert cues == ["bad", "good"]
