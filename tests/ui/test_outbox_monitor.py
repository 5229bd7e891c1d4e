import threading

import pytest

from returndesk.core.environment import Environment
from returndesk.outbox.model import Counts
from returndesk.ui.common.header import HeaderInfo
from returndesk.ui.common.outbox_monitor import OutboxMonitor
from returndesk.ui.screens.main_window import MainWindow


def window_with(qtbot, monitor, problems=()):
    window = MainWindow(
        HeaderInfo("Bench", "S1", Environment.SANDBOX), monitor=monitor, problems=problems
    )
    qtbot.addWidget(window)
    window.show()
    return window


def test_counts_from_a_drainer_thread_reach_the_header_within_a_second(qtbot):
    monitor = OutboxMonitor(Counts(waiting=3))
    window = window_with(qtbot, monitor)
    assert window.header.queue_label.text() == "3 waiting"
    assert window.header.network_label.text() == "no traffic yet"
    worker = threading.Thread(
        target=monitor.on_drainer_change, args=(Counts(waiting=1, failed=2), False)
    )
    with qtbot.waitSignal(monitor.counts_changed, timeout=1000):
        worker.start()
    worker.join()
    qtbot.waitUntil(lambda: "⚠ 2" in window.header.queue_label.text(), timeout=1000)
    assert window.header.queue_label.text() == "1 waiting · ⚠ 2"
    assert window.header.queue_label.toolTip() == "1 waiting · 2 need attention"
    # the second signal of the same call is queued separately: wait for it too
    qtbot.waitUntil(lambda: window.header.network_label.text().startswith("OFFLINE"), timeout=1000)
    monitor.on_drainer_change(Counts(sent=3), True)
    qtbot.waitUntil(lambda: window.header.network_label.text() == "online", timeout=1000)


def test_problems_show_in_a_non_modal_banner(qtbot):
    monitor = OutboxMonitor(Counts())
    window = window_with(qtbot, monitor, problems=["the station database was damaged"])
    assert window.banner.isVisible()
    assert "damaged" in window.banner.label.text()
    monitor.on_problem("the station's disk is full: nothing was saved")
    qtbot.waitUntil(lambda: "disk is full" in window.banner.label.text(), timeout=1000)
    window.banner.dismiss.click()
    assert not window.banner.isVisible()
    assert window.screens.currentWidget() is window.ready  # nothing modal got in the way


def test_the_header_says_which_vendor_answers_from_any_request(qtbot):
    import httpx

    from returndesk.vendors.errors import ConnectFailed
    from returndesk.vendors.returnmate import ReturnMateClient

    monitor = OutboxMonitor(Counts())
    window = window_with(qtbot, monitor)
    network = window.header.network_label

    def refused(request):
        raise httpx.ConnectError("connection refused", request=request)

    up = ReturnMateClient.create(
        "https://api.returnmate.test/v1",
        "rm_test_key",
        transport=httpx.MockTransport(lambda r: httpx.Response(200, json={"data": []})),
    )
    down = ReturnMateClient.create(
        "https://api.returnmate.test/v1", "rm_test_key", transport=httpx.MockTransport(refused)
    )
    monitor.watch("ReturnMate", up)
    monitor.watch("nShift", down)  # stands in for a second vendor that is down
    up._transport.request("GET", "rmas")  # a lookup, not the outbox: still traffic
    qtbot.waitUntil(lambda: network.text() == "online", timeout=1000)
    with pytest.raises(ConnectFailed):
        down._transport.request("GET", "rmas")
    qtbot.waitUntil(lambda: network.text().startswith("OFFLINE: nShift"), timeout=1000)
    assert network.text() == "OFFLINE: nShift — receiving goes on"
    assert "ReturnMate: answers" in network.toolTip()


def test_a_bench_without_sign_on_says_so_in_the_header(qtbot):
    window = MainWindow(HeaderInfo("Bench", "S1", Environment.SANDBOX, sign_on=False))
    qtbot.addWidget(window)
    assert window.header.operator_label.text() == "sign-on off"
    window.header.set_operator("Ada")
    assert window.header.operator_label.text() == "Ada"


def test_the_header_says_how_many_returns_are_cached_and_since_when(qtbot):
    from datetime import UTC, datetime

    window = MainWindow(HeaderInfo("Bench", "S1", Environment.SANDBOX))
    qtbot.addWidget(window)
    cache = window.header.cache_label
    assert cache.text() == "not loaded yet"
    at = datetime(2026, 12, 2, 9, 50, tzinfo=UTC)
    window.header.set_cache(46, None, now=at)
    local = at.astimezone().strftime("%H:%M")
    assert cache.text() == f"46 · {local}"
    window.header.set_cache(None, "ReturnMate could not be reached")  # offline: kept, marked
    assert cache.text() == f"46 · {local}, old"
    assert "could not be reached" in cache.toolTip()
    spent = "not sent: the day's 10,000 requests are used (the station's budget)"
    window.header.set_cache(None, spent, True)  # out of quota: said, receiving goes on
    assert cache.text() == f"46 · {local} ⚠ quota"
    assert "the day's 10,000 requests are used" in cache.toolTip()


def test_waiting_labels_show_as_the_label_printers_not_in_the_vendor_queue(qtbot):
    window = window_with(qtbot, OutboxMonitor(Counts()))
    header = window.header
    assert header.labels_box.isHidden()
    header.set_counts(Counts(waiting=5, failed=1, labels_pending=3, labels_attention=1))
    assert header.queue_label.text() == "2 waiting"
    assert not header.labels_box.isHidden()
    assert header.labels_label.text() == "3 waiting · ⚠ 1"
    assert header.labels_label.toolTip() == "3 waiting · 1 need attention"
    header.set_counts(Counts(waiting=2))
    assert header.labels_box.isHidden()


@pytest.mark.parametrize("lang", ["en", "sv", "de"])
def test_a_full_header_fits_1280_pixels_in_every_language(qtbot, lang):
    from returndesk.ui.common.i18n import install_language
    from returndesk.ui.common.theme import STYLESHEET

    install_language(lang)
    try:
        window = window_with(qtbot, OutboxMonitor(Counts()))
        window.setStyleSheet(STYLESHEET)
        window.resize(1280, 800)
        header = window.header
        header.set_operator("Ada Lindqvist")
        header.set_counts(Counts(waiting=12, failed=3, labels_pending=7, labels_attention=2))
        header.set_cache(9_000, None)
        header.set_cache(None, "the day's requests are used", True)  # the longest RMAs text
        header.set_reachable(True)
        shown = [
            label
            for label in header.findChildren(type(header.queue_label))
            if label.isVisibleTo(header) and label.text()
        ]

        def nothing_cut() -> bool:
            return all(label.width() >= label.sizeHint().width() for label in shown)

        qtbot.waitUntil(nothing_cut, timeout=2000)  # fails here if the header cannot fit
    finally:
        install_language("en")
