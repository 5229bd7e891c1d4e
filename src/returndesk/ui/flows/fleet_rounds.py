"""The station's rounds for the fleet (heartbeat, ledger, sync job, the fleet's copy of the
expected returns), every ``heartbeat_seconds`` in the background; the header hears each."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from returndesk.fleet.agent import FleetAgent, FleetTick
from returndesk.ui.common.tasks import TaskRunner

log = logging.getLogger(__name__)


def start_fleet_rounds(
    agent: FleetAgent,
    background: TaskRunner,
    interval_seconds: int,
    *,
    parent: QObject,
    first_ms: int = 0,
    on_tick: Callable[[FleetTick], None],
    on_error: Callable[[Exception], None],
) -> QTimer:
    """A round now (or after ``first_ms``) and every ``interval_seconds``; the timer."""
    busy = False

    def go() -> None:
        nonlocal busy
        if busy:
            return  # a slow round (a night's full sync) is not queued twice
        busy = True
        background.run(agent.tick, done, failed)

    def done(tick: FleetTick) -> None:
        nonlocal busy
        busy = False
        on_tick(tick)

    def failed(exc: Exception) -> None:
        nonlocal busy
        busy = False
        log.warning("fleet round failed: %s", exc)
        on_error(exc)

    timer = QTimer(parent)
    timer.setInterval(interval_seconds * 1000)
    timer.timeout.connect(go)
    timer.start()
    if first_ms:
        QTimer.singleShot(first_ms, go)
    else:
        go()
    return timer
