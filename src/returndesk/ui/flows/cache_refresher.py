"""The expected-returns cache kept fresh while the station runs: a sync in the background
every few minutes (the new RMAs; every page once a night and at the first start), the first
once the station's first frames are up."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from returndesk.cache.expected_returns import ExpectedReturnsCache, full_due_at
from returndesk.settings.model import ReturnMateFields
from returndesk.ui.common.tasks import TaskRunner
from returndesk.vendors.budget import BudgetSpent
from returndesk.vendors.returnmate import ReturnMateClient

#: how often the cache asks for new RMAs: a new RMA is scannable offline within this (a sync
#: is one request while fewer than a page of RMAs are new)
CACHE_REFRESH_MS = 5 * 60 * 1000

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
    on_result: Callable[[int | None, str | None, bool], None] | None = None,
    full_sync_hour: int = 3,
) -> QTimer:
    """Refresh now (or after ``first_ms``) and every :data:`CACHE_REFRESH_MS`; returns the
    timer, which the station stops when it closes. ``on_result(count, problem, spent)`` hears each
    refresh: the receivable RMAs now cached, or why the refresh failed (on the GUI thread)."""

    def refresh() -> int:
        # its own connection: the refresh never shares one with a lookup
        cache = ExpectedReturnsCache(cache_path, fields)
        try:
            now = datetime.now(UTC)
            result = cache.sync(
                returnmate, list(statuses), now=now, full_due=full_due_at(now, full_sync_hour)
            )
            log.info("expected-returns sync (%s): %d fetched", result.kind, result.fetched)
            return result.cached
        finally:
            cache.close()

    def refreshed(count: int) -> None:
        log.info("expected-returns cache: %d receivable RMAs", count)
        if on_result is not None:
            on_result(count, None, False)

    def failed(exc: Exception) -> None:
        log.warning("expected-returns cache not refreshed: %s", exc)
        if on_result is not None:
            on_result(None, str(exc), isinstance(exc, BudgetSpent))

    timer = QTimer(parent)
    timer.setInterval(CACHE_REFRESH_MS)
    timer.timeout.connect(lambda: background.run(refresh, refreshed, failed))
    timer.start()
    if first_ms:
        QTimer.singleShot(first_ms, lambda: background.run(refresh, refreshed, failed))
    else:
        background.run(refresh, refreshed, failed)
    return timer
