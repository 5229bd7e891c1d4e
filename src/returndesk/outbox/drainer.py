"""Delivers outbox items: one worker thread per vendor lane, never on the GUI thread.

One attempt is :mod:`returndesk.outbox.delivery` (``process_one`` runs it synchronously in
tests); the :class:`Drainer` adds threads, pacing, group commits and waiting.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from pathlib import Path

from returndesk.outbox.delivery import Attempt, deliver, process_one
from returndesk.outbox.model import Counts, Item, Kind, Lane, State
from returndesk.outbox.senders import Sender
from returndesk.outbox.store import OutboxStore, Settlement, StorageError, utcnow
from returndesk.vendors.transport import sanitize

#: process_one lives with the attempt it makes; imported here by callers that drain by hand
__all__ = ["Attempt", "Drainer", "deliver", "process_one"]

log = logging.getLogger(__name__)

#: counting the outbox costs ~2 ms at 50,000 rows: report to the UI at most this often
#: while draining (and always when a lane goes idle), not after every item
REPORT_EVERY = 0.25
#: the longest a worker sleeps before looking again (new items also wake it at once)
MAX_IDLE = timedelta(seconds=5)
#: on a lane that may re-send (nShift, photos), a result waits at most this long to be
#: written down, so up to this much of sending is repeated after a crash; and at most
#: GROUP_MAX results share one commit. Over a real network each request takes longer than
#: the window and every result gets its own commit; on a fast link the commit (an fsync)
#: no longer costs as much as the request
GROUP_WINDOW = 0.05
GROUP_MAX = 16


class _LaneWorker(threading.Thread):
    def __init__(self, drainer: Drainer, lane: Lane, per_minute: int | None) -> None:
        super().__init__(name=f"outbox-{lane.value}", daemon=True)
        self._drainer = drainer
        self.lane = lane
        self._interval = 60.0 / per_minute if per_minute else 0.0
        self._last_start = 0.0
        self.wake = threading.Event()
        #: the last attempt could not connect; set from any thread when the vendor answers
        self.offline = False
        self.answered = threading.Event()
        #: an unexpected error was reported to the operator and nothing was sent since
        self._unexpected_shown = False
        #: with no pacing, a lane whose every kind may be re-sent records its results in
        #: groups (see GROUP_WINDOW); any other lane records each before the next is sent
        self._grouped = not self._interval and all(
            kind.resend_after_unknown for kind in Kind if kind.lane is lane
        )
        #: claimed and not yet sent (grouped lanes only), in order
        self._claimed: deque[Item] = deque()
        #: sent and not yet written down, and when the first of them came back
        self._unrecorded: list[tuple[Settlement, Attempt]] = []
        self._unrecorded_since = 0.0
        #: how long the last request took: how many fit into one group
        self._last_request = 0.0
        #: the last result was a failure or a pause: nothing more is sent before it is
        #: written down and what was claimed behind it is given back
        self._head_stopped = False

    def run(self) -> None:
        drainer = self._drainer
        store = OutboxStore(drainer.db_path, clock=drainer.clock)
        rng = random.Random()  # noqa: S311 - jitter, not secrets
        self._last_report = 0.0
        self._unreported: bool | None = None  # "reached" of an attempt the UI has not heard of
        pending: tuple[Settlement, Attempt] | None = None
        try:
            while not drainer.stopping.is_set():
                try:
                    if self._grouped:
                        self._grouped_step(store, rng)
                    else:
                        pending = self._step(store, rng, pending)
                except Exception as exc:
                    # the database refused (locked, full, I/O): what was sent stays pending
                    # and is recorded first when it can be
                    self._store_failed(exc)
                    drainer.stopping.wait(1.0)
        finally:
            try:
                if pending is not None:  # sent but not written down: never left "sending"
                    self._unrecorded.append(pending)
                if self._unrecorded or self._claimed:  # claimed ahead, never sent: given back
                    store.settle_and_claim(
                        self.lane,
                        [settlement for settlement, _ in self._unrecorded],
                        claim=0,
                        release=list(self._claimed),
                    )
            except Exception:
                log.exception("outbox %s: last results not recorded", self.lane.value)
            store.close()

    def _step(
        self,
        store: OutboxStore,
        rng: random.Random,
        pending: tuple[Settlement, Attempt] | None,
    ) -> tuple[Settlement, Attempt] | None:
        """Record ``pending``, claim and send the next item; returns its result, unrecorded
        (the next step writes it in the same transaction as the next claim)."""
        drainer = self._drainer
        self._heard_again(store)
        delay = self._interval - (time.monotonic() - self._last_start)
        if delay > 0 and pending is not None:
            self._settled(store, store.settle(pending[0]), [pending])  # not kept through a wait
            pending = None
        if delay > 0 and drainer.stopping.wait(delay):
            return pending
        batch = [pending] if pending else []
        newly_blocked, claimed = store.settle_and_claim(self.lane, [s for s, _ in batch])
        self._settled(store, newly_blocked, batch)
        if not claimed:
            self._go_idle(store)
            return None
        self._last_start = time.monotonic()
        item = claimed[0]
        return self._kept(item, deliver(item, drainer.senders, rng=rng, clock=drainer.clock))

    def _grouped_step(self, store: OutboxStore, rng: random.Random) -> None:
        """Send the next claimed item. Results are written down (and the next items
        claimed) in one commit per group: a group ends before the next send would keep
        its first result unrecorded longer than GROUP_WINDOW, so a vendor that takes
        longer than that gets one commit per item, and a fast one a commit per up to
        GROUP_MAX items. A crash re-sends what is unrecorded or claimed, which is harmless
        for exactly these kinds; a failure or a pause ends the group at once and gives back
        what was claimed behind it (strict FIFO)."""
        drainer = self._drainer
        self._heard_again(store)
        if self._head_stopped:  # a failure or a pause not yet written down comes first
            self._flush(store, claim=0, release=True)
        due = time.monotonic() + self._last_request - self._unrecorded_since
        if not self._claimed or (self._unrecorded and due >= GROUP_WINDOW):
            fit = int(GROUP_WINDOW / self._last_request) if self._last_request else 1
            self._flush(store, claim=max(1, min(GROUP_MAX, fit)) - len(self._claimed))
            if not self._claimed:
                self._go_idle(store)
                return
        item = self._claimed.popleft()
        started = time.monotonic()
        result = self._kept(item, deliver(item, drainer.senders, rng=rng, clock=drainer.clock))
        self._last_request = time.monotonic() - started
        if result is None:
            return
        if not self._unrecorded:
            self._unrecorded_since = time.monotonic()
        self._unrecorded.append(result)
        settlement, attempt = result
        if attempt.state is not State.SENT or settlement.pause_until:
            self._head_stopped = True
            self._flush(store, claim=0, release=True)

    def _flush(self, store: OutboxStore, *, claim: int, release: bool = False) -> None:
        """Write down the unrecorded results and claim ``claim`` more, in one commit."""
        given_back = list(self._claimed) if release else []
        newly_blocked, claimed = store.settle_and_claim(
            self.lane, [s for s, _ in self._unrecorded], claim=claim, release=given_back
        )
        recorded, self._unrecorded = self._unrecorded, []
        if release:
            self._claimed.clear()
            self._head_stopped = False
        self._claimed.extend(claimed)
        self._settled(store, newly_blocked, recorded)

    def _heard_again(self, store: OutboxStore) -> None:
        if self.answered.is_set():
            self.answered.clear()
            if store.due_now(self.lane):
                log.info("outbox %s: the vendor answers again; held items are due", self.lane)
            self.offline = False

    def _kept(
        self, item: Item, result: tuple[Settlement, Attempt]
    ) -> tuple[Settlement, Attempt] | None:
        """The result to write down, or None when the station is closing what the sender
        uses: the row then stays "sending" and the next start decides (re-send where safe),
        as after a crash."""
        attempt = result[1]
        if attempt.unexpected and self._drainer.stopping.is_set():
            log.info("outbox %s %s: left for the next start", self.lane.value, item.id[:8])
            return None
        self.offline = not attempt.reached and not attempt.unexpected
        return result

    def _store_failed(self, exc: Exception) -> None:
        log.error("outbox %s: the store failed", self.lane.value, exc_info=exc)
        self._drainer.report_problem(
            str(exc)
            if isinstance(exc, StorageError)
            else (
                "the station's database failed while sending "
                f"({sanitize(f'{type(exc).__name__}: {exc}', ())}); retrying"
            )
        )

    def _go_idle(self, store: OutboxStore) -> None:
        drainer = self._drainer
        if self._unreported is not None:  # going idle: the last state always gets shown
            drainer.changed(store.counts(), self._unreported)
            self._last_report, self._unreported = time.monotonic(), None
        self._last_start = 0.0  # idle time counts as spacing already
        self.wake.wait(self._idle_seconds(store))
        self.wake.clear()

    def _settled(
        self,
        store: OutboxStore,
        newly_blocked: bool,
        results: list[tuple[Settlement, Attempt]],
    ) -> None:
        """Results are written down: tell the operator what they must know, and the UI.
        ``newly_blocked`` is the last result's (only a group's last can be a refusal)."""
        drainer = self._drainer
        for _, attempt in results:
            if newly_blocked and attempt.alert and attempt is results[-1][1]:
                drainer.report_problem(attempt.alert)
            if attempt.unexpected:
                if not self._unexpected_shown:
                    drainer.report_problem(attempt.alert or "")
                self._unexpected_shown = True
            elif attempt.state is State.SENT:
                self._unexpected_shown = False
            self._unreported = self._network(attempt)
        if results and time.monotonic() - self._last_report >= REPORT_EVERY:
            drainer.changed(store.counts(), self._network(results[-1][1]))
            self._last_report, self._unreported = time.monotonic(), None

    def _network(self, attempt: Attempt) -> bool:
        """What the attempt says of the network (see Lane.tells_of_the_network)."""
        return attempt.reached or not self.lane.tells_of_the_network

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

    def stop(self, timeout: float = 10.0) -> bool:
        """Stop every lane within ``timeout`` seconds in all; False if one is still in a
        request (its row stays "sending" and the next start handles it, as after a crash)."""
        self.stopping.set()
        self.notify()
        deadline = time.monotonic() + timeout
        for worker in self._workers:
            if worker.is_alive():
                worker.join(max(deadline - time.monotonic(), 0.0))
        stuck = [w.name for w in self._workers if w.is_alive()]
        if stuck:
            log.warning("still sending at shutdown: %s", ", ".join(stuck))
        return not stuck

    def vendor_answered(self, lane: Lane) -> None:
        """Any answer from the lane's vendor (a lookup, another kind's request): items held
        back by connection failures need not wait out their backoff."""
        for worker in self._workers:
            if worker.lane is lane and worker.offline:
                worker.answered.set()
                worker.wake.set()

    def changed(self, counts: Counts, reached: bool) -> None:
        """Called on a worker thread after every attempt, with fresh counts."""
        if self._on_change is not None:
            self._on_change(counts, reached)

    def report_problem(self, message: str) -> None:
        """Storage trouble or refused credentials: the operator must see it."""
        if self._on_problem is not None:
            self._on_problem(message)
