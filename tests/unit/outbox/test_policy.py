import random
from datetime import UTC, datetime, timedelta

import pytest

from returndesk.outbox.model import Kind, State
from returndesk.outbox.policy import (
    BACKOFF_CAP,
    CONNECT_RETRY_CAP,
    MAX_ATTEMPTS,
    MAX_RATE_PAUSE,
    after_failure,
    after_unexpected,
    after_unknown_on_start,
    full_jitter,
)
from returndesk.vendors.errors import (
    AuthError,
    ConnectFailed,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    ServerError,
)

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def decide(kind, error, attempts=0, was_unknown=False, created=NOW):
    return after_failure(
        kind,
        error,
        attempts=attempts,
        was_unknown=was_unknown,
        created_at=created,
        now=NOW,
        rng=random.Random(1),
    )


def err(cls, **kw):
    return cls("boom", vendor="V", **kw)


def test_backoff_is_full_jitter_within_the_cap():
    rng = random.Random(7)
    for attempts in range(30):
        delay = full_jitter(attempts, rng)
        assert timedelta(0) <= delay <= min(BACKOFF_CAP, timedelta(seconds=5 * 2**attempts))


@pytest.mark.parametrize("kind", list(Kind))
def test_no_connection_is_tried_again_soon_and_burns_no_attempt(kind):
    outcome = decide(kind, err(ConnectFailed), attempts=8)
    assert outcome.state is State.WAITING
    assert NOW <= outcome.next_attempt_at <= NOW + CONNECT_RETRY_CAP
    assert not outcome.counts_attempt


@pytest.mark.parametrize("status", [500, 502, 503, 504])
@pytest.mark.parametrize("kind", list(Kind))
def test_a_5xx_is_resent_only_where_a_repeat_is_harmless(kind, status):
    outcome = decide(kind, err(ServerError, status=status))
    assert outcome.was_unknown  # the server had the whole request
    if kind.resend_after_unknown:
        assert outcome.state is State.UNKNOWN
        assert outcome.next_attempt_at >= NOW
        assert outcome.counts_attempt
    else:
        assert outcome.state is State.NEEDS_ATTENTION
        assert "may have been applied" in outcome.error


def test_an_unexpected_error_needs_a_human_with_a_clean_reason():
    outcome = after_unexpected(
        PermissionError(13, "Permission denied\n\u202eforged"), was_unknown=False, now=NOW
    )
    assert outcome.state is State.NEEDS_ATTENTION
    assert outcome.was_unknown
    assert outcome.error.startswith("unexpected error while sending: PermissionError")
    assert "\n" not in outcome.error
    assert "\u202e" not in outcome.error


@pytest.mark.parametrize("kind", list(Kind))
def test_permanent_fails_unless_an_earlier_attempt_was_unknown(kind):
    assert decide(kind, err(PermanentError, status=400)).state is State.FAILED
    after_unknown = decide(kind, err(PermanentError, status=400), was_unknown=True)
    assert after_unknown.state is State.NEEDS_ATTENTION
    assert "earlier attempt had no answer" in after_unknown.error


def test_unknown_outcome_resends_only_where_safe():
    assert decide(Kind.WMS_UPDATE, err(OutcomeUnknown)).state is State.UNKNOWN
    assert decide(Kind.RMA_STATUS, err(OutcomeUnknown)).state is State.UNKNOWN
    assert decide(Kind.ANALYZE, err(OutcomeUnknown)).state is State.NEEDS_ATTENTION
    assert decide(Kind.RMA_NOTE, err(OutcomeUnknown)).state is State.NEEDS_ATTENTION
    assert after_unknown_on_start(Kind.WMS_UPDATE) is State.UNKNOWN
    assert after_unknown_on_start(Kind.ANALYZE) is State.NEEDS_ATTENTION


def test_unknown_stays_remembered_through_later_retryable_errors():
    outcome = decide(Kind.WMS_UPDATE, err(ConnectFailed), was_unknown=True)
    assert outcome.state is State.UNKNOWN
    assert outcome.was_unknown


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"retry-after": "30"}, timedelta(seconds=30)),
        ({"retry-after": "99999"}, MAX_RATE_PAUSE),
        ({}, timedelta(seconds=60)),
    ],
)
def test_429_pauses_the_lane_without_burning_an_attempt(headers, expected):
    from returndesk.vendors.ratelimit import parse_rate_limit

    outcome = decide(
        Kind.ANALYZE, err(RateLimited, status=429, rate_limit=parse_rate_limit(headers, NOW))
    )
    assert outcome.state is State.WAITING
    assert not outcome.counts_attempt
    assert outcome.lane_pause_until - NOW == expected
    assert outcome.next_attempt_at == outcome.lane_pause_until


def test_429_http_date_form():
    """Retry-After as an HTTP date (RFC 9110) is read from the header, not made up."""
    import httpx

    from returndesk.vendors.ratelimit import parse_rate_limit

    when = NOW + timedelta(seconds=42)
    headers = httpx.Headers({"Retry-After": when.strftime("%a, %d %b %Y %H:%M:%S GMT")})
    rl = parse_rate_limit(headers, now=NOW)
    outcome = decide(Kind.WMS_UPDATE, err(RateLimited, status=429, rate_limit=rl))
    assert outcome.lane_pause_until == when
    # a date already past (the vendor's clock behind ours) is "now": the shortest pause,
    # not the 60 s kept for a 429 that names no time at all
    past = parse_rate_limit(httpx.Headers({"Retry-After": "Mon, 23 Nov 2026 08:00:00 GMT"}), NOW)
    assert decide(Kind.WMS_UPDATE, err(RateLimited, rate_limit=past)).lane_pause_until == (
        NOW + timedelta(seconds=1)
    )


def test_auth_pauses_lane_and_flags_it():
    outcome = decide(Kind.WMS_UPDATE, err(AuthError, status=401))
    assert outcome.lane_auth_blocked
    assert not outcome.counts_attempt
    assert outcome.state is State.WAITING


def test_attempt_budget_and_age_end_in_needs_attention():
    assert (
        decide(Kind.WMS_UPDATE, err(ServerError), attempts=MAX_ATTEMPTS - 1).state
        is State.NEEDS_ATTENTION
    )
    old = NOW - timedelta(hours=73)
    assert decide(Kind.WMS_UPDATE, err(ConnectFailed), created=old).state is State.NEEDS_ATTENTION
    assert decide(Kind.WMS_UPDATE, err(ConnectFailed), attempts=50).state is State.WAITING
