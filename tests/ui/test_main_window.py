import pytest

from returndesk.core.environment import Environment
from returndesk.ui.common.header import HeaderInfo, StationHeader
from returndesk.ui.common.theme import BADGE_COLOURS, MIN_TOUCH_PX
from returndesk.ui.screens.main_window import MainWindow


@pytest.mark.parametrize("environment", list(Environment))
def test_header_shows_environment_station_and_store(qtbot, environment):
    header = StationHeader(HeaderInfo("Bench 2", "STO-9", environment))
    qtbot.addWidget(header)
    assert header.badge.text() == environment.value
    assert BADGE_COLOURS[environment][1] in header.badge.styleSheet()
    assert header.station_label.text() == "Bench 2"
    assert header.station_caption.text() == "Station · STO-9"
    assert header.operator_label.text() == "not signed on"


def test_live_and_sandbox_badges_differ():
    assert BADGE_COLOURS[Environment.LIVE] != BADGE_COLOURS[Environment.SANDBOX]


def test_main_window_opens_on_ready_with_demo_hint(qtbot):
    window = MainWindow(
        HeaderInfo("Bench 1", "STORE-1", Environment.SANDBOX, "Ada"), demo_codes=["RMA-2026-000001"]
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.screens.currentWidget() is window.ready
    assert window.ready.prompt.text() == "Scan a return label"
    assert "RMA-2026-000001" in window.ready.demo_hint.text()
    assert window.ready.demo_hint.isVisible()
    assert window.header.operator_label.text() == "Ada"
    assert window.header.badge.height() >= MIN_TOUCH_PX


def test_live_window_has_no_training_hint(qtbot):
    window = MainWindow(HeaderInfo("Bench 1", "STORE-1", Environment.LIVE))
    qtbot.addWidget(window)
    window.show()
    assert not window.ready.demo_hint.isVisible()
