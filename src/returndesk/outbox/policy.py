"""What happens after an attempt: the next state, the next attempt time, lane pauses.

Pure functions over the typed vendor failures, so every rule is tested without a network.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from returndesk.outbox.model import Kind, State
from returndesk.vendors.errors import ConnectFailed, FailureKind, VendorError
from returndesk.vendors.transport import sanitize

BACKOFF_BASE = timedelta(seconds=5)
BACKOFF_CAP = timedelta(minutes=15)
#: a 429 without Retry-After, and the longest pause any header may ask for
DEFAULT_RATE_PAUSE = timedelta(seconds=60)
MAX_RATE_PAUSE = timedelta(minutes=15)
AUTH_PAUSE = timedelta(minutes=15)
MAX_ATTEMPTS = 10
MAX_AGE = timedelta(hours=72)
#: the longest wait after "no connection could be made": the vendor never saw the request,
#: so trying again costs it nothing and is the cheapest probe of whether it is back
CONNECT_RETRY_CAP = timedelta(seconds=30)


def full_jitter(attempts: int, rng: random.Random) -> timedelta:
    """AWS-style full jitter: uniform in [0, min(cap, base · 2^attempts)]."""
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * (2 ** min(attempts, 20)))
    return timedelta(seconds=rng.uniform(0, ceiling.total_seconds()))


@dataclass(frozen=True, slots=True)
class Outcome:
    state: State
    next_attempt_at: datetime
    error: str | None
    #: whether this attempt counts against the item's attempt budget
    counts_attempt: bool = True
    #: set when the whole lane must wait (429) or stop for credentials (401/403)
    lane_pause_until: datetime | None = None
    lane_auth_blocked: bool = False
    was_unknown: bool = False


def after_failure(
    kind: Kind,
    error: VendorError,
    *,
    attempts: int,
    was_unknown: bool,
    created_at: datetime,
    now: datetime,
    rng: random.Random,
) -> Outcome:
    """``attempts`` is the number of attempts *before* this one."""
    message = str(error)
    failure = error.kind
    if failure is FailureKind.RATE_LIMITED:
        hint = error.rate_limit.wait_hint(now)
        # "retry at <a moment already past>" (a skewed clock) means now, not the default
        wait = DEFAULT_RATE_PAUSE if hint is None else hint
        wait = min(max(wait, timedelta(seconds=1)), MAX_RATE_PAUSE)
        state = State.UNKNOWN if was_unknown else State.WAITING
        return Outcome(
            state,
            now + wait,
            message,
            counts_attempt=False,
            lane_pause_until=now + wait,
            was_unknown=was_unknown,
        )
    if failure is FailureKind.AUTH:
        state = State.UNKNOWN if was_unknown else State.WAITING
        return Outcome(
            state,
            now + AUTH_PAUSE,
            message,
            counts_attempt=False,
            lane_pause_until=now + AUTH_PAUSE,
            lane_auth_blocked=True,
            was_unknown=was_unknown,
        )
    if failure is FailureKind.PERMANENT:
        if was_unknown:
            # e.g. nShift refusing a return that is no longer Not Processed: our first,
            # unanswered attempt may have been applied. A human checks; never silently sent.
            return Outcome(
                State.NEEDS_ATTENTION,
                now,
                f"earlier attempt had no answer; now: {message}",
                was_unknown=True,
            )
        return Outcome(State.FAILED, now, message)
    if isinstance(error, ConnectFailed):
        # no connection: the vendor cannot have the request. An outage is not the item's
        # fault, so it burns no attempt; only the item's age ends it (MAX_AGE)
        if now - created_at >= MAX_AGE:
            return Outcome(
                State.NEEDS_ATTENTION,
                now,
                f"not delivered within {MAX_AGE.days * 24} h: {message}",
                was_unknown=was_unknown,
            )
        wait = min(full_jitter(attempts, rng), CONNECT_RETRY_CAP)
        state = State.UNKNOWN if was_unknown else State.WAITING
        return Outcome(state, now + wait, message, counts_attempt=False, was_unknown=was_unknown)
    # a 5xx came after the server had the whole request: it may have acted on it (a gateway's
    # 502/504 after the application stored the note or ran the analysis)
    server_failed = error.status is not None and error.status >= 500
    unknown_now = was_unknown or failure is FailureKind.OUTCOME_UNKNOWN or server_failed
    if (failure is FailureKind.OUTCOME_UNKNOWN or server_failed) and not kind.resend_after_unknown:
        reason = "the server failed after receiving it" if server_failed else "no answer"
        return Outcome(
            State.NEEDS_ATTENTION,
            now,
            f"{reason}; it may have been applied, so it is not re-sent automatically: {message}",
            was_unknown=True,
        )
    if attempts + 1 >= MAX_ATTEMPTS or now - created_at >= MAX_AGE:
        return Outcome(
            State.NEEDS_ATTENTION,
            now,
            f"gave up after {attempts + 1} attempts: {message}",
            was_unknown=unknown_now,
        )
    state = State.UNKNOWN if unknown_now else State.WAITING
    return Outcome(state, now + full_jitter(attempts, rng), message, was_unknown=unknown_now)


def after_unknown_on_start(kind: Kind) -> State:
    """A row left ``sending`` by a crash: re-send only where that is safe."""
    return State.UNKNOWN if kind.resend_after_unknown else State.NEEDS_ATTENTION


def after_unexpected(error: BaseException, *, was_unknown: bool, now: datetime) -> Outcome:
    """The sender raised what no rule expects (an OSError from a photo store, a locked
    database, a bug): a human looks. Whether the request left is unknown, so nothing is
    re-sent by itself."""
    text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    return Outcome(
        State.NEEDS_ATTENTION,
        now,
        f"unexpected error while sending: {sanitize(text, ())}",
        was_unknown=True,
    )
