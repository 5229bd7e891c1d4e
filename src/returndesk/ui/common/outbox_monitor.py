"""Qt adapter for the outbox: turns drainer callbacks (on its threads) into GUI-thread signals.

Signals:
    counts_changed(Counts): the outbox after an attempt, counted on the drainer's thread
    reachability_changed(bool): whether the last attempt reached its vendor
    problem_reported(str): storage trouble or refused credentials the operator must see
    vendor_seen(str, bool): a vendor (by name) answered, or could not be reached at all
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from returndesk.outbox.model import Counts


class OutboxMonitor(QObject):
    counts_changed = Signal(object)
    reachability_changed = Signal(bool)
    problem_reported = Signal(str)
    vendor_seen = Signal(str, bool)

    def __init__(self, initial: Counts, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.counts = initial
        self.counts_changed.connect(self._remember)

    def _remember(self, counts: Counts) -> None:
        self.counts = counts

    # the two methods below are called on drainer threads; emitting from there is queued to
    # receivers that live on the GUI thread, so no widget is touched off that thread
    def on_drainer_change(self, counts: Counts, reached: bool) -> None:
        self.counts_changed.emit(counts)
        self.reachability_changed.emit(reached)

    def on_problem(self, message: str) -> None:
        self.problem_reported.emit(message)

    def watch(self, name: str, client: Any) -> None:
        """Every request ``client`` makes (lookups, the cache, the drainer) tells the header
        whether ``name`` is reachable; called back on whatever thread made the request."""
        client.on_answer(partial(self.vendor_seen.emit, name, True))
        client.on_unreachable(partial(self.vendor_seen.emit, name, False))
