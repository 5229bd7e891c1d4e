"""The one way the UI does background work.

``runner.run(work, on_done, on_error)`` runs ``work()`` on a ``QThreadPool`` thread and calls
``on_done(result)`` or ``on_error(exception)`` back on the GUI thread. Widgets are only ever
touched in those callbacks. Tests use ``TaskRunner(synchronous=True)``, which runs inline.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:
            self._report(self.relay.failed, exc)
        else:
            self._report(self.relay.done, result)

    @staticmethod
    def _report(signal: Any, value: Any) -> None:
        try:
            signal.emit(value)
        except RuntimeError:
            # the window closed while this ran (shutdown): nobody is left to tell
            log.debug("background result dropped: its receiver is gone")


class TaskRunner(QObject):
    def __init__(
        self, *, synchronous: bool = False, max_threads: int = 1, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._synchronous = synchronous
        self._pool = QThreadPool(self)
        # one thread by default: work on one runner is done in order, never concurrently
        self._pool.setMaxThreadCount(max_threads)
        self._live: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        if self._synchronous:
            try:
                result = work()
            except Exception as exc:
                on_error(exc)
            else:
                on_done(result)
            return
        relay = _Relay()  # lives on the GUI thread: its signals arrive there, queued
        self._live.add(relay)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._live.discard(relay)
            callback(value)

        relay.done.connect(lambda result: finish(on_done, result))
        relay.failed.connect(lambda exc: finish(on_error, exc))
        self._pool.start(_Task(work, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        return self._pool.waitForDone(msecs)
