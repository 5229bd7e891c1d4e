"""The expected-returns cache kept fresh while the station runs: a refresh in the background
every few minutes, the first once the station's first frames are up."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from returndesk.cache.expected_returns import ExpectedReturnsCache
from returndesk.settings.model import ReturnMateFields
from returndesk.ui.common.tasks import TaskRunner
from returndesk.vendors.returnmate import ReturnMateClient

#: how often the expected-returns cache is refreshed while the station runs
CACHE_REFRESH_MS = 10 * 60 * 1000

log = logging.getLogger(__name__)


def start_cache_refresh(
    returnmate: ReturnMateClient,
    cache_path: Path,
    fields: ReturnMateFields,
    statuses: Sequence[str],
    background: TaskRunner,
    *,
    parent: QObject,
    first_ms: int = 0,
    on_result: Callable[[int | None, str | None], None] | None = None,
) -> QTimer:
    """Refresh now (or after ``first_ms``) and every :data:`CACHE_REFRESH_MS`; returns the
    timer, which the station stops when it closes. ``on_result(count, problem)`` hears each
    refresh: the receivable RMAs now cached, or why the refresh failed (on the GUI thread)."""

    def refresh() -> int:
        # its own connection: the refresh never shares one with a lookup
        cache = ExpectedReturnsCache(cache_path, fields)
        try:
            return cache.refresh(returnmate, list(statuses))
        finally:
            cache.close()

    def refreshed(count: int) -> None:
        log.info("expected-returns cache: %d receivable RMAs", count)
        if on_result is not None:
            on_result(count, None)

    def failed(exc: Exception) -> None:
        log.warning("expected-returns cache not refreshed: %s", exc)
        if on_result is not None:
            on_result(None, str(exc))

    timer = QTimer(parent)
    timer.setInterval(CACHE_REFRESH_MS)
    timer.timeout.connect(lambda: background.run(refresh, refreshed, failed))
    timer.start()
    if first_ms:
        QTimer.singleShot(first_ms, lambda: background.run(refresh, refreshed, failed))
    else:
        background.run(refresh, refreshed, failed)
    return timer
