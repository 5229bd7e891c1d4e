"""Delivers outbox items: one worker thread per vendor lane, never on the GUI thread.

:func:`process_one` is the whole per-item logic and runs synchronously in tests; the
:class:`Drainer` only adds threads, pacing and waiting.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from pydantic import ValidationError

from returndesk.outbox.model import Counts, Kind, Lane, State
from returndesk.outbox.policy import MAX_RATE_PAUSE, Outcome, after_failure
from returndesk.outbox.senders import Sender, load_payload
from returndesk.outbox.store import OutboxStore, StorageError, utcnow
from returndesk.vendors.errors import ConnectFailed, VendorError

log = logging.getLogger(__name__)

#: counting the outbox costs ~2 ms at 50,000 rows: report to the UI at most this often
#: while draining (and always when a lane goes idle), not after every item
REPORT_EVERY = 0.25
#: the longest a worker sleeps before looking again (new items also wake it at once)
MAX_IDLE = timedelta(seconds=5)


@dataclass(frozen=True, slots=True)
class Attempt:
    """What one delivery attempt did (always truthy, so ``while process_one(...)`` works)."""

    item_id: str
    state: State
    #: False when the vendor could not be reached at all (no connection)
    reached: bool
    #: a message for the operator, raised once (e.g. the vendor refused the credentials)
    alert: str | None = None


def process_one(
    store: OutboxStore,
    lane: Lane,
    senders: Mapping[Kind, Sender],
    *,
    rng: random.Random,
    clock: Callable[[], datetime] = utcnow,
) -> Attempt | None:
    """Claim and deliver the lane's next due item; None if there was nothing to do."""
    item = store.claim_next(lane)
    if item is None:
        return None
    sender = senders.get(item.kind)
    try:
        if sender is None:
            raise LookupError(f"{item.kind.value} is not configured on this station")
        delivery = sender(load_payload(item.payload_json))
    except VendorError as exc:
        outcome = after_failure(
            item.kind,
            exc,
            attempts=item.attempts,
            was_unknown=item.was_unknown,
            created_at=item.created_at,
            now=clock(),
            rng=rng,
        )
        log.info(
            "outbox %s %s: %s -> %s", lane.value, item.id[:8], exc.kind.value, outcome.state.value
        )
        alert = None
        if store.record_outcome(item, outcome):
            alert = (
                f"{exc.vendor} refused the station's credentials ({exc}); sending to "
                f"{exc.vendor} is paused. Check the settings; nothing is lost."
            )
        return Attempt(
            item.id, outcome.state, reached=not isinstance(exc, ConnectFailed), alert=alert
        )
    except (ValidationError, ValueError, LookupError) as exc:
        # the frozen payload itself is unusable: sending it again can never work
        message = str(exc).splitlines()[0][:300]
        store.record_outcome(
            item,
            Outcome(
                State.FAILED, clock(), f"invalid item: {message}", was_unknown=item.was_unknown
            ),
        )
        return Attempt(item.id, State.FAILED, reached=False)
    store.record_sent(item.id, delivery.response)
    wait = delivery.rate_limit.wait_hint(clock())
    if wait:  # the vendor's quota is used up: pause before it has to answer 429
        store.pause_lane(lane, clock() + min(wait, MAX_RATE_PAUSE), "rate limit reached")
    return Attempt(item.id, State.SENT, reached=True)


class _LaneWorker(threading.Thread):
    def __init__(self, drainer: Drainer, lane: Lane, per_minute: int | None) -> None:
        super().__init__(name=f"outbox-{lane.value}", daemon=True)
        self._drainer = drainer
        self.lane = lane
        self._interval = 60.0 / per_minute if per_minute else 0.0
        self._last_start = 0.0
        self.wake = threading.Event()

    def run(self) -> None:
        drainer = self._drainer
        store = OutboxStore(drainer.db_path, clock=drainer.clock)
        rng = random.Random()  # noqa: S311 - jitter, not secrets
        last_report = 0.0
        unreported: bool | None = None  # "reached" of an attempt the UI has not heard of
        try:
            while not drainer.stopping.is_set():
                delay = self._interval - (time.monotonic() - self._last_start)
                if delay > 0 and drainer.stopping.wait(delay):
                    break
                self._last_start = time.monotonic()
                try:
                    attempt = process_one(
                        store, self.lane, drainer.senders, rng=rng, clock=drainer.clock
                    )
                except StorageError as exc:
                    log.error("outbox %s: %s", self.lane.value, exc)
                    drainer.report_problem(str(exc))
                    drainer.stopping.wait(1.0)
                    continue
                if attempt is not None:
                    if attempt.alert:
                        drainer.report_problem(attempt.alert)
                    unreported = attempt.reached
                    if time.monotonic() - last_report >= REPORT_EVERY:
                        drainer.changed(store.counts(), unreported)
                        last_report, unreported = time.monotonic(), None
                    continue
                if unreported is not None:  # going idle: the last state always gets shown
                    drainer.changed(store.counts(), unreported)
                    last_report, unreported = time.monotonic(), None
                self._last_start = 0.0  # idle time counts as spacing already
                self.wake.wait(self._idle_seconds(store))
                self.wake.clear()
        finally:
            store.close()

    def _idle_seconds(self, store: OutboxStore) -> float:
        now = self._drainer.clock()
        due = store.next_due(self.lane)
        paused = store.lane_state(self.lane).paused_until
        wake_at = now + MAX_IDLE
        for moment in (due, paused):
            if moment is not None and moment > now:
                wake_at = min(wake_at, moment)
        return max((wake_at - now).total_seconds(), 0.05)


class Drainer:
    """Starts one worker per lane that has a sender.

    ``on_change(counts, reached)`` runs on a worker thread after every attempt; the UI's
    adapter turns it into a queued Qt signal.
    """

    def __init__(
        self,
        db_path: Path,
        senders: Mapping[Kind, Sender],
        *,
        per_minute: Mapping[Lane, int | None] | None = None,
        clock: Callable[[], datetime] = utcnow,
        on_change: Callable[[Counts, bool], None] | None = None,
        on_problem: Callable[[str], None] | None = None,
    ) -> None:
        self.db_path = db_path
        self.senders = dict(senders)
        self.clock = clock
        self.stopping = threading.Event()
        self._on_change = on_change
        self._on_problem = on_problem
        lanes = {kind.lane for kind in self.senders}
        limits = per_minute or {}
        self._workers = [_LaneWorker(self, lane, limits.get(lane)) for lane in sorted(lanes)]

    def start(self) -> Drainer:
        for worker in self._workers:
            worker.start()
        return self

    def notify(self) -> None:
        """Something was enqueued or retried: look now instead of at the next timeout."""
        for worker in self._workers:
            worker.wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self.stopping.set()
        self.notify()
        for worker in self._workers:
            if worker.is_alive():
                worker.join(timeout)

    def changed(self, counts: Counts, reached: bool) -> None:
        """Called on a worker thread after every attempt, with fresh counts."""
        if self._on_change is not None:
            self._on_change(counts, reached)

    def report_problem(self, message: str) -> None:
        """Storage trouble or refused credentials: the operator must see it."""
        if self._on_problem is not None:
            self._on_problem(message)
