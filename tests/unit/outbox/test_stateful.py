"""A model of the outbox checked against the real SQLite store under random operations.

Rules: enqueue, claim (the predicted head item or nothing), every attempt outcome, a crash
(close without finishing, reopen, recover), staff retry, and time passing.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from returndesk.outbox.model import (
    CLAIMABLE,
    RESOLVABLE,
    RETRYABLE_BY_STAFF,
    Kind,
    Lane,
    NewItem,
    State,
)
from returndesk.outbox.policy import after_failure
from returndesk.outbox.store import OutboxStore
from returndesk.vendors.errors import (
    AuthError,
    ConnectFailed,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    ServerError,
)
from tests.outbox_bodies import update_body

FAILURES = [ConnectFailed, ServerError, PermanentError, AuthError, RateLimited, OutcomeUnknown]
#: the README's numbers ("The outbox: nothing lost, nothing applied twice"), written out here
#: so the model does not borrow them from the code under test
BACKOFF_CAP = timedelta(minutes=15)
CONNECT_RETRY_CAP = timedelta(seconds=30)
AUTH_PAUSE = timedelta(minutes=15)
MAX_RATE_PAUSE = timedelta(minutes=15)
MAX_ATTEMPTS = 10
MAX_AGE = timedelta(hours=72)
#: re-sending these after an unknown outcome is harmless (README); notes and analyses are not
RESENDABLE = {Kind.WMS_UPDATE, Kind.RMA_STATUS, Kind.PHOTO_UPLOAD}


def expected_after(
    kind: Kind,
    failure: type,
    *,
    was_unknown: bool,
    attempts: int,
    age: timedelta,
    retry_after: timedelta,
) -> tuple[State, bool, bool, timedelta | None, timedelta]:
    """(state, outcome-unknown mark, burns an attempt, lane pause, longest wait) after one
    failed attempt, as the README states the rules."""
    held = State.UNKNOWN if was_unknown else State.WAITING
    if failure is RateLimited:  # Retry-After, at least 1 s, capped; no attempt burned
        pause = min(max(retry_after, timedelta(seconds=1)), MAX_RATE_PAUSE)
        return held, was_unknown, False, pause, pause
    if failure is AuthError:  # the lane waits 15 minutes, flagged; no attempt burned
        return held, was_unknown, False, AUTH_PAUSE, AUTH_PAUSE
    if failure is PermanentError:  # refused as it is; after an unknown attempt, a human
        if was_unknown:
            return State.NEEDS_ATTENTION, True, True, None, timedelta(0)
        return State.FAILED, False, True, None, timedelta(0)
    if failure is ConnectFailed:  # never reached the vendor: soon again, no attempt burned
        if age >= MAX_AGE:
            return State.NEEDS_ATTENTION, was_unknown, False, None, timedelta(0)
        return held, was_unknown, False, None, CONNECT_RETRY_CAP
    # a 5xx or no answer: the vendor may have acted
    if kind not in RESENDABLE:
        return State.NEEDS_ATTENTION, True, True, None, timedelta(0)
    if attempts + 1 >= MAX_ATTEMPTS or age >= MAX_AGE:
        return State.NEEDS_ATTENTION, True, True, None, timedelta(0)
    return State.UNKNOWN, True, True, None, BACKOFF_CAP


#: tmpfs when there is one: the model checks logic, fsync speed is measured elsewhere
SCRATCH = "/dev/shm" if os.path.isdir("/dev/shm") else None


@dataclass
class ModelItem:
    kind: Kind
    state: State = State.WAITING
    due: datetime = field(default_factory=lambda: datetime.min.replace(tzinfo=UTC))
    was_unknown: bool = False
    attempts: int = 0


def body(kind: Kind, n: int) -> dict:
    """Item ``n``'s payload: an nShift update must be one nShift's types allow."""
    return update_body(f"R{n}") if kind is Kind.WMS_UPDATE else {"n": n}


class OutboxMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(dir=SCRATCH))
        self.now = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
        self.store = self._open()
        self.model: dict[str, ModelItem] = {}
        self.order: list[str] = []
        self.paused: dict[Lane, datetime] = {}
        self.rng = random.Random(0)

    def _open(self) -> OutboxStore:
        return OutboxStore(self.dir / "outbox.db", clock=lambda: self.now)

    def teardown(self) -> None:
        self.store.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    # ------------------------------------------------------------------ rules
    @rule(kind=st.sampled_from(list(Kind)), count=st.integers(1, 3))
    def enqueue(self, kind: Kind, count: int) -> None:
        first = len(self.order)
        ids = self.store.enqueue([NewItem(kind, body(kind, first + i)) for i in range(count)])
        for item_id in ids:
            self.model[item_id] = ModelItem(kind, due=self.now)
            self.order.append(item_id)

    def _expected_head(self, lane: Lane) -> str | None:
        if self.paused.get(lane, self.now) > self.now:
            return None
        for item_id in self.order:
            item = self.model[item_id]
            if item.kind.lane is lane and item.state in CLAIMABLE:
                return item_id if item.due <= self.now else None
        return None

    @rule(lane=st.sampled_from(list(Lane)))
    def claim(self, lane: Lane) -> None:
        expected = self._expected_head(lane)
        claimed = self.store.claim_next(lane)
        assert (claimed.id if claimed else None) == expected
        if claimed is not None:
            self.model[claimed.id].state = State.SENDING

    @precondition(lambda self: any(i.state is State.SENDING for i in self.model.values()))
    @rule(
        data=st.data(), failure=st.sampled_from([None, *FAILURES]), retry_after=st.integers(0, 2000)
    )
    def finish(self, data: st.DataObject, failure: type | None, retry_after: int) -> None:
        sending = [i for i in self.order if self.model[i].state is State.SENDING]
        item_id = data.draw(st.sampled_from(sending))
        model = self.model[item_id]
        if failure is None:
            self.store.record_sent(item_id, {"ok": True})
            model.state = State.SENT
            model.attempts += 1
            return
        from returndesk.vendors.ratelimit import RateLimit

        status = 503 if failure is ServerError else None
        error = failure(
            "x",
            vendor="V",
            status=status,
            rate_limit=RateLimit(retry_after=timedelta(seconds=retry_after)),
        )
        item = self.store.get(item_id)
        # the drainer's own policy decides and the store records it ...
        outcome = after_failure(
            item.kind,
            error,
            attempts=item.attempts,
            was_unknown=item.was_unknown,
            created_at=item.created_at,
            now=self.now,
            rng=self.rng,
        )
        self.store.record_outcome(item, outcome)
        # ... and the model says, from the README's rules alone, what that must have been
        state, was_unknown, counts, pause, longest = expected_after(
            model.kind,
            failure,
            was_unknown=model.was_unknown,
            attempts=model.attempts,
            age=self.now - item.created_at,
            retry_after=timedelta(seconds=retry_after),
        )
        recorded = self.store.get(item_id)
        assert (recorded.state, recorded.was_unknown) == (state, was_unknown), failure
        assert self.now <= recorded.next_attempt_at <= self.now + longest
        model.state, model.was_unknown = state, was_unknown
        model.due = recorded.next_attempt_at
        model.attempts += 1 if counts else 0
        if pause is not None:
            assert self.store.lane_state(item.lane).paused_until == self.now + pause
            self.paused[item.lane] = self.now + pause

    @rule()
    def crash(self) -> None:
        # the process dies: no cleanup, the next start reopens and recovers
        self.store.close()
        self.store = self._open()
        self.store.recover_after_crash()
        for item in self.model.values():
            if item.state is State.SENDING:
                # README: re-sent where harmless, else a human checks
                item.state = State.UNKNOWN if item.kind in RESENDABLE else State.NEEDS_ATTENTION
                item.was_unknown = True
                item.due = self.now

    @rule()
    def staff_retry_all(self) -> None:
        # what may duplicate (a note or analysis that may have landed) is left alone; only
        # the lanes of what is retried resume
        self.store.retry_all()
        touched = set()
        for item in self.model.values():
            risky = item.was_unknown and not item.kind.resend_after_unknown
            if item.state in RETRYABLE_BY_STAFF and not risky:
                item.state = State.UNKNOWN if item.was_unknown else State.WAITING
                item.due = self.now
                item.attempts = 0
                touched.add(item.kind.lane)
        for lane in touched:
            self.paused.pop(lane, None)

    @rule(data=st.data())
    def staff_retry_one_taking_the_risk(self, data: st.DataObject) -> None:
        ids = [key for key, i in self.model.items() if i.state in RETRYABLE_BY_STAFF]
        if not ids:
            return
        item_id = data.draw(st.sampled_from(ids))
        item = self.model[item_id]
        assert self.store.retry(item_id, accept_duplicate_risk=True) == 1
        item.was_unknown = item.was_unknown and item.kind.resend_after_unknown
        item.state = State.UNKNOWN if item.was_unknown else State.WAITING
        item.due = self.now
        item.attempts = 0
        self.paused.pop(item.kind.lane, None)

    @rule(data=st.data())
    def staff_resolves(self, data: st.DataObject) -> None:
        ids = [key for key, i in self.model.items() if i.state in RESOLVABLE]
        if not ids:
            return
        item_id = data.draw(st.sampled_from(ids))
        self.store.resolve(item_id, "checked at the vendor")
        self.model[item_id].state = State.RESOLVED

    @rule(minutes=st.integers(1, 120))
    def time_passes(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    # ------------------------------------------------------------------ invariants
    @invariant()
    def nothing_lost_and_states_match(self) -> None:
        stored = {i.id: i for i in self.store.items(limit=100_000)}
        assert set(stored) == set(self.model)
        for item_id, model in self.model.items():
            got = stored[item_id]
            assert got.state is model.state, (item_id, got.state, model.state)
            assert got.was_unknown == model.was_unknown
            assert got.attempts == model.attempts
        assert [i.id for i in self.store.items(limit=100_000)] == self.order

    @invariant()
    def nothing_unsafe_is_resent_after_unknown(self) -> None:
        for model in self.model.values():
            if model.was_unknown and not model.kind.resend_after_unknown:
                assert model.state not in CLAIMABLE


OutboxMachine.TestCase.settings = settings(
    max_examples=500,
    stateful_step_count=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestOutboxModel = OutboxMachine.TestCase
